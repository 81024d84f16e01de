import CLibGit2
import Foundation

/// A git repository opened with libgit2. It owns its `git_repository` handle; everything it
/// hands out is a Swift value. Not for use from two threads at once.
public final class Repository {
    let handle: OpaquePointer
    /// The repository's own git folder, without a trailing slash (`.git`, or `.git/worktrees/NAME`
    /// for a linked work tree).
    public let gitDirectory: String
    /// The folder shared by all work trees of the repository (hooks, refs, objects).
    public let commonDirectory: String
    /// The root of the work tree, without a trailing slash; nil for a bare repository.
    public let workTree: String?

    /// Opens the repository that holds `path`, a folder anywhere inside a work tree (a linked
    /// work tree made by `git worktree add` too) or a git folder.
    public convenience init(discoveringFrom path: String) throws(GitError) {
        try LibGit2.ensureInitialised()
        var handle: OpaquePointer?
        let code = git_repository_open_ext(&handle, path, 0, nil)
        guard code >= 0, let handle else { throw Repository.openFailure(code: code, path: path) }
        self.init(handle: handle)
    }

    /// Opens the repository a git hook runs in, as git describes it to the hook: `GIT_DIR`,
    /// `GIT_WORK_TREE` and `GIT_INDEX_FILE`. During `git commit -a` or `git commit PATH` the
    /// index being committed is a temporary one named by `GIT_INDEX_FILE`, and the staged
    /// content must be read from it.
    public convenience init(
        hookEnvironment environment: [String: String] = ProcessInfo.processInfo.environment,
        currentDirectory: String = FileManager.default.currentDirectoryPath
    ) throws(GitError) {
        try LibGit2.ensureInitialised()
        let absolute = { (path: String) in path.hasPrefix("/") ? path : currentDirectory + "/" + path }
        var handle: OpaquePointer?
        let code: Int32
        if let gitDirectory = environment["GIT_DIR"], !gitDirectory.isEmpty {
            code = git_repository_open_ext(&handle, absolute(gitDirectory), GIT_REPOSITORY_OPEN_NO_SEARCH.rawValue, nil)
        } else {
            code = git_repository_open_ext(&handle, currentDirectory, 0, nil)
        }
        guard code >= 0, let handle else {
            throw Repository.openFailure(code: code, path: environment["GIT_DIR"] ?? currentDirectory)
        }
        do throws(GitError) {
            if let workTree = environment["GIT_WORK_TREE"], !workTree.isEmpty {
                try check(git_repository_set_workdir(handle, absolute(workTree), 0), "use the work tree \(workTree)")
            }
            if let indexFile = environment["GIT_INDEX_FILE"], !indexFile.isEmpty {
                var index: OpaquePointer?
                try check(git_index_open(&index, absolute(indexFile)), "read the index \(indexFile)")
                defer { git_index_free(index) }
                try check(git_repository_set_index(handle, index), "use the index \(indexFile)")
            }
        } catch {
            git_repository_free(handle)
            throw error
        }
        self.init(handle: handle)
    }

    private init(handle: OpaquePointer) {
        self.handle = handle
        gitDirectory = Repository.withoutTrailingSlash(string(git_repository_path(handle)) ?? "")
        commonDirectory = Repository.withoutTrailingSlash(string(git_repository_commondir(handle)) ?? gitDirectory)
        workTree = string(git_repository_workdir(handle)).map(Repository.withoutTrailingSlash)
    }

    deinit {
        git_repository_free(handle)
    }

    /// The work tree root, or an error for a bare repository.
    func requireWorkTree() throws(GitError) -> String {
        guard let workTree else { throw GitError.bareRepository(path: gitDirectory) }
        return workTree
    }

    /// The path of `file` (absolute, or relative to the current folder) relative to the work
    /// tree root, with `/` between folders: the form every other function here takes.
    public func relativePath(ofFile file: String) throws(GitError) -> String {
        let workTree = try requireWorkTree()
        let absolute = file.hasPrefix("/") ? file : FileManager.default.currentDirectoryPath + "/" + file
        let url = URL(fileURLWithPath: absolute).standardizedFileURL
        // Resolve symbolic links in the folders only: the file itself may not exist yet.
        let folder = url.deletingLastPathComponent().resolvingSymlinksInPath().path
        let root = URL(fileURLWithPath: workTree).resolvingSymlinksInPath().path
        let full = folder == "/" ? "/" + url.lastPathComponent : folder + "/" + url.lastPathComponent
        guard full.hasPrefix(root + "/") else { throw GitError.invalidPath(file) }
        return String(full.dropFirst(root.count + 1))
    }

    /// `path` if it names a file inside the work tree in git's form: relative, `/` between
    /// folders, no `.` or `..` parts, not inside `.git`.
    static func checkedPath(_ path: String) throws(GitError) -> String {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        let valid = !path.hasPrefix("/") && !parts.contains { $0.isEmpty || $0 == "." || $0 == ".." }
            && parts.first?.lowercased() != ".git"
        guard valid else { throw GitError.invalidPath(path) }
        return path
    }

    private static func withoutTrailingSlash(_ path: String) -> String {
        path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
    }

    private static func openFailure(code: Int32, path: String) -> GitError {
        let message = lastErrorMessage()
        // libgit2 1.5 reports a repository of another user as a missing `safe.directory` value.
        if code == GIT_EOWNER.rawValue || message.contains("safe.directory") {
            return .unsafeRepository(path: workTreeRoot(around: path) ?? path)
        }
        if code == GIT_ENOTFOUND.rawValue { return .notARepository(path: path) }
        return .libgit2(operation: "open the repository at \(path)", code: code, message: message)
    }

    /// The nearest folder at or above `path` that holds `.git`: the folder `safe.directory` names.
    private static func workTreeRoot(around path: String) -> String? {
        var url = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath()
        while true {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent(".git").path) { return url.path }
            let parent = url.deletingLastPathComponent()
            if parent.path == url.path { return nil }
            url = parent
        }
    }
}
