import Foundation

/// GitHub's REST API (`GITHUB_API_URL`, which Actions and GitHub Enterprise set; default
/// `https://api.github.com`): what `fmadd pr --open` needs of it, with the token in
/// `GITHUB_TOKEN` (or `FMADD_GIT_TOKEN`), sent to the API's host only.
public struct GitHubClient: Sendable {
    public static let variable = "GITHUB_API_URL"
    public static let defaultAddress = "https://api.github.com"
    public static let tokenVariables = ["GITHUB_TOKEN", "FMADD_GIT_TOKEN"]

    public var address: URL
    public var http: HTTPClient

    public init(address: URL, http: HTTPClient) {
        self.address = address
        self.http = http
    }

    /// The client of the API the environment names, with its token; an error that says what to
    /// set when there is no token.
    public static func configured(environment: [String: String] = ProcessInfo.processInfo.environment,
                                  transport: any HTTPTransport = URLSessionTransport()) throws(GitHubError) -> GitHubClient {
        let address: URL
        do { address = try ServiceAddress.resolve(variable: variable, default: defaultAddress, environment: environment) } catch {
            throw .service(error)
        }
        guard let token = tokenVariables.lazy.compactMap({ environment[$0] }).first(where: { !$0.isEmpty }) else { throw .noToken }
        var http = HTTPClient(service: "GitHub", transport: transport,
                              credential: Credential(host: address.host ?? "", value: "Bearer " + token))
        // An unanswered POST may have been made: trying it again could open a second one.
        http.policy.retries = 0
        return GitHubClient(address: address, http: http)
    }

    /// A repository as the token's user sees it.
    public struct RepositoryInfo: Sendable, Equatable {
        public var fullName: String
        public var owner: String
        public var defaultBranch: String
        public var cloneURL: String
        /// Whether the token's user may push to it (`permissions.push`).
        public var canPush: Bool
    }

    /// An opened pull request.
    public struct PullRequestInfo: Sendable, Equatable {
        public var number: Int
        public var url: String
    }

    /// `GET /repos/{owner}/{repo}`.
    public func repository(_ fullName: String) throws(GitHubError) -> RepositoryInfo {
        let response = try send("GET", "/repos/" + fullName, body: nil, about: fullName)
        return try Self.repositoryInfo(response.body)
    }

    /// `POST /repos/{owner}/{repo}/forks`: the token user's fork (GitHub answers with the one that
    /// exists when there is one already).
    public func fork(_ fullName: String) throws(GitHubError) -> RepositoryInfo {
        let response = try send("POST", "/repos/\(fullName)/forks", body: [:], about: fullName)
        return try Self.repositoryInfo(response.body)
    }

    /// `POST /repos/{owner}/{repo}/pulls`: `head` is `branch`, or `owner:branch` from a fork.
    public func openPullRequest(in fullName: String, title: String, body: String, head: String, base: String) throws(GitHubError) -> PullRequestInfo {
        let response = try send("POST", "/repos/\(fullName)/pulls",
                                body: ["title": title, "body": body, "head": head, "base": base, "maintainer_can_modify": true],
                                about: fullName, head: head)
        guard let object = Self.object(response.body), let number = object["number"] as? Int,
              let url = object["html_url"] as? String else { throw .service(.malformed(service: "GitHub", reason: "not a pull request in JSON")) }
        return PullRequestInfo(number: number, url: url)
    }

    private func send(_ method: String, _ path: String, body: [String: Any]?, about repository: String,
                      head: String? = nil) throws(GitHubError) -> HTTPResponse {
        var text = address.absoluteString
        while text.hasSuffix("/") { text.removeLast() }
        guard let url = URL(string: text + path) else { throw .service(.badAddress(text, variable: Self.variable)) }
        var request = HTTPRequest(method: method, url: url, headers: [
            "Accept": "application/vnd.github+json",
            "X-GitHub-Api-Version": "2022-11-28",
        ])
        if let body {
            request.headers["Content-Type"] = "application/json"
            request.body = try? JSONSerialization.data(withJSONObject: body, options: [.sortedKeys])
        }
        let response: HTTPResponse
        do { response = try http.send(request) } catch { throw .service(error) }
        guard response.isSuccess else { throw GitHubError(status: response.status, body: response.body, repository: repository, head: head) }
        return response
    }

    static func object(_ data: Data) -> [String: Any]? {
        (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
    }

    static func repositoryInfo(_ data: Data) throws(GitHubError) -> RepositoryInfo {
        guard let object = object(data), let fullName = object["full_name"] as? String,
              let owner = (object["owner"] as? [String: Any])?["login"] as? String,
              let cloneURL = object["clone_url"] as? String else {
            throw .service(.malformed(service: "GitHub", reason: "not a repository in JSON"))
        }
        let push = (object["permissions"] as? [String: Any])?["push"] as? Bool ?? false
        return RepositoryInfo(fullName: fullName, owner: owner, defaultBranch: object["default_branch"] as? String ?? "main",
                              cloneURL: cloneURL, canPush: push)
    }
}

/// Why GitHub did not do what was asked, each with what to do about it.
public enum GitHubError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Neither `GITHUB_TOKEN` nor `FMADD_GIT_TOKEN` is set.
    case noToken
    /// 401: the token is wrong or has expired.
    case badCredentials
    /// 403: the token may not do this (its scopes, the repository's settings, a rate limit).
    case forbidden(repository: String, message: String)
    /// 404: no such repository, or the token cannot see it.
    case notFound(repository: String)
    /// 422 "A pull request already exists for owner:branch".
    case pullRequestExists(repository: String, head: String)
    /// 422 for another reason (no commits between the branches, a base that does not exist).
    case unprocessable(message: String)
    case service(ServiceError)

    init(status: Int, body: Data, repository: String, head: String?) {
        let object = GitHubClient.object(body)
        let message = object?["message"] as? String ?? "HTTP \(status)"
        let details = ((object?["errors"] as? [[String: Any]]) ?? []).compactMap { $0["message"] as? String }
        switch status {
        case 401: self = .badCredentials
        case 403: self = .forbidden(repository: repository, message: message)
        case 404: self = .notFound(repository: repository)
        case 422 where details.contains { $0.hasPrefix("A pull request already exists") }:
            self = .pullRequestExists(repository: repository, head: head ?? "")
        case 422: self = .unprocessable(message: ([message] + details).joined(separator: ": "))
        default: self = .service(.failed(service: "GitHub", status: status))
        }
    }

    public var description: String {
        switch self {
        case .noToken:
            return "opening a pull request needs a GitHub token: set GITHUB_TOKEN (a token that may write pull requests, or the one Actions gives a workflow)"
        case .badCredentials:
            return "GitHub refused the token (401 Bad credentials): it is wrong or has expired; set GITHUB_TOKEN to a valid one"
        case .forbidden(let repository, let message):
            return "GitHub refused to do this on \(repository) (403: \(message)): the token needs permission to write pull requests there (fine-grained: Pull requests read and write; classic: public_repo or repo), or use --fork"
        case .notFound(let repository):
            return "GitHub has no repository \(repository) that the token can see (404): check --repo and the token's access"
        case .pullRequestExists(let repository, let head):
            return "a pull request from \(head) into \(repository) is already open: push to the branch to update it, or see https://github.com/\(repository)/pulls"
        case .unprocessable(let message):
            return "GitHub could not open the pull request (422: \(message))"
        case .service(let error):
            return error.description
        }
    }
}
