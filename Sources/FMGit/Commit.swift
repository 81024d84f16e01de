import CLibGit2
import Foundation

/// The commit `Repository.commit(path:content:message:branch:)` made.
public struct CommitResult: Equatable, Sendable {
    /// The new commit's id.
    public let commit: String
    /// The id of its tree.
    public let tree: String
    /// The commit it follows; nil for the first commit of a repository.
    public let parent: String?
    /// The branch it is on (short name).
    public let branch: String
    /// Whether that branch was created for it.
    public let createdBranch: Bool
}

extension Repository {
    /// Commits `content` as `path` and nothing else: the new commit's tree is HEAD's tree with
    /// only `path` set to `content`, so changes the user has staged stay staged and uncommitted.
    /// Afterwards the index holds the committed `path`, with the stat data of the work-tree file
    /// when it holds `content` (the caller writes it first), so `git status` shows it clean.
    ///
    /// - Parameters:
    ///   - path: the file, relative to the work tree root.
    ///   - content: the file's bytes as written to the work tree; git's clean filters
    ///     (`.gitattributes` line endings) apply as `git add` would apply them.
    ///   - message: the commit message.
    ///   - branch: when given, a new branch of this name is made from HEAD, checked out (no file
    ///     changes: it starts at HEAD's commit) and committed on; needed on a detached HEAD.
    /// - Throws: without changing anything, during a merge, rebase, cherry-pick, revert or bisect,
    ///   while the index is locked, on a detached HEAD without `branch`, without a configured
    ///   identity, or when the staged version of `path` differs from HEAD's and from `content`.
    @discardableResult
    public func commit(path: String, content: [UInt8], message: String, branch: String? = nil) throws(GitError) -> CommitResult {
        let path = try Repository.checkedPath(path)
        let workTree = try requireWorkTree()
        let message = try Repository.cleanedMessage(message)
        if let state = operationInProgress { throw GitError.operationInProgress(state) }
        let head = try headPosition()
        let target: BranchTarget
        if let branch {
            target = .new(reference: try newBranchReference(branch))
        } else if let current = head.branchReference {
            target = .current(reference: current)
        } else {
            throw GitError.detachedHead
        }

        return try withDefaultSignature { signature throws(GitError) in
            let index = try LockedIndex(repository: self)
            try Repository.refuseConflicts(in: index.handle)
            let headEntry = try head.commit.flatMap { commit throws(GitError) in
                try withTree(ofCommit: commit) { tree throws(GitError) in try treeEntry(path, in: tree) }
            }
            if let mode = headEntry?.mode, !Repository.isRegularFile(mode) { throw GitError.notARegularFile(path: path) }
            let file = try WorkTreeFile(workTree: workTree, path: path, expected: content)
            let trustsExecutableBit = git_index_caps(index.handle) & Int32(GIT_INDEX_CAPABILITY_NO_FILEMODE.rawValue) == 0
            let mode = file.gitMode(trustingExecutableBit: trustsExecutableBit) ?? headEntry?.mode ?? GIT_FILEMODE_BLOB
            let blobBytes = try cleanFiltered(content, path: path) ?? content
            try refuseStagedChanges(of: path, in: index.handle, head: headEntry, replacement: (blobBytes, mode))

            let blob = try writeBlob(blobBytes)
            let tree = try updatedTree(of: head.commit, setting: path, to: blob, mode: mode)
            let commit = try createCommit(tree: tree, parent: head.commit, message: message, signature: signature)
            let undo = try advance(target, to: commit, from: head, subject: Repository.subject(of: message))
            do throws(GitError) {
                try file.stage(blob, mode: mode, as: path, in: index.handle)
                try index.write()
            } catch {
                undo.run()
                throw error
            }
            return CommitResult(
                commit: commit.hex, tree: tree.hex, parent: head.commit?.hex,
                branch: HeadPosition.shortName(target.reference), createdBranch: target.isNew)
        }
    }

    /// git's `--cleanup=whitespace`, which `git commit -m` applies: no trailing spaces, no
    /// leading or trailing blank lines, one newline at the end.
    static func cleanedMessage(_ message: String) throws(GitError) -> String {
        var cleaned = git_buf()
        defer { git_buf_dispose(&cleaned) }
        try check(git_message_prettify(&cleaned, message, 0, CChar(UInt8(ascii: "#"))), "clean up the commit message")
        guard let text = string(cleaned.ptr), !text.isEmpty else { throw GitError.emptyCommitMessage }
        return text
    }

    static func subject(of message: String) -> String {
        String(message.prefix { $0 != "\n" })
    }

    static func isRegularFile(_ mode: git_filemode_t) -> Bool {
        mode == GIT_FILEMODE_BLOB || mode == GIT_FILEMODE_BLOB_EXECUTABLE
    }

    private static func refuseConflicts(in index: OpaquePointer?) throws(GitError) {
        guard git_index_has_conflicts(index) != 0 else { return }
        var iterator: OpaquePointer?
        try check(git_index_conflict_iterator_new(&iterator, index), "list the conflicts")
        defer { git_index_conflict_iterator_free(iterator) }
        var paths: [String] = []
        var ancestor: UnsafePointer<git_index_entry>?
        var ours: UnsafePointer<git_index_entry>?
        var theirs: UnsafePointer<git_index_entry>?
        while git_index_conflict_next(&ancestor, &ours, &theirs, iterator) == 0 {
            if let path = string((ours ?? theirs ?? ancestor)?.pointee.path) { paths.append(path) }
        }
        throw GitError.unmergedPaths(paths)
    }

    /// Refuses when the user has staged a version of `path` (content or mode) other than
    /// HEAD's: committing would replace it. A staged version that is already the replacement
    /// loses nothing.
    private func refuseStagedChanges(
        of path: String, in index: OpaquePointer?, head: (id: git_oid, mode: git_filemode_t)?,
        replacement: (bytes: [UInt8], mode: git_filemode_t)
    ) throws(GitError) {
        guard let entry = git_index_get_bypath(index, path, 0)?.pointee,
            entry.flags_extended & UInt16(GIT_INDEX_ENTRY_INTENT_TO_ADD.rawValue) == 0
        else {
            if head == nil { return }
            throw GitError.stagedChangesWouldBeReplaced(path: path)
        }
        if let head, entry.id.isSame(as: head.id), entry.mode == head.mode.rawValue { return }
        if entry.mode == replacement.mode.rawValue, entry.id.isSame(as: try blobID(of: replacement.bytes)) { return }
        throw GitError.stagedChangesWouldBeReplaced(path: path)
    }

    /// The content git stores for `content` at `path` after the clean filters that
    /// `.gitattributes` and `core.autocrlf` ask for; nil when none apply.
    private func cleanFiltered(_ content: [UInt8], path: String) throws(GitError) -> [UInt8]? {
        var filters: OpaquePointer?
        try check(
            git_filter_list_load(&filters, handle, nil, path, GIT_FILTER_TO_ODB, GIT_FILTER_DEFAULT.rawValue),
            "read the filters for \(path)")
        guard let filters else { return nil }
        defer { git_filter_list_free(filters) }
        var filtered = git_buf()
        defer { git_buf_dispose(&filtered) }
        let code = content.withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { git_filter_list_apply_to_buffer(&filtered, filters, $0.baseAddress, $0.count) }
        }
        try check(code, "apply the filters for \(path)")
        guard let pointer = filtered.ptr else { return [] }
        return Array(UnsafeRawBufferPointer(start: pointer, count: filtered.size))
    }

    private func blobID(of bytes: [UInt8]) throws(GitError) -> git_oid {
        var id = git_oid()
        let code = bytes.withUnsafeBytes { git_odb_hash(&id, $0.baseAddress, $0.count, GIT_OBJECT_BLOB) }
        try check(code, "hash a blob")
        return id
    }

    private func writeBlob(_ bytes: [UInt8]) throws(GitError) -> git_oid {
        var id = git_oid()
        let code = bytes.withUnsafeBytes { git_blob_create_from_buffer(&id, handle, $0.baseAddress, $0.count) }
        try check(code, "write the blob")
        return id
    }

    /// `commit`'s tree with `path` set to `blob`; for no commit, a tree of that file alone.
    private func updatedTree(of commit: git_oid?, setting path: String, to blob: git_oid, mode: git_filemode_t) throws(GitError) -> git_oid {
        func update(_ baseline: OpaquePointer?) throws(GitError) -> git_oid {
            var tree = git_oid()
            let code = path.withCString { cPath in
                var change = git_tree_update(action: GIT_TREE_UPDATE_UPSERT, id: blob, filemode: mode, path: cPath)
                return git_tree_create_updated(&tree, handle, baseline, 1, &change)
            }
            try check(code, "write the tree with \(path)")
            return tree
        }
        guard let commit else { return try update(nil) }
        return try withTree(ofCommit: commit) { tree throws(GitError) in try update(tree) }
    }

    private func createCommit(
        tree: git_oid, parent: git_oid?, message: String, signature: UnsafeMutablePointer<git_signature>
    ) throws(GitError) -> git_oid {
        var treeID = tree
        var treeObject: OpaquePointer?
        try check(git_tree_lookup(&treeObject, handle, &treeID), "read the new tree")
        defer { git_tree_free(treeObject) }
        var parents: [OpaquePointer?] = []
        defer { parents.forEach { git_commit_free($0) } }
        if var parentID = parent {
            var parentObject: OpaquePointer?
            try check(git_commit_lookup(&parentObject, handle, &parentID), "read HEAD's commit")
            parents.append(parentObject)
        }
        var commit = git_oid()
        let code = parents.withUnsafeMutableBufferPointer { parentPointers in
            git_commit_create(
                &commit, handle, nil, signature, signature, nil, message, treeObject,
                parentPointers.count, parentPointers.baseAddress)
        }
        try check(code, "write the commit")
        return commit
    }
}
