import FMList
import Foundation
import FMTestSupport
import Testing

/// fmadd attacked as a hostile contributor or an unlucky user would: each case is refused with a
/// message that says what to do, or handled, and nothing is lost.
@Suite struct HostileInputTests {
    let example = Paths.repository.appendingPathComponent("Examples/healthcare-list.md")
    let entry = ["--category", "vfm", "--year", "2024", "--title", "A careful vision model", "--paper", "https://arxiv.org/abs/2401.01234"]

    /// The links GitHub renders in one line of Markdown, as `href` values.
    func renderedLinks(_ line: String) -> [String] {
        let html = RenderedHTML.of(Array(line.utf8))
        return html.components(separatedBy: "<a href=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }

    func addedLine(_ before: Data, _ after: Data) -> [String] {
        let old = Set(String(decoding: before, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false))
        return String(decoding: after, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !old.contains($0) }.map(String.init)
    }

    // MARK: Let in (points 4, 5, 21)

    @Test func aParenthesisInALinkCannotOpenASecondLink() throws {
        let repo = try GitRepository(list: example)
        let before = try repo.readmeBytes()
        let hostile = "https://example.org/a)[[Code]](javascript:alert(1)"
        let result = try Fmadd.run(["add", "--no-commit", "--category", "vfm", "--year", "2024", "--title", "A careful vision model",
                                    "--paper", hostile, "README.md"], in: repo.folder)
        #expect(result.status == 0, "\(result.stderr)")
        let added = addedLine(before, try repo.readmeBytes())
        #expect(added.count == 1)
        let links = renderedLinks(added.joined())
        #expect(links == ["https://example.org/a%29%5B%5BCode%5D%5D%28javascript:alert%281%29"], "\(added)")
    }

    @Test(arguments: [
        ("<!-- hidden", "must be text, not HTML"),
        ("A <script>alert(1)</script> title", "HTML"),
        ("# Heading", "must not start with Markdown block syntax"),
        ("See www.example.org for more", "would link to"),
        ("A *loud* title", "Markdown"),
        ("Zero\u{200B}width title", "invisible character U+200B at character 5"),
        ("Mark\u{200F}ed title", "invisible character U+200F"),
        ("\u{FEFF}BOM title", "invisible character U+FEFF at character 1"),
    ])
    func aTitleIsTextNotMarkup(_ title: String, _ message: String) throws {
        let repo = try GitRepository(list: example)
        let before = try repo.readmeBytes()
        let head = try repo.git("rev-parse", "HEAD")
        let result = try Fmadd.run(["add", "--category", "vfm", "--year", "2024", "--title", title,
                                    "--paper", "https://arxiv.org/abs/2401.01234", "README.md"], in: repo.folder)
        #expect(result.status == 1, "\(result.stdout)")
        #expect(result.stderr.replacingOccurrences(of: "\n  ", with: " ").contains(message) || result.stderr.contains(message), "\(result.stderr)")
        #expect(try repo.readmeBytes() == before)
        #expect(try repo.git("rev-parse", "HEAD") == head)
    }

    /// The authors and the other cells of an entry are text as the title is: an invisible
    /// character there is refused with its position, from the flags and from `--from`.
    @Test func invisibleCharactersAreRefusedInTheAuthorsAndCells() throws {
        let repo = try GitRepository(list: example)
        let before = try repo.readmeBytes()
        let flags = try Fmadd.run(["add", "--no-commit", "--category", "vfm", "--year", "2024", "--title", "A visible title",
                                   "--authors", "A. Author\u{202E} et al.", "--paper", "https://arxiv.org/abs/2401.01234", "README.md"], in: repo.folder)
        #expect(flags.status == 1 && flags.stderr.contains("authors has an invisible character U+202E at character 10"), "\(flags.stderr)")
        let file = repo.folder.appendingPathComponent("entries.json")
        try Data(#"{"category":"vfm","year":2024,"title":"A visible title","cells":{"scale":"1\u200b000 images"},"links":{"paper":"https://arxiv.org/abs/2401.01234"}}"#.utf8)
            .write(to: file)
        let fromFile = try Fmadd.run(["add", "--no-commit", "--from", file.path, "README.md"], in: repo.folder)
        #expect(fromFile.status == 1 && fromFile.stderr.contains("cells.scale has an invisible character U+200B at character 2"), "\(fromFile.stderr)")
        #expect(try repo.readmeBytes() == before)
    }

    @Test func theSchemaRefusesAMarkupTitleAndAnEscapingLink() throws {
        let folder = try Fmadd.temporaryFolder()
        let file = folder.appendingPathComponent("entries.jsonl")
        let lines = [
            #"{"category":"vfm","year":2024,"title":"<!-- hidden","links":{"paper":"https://arxiv.org/abs/2401.01234"}}"#,
            #"{"category":"vfm","year":2024,"title":"A title","links":{"paper":"https://example.org/a)[[Code]](javascript:alert(1)"}}"#,
            ##"{"category":"vfm","year":2024,"title":"# Heading","links":{"paper":"https://arxiv.org/abs/2401.01234"}}"##,
        ]
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: file)
        let result = try Fmadd.run(["validate", "--schema", "entry", file.path])
        #expect(result.status == 1)
        for line in 1...3 { #expect(result.stdout.contains("entries.jsonl:\(line):"), "\(result.stdout)") }
    }

    @Test func aDatasetNameCannotPointItsLinkElsewhere() throws {
        let repo = try GitRepository(list: example)
        let before = try repo.readmeBytes()
        let result = try Fmadd.run(["add", "--no-commit", "--category", "vfm-data", "--name", "Evil](https://evil.example) [x",
                                    "--paper", "https://example.org/paper", "README.md"], in: repo.folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("name"), "\(result.stderr)")
        #expect(try repo.readmeBytes() == before)
    }

    @Test func aTitleWithLookAlikeLettersIsADuplicate() throws {
        let repo = try GitRepository(list: example)
        let listed = try #require(String(decoding: try repo.readmeBytes(), as: UTF8.self).split(separator: "\n")
            .first { $0.contains("Towards a general-purpose foundation model for computational pathology") })
        #expect(!listed.isEmpty)
        // Cyrillic а (U+0430) and о (U+043E) for the Latin letters.
        let disguised = "Tow\u{0430}rds a general-purpose foundati\u{043E}n model for computational pathology"
        let result = try Fmadd.run(["add", "--no-commit", "--category", "vfm", "--year", "2024", "--title", disguised,
                                    "--paper", "https://example.org/new-paper", "README.md"], in: repo.folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("already in the list"), "\(result.stderr)")
    }

    @Test func aLinkGivenTwiceIsRefusedAndAClosingParenthesisStaysInside() throws {
        let repo = try GitRepository(list: example)
        let twice = try Fmadd.run(["add", "--no-commit"] + entry + ["--link", "paper=https://example.org/other", "README.md"], in: repo.folder)
        #expect(twice.status == 64)
        #expect(twice.stderr.contains("the paper link is given twice"), "\(twice.stderr)")

        let before = try repo.readmeBytes()
        // A pair is kept (a link destination holds it); one without its pair is encoded.
        let alone = try Fmadd.run(["add", "--no-commit", "--category", "vfm", "--year", "2024", "--title", "A careful vision model",
                                   "--link", "paper=https://example.org/a_(b)", "--link", "code=https://example.org/c)d", "README.md"], in: repo.folder)
        #expect(alone.status == 0, "\(alone.stderr)")
        let added = addedLine(before, try repo.readmeBytes()).joined()
        #expect(renderedLinks(added) == ["https://example.org/a_(b)", "https://example.org/c%29d"], "\(added)")
        #expect(added.hasSuffix("(https://example.org/c%29d)"), "\(added)")
    }

    // MARK: Messages (point 23)

    @Test func aMissingTitleIsNamedWithTheUsageOfAdd() throws {
        let result = try Fmadd.run(["add", "--category", "vfm", example.path])
        #expect(result.status == 64)
        #expect(result.stderr.contains("missing title; give it with --title"), "\(result.stderr)")
        #expect(result.stderr.contains("Usage: fmadd add"), "\(result.stderr)")
        #expect(!result.stderr.contains("<subcommand>"))
    }

    // MARK: Resources and files (points 7, 8, 9, 10)

    @Test func aSymlinkedListStaysALink() throws {
        let folder = try Fmadd.temporaryFolder()
        let target = folder.appendingPathComponent("docs/list.md")
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("# List\n\n## VFM methods\n\n**2024**\n\n- A paper. [[Paper]](https://arxiv.org/abs/2401.00001)   \n".utf8).write(to: target)
        let link = folder.appendingPathComponent("README.md")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "docs/list.md")
        let result = try Fmadd.run(["fix", "README.md"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == "docs/list.md")
        #expect(!String(decoding: try Data(contentsOf: target), as: UTF8.self).contains("   \n"))
    }

    @Test func aRefusedAddPutsTheTargetBackAndKeepsTheLink() throws {
        let repo = try GitRepository(list: example)
        try FileManager.default.moveItem(at: repo.readme, to: repo.folder.appendingPathComponent("list.md"))
        try FileManager.default.createSymbolicLink(atPath: repo.readme.path, withDestinationPath: "list.md")
        try repo.git("add", "-A")
        try repo.git("commit", "-q", "-m", "README is a link")
        let before = try Data(contentsOf: repo.folder.appendingPathComponent("list.md"))
        let result = try Fmadd.run(["add"] + entry + ["README.md"], in: repo.folder)
        #expect(result.status == 2)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: repo.readme.path) == "list.md")
        #expect(try Data(contentsOf: repo.folder.appendingPathComponent("list.md")) == before)
        #expect(try repo.git("status", "--porcelain").isEmpty)
    }

    @Test func aConfiguredListOutsideTheRepositoryIsRefused() throws {
        let outside = try Fmadd.temporaryFolder().appendingPathComponent("victim.md")
        let victim = Data("# Not a list\n\ntrailing   \n".utf8)
        try victim.write(to: outside)
        let repo = try GitRepository(list: example)
        let relative = "../" + outside.deletingLastPathComponent().lastPathComponent + "/victim.md"
        try Data("list: \(relative)\n".utf8).write(to: repo.folder.appendingPathComponent(".fmadd.yml"))
        for arguments in [["fix"], ["add", "--no-commit"] + entry] {
            let result = try Fmadd.run(arguments, in: repo.folder)
            #expect(result.status == 2, "\(arguments): \(result.stdout)")
            #expect(result.stderr.contains("outside"), "\(result.stderr)")
            #expect(try Data(contentsOf: outside) == victim)
        }
    }

    @Test func aReadOnlyListIsRefusedAndAFIFOIsNotWaitedFor() throws {
        let folder = try Fmadd.temporaryFolder()
        let list = folder.appendingPathComponent("README.md")
        try Data("# List\n\ntrailing   \n".utf8).write(to: list)
        chmod(list.path, 0o444)
        let before = try Data(contentsOf: list)
        let result = try Fmadd.run(["fix", "README.md"], in: folder)
        #expect(result.status == 2)
        #expect(result.stderr.contains("read-only"), "\(result.stderr)")
        #expect(try Data(contentsOf: list) == before)

        let fifo = folder.appendingPathComponent("fifo.md")
        #expect(mkfifo(fifo.path, 0o644) == 0)
        let check = try Fmadd.run(["check", "fifo.md"], in: folder, timeout: 20)
        #expect(check.status == 2)
        #expect(check.stderr.contains("not a regular file"), "\(check.stderr)")
    }

    @Test(.enabled(if: getuid() == 0, "changing a file's owner needs root"))
    func aRewrittenListKeepsItsOwner() throws {
        let folder = try Fmadd.temporaryFolder()
        let list = folder.appendingPathComponent("README.md")
        try Data("# List\n\ntrailing   \n".utf8).write(to: list)
        #expect(chown(list.path, 65534, 65534) == 0)
        let result = try Fmadd.run(["fix", "README.md"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let attributes = try FileManager.default.attributesOfItem(atPath: list.path)
        #expect((attributes[.ownerAccountID] as? NSNumber)?.intValue == 65534)
        #expect((attributes[.groupOwnerAccountID] as? NSNumber)?.intValue == 65534)
        #expect(!String(decoding: try Data(contentsOf: list), as: UTF8.self).contains("   \n"))
    }

    @Test func leftoversOfAKilledRunAreRemovedAndALiveRunsAreKept() throws {
        let folder = try Fmadd.temporaryFolder()
        try Data(contentsOf: example).write(to: folder.appendingPathComponent("README.md"))
        // A process that has ended: its id names no process now.
        let ended = Process()
        ended.executableURL = URL(fileURLWithPath: "/bin/true")
        try ended.run()
        ended.waitUntilExit()
        let stale = folder.appendingPathComponent(".fmadd-tmp-README.md-\(ended.processIdentifier)-1a2b")
        let live = folder.appendingPathComponent(".fmadd-tmp-README.md-\(getpid())-3c4d")
        let foreign = folder.appendingPathComponent(".fmadd-tmp-OTHER.md-\(ended.processIdentifier)-5e6f")
        for file in [stale, live, foreign] { try Data(repeating: 0x41, count: 1000).write(to: file) }
        let result = try Fmadd.run(["check", "README.md"], in: folder)
        #expect(result.status != 2, "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: stale.path))
        #expect(FileManager.default.fileExists(atPath: live.path))
        #expect(FileManager.default.fileExists(atPath: foreign.path))
    }

    // MARK: Committed without consent (point 1)

    @Test(arguments: [["add", "--category", "vfm", "--year", "2024", "--title", "A careful vision model", "--paper", "https://arxiv.org/abs/2401.01234"],
                      ["fix", "--commit"],
                      ["add", "--push", "--category", "vfm", "--year", "2024", "--title", "A careful vision model", "--paper", "https://arxiv.org/abs/2401.01234"]])
    func anUnstagedEditOfTheListIsNeverCommitted(_ arguments: [String]) throws {
        let repo = try GitRepository(list: example)
        let remote = try Fmadd.temporaryFolder()
        try repo.git("init", "-q", "--bare", remote.path)
        try repo.git("remote", "add", "origin", remote.path)
        // The user's own edit, not staged: a line fmadd's fix would also touch.
        var text = String(decoding: try repo.readmeBytes(), as: UTF8.self)
        text += "\nMy private draft note   \n"
        try Data(text.utf8).write(to: repo.readme)
        let before = try repo.readmeBytes()
        let head = try repo.git("rev-parse", "HEAD")
        let index = try repo.git("ls-files", "-s")
        let result = try Fmadd.run(arguments + ["README.md"], in: repo.folder)
        #expect(result.status == 2, "\(result.stdout)")
        #expect(result.stderr.contains("not staged") && result.stderr.contains("git stash"), "\(result.stderr)")
        #expect(try repo.readmeBytes() == before)
        #expect(try repo.git("rev-parse", "HEAD") == head)
        #expect(try repo.git("ls-files", "-s") == index)
        #expect(try repo.git("--git-dir", remote.path, "branch", "--list").isEmpty)
    }

    @Test func dedupeApplyCommitsNothingOverAnUnstagedEdit() throws {
        let repo = try GitRepository(list: Paths.healthcareList)
        try Data((String(decoding: try repo.readmeBytes(), as: UTF8.self) + "\nMy note\n").utf8).write(to: repo.readme)
        let before = try repo.readmeBytes()
        let head = try repo.git("rev-parse", "HEAD")
        let result = try Fmadd.run(["dedupe", "--apply", "--commit", "README.md"], in: repo.folder)
        #expect(result.status == 2, "\(result.stdout)\n\(result.stderr)")
        #expect(result.stderr.contains("not staged"), "\(result.stderr)")
        #expect(try repo.readmeBytes() == before)
        #expect(try repo.git("rev-parse", "HEAD") == head)
    }

    @Test func aDryRunSaysTheCommitWouldBeRefused() throws {
        let repo = try GitRepository(list: example)
        try Data((String(decoding: try repo.readmeBytes(), as: UTF8.self) + "\nMy note\n").utf8).write(to: repo.readme)
        let result = try Fmadd.run(["add", "--dry-run"] + entry + ["README.md"], in: repo.folder)
        #expect(result.status == 0)
        #expect(result.stderr.contains("the commit would be refused") && result.stderr.contains("not staged"), "\(result.stderr)")
    }

    // MARK: Lost (point 2)

    /// A refused commit puts the list back only when it still holds what this run wrote.
    @Test func aRefusedCommitPutsBackOnlyItsOwnBytes() throws {
        let repo = try GitRepository(list: example)
        let before = try repo.readmeBytes()
        let hook = repo.folder.appendingPathComponent(".git/hooks/pre-commit")
        try FileManager.default.createDirectory(at: hook.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("#!/bin/sh\necho 'no commits today' >&2\nexit 1\n".utf8).write(to: hook)
        chmod(hook.path, 0o755)
        let refused = try Fmadd.run(["add"] + entry + ["README.md"], in: repo.folder)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("no commits today") && refused.stderr.contains("put back as it was"), "\(refused.stderr)")
        #expect(try repo.readmeBytes() == before)

        // Another hand changes the list meanwhile (here the hook itself): its change stays.
        try Data("#!/bin/sh\necho 'a line of my own' >> README.md\nexit 1\n".utf8).write(to: hook)
        let changed = try Fmadd.run(["add"] + entry + ["README.md"], in: repo.folder)
        #expect(changed.status == 2)
        #expect(changed.stderr.contains("left as it is now"), "\(changed.stderr)")
        #expect(String(decoding: try repo.readmeBytes(), as: UTF8.self).hasSuffix("a line of my own\n"))
        #expect(try repo.git("rev-list", "--count", "HEAD") == "1\n")
    }

    @Test func aSecondRunWaitsForTheLockThenRefusesAndChangesNothing() throws {
        let repo = try GitRepository(list: example)
        let before = try repo.readmeBytes()
        let head = try repo.git("rev-parse", "HEAD")
        let held = open(repo.folder.path, O_RDONLY | O_DIRECTORY)
        #expect(flock(held, LOCK_EX) == 0)
        defer { close(held) }
        let result = try Fmadd.run(["add"] + entry + ["README.md"], in: repo.folder, environment: ["FMADD_LOCK_TIMEOUT": "1"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("another fmadd is changing README.md"), "\(result.stderr)")
        #expect(try repo.readmeBytes() == before)
        #expect(try repo.git("rev-parse", "HEAD") == head)
    }

    @Test func concurrentAddsKeepEveryEntry() throws {
        let repo = try GitRepository(list: example)
        let count = 6
        let processes = try (0..<count).map { n in
            try Fmadd.start(["add", "--category", "vfm", "--year", "2024", "--title", "Concurrent entry number \(n)",
                             "--paper", "https://arxiv.org/abs/2401.\(20000 + n)", "README.md"], in: repo.folder)
        }
        for process in processes { process.waitUntilExit() }
        #expect(processes.allSatisfy { $0.terminationStatus == 0 }, "\(processes.map(\.terminationStatus))")
        let list = String(decoding: try repo.readmeBytes(), as: UTF8.self)
        let committed = try repo.git("show", "HEAD:README.md")
        for n in 0..<count {
            #expect(list.contains("Concurrent entry number \(n)."))
            #expect(committed.contains("Concurrent entry number \(n)."))
        }
        #expect(try repo.git("rev-list", "--count", "HEAD") == "\(count + 1)\n")
        #expect(try repo.git("status", "--porcelain").isEmpty)
    }
}
