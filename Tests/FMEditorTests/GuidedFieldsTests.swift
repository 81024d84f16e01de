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

    /// A section of talks, most of which link their slides and none a paper, is asked for the
    /// slides' link where a paper section is asked for the paper's.
    @Test func aSectionOfTalksIsAskedForTheLinkItsEntriesStartWith() throws {
        let papers = (1...3).map { "- Paper \($0). [[Paper]](https://papers.org/\($0))" }.joined(separator: "\n")
        let list = "# List\n\n## Papers\n\n" + papers + "\n\n## Talks\n\n- Talk one. [[Slides]](https://talks.org/1)\n- Talk two. [[Slides]](https://talks.org/2) [[Video]](https://video.org/2)\n"
        let document = try Document(bytes: Array(list.utf8))
        let adder = Adder(configuration: ListView(document: document, configuration: .builtIn).configuration, registry: try SchemaRegistry.builtIn)
        var prompter = Scripted(answers: ["Talk three", "https://talks.org/3", "", "", "2024", "y"])
        let result = try #require(GuidedAdd(adder: adder, document: document, category: "talks").run(with: &prompter))
        guard case .paper(let paper) = result.draft else { Issue.record("not a paper"); return }
        #expect(paper.links == [.init(key: "slides", url: "https://talks.org/3")])
        #expect(prompter.transcript.contains("? Slides link") && !prompter.transcript.contains("? Paper link"))
        #expect(prompter.transcript.contains("  + - Talk three. [[Slides]](https://talks.org/3)"))
    }

    /// A section of paper cards is asked for the authors and the date, and is shown the card
    /// whole, each line under the first.
    @Test func aSectionOfCardsIsAskedForTheAuthorsAndTheDate() throws {
        let document = try Document(bytes: Array(PaperCardTests.list(PaperCardTests.cards).utf8))
        let adder = try PaperCardTests.adder(for: try PaperCardTests.view(PaperCardTests.list(PaperCardTests.cards)))
        var prompter = Scripted(answers: ["Model 4: a foundation model for chest X-rays", "https://arxiv.org/abs/2309.00004", "https://github.com/lab/model-4",
                                          "arXiv", "A. Author 4, B. Author 4", "2023-08-22", "", "y"])
        let result = try #require(GuidedAdd(adder: adder, document: document, category: "contrastive").run(with: &prompter))
        guard case .paper(let paper) = result.draft else { Issue.record("not a paper"); return }
        #expect(paper.authors == "A. Author 4, B. Author 4" && paper.date == "2023-08-22" && paper.year == 2023)
        let card = PaperCardTests.card(4, date: "22nd Aug., 2023").split(separator: "\n").joined(separator: "\n    ")
        #expect(prompter.transcript.contains("  + " + card))
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
