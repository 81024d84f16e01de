import CLibGit2
import Foundation

/// A commit as `fmadd pr` lists it.
public struct CommitSummary: Equatable, Sendable {
    public let id: String
    /// The first line of the message.
    public let summary: String
    public let message: String
    public let author: Identity
    public let date: Date
}

/// The branch a pull request goes into.
public struct BaseBranch: Equatable, Sendable {
    /// Its name on the remote (`main`).
    public let name: String
    /// The reference to compare with locally (`refs/remotes/origin/main`, or `refs/heads/main`).
    public let revision: String
}

extension Repository {
    /// The commits on the current branch and not on `base` that change `path`, newest first
    /// (`git log base..HEAD -- path`, where a merge counts when it differs from every parent).
    public func commitsTouching(path: String, since base: String) throws(GitError) -> [CommitSummary] {
        let path = try Repository.checkedPath(path)
        let baseCommit = try commitID(base)
        guard let headCommit = try headPosition().commit else { return [] }

        var walk: OpaquePointer?
        try check(git_revwalk_new(&walk, handle), "walk the history")
        defer { git_revwalk_free(walk) }
        try check(git_revwalk_sorting(walk, GIT_SORT_TOPOLOGICAL.rawValue | GIT_SORT_TIME.rawValue), "sort the history")
        var start = headCommit
        var hidden = baseCommit
        try check(git_revwalk_push(walk, &start), "walk from HEAD")
        try check(git_revwalk_hide(walk, &hidden), "leave out \(base)")

        var summaries: [CommitSummary] = []
        var id = git_oid()
        while true {
            let code = git_revwalk_next(&id, walk)
            if code == GIT_ITEROVER.rawValue { break }
            try check(code, "walk the history")
            var commit: OpaquePointer?
            try check(git_commit_lookup(&commit, handle, &id), "read the commit \(id.hex)")
            defer { git_commit_free(commit) }
            if let commit, try touches(commit, path) { summaries.append(Repository.summary(of: commit, id: id)) }
        }
        return summaries
    }

    /// The branch pull requests go into by default: what the remote's HEAD names
    /// (`refs/remotes/origin/HEAD`), else `main` or `master` on the remote, else locally.
    public func defaultBase(remote: String = "origin") throws(GitError) -> BaseBranch? {
        let remotePrefix = "refs/remotes/\(remote)/"
        var remoteHead: OpaquePointer?
        if git_reference_lookup(&remoteHead, handle, remotePrefix + "HEAD") == 0 {
            defer { git_reference_free(remoteHead) }
            if let target = string(git_reference_symbolic_target(remoteHead)), target.hasPrefix(remotePrefix),
                try referenceExists(target)
            {
                return BaseBranch(name: String(target.dropFirst(remotePrefix.count)), revision: target)
            }
        }
        for prefix in [remotePrefix, "refs/heads/"] {
            for name in ["main", "master"] where try referenceExists(prefix + name) {
                return BaseBranch(name: name, revision: prefix + name)
            }
        }
        return nil
    }

    /// The commit a revision (`main`, `origin/main`, an id, …) names.
    func commitID(_ revision: String) throws(GitError) -> git_oid {
        var object: OpaquePointer?
        let code = git_revparse_single(&object, handle, revision)
        if code == GIT_ENOTFOUND.rawValue || code == GIT_EINVALIDSPEC.rawValue || code == GIT_EAMBIGUOUS.rawValue {
            throw GitError.revisionNotFound(revision)
        }
        try check(code, "read \(revision)")
        defer { git_object_free(object) }
        var commit: OpaquePointer?
        guard git_object_peel(&commit, object, GIT_OBJECT_COMMIT) == 0, let commit else {
            throw GitError.revisionNotFound(revision)
        }
        defer { git_object_free(commit) }
        guard let id = git_object_id(commit)?.pointee else { throw GitError.revisionNotFound(revision) }
        return id
    }

    private func referenceExists(_ name: String) throws(GitError) -> Bool {
        var id = git_oid()
        let code = git_reference_name_to_id(&id, handle, name)
        if code == GIT_ENOTFOUND.rawValue { return false }
        try check(code, "read \(name)")
        return true
    }

    /// Whether `commit` changes `path`: its entry differs from that of every parent (a merge
    /// that takes `path` from one parent does not change it).
    private func touches(_ commit: OpaquePointer, _ path: String) throws(GitError) -> Bool {
        guard let own = git_commit_id(commit)?.pointee else { return false }
        let entry = try entryID(path, inCommit: own)
        let parentCount = git_commit_parentcount(commit)
        if parentCount == 0 { return entry != nil }
        for index in 0..<parentCount {
            guard let parent = git_commit_parent_id(commit, index)?.pointee else { continue }
            if try entryID(path, inCommit: parent) == entry { return false }
        }
        return true
    }

    /// The id and mode of `path` in a commit, as text so that two can be compared.
    private func entryID(_ path: String, inCommit commit: git_oid) throws(GitError) -> String? {
        let entry = try withTree(ofCommit: commit) { tree throws(GitError) in try treeEntry(path, in: tree) }
        return entry.map { "\($0.mode.rawValue) \($0.id.hex)" }
    }

    private static func summary(of commit: OpaquePointer, id: git_oid) -> CommitSummary {
        let author = git_commit_author(commit)?.pointee
        return CommitSummary(
            id: id.hex,
            summary: string(git_commit_summary(commit)) ?? "",
            message: string(git_commit_message(commit)) ?? "",
            author: Identity(name: string(author?.name) ?? "", email: string(author?.email) ?? ""),
            date: Date(timeIntervalSince1970: TimeInterval(author?.when.time ?? 0)))
    }
}
