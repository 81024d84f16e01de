/// An arXiv identifier without its version: `2507.05201`, or old style `astro-ph/0601001`. Read
/// from an id (`arXiv:2507.05201v2`) or a link to its page or PDF, with or without a scheme.
public struct ArxivID: Hashable, Sendable, CustomStringConvertible {
    public let value: String

    public init?(_ text: String) {
        var rest = Substring(text.trimmingCharacters(in: .whitespacesAndNewlines))
        for prefix in ["https://", "http://"] where rest.lowercased().hasPrefix(prefix) { rest = rest.dropFirst(prefix.count) }
        for prefix in ["www.", "export."] where rest.lowercased().hasPrefix(prefix) { rest = rest.dropFirst(prefix.count) }
        if rest.lowercased().hasPrefix("arxiv.org/") {
            rest = rest.dropFirst("arxiv.org/".count)
            guard let slash = rest.firstIndex(of: "/"), ["abs", "pdf", "html"].contains(rest[..<slash].lowercased()) else { return nil }
            rest = rest[rest.index(after: slash)...]
            rest = rest.prefix { $0 != "?" && $0 != "#" }
            if rest.hasSuffix("/") { rest = rest.dropLast() }
            if rest.lowercased().hasSuffix(".pdf") { rest = rest.dropLast(4) }
        } else if rest.lowercased().hasPrefix("arxiv:") {
            rest = rest.dropFirst("arxiv:".count)
        }
        let id = String(rest)
        if let match = id.wholeMatch(of: /(\d{4}\.\d{4,5})(?:v\d+)?/) {
            value = String(match.1)
        } else if let match = id.wholeMatch(of: /([a-z][a-z\-]*(?:\.[A-Za-z]{2})?\/\d{7})(?:v\d+)?/) {
            value = String(match.1)
        } else {
            return nil
        }
    }

    /// The paper's page: `https://arxiv.org/abs/…`.
    public var page: String { "https://arxiv.org/abs/" + value }

    public var description: String { value }
}
