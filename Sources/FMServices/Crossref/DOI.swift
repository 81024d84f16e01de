/// A DOI (`10.1038/s41591-024-02857-3`), read from itself, `doi:…`, a `doi.org` link with or
/// without a scheme, or a bioRxiv or medRxiv page (`biorxiv.org/content/10.1101/…v1`).
public struct DOI: Hashable, Sendable, CustomStringConvertible {
    public let value: String

    public init?(_ text: String) {
        var rest = Substring(text.trimmingCharacters(in: .whitespacesAndNewlines))
        for prefix in ["https://", "http://"] where rest.lowercased().hasPrefix(prefix) { rest = rest.dropFirst(prefix.count) }
        for prefix in ["www.", "dx."] where rest.lowercased().hasPrefix(prefix) { rest = rest.dropFirst(prefix.count) }
        let lower = rest.lowercased()
        if lower.hasPrefix("doi.org/") {
            rest = rest.dropFirst("doi.org/".count)
        } else if lower.hasPrefix("doi:") {
            rest = rest.dropFirst(4)
        } else if lower.hasPrefix("biorxiv.org/content/") || lower.hasPrefix("medrxiv.org/content/") {
            rest = rest.drop { $0 != "/" }.dropFirst().drop { $0 != "/" }.dropFirst()
            rest = rest.prefix { $0 != "?" && $0 != "#" }
            if let match = rest.firstMatch(of: /^(10\.1101\/[0-9.]+)(?:v\d+)?/) { rest = match.1 }
        }
        rest = rest.prefix { $0 != "?" && $0 != "#" && !$0.isWhitespace }
        guard rest.wholeMatch(of: /10\.\d{4,9}\/\S+/) != nil else { return nil }
        value = String(rest)
    }

    /// `https://doi.org/…`.
    public var link: String { "https://doi.org/" + value }

    /// A DOI that bioRxiv or medRxiv gave (they share the prefix `10.1101/` with Cold Spring Harbor's journals).
    public var isPreprintServers: Bool { value.hasPrefix("10.1101/") }

    public var description: String { value }
}
