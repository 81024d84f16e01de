import Foundation
import FMTestSupport
import Testing
import FMList
import FMRules
@testable import FMEditor

/// The lists of `Tests/Fixtures/no-damage`, each shaped like a list that `fmadd fix` damaged: a
/// `NAME.fmadd.yml` beside a list is its configuration, else the healthcare list's.
enum NoDamageFixtures {
    static let folder = Paths.fixtures.appendingPathComponent("no-damage")

    static var lists: [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".md") }.sorted().map { folder.appendingPathComponent($0) }
    }

    static func url(_ name: String) -> URL { folder.appendingPathComponent(name) }

    static func configuration(for file: URL) throws -> Configuration {
        let beside = file.deletingPathExtension().appendingPathExtension("fmadd.yml")
        if FileManager.default.fileExists(atPath: beside.path) { return try Configuration.load(path: beside.path) }
        return try FixerTests.configuration(for: file)
    }

    static func fix(_ name: String) throws -> (before: String, after: String, result: Fixer.Result) {
        let file = url(name)
        let bytes = try Paths.bytes(file)
        let result = try FixerTests.fix(bytes, try configuration(for: file))
        return (String(decoding: bytes, as: UTF8.self), String(decoding: result.bytes, as: UTF8.self), result)
    }

    static func findings(_ name: String) throws -> [Finding] {
        let file = url(name)
        let document = try Document(bytes: try Paths.bytes(file))
        return Linter().findings(in: ListView(document: document, configuration: try configuration(for: file)))
    }
}

/// `fix` removes or repairs what its rules are about and nothing else.
@Suite struct NoDamageFixerTests {
    @Test func removingAPlaceholderKeepsTheYearMarkerGitHubShowsInsideIt() throws {
        let (_, after, _) = try NoDamageFixtures.fix("placeholder-before-year.md")
        #expect(!after.contains("[[paper]]()"))
        #expect(after.contains("[[Code]](https://github.com/Project-MONAI/research-contributions)\n\n**2021**\n- [MedIA] Models Genesis."))
        // Each year keeps its entries.
        let view = ListView(document: try Document(bytes: Array(after.utf8)), configuration: .healthcareDefault)
        let years = view.entries.compactMap { entry in entry.yearGroup.map { (entry.title ?? "", view.yearGroups[$0].year) } }
        #expect(years.first { $0.0 == "Models Genesis." }?.1 == 2021)
        #expect(years.first { $0.0.hasPrefix("TransUNet") }?.1 == 2021)
        #expect(years.first { $0.0.hasPrefix("nnU-Net") }?.1 == 2020)
        #expect(view.yearGroups.map(\.year) == [2022, 2021, 2020, 2019])
        #expect(view.yearGroups.allSatisfy { $0.rendersAsMarker })
    }

    @Test func aContentsThatListsYearHeadingsKeepsThemAndGetsNoItemForHeadingsLeftOut() throws {
        let (before, after, _) = try NoDamageFixtures.fix("toc-year-headings.md")
        #expect(after == before, "\(UnifiedDiff.make(old: Array(before.utf8), new: Array(after.utf8), path: "toc-year-headings.md"))")
        let missing = try NoDamageFixtures.findings("toc-year-headings.md").filter { $0.ruleID == "toc-missing-heading" }
        #expect(missing.isEmpty, "\(missing.map(\.message))")
    }

    @Test func aSecondContentsListAndTheNotesAfterLinksStay() throws {
        let (before, after, _) = try NoDamageFixtures.fix("toc-two-contents.md")
        #expect(after == before, "\(UnifiedDiff.make(old: Array(before.utf8), new: Array(after.utf8), path: "toc-two-contents.md"))")
        #expect(try NoDamageFixtures.findings("toc-two-contents.md").filter { $0.ruleID.hasPrefix("toc-") }.isEmpty)
    }

    @Test func aContentsIsRepairedNotRewritten() throws {
        let (_, after, _) = try NoDamageFixtures.fix("toc-repairs.md")
        // The broken anchor gets GitHub's, the wrong text the heading's, the item of a heading
        // that is gone goes; the notes after the links stay; the headings outside the levels and
        // the part of the page the contents covers get no item.
        #expect(after.contains("""
            ## Contents
            - [Methods](#methods): how the models are built
            - [Related survey](#related-survey)
            - [Data](#data): where to get it

            ## Methods
            """))
    }

    @Test func aContentsItemIsNestedAsItsHeading() throws {
        let (_, after, _) = try NoDamageFixtures.fix("toc-nesting.md")
        #expect(after.contains("- [Datasets](#datasets)\n  - [LFM data](#lfm-data)\n  - [VFM data](#vfm-data)\n"))
        let nesting = try NoDamageFixtures.findings("toc-nesting.md").filter { $0.ruleID == "toc-nesting" }
        #expect(nesting.map(\.line) == [8] && nesting.first?.severity == .error)
    }

    @Test func linksWrittenInBracketsAreLinks() throws {
        let file = NoDamageFixtures.url("wrapped-links.md")
        let configuration = try NoDamageFixtures.configuration(for: file)
        let view = ListView(document: try Document(bytes: try Paths.bytes(file)), configuration: configuration)
        let entries = view.entries.filter { $0.shape == .entry }
        #expect(entries.count == 7)
        let first = try #require(entries.first)
        #expect(first.title == "MedAlpaca: An open-source collection of medical conversational AI models.")
        #expect(first.links.map(\.label) == ["paper", "code"] && first.links.allSatisfy { $0.wrapped } && first.linkSeparator == "")
        #expect(entries.allSatisfy { $0.title?.hasSuffix("[") == false && !$0.links.isEmpty })
        #expect(try NoDamageFixtures.findings("wrapped-links.md").filter { $0.ruleID == "link-spacing" }.isEmpty)
        let (before, after, _) = try NoDamageFixtures.fix("wrapped-links.md")
        #expect(after == before)
    }

    @Test func aRefusedFixNamesTheOneRuleWhoseFixDropsTheEntry() throws {
        // Two rules fix in one pass; only one of them loses the entry.
        struct Dropping: Rule {
            static let description = RuleDescription(id: "dropping", summary: "", rationale: "", severity: .warning,
                                                     passing: [], failing: [])
            func check(_ context: RuleContext) -> [Finding] {
                context.view.entries.prefix(1).map { finding("x", line: $0.line, fix: Fix("x", edits: [.replace(line: $0.line, with: "- [a]")])) }
            }
        }
        struct Harmless: Rule {
            static let description = RuleDescription(id: "harmless", summary: "", rationale: "", severity: .warning,
                                                     passing: [], failing: [])
            func check(_ context: RuleContext) -> [Finding] {
                [finding("x", line: 1, fix: Fix("x", edits: [.replace(line: 1, with: "## LFM methods")]))]
            }
        }
        // A fix that leaves the entry's lines alone and still loses it (a code fence opened above
        // it), found only by reading the fixed list again: a rule whose description says its fix
        // restructures makes the fixer read it.
        struct Fencing: Rule {
            static let description = RuleDescription(id: "fencing", summary: "", rationale: "", severity: .warning,
                                                     passing: [], failing: [], restructures: true)
            func check(_ context: RuleContext) -> [Finding] {
                context.view.entries.prefix(1).map { finding("x", line: $0.line, fix: Fix("x", edits: [LineEdit(lines: $0.line..<$0.line, replacement: ["```"])])) }
            }
        }
        let bytes = Array("## LFM methods \n**2024**\n- [a] A title. [[Paper]](https://a.org/1)\n".utf8)
        #expect(throws: FixError.wouldDropEntry(title: "A title.", rules: ["dropping"])) {
            try FixerTests.fix(bytes, .healthcareDefault, linter: Linter(rules: [Harmless(), Dropping()]))
        }
        #expect(throws: FixError.wouldDropEntry(title: "A title.", rules: ["fencing"])) {
            try FixerTests.fix(bytes, .healthcareDefault, linter: Linter(rules: [Harmless(), Fencing()]))
        }
        #expect(FixError.wouldDropEntry(title: "A title.", rules: ["dropping"]).description
            == "the dropping fix would drop the entry \"A title.\"; nothing was written. Fix that part by hand, or run `fmadd fix --ignore dropping`")
    }

    @Test func linksThatTouchAreNotPulledApart() throws {
        let (before, after, result) = try NoDamageFixtures.fix("adjacent-links.md")
        let voco = try #require(before.split(separator: "\n").first { $0.contains("VoCo") })
        #expect(after.contains(voco + "\n"), "the touching links of VoCo were respaced")
        // Two spaces between links are respaced.
        #expect(after.contains("[[paper]](https://arxiv.org/abs/2401.04079) [[Code]]"))
        let left = result.remaining.filter { $0.ruleID == "link-spacing" }
        #expect(left.map(\.line) == [6] && left.allSatisfy { $0.fix == nil })
        // No fix link-spacing offers on this list changes what GitHub shows of any other entry.
        let document = try Document(bytes: Array(before.utf8))
        let offered = Linter(select: ["link-spacing"], ignore: []).findings(in: ListView(document: document, configuration: .healthcareDefault))
        #expect(offered.compactMap(\.fix).flatMap(\.edits).map(\.lines.lowerBound) == [9])
    }

    @Test func aFragmentThatDiffersOnlyInCaseIsAWarningAndAMissingOneAnError() throws {
        let findings = try NoDamageFixtures.findings("case-anchor.md").filter { $0.ruleID == "toc-broken-link" }
        let byLine = Dictionary(findings.map { ($0.line, $0) }, uniquingKeysWith: { a, _ in a })
        let caseOnly = try #require(byLine[4])
        #expect(caseOnly.severity == .warning)
        #expect(caseOnly.message.contains("only in letter case") && caseOnly.message.contains("#dataset"))
        #expect(byLine[6]?.severity == .error)
        #expect(byLine[5] == nil)
        let (_, after, _) = try NoDamageFixtures.fix("case-anchor.md")
        #expect(after.contains("## Contents\n- [Dataset](#dataset)\n- [Benchmark](#benchmark)\n\n## Dataset"))
    }
}
