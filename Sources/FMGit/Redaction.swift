/// Hides the credentials that URLs carry (`https://user:password@host/…`) before any text that
/// may hold one is shown: an error message, a remote's URL, libgit2's own message text.
public enum Redaction {
    /// What a hidden credential is replaced with.
    public static let mask = "***"

    /// A user name at least this long, given without a password, is taken for a token
    /// (`https://ghp_…@github.com/…`): GitHub's tokens are 40 characters and more.
    static let tokenLikeLength = 20
    /// Prefixes of the tokens GitHub and GitLab issue, hidden whatever their length.
    static let tokenPrefixes = ["ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_", "glpat-"]

    /// `url` with the password of its user information replaced by `***`, and the whole user
    /// information when it has no password but looks like a token; other URLs as they are.
    public static func url(_ url: String) -> String {
        text(url)
    }

    /// `text` with every URL in it redacted as `url(_:)` does.
    public static func text(_ text: String) -> String {
        guard text.contains("://") else { return text }
        var result = ""
        var rest = Substring(text)
        while let separator = rest.range(of: "://") {
            result += rest[..<separator.upperBound]
            rest = rest[separator.upperBound...]
            let authority = rest.prefix { !isAuthorityEnd($0) }
            rest = rest.dropFirst(authority.count)
            result += redactedAuthority(authority)
        }
        return result + rest
    }

    /// `[userinfo@]host[:port]` with the credential of the user information hidden.
    private static func redactedAuthority(_ authority: Substring) -> String {
        guard let at = authority.lastIndex(of: "@") else { return String(authority) }
        let userinfo = authority[..<at]
        let host = authority[at...]
        if let colon = userinfo.firstIndex(of: ":") {
            return String(userinfo[..<colon]) + ":" + mask + String(host)
        }
        return (looksLikeToken(userinfo) ? mask : String(userinfo)) + String(host)
    }

    static func looksLikeToken(_ user: Substring) -> Bool {
        user.count >= tokenLikeLength || tokenPrefixes.contains { user.lowercased().hasPrefix($0) }
    }

    private static func isAuthorityEnd(_ character: Character) -> Bool {
        character == "/" || character == "?" || character == "#" || character.isWhitespace
            || character == ")" || character == "'" || character == "\"" || character == "`" || character == ">"
    }
}

/// The parts of a remote's URL that decide where a credential may go.
struct RemoteURL: Equatable {
    /// Lower case, without `://`.
    let scheme: String
    /// Lower case, without user information, port or the brackets of an IPv6 address.
    let host: String

    /// nil for a URL without `scheme://` (a path, scp-like `git@host:repo`).
    init?(_ url: String) {
        guard let separator = url.range(of: "://") else { return nil }
        let scheme = url[..<separator.lowerBound]
        guard !scheme.isEmpty, scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) })
        else { return nil }
        let authority = url[separator.upperBound...].prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        let hostAndPort = authority.lastIndex(of: "@").map { authority[authority.index(after: $0)...] } ?? authority
        let host: Substring
        if hostAndPort.hasPrefix("["), let close = hostAndPort.firstIndex(of: "]") {
            host = hostAndPort[hostAndPort.index(after: hostAndPort.startIndex)..<close]
        } else {
            host = hostAndPort.prefix { $0 != ":" }
        }
        self.scheme = scheme.lowercased()
        self.host = host.lowercased()
    }
}
