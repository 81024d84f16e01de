import Foundation

/// Crossref's REST API (`FMADD_CROSSREF_API`, default `https://api.crossref.org`), asked with a
/// `mailto` when one is known (its "polite" pool) and no faster than its rate-limit headers say.
public struct CrossrefClient: Sendable {
    public static let variable = "FMADD_CROSSREF_API"
    public static let defaultAddress = "https://api.crossref.org"

    public var address: URL
    public var http: HTTPClient
    public var mailto: String?

    public init(address: URL, http: HTTPClient, mailto: String?) {
        self.address = address
        self.http = http
        self.mailto = mailto
        if let mailto { self.http.userAgent = "fmadd (mailto:\(mailto))" }
    }

    public static func configured(environment: [String: String] = ProcessInfo.processInfo.environment, cache: ResponseCache?,
                                  offline: Bool, mailto: String?) throws(ServiceError) -> CrossrefClient {
        let address = try ServiceAddress.resolve(variable: variable, default: defaultAddress, environment: environment)
        return CrossrefClient(address: address, http: HTTPClient(service: "Crossref", limiter: RateLimiter(interval: 0.05), cache: cache, offline: offline),
                              mailto: mailto)
    }

    /// The work `doi` names, or nil when Crossref has none.
    public func work(_ doi: DOI) throws(ServiceError) -> CrossrefWork? {
        let path = doi.value.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "?#;"))) ?? doi.value
        var text = address.absoluteString
        while text.hasSuffix("/") { text.removeLast() }
        text += "/works/" + path
        if let mailto, let encoded = mailto.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "@.-_+"))) {
            text += "?mailto=" + encoded
        }
        guard let url = URL(string: text) else { throw .badAddress(address.absoluteString, variable: Self.variable) }
        let response = try http.send(HTTPRequest(url: url, headers: ["Accept": "application/json"]))
        if response.status == 404 { return nil }
        guard response.isSuccess else { throw .failed(service: "Crossref", status: response.status) }
        return try CrossrefWork.read(response.body, doi: doi)
    }
}
