import Foundation
import FMTestSupport
import Testing

/// `fmadd check` holds hand-written entries to the entry schema, the pre-commit hook blocks a
/// commit that adds a bad one, and `--diff-base` reports only what a branch changed.
@Suite struct EntrySchemaCheckTests {
    let example = Paths.repository.appendingPathComponent("Examples/healthcare-list.md")

    /// Links that `fmadd add` would refuse, as a hand edit writes them.
    static let badLinks = ["javascript:alert(1)", "http:arxiv.org/abs/2401.01234", "arxiv.org/abs/2401.01234"]

    func lines(of repo: GitRepository) throws -> [String] {
        String(decoding: try repo.readmeBytes(), as: UTF8.self).components(separatedBy: "\n")
    }

    func write(_ lines: [String], to repo: GitRepository) throws {
        try Data(lines.joined(separator: "\n").utf8).write(to: repo.readme)
    }

    /// The 1-based line of the first entry of the list that links `url`.
    func line(linking url: String, in repo: GitRepository) throws -> Int {
        try #require(try lines(of: repo).firstIndex { $0.hasPrefix("- ") && $0.contains("(\(url))") }) + 1
    }

    func commit(_ repo: GitRepository) throws -> (status: Int32, output: String) {
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = Fmadd.binary.deletingLastPathComponent().path + ":/usr/local/bin:/usr/bin:/bin"
        environment["NO_COLOR"] = "1"
        return try Command.run(URL(fileURLWithPath: "/usr/bin/git"), ["commit", "-q", "-m", "Change the list"], in: repo.folder, environment: environment)
    }

    /// A link with its parentheses in pairs is a link as written: no finding. A pair inside a
    /// pair is the link GitHub shows, but not every reader: a warning that suggests encoding
    /// them, not an error that fails CI. Unbalanced, it is an error.
    @Test(arguments: [("https://www.cell.com/cell-systems/fulltext/S2405-4712(23)00272-7", "none"),
                      ("https://a.org/x_((y))", "warning"), ("https://a.org/(x)<y", "error")])
    func parenthesesInAListedLink(_ link: String, _ severity: String) throws {
        let folder = try TemporaryFolder.make()
        let list = folder.appendingPathComponent("README.md")
        try Data("## VFM methods\n**2024**\n- [Cell Systems] A model. [[Paper]](\(link))\n".utf8).write(to: list)
        let result = try Fmadd.run(["check", list.path], in: folder)
        let lines = result.stdout.split(separator: "\n").filter { $0.hasSuffix("[entry-schema]") }
        if severity == "none" { #expect(lines.isEmpty, "\(result.stdout)"); return }
        #expect(lines.count == 1 && lines.allSatisfy { $0.contains(": \(severity): links.paper:") }, "\(result.stdout)")
    }

    @Test(arguments: badLinks)
    func checkReportsAHandEditedBadLinkAsAnError(_ link: String) throws {
        let repo = try GitRepository(list: example)
        var text = try lines(of: repo)
        let entry = "- [arXiv] A new model. [[Paper]](\(link)) | broken | row"
        text.insert(entry, at: 17)
        try write(text, to: repo)
        let result = try Fmadd.run(["check", "--format", "json", "README.md"], in: repo.folder)
        #expect(result.status == 1, "\(result.stdout)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let files = try #require(report["files"] as? [[String: Any]])
        let findings = try #require(files.first?["findings"] as? [[String: Any]])
        let schema = findings.filter { $0["rule"] as? String == "entry-schema" }
        #expect(schema.count == 1, "\(findings)")
        #expect(schema.first?["line"] as? Int == 18)
        // The column of the link's target, counted in characters.
        let column = try #require(entry.range(of: link)).lowerBound.utf16Offset(in: entry) + 1
        #expect(schema.first?["column"] as? Int == column)
        #expect(schema.first?["severity"] as? String == "error")
        #expect((schema.first?["message"] as? String)?.contains("links.paper: must be an https URL") == true)
    }

    @Test(arguments: badLinks)
    func theHookBlocksACommitThatAddsABadEntry(_ link: String) throws {
        let repo = try GitRepository(list: example)
        #expect(try Fmadd.run(["hook", "install"], in: repo.folder).status == 0)
        var text = try lines(of: repo)
        text.insert("- [arXiv] A new model. [[Paper]](\(link)) | broken | row", at: 17)
        try write(text, to: repo)
        try repo.git("add", "README.md")
        let result = try commit(repo)
        #expect(result.status != 0, "\(result.output)")
        #expect(result.output.contains("README.md:18:"), "\(result.output)")
        #expect(result.output.contains("[entry-schema]"), "\(result.output)")
        #expect(try repo.git("log", "--format=%s") == "The list\n")
    }

    @Test func theHookLetsACommitGoThatDoesNotTouchAnOlderBadEntry() throws {
        let repo = try GitRepository(list: example)
        var text = try lines(of: repo)
        text.insert("- [arXiv] An old mistake. [[Paper]](javascript:alert(1))", at: 17)
        try write(text, to: repo)
        try repo.git("commit", "-q", "-am", "An entry from the web editor")
        #expect(try Fmadd.run(["hook", "install"], in: repo.folder).status == 0)
        text = try lines(of: repo)
        let vfm = try #require(text.firstIndex(of: "## VFM methods"))
        text.insert("- [arXiv] A careful new model. [[Paper]](https://arxiv.org/abs/2401.04321)", at: vfm + 2)
        try write(text, to: repo)
        try repo.git("add", "README.md")
        let result = try commit(repo)
        #expect(result.status == 0, "\(result.output)")
        let all = try Fmadd.run(["check", "--staged", "--all"], in: repo.folder)
        #expect(all.status == 1 && all.stdout.contains("README.md:18:") && all.stdout.contains("[entry-schema]"), "\(all.stdout)")
    }

    /// A branch that changes two entries: `--diff-base main` reports those two lines, not the
    /// bad entry main already has, and names the list as the repository does.
    @Test func diffBaseReportsTheChangedLinesOnly() throws {
        let repo = try GitRepository(list: example)
        try Data("list: README.md\n".utf8).write(to: repo.folder.appendingPathComponent(".fmadd.yml"))
        var text = try lines(of: repo)
        text.insert("- [arXiv] An old mistake. [[Paper]](javascript:alert(1))", at: 17)
        try write(text, to: repo)
        try repo.git("add", ".")
        try repo.git("commit", "-q", "-m", "Older problems")
        try repo.git("checkout", "-q", "-b", "contribution")
        let first = "https://www.nature.com/articles/s41746-022-00742-2"
        let second = "https://github.com/uf-hobi-informatics-lab/GatorTron"
        let changed = [try line(linking: first, in: repo), try line(linking: second, in: repo)]
        text = try lines(of: repo)
        text[changed[0] - 1] = text[changed[0] - 1].replacingOccurrences(of: first, with: "www.nature.com/articles/s41746-022-00742-2")
        let otherEntry = try #require(text.indices.first { $0 > changed[0] && text[$0].hasPrefix("- [") && text[$0].contains("[[Paper]](https://") })
        text[otherEntry] = text[otherEntry].replacingOccurrences(of: "[[Paper]](https://", with: "[[Paper]](http:")
        try write(text, to: repo)
        try repo.git("commit", "-q", "-am", "Two entries changed")
        let expected: Set<Int> = [changed[0], otherEntry + 1]

        let result = try Fmadd.run(["check", "--diff-base", "main", "--format", "github"], in: repo.folder)
        #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
        let annotations = result.stdout.split(separator: "\n").filter { $0.hasPrefix("::") }
        #expect(!annotations.isEmpty)
        let reported = Set(annotations.compactMap { annotation -> Int? in
            guard let range = annotation.range(of: ",line=") else { return nil }
            return Int(annotation[range.upperBound...].prefix { $0.isNumber })
        })
        #expect(reported == expected, "\(result.stdout)")
        #expect(annotations.allSatisfy { $0.contains("file=README.md,") }, "\(result.stdout)")

        let everything = try Fmadd.run(["check", "--format", "github"], in: repo.folder)
        #expect(everything.stdout.contains("line=18,"), "without --diff-base the older entry is reported")
    }

    /// What `check` reports of a hand-written entry, `add` refuses of a draft: a year later than
    /// the one its venue states.
    @Test func addRefusesAYearLaterThanItsVenuesAsCheckReportsIt() throws {
        let repo = try GitRepository(list: example)
        let before = try repo.readmeBytes()
        let refused = try Fmadd.run(["add", "--no-commit", "--category", "vfm", "--title", "A model of its time", "--paper",
                                     "https://arxiv.org/abs/2401.04321", "--venue", "MICCAI 2023", "--year", "2024"], in: repo.folder)
        #expect(refused.status == 1, "\(refused.stderr)")
        #expect(refused.stderr.contains("year: 2024 is later than the year its venue states, 2023"), "\(refused.stderr)")
        #expect(try repo.readmeBytes() == before)
        let accepted = try Fmadd.run(["add", "--no-commit", "--category", "vfm", "--title", "A model of its time", "--paper",
                                      "https://arxiv.org/abs/2401.04321", "--venue", "MICCAI 2024", "--year", "2024"], in: repo.folder)
        #expect(accepted.status == 0, "\(accepted.stderr)")
    }

    @Test func diffBaseSaysWhatToDoWithAnUnknownReference() throws {
        let repo = try GitRepository(list: example)
        let result = try Fmadd.run(["check", "--diff-base", "no-such-branch"], in: repo.folder)
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("no-such-branch"))
    }
}
