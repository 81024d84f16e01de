import Foundation
@testable import FMServices
import FMTestSupport
import Testing

/// arXiv's recorded feeds, through the real client and a loopback server.
@Suite struct ArxivClientTests {
    func client(_ server: LoopbackServer, cache: ResponseCache? = nil, clock: any ServiceClock = SystemClock(),
                transport: any HTTPTransport = URLSessionTransport()) -> ArxivClient {
        var http = HTTPClient(service: "arXiv", transport: transport, limiter: RateLimiter(interval: 3), cache: cache)
        http.clock = clock
        return ArxivClient(address: URL(string: server.address + "/api/query")!, http: http)
    }

    /// The feed's fields, read with the fixture's own text as the expectation.
    static func field(_ name: String, of id: String, in file: String) -> String? {
        let feed = String(decoding: ServiceFixtures.data(file), as: UTF8.self)
        guard let entry = feed.components(separatedBy: "<entry>").first(where: { $0.contains("/abs/\(id)v") }),
              let start = entry.range(of: "<\(name)>"), let end = entry.range(of: "</\(name)>") else { return nil }
        return entry[start.upperBound..<end.lowerBound].split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    @Test func oneIdGivesItsTitleAndTheYearOfItsFirstVersion() throws {
        let server = try ServiceFixtures.server()
        let id = try #require(ArxivID("1707.08567"))
        let entry = try #require(try client(server).entries([id])[id])
        let file = ServiceFixtures.arxivFeeds["1707.08567"]!
        #expect(entry.title == Self.field("title", of: "1707.08567", in: file))
        #expect(entry.year.map(String.init) == Self.field("published", of: "1707.08567", in: file).map { String($0.prefix(4)) })
        #expect(entry.journalRef == nil)
        #expect(server.requests.map(\.query["id_list"]) == ["1707.08567"])
    }

    @Test func manyIdsAreAskedInOneRequestAndAnUnknownOneIsLeftOut() throws {
        let server = try ServiceFixtures.server()
        let ids = ["0808.05394", "1707.08567"].compactMap(ArxivID.init)
        let found = try client(server).entries(ids)
        let file = ServiceFixtures.arxivFeeds["0808.05394,1707.08567"]!
        let recorded = ids.filter { Self.field("title", of: $0.value, in: file) != nil }
        #expect(Set(found.keys) == Set(recorded))
        #expect(found.count < ids.count, "the recorded feed has no entry for one of the ids")
        #expect(server.requests.count == 1)
    }

    @Test func anIdThatDoesNotExistIsNotFound() throws {
        let server = try ServiceFixtures.server()
        let id = try #require(ArxivID("0000.0000"))
        #expect(try client(server).entries([id]).isEmpty)
    }

    @Test func aMalformedIdIsRefusedWithArxivsMessage() throws {
        let server = try ServiceFixtures.server()
        // The client never sends "abc" (it is no ArxivID); asked raw, arXiv's answer is an error entry.
        var http = HTTPClient(service: "arXiv")
        http.policy.retries = 0
        let response = try http.send(HTTPRequest(url: URL(string: server.address + "/api/query?id_list=abc")!))
        #expect(response.status == 400)
        let feed = String(decoding: ServiceFixtures.data("arxiv/id-abc.xml"), as: UTF8.self)
        let message = try #require(feed.firstMatch(of: /<summary>([^<]*)<\/summary>/)).1
        #expect(throws: ServiceError.rejected(service: "arXiv", message: String(message))) {
            _ = try ArxivClient(address: URL(string: server.address + "/api/query")!, http: http).entriesOfFeed(response)
        }
    }

    @Test func anOldStyleIdHasItsJournalReference() throws {
        let server = try ServiceFixtures.server()
        let id = try #require(ArxivID("astro-ph/0601001"))
        let entry = try #require(try client(server).entries([id])[id])
        #expect(entry.journalRef == Self.field("arxiv:journal_ref", of: "astro-ph/0601001", in: ServiceFixtures.arxivFeeds["astro-ph/0601001"]!))
        #expect(entry.journalRef != nil)
    }

    @Test func entriesWithADOIGiveIt() throws {
        let file = "arxiv/query-testing.xml"
        let feed = String(decoding: ServiceFixtures.data(file), as: UTF8.self)
        let ids = feed.components(separatedBy: "<id>http://arxiv.org/abs/").dropFirst().compactMap { ArxivID(String($0.prefix { $0 != "<" })) }
        let withDOI = ids.filter { Self.field("arxiv:doi", of: $0.value, in: file) != nil }
        #expect(!withDOI.isEmpty)
        let server = try ServiceFixtures.server()
        let found = try client(server).entries(withDOI)
        for id in withDOI {
            #expect(found[id]?.doi == Self.field("arxiv:doi", of: id.value, in: file))
            #expect(found[id]?.journalRef == Self.field("arxiv:journal_ref", of: id.value, in: file))
        }
    }

    @Test func requestsToArxivAreAtLeastThreeSecondsApartAndOneAtATime() throws {
        let server = try ServiceFixtures.server()
        let clock = FakeClock(), times = TimeLog()
        let arxiv = client(server, clock: clock, transport: TimedTransport(clock: clock, times: times))
        for (k, text) in ["1707.08567", "astro-ph/0601001", "0000.0000"].enumerated() {
            clock.advance(Double(k) * 0.5)
            _ = try arxiv.entries([ArxivID(text)!])
        }
        let sent = times.all
        #expect(sent.count == 3)
        for (earlier, later) in zip(sent, sent.dropFirst()) { #expect(later - earlier >= 3) }
        #expect(server.mostConnectionsAtOnce == 1)
    }

    @Test func aCachedAnswerMakesNoRequest() throws {
        let server = try ServiceFixtures.server()
        let cache = ResponseCache(folder: try TemporaryFolder.make())
        let id = try #require(ArxivID("1707.08567"))
        let first = try client(server, cache: cache).entries([id])
        #expect(server.requests.count == 1)
        let second = try client(server, cache: cache).entries([id])
        #expect(second == first)
        #expect(server.requests.count == 1)
        var offline = client(server, cache: cache)
        offline.http.offline = true
        #expect(try offline.entries([id]) == first)
        #expect(server.requests.count == 1)
    }

    @Test func anAnswerOlderThanTheAgeLimitIsAskedAgain() throws {
        let server = try ServiceFixtures.server()
        let folder = try TemporaryFolder.make()
        let id = try #require(ArxivID("1707.08567"))
        _ = try client(server, cache: ResponseCache(folder: folder)).entries([id])
        _ = try client(server, cache: ResponseCache(folder: folder, maxAge: -1)).entries([id])
        #expect(server.requests.count == 2)
    }

    @Test func offlineWithNothingCachedAsksNothing() throws {
        let server = try ServiceFixtures.server()
        var arxiv = client(server, cache: ResponseCache(folder: try TemporaryFolder.make()))
        arxiv.http.offline = true
        #expect {
            _ = try arxiv.entries([ArxivID("1707.08567")!])
        } throws: { error in
            if case .offline = error as? ServiceError { return true } else { return false }
        }
        #expect(server.requests.isEmpty)
    }
}
