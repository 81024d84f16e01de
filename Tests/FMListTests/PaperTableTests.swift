import Foundation
@testable import FMList
import FMSchema
import FMTestSupport
import Testing

/// Paper tables: a table of a paper category whose header names a title column; each row is an
/// entry, read by its columns.
@Suite struct PaperTableTests {
    static let configuration = try! Configuration.parse(yaml: """
        categories:
          sam:
            heading: SAM papers
          models:
            heading: MRI Models
          milestones:
            heading: Milestone Papers
          sets:
            heading: Datasets
            kind: datasets
        """)

    /// The three shapes met in real lists.
    static let list = """
        # Papers

        ## SAM papers

        |Date|Authors|Title|Code|
        |---|---|---|---|
        |202602|R. Zhai et al.|SAM2-driven dual-teacher framework [(paper)](https://www.sciencedirect.com/science/article/pii/S1)|None|
        |202511|A. Liu et al.|MedSAM3: Delving into Segment Anything [(paper)](https://arxiv.org/pdf/2511.19046)|[Code](https://github.com/Joey-S-Liu/MedSAM3)|

        ## MRI Models

        | Year | Title | Journal | Model | Code | Weights | Key Feature |
        |:----:|--------|---------|---------|:---:|:-------:|---|
        | 2025 | **MRI-CORE**: A Foundation Model for MRI | arXiv | ViT-Base | [✓](https://github.com/mazurowski-lab/mri_foundation) | [✓](https://drive.google.com/file/d/1) | MIM+DINOv2 |
        | 2025 | **Triad**: Vision Foundation Model for 3D MRI | arXiv | SwinTransformer | [✓](https://github.com/wangshansong1/Triad) | - | VoCo v2 |

        ## Milestone Papers

        |   Date  |   keywords   |  Institute  | Paper |
        |:-------:|:------------:|:-----------:|-------|
        | 2017-06 | Transformers |    Google   | [Attention Is All You Need](https://arxiv.org/pdf/1706.03762.pdf) |

        ## Other

        | Date | Title |
        |---|---|
        | 2024 | Not a category's table |

        """

    static func view(_ text: String = list, configuration: Configuration = configuration) throws -> ListView {
        ListView(document: try Document(bytes: Array(text.utf8)), configuration: configuration)
    }

    static func columns(_ header: String, configured: [String: PaperColumn] = [:]) -> [PaperColumn]? {
        let row = TableRow(line: 1, cells: TableSplitter.cells(Array(header.utf8)[...]))
        return PaperColumn.columns(of: row, configured: configured)
    }

    @Test func columnsAreReadFromTheHeader() {
        #expect(Self.columns("|Date|Authors|Title|Code|") == [.date, .authors, .title, .code])
        #expect(Self.columns("| Year | Title | Journal | Model | Code | Weights | Key Feature |")
                == [.date, .title, .venue, .other, .code, .other, .other])
        // `Paper` holds the title when no column is called Title.
        #expect(Self.columns("|   Date  |   keywords   |  Institute  | Paper |") == [.date, .other, .other, .title])
        // A dataset table's header names no title: it is no paper table.
        #expect(Self.columns("| Dataset Name | Modality | Link |") == nil)
        #expect(Self.columns("| Model | Link |") == nil)
    }

    @Test func theConfigurationSaysWhatTheHeaderDoesNot() throws {
        #expect(Self.columns("| When | Work | Pub. |") == nil)
        let configured = try Configuration.parse(yaml: "table:\n  columns:\n    work: title\n    Pub.: venue\n    When: date\n").tableColumns
        #expect(Self.columns("| When | Work | Pub. |", configured: configured) == [.date, .title, .venue])
    }

    @Test func aColumnRoleTheSchemaDoesNotKnowIsRefused() {
        #expect(throws: ListError.self) { try Configuration.parse(yaml: "table:\n  columns:\n    Work: heading\n") }
    }

    /// Each row of a category's paper table is an entry with its fields, as the row writes them.
    @Test func rowsAreExportedAsEntries() throws {
        let view = try Self.view()
        let records = ListedEntry.all(in: view)
        let lines = Self.list.components(separatedBy: "\n")
        // Every body row of the three category tables, none of the table outside a category.
        let rowLines = lines.indices.filter { lines[$0].hasPrefix("|") && !lines[$0].contains("---") && lines[$0].contains("](") }
            .map { $0 + 1 }
        #expect(records.map(\.listing.lines.lowerBound) == rowLines)
        for record in records {
            let line = lines[record.listing.lines.lowerBound - 1]
            guard case .paper(let paper) = record.draft else { Issue.record("not a paper: \(line)"); continue }
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            // The year is the date cell's first four digits; every link target of the row is one of its links.
            #expect(paper.year == Int(cells[0].prefix(4)))
            let targets = line.matches(of: /\]\(([^)]+)\)/).map { String($0.1) }
            #expect(Set(paper.links.map(\.url)) == Set(targets), "\(line)")
            #expect(line.contains(paper.title))
            #expect(record.json().objectValue?["listed"]?.objectValue?["text"]?.stringValue == line)
        }
        let sam = try #require(records.first)
        guard case .paper(let first) = sam.draft else { return }
        #expect(first.date == "2026-02" && first.authors == "R. Zhai et al." && first.title == "SAM2-driven dual-teacher framework")
        #expect(first.links.map(\.key) == ["paper"])
        guard case .paper(let model) = records[2].draft, case .paper(let triad) = records[3].draft,
              case .paper(let milestone) = records[4].draft else { Issue.record("not papers"); return }
        #expect(model.venue == "arXiv" && model.links.map(\.key) == ["code", "weights"])
        #expect(model.cells == [.init(key: "model", text: "ViT-Base"), .init(key: "keyfeature", text: "MIM+DINOv2")])
        // `-` says the row has no weights: no cell, no link.
        #expect(triad.links.map(\.key) == ["code"] && !triad.cells.contains { $0.key == "weights" })
        #expect(milestone.title == "Attention Is All You Need" && milestone.links == [.init(key: "paper", url: "https://arxiv.org/pdf/1706.03762.pdf")])
        #expect(milestone.cells.map(\.text) == ["Transformers", "Google"])
    }

    /// `stats` counts a paper table's rows by the year of their date and by their venue.
    @Test func statisticsCountRowsByTheirYear() throws {
        let statistics = ListStatistics(view: try Self.view())
        let lines = Self.list.components(separatedBy: "\n")
        let rows = lines.filter { $0.hasPrefix("|") && $0.contains("](") }
        let years = rows.compactMap { Int($0.drop { !$0.isNumber }.prefix(4)) }
        #expect(years.count == rows.count)
        let counted = Dictionary(years.map { ($0, 1) }, uniquingKeysWith: +)
        #expect(Dictionary(uniqueKeysWithValues: statistics.years.map { ($0.year, $0.tally.entries) }) == counted)
        #expect(statistics.undated.entries == 0)
        #expect(statistics.venues.first { $0.name == "arXiv" }?.entries == rows.filter { $0.contains("| arXiv |") }.count)
    }

    /// What export writes of a row, the entry schema takes: `date`, `authors` and `cells` are
    /// fields. A row of the table that links no paper lacks its paper link, and only that.
    @Test func anExportedRowFitsTheEntrySchema() throws {
        let validator = try Validator(schema: "entry", registry: .builtIn)
        for record in ListedEntry.all(in: try Self.view()) {
            let errors = validator.validate(record.json()).filter { $0.severity == .error }
            // The MRI table's titles hold no link, and it has no paper column.
            let linksItsPaper = record.listing.section != "MRI Models"
            #expect(errors.map(\.instanceLocation) == (linksItsPaper ? [] : ["/links/paper"]), "\(record.listing.text): \(errors.map(\.message))")
        }
    }

    /// On the real list: every row of the two literature tables is an entry, in the file's order.
    @Test(.enabled(if: Needs.corpus, Comment(rawValue: Needs.corpusReason))) func samListRowsAreItsEntries() throws {
        let url = Paths.corpus.appendingPathComponent("YichiZhang98--SAM4MIS.md")
        let text = String(decoding: try Paths.bytes(url), as: UTF8.self)
        let configuration = try Configuration.parse(yaml: """
            categories:
              sam2:
                heading: Literature Reviews of SAM 2/3 Adaptions for Medical Image Segmentation.
              sam:
                heading: Literature Reviews of Foundation Models / SAM for Medical Image Segmentation.
            """)
        let view = ListView(document: try Document(bytes: Array(text.utf8)), configuration: configuration)
        let lines = text.components(separatedBy: "\n")
        // The rows under the two headings: lines that start with `|` and six digits.
        let headings = lines.indices.filter { lines[$0].hasPrefix("## ") }
        let start = try #require(headings.first { lines[$0].contains("SAM 2/3 Adaptions") })
        let end = try #require(headings.first { $0 > start && lines[$0].contains("Large-Scale Datasets") })
        let rows = (start..<end).filter { lines[$0].wholeMatch(of: /\|[0-9]{6}\|.*/) != nil }.map { $0 + 1 }
        let records = ListedEntry.all(in: view)
        #expect(!rows.isEmpty && records.map(\.listing.lines.lowerBound) == rows)
        for record in records {
            guard case .paper(let paper) = record.draft else { Issue.record("not a paper"); continue }
            let cells = lines[record.listing.lines.lowerBound - 1].split(separator: "|", omittingEmptySubsequences: false)
            #expect(paper.date.map { $0.replacingOccurrences(of: "-", with: "") } == String(cells[1]))
            #expect(paper.authors == String(cells[2]))
            #expect(paper.links.contains { $0.key == "code" } == (cells[4].firstMatch(of: /\]\([^)]+\)/) != nil))
        }
    }
    @Test func aPaperColumnOfBadgesNamesNoPapers() throws {
        let text = """
            ## Benchmarks

            | Benchmark | Organization | Paper |
            |---|---|---|
            | MedBench | Shanghai AI Lab | [![arXiv](https://img.shields.io/badge/arXiv-2407.10990-b31b1b.svg)](https://arxiv.org/abs/2407.10990) |
            | Other | Lab | [Other benchmark: a title](https://arxiv.org/abs/2407.10991) |

            """
        let configuration = try Configuration.parse(yaml: "categories:\n  bench: { heading: Benchmarks }\n")
        let badgesOnly = text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.contains("2407.10991") }.joined(separator: "\n")
        let view = ListView(document: try Document(bytes: Array(badgesOnly.utf8)), configuration: configuration)
        #expect(PaperTable(try #require(view.tables.first), configuration: configuration) == nil, "a badge is no title")
        // Nor is the `-` of a row without a paper, beside the badges.
        let withDash = badgesOnly + "| MMSeg | Lab | - |\n"
        let dashed = ListView(document: try Document(bytes: Array(withDash.utf8)), configuration: configuration)
        #expect(dashed.tables.first?.body.count == 2)
        #expect(PaperTable(try #require(dashed.tables.first), configuration: configuration) == nil, "a dash is no title")
        // One row with a title is enough for the table to be one of papers.
        let mixed = ListView(document: try Document(bytes: Array(text.utf8)), configuration: configuration)
        #expect(PaperTable(try #require(mixed.tables.first), configuration: configuration) != nil)
    }
}
