import Foundation
import FMTestSupport
import Testing
import FMList
import FMRules
@testable import FMEditor

@Suite struct FixerTests {
    /// The configuration that fits a corpus list: the built-in one for the healthcare list, a
    /// fixture for each other list.
    static func configuration(for file: URL) throws -> Configuration {
        let fixture = Paths.fixtures.appendingPathComponent("configs/\(file.deletingPathExtension().lastPathComponent).fmadd.yml")
        guard FileManager.default.fileExists(atPath: fixture.path) else { return .healthcareDefault }
        return try Configuration.load(path: fixture.path)
    }

    static func fix(_ bytes: [UInt8], _ configuration: Configuration, linter: Linter = Linter()) throws -> Fixer.Result {
        try Fixer(linter: linter, configuration: configuration).fix(try Document(bytes: bytes), path: "list.md")
    }

    @Test(.enabled(if: Needs.corpus, Comment(rawValue: Needs.corpusReason)), arguments: Paths.corpusFiles())
    func fixIsIdempotentAndKeepsEveryTitledEntry(_ file: URL) throws {
        let configuration = try Self.configuration(for: file)
        let original = try Paths.bytes(file)
        let once = try Self.fix(original, configuration)
        let twice = try Self.fix(once.bytes, configuration)
        #expect(!twice.changed, "\(file.lastPathComponent): a second fix changed \(twice.applied.map(\.ruleID))")
        let before = Fixer.titles(ListView(document: try Document(bytes: original), configuration: configuration))
        let after = Fixer.titles(ListView(document: try Document(bytes: once.bytes), configuration: configuration))
        for (title, count) in before {
            #expect(after[title, default: 0] >= count, "\(file.lastPathComponent) lost \"\(title)\"")
        }
    }

    @Test(.enabled(if: Needs.corpus, Comment(rawValue: Needs.corpusReason)), arguments: Paths.corpusFiles())
    func formattingFixesLeaveTheWholeRenderingAsItWas(_ file: URL) throws {
        let configuration = try Self.configuration(for: file)
        let formatting = Set(["trailing-whitespace", "table-alignment", "blank-line-around-table"])
        let original = try Paths.bytes(file)
        let fixed = try Self.fix(original, configuration, linter: Linter(select: formatting, ignore: []))
        #expect(RenderedHTML.of(fixed.bytes) == RenderedHTML.of(original), "\(file.lastPathComponent)")
    }

    @Test func healthcareListAfterFixHasOnlyWhatNeedsAPerson() throws {
        let url = Paths.healthcareList
        let original = try Paths.bytes(url)
        let result = try Self.fix(original, .healthcareDefault)
        // What is left: links whose target nobody but their authors knows. The entries that may be
        // one paper are `fmadd check`'s and `fmadd dedupe`'s to report: fix does not look for them.
        // And two entries whose links touch (`…)[[Code]]`): a space between them would change what
        // GitHub shows. And the entries whose fields the schema refuses (a missing paper link,
        // plain http): only their authors can say what they should be.
        #expect(Set(result.remaining.map(\.ruleID)) == ["empty-link-target", "malformed-link", "link-spacing", "entry-schema"])
        #expect(result.remaining.allSatisfy { $0.fix == nil })
        #expect(result.remaining.filter { $0.ruleID != "entry-schema" }.count == 6)
        #expect(result.remaining.filter { $0.ruleID == "link-spacing" }.map(\.line) == [147, 171])

        // Every line the fix changed is one a rule named in the original list.
        let document = try Document(bytes: original)
        let findings = Linter().findings(in: ListView(document: document, configuration: .healthcareDefault))
        var named = Set(findings.map(\.line))
        for finding in findings {
            for edit in finding.fix?.edits ?? [] { named.formUnion(edit.lines) }
        }
        let oldLines = UnifiedDiff.lines(original), newLines = UnifiedDiff.lines(result.bytes)
        var ops: [UnifiedDiff.Op] = []
        UnifiedDiff.match(oldLines, 0..<oldLines.count, newLines, 0..<newLines.count, into: &ops)
        var lastOld = 0
        for op in ops {
            switch op {
            case .equal(let i, _): lastOld = i + 1
            case .delete(let i):
                #expect(named.contains(i + 1), "line \(i + 1) changed but no rule named it")
                lastOld = i + 1
            case .insert:
                #expect(named.contains(lastOld) || named.contains(lastOld + 1), "a line inserted after \(lastOld) that no rule named")
            }
        }
    }

    @Test func aFormattingFixThatWouldChangeTheRenderingIsRefused() throws {
        // A rule that claims to format but turns a paragraph into a heading.
        struct Breaking: Rule {
            static let description = RuleDescription(id: "breaking", summary: "", rationale: "", severity: .warning,
                                                     passing: [], failing: [])
            func check(_ context: RuleContext) -> [Finding] {
                [finding("x", line: 1, fix: Fix("x", edits: [.replace(line: 1, with: "# Text")], kind: .formatting))]
            }
        }
        let bytes = Array("Text\n\nMore\n".utf8)
        #expect(throws: FixError.formattingChangesRendering(rule: "breaking", line: 1)) {
            try Self.fix(bytes, .healthcareDefault, linter: Linter(rules: [Breaking()]))
        }
    }

    @Test func aFixThatWouldDropATitledEntryIsRefused() throws {
        struct Dropping: Rule {
            static let description = RuleDescription(id: "dropping", summary: "", rationale: "", severity: .warning,
                                                     passing: [], failing: [])
            func check(_ context: RuleContext) -> [Finding] {
                context.view.entries.prefix(1).map { finding("x", line: $0.line, fix: Fix("x", edits: [.delete($0.lines)])) }
            }
        }
        let bytes = Array("## LFM methods\n**2024**\n- [a] A title. [[Paper]](https://a.org/1)\n".utf8)
        #expect(throws: FixError.wouldDropEntry(title: "A title.", rules: ["dropping"])) {
            try Self.fix(bytes, .healthcareDefault, linter: Linter(rules: [Dropping()]))
        }
    }

    @Test func twoFixesThatChangeDifferentBytesOfALineBothApply() {
        func merged(_ change: String, into base: String, original: String) -> String? {
            EditPlan.merged(Array(change.utf8), into: Array(base.utf8), original: Array(original.utf8))
                .map { String(decoding: $0, as: UTF8.self) }
        }
        let line = "- [a] A. [[paper]](https://a.org/1)  "
        #expect(merged("- [a] A. [[paper]](https://a.org/1)", into: "- [a] A. [[Paper]](https://a.org/1)  ", original: line)
                == "- [a] A. [[Paper]](https://a.org/1)")
        // Changes that touch or adjoin each other are left to the next pass.
        #expect(merged("abY", into: "aXc", original: "abc") == nil)
        #expect(merged("aYc", into: "aXc", original: "abc") == nil)
        // A character of several bytes is changed whole: é and è share their first byte.
        #expect(merged("é y", into: "è x", original: "é x") == "è y")
        #expect(merged("abc", into: "aXc", original: "abc") == "aXc")
    }

    @Test func aLineWithTwoFixesIsFixedInOnePassAndACellThatGrowsIsAlignedAgain() throws {
        let list = "## LFM methods\n**2024**\n- [a] A. [[paper]](https://a.org/1)  \n- [b] B. [[Paper]](https://a.org/2)\n- [c] C. [[Paper]](https://a.org/3)\n"
        let fixed = try Self.fix(Array(list.utf8), .healthcareDefault)
        #expect(String(decoding: fixed.bytes, as: UTF8.self) == list.replacingOccurrences(of: "[[paper]](https://a.org/1)  ", with: "[[Paper]](https://a.org/1)"))
        #expect(Set(fixed.applied.map(\.ruleID)) == ["mixed-label-case", "trailing-whitespace"])
        let table = "| Name | Link |\n| --- | --- |\n| a | [x](a.org) |\n| bb | [y](https://b.org) |\n"
        let aligned = try Self.fix(Array(table.utf8), .healthcareDefault)
        #expect(try !Self.fix(aligned.bytes, .healthcareDefault).changed, "the row the link fix widened is aligned again")
    }

    @Test func keepsCRLFAndAMissingFinalNewline() throws {
        let text = "## LFM methods\r\n**2024**\r\n- [a] A. [[paper]](https://a.org/1) \r\n- [b] B. [[Paper]](https://a.org/2)\r\n- [c] C. [[Paper]](https://a.org/3)"
        let fixed = String(decoding: try Self.fix(Array(text.utf8), .healthcareDefault).bytes, as: UTF8.self)
        #expect(fixed == "## LFM methods\r\n**2024**\r\n- [a] A. [[Paper]](https://a.org/1)\r\n- [b] B. [[Paper]](https://a.org/2)\r\n- [c] C. [[Paper]](https://a.org/3)")
    }

    @Test func aRowWithTheWrongNumberOfCellsIsLeftAsItIs() throws {
        let text = "| a | b |\n| --- | --- |\n|c|d|e|\n|f|g|\n"
        let fixed = try Fixer(linter: Linter(), configuration: .healthcareDefault).fix(try Document(bytes: Array(text.utf8)), path: "t.md")
        #expect(String(decoding: fixed.bytes, as: UTF8.self) == text)
        #expect(fixed.remaining.map(\.ruleID) == ["table-cell-count"])
    }
}
