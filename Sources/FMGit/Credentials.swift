import CLibGit2

/// The credential offered to a remote that asks for one.
enum CredentialChoice: Equatable {
    /// The user name an ssh remote asks for before a key.
    case username(String)
    /// The keys of the running ssh agent (`SSH_AUTH_SOCK`).
    case sshAgent(user: String)
    /// A token from the environment, sent as the password over https.
    case token(user: String, token: String)
    /// Nothing (more) to offer: authentication fails.
    case none
}

/// Where push credentials come from: an ssh agent, or for https a token in `FMADD_GIT_TOKEN`
/// or `GITHUB_TOKEN`. Each is offered once; libgit2 asks again after a rejected one, and
/// offering it again would loop forever.
///
/// The token is GitHub's, so it goes only to GitHub: over https, to `github.com` or to the
/// host of `GITHUB_SERVER_URL` (GitHub Enterprise, as GitHub Actions sets it). Any other host,
/// and any host over plain http, gets no token.
struct CredentialSource {
    static let tokenVariables = ["FMADD_GIT_TOKEN", "GITHUB_TOKEN"]
    static let gitHubHost = "github.com"

    private let token: String?
    /// The hosts the token may go to, lower case.
    let tokenHosts: Set<String>
    private var offeredAgent = false
    private var offeredToken = false

    init(environment: [String: String]) {
        token = CredentialSource.tokenVariables.lazy.compactMap { environment[$0] }.first { !$0.isEmpty }
        var hosts: Set<String> = [CredentialSource.gitHubHost]
        if let server = environment["GITHUB_SERVER_URL"].flatMap(RemoteURL.init), server.scheme == "https", !server.host.isEmpty {
            hosts.insert(server.host)
        }
        tokenHosts = hosts
    }

    /// Whether the token may be sent to `url`: https, and a GitHub host.
    func mayReceiveToken(_ url: String?) -> Bool {
        guard let remote = url.flatMap(RemoteURL.init) else { return false }
        return remote.scheme == "https" && tokenHosts.contains(remote.host)
    }

    /// The next credential to offer `url` (the URL libgit2 is connecting to), for the
    /// credential types `allowed`.
    mutating func next(allowed: UInt32, url: String?, usernameFromURL: String?) -> CredentialChoice {
        func allows(_ type: git_credential_t) -> Bool { allowed & type.rawValue != 0 }
        let user = usernameFromURL.flatMap { $0.isEmpty ? nil : $0 }
        if allows(GIT_CREDENTIAL_SSH_KEY), !offeredAgent {
            offeredAgent = true
            return .sshAgent(user: user ?? "git")
        }
        if allows(GIT_CREDENTIAL_USERNAME), !offeredAgent {
            return .username(user ?? "git")
        }
        if allows(GIT_CREDENTIAL_USERPASS_PLAINTEXT), !offeredToken, let token, mayReceiveToken(url) {
            offeredToken = true
            // GitHub takes any user name with a token; this one names what is sent.
            return .token(user: user ?? "x-access-token", token: token)
        }
        return .none
    }
}
