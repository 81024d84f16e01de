import CLibGit2

/// Where HEAD points.
public enum Head: Equatable, Sendable {
    /// On a branch (its short name, such as `main`) whose tip is `commit`.
    case branch(String, commit: String)
    /// On a commit, not on a branch.
    case detached(commit: String)
    /// On a branch that has no commit yet: a new repository before its first commit.
    case unborn(branch: String)

    /// The branch HEAD is on, born or not; nil when detached.
    public var branchName: String? {
        switch self {
        case .branch(let name, _), .unborn(let name): name
        case .detached: nil
        }
    }
}

/// HEAD as the commit code needs it: the full name of its branch, if any, and its commit, if any.
struct HeadPosition {
    let branchReference: String?
    let commit: git_oid?

    var head: Head {
        let branch = branchReference.map(HeadPosition.shortName)
        switch (branch, commit) {
        case (let name?, let commit?): return .branch(name, commit: commit.hex)
        case (let name?, nil): return .unborn(branch: name)
        case (nil, let commit?): return .detached(commit: commit.hex)
        case (nil, nil): return .unborn(branch: "")
        }
    }

    static func shortName(_ reference: String) -> String {
        reference.hasPrefix("refs/heads/") ? String(reference.dropFirst("refs/heads/".count)) : reference
    }
}

extension Repository {
    /// Where HEAD points: a branch, a detached commit, or an unborn branch.
    public func head() throws(GitError) -> Head {
        try headPosition().head
    }

    func headPosition() throws(GitError) -> HeadPosition {
        var reference: OpaquePointer?
        try check(git_reference_lookup(&reference, handle, "HEAD"), "read HEAD")
        defer { git_reference_free(reference) }
        if git_reference_type(reference) == GIT_REFERENCE_DIRECT {
            return HeadPosition(branchReference: nil, commit: git_reference_target(reference)?.pointee)
        }
        guard let target = string(git_reference_symbolic_target(reference)) else {
            return HeadPosition(branchReference: nil, commit: nil)
        }
        var commit = git_oid()
        let code = git_reference_name_to_id(&commit, handle, target)
        if code == GIT_ENOTFOUND.rawValue { return HeadPosition(branchReference: target, commit: nil) }
        try check(code, "resolve HEAD (\(target))")
        return HeadPosition(branchReference: target, commit: commit)
    }

    /// Runs `body` with the tree of `commit`, freed afterwards.
    func withTree<T>(ofCommit commit: git_oid, _ body: (OpaquePointer?) throws(GitError) -> T) throws(GitError) -> T {
        var id = commit
        var commitObject: OpaquePointer?
        try check(git_commit_lookup(&commitObject, handle, &id), "read the commit \(commit.hex)")
        defer { git_commit_free(commitObject) }
        var tree: OpaquePointer?
        try check(git_commit_tree(&tree, commitObject), "read the tree of \(commit.hex)")
        defer { git_tree_free(tree) }
        return try body(tree)
    }

    /// The id and file mode of `path` in `tree`, or nil when the tree has no such entry.
    func treeEntry(_ path: String, in tree: OpaquePointer?) throws(GitError) -> (id: git_oid, mode: git_filemode_t)? {
        var entry: OpaquePointer?
        let code = git_tree_entry_bypath(&entry, tree, path)
        if code == GIT_ENOTFOUND.rawValue { return nil }
        try check(code, "look up \(path) in a tree")
        defer { git_tree_entry_free(entry) }
        guard let id = git_tree_entry_id(entry)?.pointee else { return nil }
        return (id, git_tree_entry_filemode(entry))
    }
}
