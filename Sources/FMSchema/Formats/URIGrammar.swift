/// The strict RFC 3986 grammar, for the `uri` and `uri-reference` formats: ASCII only, every
/// `%` followed by two hex digits, brackets only around an IP literal host.
enum URIGrammar {
    /// `URI = scheme ":" hier-part [ "?" query ] [ "#" fragment ]`
    static func isURI(_ text: String) -> Bool {
        let utf8 = Array(text.utf8)[...]
        guard let colon = utf8.firstIndex(where: { isDelimiter($0) }), utf8[colon] == UInt8(ascii: ":"),
              isScheme(utf8[..<colon]) else { return false }
        return isHierarchyQueryFragment(utf8[(colon + 1)...], allowsColonInFirstSegment: true)
    }

    /// `URI-reference = URI / relative-ref`
    static func isURIReference(_ text: String) -> Bool {
        let utf8 = Array(text.utf8)[...]
        if let colon = utf8.firstIndex(where: { isDelimiter($0) }), utf8[colon] == UInt8(ascii: ":") {
            // Text before the first ':' that has no '/', '?' or '#' is a scheme, or nothing valid:
            // a relative reference may not have a ':' in its first path segment.
            guard isScheme(utf8[..<colon]) else { return false }
            return isHierarchyQueryFragment(utf8[(colon + 1)...], allowsColonInFirstSegment: true)
        }
        return isHierarchyQueryFragment(utf8, allowsColonInFirstSegment: false)
    }

    private static func isDelimiter(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ":") || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "#")
    }

    /// `scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )`
    private static func isScheme(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard let first = bytes.first, isAlpha(first) else { return false }
        return bytes.allSatisfy { isAlpha($0) || IPAddress.isDigit($0) || $0 == UInt8(ascii: "+")
            || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") }
    }

    /// `hier-part [ "?" query ] [ "#" fragment ]` (or the same for a relative part).
    private static func isHierarchyQueryFragment(_ bytes: ArraySlice<UInt8>, allowsColonInFirstSegment: Bool) -> Bool {
        var rest = bytes
        if let hash = rest.firstIndex(of: UInt8(ascii: "#")) {
            guard isQueryOrFragment(rest[(hash + 1)...]) else { return false }
            rest = rest[..<hash]
        }
        if let question = rest.firstIndex(of: UInt8(ascii: "?")) {
            guard isQueryOrFragment(rest[(question + 1)...]) else { return false }
            rest = rest[..<question]
        }
        if rest.starts(with: [UInt8(ascii: "/"), UInt8(ascii: "/")]) {
            let afterSlashes = rest.dropFirst(2)
            let pathStart = afterSlashes.firstIndex(of: UInt8(ascii: "/")) ?? afterSlashes.endIndex
            return isAuthority(afterSlashes[..<pathStart]) && isPath(afterSlashes[pathStart...])
        }
        if !allowsColonInFirstSegment {
            let firstSegmentEnd = rest.firstIndex(of: UInt8(ascii: "/")) ?? rest.endIndex
            if rest[..<firstSegmentEnd].contains(UInt8(ascii: ":")) { return false }
        }
        return isPath(rest)
    }

    /// `authority = [ userinfo "@" ] host [ ":" port ]`
    private static func isAuthority(_ bytes: ArraySlice<UInt8>) -> Bool {
        var hostAndPort = bytes
        if let at = bytes.firstIndex(of: UInt8(ascii: "@")) {
            let userinfo = bytes[..<at]
            guard isMadeOf(userinfo, { isUnreserved($0) || isSubDelimiter($0) || $0 == UInt8(ascii: ":") }) else {
                return false
            }
            hostAndPort = bytes[(at + 1)...]
        }
        var port: ArraySlice<UInt8> = []
        if hostAndPort.first == UInt8(ascii: "[") {
            guard let close = hostAndPort.firstIndex(of: UInt8(ascii: "]")),
                  isIPLiteral(hostAndPort[(hostAndPort.startIndex + 1) ..< close]) else { return false }
            let afterHost = hostAndPort[(close + 1)...]
            if !afterHost.isEmpty {
                guard afterHost.first == UInt8(ascii: ":") else { return false }
                port = afterHost.dropFirst()
            }
        } else {
            var host = hostAndPort
            if let colon = hostAndPort.firstIndex(of: UInt8(ascii: ":")) {
                host = hostAndPort[..<colon]
                port = hostAndPort[(colon + 1)...]
            }
            guard isMadeOf(host, { isUnreserved($0) || isSubDelimiter($0) }) else { return false }
        }
        return port.allSatisfy(IPAddress.isDigit)
    }

    /// `IP-literal = "[" ( IPv6address / IPvFuture ) "]"`, without the brackets.
    private static func isIPLiteral(_ bytes: ArraySlice<UInt8>) -> Bool {
        if bytes.first == UInt8(ascii: "v") || bytes.first == UInt8(ascii: "V") {
            // IPvFuture = "v" 1*HEXDIG "." 1*( unreserved / sub-delims / ":" )
            let rest = bytes.dropFirst()
            guard let dot = rest.firstIndex(of: UInt8(ascii: ".")), dot > rest.startIndex,
                  rest[..<dot].allSatisfy(IPAddress.isHexDigit) else { return false }
            let tail = rest[(dot + 1)...]
            return !tail.isEmpty && tail.allSatisfy { isUnreserved($0) || isSubDelimiter($0) || $0 == UInt8(ascii: ":") }
        }
        return IPAddress.isIPv6(Substring(decoding: bytes, as: UTF8.self))
    }

    /// Path segments of `pchar` separated by `/`.
    private static func isPath(_ bytes: ArraySlice<UInt8>) -> Bool {
        isMadeOf(bytes) { isPathCharacter($0) || $0 == UInt8(ascii: "/") }
    }

    /// `query = fragment = *( pchar / "/" / "?" )`
    private static func isQueryOrFragment(_ bytes: ArraySlice<UInt8>) -> Bool {
        isMadeOf(bytes) { isPathCharacter($0) || $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") }
    }

    /// Every byte is allowed, or a `%` that starts a `pct-encoded` triplet.
    private static func isMadeOf(_ bytes: ArraySlice<UInt8>, _ allowed: (UInt8) -> Bool) -> Bool {
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%") {
                guard index + 2 < bytes.endIndex,
                      IPAddress.isHexDigit(bytes[index + 1]), IPAddress.isHexDigit(bytes[index + 2]) else { return false }
                index += 3
            } else {
                guard allowed(byte) else { return false }
                index += 1
            }
        }
        return true
    }

    /// `pchar = unreserved / pct-encoded / sub-delims / ":" / "@"` (pct-encoded checked by the caller).
    private static func isPathCharacter(_ byte: UInt8) -> Bool {
        isUnreserved(byte) || isSubDelimiter(byte) || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "@")
    }

    /// `unreserved = ALPHA / DIGIT / "-" / "." / "_" / "~"`
    private static func isUnreserved(_ byte: UInt8) -> Bool {
        isAlpha(byte) || IPAddress.isDigit(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
            || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "~")
    }

    /// `sub-delims = "!" / "$" / "&" / "'" / "(" / ")" / "*" / "+" / "," / ";" / "="`
    private static func isSubDelimiter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "!"), UInt8(ascii: "$"), UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "("),
             UInt8(ascii: ")"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: ";"),
             UInt8(ascii: "="):
            true
        default:
            false
        }
    }

    private static func isAlpha(_ byte: UInt8) -> Bool {
        byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z")
    }
}
