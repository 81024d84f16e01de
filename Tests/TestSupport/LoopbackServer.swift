import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An HTTP/1.1 server on 127.0.0.1 (a port the system picks), run in the test's process on
/// plain POSIX sockets: it records each request and answers from `respond`. One connection per
/// request (`Connection: close`).
public final class LoopbackServer: @unchecked Sendable {
    public struct Request: Sendable, Equatable {
        public var method: String
        /// The path with its query, as sent: `/api/query?id_list=1707.08567`.
        public var target: String
        /// Header names in lower case.
        public var headers: [String: String]
        public var body: Data

        public var path: String { String(target.prefix { $0 != "?" }) }
        /// The query's items, decoded.
        public var query: [String: String] {
            let items = URLComponents(string: "http://h" + target)?.queryItems ?? []
            return Dictionary(items.map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { $1 })
        }
    }

    public struct Response: Sendable {
        public var status: Int
        public var headers: [String: String]
        public var body: Data

        public init(status: Int = 200, headers: [String: String] = [:], body: Data = Data()) {
            self.status = status
            self.headers = headers
            self.body = body
        }

        public static func text(_ text: String, status: Int = 200, type: String = "text/plain") -> Response {
            LoopbackServer.Response(status: status, headers: ["Content-Type": type], body: Data(text.utf8))
        }
    }

    public let port: UInt16
    private let socket: Int32
    private let respond: @Sendable (Request) -> Response
    private let lock = NSLock()
    private var recorded: [Request] = []
    private var open = 0
    private var mostOpen = 0
    private var stopped = false
    private let finished = DispatchSemaphore(value: 0)

    /// `http://127.0.0.1:PORT`.
    public var address: String { "http://127.0.0.1:\(port)" }

    /// Every request so far, in order.
    public var requests: [Request] {
        lock.lock()
        defer { lock.unlock() }
        return recorded
    }

    /// The most connections that were open at once.
    public var mostConnectionsAtOnce: Int {
        lock.lock()
        defer { lock.unlock() }
        return mostOpen
    }

    /// A server on `host` (127.0.0.1; `0.0.0.0` listens on every address of the machine, for a
    /// test that shows nothing is sent to an address that is not loopback).
    public init(host: String = "127.0.0.1", respond: @escaping @Sendable (Request) -> Response) throws {
        self.respond = respond
        let fd = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr(host)
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 16) == 0 else {
            close(fd)
            throw POSIXError(.init(rawValue: errno) ?? .EIO)
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        port = UInt16(bigEndian: address.sin_port)
        socket = fd
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    deinit { stop() }

    /// Stops accepting; the port is closed.
    public func stop() {
        lock.lock()
        let first = !stopped
        stopped = true
        lock.unlock()
        guard first else { return }
        shutdown(socket, Int32(SHUT_RDWR))
        close(socket)
        finished.wait()
    }

    private func acceptLoop() {
        defer { finished.signal() }
        while true {
            let client = accept(socket, nil, nil)
            if client < 0 {
                if errno == EINTR { continue }
                return
            }
            lock.lock()
            open += 1
            mostOpen = max(mostOpen, open)
            lock.unlock()
            let thread = Thread { [self] in
                serve(client)
                lock.lock()
                open -= 1
                lock.unlock()
            }
            thread.start()
        }
    }

    private func serve(_ client: Int32) {
        defer { close(client) }
        var buffer = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: 65536)
        var headerEnd: Int?
        while headerEnd == nil {
            let count = read(client, &chunk, chunk.count)
            guard count > 0 else { return }
            buffer += chunk[0..<count]
            headerEnd = Self.find([13, 10, 13, 10], in: buffer)
        }
        let head = String(decoding: buffer[..<headerEnd!], as: UTF8.self).components(separatedBy: "\r\n")
        let requestLine = head[0].split(separator: " ")
        guard requestLine.count >= 2 else { return }
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let length = headers["content-length"].flatMap { Int($0) } ?? 0
        var body = Array(buffer[(headerEnd! + 4)...])
        while body.count < length {
            let count = read(client, &chunk, chunk.count)
            guard count > 0 else { break }
            body += chunk[0..<count]
        }
        let request = Request(method: String(requestLine[0]), target: String(requestLine[1]), headers: headers, body: Data(body))
        lock.lock()
        recorded.append(request)
        lock.unlock()
        let response = respond(request)
        var text = "HTTP/1.1 \(response.status) \(response.status == 200 ? "OK" : "Status")\r\n"
        for (name, value) in response.headers { text += "\(name): \(value)\r\n" }
        text += "Content-Length: \(response.body.count)\r\nConnection: close\r\n\r\n"
        let bytes = [UInt8](text.utf8) + [UInt8](response.body)
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { write(client, $0.baseAddress, $0.count) }
            guard count > 0 else { return }
            sent += count
        }
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for start in 0...(haystack.count - needle.count) where haystack[start..<(start + needle.count)].elementsEqual(needle) {
            return start
        }
        return nil
    }
}

/// Answers recorded from arXiv and Crossref (`Tests/Fixtures/services`, see its SOURCES.md).
public enum ServiceFixtures {
    public static let folder = Paths.fixtures.appendingPathComponent("services")

    public static func data(_ name: String) -> Data {
        (try? Data(contentsOf: folder.appendingPathComponent(name))) ?? Data()
    }

    /// The id lists arXiv was asked, and the feed it answered.
    public static let arxivFeeds = [
        "1707.08567": "arxiv/1707.08567.xml",
        "0808.05394,1707.08567": "arxiv/0808.05394+1707.08567.xml",
        "0000.0000": "arxiv/empty.xml",
        "astro-ph/0601001": "arxiv/astro-ph-0601001.xml",
    ]
    /// The DOIs Crossref was asked, and the work it answered.
    public static let crossrefWorks = [
        "10.1371/journal.pone.0033693": "crossref/10.1371-journal.pone.0033693.json",
        "10.1038/srep16696": "crossref/10.1038-srep16696.json",
        "10.1101/014852": "crossref/10.1101-014852.json",
    ]

    /// Each recorded arXiv entry by its id without version, as the feed wrote it.
    static let arxivEntries: [String: String] = {
        var entries: [String: String] = [:]
        for file in Set(arxivFeeds.values).sorted() + ["arxiv/query-testing.xml"] {
            let feed = String(decoding: data(file), as: UTF8.self)
            for piece in feed.components(separatedBy: "<entry>").dropFirst() {
                guard let end = piece.range(of: "</entry>"), let idStart = piece.range(of: "<id>http://arxiv.org/abs/"),
                      let idEnd = piece.range(of: "</id>", range: idStart.upperBound..<piece.endIndex) else { continue }
                var id = String(piece[idStart.upperBound..<idEnd.lowerBound])
                if let version = id.range(of: #"v\d+$"#, options: .regularExpression) { id.removeSubrange(version) }
                entries[id] = "  <entry>" + piece[..<end.upperBound] + "\n"
            }
        }
        return entries
    }()

    /// A server that answers as arXiv (`/api/query?id_list=…`) and Crossref (`/works/DOI`) did.
    /// An id list asked when recording gets its recorded feed; any other gets the recorded
    /// entries of its ids in one feed (empty for ids never recorded); `abc` gets arXiv's 400.
    /// A DOI of `crossrefWorks` gets its work, any other Crossref's 404. `arxivStatus` or
    /// `crossrefStatus`, when given, is sent instead (503, 429, …).
    public static func server(arxivStatus: Int? = nil, crossrefStatus: Int? = nil, headers: [String: String] = [:]) throws -> LoopbackServer {
        let feeds = arxivFeeds.mapValues { data($0) }
        let works = crossrefWorks.mapValues { data($0) }
        let empty = String(decoding: data("arxiv/empty.xml"), as: UTF8.self)
        let entries = arxivEntries
        let atom = ["Content-Type": "application/atom+xml"]
        return try LoopbackServer { request in
            if request.path == "/api/query" {
                if let arxivStatus { return LoopbackServer.Response(status: arxivStatus, headers: headers, body: Data("busy".utf8)) }
                let ids = request.query["id_list"] ?? ""
                if let body = feeds[ids] { return LoopbackServer.Response(headers: atom, body: body) }
                if ids == "abc" { return LoopbackServer.Response(status: 400, headers: atom, body: data("arxiv/id-abc.xml")) }
                let found = ids.split(separator: ",").compactMap { entries[String($0)] }.joined()
                let feed = empty.replacingOccurrences(of: "</feed>", with: found + "</feed>")
                return LoopbackServer.Response(headers: atom, body: Data(feed.utf8))
            }
            if request.path.hasPrefix("/works/") {
                if let crossrefStatus { return LoopbackServer.Response(status: crossrefStatus, headers: headers, body: Data("busy".utf8)) }
                let doi = String(request.path.dropFirst("/works/".count)).removingPercentEncoding ?? ""
                if let body = works[doi.lowercased()] {
                    return LoopbackServer.Response(headers: ["Content-Type": "application/json", "X-Rate-Limit-Limit": "5", "X-Rate-Limit-Interval": "1s"], body: body)
                }
                return LoopbackServer.Response(status: 404, headers: ["Content-Type": "text/plain"], body: data("crossref/404-notarealdoi.txt"))
            }
            return .text("no such path", status: 404)
        }
    }

    /// `FMADD_ARXIV_API` and `FMADD_CROSSREF_API` pointing at `server`, and a cache of their own.
    public static func environment(_ server: LoopbackServer, cache: URL) -> [String: String] {
        ["FMADD_ARXIV_API": server.address + "/api/query", "FMADD_CROSSREF_API": server.address, "XDG_CACHE_HOME": cache.path]
    }
}
