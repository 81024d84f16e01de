/// A link as a contributor pastes it, made the link it means: `github.com/a/b` and
/// `www.example.org/x` get their `https://`, and a link pasted with what wrapped it (`<…>`,
/// `(…)`, or a whole Markdown link `[text](…)`) loses the wrapping. Anything else is left as it
/// is, for the schema to judge: nothing here guesses a link out of text.
public enum LinkCompletion {
    /// The link `given` means, when it is not already written so; nil when it is, or when no
    /// link can be read from it.
    public static func completed(_ given: String) -> String? {
        let unwrapped = unwrap(given)
        let completed = withScheme(unwrapped)
        return completed == given ? nil : completed
    }

    /// `example.org/paper` as `https://example.org/paper`: a host (letters, digits, dots and
    /// hyphens, with a dot) before the first slash, and no scheme; anything else as it is
    /// (`http:github.com/a` names no host, and stays for the schema to refuse).
    static func withScheme(_ link: String) -> String {
        guard !link.contains("://"), let slash = link.firstIndex(of: "/") else { return link }
        let host = link[..<slash]
        let isHost = host.contains(".") && host.first != "." && host.last != "."
            && host.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "." || $0 == "-") }
        return isHost && !link.contains(where: \.isWhitespace) ? "https://" + link : link
    }

    /// The link inside `<…>`, `(…)` or `[text](…)`, when what is inside is an http(s) link.
    static func unwrap(_ given: String) -> String {
        var text = Substring(given)
        if text.hasPrefix("["), let close = text.range(of: "]("), text.hasSuffix(")") {
            text = text[close.upperBound..<text.index(before: text.endIndex)]
        } else if (text.hasPrefix("<") && text.hasSuffix(">")) || (text.hasPrefix("(") && text.hasSuffix(")")) {
            text = text.dropFirst().dropLast()
        }
        let inner = String(text)
        let isLink = (inner.hasPrefix("https://") || inner.hasPrefix("http://")) && !inner.contains(where: \.isWhitespace)
        return isLink ? inner : given
    }
}
