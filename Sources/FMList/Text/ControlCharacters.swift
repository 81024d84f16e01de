/// Control characters in text that fmadd shows: a title or a file name from the list can hold
/// ESC, BEL or a line break, and printed raw they move the cursor, open an OSC 8 link, ring the
/// bell, or start a new GitHub workflow command. Every report passes what it shows through here.
public enum ControlCharacters {
    /// Whether `scalar` is a control character: C0 (U+0000–U+001F, with tab and line breaks),
    /// DEL (U+007F) or C1 (U+0080–U+009F).
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < Byte.space || (scalar.value >= 0x7F && scalar.value <= 0x9F)
    }

    /// `text` with each control character not in `kept` written as a visible escape, `\u{1B}`.
    /// Text without control characters comes back as it is.
    public static func escaped(_ text: String, keeping kept: Set<Unicode.Scalar> = []) -> String {
        guard text.unicodeScalars.contains(where: { isControl($0) && !kept.contains($0) }) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isControl(scalar) && !kept.contains(scalar) {
                out.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// JSON text (an encoder's output) with raw DEL and C1 characters inside its strings written
    /// as `\u007F` escapes: encoders escape C0 as JSON requires, but leave these raw, and a
    /// terminal that shows the JSON may act on them. The JSON value stays the same: these
    /// characters can only occur inside strings.
    public static func escapedJSON(_ json: String) -> String {
        guard json.unicodeScalars.contains(where: isControl) else { return json }
        var out = String.UnicodeScalarView()
        for scalar in json.unicodeScalars {
            if isControl(scalar) && scalar != "\n" && scalar != "\r" && scalar != "\t" {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }
}
