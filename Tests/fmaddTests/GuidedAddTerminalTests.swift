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
        let script = Paths.repository.appendingPathComponent("Tests/Fixtures/guided_add_lookup.py").path
        let output = try Peers.run("python", [script, Fmadd.binary.path, repo.folder.path, server.address, try TemporaryFolder.make().path,
                                              "1707.08567", title, String(year)])
        #expect(output.contains("guided add with a look-up: ok"), "\(output)")
        let added = try repo.git("diff", "--unified=0").split(separator: "\n").filter { $0.hasPrefix("+- ") }
        #expect(added.count == 1 && added[0].contains("[arXiv] \(title)") && added[0].contains("(https://arxiv.org/abs/1707.08567)"), "\(added)")
        #expect(server.requests.count == 1)
    }
}
