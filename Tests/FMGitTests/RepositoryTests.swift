import Foundation
import Testing

@testable import FMGit

@Suite struct RepositoryTests {
    @Test func opensFromAFolderDeepInsideTheWorkTree() throws {
        let fixture = try TestRepository()
        try fixture.write("docs/deep/er/file.md", "x\n")
        let repository = try fixture.open(from: "docs/deep/er")
        #expect(repository.workTree == fixture.path)
        #expect(repository.workTree == (try fixture.value("-C", "docs/deep/er", "rev-parse", "--show-toplevel")))
        #expect(repository.gitDirectory == fixture.path + "/.git")
        #expect(repository.commonDirectory == fixture.path + "/.git")
    }

    @Test func opensALinkedWorkTree() throws {
        let fixture = try TestRepository()
        try fixture.commitAll("first", "README.md", "one\n")
        let linked = fixture.sandbox + "/linked"
        try fixture.git("worktree", "add", "-q", "-b", "feature", linked)
        try FileManager.default.createDirectory(atPath: linked + "/sub", withIntermediateDirectories: true)

        let repository = try Repository(discoveringFrom: linked + "/sub")
        #expect(repository.workTree == linked)
        #expect(repository.commonDirectory == (try fixture.value("-C", linked, "rev-parse", "--path-format=absolute", "--git-common-dir")))
        #expect(repository.gitDirectory == (try fixture.value("-C", linked, "rev-parse", "--path-format=absolute", "--git-dir")))
        #expect(try repository.head() == .branch("feature", commit: try fixture.value("rev-parse", "main")))
        #expect(try repository.headContent(of: "README.md") == Array("one\n".utf8))
    }

    @Test func refusesAFolderOutsideAnyRepository() throws {
        _ = TestEnvironment.home
        let folder = makeTemporaryFolder("fmgit-plain")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(throws: GitError.notARepository(path: folder)) { try Repository(discoveringFrom: folder) }
        #expect(GitError.notARepository(path: folder).description.contains("git init"))
    }

    /// libgit2 checks ownership for root too: a repository of `nobody` fails to open until it is
    /// listed in `safe.directory`, and the message gives the exact command that lists it.
    @Test func namesTheSafeDirectoryCommandForARepositoryOfAnotherUser() throws {
        let fixture = try TestRepository()
        try fixture.write("sub/file", "x\n")
        try run("/bin/chown", ["-R", "nobody", fixture.path], in: fixture.sandbox)

        let error = #expect(throws: GitError.self) { try fixture.open(from: "sub") }
        #expect(error == .unsafeRepository(path: fixture.path))
        let advice = "git config --global --add safe.directory \(fixture.path)"
        #expect(error?.description.contains(advice) == true)

        try fixture.git("config", "--global", "--add", "safe.directory", fixture.path)
        let repository = try fixture.open(from: "sub")
        #expect(repository.workTree == fixture.path)
    }

    @Test func readsTheStagedAndTheCommittedVersionOfAFile() throws {
        let fixture = try TestRepository()
        #expect(try fixture.open().headContent(of: "README.md") == nil)
        try fixture.commitAll("first", "README.md", "committed\n")
        try fixture.write("README.md", "staged\n")
        try fixture.git("add", "README.md")
        try fixture.write("README.md", "in the work tree\n")

        let repository = try fixture.open()
        let staged = try #require(try repository.stagedContent(of: "README.md"))
        let committed = try #require(try repository.headContent(of: "README.md"))
        #expect(String(decoding: staged, as: UTF8.self) == (try fixture.git("show", ":README.md")))
        #expect(String(decoding: committed, as: UTF8.self) == (try fixture.git("show", "HEAD:README.md")))
        #expect(staged == Array("staged\n".utf8))
        #expect(committed == Array("committed\n".utf8))
        #expect(try repository.stagedContent(of: "missing.md") == nil)
        #expect(try repository.headContent(of: "missing.md") == nil)
        #expect(throws: GitError.invalidPath("../README.md")) { try repository.stagedContent(of: "../README.md") }
    }

    @Test func findsTheStagedFilesOfAName() throws {
        let fixture = try TestRepository()
        for file in [".fmadd.yml", "docs/.fmadd.yml", "docs/lists/.fmadd.yml", "docs/x.fmadd.yml", "other.yml"] {
            try fixture.write(file, "list: README.md\n")
        }
        try fixture.git("add", ".fmadd.yml", "docs/.fmadd.yml", "docs/x.fmadd.yml", "other.yml")
        try fixture.write("untracked/.fmadd.yml", "list: README.md\n")

        #expect(try fixture.open().stagedPaths(named: ".fmadd.yml") == [".fmadd.yml", "docs/.fmadd.yml"])
        try fixture.git("add", "docs/lists/.fmadd.yml")
        try fixture.git("rm", "-q", "--cached", ".fmadd.yml")
        #expect(try fixture.open().stagedPaths(named: ".fmadd.yml") == ["docs/.fmadd.yml", "docs/lists/.fmadd.yml"])
    }

    @Test func readsConfiguration() throws {
        let fixture = try TestRepository()
        try fixture.git("config", "core.hooksPath", ".githooks")
        try fixture.git("remote", "add", "origin", "git@github.com:owner/list.git")
        try fixture.git("remote", "add", "upstream", "https://github.com/up/list")

        let repository = try fixture.open()
        #expect(try repository.identity() == Identity(name: "Test Author", email: "author@example.com"))
        #expect(try repository.configValue("user.name") == (try fixture.value("config", "user.name")))
        #expect(try repository.configValue("core.hooksPath") == ".githooks")
        #expect(try repository.configValue("fmadd.nothing") == nil)
        #expect(try repository.remoteURL() == "git@github.com:owner/list.git")
        #expect(try repository.remoteURL(named: "upstream") == "https://github.com/up/list")
        #expect(try repository.remoteURL(named: "nowhere") == nil)
        #expect(try repository.remoteNames().sorted() == ["origin", "upstream"])
    }

    @Test func missingIdentityExplainsHowToSetIt() throws {
        let fixture = try TestRepository(identity: false)
        let error = #expect(throws: GitError.self) { try fixture.open().identity() }
        #expect(error == .missingIdentity)
        #expect(error?.description.contains("git config --global user.name \"Your Name\"") == true)
        #expect(error?.description.contains("git config --global user.email") == true)
    }

    @Test func tellsWhereHeadIs() throws {
        let fixture = try TestRepository()
        #expect(try fixture.open().head() == .unborn(branch: "main"))
        let first = try fixture.commitAll("first", "a", "1\n")
        #expect(try fixture.open().head() == .branch("main", commit: first))
        try fixture.git("switch", "-q", "--detach", "HEAD")
        #expect(try fixture.open().head() == .detached(commit: first))
        #expect(try fixture.open().head().branchName == nil)
    }

    @Test func givesPathsRelativeToTheWorkTreeRoot() throws {
        let fixture = try TestRepository()
        let repository = try fixture.open()
        #expect(try repository.relativePath(ofFile: fixture.path + "/docs/list.md") == "docs/list.md")
        #expect(try repository.relativePath(ofFile: fixture.path + "/./docs/../README.md") == "README.md")
        #expect(throws: GitError.invalidPath(fixture.sandbox + "/elsewhere.md")) {
            try repository.relativePath(ofFile: fixture.sandbox + "/elsewhere.md")
        }
    }

    /// A pre-commit hook of `git commit -a` sees the index being committed only through
    /// `GIT_INDEX_FILE`; the hook copies it, since git removes it afterwards.
    @Test func readsTheIndexAHookIsGivenByGit() throws {
        let fixture = try TestRepository()
        try fixture.commitAll("first", "README.md", "committed\n")
        try fixture.write("README.md", "changed, committed with -a\n")
        let hook = """
            #!/bin/sh
            cp "$GIT_INDEX_FILE" "\(fixture.sandbox)/hook-index"
            exit 1
            """
        try fixture.write(".git/hooks/pre-commit", hook)
        try run("/bin/chmod", ["+x", ".git/hooks/pre-commit"], in: fixture.path)
        #expect(try fixture.gitStatus("commit", "-a", "-q", "-m", "refused by the hook").status != 0)

        let environment = ["GIT_INDEX_FILE": "../hook-index"]
        let inHook = try Repository(hookEnvironment: environment, currentDirectory: fixture.path)
        #expect(try inHook.stagedContent(of: "README.md") == Array("changed, committed with -a\n".utf8))
        #expect(try fixture.open().stagedContent(of: "README.md") == Array("committed\n".utf8))

        let byGitDir = try Repository(hookEnvironment: ["GIT_DIR": ".git"], currentDirectory: fixture.path)
        #expect(byGitDir.workTree == fixture.path)
    }
}
