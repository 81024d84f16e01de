import Foundation
import FMList
import FMTestSupport
import Testing
@testable import FMRules

/// `check` on a paper table consistent with itself reports nothing of its style; what is really
/// irregular (a row written another way, a link without a scheme) it still reports.
@Suite struct PaperTableCheckTests {
    /// The rules about how a list is written, as opposed to what it holds.
    static let styleRules: Set<String> = ["table-alignment", "link-spacing", "mixed-label-case", "year-order", "blank-line-around-table"]

    static func findings(_ text: String, _ configuration: Configuration) throws -> [Finding] {
        Linter().findings(in: ListView(document: try Document(bytes: Array(text.utf8)), configuration: configuration))
    }

    static let configuration = try! Configuration.parse(yaml: "categories:\n  sam:\n    heading: SAM papers\n")

    @Test func aTableWrittenOneWayIsLeftAsItIs() throws {
        let list = """
            ## SAM papers

            |Date|Authors|Title|Code|
            |---|---|---|---|
            |202602|R. Zhai et al.|A first title [(paper)](https://www.sciencedirect.com/science/article/pii/S1)|None|
            |202511|A. Liu et al.|A second title [(paper)](https://arxiv.org/pdf/2511.19046)|[Code](https://github.com/a/b)|

            """
        #expect(try Self.findings(list, Self.configuration).isEmpty)
        // The same with one space inside every pipe.
        let spaced = list.replacingOccurrences(of: "|", with: " | ").replacingOccurrences(of: "\n | ", with: "\n| ")
            .replacingOccurrences(of: " | \n", with: " |\n").replacingOccurrences(of: "  ", with: " ")
        #expect(spaced.contains("| 202602 | R. Zhai et al. |"))
        #expect(try Self.findings(spaced, Self.configuration).isEmpty, "\(spaced)")
    }

    @Test func aRowWrittenAnotherWayIsReported() throws {
        let list = """
            ## SAM papers

            |Date|Authors|Title|Code|
            |---|---|---|---|
            |202602|R. Zhai et al.|A first title [(paper)](https://www.sciencedirect.com/science/article/pii/S1)|None|
            | 202511 | A. Liu et al. | A second title [(paper)](https://arxiv.org/pdf/2511.19046) | [Code](https://github.com/a/b) |

            """
        let found = try Self.findings(list, Self.configuration)
        #expect(found.map(\.ruleID) == ["table-alignment"])
    }

    /// A finding of a row's field points at its cell: the code link without a scheme, at its target.
    @Test func aRowsFindingPointsAtItsCell() throws {
        let row = "|202511|A. Liu et al.|A second title [(paper)](https://arxiv.org/pdf/2511.19046)|[Code](github.com/a/b)|"
        let list = "## SAM papers\n\n|Date|Authors|Title|Code|\n|---|---|---|---|\n\(row)\n"
        let schema = try #require(try Self.findings(list, Self.configuration).first { $0.ruleID == "entry-schema" })
        // The first character after `(`, counted from 1.
        let open = try #require(row.range(of: "(github.com")).lowerBound
        #expect(schema.line == 5 && schema.column == row.distance(from: row.startIndex, to: open) + 2, "\(schema)")
    }

    /// SAM4MIS, its two literature tables as categories: no style finding on their lines.
    @Test(.enabled(if: Needs.corpus, Comment(rawValue: Needs.corpusReason))) func samListTablesHaveNoStyleFinding() throws {
        let url = Paths.corpus.appendingPathComponent("YichiZhang98--SAM4MIS.md")
        let configuration = try Configuration.parse(yaml: """
            categories:
              sam2:
                heading: Literature Reviews of SAM 2/3 Adaptions for Medical Image Segmentation.
              sam:
                heading: Literature Reviews of Foundation Models / SAM for Medical Image Segmentation.
            """)
        let view = ListView(document: try Document(bytes: try Paths.bytes(url)), configuration: configuration)
        let tables = view.tables.filter { PaperTable($0, configuration: configuration) != nil }
        #expect(tables.count == 2)
        let found = Linter().findings(in: view).filter { finding in tables.contains { $0.lines.contains(finding.line) } }
        #expect(found.filter { Self.styleRules.contains($0.ruleID) }.isEmpty, "\(found.filter { Self.styleRules.contains($0.ruleID) })")
    }
}
