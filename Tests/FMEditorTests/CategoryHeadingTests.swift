import Foundation
import FMList
import FMSchema
import FMTestSupport
import Testing
@testable import FMEditor

/// A category's section is found by its heading, an alias of it, or a heading that says the
/// same in other words (then `add` says which one it took); a list without configured categories
/// has those of its headings that hold entries.
@Suite struct CategoryHeadingTests {
    static let list = "## LFM methods in healthcare\n**2024**\n- [arXiv] Old model. [[Paper]](https://a.org/1)\n"
    static let draft = Draft.paper(PaperDraft(category: "lfm", year: 2024, venue: "arXiv", title: "New model.",
                                              links: [.init(key: "paper", url: "https://a.org/2")]))

    static func add(_ text: String, _ configuration: Configuration) throws -> Adder.Outcome {
        try Adder(configuration: configuration, registry: try SchemaRegistry.builtIn)
            .add(draft, to: try Document(bytes: Array(text.utf8)), allowDuplicate: false)
    }

    @Test func aHeadingWithMoreWordsIsFoundAndNamedInANote() throws {
        let outcome = try Self.add(Self.list, .healthcareDefault)
        #expect(outcome.insertion.section == "LFM methods in healthcare")
        #expect(outcome.warnings.contains { $0.contains("\"LFM methods in healthcare\"") && $0.contains("\"LFM methods\"") })
        // Case, punctuation and a plural: `VFM data` is the category `VFM datasets`.
        let view = ListView(document: try Document(bytes: Array("## vfm: Data\n| a | b |\n|---|---|\n".utf8)), configuration: .healthcareDefault)
        #expect(view.section(forCategory: "vfm-data") != nil)
        #expect(view.categoryHeadings.fuzzy["vfm-data"] == "vfm: Data")
    }

    @Test func anAliasNamesARenamedHeading() throws {
        let without = try Configuration.parse(yaml: "categories:\n  lfm: { heading: Language models }\n")
        #expect(throws: AddError.sectionNotFound(category: "lfm", heading: "Language models")) { try Self.add(Self.list, without) }
        let with = try Configuration.parse(yaml: "categories:\n  lfm: { heading: Language models, aliases: [LFM methods in healthcare] }\n")
        let outcome = try Self.add(Self.list, with)
        #expect(outcome.insertion.section == "LFM methods in healthcare")
        #expect(outcome.warnings.isEmpty, "an alias is the maintainers' word: nothing to note")
        #expect(throws: ListError.self) { try Configuration.parse(yaml: "categories:\n  lfm: { heading: L, aliases: LFM }\n") }
    }

    @Test func aListWithoutConfiguredCategoriesHasItsHeadingsThatHoldEntries() throws {
        let text = """
            # A list
            - [Intro](#topic-one)

            ## Topic one
            ### 2024
            - A. [[paper]](https://a.org/1)
            ### 2023
            - B. [[paper]](https://a.org/2)

            ## Empty topic
            Nothing yet.

            ## Parent A
            ### Shared name
            - C. [[paper]](https://a.org/3)
            ## Parent B
            ### Shared name
            - D. [[paper]](https://a.org/4)

            """
        let view = ListView(document: try Document(bytes: Array(text.utf8)), configuration: .builtIn)
        // Year headings are year groups, a repeated heading stands for its parents.
        #expect(view.configuration.categories.map(\.heading) == ["Topic one", "Parent A", "Parent B"])
        #expect(view.configuration.categories.map(\.key) == ["topic-one", "parent", "parent-b"])
        #expect(view.yearGroups.map(\.year) == [2024, 2023])
        let titles = view.entries.filter { $0.category != nil }.compactMap(\.title)
        #expect(titles.count == 4)
    }

    @Test(.enabled(if: Needs.corpus, Comment(rawValue: Needs.corpusReason)))
    func theHealthcareListKeepsTheBuiltInCategories() throws {
        for file in [Paths.corpus.appendingPathComponent("upstream-healthcare-fm.md"), Paths.repository.appendingPathComponent("Examples/healthcare-list.md")] {
            let view = ListView(document: try Document(bytes: try Paths.bytes(file)), configuration: .builtIn)
            #expect(view.configuration.categories == Configuration.healthcareDefault.categories, "\(file.lastPathComponent)")
            let stated = ListView(document: view.document, configuration: .healthcareDefault)
            #expect(view.entries.map(\.category) == stated.entries.map(\.category))
        }
    }

    @Test(.enabled(if: Needs.corpus, Comment(rawValue: Needs.corpusReason)))
    func yearHeadingsUnderTopicsAreNotCategories() throws {
        let file = Paths.corpus.appendingPathComponent("jason718--awesome-self-supervised-learning.md")
        let view = ListView(document: try Document(bytes: try Paths.bytes(file)), configuration: .builtIn)
        let headings = view.configuration.categories.map(\.heading)
        #expect(!headings.isEmpty)
        #expect(headings.allSatisfy { Int($0) == nil }, "\(headings)")
        #expect(!view.yearGroups.isEmpty)
    }
    @Test func aPaperTableMakesItsHeadingACategoryAndItsRowsEntries() throws {
        let file = Paths.fixtures.appendingPathComponent("paper-table/README.md")
        let document = try Document(bytes: try Paths.bytes(file))
        let view = ListView(document: document, configuration: .builtIn)
        let table = try #require(view.tables.first { PaperColumn.columns(of: $0.header) != nil })
        let heading = view.sections[try #require(table.section)].text
        let category = try #require(view.configuration.categories.first { $0.heading == heading }, "\(view.configuration.categories)")
        let rows = ListedEntry.all(in: view).filter { $0.draft.category == category.key }
        #expect(rows.count == table.body.count)
        #expect(rows.allSatisfy { $0.listing.text.hasPrefix("|") })
    }
}
