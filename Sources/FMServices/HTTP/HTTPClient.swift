import Foundation

/// A client of one service: its address policy, its credential, a rate limit, retries on 429
/// and 503 (as long as `Retry-After` says, else with growing waits), timeouts and a disk cache.
public struct HTTPClient: Sendable {
    public struct Policy: Sendable {
        /// Seconds to wait for an answer.
        public var timeout: TimeInterval = 30
        /// Tries after the first, on 429, 503 or no answer in time.
        public var retries = 3
        /// The first wait between tries when the service names none; doubled each time.
        public var backoff: TimeInterval = 2
        /// The longest wait between tries; a longer `Retry-After` ends the tries.
        public var longestWait: TimeInterval = 60

        public init() {}
    }

    /// The service's name in messages (`arXiv`, `Crossref`).
    public var service: String
    public var transport: any HTTPTransport
    public var policy = Policy()
    public var limiter: RateLimiter?
    public var clock: any ServiceClock = SystemClock()
    public var cache: ResponseCache?
    /// Answer from the cache only; never touch the network.
    public var offline = false
    public var credential: Credential?
    public var userAgent = "fmadd"

    public init(service: String, transport: any HTTPTransport = URLSessionTransport(), limiter: RateLimiter? = nil,
                cache: ResponseCache? = nil, offline: Bool = false, credential: Credential? = nil) {
        self.service = service
        self.transport = transport
        self.limiter = limiter
        self.cache = cache
        self.offline = offline
        self.credential = credential
    }

    /// The answer to `request`: a GET from the cache when it holds one, else from the service.
    /// Only GETs without a credential are cached, when they succeed or find nothing (404).
    public func send(_ request: HTTPRequest) throws(ServiceError) -> HTTPResponse {
        let address = Self.shown(request.url)
        guard ServiceAddress.isAllowed(request.url) else { throw .badAddress(address, variable: "the address of \(service)") }
        let cacheable = request.method == "GET" && credential == nil
        if cacheable, let cached = cache?.response(for: request.url) { return cached }
        if offline { throw .offline(service: service, address: address) }
        var request = request
        if request.header("User-Agent") == nil { request.headers["User-Agent"] = userAgent }
        if let credential, credential.belongs(to: request.url) { request.headers[credential.header] = credential.value }
        var wait = policy.backoff
        for attempt in 0...policy.retries {
            let outcome: Result<HTTPResponse, TransportError>
            if let limiter {
                outcome = limiter.run(clock: clock) { Result { () throws(TransportError) in try transport.send(request, timeout: policy.timeout) } }
            } else {
                outcome = Result { () throws(TransportError) in try transport.send(request, timeout: policy.timeout) }
            }
            let last = attempt == policy.retries
            switch outcome {
            case .failure(let error):
                if !error.timedOut || last { throw .unreachable(service: service, address: address, reason: error.reason) }
            case .success(let response):
                if let limiter, let interval = Self.crossrefInterval(response) { limiter.slow(to: interval) }
                guard response.status == 429 || response.status == 503 else {
                    if cacheable && (response.status == 200 || response.status == 404) { cache?.store(response, for: request.url) }
                    return response
                }
                let asked = Self.retryAfter(response.header("Retry-After"), now: Date())
                if last || (asked ?? 0) > policy.longestWait { throw .failed(service: service, status: response.status) }
                if let asked { wait = asked }
            }
            clock.sleep(wait)
            wait = min(wait * 2, policy.longestWait)
        }
        throw .failed(service: service, status: 503)
    }

    /// `Retry-After` as seconds: a number, or an HTTP date.
    static func retryAfter(_ value: String?, now: Date) -> TimeInterval? {
        guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        if let seconds = Double(value) { return max(0, seconds) }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return formatter.date(from: value).map { max(0, $0.timeIntervalSince(now)) }
    }

    /// Crossref says how often it may be asked: `X-Rate-Limit-Limit: 50`, `X-Rate-Limit-Interval: 1s`.
    static func crossrefInterval(_ response: HTTPResponse) -> TimeInterval? {
        guard let limit = response.header("X-Rate-Limit-Limit").flatMap({ Double($0) }), limit > 0,
              let text = response.header("X-Rate-Limit-Interval"), text.hasSuffix("s"),
              let seconds = Double(text.dropLast()) else { return nil }
        return seconds / limit
    }

    /// The address without its query, as messages show it.
    static func shown(_ url: URL) -> String {
        var components = URLComponents(url: url, resolvingAgainstBaseURL: false)
        components?.query = nil
        components?.user = nil
        components?.password = nil
        return components?.string ?? url.absoluteString
    }
}
