import Foundation
import FMEditor
import FMGit
import FMList
import FMRules

/// Checks the lists as they are staged for the next commit, as the pre-commit hook does: the
/// commit's content, read from the index, not the work tree's.
public struct StagedCheck {
    /// The lists to check; without any, every list the repository configures: each
    /// `.fmadd.yml` in the index names its list relative to its own folder, and the list at the
    /// top (README.md, or what the top's configuration names) is checked too.
    public var files: [String] = []
    /// A configuration to use instead of the one found beside each list.
    public var config: String?
    /// Check the whole staged list, not only the lines the commit adds or changes.
    public var all = false
    /// The folder relative paths are read from.
    public var folder: String
    /// The environment git describes the commit in (`GIT_DIR`, `GIT_INDEX_FILE`, …).
    public var environment: [String: String]

    public init(files: [String] = [], config: String? = nil, all: Bool = false,
                folder: String = FileManager.default.currentDirectoryPath,
                environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.files = files
        self.config = config
        self.all = all
        self.folder = folder
        self.environment = environment
    }

    /// What the staged check found.
    public struct Outcome: Sendable {
        /// One report for each staged list the commit changes (each list, with `all`).
        public var reports: [Report]
        /// The staged lists and configurations that cannot be read: errors of the commit.
        public var unreadable: [WorkflowFailure]
        /// For each list the commit changes, or whose configuration it changes: a configured
        /// category whose heading the list lacks or names otherwise (warnings, as `check` says them).
        public var headingWarnings: [String] = []

        /// The commit should stop: a staged file cannot be read, or a list has an error.
        public var blocksCommit: Bool { !unreadable.isEmpty || reports.contains { $0.errorCount > 0 } }
    }

    public func run() throws(WorkflowFailure) -> Outcome {
        let repository = try tryGit { () throws(GitError) in try Repository(hookEnvironment: environment, currentDirectory: folder) }
        guard let workTree = repository.workTree else { throw .noWorkTree(needed: "--staged") }
        var unreadable: [WorkflowFailure] = []
        var lists: [(path: String, configuration: Configuration)] = []
        var headingWarnings: [String] = []
        if let config, files.isEmpty {
            let configuration = try tryList { () throws(ListError) in try Configuration.load(path: config) }
            let path = Self.listPath(of: configuration, workTree: workTree)
            lists.append((try tryGit { () throws(GitError) in try repository.relativePath(ofFile: path) }, configuration))
        } else if files.isEmpty {
            (lists, unreadable) = try stagedConfigurations(in: repository, workTree: workTree)
        } else {
            for file in files {
                let path = ListFiles.absolute(file, in: folder)
                let configuration = try tryList { () throws(ListError) in
                    try ListFiles.configuration(config, orFoundFrom: URL(fileURLWithPath: path).deletingLastPathComponent().path)
                }
                lists.append((try tryGit { () throws(GitError) in try repository.relativePath(ofFile: path) }, configuration))
            }
        }

        var reports: [Report] = []
        for (path, configuration) in lists {
            guard let stagedBytes = try tryGit({ () throws(GitError) in try repository.stagedContent(of: path) }) else {
                continue  // the list is not in the index: nothing of it is committed
            }
            let headBytes = try tryGit { () throws(GitError) in try repository.headContent(of: path) } ?? []
            let listChanged = all || stagedBytes != headBytes
            let configChanged = listChanged ? false : try configurationChanged(configuration, in: repository, workTree: workTree)
            guard listChanged || configChanged else { continue }
            let document: Document
            do { document = try Document(bytes: stagedBytes, path: path) } catch {
                unreadable.append(.list(error))
                continue
            }
            let view = ListView(document: document, configuration: configuration)
            headingWarnings += ListCheck.headingWarnings(view, name: path, configuration: configuration)
            guard listChanged else { continue }
            var findings = Linter().findings(in: view)
            if !all {
                let changed = ChangedLines.of(old: headBytes, new: stagedBytes)
                findings = findings.filter { changed.contains($0.line) }
            }
            reports.append(Report(file: path, findings: findings))
        }
        return Outcome(reports: reports, unreadable: unreadable, headingWarnings: headingWarnings)
    }

    /// Whether the commit changes the configuration file a list was read with (a heading
    /// renamed there can turn off a category's entry rules without touching the list).
    private func configurationChanged(_ configuration: Configuration, in repository: Repository,
                                      workTree: String) throws(WorkflowFailure) -> Bool {
        guard let source = configuration.source, source.hasPrefix(workTree + "/") else {
            return false
        }
        let path = String(source.dropFirst(workTree.count + 1))
        let staged = try tryGit { () throws(GitError) in try repository.stagedContent(of: path) }
        let head = try tryGit { () throws(GitError) in try repository.headContent(of: path) }
        return staged != nil && staged != head
    }

    /// The list of every `.fmadd.yml` in the index, each read from the index, and the list
    /// at the top when no staged configuration is there.
    private func stagedConfigurations(
        in repository: Repository, workTree: String
    ) throws(WorkflowFailure) -> ([(path: String, configuration: Configuration)], [WorkflowFailure]) {
        var lists: [(path: String, configuration: Configuration)] = []
        var unreadable: [WorkflowFailure] = []
        for configPath in try tryGit({ () throws(GitError) in try repository.stagedPaths(named: Configuration.fileName) }) {
            let bytes = try tryGit { () throws(GitError) in try repository.stagedContent(of: configPath) } ?? []
            var configuration: Configuration
            do throws(ListError) {
                if let offset = firstInvalidUTF8Offset(in: bytes) { throw ListError.invalidUTF8(path: configPath, offset: offset) }
                configuration = try Configuration.parse(yaml: String(decoding: bytes, as: UTF8.self), path: configPath)
            } catch {
                unreadable.append(.list(error))
                continue
            }
            configuration.source = workTree + "/" + configPath
            let path: String
            do { path = try repository.relativePath(ofFile: Self.listPath(of: configuration, workTree: workTree)) } catch {
                unreadable.append(.git(error))
                continue
            }
            if !lists.contains(where: { $0.path == path }) { lists.append((path, configuration)) }
        }
        // Without a staged configuration at the top, the top's list is the one the work
        // tree's configuration names (README.md without one), as `fmadd check` finds it.
        if try tryGit({ () throws(GitError) in try repository.stagedContent(of: Configuration.fileName) }) == nil {
            let configuration = try tryList { () throws(ListError) in try Configuration.discover(from: workTree) }
            let path = try tryGit { () throws(GitError) in
                try repository.relativePath(ofFile: Self.listPath(of: configuration, workTree: workTree))
            }
            if !lists.contains(where: { $0.path == path }) { lists.insert((path, configuration), at: 0) }
        }
        return (lists, unreadable)
    }

    /// The configured list file, relative to the configuration's folder, or to the top for
    /// a configuration from outside the work tree (`--config`) or none.
    private static func listPath(of configuration: Configuration, workTree: String) -> String {
        let configFolder = configuration.source.map { URL(fileURLWithPath: $0).standardizedFileURL.deletingLastPathComponent().path }
        let folder = configFolder.flatMap { $0 == workTree || $0.hasPrefix(workTree + "/") ? $0 : nil } ?? workTree
        return URL(fileURLWithPath: folder).appendingPathComponent(configuration.listFile).standardizedFileURL.path
    }
}
