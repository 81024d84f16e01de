import Foundation

/// Replaces a file so that a reader, or a crash, sees either the old bytes or the new ones:
/// a temporary file in the same folder, written and flushed to disk, then renamed over the old
/// one. The file keeps its permissions.
public enum AtomicFile {
    /// The prefix of temporary files, so that a left-over one can be recognised and removed.
    public static let temporaryPrefix = ".fmadd-tmp-"

    public static func write(_ bytes: [UInt8], to path: String) throws(ListError) {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        removeLeftovers(in: folder, for: url.lastPathComponent)
        let temporary = folder + "/" + temporaryPrefix + url.lastPathComponent + "-" + String(UInt32.random(in: 0...UInt32.max), radix: 16)
        var mode: mode_t = 0o644
        var info = stat()
        if stat(path, &info) == 0 { mode = info.st_mode & 0o7777 }
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
        _ = fchmod(fd, mode)
        close(fd)
        if failure == nil && rename(temporary, path) != 0 { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temporary)
            throw .unwritable(path: path, reason: failure)
        }
        // The rename is durable once the folder's entry is on disk.
        let folderFD = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folderFD >= 0 { _ = fsync(folderFD); close(folderFD) }
    }

    /// Removes temporary files that an interrupted write of `name` left in `folder`.
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
            unlink(folder + "/" + leftover)
        }
    }
}
