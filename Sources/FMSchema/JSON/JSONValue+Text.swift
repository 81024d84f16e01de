extension JSONValue: CustomStringConvertible {
    /// The value as compact JSON text, members in their order.
    public var jsonText: String {
        var output: [UInt8] = []
        appendJSON(to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    public var description: String { jsonText }

    /// The value's `jsonText` appended to `output` as UTF-8, for a writer of many values.
    public func appendJSON(to output: inout [UInt8]) {
        switch self {
        case .null: output.append(contentsOf: "null".utf8)
        case .bool(let value): output.append(contentsOf: (value ? "true" : "false").utf8)
        case .number(let value): output.append(contentsOf: value.description.utf8)
        case .string(let value): Self.appendString(value, to: &output)
        case .array(let elements):
            output.append(UInt8(ascii: "["))
            for (offset, element) in elements.enumerated() {
                if offset > 0 { output.append(UInt8(ascii: ",")) }
                element.appendJSON(to: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .object(let object):
            output.append(UInt8(ascii: "{"))
            for (offset, member) in object.members.enumerated() {
                if offset > 0 { output.append(UInt8(ascii: ",")) }
                Self.appendString(member.key, to: &output)
                output.append(UInt8(ascii: ":"))
                member.value.appendJSON(to: &output)
            }
            output.append(UInt8(ascii: "}"))
        }
    }

    private static func appendString(_ string: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var string = string
        string.withUTF8 { bytes in
            // Most strings need no escape: they are copied whole, not a scalar at a time.
            if !needsEscape(bytes) {
                output.append(contentsOf: bytes)
                return
            }
            for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars {
                switch scalar {
                case "\"": output.append(contentsOf: #"\""#.utf8)
                case "\\": output.append(contentsOf: #"\\"#.utf8)
                case "\n": output.append(contentsOf: #"\n"#.utf8)
                case "\r": output.append(contentsOf: #"\r"#.utf8)
                case "\t": output.append(contentsOf: #"\t"#.utf8)
                case "\u{08}": output.append(contentsOf: #"\b"#.utf8)
                case "\u{0C}": output.append(contentsOf: #"\f"#.utf8)
                case _ where scalar.value < 0x20 || (0x7F ... 0x9F).contains(scalar.value)
                    || (0x2028 ... 0x2029).contains(scalar.value):
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    output.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
                default: UTF8.encode(scalar) { output.append($0) }
                }
            }
        }
        output.append(UInt8(ascii: "\""))
    }

    /// Whether UTF-8 text holds a character that `appendString` escapes: `"`, `\\`, a control
    /// character (C0, DEL, C1) or a line or paragraph separator. U+0080 to U+009F are `C2 80` to
    /// `C2 9F` in UTF-8, U+2028 and U+2029 `E2 80 A8` and `E2 80 A9`. Eight bytes are looked at
    /// at once; only a word with a byte that is not printable ASCII, a quote or a backslash is
    /// read byte by byte.
    static func needsEscape(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        // A high bit for each byte of `word` that is zero (and perhaps for a byte above one that
        // is: enough to know there is one).
        func zeroBytes(_ word: UInt64) -> UInt64 { (word &- ones) & ~word & highs }
        var index = 0
        let count = bytes.count
        if let base = bytes.baseAddress {
            while index + 8 <= count {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                // Below 0x20, 0x7F and above, a quote, a backslash.
                let suspect = zeroBytes(word & (ones &* 0xE0)) | ((word | (word &+ ones)) & highs)
                    | zeroBytes(word ^ (ones &* 0x22)) | zeroBytes(word ^ (ones &* 0x5C))
                if suspect != 0, escapes(bytes, in: index..<(index + 8)) { return true }
                index += 8
            }
        }
        return escapes(bytes, in: index..<count)
    }

    /// Whether a character that needs an escape starts at one of `range`'s bytes.
    private static func escapes(_ bytes: UnsafeBufferPointer<UInt8>, in range: Range<Int>) -> Bool {
        let count = bytes.count
        for index in range {
            let byte = bytes[index]
            if byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F { return true }
            if byte == 0xC2, index + 1 < count, bytes[index + 1] >= 0x80, bytes[index + 1] <= 0x9F { return true }
            if byte == 0xE2, index + 2 < count, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 { return true }
        }
        return false
    }

    /// The value as a message quotes it: JSON text, with long text cut to about `limit` code
    /// points. Control characters appear as escapes, so a message always stays on one line.
    func quoted(limit: Int = 80) -> String {
        let text = jsonText
        guard text.unicodeScalars.count > limit else { return text }
        var cut = String(String.UnicodeScalarView(text.unicodeScalars.prefix(limit)))
        cut += "…"
        if case .string = self { cut += "\"" }
        return cut
    }
}
