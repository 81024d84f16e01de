import Foundation
import Testing

@testable import FMGit

/// What `git commit` guards and `Repository.commit` must guard the same way: the pre-commit
/// hook, `commit.gpgsign`, the identity and date variables, and the user's unstaged edits.
@Suite struct CommitSafeguardTests {
    /// A repository with a committed list, another staged change and an untracked file.
    private func repository() throws -> TestRepository {
        let fixture = try TestRepository()
        try fixture.write("README.md", "# List\n\n- one\n")
        try fixture.write("notes.md", "notes v1\n")
        try fixture.git("add", ".")
        try fixture.git("commit", "-q", "-m", "first")
        try fixture.write("notes.md", "notes v2, staged\n")
        try fixture.git("add", "notes.md")
        try fixture.write("untracked.md", "untracked\n")
        return fixture
    }

    /// Installs `body` as an executable pre-commit hook in `folder` (relative to the work tree).
    private func installHook(_ body: String, in fixture: TestRepository, folder: String = ".git/hooks") throws {
        try fixture.write(folder + "/pre-commit", "#!/bin/sh\n" + body)
        try run("/bin/chmod", ["+x", folder + "/pre-commit"], in: fixture.path)
    }

    /// The snapshot without the object count: a refused commit may leave unreachable objects,
    /// as a refused `git commit` does.
    private func state(_ fixture: TestRepository) throws -> [String] {
        try fixture.snapshot().filter { !$0.hasSuffix(" kilobytes\n") }
    }

    private func leftoverIndexFiles(_ fixture: TestRepository) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: fixture.path + "/.git").filter { $0.hasPrefix("fmadd-next-index") }
    }

    // MARK: - The pre-commit hook

    @Test(arguments: [nil, "add/two"])
    func aHookThatFailsStopsTheCommitAndChangesNothing(branch: String?) throws {
        let fixture = try repository()
        try installHook("echo 'README.md:3: the entry has no link' >&2\necho 'see CONTRIBUTING.md'\nexit 1\n", in: fixture)
        let content = try fixture.edit("README.md", "# List\n\n- one\n- two\n")
        let before = try state(fixture)

        let error = #expect(throws: GitError.self) {
            try fixture.open().commit(
                path: "README.md", content: content, message: "Add two", branch: branch, environment: TestEnvironment.gitEnvironment)
        }

        guard case .hookRefused(let hook, let status, let output) = error else {
            Issue.record("expected hookRefused, got \(String(describing: error))")
            return
        }
        #expect(hook == fixture.path + "/.git/hooks/pre-commit")
        #expect(status == 1)
        #expect(output == "README.md:3: the entry has no link\nsee CONTRIBUTING.md\n")
        let message = error?.description ?? ""
        #expect(message.contains("refused"))
        #expect(message.contains("README.md:3: the entry has no link"))
        #expect(message.contains("--no-verify"))
        #expect(try state(fixture) == before)
        #expect(try fixture.git("status", "--porcelain") == " M README.md\nM  notes.md\n?? untracked.md\n")
        #expect(try leftoverIndexFiles(fixture) == [])
    }

    @Test func withoutHooksTheFailingHookIsNotRun() throws {
        let fixture = try repository()
        try installHook("exit 1\n", in: fixture)
        let content = try fixture.edit("README.md", "# List\n\n- one\n- two\n")
        try fixture.open().commit(path: "README.md", content: content, message: "Add two", runHooks: false)
        #expect(try fixture.git("show", "HEAD:README.md") == "# List\n\n- one\n- two\n")
    }

    /// The hook sees the commit's own index: the one path committed, fmadd's content, run from
    /// the work tree root, with the variables git sets for it.
    @Test func theHookSeesExactlyWhatIsCommitted() throws {
        let fixture = try repository()
        let out = fixture.sandbox
        try installHook(
            """
            git diff --cached --name-only > '\(out)/names'
            git show :README.md > '\(out)/staged'
            pwd > '\(out)/folder'
            echo "$GIT_INDEX_FILE" > '\(out)/index'
            echo "$GIT_EDITOR|$GIT_AUTHOR_NAME|$GIT_AUTHOR_EMAIL" > '\(out)/variables'

            """, in: fixture)
        let content = try fixture.edit("README.md", "# List\n\n- one\n- two\n")

        try fixture.open().commit(path: "README.md", content: content, message: "Add two", environment: TestEnvironment.gitEnvironment)

        func read(_ name: String) throws -> String { try String(contentsOfFile: out + "/" + name, encoding: .utf8) }
        #expect(try read("names") == "README.md\n")
        #expect(try read("staged") == "# List\n\n- one\n- two\n")
        #expect(try read("folder") == fixture.path + "\n")
        #expect(try read("variables") == ":|Test Author|author@example.com\n")
        let index = try read("index").trimmingCharacters(in: .newlines)
        #expect(index.hasPrefix(fixture.path + "/.git/fmadd-next-index"))
        #expect(!FileManager.default.fileExists(atPath: index))
        #expect(try leftoverIndexFiles(fixture) == [])
        // The user's other staged change is still staged, not committed.
        #expect(try fixture.git("status", "--porcelain") == "M  notes.md\n?? untracked.md\n")
    }

    @Test func runsTheHookOfCoreHooksPathAndSkipsOneThatIsNotExecutable() throws {
        let fixture = try repository()
        try fixture.write(".git/hooks/pre-commit", "#!/bin/sh\nexit 1\n")  // not executable: git ignores it
        let content = try fixture.edit("README.md", "# List\n\n- one\n- two\n")
        try fixture.open().commit(path: "README.md", content: content, message: "Add two")

        try fixture.git("config", "core.hooksPath", ".githooks")
        try installHook("echo from core.hooksPath\nexit 3\n", in: fixture, folder: ".githooks")
        let more = try fixture.edit("README.md", "# List\n\n- one\n- two\n- three\n")
        #expect(throws: GitError.hookRefused(hook: fixture.path + "/.githooks/pre-commit", status: 3, output: "from core.hooksPath\n")) {
            try fixture.open().commit(path: "README.md", content: more, message: "Add three", environment: TestEnvironment.gitEnvironment)
        }
        #expect(try fixture.git("log", "-1", "--format=%s") == "Add two\n")
    }

    // MARK: - commit.gpgsign

    @Test func refusesToCommitWhenCommitsMustBeSigned() throws {
        let fixture = try repository()
        try fixture.git("config", "commit.gpgsign", "true")
        let base = Array(try fixture.read("README.md").utf8)
        let content = try fixture.edit("README.md", "# List\n\n- one\n- two\n")
        let before = try fixture.snapshot()

        #expect(throws: GitError.signingRequired) {
            try fixture.open().preflightCommit(path: "README.md", base: base)
        }
        let error = #expect(throws: GitError.self) {
            try fixture.open().commit(path: "README.md", content: content, message: "Add two")
        }

        #expect(error == .signingRequired)
        #expect(error?.description.contains("commit.gpgsign is set") == true)
        #expect(error?.description.contains("--no-commit") == true)
        #expect(error?.description.contains("git commit -S") == true)
        #expect(try fixture.snapshot() == before)

        try fixture.git("config", "commit.gpgsign", "false")
        try fixture.open().commit(path: "README.md", content: content, message: "Add two")
        #expect(try fixture.git("log", "-1", "--format=%s") == "Add two\n")
    }

    // MARK: - Author and committer

    /// fmadd's commit and `git commit`'s, made under the same variables, name the same author
    /// and committer at the same moments.
    @Test(arguments: [
        ("@1112911993 +0200", "@1112915000 -0130"),
        ("1112911993 +0200", "1112911993 +0000"),
        ("2005-04-07T22:13:13+02:00", "2005-04-07T22:13:13Z"),
        ("Thu, 07 Apr 2005 22:13:13 +0200", "07 Apr 2005 23:59:59 -0800"),
        ("2005-04-07 22:13:13 +0200", "@1112911993"),
    ])
    func takesAuthorAndCommitterFromTheVariablesAsGitDoes(authorDate: String, committerDate: String) throws {
        let ours = try repository()
        let theirs = ours.sandbox + "/theirs"
        try run("/bin/cp", ["-a", ours.path, theirs], in: ours.sandbox)
        let environment = [
            "GIT_AUTHOR_NAME": "Ada Lovelace", "GIT_AUTHOR_EMAIL": "ada@example.org", "GIT_AUTHOR_DATE": authorDate,
            "GIT_COMMITTER_NAME": "Commit Bot", "GIT_COMMITTER_EMAIL": "bot@example.org", "GIT_COMMITTER_DATE": committerDate,
        ]
        let content = try ours.edit("README.md", "# List\n\n- one\n- two\n")
        try Data(content).write(to: URL(fileURLWithPath: theirs + "/README.md"))

        try ours.open().commit(path: "README.md", content: content, message: "Add two", environment: environment)
        try ours.git("commit", "-q", "-m", "Add two", "--", "README.md", in: theirs, environment: environment)

        func people(_ folder: String) throws -> [String] {
            try run("/usr/bin/git", ["cat-file", "-p", "HEAD"], in: folder).output.split(separator: "\n")
                .filter { $0.hasPrefix("author ") || $0.hasPrefix("committer ") }.map(String.init)
        }
        let git = try people(theirs)
        #expect(git.count == 2)
        #expect(try people(ours.path) == git)
        #expect(try ours.value("rev-parse", "HEAD") == (try run("/usr/bin/git", ["rev-parse", "HEAD"], in: theirs).output.trimmingCharacters(in: .newlines)))
    }

    @Test func theVariablesStandInForAMissingIdentityAndOverrideTheConfiguredOne() throws {
        let fixture = try TestRepository(identity: false)
        try fixture.git("config", "user.email", "config@example.org")
        try fixture.git("config", "committer.name", "Configured Committer")
        let content = try fixture.edit("README.md", "# List\n")
        try fixture.open().commit(
            path: "README.md", content: content, message: "Start",
            environment: ["GIT_AUTHOR_NAME": "Env Author", "GIT_COMMITTER_EMAIL": "env-committer@example.org"])
        #expect(
            try fixture.git("log", "-1", "--format=%an <%ae>|%cn <%ce>")
                == "Env Author <config@example.org>|Configured Committer <env-committer@example.org>\n")
    }

    @Test func refusesADateGitCannotRead() throws {
        let fixture = try repository()
        let content = try fixture.edit("README.md", "# List\n\n- one\n- two\n")
        let before = try fixture.snapshot()
        for date in ["yesterday-ish", "2005-13-07T22:13:13+02:00", "Thu, 31 Feb 2005 22:13:13 +0200", "@12ab +0200", "1112911993 +2500"] {
            let error = #expect(throws: GitError.self) {
                try fixture.open().commit(path: "README.md", content: content, message: "Add two", environment: ["GIT_COMMITTER_DATE": date])
            }
            #expect(error == .invalidDate(variable: "GIT_COMMITTER_DATE", value: date))
            #expect(error?.description.contains("2005-04-07T22:13:13+02:00") == true)
        }
        #expect(try fixture.snapshot() == before)
    }

    @Test(arguments: [
        ("@1112911993 +0200", 1_112_911_993, 120),
        ("1112911993 -0130", 1_112_911_993, -90),
        ("@0", 0, 0),
        ("2005-04-07T22:13:13+02:00", 1_112_904_793, 120),
        ("2005-04-07T22:13:13.250-05:30", 1_112_931_793, -330),
        ("2005-04-07T22:13:13Z", 1_112_911_993, 0),
        ("Thu, 07 Apr 2005 22:13:13 +0200", 1_112_904_793, 120),
        ("7 Apr 2005 22:13 +0000", 1_112_911_980, 0),
        ("2024-02-29T00:00:00+00:00", 1_709_164_800, 0),
    ])
    func readsGitsDateForms(text: String, seconds: Int64, offset: Int) {
        #expect(GitDate(parsing: text) == GitDate(seconds: seconds, offsetMinutes: offset))
    }

    // MARK: - The user's unstaged edits

    @Test func refusesToCommitTheUsersUnstagedEditOfTheList() throws {
        let fixture = try repository()
        try fixture.write("README.md", "# List\n\n- one\n- the user's unstaged edit\n")
        let base = Array(try fixture.read("README.md").utf8)
        let before = try fixture.snapshot()

        let error = #expect(throws: GitError.self) { try fixture.open().preflightCommit(path: "README.md", base: base) }

        #expect(error == .unstagedChanges(path: "README.md"))
        #expect(
            error?.description
                == "README.md has changes that are not staged; fmadd commits only its own change. Stage and commit them, "
                + "or `git stash` them, first; or write with --no-commit.")
        #expect(try fixture.snapshot() == before)

        // Under the index lock too, once the list holds fmadd's change on top of the user's.
        let content = try fixture.edit("README.md", "# List\n\n- one\n- the user's unstaged edit\n- fmadd's entry\n")
        let written = try state(fixture)
        #expect(throws: GitError.unstagedChanges(path: "README.md")) {
            try fixture.open().commit(path: "README.md", content: content, message: "Add it", base: base)
        }
        #expect(try state(fixture) == written)
        #expect(try fixture.git("log", "-1", "--format=%s") == "first\n")
    }

    @Test func refusesAnUnstagedChangeOfTheExecutableBit() throws {
        let fixture = try repository()
        try run("/bin/chmod", ["+x", "README.md"], in: fixture.path)
        let base = Array(try fixture.read("README.md").utf8)
        #expect(throws: GitError.unstagedChanges(path: "README.md")) {
            try fixture.open().preflightCommit(path: "README.md", base: base)
        }
    }

    @Test func acceptsAListWhoseWorkTreeIsTheStagedVersion() throws {
        let fixture = try repository()
        let base = Array(try fixture.read("README.md").utf8)
        try fixture.open().preflightCommit(path: "README.md", base: base)
        let content = try fixture.edit("README.md", "# List\n\n- one\n- two\n")
        try fixture.open().commit(path: "README.md", content: content, message: "Add two", base: base)
        #expect(try fixture.git("show", "HEAD:README.md") == "# List\n\n- one\n- two\n")
        #expect(try fixture.git("status", "--porcelain") == "M  notes.md\n?? untracked.md\n")
    }

    /// The user's staged edit, with the work tree the same, is no unstaged change; committing
    /// over it is refused as before, as replacing what was staged.
    @Test func aStagedEditIsRefusedAsStagedNotAsUnstaged() throws {
        let fixture = try repository()
        try fixture.write("README.md", "# List\n\n- one\n- staged\n")
        try fixture.git("add", "README.md")
        let base = Array(try fixture.read("README.md").utf8)
        #expect(throws: GitError.stagedChangesWouldBeReplaced(path: "README.md")) {
            try fixture.open().preflightCommit(path: "README.md", base: base)
        }
    }

    @Test func aListWithCRLFInTheWorkTreeAndLFInTheIndexHasNoUnstagedChanges() throws {
        let fixture = try TestRepository()
        try fixture.git("config", "core.autocrlf", "true")
        try fixture.write("README.md", "# List\r\n\r\n- one\r\n")
        try fixture.git("add", "README.md")
        try fixture.git("commit", "-q", "-m", "first")
        #expect(try fixture.git("cat-file", "blob", "HEAD:README.md") == "# List\n\n- one\n")
        let base = Array(try fixture.read("README.md").utf8)
        #expect(base.contains(UInt8(ascii: "\r")))

        try fixture.open().preflightCommit(path: "README.md", base: base)
        let content = try fixture.edit("README.md", "# List\r\n\r\n- one\r\n- two\r\n")
        try fixture.open().commit(path: "README.md", content: content, message: "Add two", base: base)

        #expect(try fixture.git("cat-file", "blob", "HEAD:README.md") == "# List\n\n- one\n- two\n")
        #expect(try fixture.git("status", "--porcelain") == "")

        // A CRLF edit the user did not stage is still one.
        try fixture.write("README.md", "# List\r\n\r\n- one\r\n- two\r\n- unstaged\r\n")
        #expect(throws: GitError.unstagedChanges(path: "README.md")) {
            try fixture.open().preflightCommit(path: "README.md", base: Array(try fixture.read("README.md").utf8))
        }
    }

    @Test func aNewOrUntrackedListHasNothingStagedToDifferFrom() throws {
        let fixture = try repository()
        try fixture.open().preflightCommit(path: "NEW.md", base: [])
        try fixture.write("UNTRACKED-LIST.md", "# Mine\n")
        try fixture.open().preflightCommit(path: "UNTRACKED-LIST.md", base: Array("# Mine\n".utf8))
        let content = try fixture.edit("UNTRACKED-LIST.md", "# Mine\n- one\n")
        try fixture.open().commit(path: "UNTRACKED-LIST.md", content: content, message: "Start", base: Array("# Mine\n".utf8))
        #expect(try fixture.git("show", "HEAD:UNTRACKED-LIST.md") == "# Mine\n- one\n")
    }

    @Test func aNewRepositoryWithoutAnIndexHasNothingToRefuse() throws {
        let fixture = try TestRepository()
        #expect(!fixture.exists(".git/index"))
        try fixture.open().preflightCommit(path: "README.md", base: [])
        let content = try fixture.edit("README.md", "# List\n")
        try fixture.open().commit(path: "README.md", content: content, message: "Start", base: [])
        #expect(try fixture.git("status", "--porcelain") == "")
    }
}
