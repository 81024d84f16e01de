import Foundation
import Testing
import FMDedupe

@Suite struct DuplicateReportTests {
    @Test func jsonHasTheShapeTheCommandPrints() throws {
        let view = try ListFixtures.view(at: ListFixtures.olderHealthcareList)
        let clusters = DuplicateFinder(configuration: .healthcareDefault).clusters(in: view)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(DuplicateReport(clusters: clusters))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let first = try #require((object["clusters"] as? [[String: Any]])?.first)
        #expect(first["confidence"] as? String == "duplicate")
        let entry = try #require((first["entries"] as? [[String: Any]])?.first)
        #expect(entry["line"] as? Int == 28 && entry["year"] as? Int == 2023)
        #expect(entry["section"] as? String == "VFM methods" && entry["category"] as? String == "vfm")
        #expect((entry["text"] as? String)?.hasPrefix("- [arXiv] STU-Net: Scalable") == true)
        let reason = try #require((first["reasons"] as? [[String: Any]])?.first)
        #expect(reason["lines"] as? [Int] == [28, 45])
        #expect(reason["key"] as? String == "arxiv" && reason["value"] as? String == "2304.06716")
        #expect(reason["similarity"] as? Double == 1 && reason["confidence"] as? String == "duplicate")
    }
}
