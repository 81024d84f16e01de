import FMList
/// A link target split into the parts the keys are read from: an absolute `http(s)` address, or
/// one that starts with `//` or `www.`. Anything else (`#anchor`, `./file.md`, `mailto:`) is none.
///
/// Read byte by byte: a list of 100,000 entries has some 200,000 links.
struct WebAddress: Sendable {
    /// Lower-cased, without `www.`, port or user.
    let host: String
    /// As written, from the first `/` on, without the query or fragment; empty for none.
    let path: String
    /// The query as written, without `?`.
    let query: String

    init?(_ text: String) {
        guard let parts = text.withUTF8Bytes({ Self.split($0) }) else { return nil }
        host = parts.host
        path = parts.path
        query = parts.query
    }

    /// The host (lower-cased), the path and the query of an address.
    private static func split(_ bytes: UnsafeBufferPointer<UInt8>) -> (host: String, path: String, query: String)? {
        var start = 0, end = bytes.count
        while start < end, isPadding(bytes[start]) { start += 1 }
        while end > start, isPadding(bytes[end - 1]) { end -= 1 }
        if hasPrefix(bytes, start, "http://") {
            start += 7
        } else if hasPrefix(bytes, start, "https://") {
            start += 8
        } else if hasPrefix(bytes, start, "//") {
            start += 2
        } else if !hasPrefix(bytes, start, "www.") {
            return nil  // a relative link: `README.md`, `./resources/x.md`
        }
        // The fragment never names another page; the query ends where it starts.
        if let hash = bytes[start..<end].firstIndex(of: UInt8(ascii: "#")) { end = hash }
        let queryStart = bytes[start..<end].firstIndex(of: UInt8(ascii: "?")) ?? end
        let hostEnd = bytes[start..<queryStart].firstIndex(of: UInt8(ascii: "/")) ?? queryStart
        var hostStart = start
        if let at = bytes[start..<hostEnd].lastIndex(of: UInt8(ascii: "@")) { hostStart = at + 1 }
        var nameEnd = bytes[hostStart..<hostEnd].firstIndex(of: UInt8(ascii: ":")) ?? hostEnd
        while nameEnd > hostStart, bytes[nameEnd - 1] == UInt8(ascii: ".") { nameEnd -= 1 }
        if hasPrefix(bytes, hostStart, "www.") { hostStart += 4 }
        let name = bytes[hostStart..<max(hostStart, nameEnd)]
        // A host has a dot and no spaces: `www.` alone or `Title words` are not addresses.
        guard name.contains(UInt8(ascii: ".")), name.first != UInt8(ascii: "."),
              !name.contains(UInt8(ascii: " ")) else { return nil }
        return (String(decoding: name.map(lowercased), as: UTF8.self),
                String(decoding: bytes[hostEnd..<queryStart], as: UTF8.self),
                queryStart < end ? String(decoding: bytes[(queryStart + 1)..<end], as: UTF8.self) : "")
    }

    /// The non-empty parts of `text` between `separator`s, split on bytes (`String.split` walks
    /// grapheme clusters, which an address does not need).
    static func components(of text: String, separator: Unicode.Scalar) -> [Substring] {
        guard !text.isEmpty else { return [] }
        let byte = UInt8(separator.value)
        var result: [Substring] = []
        var start = text.utf8.startIndex
        var index = start
        while index < text.utf8.endIndex {
            if text.utf8[index] == byte {
                if index > start { result.append(text[start..<index]) }
                start = text.utf8.index(after: index)
            }
            index = text.utf8.index(after: index)
        }
        if index > start { result.append(text[start..<index]) }
        return result
    }

    /// The path's segments, without empty ones.
    var segments: [Substring] { Self.components(of: path, separator: "/") }

    /// Whether the address names more than a host: `github.com/` alone is a placeholder.
    var hasPathOrQuery: Bool { path.utf8.contains { $0 != UInt8(ascii: "/") } || !query.isEmpty }

    /// The query's `name=value` pairs, in order, as written.
    var queryItems: [Substring] { Self.components(of: query, separator: "&") }

    /// Whether the host is `domain` or one of its subdomains.
    func hostIs(_ domain: StaticString) -> Bool {
        let name = host.utf8, suffix = UnsafeBufferPointer(start: domain.utf8Start, count: domain.utf8CodeUnitCount)
        guard name.count >= suffix.count, name.suffix(suffix.count).elementsEqual(suffix) else { return false }
        return name.count == suffix.count || name.dropLast(suffix.count).last == UInt8(ascii: ".")
    }

    private static func isPadding(_ byte: UInt8) -> Bool {
        Byte.isBlank(byte) || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte
    }

    /// Whether `bytes` has `prefix` (ASCII, any case) at `offset`.
    private static func hasPrefix(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: Int, _ prefix: StaticString) -> Bool {
        guard bytes.count - offset >= prefix.utf8CodeUnitCount else { return false }
        return prefix.withUTF8Buffer { expected in
            expected.indices.allSatisfy { lowercased(bytes[offset + $0]) == expected[$0] }
        }
    }
}
