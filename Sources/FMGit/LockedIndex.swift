import CLibGit2
import Foundation

/// The repository's index, held under git's lock (`index.lock`) from before it is read until
/// the changed index is in place, as `git commit` holds it: other git commands wait or fail
/// meanwhile instead of losing their changes or ours.
///
/// libgit2 writes an index by taking `index.lock` itself, which the held lock forbids, so the
/// index is edited in a copy beside it; once written, the copy is renamed onto `index.lock`
/// and `index.lock` onto `index`, so the lock is never let go before the new index is in place.
final class LockedIndex {
    let handle: OpaquePointer?
    private let repository: Repository
    /// The index the repository used before, put back when this one is done.
    private let original: OpaquePointer?
    private let indexPath: String
    private let lockPath: String
    private let copyPath: String
    private var isHeld = true

    init(repository: Repository) throws(GitError) {
        var current: OpaquePointer?
        try check(git_repository_index(&current, repository.handle), "open the index")
        guard let path = string(git_index_path(current)) else {
            git_index_free(current)
            throw GitError.bareRepository(path: repository.gitDirectory)
        }
        original = current

        indexPath = path
        lockPath = path + ".lock"
        copyPath = path + ".fmadd"
        self.repository = repository

        let lock = open(lockPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard lock >= 0 else {
            let error = errno == EEXIST ? GitError.indexLocked(lockFile: lockPath) : GitError.posix("create", lockPath)
            git_index_free(current)
            throw error
        }
        close(lock)

        do throws(GitError) {
            try LockedIndex.copy(indexPath, to: copyPath)
            var index: OpaquePointer?
            try check(git_index_open(&index, copyPath), "read the index")
            handle = index
        } catch {
            unlink(copyPath)
            unlink(lockPath)
            git_index_free(current)
            throw error
        }
        // Owned by the repository, the copy reads core.filemode and core.ignorecase, and libgit2
        // protects its racily clean entries when it writes it, as for the repository's own index.
        git_repository_set_index(repository.handle, handle)
        git_index_set_caps(handle, GIT_INDEX_CAPABILITY_FROM_OWNER.rawValue)
    }

    deinit {
        release()
        git_index_free(handle)
        git_index_free(original)
    }

    /// Writes the changed index and puts it in place of the repository's index.
    func write() throws(GitError) {
        try check(git_index_write(handle), "write the index")
        guard rename(copyPath, lockPath) == 0 else { throw GitError.posix("replace", lockPath) }
        guard rename(lockPath, indexPath) == 0 else { throw GitError.posix("replace", indexPath) }
        isHeld = false
        release()
    }

    /// Lets go of the lock, leaving the repository's index as it was unless `write()` succeeded.
    func release() {
        if isHeld {
            unlink(copyPath)
            unlink(lockPath)
            isHeld = false
        }
        git_repository_set_index(repository.handle, original)
    }

    /// Copies `source` (when it exists) to `destination` with its modification time, which
    /// libgit2 compares with the entries' times to find racily clean entries (changed in the
    /// same second as the index was written, so that stat data cannot tell) and mark them for
    /// git to read again. The time is cut to whole seconds: git compares seconds only, and
    /// libgit2, comparing nanoseconds, would miss entries git relies on being marked.
    private static func copy(_ source: String, to destination: String) throws(GitError) {
        // Left by an earlier run that stopped halfway; only fmadd makes them, holding the lock.
        unlink(destination)
        unlink(destination + ".lock")
        var status = stat()
        guard stat(source, &status) == 0 else {
            if errno == ENOENT { return }
            throw GitError.posix("read", source)
        }
        guard let data = FileManager.default.contents(atPath: source) else { throw GitError.posix("read", source) }
        guard FileManager.default.createFile(atPath: destination, contents: data) else {
            throw GitError.posix("write", destination)
        }
        let times = [status.accessTime, timespec(tv_sec: status.modificationTime.tv_sec, tv_nsec: 0)]
        guard utimensat(AT_FDCWD, destination, times, 0) == 0 else { throw GitError.posix("set the time of", destination) }
    }
}
