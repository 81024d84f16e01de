import Foundation
import FMTestSupport
import Testing
import FMList
import FMRules

/// `check` on real lists: the findings the healthcare list must get, at the right line and
/// column, and nothing on the lines that are fine.
@Suite struct CorpusCheckTests {
    struct Spot: Hashable, CustomStringConvertible {
        var rule: String
        var line: Int
        var column: Int
        var description: String { "\(line):\(column) \(rule)" }
    }

    /// The lines whose `[[paper]]`/`[[Paper]]` spelling is the odd one out, read from the bytes:
    /// a section (a `#` heading to the next) with at least three such labels, nine in ten of one
    /// spelling, keeps its spelling; elsewhere the list's majority holds.
    static func oddLabelLines(_ lines: [String], in range: ClosedRange<Int>) -> Set<Int> {
        func spelling(_ text: String) -> String? {
            text.contains("[[Paper]]") ? "Paper" : text.contains("[[paper]]") ? "paper" : nil
        }
        var sections: [[Int]] = [[]]
        for n in range {
            if lines[n - 1].hasPrefix("#") { sections.append([]) } else if spelling(lines[n - 1]) != nil { sections[sections.count - 1].append(n) }
        }
        let all = sections.joined().map { spelling(lines[$0 - 1])! }
        let listWide = all.filter { $0 == "Paper" }.count >= all.filter { $0 == "paper" }.count ? "Paper" : "paper"
        var odd = Set<Int>()
        for section in sections {
            let counts = Dictionary(grouping: section, by: { spelling(lines[$0 - 1])! }).mapValues(\.count)
            let best = counts.max { ($0.value, $1.key) < ($1.value, $0.key) }
            let settled = section.count >= 3 && (best?.value ?? 0) * 10 >= section.count * 9 ? best!.key : listWide
            odd.formUnion(section.filter { spelling(lines[$0 - 1]) != settled })
        }
        return odd
    }

    static func findings(_ url: URL) throws -> [Finding] {
        let document = try Document(bytes: try Paths.bytes(url))
        return Linter().findings(in: ListView(document: document, configuration: .healthcareDefault))
    }

    @Test func healthcareListGetsExactlyItsFindings() throws {
        let url = Paths.healthcareList
        let lines = String(decoding: try Paths.bytes(url), as: UTF8.self).components(separatedBy: "\n")
        let found = try Self.findings(url)

        // The findings a person can point at, one by one.
        let named = Set<Spot>([
            Spot(rule: "toc-broken-link", line: 40, column: 56),   // #Awesome-… is not GitHub's lower-case anchor
            Spot(rule: "toc-text-mismatch", line: 41, column: 3),  // "Related survery"
            Spot(rule: "empty-link-target", line: 150, column: 117),
            Spot(rule: "empty-link-target", line: 172, column: 159),
            Spot(rule: "empty-link-target", line: 176, column: 118),
            Spot(rule: "swallowed-year-marker", line: 235, column: 1),  // **2023** inside the CellPLM entry
            Spot(rule: "malformed-link", line: 388, column: 275),   // nihcc.app.box.com
            Spot(rule: "empty-link-target", line: 390, column: 2),  // [  TotalSegmentator ]()
            Spot(rule: "empty-link-target", line: 393, column: 2),  // [  ULS ]()
            Spot(rule: "empty-link-target", line: 395, column: 2),  // [ FLARE 2023  ]()
            Spot(rule: "malformed-link", line: 427, column: 21),    // a link inside a link's target
            // Against the entry schema: a link without a scheme, and the link inside a link's target.
            Spot(rule: "entry-schema", line: 388, column: 275),
            Spot(rule: "entry-schema", line: 427, column: 21),
        ])
        // Titles run into their links (`model.[[paper]]`), or links apart from each other by
        // something else than the category's single space.
        .union([(147, 154), (152, 108), (171, 174), (173, 81), (175, 96), (176, 71), (177, 86), (179, 109),
                (181, 144), (182, 84), (194, 114), (197, 54), (200, 107), (208, 62), (214, 90), (219, 146),
                (323, 104)].map { Spot(rule: "link-spacing", line: $0.0, column: $0.1) })
        // The same paper twice in the VFM 2021 group (Models Genesis, MoCo), and links shared by
        // entries whose titles disagree (a link pasted into the wrong entry, most likely).
        .union([Spot(rule: "duplicate-entry", line: 217, column: 1), Spot(rule: "duplicate-entry", line: 218, column: 1)])
        .union([(96, 1), (111, 1), (139, 1), (170, 1), (239, 3), (267, 3)].map { Spot(rule: "possible-duplicate", line: $0.0, column: $0.1) })
        // Pairs of dataset rows that link one paper or record: MedDG and MedDialog (one ACL
        // Anthology page), BiMed1.3M and OncoGPT (one arXiv id), TotalSegmentator and its v2 (one
        // Zenodo DOI).
        .union([364, 376, 391].map { Spot(rule: "possible-duplicate", line: $0, column: 1) })
        // The five dataset tables: unpadded, and right under their headings.
        .union([341, 379, 425, 446, 467].flatMap { [Spot(rule: "table-alignment", line: $0, column: 1),
                                                     Spot(rule: "blank-line-around-table", line: $0, column: 1)] })
        let rulesNamed = Set(named.map(\.rule))
        let foundNamed = Set(found.filter { rulesNamed.contains($0.ruleID) && !($0.ruleID == "entry-schema" && $0.severity == .warning) }.map { Spot(rule: $0.ruleID, line: $0.line, column: $0.column) })
        #expect(foundNamed == named)

        // The findings of a kind, computed from the bytes independently of the rules.
        func linesWhere(_ predicate: (Int, String) -> Bool) -> Set<Int> {
            Set(lines.indices.filter { predicate($0 + 1, lines[$0]) }.map { $0 + 1 })
        }
        let fence = 26...37
        let methods = 82...338
        let expectedLabelCase = Self.oddLabelLines(lines, in: methods)
        let expectedTabs = linesWhere { $1.hasPrefix("|") && $1.contains("\t") }
        let expectedTrailing = linesWhere { n, text in
            !fence.contains(n) && (text.hasSuffix(" ") || text.hasSuffix("\t"))
        }
        #expect(!expectedLabelCase.isEmpty && expectedTabs.count == 36 && expectedTrailing.count == 26)
        #expect(Set(found.filter { $0.ruleID == "mixed-label-case" }.map(\.line)) == expectedLabelCase)
        #expect(Set(found.filter { $0.ruleID == "tab-in-table-cell" }.map(\.line)) == expectedTabs)
        #expect(Set(found.filter { $0.ruleID == "trailing-whitespace" }.map(\.line)) == expectedTrailing)
        // Plain http links of the categories' entries and rows (the databases table, from line 467, is no category's).
        let expectedHTTP = linesWhere { n, text in n < 467 && text.contains("](http://") }
        #expect(!expectedHTTP.isEmpty)
        // Links whose ( ) come in pairs (`…(23)00272-7`) are links as written: no finding.
        let pairedParentheses = linesWhere { n, text in n < 467 && text.contains(/\]\(https:\/\/[^\s()]*\([^\s()]*\)[^\s()]*\)/) }
        #expect(!pairedParentheses.isEmpty)
        #expect(found.filter { pairedParentheses.contains($0.line) && $0.ruleID == "entry-schema" }.isEmpty)
        // Code listed among papers without a paper (`[Github] Visual med-alpaca … [[Code]](…)`): a
        // resource, which the schema warns of.
        let resources = linesWhere { n, text in (82...338).contains(n) && text.hasPrefix("- [") && text.contains("[[Code]](")
            && !text.lowercased().contains("[[paper]](") }
        #expect(resources == [108])
        #expect(found.filter { resources.contains($0.line) && $0.ruleID == "entry-schema" }.allSatisfy { $0.message.contains("links no paper, only its code") })
        #expect(Set(found.filter { $0.ruleID == "entry-schema" && $0.severity == .warning }.map(\.line)) == expectedHTTP.union(resources))

        // Nothing else: every finding is one of the above.
        let allowed = Set(named.map(\.line)).union(expectedLabelCase).union(expectedTabs).union(expectedTrailing).union(expectedHTTP).union(resources)
        let stray = found.filter { !allowed.contains($0.line) }
        #expect(stray.isEmpty, "unexpected: \(stray.map { "\($0.line):\($0.column) \($0.ruleID)" })")
        // The contents' #Awesome-Foundation-Models-for-Advancing-Healthcare differs from the
        // heading's anchor only in case: GitHub's page finds it, so it is a warning, not an error.
        // Eleven errors of the other rules, and the three of the entry schema named above.
        #expect(found.filter { $0.severity == .error }.count == 11 + named.count { $0.rule == "entry-schema" })
        #expect(found.first { $0.ruleID == "toc-broken-link" && $0.line == 40 }?.severity == .warning)
    }

    @Test func olderStyleFixtureGetsItsFindings() throws {
        let found = try Self.findings(Paths.fixtures.appendingPathComponent("healthcare-older.md"))
        let spots = Set(found.map { Spot(rule: $0.ruleID, line: $0.line, column: $0.column) })
        let expected: Set<Spot> = [
            // `  - - [LFM data](#lfm-datasets)`: the heading levels put it beside VFM datasets.
            Spot(rule: "toc-nesting", line: 14, column: 7),
            Spot(rule: "toc-text-mismatch", line: 14, column: 7),
            Spot(rule: "placeholder-entry", line: 21, column: 1),
            Spot(rule: "empty-link-target", line: 29, column: 159),
            Spot(rule: "placeholder-entry", line: 30, column: 1),
            Spot(rule: "trailing-whitespace", line: 30, column: 2),
            Spot(rule: "duplicate-heading", line: 43, column: 1),
            Spot(rule: "duplicate-entry", line: 45, column: 1),        // STU-Net: one arXiv id, two code repositories
            Spot(rule: "possible-duplicate", line: 48, column: 1),     // MoCo-CXR: the same title after its name
            Spot(rule: "duplicate-entry", line: 49, column: 1),        // Models Genesis: one code repository
            Spot(rule: "swallowed-year-marker", line: 50, column: 1),
            Spot(rule: "year-order", line: 50, column: 1),
            Spot(rule: "placeholder-entry", line: 51, column: 1),
            Spot(rule: "swallowed-year-marker", line: 56, column: 1),
            Spot(rule: "year-order", line: 56, column: 1),
            Spot(rule: "blank-line-around-table", line: 61, column: 1),
            Spot(rule: "table-cell-count", line: 64, column: 1),
            Spot(rule: "blank-line-around-table", line: 67, column: 1),
            Spot(rule: "table-alignment", line: 67, column: 1),  // the table above has a short row: it is left as it is
            Spot(rule: "tab-in-table-cell", line: 69, column: 85),
            Spot(rule: "empty-link-target", line: 70, column: 2),
            Spot(rule: "tab-in-table-cell", line: 70, column: 19),
        ]
        #expect(spots.filter { $0.rule != "mixed-label-case" } == expected)
        // This list mostly writes [[paper]]: the few [[Paper]] are the odd ones out, where their
        // section has not settled on them.
        let lines = String(decoding: try Paths.bytes(Paths.fixtures.appendingPathComponent("healthcare-older.md")), as: UTF8.self)
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let odd = Self.oddLabelLines(lines, in: 1...lines.count)
        #expect(!odd.isEmpty)
        #expect(Set(found.filter { $0.ruleID == "mixed-label-case" }.map(\.line)) == odd)
    }

    @Test func listViewReadsTheHealthcareList() throws {
        let url = Paths.healthcareList
        let view = ListView(document: try Document(bytes: try Paths.bytes(url)), configuration: .healthcareDefault)
        for key in ["lfm", "vfm", "bfm", "mfm", "lfm-data", "vfm-data", "bfm-data", "mfm-data"] {
            #expect(view.section(forCategory: key) != nil, "no section for \(key)")
        }
        let years = { (key: String) in view.yearGroups.filter { $0.section == view.section(forCategory: key) }.map(\.year) }
        #expect(years("lfm") == [2024, 2023, 2022, 2021, 2020, 2019])
        #expect(years("bfm") == [2024, 2023, 2022, 2021])
        let entries = view.entries.filter { $0.shape == .entry }
        #expect(entries.count == view.entries.count, "every item of a category section reads as an entry")
        let bfm = entries.filter { $0.category == "bfm" }
        let cellPLM = try #require(bfm.first { $0.title?.hasPrefix("CellPLM") == true })
        #expect(cellPLM.venue == "ICLR 2024" && cellPLM.line == 234)
        #expect(view.yearGroups[cellPLM.yearGroup!].year == 2024)
        let dnaGPT = try #require(bfm.first { $0.title?.hasPrefix("DNAGPT") == true })
        #expect(view.yearGroups[dnaGPT.yearGroup!].year == 2023)
        #expect(dnaGPT.linkSeparator == ", " && dnaGPT.links.map(\.label) == ["Paper", "Code"])
        let uni = try #require(entries.first { $0.title == "Towards a general-purpose foundation model for computational pathology." })
        #expect(uni.venue == "Nature Medicine" && uni.links.last?.url == "https://github.com/mahmoodlab/UNI")
        #expect(view.tables.count == 5)
        #expect(view.tables.filter { $0.category == "vfm-data" }.first?.header.cells.count == 5)
        #expect(view.tablesOfContents.count == 1 && view.tablesOfContents[0].items.count == 17)
    }
}
