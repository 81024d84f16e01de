import CLibGit2
import Foundation
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
        let github = "https://github.com/owner/list.git"
        var source = CredentialSource(environment: ["GITHUB_TOKEN": "from-github", "FMADD_GIT_TOKEN": "from-fmadd"])
        #expect(source.next(allowed: GIT_CREDENTIAL_USERNAME.rawValue, url: "ssh://git@github.com/o/r.git", usernameFromURL: nil) == .username("git"))
        #expect(source.next(allowed: ssh, url: "ssh://git@github.com/o/r.git", usernameFromURL: "git") == .sshAgent(user: "git"))
        #expect(source.next(allowed: ssh, url: "ssh://git@github.com/o/r.git", usernameFromURL: "git") == .none)
        #expect(source.next(allowed: userpass, url: github, usernameFromURL: nil) == .token(user: "x-access-token", token: "from-fmadd"))
        #expect(source.next(allowed: userpass, url: github, usernameFromURL: nil) == .none)

        var fromGitHub = CredentialSource(environment: ["GITHUB_TOKEN": "from-github", "FMADD_GIT_TOKEN": ""])
        #expect(fromGitHub.next(allowed: userpass, url: github, usernameFromURL: "me") == .token(user: "me", token: "from-github"))

        var nothing = CredentialSource(environment: [:])
        #expect(nothing.next(allowed: userpass, url: github, usernameFromURL: nil) == .none)
    }

    /// The token is GitHub's: it goes over https to github.com, or to the GitHub Enterprise
    /// host that `GITHUB_SERVER_URL` names, and nowhere else.
    @Test(arguments: [
        ("https://github.com/owner/list.git", [:], true),
        ("https://GitHub.com:443/owner/list.git", [:], true),
        ("https://me@github.com/owner/list", [:], true),
        ("http://github.com/owner/list.git", [:], false),
        ("https://evil.example/owner/list.git", [:], false),
        ("https://github.com.evil.example/owner/list.git", [:], false),
        ("https://evil.example/github.com/list.git", [:], false),
        ("https://github.com@evil.example/owner/list.git", [:], false),
        ("git://github.com/owner/list.git", [:], false),
        ("/srv/git/list.git", [:], false),
        ("https://ghe.corp.example/owner/list.git", [:], false),
        ("https://ghe.corp.example/owner/list.git", ["GITHUB_SERVER_URL": "https://ghe.corp.example"], true),
        ("http://ghe.corp.example/owner/list.git", ["GITHUB_SERVER_URL": "https://ghe.corp.example"], false),
        ("https://github.com/owner/list.git", ["GITHUB_SERVER_URL": "https://ghe.corp.example"], true),
        ("https://ghe.corp.example/owner/list.git", ["GITHUB_SERVER_URL": "http://ghe.corp.example"], false),
    ] as [(String, [String: String], Bool)])
    func sendsTheTokenOnlyOverHTTPSToGitHub(url: String, environment: [String: String], sent: Bool) {
        let userpass = GIT_CREDENTIAL_USERPASS_PLAINTEXT.rawValue
        var source = CredentialSource(environment: environment.merging(["GITHUB_TOKEN": "ghp_secret"]) { $1 })
        let choice = source.next(allowed: userpass, url: url, usernameFromURL: nil)
        #expect(choice == (sent ? .token(user: "x-access-token", token: "ghp_secret") : .none), "\(url)")
    }

    /// A host that asks for a password over plain http gets no token, and libgit2 is what
    /// connects: the push fails as an authentication failure, and no request carried one.
    @Test func sendsNoTokenToAnHTTPHostThatAsksForOne() throws {
        let (fixture, _) = try repositoryWithRemote(fileURL: false)
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        try fixture.git("remote", "set-url", "origin", "http://127.0.0.1:\(server.port)/repo.git")

        let error = #expect(throws: GitError.self) {
            try fixture.open().push(branch: "main", environment: ["GITHUB_TOKEN": "ghp_0123456789abcdef0123456789abcdef0123", "FMADD_GIT_TOKEN": "fmadd-token"])
        }

        #expect(error == .authenticationFailed(remote: "origin", url: "http://127.0.0.1:\(server.port)/repo.git"))
        #expect(error?.description.contains("never over plain http") == true)
        let requests = server.requests
        #expect(requests.contains { $0.hasPrefix("GET /repo.git/info/refs?service=git-receive-pack ") }, "\(requests)")
        for request in requests {
            #expect(!request.lowercased().contains("\nauthorization:"), "\(request)")
            #expect(!request.contains("ghp_0123456789") && !request.contains("fmadd-token"))
        }
    }

    /// After a redirect, the host that asks for a credential is the one redirected to (libgit2
    /// passes its URL to the credential callback), and it is judged as any other.
    @Test func sendsNoTokenAfterARedirect() throws {
        let (fixture, _) = try repositoryWithRemote(fileURL: false)
        let asking = try LoopbackHTTPServer()
        defer { asking.stop() }
        let redirecting = try LoopbackHTTPServer(redirect: "http://localhost:\(asking.port)")
        defer { redirecting.stop() }
        try fixture.git("remote", "set-url", "origin", "http://127.0.0.1:\(redirecting.port)/repo.git")

        let error = #expect(throws: GitError.self) {
            try fixture.open().push(branch: "main", environment: ["GITHUB_TOKEN": "ghp_0123456789abcdef0123456789abcdef0123"])
        }

        #expect(error == .authenticationFailed(remote: "origin", url: "http://127.0.0.1:\(redirecting.port)/repo.git"))
        #expect(redirecting.requests.count == 1)
        #expect(asking.requests.contains { $0.contains("Host: localhost:\(asking.port)") }, "\(asking.requests)")
        for request in redirecting.requests + asking.requests {
            #expect(!request.lowercased().contains("\nauthorization:"), "\(request)")
        }
    }

    /// A remote URL's own password is used for its host, but never printed.
    @Test func neverPrintsTheRemoteURLsPassword() throws {
        let (fixture, _) = try repositoryWithRemote(fileURL: false)
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        try fixture.git("remote", "set-url", "origin", "http://alice:secret@127.0.0.1:\(server.port)/x.git")

        let error = #expect(throws: GitError.self) { try fixture.open().push(branch: "main", environment: [:]) }

        let text = error.map { "\($0) \($0.localizedDescription)" } ?? ""
        #expect(!text.contains("secret"), "\(text)")
        #expect(text.contains("http://alice:***@127.0.0.1:\(server.port)/x.git"), "\(text)")
        #expect(error == .authenticationFailed(remote: "origin", url: "http://alice:***@127.0.0.1:\(server.port)/x.git"))
    }
}
