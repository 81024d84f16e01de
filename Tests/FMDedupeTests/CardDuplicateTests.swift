import FMList
import Testing
import FMDedupe

/// Papers written as cards (`PaperCard`) are compared as entries are, and merging takes the
/// duplicate card out with one of the gaps around it, the links it adds written in the list's form.
@Suite struct CardDuplicateTests {
    static func card(_ title: String, links: String) -> String {
        "**\(title)**<br>\n*A. Author, B. Author*<br>\n[18th Oct., 2022] [EMNLP, 2022]<br>\n\(links)<br>"
    }

    static let medCLIP = "MedCLIP: Contrastive Learning from Unpaired Medical Images and Text"
    static let withCode = card(medCLIP, links: "[[Paper](https://arxiv.org/pdf/2210.10163.pdf)] [[GitHub](https://github.com/RyanWangZf/MedCLIP)]")
    static let withProject = card(medCLIP, links: "[[Paper](https://arxiv.org/abs/2210.10163)] [[Project](https://medclip.example.org)]")
    static let other = card("Another model entirely, for pathology slides", links: "[[Paper](https://arxiv.org/abs/2301.00001)]")

    static func list(_ cards: [String]) -> String {
        "# List\n\n## Contrastive\n\n" + cards.joined(separator: "\n\n\n") + "\n\n---\n"
    }

    static func merged(_ text: String) throws -> String {
        let configuration = try Configuration.parse(yaml: "categories:\n  contrastive:\n    heading: Contrastive\n")
        let view = ListView(document: try Document(bytes: Array(text.utf8)), configuration: configuration)
        let clusters = DuplicateFinder(configuration: configuration).clusters(in: view, scope: .list, minimumConfidence: .duplicate)
        #expect(clusters.count == 1)
        return String(decoding: view.document.applying(MergePlan.edits(for: clusters, in: view)), as: UTF8.self)
    }

    @Test func theLaterCardGoesWithTheGapAboveItAndItsLinkJoinsTheKeptCard() throws {
        let kept = Self.card(Self.medCLIP, links: "[[Paper](https://arxiv.org/pdf/2210.10163.pdf)] [[GitHub](https://github.com/RyanWangZf/MedCLIP)] [[Project](https://medclip.example.org)]")
        #expect(try Self.merged(Self.list([Self.withCode, Self.other, Self.withProject])) == Self.list([kept, Self.other]))
    }

    @Test func theFirstCardUnderItsHeadingGoesWithTheGapBelowIt() throws {
        let bare = Self.card(Self.medCLIP, links: "[[Paper](https://arxiv.org/abs/2210.10163)]")
        #expect(try Self.merged(Self.list([bare, Self.other, Self.withCode])) == Self.list([Self.other, Self.withCode]))
    }
}
