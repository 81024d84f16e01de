import Foundation
@testable import FMServices
import FMTestSupport
import Testing

/// Crossref's recorded answers, through the real client and a loopback server.
@Suite struct CrossrefClientTests {
    func client(_ server: LoopbackServer, mailto: String? = nil) -> CrossrefClient {
        CrossrefClient(address: URL(string: server.address)!, http: HTTPClient(service: "Crossref", limiter: RateLimiter(interval: 0.01)), mailto: mailto)
    }

    /// The recorded message, as JSON.
    func message(_ doi: String) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: ServiceFixtures.data(ServiceFixtures.crossrefWorks[doi]!)) as? [String: Any]
        return try #require(object?["message"] as? [String: Any])
    }

    @Test(arguments: ["10.1371/journal.pone.0033693", "10.1038/srep16696"])
    func aWorkGivesItsTitleContainerAndEarliestYear(_ doi: String) throws {
        let server = try ServiceFixtures.server()
        let work = try #require(try client(server).work(DOI(doi)!))
        let message = try message(doi)
        #expect(work.title == (message["title"] as? [String])?.first)
        #expect(work.containerTitles.first == (message["container-title"] as? [String])?.first)
        for short in message["short-container-title"] as? [String] ?? [] { #expect(work.containerTitles.contains(short)) }
        let years = ["published-print", "published-online", "issued"].compactMap {
            ((message[$0] as? [String: Any])?["date-parts"] as? [[Int]])?.first?.first
        }
        #expect(work.year == years.min())
        #expect(!work.isPreprint)
    }

    @Test func aDOIThatDoesNotExistIsNotFound() throws {
        let server = try ServiceFixtures.server()
        #expect(try client(server).work(DOI("10.1371/notarealdoi")!) == nil)
        #expect(server.requests.map(\.path) == ["/works/10.1371/notarealdoi"])
    }

    @Test func itAsksWithAMailtoAndHonoursTheRateLimitHeaders() throws {
        let server = try ServiceFixtures.server()
        let crossref = client(server, mailto: "maintainer@example.org")
        _ = try crossref.work(DOI("10.1371/journal.pone.0033693")!)
        let request = try #require(server.requests.first)
        #expect(request.query["mailto"] == "maintainer@example.org")
        #expect(request.headers["user-agent"]?.contains("mailto:maintainer@example.org") == true)
        // The fixture server says 5 requests a second, as Crossref said when recording.
        #expect(crossref.http.limiter?.minimumInterval == 1.0 / 5)
    }
}

extension CrossrefClientTests {
    @Test func aDOIFoundMissingIsRememberedToo() throws {
        let server = try ServiceFixtures.server()
        var crossref = client(server)
        crossref.http.cache = ResponseCache(folder: try TemporaryFolder.make())
        #expect(try crossref.work(DOI("10.1371/notarealdoi")!) == nil)
        #expect(try crossref.work(DOI("10.1371/notarealdoi")!) == nil)
        #expect(server.requests.count == 1)
    }
}
