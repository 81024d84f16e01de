import CLibGit2
import Foundation
import Testing

@testable import FMGit

@Suite struct CommitTests {
    /// A repository with a list and other files in every state a user leaves them in: partly
    /// staged (the index holds another version than the work tree), newly staged, staged for
    /// deletion, changed but not staged, untracked.
    private func busyRepository() throws -> TestRepository {
        let fixture = try TestRepository()
        try fixture.write("README.md", "# List\n\n- one\n")
        try fixture.write("notes.md", "notes v1\n")
        try fixture.write("gone.md", "to delete\n")
        try fixture.write("unstaged.md", "unstaged v1\n")
        try fixture.git("add", ".")
        try fixture.git("commit", "-q", "-m", "first")
        try fixture.write("notes.md", "notes v2, staged\n")
        try fixture.git("add", "notes.md")
        try fixture.write("notes.md", "notes v3, only in the work tree\n")
        try fixture.write("new.md", "new, staged\n")
        try fixture.git("add", "new.md")
        try fixture.git("rm", "-q", "--cached", "gone.md")
        try fixture.write("unstaged.md", "unstaged v2\n")
        try fixture.write("untracked.md", "untracked\n")
        return fixture
    }

    @Test func commitsTheListAloneAndLeavesEveryOtherChangeAsItWas() throws {
        let fixture = try busyRepository()
        let before = try fixture.value("rev-parse", "HEAD")
        let stagedBefore = try fixture.git("diff", "--cached", "--name-status")
        let indexBefore = try fixture.git("ls-files", "--stage", "--", ":!README.md")
        let statusBefore = try fixture.git("status", "--porcelain")
        let content = try fixture.edit("README.md", "# List\n\n- one\n- two\n")

        let result = try fixture.open().commit(path: "README.md", content: content, message: "Add \"two\" to List (2024)")

        // The index holds the work-tree file's stat data (read before any git command refreshes it).
        let stat = try fixture.git("ls-files", "--debug", "README.md")
        #expect(stat.contains("size: \(content.count)\t"), "\(stat)")
        #expect(!stat.contains("mtime: 0:0"), "\(stat)")

        #expect(result.commit == (try fixture.value("rev-parse", "HEAD")))
        #expect(result.parent == before)
        #expect(result.tree == (try fixture.value("rev-parse", "HEAD^{tree}")))
        #expect(result.branch == "main")
        #expect(!result.createdBranch)
        #expect(try fixture.git("show", "--format=", "--name-only", "HEAD") == "README.md\n")
        #expect(try fixture.git("show", "HEAD:README.md") == "# List\n\n- one\n- two\n")
        #expect(try fixture.git("log", "-1", "--format=%B") == "Add \"two\" to List (2024)\n\n")
        #expect(try fixture.git("log", "-1", "--format=%an <%ae>|%cn <%ce>") == "Test Author <author@example.com>|Test Author <author@example.com>\n")
        #expect(try fixture.value("rev-list", "--count", "HEAD") == "2")

        // Every other staged change is still staged and uncommitted, the work tree untouched.
        #expect(try fixture.git("diff", "--cached", "--name-status") == stagedBefore)
        #expect(try fixture.git("ls-files", "--stage", "--", ":!README.md") == indexBefore)
        #expect(try fixture.git("status", "--porcelain") == statusBefore.replacingOccurrences(of: " M README.md\n", with: ""))
        #expect(try fixture.read("notes.md") == "notes v3, only in the work tree\n")
        #expect(try fixture.git("show", ":notes.md") == "notes v2, staged\n")
        // The list is clean: the index entry is the committed blob, with its stat data.
        #expect(try fixture.value("rev-parse", ":README.md") == (try fixture.value("rev-parse", "HEAD:README.md")))
        #expect(try fixture.gitStatus("diff", "--quiet", "--", "README.md").status == 0)
        #expect(try fixture.git("reflog", "-1", "--format=%gs") == "commit: Add \"two\" to List (2024)\n")
        try expectClean(fixture)
    }

    /// The same state in two repositories: fmadd commits in one, `git commit -- PATH` in the
    /// other; both must make the same tree and leave the same index and status.
    @Test(arguments: SameAsGit.allCases)
    func makesTheTreeGitMakes(_ scenario: SameAsGit) throws {
        let ours = try busyRepository()
        try scenario.prepare(ours)
        let theirs = ours.sandbox + "/theirs"
        try run("/bin/cp", ["-a", ours.path, theirs], in: ours.sandbox)
        let content = try scenario.edit(ours, theirs)

        try ours.open().commit(path: scenario.path, content: content, message: "Add an entry")
        if scenario == .newFile {
            try ours.git("add", scenario.path, in: theirs)  // `git commit -- PATH` takes only known files
        }
        try ours.git("commit", "-q", "-m", "Add an entry", "--", scenario.path, in: theirs)

        func same(_ arguments: String...) throws {
            let mine = try run("/usr/bin/git", arguments, in: ours.path).output
            let git = try run("/usr/bin/git", arguments, in: theirs).output
            #expect(mine == git, "git \(arguments.joined(separator: " "))")
        }
        try same("rev-parse", "HEAD^{tree}")
        try same("ls-files", "--stage")
        try same("status", "--porcelain", "--untracked-files=all")
        try same("diff", "--cached")
        try same("diff")
        try expectClean(ours)
    }

    enum SameAsGit: String, CaseIterable, CustomTestStringConvertible {
        case plain, listInAFolder, attributesNormaliseLineEndings, executableBitChanged, newFile

        var testDescription: String { rawValue }

        var path: String {
            switch self {
            case .listInAFolder: "lists/health/README.md"
            case .newFile: "NEW-LIST.md"
            default: "README.md"
            }
        }

        func prepare(_ fixture: TestRepository) throws {
            switch self {
            case .listInAFolder:
                try fixture.commitAll("folder", path, "# Nested\n")
                try fixture.commitAll("beside", "lists/health/other.md", "beside\n")
            case .attributesNormaliseLineEndings:
                try fixture.commitAll("attributes", ".gitattributes", "*.md text eol=lf\n")
            case .executableBitChanged:
                try run("/bin/chmod", ["+x", "README.md"], in: fixture.path)
            case .plain, .newFile:
                break
            }
        }

        /// Writes the same new list in both work trees and returns the bytes fmadd commits.
        func edit(_ fixture: TestRepository, _ theirs: String) throws -> [UInt8] {
            let text = self == .attributesNormaliseLineEndings ? "# List\r\n\r\n- one\r\n- two\r\n" : "# List\n\n- two\n"
            try Data(text.utf8).write(to: URL(fileURLWithPath: theirs + "/" + path))
            return try fixture.edit(path, text)
        }
    }

    /// A file changed in the same second as the index was written, keeping its size, looks
    /// unchanged to git's stat check (git compares whole seconds); git reads it again only
    /// while the index is as new as it. Rewriting the index must mark such an entry, as git
    /// does, or the change disappears from `git status`.
    @Test func keepsAChangeMadeInTheSecondTheIndexWasWritten() throws {
        let fixture = try TestRepository()
        try fixture.commitAll("first", "README.md", "# List\n")
        try fixture.write("racy.md", "before\n")
        try run("/usr/bin/touch", ["-d", "@1600000000.1", "racy.md"], in: fixture.path)
        try fixture.git("add", "racy.md")
        try run("/usr/bin/touch", ["-d", "@1600000000.5", ".git/index"], in: fixture.path)
        try fixture.write("racy.md", "after!\n")
        try run("/usr/bin/touch", ["-d", "@1600000000.3", "racy.md"], in: fixture.path)
        let content = try fixture.edit("README.md", "# List\n- one\n")

        try fixture.open().commit(path: "README.md", content: content, message: "Add one")

        #expect(try fixture.git("status", "--porcelain") == "AM racy.md\n")
        #expect(try fixture.git("diff", "--name-only") == "racy.md\n")
    }

    @Test func makesTheFirstCommitOfARepositoryWithTheListAlone() throws {
        let fixture = try TestRepository()
        try fixture.write("notes.md", "staged, not committed\n")
        try fixture.git("add", "notes.md")
        let content = try fixture.edit("README.md", "# List\n")

        let result = try fixture.open().commit(path: "README.md", content: content, message: "Start the list")

        #expect(result.parent == nil)
        #expect(result.branch == "main")
        #expect(try fixture.value("rev-list", "--count", "HEAD") == "1")
        #expect(try fixture.git("ls-tree", "-r", "--name-only", "HEAD") == "README.md\n")
        #expect(try fixture.git("status", "--porcelain") == "A  notes.md\n")
        #expect(try fixture.git("reflog", "-1", "--format=%gs") == "commit (initial): Start the list\n")
        try expectClean(fixture)
    }

    @Test func makesTheFirstCommitOnANewBranch() throws {
        let fixture = try TestRepository()
        let content = try fixture.edit("README.md", "# List\n")
        let result = try fixture.open().commit(path: "README.md", content: content, message: "Start", branch: "add/start")
        #expect(result.parent == nil)
        #expect(result.createdBranch)
        #expect(try fixture.value("symbolic-ref", "HEAD") == "refs/heads/add/start")
        #expect(try fixture.value("rev-parse", "add/start") == result.commit)
        #expect(try fixture.gitStatus("rev-parse", "--verify", "-q", "main").status != 0)
        #expect(try fixture.git("status", "--porcelain") == "")
        try expectClean(fixture)
    }

    @Test func acceptsAStagedListThatIsAlreadyTheNewContent() throws {
        let fixture = try busyRepository()
        let content = try fixture.edit("README.md", "# List\n\n- one\n- staged by fmadd before\n")
        try fixture.git("add", "README.md")
        try fixture.open().commit(path: "README.md", content: content, message: "Add it")
        #expect(try fixture.git("show", "HEAD:README.md") == "# List\n\n- one\n- staged by fmadd before\n")
        try expectClean(fixture)
    }

    @Test func leavesTheListModifiedWhenTheWorkTreeHoldsOtherBytes() throws {
        let fixture = try busyRepository()
        try fixture.write("README.md", "# List\n\n- one\n- in the work tree\n")
        let content = Array("# List\n\n- one\n- committed\n".utf8)
        try fixture.open().commit(path: "README.md", content: content, message: "Add it")
        #expect(try fixture.git("show", "HEAD:README.md") == "# List\n\n- one\n- committed\n")
        #expect(try fixture.git("status", "--porcelain", "README.md") == " M README.md\n")
    }

    @Test func commitsOnANewBranchFromADetachedHead() throws {
        let fixture = try busyRepository()
        let detachedAt = try fixture.value("rev-parse", "HEAD")
        try fixture.git("switch", "-q", "--detach", "HEAD")
        let statusBefore = try fixture.git("status", "--porcelain")
        let content = try fixture.edit("README.md", "# List\n\n- one\n- two\n")

        let result = try fixture.open().commit(path: "README.md", content: content, message: "Add two", branch: "add/two")

        #expect(result.branch == "add/two")
        #expect(result.createdBranch)
        #expect(result.parent == detachedAt)
        #expect(try fixture.value("symbolic-ref", "HEAD") == "refs/heads/add/two")
        #expect(try fixture.value("rev-parse", "add/two") == result.commit)
        #expect(try fixture.value("rev-parse", "main") == detachedAt)
        #expect(try fixture.git("status", "--porcelain") == statusBefore.replacingOccurrences(of: " M README.md\n", with: ""))
        try expectClean(fixture)
    }

    @Test func commitsOnANewBranchAndKeepsTheOldBranchAndTheUsersChanges() throws {
        let fixture = try busyRepository()
        let mainBefore = try fixture.value("rev-parse", "main")
        let indexBefore = try fixture.git("ls-files", "--stage", "--", ":!README.md")
        let content = try fixture.edit("README.md", "# List\n\n- one\n- two\n")
        let branch = Repository.branchName(forTitle: "Two: a Paper")

        let result = try fixture.open().commit(path: "README.md", content: content, message: "Add two", branch: branch)

        #expect(branch == "add/two-a-paper")
        #expect(try fixture.value("symbolic-ref", "--short", "HEAD") == branch)
        #expect(try fixture.value("rev-parse", "main") == mainBefore)
        #expect(try fixture.value("rev-parse", branch + "^") == mainBefore)
        #expect(try fixture.value("rev-parse", branch) == result.commit)
        #expect(try fixture.git("ls-files", "--stage", "--", ":!README.md") == indexBefore)
        #expect(try fixture.read("notes.md") == "notes v3, only in the work tree\n")
        // The references moved as `git switch -c` and `git commit` move them.
        #expect(try fixture.git("reflog", "-2", "--format=%gs") == "commit: Add two\ncheckout: moving from main to \(branch)\n")
        #expect(try fixture.git("reflog", "-2", "--format=%gs", branch) == "commit: Add two\nbranch: Created from HEAD\n")
        try expectClean(fixture)
    }

    // MARK: - Refusals: each changes nothing

    @Test(arguments: Refusal.allCases)
    func refusesAndChangesNothing(_ refusal: Refusal) throws {
        let fixture = try busyRepository()
        try refusal.prepare(fixture)
        let content = try fixture.edit("README.md", "# List\n\n- one\n- refused\n")
        let before = try fixture.snapshot()

        let error = #expect(throws: GitError.self) {
            try fixture.open().commit(path: "README.md", content: content, message: "Add it", branch: refusal.branch)
        }

        #expect(error == refusal.expected(fixture))
        #expect(try fixture.snapshot() == before)
        #expect(!fixture.exists(".git/index.fmadd"))
        for advice in refusal.advice {
            #expect(error?.description.contains(advice) == true, "\(advice)")
        }
    }

    /// Everything `commit` refuses before writing, `preflightCommit` refuses too, with the
    /// same error and without changing anything, before the list is written.
    @Test(arguments: Refusal.allCases)
    func preflightRefusesTheSameAndChangesNothing(_ refusal: Refusal) throws {
        let fixture = try busyRepository()
        try refusal.prepare(fixture)
        let base = Array(try fixture.read("README.md").utf8)
        let before = try fixture.snapshot()

        let error = #expect(throws: GitError.self) {
            try fixture.open().preflightCommit(path: "README.md", base: base, branch: refusal.branch)
        }

        #expect(error == refusal.expected(fixture))
        #expect(try fixture.snapshot() == before)
    }

    enum Refusal: String, CaseIterable, CustomTestStringConvertible {
        case merge, conflictedMerge, rebase, cherryPick, revert, bisect, indexLocked, detachedHead,
            noIdentity, stagedList, stagedDeletionOfTheList, stagedModeOfTheList, conflictsWithoutAMerge, existingBranch, invalidBranch

        var testDescription: String { rawValue }

        var branch: String? {
            switch self {
            case .existingBranch: "feature"
            case .invalidBranch: "add/bad..name"
            default: nil
            }
        }

        var advice: [String] {
            switch self {
            case .merge, .conflictedMerge: ["git merge --abort"]
            case .rebase: ["git rebase --abort"]
            case .cherryPick: ["git cherry-pick --abort"]
            case .revert: ["git revert --abort"]
            case .bisect: ["git bisect reset"]
            case .indexLocked: ["index.lock"]
            case .detachedHead: ["git switch"]
            case .noIdentity: ["git config --global user.name \"Your Name\"", "user.email"]
            case .stagedList, .stagedDeletionOfTheList, .stagedModeOfTheList:
                ["git restore --staged README.md", "would be replaced by fmadd's"]
            case .conflictsWithoutAMerge: ["conflicts.md"]
            case .existingBranch: ["feature"]
            case .invalidBranch: ["add/bad..name"]
            }
        }

        func expected(_ fixture: TestRepository) -> GitError {
            switch self {
            case .merge, .conflictedMerge: .operationInProgress(.merge)
            case .rebase: .operationInProgress(.rebase)
            case .cherryPick: .operationInProgress(.cherryPick)
            case .revert: .operationInProgress(.revert)
            case .bisect: .operationInProgress(.bisect)
            case .indexLocked: .indexLocked(lockFile: fixture.path + "/.git/index.lock")
            case .detachedHead: .detachedHead
            case .noIdentity: .missingIdentity
            case .stagedList, .stagedDeletionOfTheList, .stagedModeOfTheList: .stagedChangesWouldBeReplaced(path: "README.md")
            case .conflictsWithoutAMerge: .unmergedPaths(["conflicts.md"])
            case .existingBranch: .branchExists("feature")
            case .invalidBranch: .invalidBranchName("add/bad..name")
            }
        }

        func prepare(_ fixture: TestRepository) throws {
            switch self {
            case .merge:
                try divergeOnConflicts(fixture)
                try fixture.git("merge", "-q", "--no-ff", "--no-commit", "clean")
            case .conflictedMerge:
                try divergeOnConflicts(fixture)
                #expect(try fixture.gitStatus("merge", "other").status != 0)
            case .rebase:
                try divergeOnConflicts(fixture)
                try fixture.git("switch", "-q", "other")
                #expect(try fixture.gitStatus("rebase", "main").status != 0)
            case .cherryPick:
                try divergeOnConflicts(fixture)
                #expect(try fixture.gitStatus("cherry-pick", "other").status != 0)
            case .revert:
                try fixture.git("stash", "-q")
                try fixture.commitAll("r1", "conflicts.md", "a\n")
                try fixture.commitAll("r2", "conflicts.md", "b\n")
                #expect(try fixture.gitStatus("revert", "--no-edit", "HEAD~1").status != 0)
            case .bisect:
                try fixture.git("bisect", "start")
            case .indexLocked:
                try fixture.write(".git/index.lock", "")
            case .detachedHead:
                try fixture.git("switch", "-q", "--detach", "HEAD")
            case .noIdentity:
                try fixture.git("config", "--unset", "user.name")
                try fixture.git("config", "--unset", "user.email")
            case .stagedList:
                try fixture.write("README.md", "# List\n\n- one\n- staged by the user\n")
                try fixture.git("add", "README.md")
            case .stagedDeletionOfTheList:
                try fixture.git("rm", "-q", "--cached", "README.md")
            case .stagedModeOfTheList:
                try fixture.git("update-index", "--chmod=+x", "README.md")
            case .conflictsWithoutAMerge:
                try fixture.git("stash", "-q")
                try fixture.commitAll("base", "conflicts.md", "base\n")
                try fixture.write("conflicts.md", "stashed\n")
                try fixture.git("stash", "-q")
                try fixture.commitAll("committed", "conflicts.md", "committed\n")
                #expect(try fixture.gitStatus("stash", "pop").status != 0)
            case .existingBranch:
                try fixture.git("branch", "feature")
            case .invalidBranch:
                break
            }
        }

        /// Branches `other` and `main` that change `conflicts.md` differently, and `clean`
        /// that changes another file; the user's own changes are stashed away first.
        private func divergeOnConflicts(_ fixture: TestRepository) throws {
            try fixture.git("stash", "-q", "--include-untracked")
            try fixture.commitAll("base", "conflicts.md", "base\n")
            try fixture.git("switch", "-q", "-c", "other")
            try fixture.commitAll("theirs", "conflicts.md", "theirs\n")
            try fixture.git("switch", "-q", "-c", "clean", "main")
            try fixture.commitAll("clean", "elsewhere.md", "clean\n")
            try fixture.git("switch", "-q", "main")
            try fixture.commitAll("ours", "conflicts.md", "ours\n")
        }
    }

    /// When the index cannot be written after the branch moved, the branch, HEAD and the index
    /// are put back. (A folder where libgit2 writes its lock file makes the write fail.)
    @Test(arguments: [nil, "add/undone"])
    func putsTheReferencesBackWhenTheIndexCannotBeWritten(branch: String?) throws {
        let fixture = try busyRepository()
        let content = try fixture.edit("README.md", "# List\n\n- one\n- undone\n")
        try FileManager.default.createDirectory(atPath: fixture.path + "/.git/index.fmadd.lock", withIntermediateDirectories: false)
        let before = try fixture.snapshot().filter { !$0.hasSuffix(" kilobytes\n") }

        let error = #expect(throws: GitError.self) {
            try fixture.open().commit(path: "README.md", content: content, message: "Add it", branch: branch)
        }

        #expect(error?.hasCode(GIT_ELOCKED) == true, "\(String(describing: error))")
        #expect(try fixture.snapshot().filter { !$0.hasSuffix(" kilobytes\n") } == before)
        #expect(!fixture.exists(".git/index.fmadd"))
    }

    @Test func refusesAPathOutsideTheWorkTreeOrInsideGit() throws {
        let fixture = try TestRepository()
        let repository = try fixture.open()
        for path in ["../x.md", "/etc/passwd", ".git/config", "a//b.md", "", "./README.md"] {
            #expect(throws: GitError.invalidPath(path)) {
                try repository.commit(path: path, content: [], message: "no")
            }
        }
        #expect(throws: GitError.emptyCommitMessage) {
            try repository.commit(path: "README.md", content: [], message: " \n\n")
        }
    }

    @Test func refusesAListThatIsASymbolicLinkInTheWorkTree() throws {
        let fixture = try TestRepository()
        try fixture.commitAll("first", "target.md", "x\n")
        try FileManager.default.createSymbolicLink(atPath: fixture.path + "/README.md", withDestinationPath: "target.md")
        let before = try fixture.snapshot()
        #expect(throws: GitError.notARegularFile(path: "README.md")) {
            try fixture.open().commit(path: "README.md", content: Array("x\n".utf8), message: "Add it")
        }
        #expect(try fixture.snapshot() == before)
    }

    /// `git fsck --strict` finds nothing wrong, and no lock or scratch file is left behind.
    private func expectClean(_ fixture: TestRepository) throws {
        let fsck = try fixture.gitStatus("fsck", "--strict", "--no-dangling")
        #expect(fsck.status == 0, "\(fsck.output)")
        #expect(!fixture.exists(".git/index.lock"))
        #expect(!fixture.exists(".git/index.fmadd"))
    }
}
