import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Sends one request and waits for its answer.
public protocol HTTPTransport: Sendable {
    func send(_ request: HTTPRequest, timeout: TimeInterval) throws(TransportError) -> HTTPResponse
}

/// Why no answer came.
public struct TransportError: Error, Sendable, Equatable {
    public var reason: String
    public var timedOut: Bool
}

/// Foundation's URLSession (libcurl underneath on Linux). Redirects are not followed: an answer
/// that points elsewhere is returned as it is, so a credential never travels to another host.
public final class URLSessionTransport: NSObject, HTTPTransport, URLSessionTaskDelegate, @unchecked Sendable {
    private lazy var session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpMaximumConnectionsPerHost = 1
        configuration.urlCache = nil
        configuration.httpCookieStorage = nil
        return URLSession(configuration: configuration, delegate: self, delegateQueue: nil)
    }()
    private let lock = NSLock()

    public override init() {}

    public func send(_ request: HTTPRequest, timeout: TimeInterval) throws(TransportError) -> HTTPResponse {
        var urlRequest = URLRequest(url: request.url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
        urlRequest.httpMethod = request.method
        for (name, value) in request.headers { urlRequest.setValue(value, forHTTPHeaderField: name) }
        urlRequest.httpBody = request.body
        let done = DispatchSemaphore(value: 0)
        let answer = Answer()
        lock.lock()
        let task = session.dataTask(with: urlRequest) { data, response, error in
            answer.set(data, response, error)
            done.signal()
        }
        lock.unlock()
        task.resume()
        done.wait()
        return try answer.read()
    }

    public func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                           newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void) {
        completionHandler(nil)
    }

    /// What the task's completion handler was given, read once it has run.
    private final class Answer: @unchecked Sendable {
        private var data: Data?
        private var response: URLResponse?
        private var error: (any Error)?

        func set(_ data: Data?, _ response: URLResponse?, _ error: (any Error)?) {
            (self.data, self.response, self.error) = (data, response, error)
        }

        func read() throws(TransportError) -> HTTPResponse {
            if let error {
                let code = (error as NSError).code
                throw TransportError(reason: code == NSURLErrorTimedOut ? "no answer in time" : error.localizedDescription,
                                     timedOut: code == NSURLErrorTimedOut)
            }
            guard let http = response as? HTTPURLResponse else { throw TransportError(reason: "not an HTTP answer", timedOut: false) }
            var headers: [String: String] = [:]
            for (name, value) in http.allHeaderFields {
                if let name = name as? String, let value = value as? String { headers[name] = value }
            }
            return HTTPResponse(status: http.statusCode, headers: headers, body: data ?? Data())
        }
    }
}
