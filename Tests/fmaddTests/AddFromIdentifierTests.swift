import Foundation
import FMTestSupport
import Testing

/// `fmadd add --arxiv` and `--doi` against a loopback server answering with recorded responses.
@Suite struct AddFromIdentifierTests {
    /// The title and first-version year of a recorded arXiv entry, read from the fixture itself.
    static func recorded(_ id: String) throws -> (title: String, year: Int) {
        let feed = String(decoding: ServiceFixtures.data(ServiceFixtures.arxivFeeds[id]!), as: UTF8.self)
        let entry = try #require(feed.components(separatedBy: "<entry>").dropFirst().first)
        let title = try #require(entry.firstMatch(of: /<title>([^<]*)<\/title>/)).1
        let year = try #require(entry.firstMatch(of: /<published>(\d{4})/)).1
        return (title.split(whereSeparator: { $0.isWhitespace }).joined(separator: " "), Int(year)!)
    }

    func run(_ arguments: [String], _ repo: GitRepository, _ server: LoopbackServer, cache: URL) throws -> Fmadd.Result {
        try Fmadd.run(["add", "--category", "vfm"] + arguments, in: repo.folder, environment: ServiceFixtures.environment(server, cache: cache), timeout: 60)
    }

    @Test(arguments: ["1707.08567", "1707.08567v1", "arXiv:1707.08567", "https://arxiv.org/abs/1707.08567", "https://arxiv.org/abs/1707.08567v1",
                      "https://arxiv.org/pdf/1707.08567v1", "http://arxiv.org/pdf/1707.08567v1.pdf", "arxiv.org/abs/1707.08567"])
    func anArxivIdOrLinkFillsTheEntry(_ given: String) throws {
        let repo = try GitRepository(list: Paths.healthcareList)
        let server = try ServiceFixtures.server()
        let before = try repo.readmeBytes()
        let result = try run(["--arxiv", given, "--dry-run"], repo, server, cache: try TemporaryFolder.make())
        #expect(result.status == 0, "\(result.stderr)")
        let (title, year) = try Self.recorded("1707.08567")
        let added = result.stdout.split(separator: "\n").filter { $0.hasPrefix("+") && !$0.hasPrefix("+++") }
        #expect(added.contains { $0.contains("[arXiv] \(title)") && $0.contains("[[paper]](https://arxiv.org/abs/1707.08567)") }, "\(result.stdout)")
        #expect(added.contains("+**\(year)**") || result.stdout.contains("**\(year)**"), "\(result.stdout)")
        #expect(try repo.readmeBytes() == before)
        #expect(server.requests.map { $0.query["id_list"] } == ["1707.08567"])
    }

    @Test func theEntryGoesToTheYearOfTheFirstVersion() throws {
        let repo = try GitRepository(list: Paths.healthcareList)
        let server = try ServiceFixtures.server()
        let result = try run(["--arxiv", "1707.08567", "--json", "--no-commit"], repo, server, cache: try TemporaryFolder.make())
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let added = try #require((object["added"] as? [[String: Any]])?.first)
        #expect(added["year"] as? Int == (try Self.recorded("1707.08567")).year)
    }

    @Test func flagsGivenBesideTheIdWin() throws {
        let repo = try GitRepository(list: Paths.healthcareList)
        let server = try ServiceFixtures.server()
        let result = try run(["--arxiv", "1707.08567", "--title", "A title of my own", "--venue", "MICCAI", "--year", "2024",
                              "--code", "https://github.com/o/r", "--dry-run"], repo, server, cache: try TemporaryFolder.make())
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("+- [MICCAI] A title of my own. [[paper]](https://arxiv.org/abs/1707.08567) [[Code]](https://github.com/o/r)"), "\(result.stdout)")
    }

    @Test(arguments: ["0000.0000", "abc", "https://arxiv.org/list/cs.AI"])
    func anUnknownOrMalformedIdExits1NamingIt(_ id: String) throws {
        let repo = try GitRepository(list: Paths.healthcareList)
        let server = try ServiceFixtures.server()
        let before = try repo.readmeBytes()
        let result = try run(["--arxiv", id, "--dry-run"], repo, server, cache: try TemporaryFolder.make())
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains(id), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(try repo.readmeBytes() == before)
    }

    @Test func withTheServiceDownItExits2SayingSo() throws {
        let repo = try GitRepository(list: Paths.healthcareList)
        let server = try ServiceFixtures.server()
        let environment = ServiceFixtures.environment(server, cache: try TemporaryFolder.make())
        server.stop()
        let result = try Fmadd.run(["add", "--category", "vfm", "--arxiv", "1707.08567", "--dry-run"], in: repo.folder, environment: environment, timeout: 60)
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("arXiv cannot be reached"), "\(result.stderr)")
        #expect(result.stderr.contains("--title"), "\(result.stderr)")
    }

    @Test func aBusyServiceIsAskedAgainThenReportedDown() throws {
        let repo = try GitRepository(list: Paths.healthcareList)
        let server = try ServiceFixtures.server(arxivStatus: 503, headers: ["Retry-After": "0"])
        let result = try run(["--arxiv", "1707.08567", "--dry-run"], repo, server, cache: try TemporaryFolder.make())
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("arXiv answered HTTP 503"), "\(result.stderr)")
        #expect(server.requests.count > 1)
    }

    @Test func offlineWithNothingCachedSaysWhatToGiveByHand() throws {
        let repo = try GitRepository(list: Paths.healthcareList)
        let server = try ServiceFixtures.server()
        let result = try run(["--arxiv", "1707.08567", "--offline", "--dry-run"], repo, server, cache: try TemporaryFolder.make())
        #expect(result.status == 2, "\(result.stderr)")
        for hint in ["--offline", "--title", "--year", "--paper https://arxiv.org/abs/1707.08567"] {
            #expect(result.stderr.contains(hint), "\(result.stderr)")
        }
        #expect(server.requests.isEmpty)
    }

    @Test func aSecondRunAsksNothing() throws {
        let repo = try GitRepository(list: Paths.healthcareList)
        let server = try ServiceFixtures.server()
        let cache = try TemporaryFolder.make()
        let first = try run(["--arxiv", "1707.08567", "--dry-run"], repo, server, cache: cache)
        #expect(server.requests.count == 1)
        let second = try run(["--arxiv", "arxiv.org/abs/1707.08567v1", "--dry-run"], repo, server, cache: cache)
        #expect(second.status == 0 && second.stdout == first.stdout, "\(second.stderr)")
        #expect(server.requests.count == 1)
        let offline = try run(["--arxiv", "1707.08567", "--dry-run", "--offline"], repo, server, cache: cache)
        #expect(offline.stdout == first.stdout, "\(offline.stderr)")
    }

    @Test func aDOIWritesTheVenueAsTheListSpellsIt() throws {
        let repo = try GitRepository(list: Paths.healthcareList)
        let server = try ServiceFixtures.server()
        let doi = "10.1038/srep16696"
        let message = try #require(try JSONSerialization.jsonObject(with: ServiceFixtures.data(ServiceFixtures.crossrefWorks[doi]!)) as? [String: Any])["message"] as? [String: Any]
        let containers = (message?["container-title"] as? [String] ?? []) + (message?["short-container-title"] as? [String] ?? [])
        let list = String(decoding: try repo.readmeBytes(), as: UTF8.self)
        // The list names the journal in its own spelling, not Crossref's.
        let venues = list.matches(of: /- \[([^\]]+)\]/).map { String($0.1) }
        let spelling = try #require(venues.first { venue in containers.contains { $0.lowercased() == venue.lowercased() } })
        #expect(!containers.contains(spelling))
        let result = try run(["--doi", "https://doi.org/" + doi, "--dry-run"], repo, server, cache: try TemporaryFolder.make())
        #expect(result.status == 0, "\(result.stderr)")
        let title = try #require((message?["title"] as? [String])?.first)
        #expect(result.stdout.contains("+- [\(spelling)] \(title)"), "\(result.stdout)")
        #expect(result.stdout.contains("[[paper]](https://doi.org/\(doi))"), "\(result.stdout)")
        #expect(server.requests.first?.path == "/works/" + doi)
    }

    @Test func anUnknownDOIExits1NamingIt() throws {
        let repo = try GitRepository(list: Paths.healthcareList)
        let server = try ServiceFixtures.server()
        let result = try run(["--doi", "10.1371/notarealdoi", "--dry-run"], repo, server, cache: try TemporaryFolder.make())
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("10.1371/notarealdoi"), "\(result.stderr)")
    }

    @Test func aServiceAddressOverPlainHTTPToAnotherHostIsRefused() throws {
        let repo = try GitRepository(list: Paths.healthcareList)
        let result = try Fmadd.run(["add", "--category", "vfm", "--arxiv", "1707.08567", "--dry-run"], in: repo.folder,
                                   environment: ["FMADD_ARXIV_API": "http://export.arxiv.org/api/query"], timeout: 60)
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("FMADD_ARXIV_API"), "\(result.stderr)")
    }

    @Test func crossrefIsGivenTheConfiguredMailtoElseGitsEmail() throws {
        let repo = try GitRepository(list: Paths.healthcareList)
        let server = try ServiceFixtures.server()
        let email = try repo.git("config", "user.email").trimmingCharacters(in: .whitespacesAndNewlines)
        _ = try run(["--doi", "10.1038/srep16696", "--dry-run"], repo, server, cache: try TemporaryFolder.make())
        try Data("mailto: maintainers@example.org\n".utf8).write(to: repo.folder.appendingPathComponent(".fmadd.yml"))
        _ = try run(["--doi", "10.1038/srep16696", "--dry-run"], repo, server, cache: try TemporaryFolder.make())
        #expect(server.requests.map { $0.query["mailto"] } == [email, "maintainers@example.org"])
        #expect(server.requests.allSatisfy { $0.headers["user-agent"]?.contains("mailto:") == true })
    }

    @Test func aBioRxivDOIIsAPreprintOfBioRxiv() throws {
        let repo = try GitRepository(list: Paths.healthcareList)
        let server = try ServiceFixtures.server()
        let doi = "10.1101/014852"
        let message = try #require(try JSONSerialization.jsonObject(with: ServiceFixtures.data(ServiceFixtures.crossrefWorks[doi]!)) as? [String: Any])["message"] as? [String: Any]
        #expect(message?["type"] as? String == "posted-content")
        let preprintServer = try #require((message?["institution"] as? [[String: Any]])?.first?["name"] as? String)
        let title = try #require((message?["title"] as? [String])?.first)
        let result = try run(["--doi", "https://www.biorxiv.org/content/\(doi)v1", "--dry-run"], repo, server, cache: try TemporaryFolder.make())
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("+- [\(preprintServer)] \(title.split(whereSeparator: { $0.isWhitespace }).joined(separator: " "))"), "\(result.stdout)")
    }
}
