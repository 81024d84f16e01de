import Foundation
import FMTestSupport
import Testing

/// The guided add in a real pseudo-terminal (pexpect), on a copy of the healthcare list in a
/// real repository.
@Suite struct GuidedAddTerminalTests {
    @Test(.enabled(if: Needs.peers, Comment(rawValue: Needs.peersReason))) func aContributorAddsAPaperAndADatasetAtThePrompt() throws {
        let repo = try GitRepository(list: Paths.healthcareList)
        let script = Paths.repository.appendingPathComponent("Tests/Fixtures/guided_add.py").path
        let server = try ServiceFixtures.server()
        let output = try Peers.run("python", [script, Fmadd.binary.path, repo.folder.path, server.address, try TemporaryFolder.make().path])
        #expect(output.contains("guided add: ok"), "\(output)")
        let diff = try repo.git("diff", "--unified=0")
        let changed = diff.split(separator: "\n").filter { ($0.hasPrefix("+") || $0.hasPrefix("-")) && !$0.hasPrefix("+++") && !$0.hasPrefix("---") }
        #expect(changed == [
            "+**2025**",
            "+- [Nature Medicine] Towards a general-purpose foundation model for computational pathology. [[Paper]](https://arxiv.org/abs/2503.00001)",
            "+",
            "+| [NewScans](https://example.org/newscans-paper) | 3D CT | 120 volumes | Segmentation | [*](https://example.org/newscans) |",
        ], "\(diff)")
    }

    @Test(.enabled(if: Needs.peers, Comment(rawValue: Needs.peersReason))) func anArxivIdAtPaperLinkOffersTheLookedUpFields() throws {
        let repo = try GitRepository(list: Paths.healthcareList)
        let server = try ServiceFixtures.server()
        let (title, year) = try AddFromIdentifierTests.recorded("1707.08567")
        // The recorded Crossref work, and its journal as the list already spells it.
        let doi = "10.1038/srep16696"
        let object = try JSONSerialization.jsonObject(with: ServiceFixtures.data(ServiceFixtures.crossrefWorks[doi]!)) as? [String: Any]
        let work = try #require(object?["message"] as? [String: Any])
        let workTitle = try #require((work["title"] as? [String])?.first)
        let workYear = try #require(((work["issued"] as? [String: Any])?["date-parts"] as? [[Int]])?.first?.first)
        let containers = (work["container-title"] as? [String] ?? []) + (work["short-container-title"] as? [String] ?? [])
        let list = String(decoding: try repo.readmeBytes(), as: UTF8.self)
        let spelling = try #require(list.matches(of: /- \[([^\]]+)\]/).map { String($0.1) }.first { venue in
            containers.contains { $0.lowercased() == venue.lowercased() }
        })
        let script = Paths.repository.appendingPathComponent("Tests/Fixtures/guided_add_lookup.py").path
        let output = try Peers.run("python", [script, Fmadd.binary.path, repo.folder.path, server.address, try TemporaryFolder.make().path,
                                              "1707.08567", title, String(year), doi, workTitle, spelling, String(workYear)])
        #expect(output.contains("guided add with a look-up: ok"), "\(output)")
        let added = try repo.git("diff", "--unified=0").split(separator: "\n").filter { $0.hasPrefix("+- ") }
        #expect(added.count == 2, "\(added)")
        #expect(added.contains { $0.contains("[arXiv] \(title)") && $0.contains("(https://arxiv.org/abs/1707.08567)") }, "\(added)")
        #expect(added.contains { $0.contains("[\(spelling)] \(workTitle)") && $0.contains("(https://doi.org/\(doi))") }, "\(added)")
        #expect(server.requests.count == 2)
    }
}
