import Foundation
import FMEditor
import FMGit
import FMList
import FMRules
import FMServices

/// Writes the pull request for the commits on the current branch that change the list, and
/// pushes the branch.
public struct PullRequestWorkflow {
    /// The branch the pull request goes into (default: the remote's default branch, or main).
    public var base: String?
    /// Push the current branch to `remote` first.
    public var push = false
    public var remote = "origin"
    /// Also write the body to this file.
    public var bodyFile: String?
    /// A configuration file to use instead of the one found in the repository.
    public var config: String?
    /// A folder inside the repository.
    public var folder: String
    /// Open the pull request through GitHub's REST API (pushing the branch first).
    public var open: Opening?

    /// How `fmadd pr --open` opens the pull request.
    public struct Opening: Sendable {
        /// Fork the repository, push the branch to the fork, and open the pull request from it.
        public var fork = false
        /// `OWNER/REPO` of the list's repository (default: `GITHUB_REPOSITORY`, then the remote's
        /// GitHub address).
        public var repository: String?
        public var environment: [String: String]
        public var transport: any HTTPTransport

        public init(fork: Bool = false, repository: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment,
                    transport: any HTTPTransport = URLSessionTransport()) {
            self.fork = fork
            self.repository = repository
            self.environment = environment
            self.transport = transport
        }
    }

    public init(base: String? = nil, push: Bool = false, remote: String = "origin", bodyFile: String? = nil,
                config: String? = nil, folder: String = FileManager.default.currentDirectoryPath, open: Opening? = nil) {
        self.open = open
        self.base = base
        self.push = push
        self.remote = remote
        self.bodyFile = bodyFile
        self.config = config
        self.folder = folder
    }

    public enum Outcome: Sendable {
        /// No commit on the branch changes the list since the base.
        case nothingToPropose(list: String, base: String)
        /// The pull request's text, and the page that opens it for a GitHub remote.
        case ready(PullRequest, compareURL: String?)
        /// The pull request opened on GitHub, from `head` (`branch`, or `owner:branch` of a fork).
        case opened(PullRequest, GitHubClient.PullRequestInfo, head: String)
    }

    public func run() throws(WorkflowFailure) -> Outcome {
        let repository = try tryGit { () throws(GitError) in try Repository(discoveringFrom: folder) }
        guard let workTree = repository.workTree else { throw .noWorkTree(needed: "pr") }
        let configuration = try tryList { () throws(ListError) in try ListFiles.configuration(config, orFoundFrom: workTree) }
        let path = configuration.listFile
        let (baseName, baseRevision): (String, String)
        if let base {
            (baseName, baseRevision) = (base, base)
        } else if let found = try tryGit({ () throws(GitError) in try repository.defaultBase(remote: remote) }) {
            (baseName, baseRevision) = (found.name, found.revision)
        } else {
            (baseName, baseRevision) = ("main", "main")
        }
        let commits = try tryGit { () throws(GitError) in try repository.commitsTouching(path: path, since: baseRevision) }
        guard !commits.isEmpty else { return .nothingToPropose(list: path, base: baseName) }
        let old = try tryGit { () throws(GitError) in try repository.content(of: path, at: baseRevision) } ?? []
        let new = try tryGit { () throws(GitError) in try repository.headContent(of: path) } ?? []
        let document = try tryList { () throws(ListError) in try Document(bytes: new, path: path) }
        let view = ListView(document: document, configuration: configuration)
        let changed = ChangedLines.of(old: old, new: new)
        let additions = view.entries.filter { changed.contains($0.line) && $0.shape == .entry }.map { entry in
            PullRequest.Addition(title: entry.title ?? "", entry: document.lineText(entry.line).trimmingWhitespace(), file: path,
                                 section: entry.section.map { view.sections[$0].text } ?? "",
                                 year: entry.yearGroup.map { view.yearGroups[$0].year }, line: entry.line)
        }
        let findings = Linter().findings(in: view).filter { changed.contains($0.line) && $0.severity == .error }
        let check = PullRequest.CheckResult(passed: findings.isEmpty,
                                            summary: findings.isEmpty ? "no errors on the changed lines" : "\(findings.count) errors on the changed lines")
        let request = PullRequest(additions: additions, check: check)
        let head = try tryGit { () throws(GitError) in try repository.head() }
        guard let branch = head.branchName else { throw .detachedHead }
        if let bodyFile { try tryList { () throws(ListError) in try AtomicFile.write(Array(request.body.utf8), to: bodyFile) } }
        let url = try? repository.configValue("remote.\(remote).url")
        if let open {
            return try opened(request, with: open, branch: branch, base: baseName, remoteURL: url, repository: repository)
        }
        if push { try tryGit { () throws(GitError) in try repository.push(branch: branch, remote: remote) } }
        return .ready(request, compareURL: url.flatMap { PullRequest.compareURL(remoteURL: $0, base: baseName, branch: branch) })
    }

    /// Pushes the branch (to the remote, or to a fork made for it) and opens the pull request.
    /// Everything that can be refused before anything is sent is asked first: the repository's
    /// name, the API's address and the token.
    private func opened(_ request: PullRequest, with open: Opening, branch: String, base: String, remoteURL: String?,
                        repository: Repository) throws(WorkflowFailure) -> Outcome {
        guard let upstream = open.repository ?? open.environment["GITHUB_REPOSITORY"].flatMap({ $0.isEmpty ? nil : $0 })
                ?? remoteURL.flatMap(PullRequest.gitHubRepository(remoteURL:)) else {
            throw .noGitHubRepository(remote: remote)
        }
        guard PullRequest.isRepositoryName(upstream) else { throw .noGitHubRepository(remote: remote) }
        func gitHub<T>(_ body: () throws(GitHubError) -> T) throws(WorkflowFailure) -> T {
            do { return try body() } catch { throw .gitHub(error) }
        }
        let client = try gitHub { () throws(GitHubError) in try GitHubClient.configured(environment: open.environment, transport: open.transport) }
        let head: String
        if open.fork {
            let fork = try gitHub { () throws(GitHubError) in try client.fork(upstream) }
            try tryGit { () throws(GitError) in try repository.push(branch: branch, toURL: fork.cloneURL, environment: open.environment) }
            head = fork.owner + ":" + branch
        } else {
            do {
                try repository.push(branch: branch, remote: remote, environment: open.environment)
            } catch {
                throw .pushRefusedBeforeOpening(error)
            }
            head = branch
        }
        let opened = try gitHub { () throws(GitHubError) in
            try client.openPullRequest(in: upstream, title: request.title, body: request.body, head: head, base: base)
        }
        return .opened(request, opened, head: head)
    }
}
