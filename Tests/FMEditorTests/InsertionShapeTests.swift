import FMList
import FMRules
import FMSchema
import Testing
@testable import FMEditor

/// An insertion changes what it is about and nothing else, in list shapes met on real lists:
/// each case a small list of its own.
@Suite struct InsertionShapeTests {
    let adder: Adder

    init() throws {
        adder = Adder(configuration: .healthcareDefault, registry: try SchemaRegistry.builtIn)
    }

    func paper(_ category: String, _ year: Int?, _ title: String) -> Draft {
        .paper(PaperDraft(category: category, year: year, venue: "arXiv", title: title,
                          links: [.init(key: "paper", url: "https://arxiv.org/abs/2401.0\(title.count)")]))
    }

    func tables(_ bytes: [UInt8]) -> Int {
        RenderedHTML.of(bytes).components(separatedBy: "<table>").count - 1
    }

    /// Point 7: written right above a table, the entry would make the table its text.
    @Test func anEntryAboveATableKeepsTheTable() throws {
        let list = """
            # List

            ## VFM methods
            | Model | Link |
            |---|---|
            | A | [x](https://a.org) |

            ## MFM methods

            - [arXiv] Something. [[Paper]](https://arxiv.org/abs/2301.00001)

            """
        let document = try Document(bytes: Array(list.utf8))
        let outcome = try adder.add(paper("vfm", 2024, "A vision model above a table"), to: document, allowDuplicate: false)
        #expect(tables(outcome.bytes) == tables(document.bytes))
        let text = String(decoding: outcome.bytes, as: UTF8.self)
        #expect(text.contains("[[Paper]](https://arxiv.org/abs/2401.028)\n\n| Model | Link |"), "\(text)")
    }

    /// Point 8: a section without year markers, in a list that groups by year, gets its first
    /// group, and the year reported is the group made.
    @Test func aSectionWithoutYearsGetsItsFirstYearGroup() throws {
        let list = """
            # List

            ## LFM methods

            **2023**

            - [arXiv] A language model. [[Paper]](https://arxiv.org/abs/2301.00001)

            ## VFM methods

            ## MFM methods

            **2022**

            - [arXiv] A multimodal model. [[Paper]](https://arxiv.org/abs/2201.00001)

            """
        let document = try Document(bytes: Array(list.utf8))
        let outcome = try adder.add(paper("vfm", 2024, "A first vision model"), to: document, allowDuplicate: false)
        let text = String(decoding: outcome.bytes, as: UTF8.self)
        #expect(text.contains("## VFM methods\n\n**2024**\n\n- [arXiv] A first vision model. [[Paper]]"), "\(text)")
        #expect(outcome.insertion.createsYearGroup && outcome.insertion.year == 2024)
        let view = ListView(document: try Document(bytes: outcome.bytes), configuration: .healthcareDefault)
        let entry = try #require(view.entries.first { $0.title?.hasPrefix("A first vision model") == true })
        #expect(entry.yearGroup.map { view.yearGroups[$0].year } == 2024)
    }

    /// A section whose entries stand in no year group (a list's talks or blog posts) gets no
    /// year heading for a new one, though the rest of the list groups by year: the new entry
    /// goes after the section's last, and no year is reported.
    @Test func aSectionThatGroupsNoneOfItsEntriesGetsNoYearGroup() throws {
        let list = """
            # List

            ## LFM methods

            #### 2023

            - [arXiv] A language model. [[Paper]](https://arxiv.org/abs/2301.00001)

            ## VFM methods

            - [Blog] A post on vision models. [[Paper]](https://blog.example.org/vision)
            - [Blog] Another post. [[Paper]](https://blog.example.org/another)

            """
        let document = try Document(bytes: Array(list.utf8))
        let outcome = try adder.add(paper("vfm", 2024, "A third post"), to: document, allowDuplicate: false)
        #expect(!outcome.insertion.createsYearGroup && outcome.insertion.year == nil)
        #expect(outcome.insertion.before == "- [Blog] Another post. [[Paper]](https://blog.example.org/another)")
        #expect(!String(decoding: outcome.bytes, as: UTF8.self).contains("2024"))
    }

    /// A list with no year groups at all reports no year for the place it chose.
    @Test func noYearIsReportedWhereTheListHasNoYears() throws {
        let list = "# List\n\n## VFM methods\n\n- [arXiv] A vision model. [[Paper]](https://arxiv.org/abs/2301.00001)\n"
        let outcome = try adder.add(paper("vfm", 2024, "Another vision model"), to: try Document(bytes: Array(list.utf8)), allowDuplicate: false)
        #expect(outcome.insertion.year == nil && !outcome.insertion.createsYearGroup)
    }

    /// Point 9: a warning that stood there before is not new because the insertion moved it:
    /// a row added to a table with text right below it moves "no blank line after this table"
    /// to the new last row.
    @Test func aWarningThatWasThereDoesNotRefuseTheEntry() throws {
        let list = """
            # List

            ## VFM datasets

            | Dataset Name | Modality | Scale | Task | Link |
            |---|---|---|---|---|
            | [Set](https://a.org/p) | CT | 1 | Seg | [*](https://a.org/d) |
            ## VFM methods

            - [arXiv] A vision model. [[Paper]](https://arxiv.org/abs/2401.00001)

            """
        let document = try Document(bytes: Array(list.utf8))
        let before = Linter().findings(in: ListView(document: document, configuration: .healthcareDefault))
        #expect(before.contains { $0.ruleID == "blank-line-around-table" && $0.line == 7 })
        let row = Draft.dataset(DatasetDraft(category: "vfm-data", name: "Another set", paper: "https://a.org/q",
                                             link: "https://a.org/e", modality: "MRI", scale: "2", task: "Seg"))
        let outcome = try adder.add(row, to: document, allowDuplicate: false)
        #expect(outcome.insertion.line == 8)
    }

    /// Point 10: with the heading twice, the entry goes where the category's entries are.
    @Test func aRepeatedHeadingPrefersTheSectionWithEntries() throws {
        let list = """
            # List

            ## VFM methods

            ## VFM methods

            **2024**

            - [arXiv] A vision model. [[Paper]](https://arxiv.org/abs/2401.00001)

            """
        let outcome = try adder.add(paper("vfm", 2024, "A second vision model"), to: try Document(bytes: Array(list.utf8)), allowDuplicate: false)
        #expect(outcome.insertion.line == 10)
        #expect(String(decoding: outcome.bytes, as: UTF8.self).hasSuffix("(https://arxiv.org/abs/2401.00001)\n- [arXiv] A second vision model. [[Paper]](https://arxiv.org/abs/2401.021)\n"))
    }

    /// Point 11: the section's label spelling, then the list's.
    @Test func labelsAreSpelledAsTheSectionSpellsThem() throws {
        var lines = ["# List", "", "## LFM methods", "", "**2024**", ""]
        for k in 0..<5 { lines.append("- [arXiv] Language model \(k). [[Paper]](https://arxiv.org/abs/2401.1000\(k))") }
        lines += ["", "## BFM methods", "", "**2024**", ""]
        for k in 0..<3 { lines.append("- [arXiv] Cell model \(k). [[paper]](https://arxiv.org/abs/2402.1000\(k))") }
        let document = try Document(bytes: Array((lines.joined(separator: "\n") + "\n").utf8))
        let bio = try adder.add(paper("bfm", 2024, "A new cell model"), to: document, allowDuplicate: false)
        #expect(bio.insertion.text.contains("[[paper]]("), "\(bio.insertion.text)")
        let language = try adder.add(paper("lfm", 2024, "A new language model"), to: document, allowDuplicate: false)
        #expect(language.insertion.text.contains("[[Paper]]("), "\(language.insertion.text)")
    }
}
