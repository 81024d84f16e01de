import Foundation

/// Replaces a file so that a reader, or a crash, sees either the old bytes or the new ones:
/// a temporary file in the same folder, written and flushed to disk, then renamed over the old
/// one. The file keeps its permissions and its owner; a symbolic link is written through, so
/// the link stays a link. What is not a regular writable file is refused.
public enum AtomicFile {
    /// The prefix of temporary files, so that a left-over one can be recognised and removed.
    public static let temporaryPrefix = ".fmadd-tmp-"
    /// A leftover whose writer may still be alive is removed only after this many seconds.
    static let staleAge: TimeInterval = 3600

    public static func write(_ bytes: [UInt8], to path: String) throws(ListError) {
        let target = try writableTarget(path)
        let url = URL(fileURLWithPath: target)
        let folder = url.deletingLastPathComponent().path
        removeLeftovers(in: folder, for: url.lastPathComponent)
        let temporary = folder + "/" + temporaryName(for: url.lastPathComponent)
        var mode: mode_t = 0o644
        var owner: (uid: uid_t, gid: gid_t)?
        var info = stat()
        if stat(target, &info) == 0 {
            mode = info.st_mode & 0o7777
            owner = (info.st_uid, info.st_gid)
        }
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else { throw .unwritable(path: path, reason: String(cString: strerror(errno))) }
        var failure: String?
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = String(cString: strerror(errno))
                    return
                }
                offset += written
            }
        }
        if failure == nil && fsync(fd) != 0 { failure = String(cString: strerror(errno)) }
        // The new file is created by whoever runs fmadd; it must stay the owner's.
        if failure == nil, let owner, owner.uid != geteuid() || owner.gid != getegid(), fchown(fd, owner.uid, owner.gid) != 0 {
            failure = "its owner (uid \(owner.uid), gid \(owner.gid)) could not be kept: \(String(cString: strerror(errno)))"
        }
        _ = fchmod(fd, mode)
        close(fd)
        if failure == nil && rename(temporary, target) != 0 { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temporary)
            throw .unwritable(path: path, reason: failure)
        }
        // The rename is durable once the folder's entry is on disk.
        let folderFD = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folderFD >= 0 { _ = fsync(folderFD); close(folderFD) }
    }

    /// The file a write of `path` replaces: `path` itself, or the file a symbolic link at `path`
    /// points to. Refuses what is not a regular file, and a file without write permission (root
    /// could replace it, but its owner made it read-only on purpose).
    static func writableTarget(_ path: String) throws(ListError) -> String {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            if errno == ENOENT { return path }
            throw .unwritable(path: path, reason: String(cString: strerror(errno)))
        }
        var target = path
        if info.st_mode & S_IFMT == S_IFLNK {
            guard let resolved = realpath(path, nil) else {
                throw .unwritable(path: path, reason: "it is a symbolic link to a file that does not exist; write to the link's target instead")
            }
            target = String(cString: resolved)
            free(resolved)
            guard stat(target, &info) == 0 else { throw .unwritable(path: path, reason: String(cString: strerror(errno))) }
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw .unwritable(path: path, reason: "it is not a regular file")
        }
        if info.st_mode & S_IWUSR == 0 || access(target, W_OK) != 0 {
            throw .unwritable(path: path, reason: "it is read-only; make it writable (chmod u+w \(path)) for fmadd to change it")
        }
        return target
    }

    /// `.fmadd-tmp-NAME-PID-RANDOM`: the process id tells a later run whether the writer is gone.
    static func temporaryName(for name: String) -> String {
        temporaryPrefix + name + "-" + String(getpid()) + "-" + String(UInt32.random(in: 0...UInt32.max), radix: 16)
    }

    /// Removes temporary files that an interrupted write of `name` left in `folder`: only names
    /// of fmadd's own pattern, and only when the process that wrote one is gone (or, should its
    /// id have been reused, when the file is over an hour old).
    public static func removeLeftovers(in folder: String, for name: String) {
        let prefix = Array((temporaryPrefix + name + "-").utf8)
        guard let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        // Read with readdir: a folder may hold thousands of names, and only a few bytes of each count.
        while let entry = readdir(directory) {
            let matches = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                let length = strnlen(raw.baseAddress!.assumingMemoryBound(to: CChar.self), raw.count)
                return length >= prefix.count && raw.prefix(prefix.count).elementsEqual(prefix)
            }
            guard matches else { continue }
            let leftover = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
            }
            let path = folder + "/" + leftover
            if isStale(leftover.utf8.dropFirst(prefix.count), path: path) { unlink(path) }
        }
    }

    /// Whether the writer named by a leftover's `PID-RANDOM` suffix is gone. A name without a
    /// process id (written by an older fmadd) counts by its age alone.
    private static func isStale(_ suffix: Substring.UTF8View, path: String) -> Bool {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return false }
        let age = Date().timeIntervalSince1970 - TimeInterval(info.st_mtim.tv_sec)
        if age > staleAge { return true }
        let digits = suffix.prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
        guard digits.count < suffix.count, suffix[suffix.index(suffix.startIndex, offsetBy: digits.count)] == UInt8(ascii: "-"),
              let pid = pid_t(String(decoding: digits, as: UTF8.self)), pid > 0
        else { return false }
        return kill(pid, 0) != 0 && errno == ESRCH
    }
}
