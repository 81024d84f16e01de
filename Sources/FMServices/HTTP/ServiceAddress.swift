import Foundation

/// Where a service is: its default address, or the one an environment variable names (for a
/// mirror, or a loopback server in tests), accepted over https or plain http to loopback only.
public enum ServiceAddress {
    public static func resolve(variable: String, default fallback: String,
                               environment: [String: String] = ProcessInfo.processInfo.environment) throws(ServiceError) -> URL {
        let text = environment[variable].flatMap { $0.isEmpty ? nil : $0 } ?? fallback
        guard let url = URL(string: text), isAllowed(url) else { throw .badAddress(text, variable: variable) }
        return url
    }

    /// https anywhere, plain http to a loopback address only.
    public static func isAllowed(_ url: URL) -> Bool {
        guard let scheme = url.scheme?.lowercased(), let host = url.host, !host.isEmpty else { return false }
        return scheme == "https" || (scheme == "http" && isLoopback(host))
    }

    public static func isLoopback(_ host: String) -> Bool {
        let host = host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        if host == "localhost" || host == "::1" { return true }
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { UInt8($0) != nil }
    }
}

/// A secret sent as one header, to one host only, over https (or to loopback, for tests).
/// Its description never shows the secret.
public struct Credential: Sendable, CustomStringConvertible {
    public var host: String
    public var header: String
    var value: String

    public init(host: String, header: String = "Authorization", value: String) {
        self.host = host.lowercased()
        self.header = header
        self.value = value
    }

    /// Whether `url` may carry it: its own host, over https or to loopback.
    public func belongs(to url: URL) -> Bool {
        guard let host = url.host?.lowercased(), host == self.host, let scheme = url.scheme?.lowercased() else { return false }
        return scheme == "https" || (scheme == "http" && ServiceAddress.isLoopback(host))
    }

    public var description: String { "\(header) for \(host) (hidden)" }
}
