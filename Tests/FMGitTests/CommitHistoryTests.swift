import Testing

@testable import FMGit

@Suite struct CommitHistoryTests {
    @Test func listsTheCommitsOfTheBranchThatChangeTheList() throws {
        let fixture = try TestRepository()
        try fixture.commitAll("base", "README.md", "# List\n")
        try fixture.git("switch", "-q", "-c", "add/papers")
        try fixture.commitAll("Add one", "README.md", "# List\n- one\n")
        try fixture.commitAll("Unrelated", "other.md", "other\n")
        try fixture.git("switch", "-q", "-c", "side")
        try fixture.commitAll("Add two on a side branch", "README.md", "# List\n- one\n- two\n")
        try fixture.git("switch", "-q", "add/papers")
        try fixture.commitAll("Touch another file", "third.md", "3\n")
        try fixture.git("merge", "-q", "--no-ff", "-m", "Merge side", "side")
        try fixture.git("switch", "-q", "main")
        try fixture.commitAll("On main only", "README.md", "# List (main)\n")
        try fixture.git("switch", "-q", "add/papers")

        let commits = try fixture.open().commitsTouching(path: "README.md", since: "main")

        let expected = try fixture.git("log", "--format=%H", "main..HEAD", "--", "README.md")
        #expect(commits.map(\.id).joined(separator: "\n") + "\n" == expected)
        #expect(commits.map(\.summary) == ["Add two on a side branch", "Add one"])
        #expect(commits.first?.author == Identity(name: "Test Author", email: "author@example.com"))
        #expect(commits.first?.message == "Add two on a side branch\n")
        #expect(try fixture.open().commitsTouching(path: "README.md", since: "HEAD").isEmpty)
        #expect(throws: GitError.revisionNotFound("origin/nothing")) {
            try fixture.open().commitsTouching(path: "README.md", since: "origin/nothing")
        }
    }

    @Test func takesTheRemotesHeadAsTheDefaultBase() throws {
        let upstream = try TestRepository()
        try upstream.commitAll("first", "README.md", "# List\n")
        try upstream.git("branch", "-m", "trunk")
        let clone = upstream.sandbox + "/clone"
        try upstream.git("clone", "-q", upstream.path, clone)

        let repository = try Repository(discoveringFrom: clone)
        #expect(try repository.defaultBase() == BaseBranch(name: "trunk", revision: "refs/remotes/origin/trunk"))
        #expect(try repository.commitsTouching(path: "README.md", since: "refs/remotes/origin/trunk").isEmpty)
    }

    @Test func fallsBackToMainOrMaster() throws {
        let fixture = try TestRepository()
        #expect(try fixture.open().defaultBase() == nil)
        try fixture.commitAll("first", "README.md", "# List\n")
        #expect(try fixture.open().defaultBase() == BaseBranch(name: "main", revision: "refs/heads/main"))
        try fixture.git("branch", "-m", "master")
        #expect(try fixture.open().defaultBase() == BaseBranch(name: "master", revision: "refs/heads/master"))
        try fixture.git("update-ref", "refs/remotes/origin/main", "HEAD")
        #expect(try fixture.open().defaultBase() == BaseBranch(name: "main", revision: "refs/remotes/origin/main"))
    }
}
