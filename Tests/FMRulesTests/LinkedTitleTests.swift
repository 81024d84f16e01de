import FMList
import Testing
@testable import FMRules

/// An entry whose title is its paper's link (`**[Title](u)** [[code]](u)<br/>Authors · *Venue* ·
/// date`) is read so: the title is the link's text, the link is the paper's, and the authors and
/// venue after the line break are the entry's. `check` does not call such a title Markdown.
@Suite struct LinkedTitleTests {
    static let list = """
        ## Nature

        - **[Novae: a graph-based foundation model](https://doi.org/10.1038/s41592-025-02899-6)** [[code]](https://github.com/MICS-Lab/novae)<br/>Blampey Q et al. · *Nature Methods* · 2025-12-10
        - [A plain linked title](https://doi.org/10.1/2) [[code]](https://github.com/a/b)

        """

    @Test func theTitleIsTheLinksTextAndTheLinkIsThePapers() throws {
        let configuration = try Configuration.parse(yaml: "categories:\n  nature:\n    heading: Nature\n")
        let view = ListView(document: try Document(bytes: Array(Self.list.utf8)), configuration: configuration)
        let drafts = ListedEntry.all(in: view).compactMap { record -> PaperDraft? in
            if case .paper(let paper) = record.draft { return paper } else { return nil }
        }
        try #require(drafts.count == 2)
        #expect(drafts[0].title == "Novae: a graph-based foundation model")
        #expect(drafts[0].links.map(\.key) == ["paper", "code"])
        #expect(drafts[0].links.first?.url == "https://doi.org/10.1038/s41592-025-02899-6")
        #expect(drafts[0].authors == "Blampey Q et al." && drafts[0].venue == "Nature Methods" && drafts[0].year == 2025)
        #expect(drafts[1].title == "A plain linked title" && drafts[1].links.first?.key == "paper")
        let errors = Linter().findings(in: view).filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors.map(\.message))")
    }
}
