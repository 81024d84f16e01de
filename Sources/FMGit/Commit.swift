import CLibGit2
import Foundation

/// The commit `Repository.commit(path:content:message:branch:base:runHooks:environment:)` made.
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
    /// As `git commit` does, it runs the repository's pre-commit hook first (on an index that
    /// holds exactly the tree being committed), refuses when `commit.gpgsign` asks for a
    /// signature, and takes the author and committer from `GIT_AUTHOR_*` and `GIT_COMMITTER_*`.
    ///
    /// - Parameters:
    ///   - path: the file, relative to the work tree root.
    ///   - content: the file's bytes as written to the work tree; git's clean filters
    ///     (`.gitattributes` line endings) apply as `git add` would apply them.
    ///   - message: the commit message.
    ///   - branch: when given, a new branch of this name is made from HEAD, checked out (no file
    ///     changes: it starts at HEAD's commit) and committed on; needed on a detached HEAD.
    ///   - base: the work-tree bytes the caller read and edited into `content`; when given, the
    ///     commit is refused unless they are the staged version of `path` (the user's unstaged
    ///     edits would be committed otherwise). See `preflightCommit(path:base:branch:environment:)`.
    ///   - runHooks: false skips the pre-commit hook, as `git commit --no-verify` does.
    ///   - environment: where `GIT_AUTHOR_*` and `GIT_COMMITTER_*` are read from, and what
    ///     the hook runs with.
    /// - Throws: without changing anything, during a merge, rebase, cherry-pick, revert or bisect,
    ///   while the index is locked, on a detached HEAD without `branch`, without a configured
    ///   identity, with `commit.gpgsign` set, when the staged version of `path` differs from
    ///   HEAD's and from `content`, when `base` is not the staged version, or when the
    ///   pre-commit hook refuses.
    @discardableResult
    public func commit(
        path: String, content: [UInt8], message: String, branch: String? = nil, base: [UInt8]? = nil,
        runHooks: Bool = true, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(GitError) -> CommitResult {
        let path = try Repository.checkedPath(path)
        let workTree = try requireWorkTree()
        let message = try Repository.cleanedMessage(message)
        if let state = operationInProgress { throw GitError.operationInProgress(state) }
        let head = try headPosition()
        let target = try branchTarget(branch, head: head)
        try refuseSigning()

        return try withSignatures(environment: environment) { author, committer throws(GitError) in
            let index = try LockedIndex(repository: self)
            try Repository.refuseConflicts(in: index.handle)
            let headEntry = try self.headEntry(path, head: head)
            let file = try WorkTreeFile(workTree: workTree, path: path, expected: content)
            let trustsExecutableBit = Repository.trustsExecutableBit(index.handle)
            let workTreeMode = file.gitMode(trustingExecutableBit: trustsExecutableBit)
            let mode = workTreeMode ?? headEntry?.mode ?? GIT_FILEMODE_BLOB
            let blobBytes = try cleanFiltered(content, path: path) ?? content
            try refuseStagedChanges(of: path, in: index.handle, head: headEntry, replacement: (blobBytes, mode))
            if let base {
                try refuseUnstagedChanges(of: path, base: base, in: index.handle, workTreeMode: workTreeMode)
            }

            let blob = try writeBlob(blobBytes)
            let tree = try updatedTree(of: head.commit, setting: path, to: blob, mode: mode)
            if runHooks {
                try runPreCommitHook(committing: tree, workTree: workTree, author: author.pointee, environment: environment)
            }
            let commit = try createCommit(tree: tree, parent: head.commit, message: message, author: author, committer: committer)
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

    /// Throws, without changing anything, each refusal `commit(path:content:message:branch:base:runHooks:environment:)`
    /// would throw before it writes: call it before writing the list to the work tree, so a
    /// refused commit leaves no half-done change behind. `base` is the work tree's `path` as
    /// read (the bytes about to be edited): it must be the staged version of `path`, or the
    /// commit would carry the user's unstaged edits (`GitError.unstagedChanges`). A path that is
    /// not in the index yet (a new or untracked list) has nothing staged to differ from.
    public func preflightCommit(
        path: String, base: [UInt8], branch: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(GitError) {
        let path = try Repository.checkedPath(path)
        let workTree = try requireWorkTree()
        if let state = operationInProgress { throw GitError.operationInProgress(state) }
        let head = try headPosition()
        _ = try branchTarget(branch, head: head)
        try refuseSigning()
        _ = try signature(.author, environment: environment)
        _ = try signature(.committer, environment: environment)

        var index: OpaquePointer?
        try check(git_repository_index(&index, handle), "open the index")
        defer { git_index_free(index) }
        if let indexPath = string(git_index_path(index)), access(indexPath + ".lock", F_OK) == 0 {
            throw GitError.indexLocked(lockFile: indexPath + ".lock")
        }
        try check(git_index_read(index, 1), "read the index")
        try Repository.refuseConflicts(in: index)
        let headEntry = try self.headEntry(path, head: head)
        try refuseStagedChanges(of: path, in: index, head: headEntry, replacement: nil)
        let workTreeMode = try WorkTreeFile(workTree: workTree, path: path, expected: base)
            .gitMode(trustingExecutableBit: Repository.trustsExecutableBit(index))
        try refuseUnstagedChanges(of: path, base: base, in: index, workTreeMode: workTreeMode)
    }

    /// The branch a commit goes on: the new `branch`, or HEAD's when none is given.
    private func branchTarget(_ branch: String?, head: HeadPosition) throws(GitError) -> BranchTarget {
        if let branch { return .new(reference: try newBranchReference(branch)) }
        guard let current = head.branchReference else { throw GitError.detachedHead }
        return .current(reference: current)
    }

    /// HEAD's entry of `path`, which must be a regular file when there is one.
    private func headEntry(_ path: String, head: HeadPosition) throws(GitError) -> (id: git_oid, mode: git_filemode_t)? {
        let entry = try head.commit.flatMap { commit throws(GitError) in
            try withTree(ofCommit: commit) { tree throws(GitError) in try treeEntry(path, in: tree) }
        }
        if let mode = entry?.mode, !Repository.isRegularFile(mode) { throw GitError.notARegularFile(path: path) }
        return entry
    }

    private static func trustsExecutableBit(_ index: OpaquePointer?) -> Bool {
        git_index_caps(index) & Int32(GIT_INDEX_CAPABILITY_NO_FILEMODE.rawValue) == 0
    }

    /// fmadd cannot sign a commit; with `commit.gpgsign` set, git would, so fmadd does not commit.
    private func refuseSigning() throws(GitError) {
        var config: OpaquePointer?
        try check(git_repository_config_snapshot(&config, handle), "read git's configuration")
        defer { git_config_free(config) }
        var sign: Int32 = 0
        let code = git_config_get_bool(&sign, config, "commit.gpgsign")
        if code == GIT_ENOTFOUND.rawValue { return }
        try check(code, "read commit.gpgsign from git's configuration")
        if sign != 0 { throw GitError.signingRequired }
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
        replacement: (bytes: [UInt8], mode: git_filemode_t)?
    ) throws(GitError) {
        guard let entry = git_index_get_bypath(index, path, 0)?.pointee,
            entry.flags_extended & UInt16(GIT_INDEX_ENTRY_INTENT_TO_ADD.rawValue) == 0
        else {
            if head == nil { return }
            throw GitError.stagedChangesWouldBeReplaced(path: path)
        }
        if let head, entry.id.isSame(as: head.id), entry.mode == head.mode.rawValue { return }
        if let replacement, entry.mode == replacement.mode.rawValue, entry.id.isSame(as: try blobID(of: replacement.bytes)) {
            return
        }
        throw GitError.stagedChangesWouldBeReplaced(path: path)
    }

    /// Refuses when `base`, the work tree's `path` as the caller read it, is not the staged
    /// version (after the clean filters `git add` applies), or the work-tree file's mode is not
    /// the staged mode: committing the file would commit those unstaged changes. Nothing
    /// staged (a new or untracked file) differs from nothing.
    private func refuseUnstagedChanges(
        of path: String, base: [UInt8], in index: OpaquePointer?, workTreeMode: git_filemode_t?
    ) throws(GitError) {
        guard let entry = git_index_get_bypath(index, path, 0)?.pointee,
            entry.flags_extended & UInt16(GIT_INDEX_ENTRY_INTENT_TO_ADD.rawValue) == 0
        else { return }
        let baseBytes = try cleanFiltered(base, path: path) ?? base
        guard entry.id.isSame(as: try blobID(of: baseBytes)) else { throw GitError.unstagedChanges(path: path) }
        if let workTreeMode, entry.mode != workTreeMode.rawValue { throw GitError.unstagedChanges(path: path) }
    }

    /// The content git stores for `content` at `path` after the clean filters that
    /// `.gitattributes` and `core.autocrlf` ask for; nil when none apply.
    func cleanFiltered(_ content: [UInt8], path: String) throws(GitError) -> [UInt8]? {
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
        tree: git_oid, parent: git_oid?, message: String,
        author: UnsafeMutablePointer<git_signature>, committer: UnsafeMutablePointer<git_signature>
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
                &commit, handle, nil, author, committer, nil, message, treeObject,
                parentPointers.count, parentPointers.baseAddress)
        }
        try check(code, "write the commit")
        return commit
    }
}
