extension JSONValue: CustomStringConvertible {
    /// The value as compact JSON text, members in their order.
    public var jsonText: String {
        var output = ""
        write(to: &output)
        return output
    }

    public var description: String { jsonText }

    private func write(to output: inout String) {
        switch self {
        case .null: output += "null"
        case .bool(let value): output += value ? "true" : "false"
        case .number(let value): output += value.description
        case .string(let value): Self.writeString(value, to: &output)
        case .array(let elements):
            output += "["
            for (offset, element) in elements.enumerated() {
                if offset > 0 { output += "," }
                element.write(to: &output)
            }
            output += "]"
        case .object(let object):
            output += "{"
            for (offset, member) in object.members.enumerated() {
                if offset > 0 { output += "," }
                Self.writeString(member.key, to: &output)
                output += ":"
                member.value.write(to: &output)
            }
            output += "}"
        }
    }

    private static func writeString(_ string: String, to output: inout String) {
        output += "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{08}": output += "\\b"
            case "\u{0C}": output += "\\f"
            case _ where scalar.value < 0x20 || (0x7F ... 0x9F).contains(scalar.value)
                || (0x2028 ... 0x2029).contains(scalar.value):
                let hex = String(scalar.value, radix: 16, uppercase: true)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
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
