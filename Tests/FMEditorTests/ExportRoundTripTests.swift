import Foundation
import FMList
import FMSchema
import FMTestSupport
import Testing
@testable import FMEditor

/// What `fmadd export` gives of a list is what `fmadd add --from` reads: each exported paper
/// entry, taken out of its list and added back from its record (as JSON text, read by
/// `DraftReader`), lands in its section and year group, written as it was when the list writes
/// it as most of its entries are written.
@Suite struct ExportRoundTripTests {
    static let lists: [(name: String, file: URL)] = [
        ("Examples/healthcare-list.md", Paths.repository.appendingPathComponent("Examples/healthcare-list.md")),
        ("Tests/Fixtures/upstream-healthcare-fm.md", Paths.healthcareList),
    ]

    static func view(_ file: URL) throws -> ListView {
        ListView(document: try Document(bytes: try Paths.bytes(file)), configuration: .healthcareDefault)
    }

    /// The record as `add --from` reads it: written as JSON text, parsed, read by `DraftReader`.
    static func readBack(_ listed: ListedEntry) throws -> Draft {
        let value = try JSONValue(jsonText: listed.json(file: "README.md").jsonText)
        return try #require(try DraftReader.drafts(in: value, configuration: .healthcareDefault).first)
    }

    /// The draft with its paper's link first, as `DraftReader` puts it.
    static func paperFirst(_ draft: Draft) -> Draft {
        guard case .paper(var paper) = draft, let index = paper.links.firstIndex(where: { $0.key == "paper" }) else { return draft }
        paper.links.insert(paper.links.remove(at: index), at: 0)
        return .paper(paper)
    }

    /// The line each paper entry has when it is written as most entries of its list are: the
    /// list's usual indentation and marker, `[Venue] ` when it has one, the title ending with a
    /// period when most of its category's do, each link as `[[Label]](url)` with the label spelt
    /// as most of its section spell it, the links apart as most of the list's are. Nil for an
    /// entry that the list writes otherwise, or whose line holds more than its record (a link
    /// without a target).
    static func regularLines(in view: ListView, _ exported: [ListedEntry]) -> [Int: String] {
        let entries = Dictionary(view.entries.map { ($0.line, $0) }, uniquingKeysWith: { first, _ in first })
        let papers = exported.compactMap { listed -> (Entry, PaperDraft, ListedEntry)? in
            guard case .paper(let paper) = listed.draft, let entry = entries[listed.listing.lines.lowerBound] else { return nil }
            return (entry, paper, listed)
        }
        func majority<Key: Hashable>(_ values: [Key]) -> Key? {
            Dictionary(values.map { ($0, 1) }, uniquingKeysWith: +).max { ($0.value, "\($0.key)") < ($1.value, "\($1.key)") }?.key
        }
        let prefix = majority(papers.map { $0.0.indent + $0.0.marker })
        let separator = majority(papers.compactMap { $0.0.linkSeparator }) ?? " "
        var periods: [String: (Int, Int)] = [:]
        var spellings: [String: [String]] = [:]
        for (entry, paper, listed) in papers {
            let ends = paper.title.hasSuffix(".") ? 1 : 0
            periods[paper.category, default: (0, 0)] = (periods[paper.category, default: (0, 0)].0 + ends, periods[paper.category, default: (0, 0)].1 + 1)
            for link in entry.links { spellings[listed.listing.section + "\u{0}" + PaperDraft.Link.key(forLabel: link.label), default: []].append(link.label) }
        }
        let labels = spellings.compactMapValues(majority)
        var lines: [Int: String] = [:]
        for (entry, paper, listed) in papers where entry.links.count == paper.links.count {
            let (withPeriod, count) = periods[paper.category]!
            guard paper.title.hasSuffix(".") == (withPeriod * 2 >= count), let prefix else { continue }
            var line = prefix + " " + (paper.venue.map { "[\($0)] " } ?? "") + paper.title + " "
            line += paper.links.map { "[[\(labels[listed.listing.section + "\u{0}" + $0.key] ?? $0.key)]](\($0.url))" }.joined(separator: separator)
            if line == listed.listing.text.trimmingWhitespace() { lines[listed.listing.lines.lowerBound] = line }
        }
        return lines
    }

    /// Each paper entry, taken out and added back from its record, goes back to its section and
    /// its year group; an entry is refused only when the list holds the same paper elsewhere.
    /// An entry written as most of its list's are (most are) comes back as it was, and so do
    /// three in four entries at least.
    @Test(arguments: lists.map(\.name))
    func everyExportedEntryComesBackToItsSectionAndYear(_ name: String) throws {
        let file = try #require(Self.lists.first { $0.name == name }).file
        let view = try Self.view(file)
        let exported = ListedEntry.all(in: view)
        let adder = Adder(configuration: .healthcareDefault, registry: try SchemaRegistry.builtIn)
        let regular = Self.regularLines(in: view, exported)
        var added = 0, identical = 0
        for listed in exported {
            guard case .paper(let paper) = listed.draft else { continue }
            let line = listed.listing.lines.lowerBound
            guard paper.links.contains(where: { $0.key == "paper" }) else {
                // A resource (code, a model, a dataset) comes back as one; an entry with no link
                // at all is refused as it is read.
                let back = try? LeaveOneOutTests.addBack(listed, as: try Self.readBack(listed), to: view.document, adder: adder)
                #expect((back?.insertion != nil) == paper.resource, "line \(line): resource \(paper.resource), added \(back?.insertion != nil)")
                if paper.resource { #expect(back?.identical == true, "line \(line) came back otherwise") }
                continue
            }
            let back = try LeaveOneOutTests.addBack(listed, as: try Self.readBack(listed), to: view.document, adder: adder)
            guard let insertion = back.insertion else {
                #expect(back.duplicate, "line \(line) refused: \(back.refusal.map { "\($0)" } ?? "")")
                continue
            }
            added += 1
            #expect(back.sameSection, "line \(line) went to \(insertion.section), not \(listed.listing.section)")
            #expect(back.sameYear, "line \(line) went to \(insertion.year.map(String.init) ?? "no year"), not \(paper.year.map(String.init) ?? "no year")")
            if back.identical { identical += 1 }
            if let expected = regular[line] {
                #expect(insertion.text.trimmingWhitespace() == expected, "line \(line) came back otherwise")
            }
        }
        #expect(added > 0)
        #expect(regular.count * 2 > added, "\(regular.count) of \(added) entries are written as most are")
        #expect(identical >= regular.count && identical * 4 >= added * 3, "\(identical) of \(added) came back as they were")
    }

    @Test func aDatasetTableIsExportedAsDatasetRecords() throws {
        let view = try Self.view(Paths.repository.appendingPathComponent("Examples/healthcare-list.md"))
        let rows = ListedEntry.all(in: view).filter { if case .dataset = $0.draft { return true } else { return false } }
        #expect(rows.map(\.draft) == [
            .dataset(DatasetDraft(category: "vfm-data", name: "MIMIC-CXR", paper: "https://www.nature.com/articles/s41597-019-0322-0",
                                  link: "https://physionet.org/content/mimic-cxr/2.0.0/", modality: "X-ray", scale: "377K images",
                                  task: "Vision-Language Learning")),
            .dataset(DatasetDraft(category: "vfm-data", name: "TotalSegmentator", paper: "https://pubs.rsna.org/doi/10.1148/ryai.230024",
                                  link: "https://doi.org/10.5281/zenodo.6802613", modality: "3D CT", scale: "1,204 volumes", task: "Segmentation")),
        ])
        #expect(rows.map(\.listing.section) == ["VFM datasets", "VFM datasets"])
        #expect(rows.map(\.listing.lines) == [42...42, 43...43])
        #expect(rows.map(\.listing.index) == [0, 1])
        #expect(rows.map(\.listing.text) == [view.document.lineText(42), view.document.lineText(43)])
        // Each row of every dataset table of the real list is a record, its name and its links those of its line.
        let upstream = try Self.view(Paths.healthcareList)
        let configured = upstream.tables.filter { $0.category.flatMap { upstream.configuration.category($0)?.kind } == .datasets }
        let records = ListedEntry.all(in: upstream).compactMap { listed -> (DatasetDraft, ListedEntry)? in
            if case .dataset(let row) = listed.draft { return (row, listed) } else { return nil }
        }
        #expect(records.map { $0.1.listing.lines.lowerBound } == configured.flatMap { $0.body.map(\.line) })
        for (row, listed) in records {
            #expect(!row.name.isEmpty && !row.name.contains("]("), "line \(listed.listing.lines.lowerBound): \(row.name)")
            for url in [row.paper, row.link].compactMap({ $0 }) { #expect(listed.listing.text.contains("](\(url))")) }
        }
    }

    /// Every record reads back as the draft it was made from (its paper's link first, where
    /// `DraftReader` puts it), in the list's order and with its place in its section.
    @Test(arguments: lists.map(\.name))
    func aRecordReadBackByDraftReaderIsTheSameDraft(_ name: String) throws {
        let file = try #require(Self.lists.first { $0.name == name }).file
        let view = try Self.view(file)
        let exported = ListedEntry.all(in: view)
        #expect(exported.map(\.listing.lines.lowerBound) == exported.map(\.listing.lines.lowerBound).sorted())
        var index: [String: Int] = [:]
        for listed in exported {
            #expect(listed.listing.index == index[listed.listing.section, default: 0])
            index[listed.listing.section, default: 0] += 1
            if case .paper(let paper) = listed.draft, !paper.links.contains(where: { $0.key == "paper" }) { continue }
            // A paper's record also says where it stood: the draft read back keeps that place.
            var expected = Self.paperFirst(listed.draft)
            if case .paper(var paper) = expected {
                paper.position = listed.listing.index
                paper.listedLine = listed.listing.lines.lowerBound
                expected = .paper(paper)
            }
            #expect(try Self.readBack(listed) == expected, "line \(listed.listing.lines.lowerBound)")
        }
        let papers = view.entries.filter { $0.shape == .entry && $0.title != nil }
        #expect(exported.filter { if case .paper = $0.draft { return true } else { return false } }.count == papers.count)
    }

    /// A record is an instance of its draft's schema, `listed` and all: what the schema finds
    /// in it is what it finds in the draft.
    @Test(arguments: lists.map(\.name))
    func aRecordIsCheckedByItsSchemaAsItsDraftIs(_ name: String) throws {
        let file = try #require(Self.lists.first { $0.name == name }).file
        let registry = try SchemaRegistry.builtIn
        let validators = try ["entry": Validator(schema: "entry", registry: registry), "dataset": Validator(schema: "dataset", registry: registry)]
        for listed in ListedEntry.all(in: try Self.view(file)) {
            let validator = try #require(validators[listed.draft.schemaName])
            #expect(validator.validate(listed.json(file: "README.md")).map(\.message) == validator.validate(listed.draft.json).map(\.message),
                    "line \(listed.listing.lines.lowerBound)")
        }
        for listed in ListedEntry.all(in: try Self.view(Self.lists[0].file)) {
            #expect(try #require(validators[listed.draft.schemaName]).validate(listed.json(file: "README.md")).isEmpty)
        }
    }

    /// Of `listed`, a paper's index and line are read as the place to put it back in, the rest
    /// as nothing; a misspelt field is still refused.
    @Test func draftReaderReadsOnlyTheIndexOfWhatExportSaysOfThePlace() throws {
        let record: JSONValue = ["category": "vfm", "year": 2024, "title": "A model", "links": ["paper": "https://arxiv.org/abs/2401.00001"],
                                 "listed": ["file": "README.md", "section": "VFM methods", "line": 24, "index": 0, "text": "- A model"]]
        let drafts = try DraftReader.drafts(in: record, configuration: .healthcareDefault)
        var expected = PaperDraft(category: "vfm", year: 2024, venue: nil, title: "A model",
                                  links: [.init(key: "paper", url: "https://arxiv.org/abs/2401.00001")])
        expected.position = record.objectValue?["listed"]?.objectValue?["index"]?.intValue
        expected.listedLine = 24
        #expect(expected.position != nil)
        #expect(drafts == [.paper(expected)])
        let row: JSONValue = ["category": "vfm-data", "name": "MSD", "listed": ["line": 42]]
        #expect(try DraftReader.drafts(in: row, configuration: .healthcareDefault) == [.dataset(DatasetDraft(category: "vfm-data", name: "MSD"))])
        let misspelt: JSONValue = ["category": "vfm", "year": 2024, "title": "A model", "paper": "https://arxiv.org/abs/2401.00001", "listd": [:]]
        #expect(throws: DraftReader.Problem.notYAML("unknown field 'listd' in entry 1; did you mean 'listed'?")) {
            try DraftReader.drafts(in: misspelt, configuration: .healthcareDefault)
        }
    }
}
