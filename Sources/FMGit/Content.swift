import CLibGit2

extension Repository {
    /// The staged content of `path` (the index's stage-0 blob), or nil when the index has no
    /// such entry. `path` is relative to the work tree root.
    public func stagedContent(of path: String) throws(GitError) -> [UInt8]? {
        let path = try Repository.checkedPath(path)
        var index: OpaquePointer?
        try check(git_repository_index(&index, handle), "open the index")
        defer { git_index_free(index) }
        try check(git_index_read(index, 0), "read the index")
        guard let id = git_index_get_bypath(index, path, 0)?.pointee.id else { return nil }
        return try blobContent(id)
    }

    /// The content of `path` in HEAD's commit, or nil when HEAD is unborn or lacks the path.
    public func headContent(of path: String) throws(GitError) -> [UInt8]? {
        let path = try Repository.checkedPath(path)
        guard let commit = try headPosition().commit else { return nil }
        let entry = try withTree(ofCommit: commit) { tree throws(GitError) in try treeEntry(path, in: tree) }
        guard let entry, entry.mode == GIT_FILEMODE_BLOB || entry.mode == GIT_FILEMODE_BLOB_EXECUTABLE else {
            return nil
        }
        return try blobContent(entry.id)
    }

    /// The content of `path` in the commit `revision` names (a branch, `origin/main`, an id), or
    /// nil when that commit lacks the path.
    public func content(of path: String, at revision: String) throws(GitError) -> [UInt8]? {
        let path = try Repository.checkedPath(path)
        let commit = try commitID(revision)
        let entry = try withTree(ofCommit: commit) { tree throws(GitError) in try treeEntry(path, in: tree) }
        guard let entry, entry.mode == GIT_FILEMODE_BLOB || entry.mode == GIT_FILEMODE_BLOB_EXECUTABLE else { return nil }
        return try blobContent(entry.id)
    }

    func blobContent(_ id: git_oid) throws(GitError) -> [UInt8] {
        var id = id
        var blob: OpaquePointer?
        try check(git_blob_lookup(&blob, handle, &id), "read the blob \(id.hex)")
        defer { git_blob_free(blob) }
        let size = Int(git_blob_rawsize(blob))
        guard size > 0, let bytes = git_blob_rawcontent(blob) else { return [] }
        return Array(UnsafeRawBufferPointer(start: bytes, count: size))
    }
}

extension Repository {
    /// The staged paths (the index's stage-0 entries, in the index's order) whose file name is
    /// `name`, such as every `.fmadd.yml` of the repository; relative to the work tree root.
    public func stagedPaths(named name: String) throws(GitError) -> [String] {
        var index: OpaquePointer?
        try check(git_repository_index(&index, handle), "open the index")
        defer { git_index_free(index) }
        try check(git_index_read(index, 0), "read the index")
        var paths: [String] = []
        for position in 0..<git_index_entrycount(index) {
            // Stage 0: a resolved entry; 1 to 3 are the sides of a conflict.
            guard let entry = git_index_get_byindex(index, position), git_index_entry_stage(entry) == 0,
                let path = string(entry.pointee.path)
            else { continue }
            if path == name || path.hasSuffix("/" + name) { paths.append(path) }
        }
        return paths
    }
}
