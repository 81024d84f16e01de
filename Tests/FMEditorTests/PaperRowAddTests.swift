import Foundation
import FMList
import FMRules
import FMSchema
import FMTestSupport
import Testing
@testable import FMEditor

/// `add` into a section written as a paper table writes a row of that table: every column in
/// its order, each cell as the table writes it, in the table's order, and nothing else changes.
@Suite struct PaperRowAddTests {
    static let configuration = try! Configuration.parse(yaml: """
        categories:
          sam:
            heading: SAM papers
          models:
            heading: MRI Models
          milestones:
            heading: Milestone Papers
        """)

    static let list = """
        # Papers

        ## SAM papers

        |Date|Authors|Title|Code|
        |---|---|---|---|
        |202602|R. Zhai et al.|SAM2-driven dual-teacher framework [(paper)](https://www.sciencedirect.com/science/article/pii/S1)|None|
        |202511|A. Liu et al.|MedSAM3: Delving into Segment Anything [(paper)](https://arxiv.org/pdf/2511.19046)|[Code](https://github.com/Joey-S-Liu/MedSAM3)|
        |202509|L. Li et al.|Segment Anything Model for Gastric Cancer [(paper)](https://link.springer.com/chapter/10.1007/1)|None|

        ## MRI Models

        | Year | Title | Journal | Paper | Model | Code | Weights | Key Feature |
        |:----:|--------|---------|:---:|---------|:---:|:-------:|---|
        | 2025 | **MRI-CORE**: A Foundation Model for MRI | arXiv | [✓](https://arxiv.org/abs/2506.12186) | ViT-Base | [✓](https://github.com/mazurowski-lab/mri_foundation) | [✓](https://drive.google.com/file/d/1) | MIM+DINOv2 |
        | 2024 | **Triad**: Vision Foundation Model for 3D MRI | arXiv | [✓](https://arxiv.org/abs/2502.14064) | SwinTransformer | [✓](https://github.com/wangshansong1/Triad) | - | VoCo v2 |

        ## Milestone Papers

        |   Date    |    Keywords    |  Institute  | Paper                                                                                            |
        |:---------:|:--------------:|:-----------:|--------------------------------------------------------------------------------------------------|
        |  2017-06  |  Transformers  |   Google    | [Attention Is All You Need](https://arxiv.org/pdf/1706.03762.pdf)                                |
        |  2018-10  |      BERT      |   Google    | [BERT: Pre-training of Deep Bidirectional Transformers](https://aclanthology.org/N19-1423.pdf)   |

        """

    static func adder() throws -> Adder { Adder(configuration: configuration, registry: try SchemaRegistry.builtIn) }

    static func paper(_ category: String, title: String, date: String? = nil, year: Int? = nil, authors: String? = nil,
                      links: [PaperDraft.Link], cells: [PaperDraft.Cell] = [], venue: String? = nil) -> Draft {
        var draft = PaperDraft(category: category, year: year ?? date.flatMap { Int($0.prefix(4)) }, venue: venue, title: title, links: links)
        draft.date = date
        draft.authors = authors
        draft.cells = cells
        return .paper(draft)
    }

    /// The table rows GitHub shows in `bytes`.
    static func renderedRows(_ bytes: [UInt8]) -> Int {
        RenderedHTML.of(bytes).components(separatedBy: "<tr>").count - 1
    }

    /// The new list has the old one's lines, in order, and `added` more: the lines added.
    static func addedLines(_ old: [UInt8], _ new: [UInt8]) -> [String] {
        var remaining = String(decoding: old, as: UTF8.self).components(separatedBy: "\n")[...]
        var added: [String] = []
        for line in String(decoding: new, as: UTF8.self).components(separatedBy: "\n") {
            if remaining.first == line { remaining = remaining.dropFirst() } else { added.append(line) }
        }
        #expect(remaining.isEmpty, "lines changed or lost: \(Array(remaining))")
        return added
    }

    @Test func aRowIsWrittenInTheTablesOwnStyleAndOrder() throws {
        let document = try Document(bytes: Array(Self.list.utf8))
        let draft = Self.paper("sam", title: "A new segmentation model", date: "2025-12", authors: "Q. Writer et al.",
                               links: [.init(key: "paper", url: "https://arxiv.org/abs/2512.00001")])
        let outcome = try Self.adder().add(draft, to: document, allowDuplicate: false)
        let added = Self.addedLines(document.bytes, outcome.bytes)
        // Unpadded, the date as YYYYMM, the paper's link as `[(paper)]` after the title, `None` for no code.
        #expect(added == ["|202512|Q. Writer et al.|A new segmentation model [(paper)](https://arxiv.org/abs/2512.00001)|None|"])
        // Newest first, as the table is: after 202602, before 202511.
        let lines = String(decoding: outcome.bytes, as: UTF8.self).components(separatedBy: "\n")
        let at = try #require(lines.firstIndex(of: added[0]))
        #expect(lines[at - 1].hasPrefix("|202602|") && lines[at + 1].hasPrefix("|202511|"))
        #expect(Self.renderedRows(outcome.bytes) == Self.renderedRows(document.bytes) + 1)
    }

    @Test func aSpacedTableGetsASpacedRowWithItsMarksForNothing() throws {
        let document = try Document(bytes: Array(Self.list.utf8))
        let draft = Self.paper("models", title: "**KneeMRI**: A Knee Model", year: 2026,
                               links: [.init(key: "paper", url: "https://arxiv.org/abs/2601.00002"), .init(key: "code", url: "https://github.com/k/knee")],
                               cells: [.init(key: "model", text: "ViT-Large"), .init(key: "keyfeature", text: "MAE")], venue: "MICCAI")
        let outcome = try Self.adder().add(draft, to: document, allowDuplicate: false)
        let added = Self.addedLines(document.bytes, outcome.bytes)
        // One space inside each pipe, the links as `[✓]`, `-` for the weights it lacks; newest year first.
        #expect(added == ["| 2026 | **KneeMRI**: A Knee Model | MICCAI | [✓](https://arxiv.org/abs/2601.00002) | ViT-Large | [✓](https://github.com/k/knee) | - | MAE |"])
        let lines = String(decoding: outcome.bytes, as: UTF8.self).components(separatedBy: "\n")
        let at = try #require(lines.firstIndex(of: added[0]))
        #expect(lines[at - 1].hasPrefix("|:----:|") && lines[at + 1].hasPrefix("| 2025 |"))
        #expect(Self.renderedRows(outcome.bytes) == Self.renderedRows(document.bytes) + 1)
    }

    /// `[Title](u)` in a table whose rows all have the same cell widths.
    @Test func aTitleThatIsTheLinkIsWrittenSo() throws {
        let document = try Document(bytes: Array(Self.list.utf8))
        let draft = Self.paper("milestones", title: "Language Models are Few-Shot Learners", date: "2020-05",
                               links: [.init(key: "paper", url: "https://arxiv.org/abs/2005.14165")], cells: [.init(key: "keywords", text: "GPT 3.0"), .init(key: "institute", text: "OpenAI")])
        let outcome = try Self.adder().add(draft, to: document, allowDuplicate: false)
        let added = Self.addedLines(document.bytes, outcome.bytes)
        // The cells' texts, each padded to its column's width as every row of the table is.
        #expect(added.count == 1)
        let cells = added[0].split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(cells == ["2020-05", "GPT 3.0", "OpenAI", "[Language Models are Few-Shot Learners](https://arxiv.org/abs/2005.14165)"])
        let widths = { (line: String) in line.split(separator: "|").map(\.count) }
        let header = try #require(Self.list.components(separatedBy: "\n").first { $0.contains("Keywords") })
        #expect(widths(added[0]) == widths(header))
        // Oldest first, as the table is: at the end, after 2018-10.
        let lines = String(decoding: outcome.bytes, as: UTF8.self).components(separatedBy: "\n")
        let at = try #require(lines.firstIndex(of: added[0]))
        #expect(lines[at - 1].hasPrefix("|  2018-10  |") && lines[at + 1].isEmpty)
        #expect(Self.renderedRows(outcome.bytes) == Self.renderedRows(document.bytes) + 1)
    }

    /// What the table writes in every row and the draft does not say is refused, naming the
    /// column and the field; nothing is written (`add` returns no bytes).
    @Test(arguments: [
        ("sam", "Authors", Self.paper("sam", title: "No authors given", date: "2025-12", links: [.init(key: "paper", url: "https://arxiv.org/abs/2512.00003")])),
        ("sam", "YYYYMM", Self.paper("sam", title: "A year but no month", year: 2025, authors: "A. B. et al.", links: [.init(key: "paper", url: "https://arxiv.org/abs/2512.00004")])),
        ("models", "Journal", Self.paper("models", title: "No journal named", year: 2025, links: [.init(key: "paper", url: "https://arxiv.org/abs/2512.00005")])),
        ("milestones", "Keywords", Self.paper("milestones", title: "No keywords given", date: "2020-05", links: [.init(key: "paper", url: "https://arxiv.org/abs/2005.00005")])),
        ("sam", "project link", Self.paper("sam", title: "A link with no column", date: "2025-12", authors: "A. B. et al.",
                                          links: [.init(key: "paper", url: "https://arxiv.org/abs/2512.00006"), .init(key: "project", url: "https://example.org/p")])),
    ])
    func anIncompleteRowIsRefused(category: String, named: String, draft: Draft) throws {
        let document = try Document(bytes: Array(Self.list.utf8))
        do {
            _ = try Self.adder().add(draft, to: document, allowDuplicate: false)
            Issue.record("added \(draft.title)")
        } catch let error as AddError {
            guard case .invalid(let messages) = error else { Issue.record("\(error)"); return }
            #expect(messages.contains { $0.contains(named) }, "\(messages)")
        }
    }

    /// A venue that one paper table of the list leaves unmarked (`-`) may be left so in another
    /// that names a venue in every row: the row gets the list's `-`, not a refusal.
    @Test func aFieldTheListLeavesUnmarkedElsewhereTakesItsMark() throws {
        let configuration = try Configuration.parse(yaml: "categories:\n  xray:\n    heading: X-ray Models\n  derm:\n    heading: Dermatology Models\n")
        let table = { (rows: [String]) in "| Year | Title | Journal | Model |\n|:----:|--------|---------|---------|\n" + rows.joined(separator: "\n") + "\n" }
        let list = "## X-ray Models\n\n" + table(["| 2024 | **A**: Model A | Nature | ViT |", "| 2023 | **B**: Model B | MIA | ViT |"])
            + "\n## Dermatology Models\n\n" + table(["| 2024 | **C**: Model C | - | ResNet |"])
        let document = try Document(bytes: Array(list.utf8))
        let draft = Self.paper("xray", title: "**D**: Model D", year: 2025, links: [], cells: [.init(key: "model", text: "ViT")])
        let outcome = try Adder(configuration: configuration, registry: try SchemaRegistry.builtIn).add(draft, to: document, allowDuplicate: false)
        #expect(Self.addedLines(document.bytes, outcome.bytes) == ["| 2025 | **D**: Model D | - | ViT |"])
    }

    /// A table that links none of its papers (models, their code and weights) takes a row without
    /// a paper link; a table that links its papers does not.
    @Test func aTableThatLinksNoPaperTakesARowWithoutOne() throws {
        let list = """
            ## MRI Models

            | Year | Title | Journal | Code |
            |:----:|--------|---------|:---:|
            | 2025 | **MRI-CORE**: A Foundation Model for MRI | arXiv | [✓](https://github.com/mazurowski-lab/mri_foundation) |

            ## SAM papers

            |Date|Authors|Title|Code|
            |---|---|---|---|
            |202602|R. Zhai et al.|A first title [(paper)](https://www.sciencedirect.com/science/article/pii/S1)|None|

            """
        let document = try Document(bytes: Array(list.utf8))
        let record = #"[{"category":"models","year":2024,"venue":"CVPR","title":"**VoCo**: Volume Contrastive Learning","cells":{},"links":{"code":"https://github.com/Luffy03/VoCo"}}]"#
        let drafts = try DraftReader.drafts(in: try JSONValue(jsonText: record), configuration: Self.configuration)
        let adder = try Self.adder()
        #expect(adder.validate(drafts[0], in: document).filter { $0.severity == .error }.isEmpty)
        let outcome = try adder.add(drafts[0], to: document, allowDuplicate: false)
        #expect(Self.addedLines(document.bytes, outcome.bytes) == ["| 2024 | **VoCo**: Volume Contrastive Learning | CVPR | [✓](https://github.com/Luffy03/VoCo) |"])
        // The same without a paper link, bound for the table that links its papers: refused.
        var sam = drafts[0]
        if case .paper(var paper) = sam {
            paper.category = "sam"
            paper.date = "2025-01"
            paper.authors = "L. Wu et al."
            sam = .paper(paper)
        }
        #expect(adder.validate(sam, in: document).contains { $0.instanceLocation == "/links/paper" })
        #expect(throws: AddError.self) { try adder.add(sam, to: document, allowDuplicate: false) }
    }

    /// Several rows at once (`add --from` with a list), each where the table's order puts it.
    @Test func severalRowsAtOnceEachGoWhereTheirDateSays() throws {
        let document = try Document(bytes: Array(Self.list.utf8))
        let rows: [(date: String, title: String)] = [("2026-03", "The newest row of all"), ("2025-10", "A row between two others")]
        let drafts = rows.map { date, title in
            Self.paper("sam", title: title, date: date, authors: "Q. Writer et al.", links: [.init(key: "paper", url: "https://example.org/\(date)")])
        }
        let result = try Self.adder().addAll(drafts, to: document, allowDuplicate: false)
        let added = Self.addedLines(document.bytes, result.bytes)
        #expect(added.count == 2)
        let lines = String(decoding: result.bytes, as: UTF8.self).components(separatedBy: "\n")
        let dates = lines.filter { $0.hasPrefix("|20") }.map { $0.prefix(7) }
        #expect(Array(dates.prefix(5)) == ["|202603", "|202602", "|202511", "|202510", "|202509"])
        #expect(Self.renderedRows(result.bytes) == Self.renderedRows(document.bytes) + 2)
    }

    /// Every row of the fixture, taken out and added back from what `export` gives of it (read
    /// as `add --from` reads it), comes back as it was, where it was.
    @Test func eachExportedRowComesBackAsItWas() throws {
        let document = try Document(bytes: Array(Self.list.utf8))
        let view = ListView(document: document, configuration: Self.configuration)
        let adder = try Self.adder()
        let records = ListedEntry.all(in: view)
        #expect(records.count == Self.list.components(separatedBy: "\n").filter { $0.hasPrefix("|") && $0.contains("](") }.count)
        for record in records {
            let line = record.listing.lines.lowerBound
            var lines = Self.list.components(separatedBy: "\n")
            lines.remove(at: line - 1)
            let without = try Document(bytes: Array(lines.joined(separator: "\n").utf8))
            let value = try JSONValue(jsonText: record.json(file: "README.md").jsonText)
            let draft = try #require(try DraftReader.drafts(in: value, configuration: Self.configuration).first)
            do {
                let outcome = try adder.add(draft, to: without, allowDuplicate: false)
                #expect(String(decoding: outcome.bytes, as: UTF8.self) == Self.list, "\(record.listing.text)")
            } catch {
                Issue.record("\(record.listing.text): \(error)")
            }
        }
    }
}

/// The round trip on real lists written as paper tables: each row taken out and added back from
/// its exported record comes back as it was (up to trailing white space, the padding of its cells
/// and the space before the title's link, which it gets as most rows of the table have them), or
/// is refused only as a duplicate of another row still in the list, or as a row its schema refuses.
@Suite struct PaperRowCorpusRoundTripTests {
    static let lists: [(file: String, configuration: String, every: Int)] = [
        ("YichiZhang98--SAM4MIS.md", """
            categories:
              sam2:
                heading: Literature Reviews of SAM 2/3 Adaptions for Medical Image Segmentation.
              sam:
                heading: Literature Reviews of Foundation Models / SAM for Medical Image Segmentation.
            """, 4),
        ("PLM2233--Awesome-Medical-Foundation-Models.md", "categories:\n  mri:\n    heading: MRI Models\n  ct:\n    heading: CT Models\n", 1),
    ]

    static func normalised(_ line: String) -> String {
        var line = line
        while line.last == " " || line.last == "\t" { line.removeLast() }
        return line.replacing(/\s*\[\(paper\)\]/, with: " [(paper)]").replacing(/[ ]*\|[ ]*/, with: "|")
    }

    @Test(.enabled(if: Needs.corpus, Comment(rawValue: Needs.corpusReason)), arguments: lists.indices)
    func eachRowComesBack(list: Int) throws {
        let (file, yaml, every) = Self.lists[list]
        let configuration = try Configuration.parse(yaml: yaml)
        let text = String(decoding: try Paths.bytes(Paths.corpus.appendingPathComponent(file)), as: UTF8.self)
        let lines = text.components(separatedBy: "\n")
        let records = ListedEntry.all(in: ListView(document: try Document(bytes: Array(text.utf8)), configuration: configuration))
        #expect(!records.isEmpty)
        let adder = Adder(configuration: configuration, registry: try SchemaRegistry.builtIn)
        let validator = try Validator(schema: "entry", registry: .builtIn)
        var back = 0, duplicates = 0
        for (k, record) in records.enumerated() where k % every == 0 {
            let line = record.listing.lines.lowerBound
            var without = lines
            without.remove(at: line - 1)
            let value = try JSONValue(jsonText: record.json(file: file).jsonText)
            let draft = try #require(try DraftReader.drafts(in: value, configuration: configuration).first)
            do {
                let outcome = try adder.add(draft, to: try Document(bytes: Array(without.joined(separator: "\n").utf8)), allowDuplicate: false)
                let after = String(decoding: outcome.bytes, as: UTF8.self).components(separatedBy: "\n")
                // A link written without its scheme (`[Code](www.github.com/…)`) comes back completed.
                var expected = lines[line - 1]
                if case .paper(let paper) = draft {
                    for link in paper.links { if let meant = LinkCompletion.completed(link.url) { expected = expected.replacing("](\(link.url))", with: "](\(meant))") } }
                }
                #expect(after.count == lines.count && Self.normalised(after[line - 1]) == Self.normalised(expected), "\(lines[line - 1])")
                #expect(after.indices.allSatisfy { $0 == line - 1 || after[$0] == lines[$0] })
                back += 1
            } catch AddError.duplicate {
                duplicates += 1
            } catch AddError.invalid {
                // Only a row its schema refuses (a link without a scheme): what check reports of it.
                #expect(!validator.validate(value).filter { $0.severity == .error }.isEmpty, "\(lines[line - 1])")
            }
        }
        #expect(back > duplicates, "\(file): \(back) back, \(duplicates) duplicates")
    }
}
