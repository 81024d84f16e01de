import Foundation

/// Why a service could not answer. Each message names the service and says what to do next.
public enum ServiceError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A service address (from `variable`) that is not https, nor plain http to a loopback address.
    case badAddress(String, variable: String)
    /// The service could not be reached, or did not answer in time.
    case unreachable(service: String, address: String, reason: String)
    /// The service answered with an error status, after the retries it allows.
    case failed(service: String, status: Int)
    /// The service answered with something that is not what it should send.
    case malformed(service: String, reason: String)
    /// The service refused the request as wrong (a malformed identifier).
    case rejected(service: String, message: String)
    /// `--offline` was given and the answer is not in the cache.
    case offline(service: String, address: String)

    public var description: String {
        switch self {
        case .badAddress(let address, let variable):
            return "\(variable) is \(address): give an https address, or plain http to a loopback address (127.0.0.1, ::1, localhost)"
        case .unreachable(let service, let address, let reason):
            return "\(service) cannot be reached at \(address) (\(reason)); it may be down: try again later"
        case .failed(let service, let status):
            return "\(service) answered HTTP \(status)\(status >= 500 || status == 429 ? " (it is down or busy)" : ""); try again later"
        case .malformed(let service, let reason):
            return "\(service) sent an answer that cannot be read (\(reason)); try again later"
        case .rejected(let service, let message):
            return "\(service) refused the request: \(message)"
        case .offline(let service, _):
            return "\(service) is not asked with --offline, and its answer is not in the cache"
        }
    }

    /// The service is down, busy or unreachable: nothing the user gave is wrong.
    public var isServiceDown: Bool {
        switch self {
        case .unreachable, .failed, .malformed: return true
        case .badAddress, .rejected, .offline: return false
        }
    }
}
