import Foundation
import FMList
import FMRules
import FMSchema
import FMTestSupport
import Testing
@testable import FMEditor

/// A list whose papers are paragraphs of their own, a field a line (xmindflow's), is read entry
/// by entry, and `add` writes a new paper as a card of the same shape, in date order.
@Suite struct PaperCardTests {
    /// A card as the list writes it: bold title, authors in emphasis (`*none*` when unknown),
    /// date and venue, links in `[[Label](u)]` form, each line ended by `<br>`.
    static func card(_ n: Int, date: String, venue: String = "arXiv, 2023", authors: String? = nil, code: Bool = true) -> String {
        let links = "[[Paper](https://arxiv.org/abs/2309.0000\(n))]" + (code ? " [[GitHub](https://github.com/lab/model-\(n))]" : "")
        return ["**Model \(n): a foundation model for chest X-rays**<br>", "*\(authors ?? "A. Author \(n), B. Author \(n)")*<br>",
                "[\(date)] [\(venue)]<br>", links + "<br>"].joined(separator: "\n")
    }

    /// Three cards, newest first, two blank lines apart, under a heading of a list that reads its
    /// categories from its headings.
    static func list(_ cards: [String]) -> String {
        "# Foundation models in medical imaging\n\n## Papers\n\n### Contrastive\n\n" + cards.joined(separator: "\n\n\n") + "\n\n---\n\n### Generative\n\n"
            + card(9, date: "1st Jan., 2023", venue: "CVPR, 2023") + "\n"
    }

    static let cards = [card(1, date: "12th Sep., 2023"), card(2, date: "17th Aug., 2023", venue: "Nature Medicine, 2023"),
                        card(3, date: "14th Jul., 2023", venue: "MICCAI, 2023", authors: "none", code: false)]

    static func view(_ text: String) throws -> ListView {
        ListView(document: try Document(bytes: Array(text.utf8)), configuration: .builtIn)
    }

    static func adder(for view: ListView) throws -> Adder {
        Adder(configuration: view.configuration, registry: try SchemaRegistry.builtIn)
    }

    @Test func eachCardIsAnEntryWithItsFields() throws {
        let view = try Self.view(Self.list(Self.cards))
        let records = ListedEntry.all(in: view)
        #expect(records.map(\.listing.text) == Self.cards + [Self.card(9, date: "1st Jan., 2023", venue: "CVPR, 2023")])
        guard case .paper(let second) = records[1].draft, case .paper(let third) = records[2].draft else {
            Issue.record("not papers")
            return
        }
        #expect(second.title == "Model 2: a foundation model for chest X-rays")
        #expect(second.authors == "A. Author 2, B. Author 2")
        #expect(second.date == "2023-08-17" && second.year == 2023 && second.venue == "Nature Medicine")
        // The list links its code as `[[GitHub]]` and never `[[code]]`: that link is the code's.
        #expect(second.links.map(\.key) == ["paper", "code"])
        #expect(third.authors == nil && third.venue == "MICCAI")
        #expect(records.map(\.listing.section) == ["Contrastive", "Contrastive", "Contrastive", "Generative"])
        // A list consistent with itself: no finding.
        #expect(Linter().findings(in: view).isEmpty)
    }

    @Test func aCardIsWrittenInTheListsShapeAndInDateOrder() throws {
        let view = try Self.view(Self.list(Self.cards))
        var draft = PaperDraft(category: "contrastive", year: 2023, venue: "arXiv", title: "Model 4: a foundation model for chest X-rays",
                               links: [.init(key: "paper", url: "https://arxiv.org/abs/2309.00004"), .init(key: "code", url: "https://github.com/lab/model-4")])
        draft.authors = "A. Author 4, B. Author 4"
        draft.date = "2023-08-22"
        let outcome = try Self.adder(for: view).add(.paper(draft), to: view.document, allowDuplicate: false)
        #expect(outcome.insertion.text == Self.card(4, date: "22nd Aug., 2023"))
        // Between the cards of September and August, two blank lines from each.
        let expected = Self.list([Self.cards[0], Self.card(4, date: "22nd Aug., 2023"), Self.cards[1], Self.cards[2]])
        #expect(String(decoding: outcome.bytes, as: UTF8.self) == expected)
    }

    @Test func aCardWithoutAuthorsSaysNoneWhereTheListDoes() throws {
        let view = try Self.view(Self.list(Self.cards))
        var draft = PaperDraft(category: "contrastive", year: 2023, venue: "MICCAI", title: "Model 5: a foundation model for chest X-rays",
                               links: [.init(key: "paper", url: "https://arxiv.org/abs/2309.00005")])
        draft.date = "2023-07-01"
        let insertion = try Self.adder(for: view).add(.paper(draft), to: view.document, allowDuplicate: false).insertion
        #expect(insertion.text == Self.card(5, date: "1st Jul., 2023", venue: "MICCAI, 2023", authors: "none", code: false))
        // The oldest goes last, after the July card.
        #expect(insertion.before == "**Model 3: a foundation model for chest X-rays**<br>")
    }

    @Test func aCardTakenOutComesBackFromItsRecordAsItWas() throws {
        let text = Self.list(Self.cards)
        let view = try Self.view(text)
        let record = ListedEntry.all(in: view)[1]
        let lines = record.listing.lines
        // Taken out with the blank lines above it, as `dedupe` takes a card out.
        let removed = try Document(bytes: view.document.applying([LineEdit(lines: (lines.lowerBound - 2)..<(lines.upperBound + 1), replacement: [])]))
        let draft = try #require(try DraftReader.drafts(in: try JSONValue(jsonText: record.json().jsonText), configuration: view.configuration).first)
        let outcome = try Self.adder(for: view).add(draft, to: removed, allowDuplicate: false)
        #expect(String(decoding: outcome.bytes, as: UTF8.self) == text)
    }

    @Test func aTitleThatWouldShowAsMarkupIsRefusedAndNothingIsWritten() throws {
        let view = try Self.view(Self.list(Self.cards))
        let draft = PaperDraft(category: "contrastive", year: 2023, venue: "arXiv", title: "A *new* model",
                               links: [.init(key: "paper", url: "https://arxiv.org/abs/2309.00006")])
        #expect {
            try Self.adder(for: view).add(.paper(draft), to: view.document, allowDuplicate: false)
        } throws: { error in
            "\(error)".contains("would show as Markdown or HTML (emph)")
        }
    }

    /// Every paragraph of xmindflow's list that opens with a bold title and a line break is one
    /// of its papers, exported with the title and the link it states.
    @Test(.enabled(if: Needs.corpus, Comment(rawValue: Needs.corpusReason)))
    func everyCardOfTheCorpusListIsAnEntry() throws {
        let file = Paths.corpus.appendingPathComponent("xmindflow--Awesome-Foundation-Models-in-Medical-Imaging.md")
        let text = String(decoding: try Paths.bytes(file), as: UTF8.self)
        let lines = text.components(separatedBy: "\n")
        let opening = lines.indices.filter { k in
            lines[k].hasPrefix("**") && lines[k].trimmingCharacters(in: .whitespaces).hasSuffix("<br>") && (k == 0 || lines[k - 1].isEmpty)
        }
        let records = ListedEntry.all(in: try Self.view(text))
        #expect(!opening.isEmpty)
        #expect(records.map(\.listing.lines.lowerBound) == opening.map { $0 + 1 })
        for record in records {
            guard case .paper(let paper) = record.draft else { Issue.record("not a paper"); continue }
            #expect(lines[record.listing.lines.lowerBound - 1].hasPrefix("**\(paper.title)**"))
            #expect(paper.date != nil && paper.year != nil && !paper.links.isEmpty)
        }
    }

    @Test func theGuidedAddAsksForWhatACardWrites() throws {
        let view = try Self.view(Self.list(Self.cards))
        #expect(Placement(view: view).writtenFields(ofCategory: "contrastive") == .init(authors: true, date: true, venue: true))
    }

    @Test func aCardsDateIsReadAndWrittenAsTheListWritesIt() {
        #expect(PaperCard.date(from: "2nd Mar., 2023") == "2023-03-02")
        #expect(PaperCard.date(from: "26th May., 2023") == "2023-05-26")
        #expect(PaperCard.date(from: "arXiv, 2023") == nil)
        #expect(["2023-09-01", "2023-09-02", "2023-09-03", "2023-09-11", "2023-09-13", "2023-09-22", "2023-09"].compactMap(PaperCard.dateText)
            == ["1st Sep., 2023", "2nd Sep., 2023", "3rd Sep., 2023", "11th Sep., 2023", "13th Sep., 2023", "22nd Sep., 2023", "Sep., 2023"])
    }
}
