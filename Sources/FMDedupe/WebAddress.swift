/// A link target split into the parts the keys are read from: an absolute `http(s)` address, or
/// one that starts with `//` or `www.`. Anything else (`#anchor`, `./file.md`, `mailto:`) is none.
struct WebAddress: Sendable {
    /// Lower-cased, without `www.`, port or user.
    var host: String
    /// As written, from the first `/` on, without the query or fragment; empty for none.
    var path: String
    /// The query's `name=value` pairs, in order, as written.
    var query: [Substring]

    init?(_ text: String) {
        var rest = Substring(text.trimming(" \t<>"))
        if let scheme = rest.range(of: "://") {
            let name = rest[..<scheme.lowerBound].lowercased()
            guard name == "http" || name == "https" else { return nil }
            rest = rest[scheme.upperBound...]
        } else if rest.hasPrefix("//") {
            rest = rest.dropFirst(2)
        } else if !rest.lowercased().hasPrefix("www.") {
            return nil  // a relative link: `README.md`, `./resources/x.md`
        }
        if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }
        var queryText: Substring = ""
        if let mark = rest.firstIndex(of: "?") {
            queryText = rest[rest.index(after: mark)...]
            rest = rest[..<mark]
        }
        let slash = rest.firstIndex(of: "/") ?? rest.endIndex
        var host = rest[..<slash]
        if let at = host.lastIndex(of: "@") { host = host[host.index(after: at)...] }
        if let colon = host.firstIndex(of: ":") { host = host[..<colon] }
        var name = host.lowercased()
        if name.hasPrefix("www.") { name.removeFirst(4) }
        while name.hasSuffix(".") { name.removeLast() }
        // A host has a dot and no spaces: `./resources/x.md` and `Title words` are not addresses.
        guard name.contains("."), !name.hasPrefix("."), !name.contains(" ") else { return nil }
        self.host = name
        self.path = String(rest[slash...])
        self.query = queryText.split(separator: "&", omittingEmptySubsequences: true)
    }

    /// The path's segments, without empty ones.
    var segments: [Substring] { path.split(separator: "/") }

    func hostIs(_ domain: String) -> Bool {
        host == domain || host.hasSuffix("." + domain)
    }
}

extension StringProtocol {
    /// Without the leading and trailing characters that are in `characters`.
    func trimming(_ characters: String) -> String {
        let scalars = Set(characters.unicodeScalars)
        var start = unicodeScalars.startIndex, end = unicodeScalars.endIndex
        while start < end, scalars.contains(unicodeScalars[start]) { start = unicodeScalars.index(after: start) }
        while end > start, scalars.contains(unicodeScalars[unicodeScalars.index(before: end)]) {
            end = unicodeScalars.index(before: end)
        }
        return String(String.UnicodeScalarView(unicodeScalars[start..<end]))
    }

    /// `%2F` → `/`; malformed escapes stay as written.
    func percentDecoded() -> String {
        guard contains("%") else { return String(self) }
        var bytes: [UInt8] = []
        let utf8 = Array(self.utf8)
        var i = 0
        while i < utf8.count {
            if utf8[i] == UInt8(ascii: "%"), i + 2 < utf8.count,
               let high = hexValue(utf8[i + 1]), let low = hexValue(utf8[i + 2]) {
                bytes.append(high << 4 | low)
                i += 3
            } else {
                bytes.append(utf8[i])
                i += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

private func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
    default: return nil
    }
}
