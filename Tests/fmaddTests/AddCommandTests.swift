import Foundation
import FMSchema
import FMTestSupport
import Testing

@Suite struct AddCommandTests {
    let upstream = Paths.healthcareList
    let good = ["--category", "mfm", "--title", "A careful multimodal model", "--paper", "https://arxiv.org/abs/2502.01234", "--venue", "arXiv"]

    @Test func addsCommitsOnlyTheListAndLeavesOtherStagedChangesStaged() throws {
        let repo = try GitRepository(list: upstream)
        try Data("notes\n".utf8).write(to: repo.folder.appendingPathComponent("NOTES.md"))
        try repo.git("add", "NOTES.md")
        let result = try Fmadd.run(["add"] + good, in: repo.folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Added to README.md:273 (MFM methods, 2025, a new year group):"))
        #expect(try repo.git("log", "-1", "--format=%s") == "Add \"A careful multimodal model\" to MFM methods (2025)\n")
        #expect(try repo.git("show", "--stat", "--format=", "HEAD").contains("README.md | 3 +++"))
        #expect(try repo.git("status", "--porcelain") == "A  NOTES.md\n")
        let diff = try repo.git("diff", "HEAD~1", "HEAD", "--unified=0")
        let changed = diff.split(separator: "\n").filter { ($0.hasPrefix("+") || $0.hasPrefix("-")) && !$0.hasPrefix("+++") && !$0.hasPrefix("---") }
        #expect(changed == ["+**2025**", "+- [arXiv] A careful multimodal model. [[Paper]](https://arxiv.org/abs/2502.01234)", "+"])
    }

    @Test func theDefaultSubcommandIsAddAndDryRunWritesNothing() throws {
        let repo = try GitRepository(list: upstream)
        let before = try repo.readmeBytes()
        let result = try Fmadd.run(good + ["--dry-run"], in: repo.folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("+- [arXiv] A careful multimodal model. [[Paper]](https://arxiv.org/abs/2502.01234)\n"))
        #expect(try repo.readmeBytes() == before)
    }

    @Test func jsonSaysWhatWasInsertedAndWhere() throws {
        let repo = try GitRepository(list: upstream)
        let result = try Fmadd.run(["add", "--json", "--no-commit"] + good, in: repo.folder)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let added = try #require((object["added"] as? [[String: Any]])?.first)
        #expect(added["line"] as? Int == 273 && added["year"] as? Int == 2025 && added["section"] as? String == "MFM methods")
        #expect(added["newYearGroup"] as? Bool == true)
        #expect(try repo.git("status", "--porcelain") == " M README.md\n")
    }

    @Test(arguments: [
        (["--title", ""], "title: must be at least 3 characters"),
        (["--title", "Bad ](link) title"], "title: must not contain \"](\""),
        (["--title", "Bad | title"], "title: must not contain \"|\""),
        (["--title", "Two\nlines"], "title: must be on one line"),
        (["--title", "Evil \u{202E} title"], "bidirectional override"),
        (["--paper", "javascript:alert(1)"], "links.paper"),
        (["--paper", "file:///etc/passwd"], "links.paper"),
        (["--paper", "data:text/html,hi"], "links.paper"),
        (["--paper", "ftp://example.org/x/y"], "links.paper: must be an https URL, got \"ftp://example.org/x/y\""),
        (["--paper", "https://a.org/with space"], "links.paper"),
        (["--year", "1899"], "year: must be a year between 1900 and 2099, got 1899"),
        (["--year", "2100"], "year: must be a year between 1900 and 2099, got 2100"),
    ] as [([String], String)])
    func aBadFieldIsRefusedAndNothingIsWritten(_ change: [String], _ message: String) throws {
        let repo = try GitRepository(list: upstream)
        let before = try repo.readmeBytes()
        var arguments = ["add", "--category", "mfm", "--title", "A careful multimodal model", "--paper", "https://arxiv.org/abs/2502.01234", "--year", "2025"]
        let index = try #require(arguments.firstIndex(of: change[0]))
        arguments[index + 1] = change[1]
        let result = try Fmadd.run(arguments, in: repo.folder)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(try repo.readmeBytes() == before)
        #expect(try repo.git("log", "--format=%s") == "The list\n")
    }

    /// A list whose entries write the year and authors after a bold title: `--authors` and
    /// `--year` land there, and the record `export` reads back has them.
    @Test func authorsAndYearGoWhereTheListWritesThem() throws {
        let folder = try TemporaryFolder.make()
        let list = folder.appendingPathComponent("README.md")
        try Data("""
            # Papers

            ## VFM methods

            - **Deep Residual Learning for Image Recognition** (2016), K. He et al. [[pdf]](https://arxiv.org/abs/1512.03385)
            - **Going Deeper with Convolutions** (2015), C. Szegedy et al. [[pdf]](https://arxiv.org/abs/1409.4842)

            """.utf8).write(to: list)
        let added = try Fmadd.run(["add", "--no-commit", "--category", "vfm", "--title", "Densely Connected Convolutional Networks", "--year", "2017",
                                   "--authors", "G. Huang et al.", "--paper", "https://arxiv.org/abs/1608.06993", "README.md"], in: folder)
        #expect(added.status == 0, "\(added.stderr)")
        let line = "- **Densely Connected Convolutional Networks** (2017), G. Huang et al. [[pdf]](https://arxiv.org/abs/1608.06993)"
        #expect(try String(contentsOf: list, encoding: .utf8).contains(line + "\n"))
        let exported = try Fmadd.run(["export", "README.md"], in: folder)
        let record = try #require(exported.stdout.split(separator: "\n").last.map { try JSONValue(jsonText: String($0)) })
        #expect(record["title"]?.stringValue == "Densely Connected Convolutional Networks")
        #expect(record["authors"]?.stringValue == "G. Huang et al." && record["year"]?.intValue == 2017)
    }

    /// In a section whose entries link no paper (talks), a talk is added from the flags with its
    /// slides alone, from a --from file too; among papers, the same is refused and nothing written.
    @Test func aTalkIsAddedWithoutAPaperLinkWhereTheSectionLinksNone() throws {
        let folder = try TemporaryFolder.make()
        let list = folder.appendingPathComponent("README.md")
        try Data("""
            ## VFM methods
            - A model. [[Paper]](https://a.org/1) [[Code]](https://c.org/1)
            - Another model. [[Paper]](https://a.org/2)
            - A third model. [[Paper]](https://a.org/3)
            - A fourth model. [[Paper]](https://a.org/4)
            - A fifth model. [[Paper]](https://a.org/5)

            ## Talks
            - A talk. [[Slides]](https://s.org/1) [[Video]](https://v.org/1)
            - Another talk. [[Slides]](https://s.org/2)

            """.utf8).write(to: list)
        try Data("categories:\n  vfm: { heading: VFM methods }\n  talks: { heading: Talks }\n".utf8)
            .write(to: folder.appendingPathComponent(".fmadd.yml"))
        let talk = try Fmadd.run(["add", "--no-commit", "--category", "talks", "--title", "A third talk", "--year", "2024",
                                  "--link", "slides=https://s.org/3", "README.md"], in: folder)
        #expect(talk.status == 0, "\(talk.stderr)")
        try Data(#"{"category": "talks", "title": "A fourth talk", "year": 2024, "links": {"slides": "https://s.org/4"}}"#.utf8)
            .write(to: folder.appendingPathComponent("talk.json"))
        let fromFile = try Fmadd.run(["add", "--no-commit", "--from", "talk.json", "README.md"], in: folder)
        #expect(fromFile.status == 0, "\(fromFile.stderr)")
        let written = try String(contentsOf: list, encoding: .utf8)
        #expect(written.hasSuffix("- A third talk. [[Slides]](https://s.org/3)\n- A fourth talk. [[Slides]](https://s.org/4)\n"), "\(written)")
        let model = try Fmadd.run(["add", "--no-commit", "--category", "vfm", "--title", "A sixth model", "--year", "2024",
                                   "--link", "code=https://c.org/6", "README.md"], in: folder)
        #expect(model.status == 1 && model.stderr.contains("links.paper: is required"), "\(model.stderr)")
        #expect(try String(contentsOf: list, encoding: .utf8) == written)
    }

    /// Code listed among papers without a paper of its own is added with --resource, its link
    /// completed and said so; without --resource it is refused with the way to say it.
    @Test func aResourceIsAddedAmongPapersWhenItSaysItIsOne() throws {
        let repo = try GitRepository(list: upstream)
        let before = try repo.readmeBytes()
        let toolkit = ["add", "--no-commit", "--category", "vfm", "--title", "A segmentation toolkit", "--venue", "Github", "--year", "2024",
                       "--code", "github.com/lab/toolkit"]
        let refused = try Fmadd.run(toolkit, in: repo.folder)
        #expect(refused.status == 1 && refused.stderr.contains("say so with --resource"), "\(refused.stderr)")
        #expect(try repo.readmeBytes() == before)
        let added = try Fmadd.run(toolkit + ["--resource"], in: repo.folder)
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stderr.contains(#"links.code: "github.com/lab/toolkit" was taken as https://github.com/lab/toolkit"#), "\(added.stderr)")
        let diff = try repo.git("diff", "--unified=0")
        #expect(diff.contains("+- [Github] A segmentation toolkit. [[Code]](https://github.com/lab/toolkit)\n"), "\(diff)")
        let check = try Fmadd.run(["check", "README.md"], in: repo.folder)
        #expect(check.stdout.contains("warning: links.paper: the entry links no paper, only its code"), "\(check.stdout)\(check.stderr)")
    }

    @Test func anUnknownCategoryOrAMissingFieldIsAUsageError() throws {
        let repo = try GitRepository(list: upstream)
        let unknown = try Fmadd.run(["add", "--category", "xfm", "--title", "A title here", "--paper", "https://a.org/x", "--year", "2024"], in: repo.folder)
        #expect(unknown.status == 64 && unknown.stderr.contains("unknown category 'xfm'; the list's categories are lfm, vfm, bfm, mfm, lfm-data"))
        let missing = try Fmadd.run(["add", "--category", "mfm", "--title", "A title here", "--year", "2024"], in: repo.folder)
        #expect(missing.status == 64 && missing.stderr.contains("missing paper; give it with --paper"))
    }

    @Test func aFromFileThatIsNotYAMLOrWhoseThirdEntryIsBadWritesNothing() throws {
        let repo = try GitRepository(list: upstream)
        let before = try repo.readmeBytes()
        let notYAML = repo.folder.appendingPathComponent("entries.yml")
        try Data("title: [unclosed\n  - nope: {".utf8).write(to: notYAML)
        let broken = try Fmadd.run(["add", "--from", notYAML.path], in: repo.folder)
        #expect(broken.status == 1 && broken.stderr.contains("is not YAML or JSON"))
        let list = repo.folder.appendingPathComponent("entries.json")
        try Data("""
            [{"category": "lfm", "year": 2024, "title": "First good model", "paper": "https://arxiv.org/abs/2401.11111"},
             {"category": "vfm", "year": 2023, "title": "Second good model", "links": {"paper": "https://arxiv.org/abs/2302.22222", "code": "https://github.com/a/b"}},
             {"category": "mfm", "year": 2022, "title": "Third ](bad) model", "paper": "https://arxiv.org/abs/2203.33333"}]
            """.utf8).write(to: list)
        let third = try Fmadd.run(["add", "--from", list.path], in: repo.folder)
        #expect(third.status == 1 && third.stderr.contains("entry 3: the entry is not valid"))
        #expect(try repo.readmeBytes() == before)
    }

    @Test func aFromFileAddsEveryEntryInOneCommit() throws {
        let repo = try GitRepository(list: upstream)
        let list = repo.folder.appendingPathComponent("entries.yml")
        try Data("""
            - category: lfm
              year: 2024
              title: First good model
              paper: https://arxiv.org/abs/2401.11111
            - category: vfm-data
              name: NewScans
              link: https://example.org/newscans
              modality: 3D CT
              scale: 12 volumes
              task: Segmentation
            """.utf8).write(to: list)
        let result = try Fmadd.run(["add", "--from", list.path], in: repo.folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try repo.git("log", "-1", "--format=%s") == "Add 2 entries to the list\n")
        #expect(try repo.git("show", "--format=", "--numstat", "HEAD") == "2\t0\tREADME.md\n")
    }

    /// A commit that would be refused is known before the list is written.
    @Test func aCommitThatWouldBeRefusedWritesNothing() throws {
        let repo = try GitRepository(list: upstream)
        let before = try repo.readmeBytes()
        try Data().write(to: repo.folder.appendingPathComponent(".git/index.lock"))
        let result = try Fmadd.run(["add"] + good, in: repo.folder)
        #expect(result.status == 2)
        #expect(result.stderr.contains("index.lock") && result.stderr.contains("nothing was written"), "\(result.stderr)")
        #expect(try repo.readmeBytes() == before)
    }

    @Test func aBranchIsMadeForThePullRequest() throws {
        let repo = try GitRepository(list: upstream)
        let result = try Fmadd.run(["add", "--branch"] + good, in: repo.folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try repo.git("branch", "--show-current") == "add/a-careful-multimodal-model\n")
        #expect(result.stdout.contains("Pull request title:"))
        #expect(try repo.git("log", "main", "-1", "--format=%s") == "The list\n")
    }
}

@Suite struct PullRequestCommandTests {
    @Test func prDescribesTheBranchsAdditionsAndLinksTheComparePage() throws {
        let repo = try GitRepository(list: Paths.healthcareList)
        try repo.git("remote", "add", "origin", "git@github.com:YutingHe-list/Awesome-Foundation-Models-for-Advancing-Healthcare.git")
        let added = try Fmadd.run(["add", "--branch", "--category", "vfm", "--title", "A sharper vision model", "--paper",
                                   "https://arxiv.org/abs/2402.04321", "--venue", "CVPR"], in: repo.folder)
        #expect(added.status == 0, "\(added.stderr)")
        let bodyFile = repo.folder.appendingPathComponent("body.md")
        let result = try Fmadd.run(["pr", "--base", "main", "--body-file", bodyFile.path], in: repo.folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("A sharper vision model"))
        #expect(result.stdout.contains("VFM methods"))
        #expect(result.stdout.contains("https://github.com/YutingHe-list/Awesome-Foundation-Models-for-Advancing-Healthcare/compare/main...add/a-sharper-vision-model?expand=1"))
        #expect(try String(contentsOf: bodyFile, encoding: .utf8).contains("`fmadd check`: passed"))
    }

    @Test func fixCommitCommitsOnlyTheList() throws {
        let repo = try GitRepository(list: Paths.healthcareList)
        try Data("x\n".utf8).write(to: repo.folder.appendingPathComponent("other.txt"))
        try repo.git("add", "other.txt")
        let result = try Fmadd.run(["fix", "--commit"], in: repo.folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try repo.git("log", "-1", "--format=%s").hasPrefix("Apply fmadd fix: "))
        #expect(try repo.git("status", "--porcelain") == "A  other.txt\n")
        #expect(try repo.git("show", "--format=", "--name-only", "HEAD") == "README.md\n")
    }
}
