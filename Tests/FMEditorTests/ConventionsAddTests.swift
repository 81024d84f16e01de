import Foundation
import FMList
import FMSchema
import Testing
@testable import FMEditor

/// `add` writes an entry as the list writes its own: its year order, its label form, bold
/// venues and titles, the label it gives the paper's link, the next number of an ordered list.
/// Each list is made from one line template, and the new entry must be that template's line.
@Suite struct ConventionsAddTests {
    static func add(_ draft: PaperDraft, to text: String) throws -> (text: String, line: Int, list: Document) {
        let adder = Adder(configuration: .healthcareDefault, registry: try SchemaRegistry.builtIn)
        let outcome = try adder.add(.paper(draft), to: try Document(bytes: Array(text.utf8)), allowDuplicate: false)
        return (outcome.insertion.text, outcome.insertion.line, try Document(bytes: outcome.bytes))
    }

    static func draft(_ n: Int, year: Int = 2024, venue: String? = nil, title: String? = nil, code: Bool = false) -> PaperDraft {
        var links = [PaperDraft.Link(key: "paper", url: "https://a.org/\(n)")]
        if code { links.append(.init(key: "code", url: "https://c.org/\(n)")) }
        return PaperDraft(category: "vfm", year: year, venue: venue, title: title ?? "Title \(n).", links: links)
    }

    /// The years of the bold markers of `document`, in the order of their lines.
    static func years(_ document: Document) -> [Int] {
        ListView(document: document, configuration: .healthcareDefault).yearGroups.map(\.year)
    }

    @Test func aNewYearGoesWhereAnOldestFirstListPutsIt() throws {
        let years = [2019, 2020, 2021]
        let text = "## VFM methods\n" + years.map { "**\($0)**\n- Title \($0). [[Paper]](https://a.org/\($0))\n" }.joined(separator: "\n")
        for year in [2018, 2025, 2020] {
            let added = try Self.add(Self.draft(year * 10, year: year), to: text)
            #expect(Self.years(added.list) == Array(Set(years + [year])).sorted(), "\(year)")
            let view = ListView(document: added.list, configuration: .healthcareDefault)
            let entry = try #require(view.entries.first { $0.line == added.line })
            #expect(entry.yearGroup.map { view.yearGroups[$0].year } == year)
        }
    }

    @Test func linksAreWrittenInTheListsLabelForm() throws {
        let templates: [(Int) -> String] = [
            { "- Title \($0). [[paper](https://a.org/\($0))][[code](https://c.org/\($0))]" },
            { "- Title \($0). [paper](https://a.org/\($0)) [code](https://c.org/\($0))" },
            { "- Title \($0). [[pdf]](https://a.org/\($0)) [[code]](https://c.org/\($0))" },
        ]
        for template in templates {
            let text = "## VFM methods\n" + (1...3).map(template).joined(separator: "\n") + "\n"
            let added = try Self.add(Self.draft(7, code: true), to: text)
            #expect(added.text == template(7))
        }
    }

    @Test func boldVenuesAndTitlesAreWrittenAsTheListWritesThem() throws {
        let template: (Int) -> String = { "* [**Nature, 202\($0)**] **Model\($0)**: A model of things. [paper](https://a.org/\($0))" }
        let text = "## VFM methods\n" + (1...3).map(template).joined(separator: "\n") + "\n"
        let added = try Self.add(Self.draft(4, venue: "**Nature, 2024**", title: "**Model4**: A model of things."), to: text)
        #expect(added.text == template(4))
    }

    /// A record of `fmadd export` goes back to the place it names, in a year group and in a list
    /// without them; a draft without one goes to the end of its group.
    @Test func anExportedPlaceIsKept() throws {
        let line: (Int) -> String = { "- Title \($0). [[Paper]](https://a.org/\($0))" }
        for marker in ["**2024**\n", ""] {
            let text = "## VFM methods\n" + marker + [1, 3].map(line).joined(separator: "\n") + "\n"
            var draft = Self.draft(2)
            draft.position = 1
            let placed = try Self.add(draft, to: text)
            #expect(placed.list.lineText(placed.line + 1) == line(3), "\(marker)")
            #expect(placed.list.lineText(placed.line - 1) == line(1), "\(marker)")
            draft.position = nil
            let appended = try Self.add(draft, to: text)
            #expect(appended.list.lineText(appended.line - 1) == line(3), "\(marker)")
        }
    }

    @Test func anOrderedListGetsItsNextNumber() throws {
        let template: (Int) -> String = { "\($0). Title \($0). [[Paper]](https://a.org/\($0))" }
        let text = "## VFM methods\n" + (1...3).map(template).joined(separator: "\n") + "\n"
        #expect(try Self.add(Self.draft(4), to: text).text == template(4))
    }
}
