import FMList
import FMSchema
import Testing
@testable import FMEditor

/// The guided add asks for what the section writes beyond the schema's required fields: the
/// authors of a list that writes them after the title or in a column, the month of a paper
/// table dated `202406`; and not for them where the section writes none.
@Suite struct GuidedFieldsTests {
    typealias Scripted = AdderTests.ScriptedPrompter

    @Test func aPaperTableWithAuthorsAndMonthsIsAskedForBoth() throws {
        let document = try Document(bytes: Array(PaperRowAddTests.list.utf8))
        let guided = GuidedAdd(adder: try PaperRowAddTests.adder(), document: document, category: "sam")
        var prompter = Scripted(answers: ["A new segmentation model", "https://arxiv.org/abs/2512.00001", "", "",
                                          "Q. Writer et al.", "2025-13", "2025-12", "", "y"])
        let result = try #require(guided.run(with: &prompter))
        guard case .paper(let paper) = result.draft else { Issue.record("not a paper"); return }
        #expect(paper.authors == "Q. Writer et al." && paper.date == "2025-12" && paper.year == 2025)
        #expect(prompter.transcript.contains("? Authors") && prompter.transcript.contains("? Date"))
        // A month that is none is refused at once; the year is offered from the date.
        #expect(prompter.transcript.contains { $0.hasPrefix("  ✗ date: must be a date written YYYY-MM") })
        #expect(prompter.transcript.contains("? Year [2025]"))
        #expect(prompter.transcript.contains { $0.hasPrefix("  + |202512|Q. Writer et al.|A new segmentation model") })
    }

    @Test func aListOfBoldTitlesWithAuthorsIsAskedForThemAndAListWithoutIsNot() throws {
        let bold = "## VFM methods\n" + (1...3).map { "- **Title number \($0)** (201\($0)), A. Author\($0) et al. [[pdf]](https://paper.org/\($0))" }
            .joined(separator: "\n") + "\n"
        let plain = "## VFM methods\n**2024**\n- [arXiv] A model. [[Paper]](https://a.org/1)\n- [arXiv] Another model. [[Paper]](https://a.org/2)\n"
        let adder = Adder(configuration: .healthcareDefault, registry: try SchemaRegistry.builtIn)
        var asked = Scripted(answers: ["Title number 4", "https://paper.org/4", "", "", "A. Author4 et al.", "2014", "y"])
        let result = try #require(GuidedAdd(adder: adder, document: try Document(bytes: Array(bold.utf8)), category: "vfm").run(with: &asked))
        guard case .paper(let paper) = result.draft else { Issue.record("not a paper"); return }
        #expect(paper.authors == "A. Author4 et al." && paper.venue == nil)
        // A list that tags no venue is not offered the schema's default one.
        #expect(asked.transcript.contains("? Venue"))
        #expect(asked.transcript.contains("  + - **Title number 4** (2014), A. Author4 et al. [[pdf]](https://paper.org/4)"))

        var notAsked = Scripted(answers: ["A third model", "https://a.org/3", "", "", "2024", "y"])
        #expect(GuidedAdd(adder: adder, document: try Document(bytes: Array(plain.utf8)), category: "vfm").run(with: &notAsked) != nil)
        #expect(!notAsked.transcript.contains("? Authors") && !notAsked.transcript.contains("? Date"))
    }
}
