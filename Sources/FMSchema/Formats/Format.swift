/// The `format` values fmadd can assert. Any other format, and every format when assertion is
/// off (the 2020-12 default), is only an annotation.
enum Format: String, Sendable, CaseIterable {
    case uri
    case uriReference = "uri-reference"
    case date
    case email

    /// What a value of this format looks like, for messages.
    var explanation: String {
        switch self {
        case .uri: "an absolute URI (RFC 3986) such as https://example.org/x"
        case .uriReference: "a URI reference (RFC 3986)"
        case .date: "a date written YYYY-MM-DD"
        case .email: "an e-mail address"
        }
    }

    func isValid(_ text: String) -> Bool {
        switch self {
        case .uri: URIGrammar.isURI(text)
        case .uriReference: URIGrammar.isURIReference(text)
        case .date: Self.isDate(text)
        case .email: Self.isEmail(text)
        }
    }

    /// RFC 3339 `full-date`: `YYYY-MM-DD` with ASCII digits, a real month and day.
    private static func isDate(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return false }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                guard IPAddress.isDigit(bytes[index]) else { return nil }
                value = value * 10 + Int(bytes[index] - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0 ..< 4), let month = number(5 ..< 7), let day = number(8 ..< 10),
              (1 ... 12).contains(month), day >= 1 else { return false }
        let isLeapYear = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let daysInMonth = switch month {
        case 2: isLeapYear ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
        return day <= daysInMonth
    }

    /// RFC 5321 `Mailbox`: a dot-atom or quoted-string local part, `@`, and a host name or an
    /// address literal (`[192.0.2.1]`, `[IPv6:…]`).
    private static func isEmail(_ text: String) -> Bool {
        guard let at = text.lastIndex(of: "@") else { return false }
        let local = text[..<at]
        let domain = text[text.index(after: at)...]
        return isLocalPart(local) && isMailDomain(domain)
    }

    private static func isLocalPart(_ local: Substring) -> Bool {
        let bytes = Array(local.utf8)
        guard !bytes.isEmpty else { return false }
        if bytes.count >= 2, bytes.first == UInt8(ascii: "\""), bytes.last == UInt8(ascii: "\"") {
            // quoted-string: printable ASCII; a backslash escapes the next character.
            var index = 1
            while index < bytes.count - 1 {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\\") {
                    guard index + 1 < bytes.count - 1, (0x20 ... 0x7E).contains(bytes[index + 1]) else { return false }
                    index += 2
                } else {
                    guard (0x20 ... 0x7E).contains(byte), byte != UInt8(ascii: "\"") else { return false }
                    index += 1
                }
            }
            return true
        }
        // dot-atom: atoms of atext separated by single dots.
        let atoms = bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        return atoms.allSatisfy { atom in !atom.isEmpty && atom.allSatisfy(isAtomCharacter) }
    }

    private static func isAtomCharacter(_ byte: UInt8) -> Bool {
        if byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z") { return true }
        if IPAddress.isDigit(byte) { return true }
        return "!#$%&'*+-/=?^_`{|}~".utf8.contains(byte)
    }

    private static func isMailDomain(_ domain: Substring) -> Bool {
        if domain.hasPrefix("[") && domain.hasSuffix("]") && domain.count >= 2 {
            let literal = domain.dropFirst().dropLast()
            if literal.hasPrefix("IPv6:") { return IPAddress.isIPv6(literal.dropFirst(5)) }
            return IPAddress.isIPv4(literal)
        }
        return isHostName(domain)
    }

    /// Labels of letters, digits and hyphens, 1 to 63 long, not starting or ending with a hyphen.
    private static func isHostName(_ name: Substring) -> Bool {
        let bytes = Array(name.utf8)
        guard !bytes.isEmpty, bytes.count <= 253 else { return false }
        let labels = bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        return labels.allSatisfy { label in
            guard (1 ... 63).contains(label.count), label.first != UInt8(ascii: "-"),
                  label.last != UInt8(ascii: "-") else { return false }
            return label.allSatisfy { byte in
                (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z")) || IPAddress.isDigit(byte)
                    || byte == UInt8(ascii: "-")
            }
        }
    }
}
