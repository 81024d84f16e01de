import Foundation

/// Holds a list's folder against other fmadd runs that change a list in it, from reading the
/// list to the end of the commit, so that two runs never edit the same bytes: the second waits,
/// then refuses. An advisory `flock` on the folder itself: nothing is created, and the lock goes
/// with the process however it ends. It is held until `release()` or the end of the process, not
/// until the last reference goes: a command that ends with `exit` keeps it to the end.
public final class ListLock {
    private let descriptor: Int32
    private var held = true

    /// How long a second run waits, from `FMADD_LOCK_TIMEOUT` (seconds) or 30 seconds.
    public static func timeout(environment: [String: String] = ProcessInfo.processInfo.environment) -> TimeInterval {
        environment["FMADD_LOCK_TIMEOUT"].flatMap(TimeInterval.init).map { max(0, $0) } ?? 30
    }

    /// Waits up to `timeout` seconds for the folder of the list at `path` (of its target, for
    /// a symbolic link).
    public init(list path: String, timeout: TimeInterval = ListLock.timeout()) throws(ListError) {
        let target = realpath(path, nil).map { resolved in defer { free(resolved) }; return String(cString: resolved) } ?? path
        var folder = URL(fileURLWithPath: target).deletingLastPathComponent().path
        if folder.isEmpty { folder = "." }
        descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .unreadable(path: folder, reason: String(cString: strerror(errno))) }
        let deadline = Date().addingTimeInterval(timeout)
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR, Date() < deadline else {
                let reason = errno == EWOULDBLOCK ? nil : String(cString: strerror(errno))
                close(descriptor)
                throw .busy(path: path, waited: Int(timeout.rounded()), reason: reason)
            }
            usleep(20_000)
        }
    }

    public func release() {
        guard held else { return }
        held = false
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
