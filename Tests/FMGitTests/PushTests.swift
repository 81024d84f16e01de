import CLibGit2
import Testing

@testable import FMGit

@Suite struct PushTests {
    /// A repository with one commit on `main` and a bare repository as `origin`, named by its
    /// path or by a `file://` URL.
    private func repositoryWithRemote(fileURL: Bool) throws -> (TestRepository, remote: String) {
        let fixture = try TestRepository()
        let remote = fixture.sandbox + "/remote.git"
        try fixture.git("init", "-q", "--bare", "-b", "main", remote)
        try fixture.git("remote", "add", "origin", fileURL ? "file://" + remote : remote)
        try fixture.commitAll("first", "README.md", "# List\n")
        return (fixture, remote)
    }

    @Test(arguments: [false, true])
    func pushesABranchToABareRepository(fileURL: Bool) throws {
        let (fixture, remote) = try repositoryWithRemote(fileURL: fileURL)
        let content = try fixture.edit("README.md", "# List\n\n- one\n")
        let result = try fixture.open().commit(path: "README.md", content: content, message: "Add one", branch: "add/one")

        try fixture.open().push(branch: "add/one")

        #expect(try fixture.git("ls-remote", remote, "refs/heads/add/one") == "\(result.commit)\trefs/heads/add/one\n")
        #expect(try fixture.gitStatus("fsck", "--strict", in: remote).status == 0)
        #expect(try fixture.value("rev-parse", "refs/remotes/origin/add/one") == result.commit)
    }

    @Test func refusesANonFastForwardPushAndLosesNothing() throws {
        let (fixture, remote) = try repositoryWithRemote(fileURL: false)
        try fixture.open().push(branch: "main")
        let elsewhere = fixture.sandbox + "/elsewhere"
        try fixture.git("clone", "-q", remote, elsewhere)
        try fixture.git("-c", "user.name=Other", "-c", "user.email=o@example.com", "commit", "-q", "--allow-empty", "-m", "theirs", in: elsewhere)
        try fixture.git("push", "-q", "origin", "main", in: elsewhere)
        let theirs = try fixture.git("rev-parse", "HEAD", in: elsewhere)
        let content = try fixture.edit("README.md", "# List\n\n- mine\n")
        let mine = try fixture.open().commit(path: "README.md", content: content, message: "Add mine").commit

        let error = #expect(throws: GitError.self) { try fixture.open().push(branch: "main") }

        #expect(error == .nonFastForward(branch: "main", remote: "origin"))
        #expect(error?.description.contains("git pull --rebase origin main") == true)
        #expect(try fixture.value("rev-parse", "main") == mine)
        #expect(try fixture.git("cat-file", "-t", mine) == "commit\n")
        #expect(try fixture.git("show", "main:README.md") == "# List\n\n- mine\n")
        #expect(try fixture.git("ls-remote", remote, "refs/heads/main") == theirs.trimmingCharacters(in: .newlines) + "\trefs/heads/main\n")
    }

    @Test func namesAMissingRemoteOrBranch() throws {
        let (fixture, _) = try repositoryWithRemote(fileURL: false)
        #expect(throws: GitError.remoteNotFound("upstream")) { try fixture.open().push(branch: "main", remote: "upstream") }
        #expect(throws: GitError.branchNotFound("nothing")) { try fixture.open().push(branch: "nothing") }
    }

    @Test func offersTheSSHAgentThenATokenOnceEach() {
        let ssh = GIT_CREDENTIAL_SSH_KEY.rawValue | GIT_CREDENTIAL_USERNAME.rawValue
        let userpass = GIT_CREDENTIAL_USERPASS_PLAINTEXT.rawValue
        var source = CredentialSource(environment: ["GITHUB_TOKEN": "from-github", "FMADD_GIT_TOKEN": "from-fmadd"])
        #expect(source.next(allowed: GIT_CREDENTIAL_USERNAME.rawValue, usernameFromURL: nil) == .username("git"))
        #expect(source.next(allowed: ssh, usernameFromURL: "git") == .sshAgent(user: "git"))
        #expect(source.next(allowed: ssh, usernameFromURL: "git") == .none)
        #expect(source.next(allowed: userpass, usernameFromURL: nil) == .token(user: "x-access-token", token: "from-fmadd"))
        #expect(source.next(allowed: userpass, usernameFromURL: nil) == .none)

        var github = CredentialSource(environment: ["GITHUB_TOKEN": "from-github", "FMADD_GIT_TOKEN": ""])
        #expect(github.next(allowed: userpass, usernameFromURL: "me") == .token(user: "me", token: "from-github"))

        var nothing = CredentialSource(environment: [:])
        #expect(nothing.next(allowed: userpass, usernameFromURL: nil) == .none)
    }
}
