import CLibGit2
import Foundation

/// The work-tree file of a path being committed, as `lstat` sees it, and whether it holds the
/// bytes being committed: only then may its stat data go into the index, where it tells git
/// the file is unchanged without reading it.
struct WorkTreeFile {
    private let status: stat?
    private let holdsCommittedBytes: Bool

    init(workTree: String, path: String, expected: [UInt8]) throws(GitError) {
        let fullPath = workTree + "/" + path
        guard let before = try WorkTreeFile.status(of: fullPath, path: path) else {
            status = nil
            holdsCommittedBytes = false
            return
        }
        let matches = FileManager.default.contents(atPath: fullPath).map { data in
            data.withUnsafeBytes { file in expected.withUnsafeBytes { WorkTreeFile.sameBytes(file, $0) } }
        }
        // A file changed while it was read holds neither version for sure.
        let after = try WorkTreeFile.status(of: fullPath, path: path)
        status = before
        holdsCommittedBytes = matches == true && after.map { WorkTreeFile.sameStat(before, $0) } == true
    }

    /// The file mode git records for the file: executable or not, as the work tree says when
    /// `core.filemode` lets it; nil when there is no file or the bit is not to be trusted.
    func gitMode(trustingExecutableBit: Bool) -> git_filemode_t? {
        guard let status, trustingExecutableBit else { return nil }
        return status.st_mode & S_IXUSR != 0 ? GIT_FILEMODE_BLOB_EXECUTABLE : GIT_FILEMODE_BLOB
    }

    /// Sets the index entry of `path` to `blob`, with this file's stat data when it holds the
    /// committed bytes and none otherwise (git then reads the file to compare).
    func stage(_ blob: git_oid, mode: git_filemode_t, as path: String, in index: OpaquePointer?) throws(GitError) {
        var entry = git_index_entry()
        entry.id = blob
        entry.mode = mode.rawValue
        if let status, holdsCommittedBytes {
            entry.ctime = git_index_time(
                seconds: Int32(truncatingIfNeeded: status.changeTime.tv_sec),
                nanoseconds: UInt32(truncatingIfNeeded: status.changeTime.tv_nsec))
            entry.mtime = git_index_time(
                seconds: Int32(truncatingIfNeeded: status.modificationTime.tv_sec),
                nanoseconds: UInt32(truncatingIfNeeded: status.modificationTime.tv_nsec))
            entry.dev = UInt32(truncatingIfNeeded: status.st_dev)
            entry.ino = UInt32(truncatingIfNeeded: status.st_ino)
            entry.uid = status.st_uid
            entry.gid = status.st_gid
            entry.file_size = UInt32(truncatingIfNeeded: status.st_size)
            // Known to match the work tree: libgit2 need not hash the file again when it writes.
            entry.flags_extended = UInt16(GIT_INDEX_ENTRY_UPTODATE.rawValue)
        }
        let code = path.withCString { cPath in
            entry.path = cPath
            return git_index_add(index, &entry)
        }
        try check(code, "stage \(path)")
    }

    private static func status(of fullPath: String, path: String) throws(GitError) -> stat? {
        var status = stat()
        guard lstat(fullPath, &status) == 0 else {
            if errno == ENOENT { return nil }
            throw GitError.posix("read", fullPath)
        }
        guard status.st_mode & S_IFMT == S_IFREG else { throw GitError.notARegularFile(path: path) }
        return status
    }

    private static func sameBytes(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
        guard a.count == b.count else { return false }
        guard let first = a.baseAddress, let second = b.baseAddress else { return true }
        return memcmp(first, second, a.count) == 0
    }

    private static func sameStat(_ a: stat, _ b: stat) -> Bool {
        func same(_ x: timespec, _ y: timespec) -> Bool { x.tv_sec == y.tv_sec && x.tv_nsec == y.tv_nsec }
        return a.st_size == b.st_size && a.st_ino == b.st_ino && a.st_dev == b.st_dev
            && same(a.modificationTime, b.modificationTime) && same(a.changeTime, b.changeTime)
    }
}
