/// Textual IP address forms, as URIs (RFC 3986) and e-mail address literals (RFC 5321) write them.
enum IPAddress {
    /// `dec-octet "." dec-octet "." dec-octet "." dec-octet`, with no leading zeros.
    static func isIPv4(_ text: Substring) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return false }
        return parts.allSatisfy { part in
            guard (1 ... 3).contains(part.utf8.count), part.utf8.allSatisfy(isDigit) else { return false }
            guard part.utf8.count == 1 || part.utf8.first != UInt8(ascii: "0") else { return false }
            return (Int(part) ?? 256) <= 255
        }
    }

    /// RFC 3986 `IPv6address`: eight groups of 1 to 4 hex digits, one `::` standing for one or
    /// more zero groups, the last 32 bits possibly written as IPv4.
    static func isIPv6(_ text: Substring) -> Bool {
        let halves = text.parts(separatedBy: "::")
        guard halves.count <= 2 else { return false }
        let hasElision = halves.count == 2
        var groupCount = 0
        for (halfIndex, half) in halves.enumerated() {
            if half.isEmpty { continue }
            let groups = half.split(separator: ":", omittingEmptySubsequences: false)
            for (groupIndex, group) in groups.enumerated() {
                let isLast = halfIndex == halves.count - 1 && groupIndex == groups.count - 1
                if isLast && group.contains(".") {
                    guard isIPv4(group) else { return false }
                    groupCount += 2
                } else {
                    guard (1 ... 4).contains(group.utf8.count), group.utf8.allSatisfy(isHexDigit) else { return false }
                    groupCount += 1
                }
            }
        }
        return hasElision ? groupCount <= 7 : groupCount == 8
    }

    static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    static func isHexDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "f"))
    }
}

private extension Substring {
    func parts(separatedBy separator: String) -> [Substring] {
        var parts: [Substring] = []
        var rest = self
        while let range = rest.firstRange(of: separator) {
            parts.append(rest[..<range.lowerBound])
            rest = rest[range.upperBound...]
        }
        parts.append(rest)
        return parts
    }
}
