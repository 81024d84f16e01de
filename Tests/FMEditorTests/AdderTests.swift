import Foundation
import FMTestSupport
import Testing
import FMList
import FMRules
import FMSchema
@testable import FMEditor

@Suite struct AdderTests {
    static let upstream = Paths.healthcareList

    static func adder() throws -> Adder {
        Adder(configuration: .healthcareDefault, registry: try SchemaRegistry.builtIn)
    }

    /// Deterministic drafts: every category, years 2015–2027, with and without code and venue,
    /// titles with accents, CJK and emoji.
    static func generatedDrafts(_ count: Int) -> [Draft] {
        let papers = ["lfm", "vfm", "bfm", "mfm"], datasets = ["lfm-data", "vfm-data", "bfm-data", "mfm-data"]
        let words = ["Foundation", "modèle", "médical", "Vision", "语言模型", "病理", "🩺", "Transformers", "Zürich", "señal", "CT", "Genomics"]
        var drafts: [Draft] = []
        for k in 0..<count {
            let title = "\(words[k % words.count]) \(words[(k * 7 + 3) % words.count]) study number \(k) for healthcare"
            if k % 5 == 4 {
                drafts.append(.dataset(DatasetDraft(category: datasets[k % 4], name: "Set-\(k) \(words[k % words.count])",
                                                    paper: k % 2 == 0 ? "https://example.org/paper/\(k)" : nil,
                                                    link: "https://example.org/data/\(k)", modality: "3D CT", scale: "\(k) volumes", task: "Segmentation")))
                continue
            }
            var links = [PaperDraft.Link(key: "paper", url: "https://arxiv.org/abs/\(2400 + k % 12).\(10000 + k)")]
            if k % 3 != 0 { links.append(.init(key: "code", url: "https://github.com/lab\(k)/model-\(k)")) }
            drafts.append(.paper(PaperDraft(category: papers[k % 4], year: 2015 + (k * 5) % 13, venue: k % 4 == 0 ? nil : ["arXiv", "Nature Medicine", "MICCAI", "ICLR \(2015 + (k * 5) % 13)"][k % 4],
                                            title: title, links: links)))
        }
        return drafts
    }

    /// A count badge counts the entries just added, one or many; only its number changes.
    @Test func theCountBadgeCountsWhatIsAdded() throws {
        let adder = try Self.adder()
        let list = try Document(bytes: Array(("![papers](https://img.shields.io/badge/papers-0-blue) <!-- fmadd:count -->\n\n"
            + String(contentsOf: Self.upstream, encoding: .utf8)).utf8))
        let synced = try Document(bytes: Adder.keepingCountBadge(list.bytes, configuration: .healthcareDefault))
        let count = ListStatistics(view: ListView(document: synced, configuration: .healthcareDefault)).paperCount
        #expect(count > 0 && synced.lineText(1).contains("papers-\(count)-blue"))
        let drafts = Self.generatedDrafts(10)
        let papers = drafts.filter { if case .paper = $0 { true } else { false } }.count
        let one = try Document(bytes: adder.add(drafts[0], to: synced, allowDuplicate: false).bytes)
        #expect(one.lineText(1) == "![papers](https://img.shields.io/badge/papers-\(count + 1)-blue) <!-- fmadd:count -->")
        let many = try Document(bytes: adder.addAll(drafts, to: synced, allowDuplicate: false).bytes)
        #expect(many.lineText(1) == "![papers](https://img.shields.io/badge/papers-\(count + papers)-blue) <!-- fmadd:count -->")
        let plain = try adder.addAll(drafts, to: Document(contentsOf: Self.upstream.path), allowDuplicate: false).bytes
        #expect(many.bytes == Array((many.lineText(1) + "\n\n").utf8) + plain)
    }

    /// `add --from` places many entries in one pass; the list it writes is the one that adding
    /// them one by one writes, new year groups (several at one place, several entries in one)
    /// included, and each insertion names its entry's final line.
    @Test func manyEntriesInOnePassEqualOneByOne() throws {
        let adder = try Self.adder()
        let example = Paths.repository.appendingPathComponent("Examples/healthcare-list.md")
        let original = try Document(bytes: try Paths.bytes(example))
        let drafts = Self.generatedDrafts(120).filter { if case .paper = $0 { return true } else { return false } }
        var document = original
        for draft in drafts {
            document = try Document(bytes: try adder.add(draft, to: document, allowDuplicate: false).bytes)
        }
        let batch = try adder.addAll(drafts, to: original, allowDuplicate: false)
        #expect(batch.bytes == document.bytes)
        let result = try Document(bytes: batch.bytes)
        #expect(Set(batch.insertions.map(\.line)).count == drafts.count)
        for insertion in batch.insertions { #expect(result.lineText(insertion.line) == insertion.text) }
    }

    /// A batch is refused for what it adds, never for what the list already had: the list's own
    /// duplicate and trailing white space stay theirs, a new entry that repeats a listed paper,
    /// or another new entry, is refused.
    @Test func aBatchIsJudgedByWhatItAddsOnly() throws {
        let adder = try Self.adder()
        let example = try String(contentsOf: Paths.repository.appendingPathComponent("Examples/healthcare-list.md"), encoding: .utf8)
        let listed = try #require(example.split(separator: "\n").first { $0.hasPrefix("- [Nature] Large language models encode") })
        let untidy = example.replacingOccurrences(of: listed, with: listed + "\n" + listed + "   ")
        let original = try Document(bytes: Array(untidy.utf8))
        let fresh = Self.generatedDrafts(40).filter { if case .paper = $0 { return true } else { return false } }
        let batch = try adder.addAll(fresh, to: original, allowDuplicate: false)
        #expect(batch.insertions.count == fresh.count)

        let again = Draft.paper(PaperDraft(category: "lfm", year: 2023, venue: "Nature", title: "Large language models encode clinical knowledge",
                                           links: [.init(key: "paper", url: "https://www.nature.com/articles/s41586-023-06291-2")]))
        let twice = fresh[3]
        for drafts in [fresh + [again], fresh + [twice]] {
            #expect {
                try adder.addAll(drafts, to: original, allowDuplicate: false)
            } throws: { error in
                guard case .wouldAddFindings(let findings) = error as? AddError else { return false }
                return findings.allSatisfy { $0.contains("duplicate") } && !findings.contains { $0.contains("trailing") }
            }
        }
        #expect(try adder.addAll(fresh + [again], to: original, allowDuplicate: true).insertions.count == fresh.count + 1)
    }

    @Test func twoHundredEntriesGoInOneByOneAndReadBack() throws {
        let adder = try Self.adder()
        var document = try Document(bytes: try Paths.bytes(Self.upstream))
        for draft in Self.generatedDrafts(200) {
            let before = Linter().findings(in: ListView(document: document, configuration: .healthcareDefault))
            let outcome = try adder.add(draft, to: document, allowDuplicate: false)
            document = try Document(bytes: outcome.bytes)
            let view = ListView(document: document, configuration: .healthcareDefault)
            // The whole list is checked again: nothing new anywhere (lines after the insertion move down).
            let added = outcome.insertion.edits.reduce(0) { $0 + $1.replacement.count - $1.lines.count }
            let start = outcome.insertion.edits.map(\.lines.lowerBound).min() ?? 0
            let old = Set(before.map { "\($0.ruleID)@\($0.line)" })
            let fresh = Linter().findings(in: view).filter { finding in
                let original = finding.line >= start + added ? finding.line - added : finding.line
                return (finding.line >= start && finding.line < start + added) || !old.contains("\(finding.ruleID)@\(original)")
            }
            #expect(fresh.isEmpty, "adding \(draft.title) made: \(fresh.map { "\($0.line): \($0.message)" })")
            switch draft {
            case .paper(let paper):
                let entry = try #require(view.entries.first { $0.line == outcome.insertion.line }, "no entry at \(outcome.insertion.line)")
                #expect(entry.category == paper.category && entry.shape == .entry)
                #expect(entry.title == paper.title + ".")
                #expect(entry.venue == paper.venue)
                #expect(entry.links.map(\.url) == paper.links.map(\.url))
                #expect(entry.yearGroup.map { view.yearGroups[$0].year } == paper.year)
            case .dataset(let dataset):
                let table = try #require(view.tables.first { $0.lines.contains(outcome.insertion.line) })
                let row = try #require(table.rows.first { $0.line == outcome.insertion.line })
                #expect(row.cells.count == table.header.cells.count)
                #expect(row.cells[0].text.contains(dataset.name))
            }
            // Years stay in order in every category.
            let order = Linter(select: ["year-order"], ignore: []).findings(in: view)
            #expect(order.isEmpty, "years out of order after adding \(draft.title)")
        }
    }

    @Test func aNewYearGroupGoesInDescendingOrderInTheListsStyle() throws {
        let text = "## VFM methods\n\n### 2024\n\n- [a] A. [[Paper]](https://a.org/1)\n\n### 2021\n\n- [b] B. [[Paper]](https://a.org/2)\n"
        let draft = Draft.paper(PaperDraft(category: "vfm", year: 2022, venue: "MICCAI", title: "Third model", links: [.init(key: "paper", url: "https://a.org/3")]))
        let outcome = try Self.adder().add(draft, to: try Document(bytes: Array(text.utf8)), allowDuplicate: false)
        #expect(String(decoding: outcome.bytes, as: UTF8.self) ==
                "## VFM methods\n\n### 2024\n\n- [a] A. [[Paper]](https://a.org/1)\n\n### 2022\n\n- [MICCAI] Third model. [[Paper]](https://a.org/3)\n\n### 2021\n\n- [b] B. [[Paper]](https://a.org/2)\n")
        #expect(outcome.insertion.createsYearGroup && outcome.insertion.line == 9)
    }

    @Test func nestedEntriesTakeTheirIndentationAndSeparator() throws {
        let text = "## BFM methods\n**2023**\n- [1] single cell foundation models:\n  - [Nature] A. [[Paper]](https://a.org/1), [[Code]](https://github.com/a/b)\n"
        let draft = Draft.paper(PaperDraft(category: "bfm", year: 2023, venue: "Cell", title: "Second model", links: [.init(key: "paper", url: "https://a.org/2"), .init(key: "code", url: "https://github.com/c/d")]))
        let outcome = try Self.adder().add(draft, to: try Document(bytes: Array(text.utf8)), allowDuplicate: false)
        #expect(outcome.insertion.text == "  - [Cell] Second model. [[Paper]](https://a.org/2), [[Code]](https://github.com/c/d)")
        #expect(outcome.insertion.line == 5)
    }

    @Test func theSamePaperUnderAnotherLinkFormIsFound() throws {
        let document = try Document(bytes: try Paths.bytes(Self.upstream))
        // The list links https://arxiv.org/abs/2307.05628 for DNAGPT.
        let draft = Draft.paper(PaperDraft(category: "bfm", year: 2023, venue: nil, title: "Something else",
                                           links: [.init(key: "paper", url: "http://www.arxiv.org/pdf/2307.05628v2.pdf")]))
        #expect(throws: AddError.self) { try Self.adder().add(draft, to: document, allowDuplicate: false) }
        let allowed = try Self.adder().add(draft, to: document, allowDuplicate: true)
        #expect(allowed.duplicates.first?.line == 236)
    }

    @Test func yearHints() {
        #expect(YearHint.year(fromLink: "https://arxiv.org/abs/2401.00153") == 2024)
        #expect(YearHint.year(fromLink: "https://arxiv.org/pdf/1904.00625.pdf") == 2019)
        #expect(YearHint.year(fromLink: "https://arxiv.org/html/2309.07778v5") == 2023)
        #expect(YearHint.year(fromLink: "https://arxiv.org/abs/cs/0501001") == 2005)
        // arXiv counts from 1991: a `YYMM` of 91 to 99 is the 1990s, in both id forms.
        #expect(YearHint.year(fromLink: "https://arxiv.org/abs/9912.00001") == 1999)
        #expect(YearHint.year(fromLink: "https://arxiv.org/abs/9108.1234") == 1991)
        #expect(YearHint.year(fromLink: "https://arxiv.org/abs/hep-th/9901001") == 1999)
        #expect(YearHint.year(fromLink: "https://www.biorxiv.org/content/10.1101/2023.10.03.560734v1") == 2023)
        #expect(YearHint.year(fromLink: "https://www.nature.com/articles/s41586-023-06555-x") == 2023)
        #expect(YearHint.year(fromLink: "https://github.com/a/b") == nil)
    }

    /// A prompter that answers from a script and records what it was told.
    struct ScriptedPrompter: Prompter {
        var answers: [String]
        var transcript: [String] = []
        mutating func ask(_ question: Question) -> String? {
            transcript.append("? " + question.label + (question.defaultAnswer.map { " [\($0)]" } ?? ""))
            return answers.isEmpty ? nil : answers.removeFirst()
        }
        mutating func say(_ text: String) { transcript.append(text) }
    }

    @Test func theGuidedFlowChecksEachAnswerWarnsOfDuplicatesAndShowsThePlace() throws {
        let document = try Document(bytes: try Paths.bytes(Self.upstream))
        let guided = GuidedAdd(adder: try Self.adder(), document: document, category: "mfm")
        var prompter = ScriptedPrompter(answers: [
            "A ](bad) title", "A multimodal model of everything", "arxiv 2503.01234", "https://arxiv.org/abs/2503.01234",
            "", "Nature", "", "y",
        ])
        let result = try #require(guided.run(with: &prompter))
        guard case .paper(let paper) = result.draft else { Issue.record("not a paper"); return }
        #expect(paper.year == 2025 && paper.venue == "Nature" && paper.links.count == 1)
        #expect(prompter.transcript.contains("  ✗ title: must not contain \"](\" (Markdown link syntax)"))
        #expect(prompter.transcript.contains { $0.contains("links.paper: must be an https URL") })
        #expect(prompter.transcript.contains("? Year [2025]"))
        #expect(prompter.transcript.contains { $0.hasPrefix("It will be written on line 273, in MFM methods, 2025 (a new year group)") })
    }

    @Test func endOfInputAbandonsTheEntry() throws {
        let document = try Document(bytes: try Paths.bytes(Self.upstream))
        var prompter = ScriptedPrompter(answers: ["A title that stops here"])
        #expect(GuidedAdd(adder: try Self.adder(), document: document, category: "mfm").run(with: &prompter) == nil)
    }

    @Test func aDuplicateIsNotAddedUnlessTheContributorSaysSo() throws {
        let document = try Document(bytes: try Paths.bytes(Self.upstream))
        var prompter = ScriptedPrompter(answers: ["Transfer learning enables predictions in network biology.", "https://www.nature.com/articles/s41586-023-06139-9",
                                                  "", "", "", ""])
        #expect(GuidedAdd(adder: try Self.adder(), document: document, category: "bfm").run(with: &prompter) == nil)
        #expect(prompter.transcript.contains { $0.hasPrefix("Already in the list at line 240") })
    }
}
