import Foundation
@testable import FMServices
import FMTestSupport
import Testing

/// The HTTP layer against a loopback server: retries, waits, credentials, addresses.
@Suite struct HTTPClientTests {
    /// A server that answers `statuses` in turn (then 200), each with `headers`.
    func server(_ statuses: [Int], headers: [String: String] = [:]) throws -> LoopbackServer {
        let turn = Counter()
        return try LoopbackServer { _ in
            let k = turn.next()
            return k < statuses.count ? .init(status: statuses[k], headers: headers, body: Data("busy".utf8)) : .text("done")
        }
    }

    func client(clock: FakeClock) -> HTTPClient {
        var http = HTTPClient(service: "Test")
        http.clock = clock
        return http
    }

    @Test func a503IsTriedAgainAfterTheRetryAfterItNames() throws {
        let server = try server([503, 503], headers: ["Retry-After": "7"])
        let clock = FakeClock()
        let response = try client(clock: clock).send(HTTPRequest(url: URL(string: server.address + "/x")!))
        #expect(response.status == 200 && String(decoding: response.body, as: UTF8.self) == "done")
        #expect(server.requests.count == 3)
        #expect(clock.slept == [7, 7])
    }

    @Test func a429WithoutRetryAfterWaitsLongerEachTime() throws {
        let server = try server([429, 429, 429])
        let clock = FakeClock()
        var http = client(clock: clock)
        http.policy.backoff = 2
        _ = try http.send(HTTPRequest(url: URL(string: server.address + "/x")!))
        #expect(clock.slept == [2, 4, 8])
    }

    @Test func afterItsRetriesTheClientSaysTheServiceIsDown() throws {
        let server = try server([503, 503, 503, 503, 503])
        let clock = FakeClock()
        var http = client(clock: clock)
        http.policy.retries = 2
        #expect(throws: ServiceError.failed(service: "Test", status: 503)) {
            _ = try http.send(HTTPRequest(url: URL(string: server.address + "/x")!))
        }
        #expect(server.requests.count == 3)
    }

    @Test func aRetryAfterLongerThanTheLongestWaitEndsTheTries() throws {
        let server = try server([429], headers: ["Retry-After": "3600"])
        let clock = FakeClock()
        #expect(throws: ServiceError.failed(service: "Test", status: 429)) {
            _ = try client(clock: clock).send(HTTPRequest(url: URL(string: server.address + "/x")!))
        }
        #expect(clock.slept.isEmpty && server.requests.count == 1)
    }

    @Test func retryAfterMayBeAnHTTPDate() {
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        #expect(HTTPClient.retryAfter("Tue, 14 Nov 2023 22:13:40 GMT", now: now) == 20)
        #expect(HTTPClient.retryAfter("12", now: now) == 12)
        #expect(HTTPClient.retryAfter("soon", now: now) == nil)
    }

    @Test func aClosedPortIsUnreachableAndNamed() throws {
        let server = try server([])
        let address = server.address
        server.stop()
        #expect {
            _ = try HTTPClient(service: "Test").send(HTTPRequest(url: URL(string: address + "/x?secret=1")!))
        } throws: { error in
            guard case .unreachable(let service, let shown, _) = error as? ServiceError else { return false }
            return service == "Test" && shown == address + "/x"
        }
    }

    @Test func aCredentialGoesOnlyToItsHost() throws {
        let server = try server([])
        var http = HTTPClient(service: "Test", credential: Credential(host: "127.0.0.1", value: "token s3cret"))
        _ = try http.send(HTTPRequest(url: URL(string: server.address + "/mine")!))
        http.credential = Credential(host: "api.github.com", value: "token s3cret")
        _ = try http.send(HTTPRequest(url: URL(string: server.address + "/other")!))
        #expect(server.requests.map { $0.headers["authorization"] } == ["token s3cret", nil])
        #expect(!"\(Credential(host: "api.github.com", value: "token s3cret"))".contains("s3cret"))
    }

    @Test func aCredentialIsNeverSentOverPlainHTTPToAnotherHost() {
        let credential = Credential(host: "api.github.com", value: "t")
        #expect(credential.belongs(to: URL(string: "https://api.github.com/repos")!))
        #expect(!credential.belongs(to: URL(string: "http://api.github.com/repos")!))
        #expect(!credential.belongs(to: URL(string: "https://api.github.com.evil.org/repos")!))
    }

    @Test(arguments: [
        ("https://export.arxiv.org/api/query", true), ("http://127.0.0.1:8080/api", true), ("http://localhost:1/x", true),
        ("http://[::1]:9/x", true), ("http://export.arxiv.org/api/query", false), ("http://127.0.0.1.evil.org/x", false),
        ("ftp://127.0.0.1/x", false), ("file:///etc/passwd", false),
    ])
    func anAddressIsHTTPSOrLoopback(_ address: String, _ allowed: Bool) {
        let resolved = try? ServiceAddress.resolve(variable: "FMADD_ARXIV_API", default: "https://x.org", environment: ["FMADD_ARXIV_API": address])
        #expect((resolved != nil) == allowed)
    }

    @Test func aRefusedAddressIsNeverAsked() throws {
        #expect(throws: ServiceError.self) {
            _ = try HTTPClient(service: "Test").send(HTTPRequest(url: URL(string: "http://example.org/x")!))
        }
    }
}

final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func next() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value - 1
    }
}
