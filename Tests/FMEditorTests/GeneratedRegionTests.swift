import Foundation
import FMList
import FMRules
import FMSchema
import Testing
@testable import FMEditor

/// A part of a list that a script writes between two HTML comments (`<!-- PAPERS:BEGIN -->` …
/// `<!-- PAPERS:END -->`, doctoc's `<!-- START doctoc -->` … `<!-- END doctoc -->`) is the
/// script's: `check` reports nothing there, `fix` changes nothing there, `add` puts nothing there.
/// The same problems outside it are reported, fixed and added to as anywhere else.
@Suite struct GeneratedRegionTests {
    static let irregular = "- [arXiv] Untidy.  [[Paper]](https://a.org/1)   \n\n|a|b|\n|---|---|\n|long cell|x|\n\n"

    static func list(generated: Bool) -> String {
        let body = "## VFM methods\n**2024**\n" + irregular
        let region = generated ? "<!-- PAPERS:BEGIN -->\n" + body + "<!-- PAPERS:END -->\n" : body
        return "# A list\n\n" + region + "\n## LFM methods\n**2024**\n" + irregular
    }

    static func view(_ text: String) throws -> ListView {
        ListView(document: try Document(bytes: Array(text.utf8)), configuration: .healthcareDefault)
    }

    @Test func regionsArePairedCommentsOutsideCode() throws {
        let text = """
            <!-- STATS:BEGIN -->
            | a | b |
            <!-- STATS:END -->

            <!-- START doctoc generated TOC please keep comment here to allow auto update -->
            - [A](#a)
            <!-- END doctoc generated TOC please keep comment here to allow auto update -->

            <!-- LONELY:BEGIN -->

            ```
            <!-- CODE:BEGIN -->
            <!-- CODE:END -->
            ```

            """
        let regions = try Self.view(text).generatedRegions
        #expect(regions.map(\.name) == ["STATS", "DOCTOC"])
        #expect(regions.map(\.lines) == [1...3, 5...7])
    }

    @Test func checkAndFixLeaveTheRegionToItsScript() throws {
        let outside = Linter().findings(in: try Self.view(Self.list(generated: false)))
        let inside = Linter().findings(in: try Self.view(Self.list(generated: true)))
        let regionLines = try #require(try Self.view(Self.list(generated: true)).generatedRegions.first).lines
        // Outside, the same lines have findings of their own; inside, none.
        #expect(outside.contains { regionLines.contains($0.line) })
        #expect(!inside.isEmpty && inside.allSatisfy { !regionLines.contains($0.line) }, "\(inside.map { "\($0.line) \($0.ruleID)" })")

        let text = Self.list(generated: true)
        let fixed = try FixerTests.fix(Array(text.utf8), .healthcareDefault)
        let before = text.split(separator: "\n", omittingEmptySubsequences: false)
        let after = String(decoding: fixed.bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(Array(after.prefix(regionLines.upperBound)) == Array(before.prefix(regionLines.upperBound)))
        #expect(fixed.changed, "the part outside the region is fixed")
    }

    @Test func addPutsNothingInTheRegion() throws {
        let adder = Adder(configuration: .healthcareDefault, registry: try SchemaRegistry.builtIn)
        let draft = PaperDraft(category: "vfm", year: 2024, venue: "arXiv", title: "A new model",
                               links: [PaperDraft.Link(key: "paper", url: "https://a.org/new")])
        let document = try Document(bytes: Array(Self.list(generated: true).utf8))
        let region = try #require(try Self.view(Self.list(generated: true)).generatedRegions.first)
        #expect(region.name == "PAPERS")
        #expect(throws: AddError.generatedRegion(name: "PAPERS", lines: region.lines)) {
            try adder.add(.paper(draft), to: document, allowDuplicate: false)
        }
        #expect(throws: AddError.generatedRegion(name: "PAPERS", lines: region.lines)) {
            try adder.addAll([.paper(draft)], to: document, allowDuplicate: false)
        }
        var outside = draft
        outside.category = "lfm"
        #expect(try adder.add(.paper(outside), to: document, allowDuplicate: false).insertion.line > region.lines.upperBound)
    }
}
