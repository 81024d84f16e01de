import Foundation
import FMList
import FMRules
import FMSchema
import Testing
@testable import FMEditor

/// `add` writes an entry in the shape and spelling of the part of the list it goes into: an
/// entry of several lines with its authors item, the spacing after the marker, and the period
/// after the title, the label spelling and the link separator of its heading or year group.
/// Each list is made from line templates; the new entry must be its template's text.
@Suite struct ListStyleAddTests {
    static func add(_ draft: PaperDraft, to text: String) throws -> Insertion {
        let adder = Adder(configuration: .healthcareDefault, registry: try SchemaRegistry.builtIn)
        return try adder.add(.paper(draft), to: try Document(bytes: Array(text.utf8)), allowDuplicate: false).insertion
    }

    static func draft(_ n: Int, year: Int? = 2024, title: String, links: [String] = ["paper"]) -> PaperDraft {
        PaperDraft(category: "vfm", year: year, venue: nil, title: title,
                   links: links.map { PaperDraft.Link(key: $0, url: "https://\($0).org/\(n)") })
    }

    /// `-   Title.` with its links on lines of their own and its authors and venue in an item
    /// below: written so, and read back so by `fmadd export` (authors and venue in the record).
    @Test func anEntryOfSeveralLinesIsWrittenInItsShapeWithItsAuthors() throws {
        let template: (Int) -> String = {
            "-   Title \($0).\n    [[pdf]](https://paper.org/\($0))\n    [[code]](https://code.org/\($0))\n    -   Author \($0) and Other \($0). *ICML 2019*"
        }
        let text = "## VFM methods\n**2019**\n" + (1...3).map(template).joined(separator: "\n") + "\n"
        let document = try Document(bytes: Array(text.utf8))
        let listed = ListedEntry.all(in: ListView(document: document, configuration: .healthcareDefault))
        #expect(listed.map(\.listing.text) == (1...3).map(template))
        guard case .paper(let exported) = try #require(listed.last).draft else { Issue.record("not a paper"); return }
        #expect(exported.authors == "Author 3 and Other 3.")
        #expect(exported.venue == "ICML 2019")

        var draft = Self.draft(4, year: 2019, title: "Title 4.", links: ["paper", "code"])
        draft.authors = "Author 4 and Other 4."
        draft.venue = "ICML 2019"
        #expect(try Self.add(draft, to: text).text == template(4))
        // The record `fmadd export` writes carries the authors back through `add --from`.
        var record = listed[2]
        record.draft = .paper(exported)
        let removed = "## VFM methods\n**2019**\n" + (1...2).map(template).joined(separator: "\n") + "\n"
        let read = try #require(try DraftReader.drafts(in: try JSONValue(jsonText: record.json().jsonText), configuration: .healthcareDefault).first)
        guard case .paper(let back) = read else { Issue.record("not a paper"); return }
        #expect(try Self.add(back, to: removed).text == template(3))
    }

    /// Most authors items of the heading write their venue in bold: so does the new one.
    @Test func theVenueOfTheAuthorsItemIsEmphasisedAsMostAre() throws {
        let template: (Int, String) -> String = { "- Title \($0).\n  [[pdf]](https://paper.org/\($0))\n  - Author \($0). \($1)ICML 2019\($1)" }
        let text = "## VFM methods\n**2019**\n" + [template(1, "**"), template(2, "**"), template(3, "*")].joined(separator: "\n") + "\n"
        var draft = Self.draft(4, year: 2019, title: "Title 4.")
        draft.authors = "Author 4."
        draft.venue = "ICML 2019"
        #expect(try Self.add(draft, to: text).text == template(4, "**"))
    }

    /// Most authors items end their authors with a period before the venue: a new one given
    /// without it gets it.
    @Test func theAuthorsEndWithAPeriodBeforeTheVenueWhereMostDo() throws {
        let template: (Int) -> String = { "- Title \($0).\n  [[pdf]](https://paper.org/\($0))\n  - Author \($0). *ICML 2019*" }
        let text = "## VFM methods\n**2019**\n" + (1...3).map(template).joined(separator: "\n") + "\n"
        var draft = Self.draft(4, year: 2019, title: "Title 4.")
        draft.authors = "Author 4"
        draft.venue = "ICML 2019"
        #expect(try Self.add(draft, to: text).text == template(4))
    }

    /// Most entries of the heading end with a period after their links (`[[link]](u).`, a blog
    /// post or a thesis): so does the new one; where most do not, it does not.
    @Test func aPeriodAfterTheLinksWhereMostOfTheHeadingsEntriesHaveOne() throws {
        let template: (Int, String) -> String = { "- Title \($0). A. Author. [[pdf]](https://paper.org/\($0))\($1)" }
        let list: ([String]) -> String = { ends in
            "## VFM methods\n**2024**\n" + ends.enumerated().map { template($0.offset + 1, $0.element) }.joined(separator: "\n") + "\n"
        }
        let draft = Self.draft(4, title: "Title 4. A. Author.")
        #expect(try Self.add(draft, to: list([".", ".", ""])).text == template(4, "."))
        #expect(try Self.add(draft, to: list(["", "", "."])).text == template(4, ""))
    }

    /// Under a heading with a single authors item, that item's stars are not a convention (it may
    /// be the irregular one): the list's are taken.
    @Test func oneVenueUnderAHeadingGivesWayToTheListsStars() throws {
        let template: (Int, Int, String) -> String = { n, year, stars in
            "- Title \(n).\n  [[pdf]](https://paper.org/\(n))\n  - Author \(n). \(stars)ICML \(year)\(stars)"
        }
        let text = "## VFM methods\n#### 2020\n" + (1...3).map { template($0, 2020, "*") }.joined(separator: "\n")
            + "\n\n#### 2019\n" + template(4, 2019, "**") + "\n"
        var draft = Self.draft(5, year: 2019, title: "Title 5.")
        draft.authors = "Author 5."
        draft.venue = "ICML 2019"
        let insertion = try Self.add(draft, to: text)
        #expect(insertion.text == template(5, 2019, "*"))
        #expect(insertion.year == 2019)
    }

    /// An empty year heading (`#### 2021`) takes the shape of the entries just above it, not of
    /// the section's first entry (a one-line benchmark above the years); an empty section, the
    /// shape of the list's entries.
    @Test func anEmptyHeadingIsWrittenAsTheEntriesAroundIt() throws {
        let template: (Int, Int) -> String = { n, year in
            "- Title \(n).\n  [[pdf]](https://paper.org/\(n))\n  - Author \(n). *ICML \(year)*"
        }
        let benchmark = "- Benchmark [[pdf]](https://paper.org/9) [[repo]](https://repo.org/9)"
        let text = "## VFM methods\n#### Benchmarks\n\(benchmark)\n\n#### 2020\n" + (1...3).map { template($0, 2020) }.joined(separator: "\n")
            + "\n\n#### 2021\n\n## LFM methods\n"
        var draft = Self.draft(5, year: 2021, title: "Title 5.")
        draft.authors = "Author 5."
        draft.venue = "ICML 2021"
        let insertion = try Self.add(draft, to: text)
        #expect(insertion.text == template(5, 2021))
        #expect(insertion.year == 2021)

        draft.category = "lfm"
        let adder = Adder(configuration: .healthcareDefault, registry: try SchemaRegistry.builtIn)
        let intoEmpty = try adder.add(.paper(draft), to: try Document(bytes: Array(text.utf8)), allowDuplicate: false).insertion
        #expect(intoEmpty.text == template(5, 2021))
    }

    /// What a list says of an entry after its links (`[[repo]](u): a benchmark of …`) is its
    /// record's `note`, and the entry comes back with it; a period after the links is none.
    @Test func aNoteAfterTheLinksIsExportedAndWrittenBack() throws {
        let entry = { (n: Int) in "- Benchmark \(n) [[pdf]](https://paper.org/\(n)) [[repo]](https://repo.org/\(n)): tasks for evaluating representations (\(n))." }
        let text = "## VFM methods\n\(entry(1))\n\(entry(2))\n- Model 3 [[pdf]](https://paper.org/3).\n"
        let document = try Document(bytes: Array(text.utf8))
        let listed = ListedEntry.all(in: ListView(document: document, configuration: .healthcareDefault))
        let notes = listed.map { listed -> String? in if case .paper(let paper) = listed.draft { paper.note } else { nil } }
        #expect(notes == ["tasks for evaluating representations (1).", "tasks for evaluating representations (2).", nil])
        let record = try #require(listed.first)
        #expect(record.json().jsonText.contains(#""note":"tasks for evaluating representations (1).""#))
        let draft = try #require(try DraftReader.drafts(in: try JSONValue(jsonText: record.json().jsonText), configuration: .healthcareDefault).first)
        let removed = try Document(bytes: Array(text.replacingOccurrences(of: entry(1) + "\n", with: "").utf8))
        let adder = Adder(configuration: .healthcareDefault, registry: try SchemaRegistry.builtIn)
        #expect(String(decoding: try adder.add(draft, to: removed, allowDuplicate: false).bytes, as: UTF8.self) == text)
        // A note is text: Markdown in it is refused, as in a title.
        guard case .paper(var marked) = draft else { Issue.record("not a paper"); return }
        marked.note = "see [here](https://x.org)"
        #expect(adder.validate(.paper(marked)).contains { $0.propertyPath == "note" })
    }

    /// An entry that `fmadd export` saw above a section's years (`#### Benchmarks`) has no year
    /// in its record: it goes back there, not into the year its arXiv id hints at, and
    /// `add --from` does not ask it for a year.
    @Test func aRecordInNoYearGroupGoesBackAboveTheYears() throws {
        let entry = { (n: Int) in "- Benchmark \(n) [[pdf]](https://arxiv.org/abs/2011.1337\(n)) [[repo]](https://repo.org/\(n))" }
        let year = "- Title 5.\n  [[pdf]](https://paper.org/5)\n  - Author 5. *ICML 2020*"
        let text = "## VFM methods\n#### Benchmarks\n\(entry(1))\n\(entry(2))\n\n#### 2020\n\(year)\n"
        let document = try Document(bytes: Array(text.utf8))
        let listed = ListedEntry.all(in: ListView(document: document, configuration: .healthcareDefault))
        let record = try #require(listed.first { $0.listing.text == entry(2) })
        let draft = try #require(try DraftReader.drafts(in: try JSONValue(jsonText: record.json().jsonText), configuration: .healthcareDefault).first)
        guard case .paper(let paper) = draft else { Issue.record("not a paper"); return }
        #expect(paper.year == nil)
        let removed = try Document(bytes: Array(text.replacingOccurrences(of: entry(2) + "\n", with: "").utf8))
        let adder = Adder(configuration: .healthcareDefault, registry: try SchemaRegistry.builtIn)
        #expect(adder.validate(draft, in: removed).filter { $0.severity == .error }.isEmpty)
        #expect(String(decoding: try adder.add(draft, to: removed, allowDuplicate: false).bytes, as: UTF8.self) == text)

        // The one entry of a section without years goes back there, in no year, though the
        // section is empty when it does.
        let lone = "## VFM methods\n#### Benchmarks\n\(entry(1))\n\(entry(2))\n\n#### 2020\n\(year)\n\n## LFM methods\n\(entry(3))\n"
        let loneRecord = try #require(ListedEntry.all(in: ListView(document: try Document(bytes: Array(lone.utf8)), configuration: .healthcareDefault))
            .first { $0.listing.text == entry(3) })
        let back = try #require(try DraftReader.drafts(in: try JSONValue(jsonText: loneRecord.json().jsonText), configuration: .healthcareDefault).first)
        let emptied = try Document(bytes: Array(lone.replacingOccurrences(of: entry(3) + "\n", with: "").utf8))
        #expect(adder.validate(back, in: emptied).filter { $0.severity == .error }.isEmpty)
        #expect(String(decoding: try adder.add(back, to: emptied, allowDuplicate: false).bytes, as: UTF8.self) == lone)
    }

    /// Bold venue markers (`**AAAI'26**`) group the entries: an AAAI paper of 2026 goes under
    /// AAAI's group, after its last entry, not under the first group of the year, and the group
    /// names its venue; `fmadd export` gives the group's venue back.
    @Test func aPaperGoesIntoItsVenuesGroup() throws {
        let template: (Int) -> String = { "- Title \($0) [[paper](https://paper.org/\($0))][[code](https://code.org/\($0))]" }
        let groups = [("arXiv'26", 1...2), ("AAAI'26", 3...4), ("arXiv'25", 5...6)]
        let text = "## VFM methods\n" + groups.map { "**\($0.0)**\n" + $0.1.map(template).joined(separator: "\n") + "\n" }.joined(separator: "\n")
        var draft = Self.draft(7, year: 2026, title: "Title 7", links: ["paper", "code"])
        draft.venue = "AAAI"
        let insertion = try Self.add(draft, to: text)
        #expect(insertion.text == template(7))
        #expect(insertion.before == template(4))
        let listed = ListedEntry.all(in: ListView(document: try Document(bytes: Array(text.utf8)), configuration: .healthcareDefault))
        #expect(listed.map { entry -> String? in if case .paper(let paper) = entry.draft { return paper.venue } else { return nil } }
                == ["arXiv", "arXiv", "AAAI", "AAAI", "arXiv", "arXiv"])
    }

    /// Most entries of the heading stand one space in; the last one does not.
    @Test func theIndentIsMostOfTheHeadings() throws {
        let template: (Int) -> String = { " - Title \($0). [[Paper]](https://paper.org/\($0))" }
        let text = "## VFM methods\n**2024**\n" + (1...3).map(template).joined(separator: "\n") + "\n- Title 4. [[Paper]](https://paper.org/4)\n"
        #expect(try Self.add(Self.draft(5, title: "Title 5"), to: text).text == template(5))
    }

    /// A list of models under `## Models`, in two subsections whose entries are `lines`.
    static func subsections(_ healthcare: [String], _ general: [String]) -> String {
        "## Models\n\n### Healthcare\n\n" + healthcare.joined(separator: "\n") + "\n\n### General\n\n" + general.joined(separator: "\n") + "\n"
    }

    static let models = try! Configuration.parse(yaml: "categories:\n  models:\n    heading: Models\n")

    /// What `rule` reports on the list after adding `draft` to `text`, and the new entry.
    static func added(_ draft: PaperDraft, to text: String, rule: String) throws -> (findings: [Int], insertion: Insertion) {
        var draft = draft
        draft.category = "models"
        let adder = Adder(configuration: models, registry: try SchemaRegistry.builtIn)
        let outcome = try adder.add(.paper(draft), to: try Document(bytes: Array(text.utf8)), allowDuplicate: false)
        let view = ListView(document: try Document(bytes: outcome.bytes), configuration: models)
        return (Linter(select: [rule], ignore: []).findings(in: view).map(\.line), outcome.insertion)
    }

    /// A subsection that spells most of its labels, not nine in ten, another way than the list:
    /// the new entry is spelled as `mixed-label-case` holds it to, the list's way, and `check`
    /// reports nothing on it. A subsection that spells all its labels its own way keeps that
    /// spelling, for the new entry too, and `check` does not report it.
    @Test func aLabelIsSpeltAsCheckHoldsItsSubsectionTo() throws {
        let entry = { (n: Int, label: String) in "- Model \(n) [[\(label)]](https://paper.org/\(n))" }
        let healthcare = (1...4).map { entry($0, "Paper") }
        let mixed = Self.subsections(healthcare, [entry(5, "paper"), entry(6, "paper"), entry(7, "Paper")])
        let intoMixed = try Self.added(Self.draft(8, title: "Model 8"), to: mixed, rule: "mixed-label-case")
        #expect(intoMixed.insertion.text == entry(8, "Paper"))
        #expect(!intoMixed.findings.contains(intoMixed.insertion.line))

        let settled = Self.subsections(healthcare, (5...7).map { entry($0, "paper") })
        let intoSettled = try Self.added(Self.draft(8, title: "Model 8"), to: settled, rule: "mixed-label-case")
        #expect(intoSettled.insertion.text == entry(8, "paper"))
        #expect(intoSettled.findings.isEmpty)
    }

    /// A subsection that writes every label in lower case (`[[pdf]] [[code]]`) has settled on
    /// that case: its few `[[project]]` are its own way though the list writes `[[Project]]`
    /// elsewhere, `check` does not report them, and a new entry's project link is spelled so.
    @Test func aSubsectionInLowerCaseKeepsItForEveryLabel() throws {
        let entry = { (n: Int, labels: [String]) in
            "- Model \(n)" + labels.map { " [[\($0)]](https://\($0.lowercased()).org/\(n))" }.joined()
        }
        let healthcare = (1...4).map { entry($0, ["Paper", "Project"]) }
        let general = [entry(5, ["paper", "code"]), entry(6, ["paper", "project"]), entry(7, ["paper", "code"])]
        let text = Self.subsections(healthcare, general)
        let before = Linter(select: ["mixed-label-case"], ignore: []).findings(in: ListView(document: try Document(bytes: Array(text.utf8)), configuration: Self.models))
        #expect(before.isEmpty, "\(before.map(\.message))")
        let added = try Self.added(Self.draft(8, title: "Model 8", links: ["paper", "project"]), to: text, rule: "mixed-label-case")
        #expect(added.insertion.text == entry(8, ["paper", "project"]))
        #expect(added.findings.isEmpty)

        // One key in lower case is that key's spelling, not the subsection's case.
        let oneKey = Self.subsections(healthcare, (5...7).map { entry($0, ["paper"]) } + [entry(9, ["paper", "Project"])])
        let intoOneKey = try Self.added(Self.draft(8, title: "Model 8", links: ["paper", "project"]), to: oneKey, rule: "mixed-label-case")
        #expect(intoOneKey.insertion.text == entry(8, ["paper", "Project"]))
    }
    /// The last entry of a subsection, exported, taken out and added back from its record, goes
    /// back above the next subsection's heading, where it was; the first of the next, below it.
    @Test func anEntryComesBackOnItsSideOfASubheading() throws {
        let entry = { (n: Int) in "- Model \(n) [[Paper]](https://paper.org/\(n))" }
        let text = Self.subsections((1...3).map(entry), (4...6).map(entry))
        let document = try Document(bytes: Array(text.utf8))
        let listed = ListedEntry.all(in: ListView(document: document, configuration: Self.models))
        for n in [3, 4] {
            let record = try #require(listed.first { $0.listing.text == entry(n) })
            let lines = record.listing.lines
            let removed = try Document(bytes: document.applying([LineEdit(lines: lines.lowerBound..<(lines.upperBound + 1), replacement: [])]))
            let draft = try #require(try DraftReader.drafts(in: try JSONValue(jsonText: record.json().jsonText), configuration: Self.models).first)
            let outcome = try Adder(configuration: Self.models, registry: try SchemaRegistry.builtIn).add(draft, to: removed, allowDuplicate: false)
            #expect(String(decoding: outcome.bytes, as: UTF8.self) == text, "Model \(n)")
        }
    }

    /// A subsection that separates its links otherwise than most of its category: the new entry
    /// takes the category's separator, the one `link-spacing` holds it to.
    @Test func linksAreSeparatedAsCheckHoldsTheCategoryTo() throws {
        let entry = { (n: Int, separator: String) in "- Model \(n) [[Paper]](https://paper.org/\(n))\(separator)[[Code]](https://code.org/\(n))" }
        let text = Self.subsections((1...3).map { entry($0, " ") }, (4...5).map { entry($0, ", ") })
        let added = try Self.added(Self.draft(6, title: "Model 6", links: ["paper", "code"]), to: text, rule: "link-spacing")
        #expect(added.insertion.text == entry(6, " "))
        #expect(!added.findings.contains(added.insertion.line))
    }

    /// A label the list does not have yet is written as the list writes its labels: in lower case.
    @Test func aNewLabelIsSpeltAsTheListsLabelsAre() throws {
        let template: (Int) -> String = { "- Title \($0). [[paper]](https://paper.org/\($0)) [[code]](https://code.org/\($0))" }
        let text = "## VFM methods\n**2024**\n" + (1...3).map(template).joined(separator: "\n") + "\n"
        let written = try Self.add(Self.draft(4, title: "Title 4", links: ["paper", "web"]), to: text).text
        #expect(written == "- Title 4. [[paper]](https://paper.org/4) [[web]](https://web.org/4)")
    }

    /// A link's key is its label without spaces and signs (`[[Project Page]]` is `projectpage`):
    /// a new link with that key is labelled as the list labels it.
    @Test func aKeyIsLabelledAsTheListWritesItsLabel() throws {
        let template: (Int) -> String = { "- Title \($0). [[Paper]](https://paper.org/\($0)) [[Project Page]](https://projectpage.org/\($0))" }
        let text = "## VFM methods\n**2024**\n" + (1...3).map(template).joined(separator: "\n") + "\n"
        #expect(try Self.add(Self.draft(4, title: "Title 4", links: ["paper", "projectpage"]), to: text).text == template(4))
    }

    @Test func theSpacingAfterTheMarkerIsTheLists() throws {
        let template: (Int) -> String = { "-   Title \($0). [[Paper]](https://paper.org/\($0))" }
        let text = "## VFM methods\n**2024**\n" + (1...3).map(template).joined(separator: "\n") + "\n"
        #expect(try Self.add(Self.draft(4, title: "Title 4"), to: text).text == template(4))
    }

    /// The heading writes its titles without a period, though the category at large ends them with one.
    @Test func theTitleEndsAsItsHeadingsDo() throws {
        let bare: (Int) -> String = { "- Title \($0) [[Paper]](https://paper.org/\($0))" }
        let period: (Int) -> String = { "- Title \($0). [[Paper]](https://paper.org/\($0))" }
        let text = "## VFM methods\n### Healthcare\n" + (1...5).map(period).joined(separator: "\n") + "\n\n### General\n"
            + (6...8).map(bare).joined(separator: "\n") + "\n"
        #expect(try Self.add(Self.draft(9, title: "Title 9"), to: text).text == bare(9))
    }

    /// The list and its category split evenly between `[[Paper]]` and `[[paper]]`; the heading the
    /// entry goes under writes `[[paper]]`, and links with `, `.
    @Test func labelSpellingAndSeparatorAreTheHeadings() throws {
        let general: (Int) -> String = { "- Title \($0). [[paper]](https://paper.org/\($0)), [[code]](https://code.org/\($0))" }
        let healthcare: (Int) -> String = { "- Title \($0). [[Paper]](https://paper.org/\($0)) [[Code]](https://code.org/\($0))" }
        let text = "## VFM methods\n### Healthcare\n" + (1...3).map(healthcare).joined(separator: "\n")
            + "\n\n### General\n" + (5...7).map(general).joined(separator: "\n") + "\n"
        #expect(try Self.add(Self.draft(8, title: "Title 8.", links: ["paper", "code"]), to: text).text == general(8))
    }

    /// A section whose first entries stand outside any year group (a survey part) takes an entry
    /// without a year there, after them, instead of refusing it for its missing year.
    @Test func anEntryWithoutAYearGoesAfterTheEntriesOfNoYear() throws {
        let line: (Int) -> String = { "- Title \($0). [[Paper]](https://paper.org/\($0))" }
        let text = "## VFM methods\n" + [1, 2].map(line).joined(separator: "\n") + "\n\n**2024**\n" + [5, 6].map(line).joined(separator: "\n") + "\n"
        let insertion = try Self.add(Self.draft(3, year: nil, title: "Title 3."), to: text)
        #expect(insertion.text == line(3))
        #expect(insertion.year == nil)
        #expect(insertion.before == line(2))
    }

    /// `- **Title** (2017), A. Author et al. [[pdf]](u)`: the title in bold, the year and the
    /// authors after it. `export` reads the three apart; `add` writes a new entry the same way,
    /// and each entry taken out and added back from its record is its own line again.
    @Test func aBoldTitleWithItsYearAndAuthorsIsReadAndWrittenSo() throws {
        let template: (Int) -> String = { "- **Title number \($0)** (20\(10 + $0)), A. Author\($0) et al. [[pdf]](https://paper.org/\($0))" }
        let lines = (1...4).map(template)
        let text = "## VFM methods\n" + lines.joined(separator: "\n") + "\n"
        let listed = ListedEntry.all(in: ListView(document: try Document(bytes: Array(text.utf8)), configuration: .healthcareDefault))
        guard case .paper(let first) = try #require(listed.first).draft else { Issue.record("not a paper"); return }
        #expect(first.title == "Title number 1" && first.year == 2011 && first.authors == "A. Author1 et al.")

        for (index, record) in listed.enumerated() {
            guard case .paper(let draft) = record.draft else { Issue.record("not a paper"); continue }
            var others = lines
            others.remove(at: index)
            let insertion = try Self.add(draft, to: "## VFM methods\n" + others.joined(separator: "\n") + "\n")
            #expect(insertion.text == lines[index])
        }
        var draft = Self.draft(5, year: 2015, title: "Title number 5")
        draft.authors = "A. Author5 et al."
        #expect(try Self.add(draft, to: text).text == template(5))
    }

    /// A list of titles in bold, with nothing after them: a new title is bold too. A bold name
    /// before the title (`**Name**: Title.`) is not a bold title: the text stays the title.
    @Test func aTitleInBoldIsWrittenInBoldWhereMostAre() throws {
        let text = "## VFM methods\n**2024**\n- **A model** [[Paper]](https://a.org/1)\n- **Another model** [[Paper]](https://a.org/2)\n"
        #expect(try Self.add(Self.draft(3, title: "A third model"), to: text).text == "- **A third model** [[Paper]](https://paper.org/3)")
        #expect(BoldTitle.parse("**Name**: A title.") == nil)
        #expect(BoldTitle.parse("**[A title](https://a.org/1)**") == nil)
        #expect(BoldTitle.parse("**A title**.") == BoldTitle(title: "A title"))
    }

    /// An entry put back between two that are written alike is written as they are (no period,
    /// `[Paper](u)`), though most of the group writes `Title. [[Paper]](u)`; an entry added at
    /// the group's end takes the group's majority.
    @Test func anEntryBetweenTwoWrittenAlikeIsWrittenAsTheyAre() throws {
        let majority: (Int) -> String = { "- Title \($0). [[Paper]](https://paper.org/\($0))" }
        let run: (Int) -> String = { "- Title \($0) [Paper](https://paper.org/\($0))" }
        let lines = (1...5).map(majority) + (6...8).map(run)
        let list: ([String]) -> String = { "## VFM methods\n**2024**\n" + $0.joined(separator: "\n") + "\n" }
        var without = lines
        without.remove(at: 6)
        var putBack = Self.draft(7, title: "Title 7")
        putBack.position = 6
        #expect(try Self.add(putBack, to: list(without)).text == run(7))
        #expect(try Self.add(Self.draft(9, title: "Title 9"), to: list(lines)).text == majority(9))
    }

    /// Between two entries of several lines written alike, the new one is written as they are:
    /// the entry it follows is the one whose authors item it comes after, not that item.
    @Test func anEntryBetweenTwoOfSeveralLinesIsWrittenAsTheyAre() throws {
        let majority: (Int) -> String = { "- Title \($0).\n  [[pdf]](https://paper.org/\($0))\n  - Author \($0). *ICML 2019*" }
        let run: (Int) -> String = { " - Title \($0)\n    [[pdf]](https://paper.org/\($0))\n    - Author \($0) *ICML 2019*" }
        let lines = (1...5).map(majority) + (6...8).map(run)
        let list: ([String]) -> String = { "## VFM methods\n**2019**\n" + $0.joined(separator: "\n") + "\n" }
        var without = lines
        without.remove(at: 6)
        var putBack = Self.draft(7, year: 2019, title: "Title 7")
        (putBack.authors, putBack.venue, putBack.position) = ("Author 7", "ICML 2019", 6)
        #expect(try Self.add(putBack, to: list(without)).text == run(7))
    }

    /// In a group whose entries are set apart by blank lines, a new entry is too: put back
    /// between two, added at the group's end, or several added at once.
    @Test func entriesSetApartByBlankLinesGetABlankLine() throws {
        let entry: (Int) -> String = { "- Title \($0). [[Paper]](https://paper.org/\($0))" }
        let list: ([Int]) -> String = { "## VFM methods\n**2024**\n" + $0.map(entry).joined(separator: "\n\n") + "\n\n**2023**\n" + entry(9) + "\n" }
        let adder = Adder(configuration: .healthcareDefault, registry: try SchemaRegistry.builtIn)
        func added(_ drafts: [PaperDraft], to numbers: [Int]) throws -> String {
            let document = try Document(bytes: Array(list(numbers).utf8))
            // One entry is added alone, several together (their edits merged).
            let bytes = drafts.count == 1 ? try adder.add(.paper(drafts[0]), to: document, allowDuplicate: false).bytes
                : try adder.addAll(drafts.map { .paper($0) }, to: document, allowDuplicate: false).bytes
            return String(decoding: bytes, as: UTF8.self)
        }
        var putBack = Self.draft(2, title: "Title 2")
        putBack.position = 1
        #expect(try added([putBack], to: [1, 3]) == list([1, 2, 3]))
        #expect(try added([Self.draft(3, title: "Title 3")], to: [1, 2]) == list([1, 2, 3]))
        #expect(try added([Self.draft(3, title: "Title 3"), Self.draft(4, title: "Title 4")], to: [1, 2]) == list([1, 2, 3, 4]))
    }
}
