import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// An HTTP server on 127.0.0.1 (an ephemeral port) that answers every request with
/// `401 Unauthorized` and `WWW-Authenticate: Basic realm="x"`, as a git host that wants
/// credentials does (or, given `redirect`, with `302 Found` to that URL and the request's
/// path), and records each request's head (request line and headers). It stops by itself after
/// `lifetime` seconds, or when `stop()` is called; it never reaches another host.
final class LoopbackHTTPServer: @unchecked Sendable {
    let port: UInt16
    private let listener: Int32
    private let lock = NSLock()
    private var heads: [String] = []
    private var stopping = false
    private let finished = DispatchSemaphore(value: 0)
    private let redirect: String?

    struct StartFailed: Error, CustomStringConvertible {
        let call: String
        let code: Int32
        var description: String { "\(call) failed: \(String(cString: strerror(code)))" }
    }

    init(lifetime: TimeInterval = 30, redirect: String? = nil) throws {
        self.redirect = redirect
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard listener >= 0 else { throw StartFailed(call: "socket", code: errno) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { address in
                bind(listener, address, length) == 0 && listen(listener, 8) == 0
                    && getsockname(listener, address, &length) == 0
            }
        }
        guard bound else {
            let code = errno
            close(listener)
            throw StartFailed(call: "bind", code: code)
        }
        self.listener = listener
        port = UInt16(bigEndian: address.sin_port)
        let deadline = Date().addingTimeInterval(lifetime)
        let thread = Thread { [self] in
            serve(until: deadline)
            close(listener)
            finished.signal()
        }
        thread.start()
    }

    /// The heads of the requests received so far.
    var requests: [String] {
        lock.lock()
        defer { lock.unlock() }
        return heads
    }

    /// Stops serving and waits until the listening socket is closed.
    func stop() {
        lock.lock()
        let already = stopping
        stopping = true
        lock.unlock()
        if !already { finished.wait() }
    }

    deinit {
        stop()
    }

    private var shouldStop: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopping
    }

    private func serve(until deadline: Date) {
        while !shouldStop, Date() < deadline {
            var waiting = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
            guard poll(&waiting, 1, 100) > 0 else { continue }
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else { continue }
            let head = readHead(connection, until: min(deadline, Date().addingTimeInterval(5)))
            lock.lock()
            heads.append(head)
            lock.unlock()
            let target = head.split(separator: " ", maxSplits: 2).dropFirst().first.map(String.init) ?? "/"
            let status = redirect.map { "HTTP/1.1 302 Found\r\nLocation: \($0)\(target)\r\n" }
                ?? "HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Basic realm=\"x\"\r\n"
            let response = status + "Content-Type: text/plain\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            _ = response.utf8CString.withUnsafeBufferPointer { bytes in
                send(connection, bytes.baseAddress, bytes.count - 1, Int32(MSG_NOSIGNAL))
            }
            shutdown(connection, Int32(SHUT_WR))
            close(connection)
        }
    }

    /// The request's bytes up to the blank line that ends its headers.
    private func readHead(_ connection: Int32, until deadline: Date) -> String {
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        let end: [UInt8] = Array("\r\n\r\n".utf8)
        while Date() < deadline, !received.ends(with: end), received.count < 65_536 {
            var waiting = pollfd(fd: connection, events: Int16(POLLIN), revents: 0)
            guard poll(&waiting, 1, 100) > 0 else { continue }
            let count = buffer.withUnsafeMutableBytes { recv(connection, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { break }
            received += buffer[0..<count]
            if let range = received.firstRange(of: end) {
                received = Array(received[..<range.upperBound])
                break
            }
        }
        return String(decoding: received, as: UTF8.self)
    }
}

extension Array where Element == UInt8 {
    fileprivate func ends(with suffix: [UInt8]) -> Bool {
        count >= suffix.count && Array(self[(count - suffix.count)...]) == suffix
    }
}
