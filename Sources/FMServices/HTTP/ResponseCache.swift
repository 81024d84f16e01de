import Foundation

/// Answers kept on disk, one file per address, used while younger than `maxAge`: a second run
/// asks the service nothing. A damaged or foreign file is a miss, never an error. A file holds
/// the address, the status and the body.
public struct ResponseCache: Sendable {
    public var folder: URL
    public var maxAge: TimeInterval

    public init(folder: URL, maxAge: TimeInterval = 7 * 24 * 3600) {
        self.folder = folder
        self.maxAge = maxAge
    }

    /// `$XDG_CACHE_HOME/fmadd`, else `~/.cache/fmadd`.
    public static func defaultFolder(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let base = environment["XDG_CACHE_HOME"], base.hasPrefix("/") {
            return URL(fileURLWithPath: base).appendingPathComponent("fmadd")
        }
        let home = environment["HOME"].map { URL(fileURLWithPath: $0) } ?? FileManager.default.homeDirectoryForCurrentUser
        return home.appendingPathComponent(".cache/fmadd")
    }

    /// The answer cached for `url`, if it is young enough.
    public func response(for url: URL, now: Date = Date()) -> HTTPResponse? {
        let file = self.file(for: url)
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: file.path),
              let modified = attributes[.modificationDate] as? Date, now.timeIntervalSince(modified) <= maxAge,
              let data = try? Data(contentsOf: file), let first = data.firstIndex(of: 0x0A),
              data[..<first] == Data(url.absoluteString.utf8),
              let second = data[(first + 1)...].firstIndex(of: 0x0A),
              let status = Int(String(decoding: data[(first + 1)..<second], as: UTF8.self)) else { return nil }
        return HTTPResponse(status: status, body: Data(data[(second + 1)...]))
    }

    /// Keeps `response` for `url`; a cache that cannot be written is left alone.
    public func store(_ response: HTTPResponse, for url: URL) {
        let file = self.file(for: url)
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var data = Data((url.absoluteString + "\n\(response.status)\n").utf8)
        data.append(response.body)
        try? data.write(to: file, options: .atomic)
    }

    /// The file of `url`: its host and a hash of the whole address (the address is kept inside).
    func file(for url: URL) -> URL {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in url.absoluteString.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        let host = (url.host ?? "local").filter { $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" }
        return folder.appendingPathComponent("\(host)-\(String(hash, radix: 16)).cache")
    }
}
