import Foundation
import FMTestSupport
import Testing

/// `fmadd refresh` on a fixture list whose arXiv entries the loopback server answers from recorded feeds.
@Suite struct RefreshCommandTests {
    static let list = Paths.fixtures.appendingPathComponent("refresh-list.md")

    /// What the recorded feeds say of an arXiv id: its title, journal reference and DOI.
    static func recorded(_ id: String) -> (title: String, journalRef: String?, doi: String?) {
        var text = ""
        for file in Set(ServiceFixtures.arxivFeeds.values).sorted() + ["arxiv/query-testing.xml"] {
            text += String(decoding: ServiceFixtures.data(file), as: UTF8.self)
        }
        let entry = text.components(separatedBy: "<entry>").first { $0.contains("<id>http://arxiv.org/abs/\(id)v") } ?? ""
        func field(_ name: String) -> String? {
            guard let start = entry.range(of: "<\(name)>"), let end = entry.range(of: "</\(name)>") else { return nil }
            return entry[start.upperBound..<end.lowerBound].split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        }
        return (field("title") ?? "", field("arxiv:journal_ref"), field("arxiv:doi"))
    }

    /// The list's lines, and the line of the entry that links `id`.
    static func line(linking id: String, in text: String) -> String? {
        text.components(separatedBy: "\n").first { $0.contains("arxiv.org/abs/\(id)") }
    }

    func run(_ arguments: [String], _ repo: GitRepository, _ server: LoopbackServer) throws -> Fmadd.Result {
        try Fmadd.run(["refresh"] + arguments, in: repo.folder, environment: ServiceFixtures.environment(server, cache: try TemporaryFolder.make()), timeout: 120)
    }

    /// Each published entry's line as refresh should write it, derived from the list and the feeds:
    /// the venue the list already uses when the journal reference names it, else the reference;
    /// the DOI's link in place of the arXiv one.
    func expectedChanges() throws -> [String: String] {
        let text = String(decoding: try Data(contentsOf: Self.list), as: UTF8.self)
        let venues = text.matches(of: /^- \[([^\]]+)\]/.anchorsMatchLineEndings()).map { String($0.1) }.filter { $0 != "arXiv" }
        var changes: [String: String] = [:]
        for id in ["2405.13786", "2202.12139", "astro-ph/0601001", "1707.08567"] {
            let line = try #require(Self.line(linking: id, in: text))
            let (title, journalRef, doi) = Self.recorded(id)
            guard let journalRef else { continue }
            #expect(line.lowercased().contains(title.lowercased().prefix(20)))
            let venue = venues.first { journalRef.contains("(\($0))") } ?? journalRef
            var new = line.replacingOccurrences(of: "[arXiv]", with: "[\(venue)]")
            if let doi, let link = line.firstMatch(of: /https:\/\/arxiv\.org\/abs\/[^)]+/) {
                new = new.replacingOccurrences(of: String(link.0), with: "https://doi.org/" + doi)
            }
            changes[line] = new
        }
        return changes
    }

    @Test func showsTheVenueChangesAsADiffAndWritesNothing() throws {
        let repo = try GitRepository(list: Self.list)
        let server = try ServiceFixtures.server()
        let before = try repo.readmeBytes()
        let result = try run([], repo, server)
        let changes = try expectedChanges()
        #expect(changes.count >= 2 && changes.keys.contains { $0.contains("0601001") })
        let removed = result.stdout.split(separator: "\n").filter { $0.hasPrefix("-") && !$0.hasPrefix("---") }.map { String($0.dropFirst()) }
        let added = result.stdout.split(separator: "\n").filter { $0.hasPrefix("+") && !$0.hasPrefix("+++") }.map { String($0.dropFirst()) }
        #expect(Set(removed) == Set(changes.keys), "\(result.stdout)")
        #expect(Set(added) == Set(changes.values), "\(result.stdout)")
        #expect(try repo.readmeBytes() == before)
        // All the list's arXiv ids in one request.
        #expect(server.requests.filter { $0.path == "/api/query" }.count == 1)
    }

    /// A bioRxiv preprint that Crossref says is the preprint of a journal article
    /// (`relation.is-preprint-of`, as Crossref's REST API documents it): the recorded bioRxiv work
    /// with that relation added, and the article's work made from a recorded journal article with
    /// the preprint's title and its journal. The entry gets the journal and the article's DOI.
    @Test func aBioRxivPreprintOfAJournalArticleGetsItsJournal() throws {
        let preprintDOI = "10.1101/014852", articleDOI = "10.1002/ece3.2101", journal = "Ecology and Evolution"
        var preprint = try #require(try JSONSerialization.jsonObject(with: ServiceFixtures.data("crossref/10.1101-014852.json")) as? [String: Any])
        var message = try #require(preprint["message"] as? [String: Any])
        let title = try #require((message["title"] as? [String])?.first)
        message["relation"] = ["is-preprint-of": [["id-type": "doi", "id": articleDOI, "asserted-by": "subject"]]]
        preprint["message"] = message
        var article = try #require(try JSONSerialization.jsonObject(with: ServiceFixtures.data("crossref/10.1038-srep16696.json")) as? [String: Any])
        var articleMessage = try #require(article["message"] as? [String: Any])
        articleMessage["title"] = [title]
        articleMessage["DOI"] = articleDOI
        articleMessage["container-title"] = [journal]
        articleMessage["short-container-title"] = ["Ecol Evol"]
        article["message"] = articleMessage
        let answers = [
            "/works/" + preprintDOI: try JSONSerialization.data(withJSONObject: preprint),
            "/works/" + articleDOI: try JSONSerialization.data(withJSONObject: article),
        ]
        let server = try LoopbackServer { request in
            answers[request.path].map { LoopbackServer.Response(status: 200, headers: ["Content-Type": "application/json"], body: $0) }
                ?? .text("Resource not found.", status: 404)
        }
        let folder = try TemporaryFolder.make()
        let list = folder.appendingPathComponent("README.md")
        let line = "- [bioRxiv] \(title). [[Paper]](https://www.biorxiv.org/content/\(preprintDOI)v1)"
        try Data("# Papers\n\n## LFM methods\n\n**2015**\n\n\(line)\n".utf8).write(to: list)
        let result = try Fmadd.run(["refresh", "--apply", list.path], in: folder,
                                   environment: ServiceFixtures.environment(server, cache: try TemporaryFolder.make()), timeout: 120)
        #expect(result.status == 0, "\(result.stderr)")
        let refreshed = "- [\(journal)] \(title). [[Paper]](https://doi.org/\(articleDOI))"
        #expect(String(decoding: try Data(contentsOf: list), as: UTF8.self) == "# Papers\n\n## LFM methods\n\n**2015**\n\n\(refreshed)\n")
        #expect(Set(server.requests.map(\.path)) == Set(answers.keys))
    }

    @Test func aTitleThatDoesNotMatchIsReportedAndNeverApplied() throws {
        let repo = try GitRepository(list: Self.list)
        let server = try ServiceFixtures.server()
        let text = String(decoding: try repo.readmeBytes(), as: UTF8.self)
        let mismatched = try #require(Self.line(linking: "2005.14124", in: text))
        #expect(Self.recorded("2005.14124").journalRef != nil, "the feed says it is published")
        let result = try run(["--apply"], repo, server)
        #expect(result.status == 1, "\(result.stderr)")
        let number = text.components(separatedBy: "\n").firstIndex(of: mismatched)! + 1
        #expect(result.stderr.contains("README.md:\(number): not changed"), "\(result.stderr)")
        #expect(result.stderr.contains(Self.recorded("2005.14124").title), "\(result.stderr)")
        let after = String(decoding: try repo.readmeBytes(), as: UTF8.self)
        #expect(after.contains(mismatched + "\n"))
    }

    @Test func applyWritesOnlyTheRefreshedLines() throws {
        let repo = try GitRepository(list: Self.list)
        let server = try ServiceFixtures.server()
        let result = try run(["--apply"], repo, server)
        #expect(result.stdout.contains("since published, written"), "\(result.stdout)\(result.stderr)")
        let changes = try expectedChanges()
        let before = String(decoding: try Data(contentsOf: Self.list), as: UTF8.self).components(separatedBy: "\n")
        let after = String(decoding: try repo.readmeBytes(), as: UTF8.self).components(separatedBy: "\n")
        #expect(after == before.map { changes[$0] ?? $0 })
        // A second refresh finds nothing more to change.
        let again = try run([], repo, server)
        #expect(!again.stdout.contains("\n+- "), "\(again.stdout)")
    }

    @Test func commitCommitsOnlyTheList() throws {
        let repo = try GitRepository(list: Self.list)
        let server = try ServiceFixtures.server()
        try Data("notes\n".utf8).write(to: repo.folder.appendingPathComponent("NOTES.md"))
        try repo.git("add", "NOTES.md")
        _ = try run(["--commit"], repo, server)
        #expect(try repo.git("show", "--name-only", "--format=%s", "HEAD").hasPrefix("Refresh "))
        #expect(try repo.git("show", "--name-only", "--format=", "HEAD") == "README.md\n")
        #expect(try repo.git("status", "--porcelain") == "A  NOTES.md\n")
    }

    @Test func plainProgressLinesCountThePreprints() throws {
        let repo = try GitRepository(list: Self.list)
        let server = try ServiceFixtures.server()
        let text = String(decoding: try repo.readmeBytes(), as: UTF8.self)
        let preprints = text.components(separatedBy: "\n").filter { $0.hasPrefix("- [arXiv]") }.count
        let result = try run([], repo, server)
        #expect(result.stderr.contains("checking README.md: \(preprints) of \(preprints)"), "\(result.stderr)")
    }

    @Test func withArxivDownItExits2() throws {
        let repo = try GitRepository(list: Self.list)
        let server = try ServiceFixtures.server(arxivStatus: 503, headers: ["Retry-After": "0"])
        let before = try repo.readmeBytes()
        let result = try run(["--apply"], repo, server)
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("arXiv answered HTTP 503"), "\(result.stderr)")
        #expect(try repo.readmeBytes() == before)
    }

    @Test(.enabled(if: Needs.peers, Comment(rawValue: Needs.peersReason))) func onATerminalTheProgressIsABarWithTheCount() throws {
        let repo = try GitRepository(list: Self.list)
        let server = try ServiceFixtures.server()
        let preprints = String(decoding: try repo.readmeBytes(), as: UTF8.self).components(separatedBy: "\n").filter { $0.hasPrefix("- [arXiv]") }.count
        let script = Paths.repository.appendingPathComponent("Tests/Fixtures/refresh_progress.py").path
        let output = try Peers.run("python", [script, Fmadd.binary.path, repo.folder.path, server.address, try TemporaryFolder.make().path, String(preprints)])
        #expect(output.contains("refresh progress: ok"), "\(output)")
    }
}
