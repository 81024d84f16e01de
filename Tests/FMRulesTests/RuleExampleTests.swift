import Foundation
import FMTestSupport
import Testing
import FMList
@testable import FMRules

/// Every rule's own examples are its tests: passing examples find nothing, failing examples find
/// exactly the marked places, fix examples turn into their output. Derived checks add that a
/// failing example is silent inside a code fence and after a disable comment.
@Suite struct RuleExampleTests {
    static let ruleIDs = RuleRegistry.all.map { $0.description.id }

    static func rule(_ id: String) -> any Rule { RuleRegistry.all.first { $0.description.id == id }!.init() }

    static func findings(of id: String, in text: String) throws -> [Finding] {
        let document = try Document(bytes: Array(text.utf8))
        let view = ListView(document: document, configuration: .healthcareDefault)
        return Linter(rules: [rule(id)]).findings(in: view).filter { $0.ruleID == id }
    }

    /// The example without its markers, and the (line, column) of each marker.
    static func unmark(_ example: String) -> (String, Set<Position>) {
        var text = ""
        var positions = Set<Position>()
        var line = 1, column = 1
        for scalar in example.unicodeScalars {
            if Character(scalar) == RuleDescription.marker {
                positions.insert(Position(line: line, column: column))
                continue
            }
            text.unicodeScalars.append(scalar)
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return (text, positions)
    }

    struct Position: Hashable, CustomStringConvertible {
        var line: Int
        var column: Int
        var description: String { "\(line):\(column)" }
    }

    @Test(arguments: ruleIDs)
    func passingExamplesFindNothing(_ id: String) throws {
        let description = RuleRegistry.description(of: id)!
        #expect(!description.passing.isEmpty, "\(id) has no passing example")
        for example in description.passing {
            let found = try Self.findings(of: id, in: example)
            #expect(found.isEmpty, "\(id) found \(found.map(\.message)) in a passing example:\n\(example)")
        }
    }

    @Test(arguments: ruleIDs)
    func failingExamplesFindTheMarkedPlaces(_ id: String) throws {
        let description = RuleRegistry.description(of: id)!
        #expect(!description.failing.isEmpty, "\(id) has no failing example")
        for example in description.failing {
            let (text, expected) = Self.unmark(example)
            #expect(!expected.isEmpty, "\(id): a failing example without a ↓ marker")
            let found = Set(try Self.findings(of: id, in: text).map { Position(line: $0.line, column: $0.column) })
            #expect(found == expected, "\(id) in:\n\(text)")
        }
    }

    @Test(arguments: ruleIDs)
    func everyRuleShowsAColumnAfterWideCharacters(_ id: String) {
        // A marker preceded on its line by a CJK character or an emoji shows that columns count
        // characters, not bytes. Rules that only point at the start of a line or of an item need none.
        let description = RuleRegistry.description(of: id)!
        var onlyLineStarts = true
        var wideBeforeAMarker = false
        for example in description.failing {
            let (text, positions) = Self.unmark(example)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            for p in positions {
                let before = lines[p.line - 1].unicodeScalars.prefix(p.column - 1)
                if !before.allSatisfy({ " \t-*+|.)0123456789".unicodeScalars.contains($0) }) { onlyLineStarts = false }
                if before.contains(where: { $0.value > 0x2E7F }) { wideBeforeAMarker = true }
            }
        }
        #expect(onlyLineStarts || wideBeforeAMarker, "\(id): add a failing example with CJK or emoji text before a marker")
    }

    @Test(arguments: ruleIDs)
    func failingExamplesAreSilentInsideACodeFence(_ id: String) throws {
        for example in RuleRegistry.description(of: id)!.failing {
            let (text, _) = Self.unmark(example)
            let fenced = "```markdown\n" + text + (text.hasSuffix("\n") ? "" : "\n") + "```\n"
            #expect(try Self.findings(of: id, in: fenced).isEmpty, "\(id) triggers inside a code fence:\n\(fenced)")
        }
    }

    /// Rules about the file's bytes rather than what GitHub shows, which hold inside comments too.
    static let bytewiseRules: Set<String> = ["trailing-whitespace"]

    @Test(arguments: ruleIDs.filter { !bytewiseRules.contains($0) })
    func failingExamplesAreSilentInsideAnHTMLComment(_ id: String) throws {
        for example in RuleRegistry.description(of: id)!.failing {
            let (text, _) = Self.unmark(example)
            let commented = "<!--\n" + text + (text.hasSuffix("\n") ? "" : "\n") + "-->\n"
            #expect(try Self.findings(of: id, in: commented).isEmpty, "\(id) triggers inside an HTML comment:\n\(commented)")
        }
    }

    /// A comment inside a paragraph or an item, on one line or going on over the next lines, is
    /// not shown by GitHub either: with the marked text of a failing example commented out where
    /// it stands (outside tables, whose cells split a comment), nothing is found there.
    @Test(arguments: ruleIDs.filter { !bytewiseRules.contains($0) })
    func failingExamplesAreSilentInsideAnInlineHTMLComment(_ id: String) throws {
        for example in RuleRegistry.description(of: id)!.failing {
            for (open, close) in [("<!-- ", " -->"), ("<!--\n", "\n-->"), ("<!--\n  ", "\n  more -->")] {
                guard let commented = Self.commentingOut(example, open: open, close: close) else { continue }
                let found = try Self.findings(of: id, in: commented)
                #expect(found.isEmpty, "\(id) triggers inside an HTML comment: \(found.map(\.message))\n\(commented)")
            }
        }
    }

    /// The example with the text from each marker to its line's end inside a comment; nil when a
    /// marked line is a table row, a marker starts its line (a comment there is an HTML block) or
    /// lies inside a link's brackets or parentheses (a comment cannot start there).
    static func commentingOut(_ example: String, open: String, close: String) -> String? {
        var lines = example.components(separatedBy: "\n")
        var changed = false
        for (index, line) in lines.enumerated() {
            guard let marker = line.firstIndex(of: RuleDescription.marker) else { continue }
            let before = line[..<marker]
            if line.trimmingCharacters(in: .whitespaces).hasPrefix("|") || before.trimmingCharacters(in: .whitespaces).isEmpty { return nil }
            if before.count(where: { $0 == "(" }) > before.count(where: { $0 == ")" })
                || before.count(where: { $0 == "[" }) > before.count(where: { $0 == "]" }) { return nil }
            let rest = line[marker...].filter { $0 != RuleDescription.marker }
            lines[index] = before + open + rest + close
            changed = true
        }
        return changed ? lines.joined(separator: "\n") : nil
    }

    @Test(arguments: ruleIDs)
    func failingExamplesAreSilentAfterADisableComment(_ id: String) throws {
        for example in RuleRegistry.description(of: id)!.failing {
            let (text, _) = Self.unmark(example)
            #expect(try Self.findings(of: id, in: "<!-- fmadd-disable \(id) -->\n\n" + text).isEmpty)
            #expect(try !Self.findings(of: id, in: "<!-- fmadd-disable some-other-rule -->\n\n" + text).isEmpty)
        }
    }

    @Test(arguments: ruleIDs)
    func fixExamplesProduceTheirOutput(_ id: String) throws {
        for (before, after) in RuleRegistry.description(of: id)!.fixes {
            let fixed = try Self.applyFixes(of: id, to: before)
            #expect(fixed == after, "\(id) fixed\n\(before)\ninto\n\(fixed)")
            #expect(try Self.applyFixes(of: id, to: fixed) == fixed, "\(id): fixing twice changes more")
        }
    }

    /// Applies the rule's fixes until nothing changes (one finding's fix at a time when they overlap).
    static func applyFixes(of id: String, to text: String) throws -> String {
        var current = text
        for _ in 0..<10 {
            let document = try Document(bytes: Array(current.utf8))
            var edits: [LineEdit] = []
            for finding in try findings(of: id, in: current) {
                guard let fix = finding.fix else { continue }
                if fix.edits.contains(where: { edit in edits.contains { $0.overlaps(edit) || $0 == edit } }) { continue }
                edits += fix.edits
            }
            if edits.isEmpty { break }
            current = String(decoding: document.applying(edits), as: UTF8.self)
        }
        return current
    }

    @Test func disableNextLineAndEnableWork() throws {
        let text = """
            Text.\u{20}
            <!-- fmadd-disable-next-line trailing-whitespace -->
            Silenced.\u{20}
            Reported.\u{20}
            <!-- fmadd-disable -->
            Silenced.\u{20}
            <!-- fmadd-enable trailing-whitespace -->
            Reported.\u{20}

            """
        let lines = try Self.findings(of: "trailing-whitespace", in: text).map(\.line)
        #expect(lines == [1, 4, 8])
    }

    @Test func registryListsEveryRuleFile() throws {
        let folder = Paths.repository.appendingPathComponent("Sources/FMRules/Rules")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix("Rule.swift") }
        let registered = Set(RuleRegistry.all.map { String(describing: $0) + ".swift" })
        #expect(Set(files) == registered)
        #expect(Set(Self.ruleIDs).count == Self.ruleIDs.count, "rule ids must be unique")
        for id in Self.ruleIDs {
            #expect(id.range(of: "^[a-z]+(-[a-z]+)*$", options: .regularExpression) != nil, "\(id) is not kebab-case")
        }
    }
}
