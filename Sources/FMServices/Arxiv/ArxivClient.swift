import Foundation

/// arXiv's query API (`FMADD_ARXIV_API`, default `https://export.arxiv.org/api/query`): asked
/// once every three seconds, one connection at a time, as its terms ask.
public struct ArxivClient: Sendable {
    public static let variable = "FMADD_ARXIV_API"
    public static let defaultAddress = "https://export.arxiv.org/api/query"
    /// The most ids asked in one request.
    public static let batch = 50

    public var address: URL
    public var http: HTTPClient

    public init(address: URL, http: HTTPClient) {
        self.address = address
        self.http = http
    }

    /// A client at the address the environment names, limited to one request every 3 seconds.
    public static func configured(environment: [String: String] = ProcessInfo.processInfo.environment, cache: ResponseCache?,
                                  offline: Bool) throws(ServiceError) -> ArxivClient {
        let address = try ServiceAddress.resolve(variable: variable, default: defaultAddress, environment: environment)
        return ArxivClient(address: address, http: HTTPClient(service: "arXiv", limiter: RateLimiter(interval: 3), cache: cache, offline: offline))
    }

    /// The entries of `ids` that arXiv knows, by id; an id it does not know is left out.
    public func entries(_ ids: [ArxivID]) throws(ServiceError) -> [ArxivID: ArxivEntry] {
        var found: [ArxivID: ArxivEntry] = [:]
        var start = 0
        while start < ids.count {
            let chunk = Array(ids[start..<min(ids.count, start + Self.batch)])
            start += Self.batch
            for entry in try ask(chunk) { found[entry.id] = entry }
        }
        return found
    }

    private func ask(_ ids: [ArxivID]) throws(ServiceError) -> [ArxivEntry] {
        var components = URLComponents(url: address, resolvingAgainstBaseURL: false)!
        components.queryItems = (components.queryItems ?? []) + [
            URLQueryItem(name: "id_list", value: ids.map(\.value).joined(separator: ",")),
            URLQueryItem(name: "max_results", value: String(ids.count)),
        ]
        guard let url = components.url else { throw .badAddress(address.absoluteString, variable: Self.variable) }
        return try entriesOfFeed(try http.send(HTTPRequest(url: url, headers: ["Accept": "application/atom+xml"])))
    }

    /// The entries of arXiv's answer; its error entry as a refusal.
    func entriesOfFeed(_ response: HTTPResponse) throws(ServiceError) -> [ArxivEntry] {
        guard response.isSuccess || response.status == 400 else { throw .failed(service: "arXiv", status: response.status) }
        let (entries, error) = try ArxivEntry.read(feed: [UInt8](response.body))
        if let error { throw .rejected(service: "arXiv", message: error) }
        if response.status == 400 { throw .rejected(service: "arXiv", message: "HTTP 400") }
        return entries
    }
}
