import Testing

@testable import FMGit

@Suite struct RedactionTests {
    @Test(arguments: [
        ("http://alice:secret@host/x.git", "http://alice:***@host/x.git"),
        ("https://x-access-token:ghp_abc@github.com/o/r.git", "https://x-access-token:***@github.com/o/r.git"),
        ("https://ghp_0123456789abcdef0123456789abcdef0123@github.com/o/r", "https://***@github.com/o/r"),
        ("https://github_pat_11@github.com/o/r", "https://***@github.com/o/r"),
        ("https://alice@host/x.git", "https://alice@host/x.git"),
        ("ssh://git@github.com/o/r.git", "ssh://git@github.com/o/r.git"),
        ("https://github.com/o/r.git", "https://github.com/o/r.git"),
        ("http://a:b:c@host:8080", "http://a:***@host:8080"),
        ("git@github.com:o/r.git", "git@github.com:o/r.git"),
        ("/srv/git/list.git", "/srv/git/list.git"),
    ])
    func hidesTheCredentialOfAURL(url: String, redacted: String) {
        #expect(Redaction.url(url) == redacted)
    }

    @Test func hidesEveryCredentialInAText() {
        let text = "failed to push to 'http://alice:secret@host/x.git' (then https://bob:pw@other.example/y): 401"
        #expect(Redaction.text(text) == "failed to push to 'http://alice:***@host/x.git' (then https://bob:***@other.example/y): 401")
    }

    @Test func everyGitErrorMessageHidesCredentials() {
        let errors: [GitError] = [
            .authenticationFailed(remote: "origin", url: "https://me:secret@github.com/o/r.git"),
            .libgit2(operation: "push main to origin", code: -1, message: "unexpected http status code: 500 for https://me:secret@example.org/r"),
            .pushRejected(branch: "main", remote: "origin", reason: "see http://me:secret@example.org"),
        ]
        for error in errors {
            #expect(!error.description.contains("secret"), "\(error.description)")
            #expect(error.description.contains("me:***@"), "\(error.description)")
        }
    }
}
