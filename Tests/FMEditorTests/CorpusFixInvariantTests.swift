import Foundation
import FMTestSupport
import Testing
import FMList
import FMRules
@testable import FMEditor

/// "No fix drops or moves a year marker, a year heading or a working link", read from the files
/// themselves: every list of the shared corpus and every fixture list is fixed, and what it held
/// before is looked for after.
@Suite struct CorpusFixInvariantTests {
    static let corpusPresent = Needs.corpus

    static var fixtureLists: [URL] {
        [Paths.fixtures.appendingPathComponent("healthcare-older.md")] + NoDamageFixtures.lists
    }

    // A fresh clone has no ../shared: the corpus lists are skipped then, and say so.
    @Test(.enabled(if: corpusPresent, "the shared corpus (../shared/corpus) is not here, as in a fresh clone: its lists are skipped"),
          arguments: Paths.corpusFiles())
    func fixKeepsWhatACorpusListHolds(_ file: URL) throws {
        try Self.checkInvariants(file, configuration: try FixerTests.configuration(for: file))
    }

    @Test(arguments: fixtureLists)
    func fixKeepsWhatAFixtureListHolds(_ file: URL) throws {
        try Self.checkInvariants(file, configuration: try NoDamageFixtures.configuration(for: file))
    }

    static func checkInvariants(_ file: URL, configuration: Configuration) throws {
        let name = file.lastPathComponent
        let original = try Paths.bytes(file)
        let before = try Document(bytes: original)
        let fixer = Fixer(linter: Linter(), configuration: configuration)
        let result = try fixer.fix(before, path: name)
        let after = try Document(bytes: result.bytes)
        let viewBefore = ListView(document: before, configuration: configuration)
        let viewAfter = ListView(document: after, configuration: configuration)

        // Year markers and year headings, each under the same section heading (two sections of
        // one name, which duplicate-heading merges, may share one marker of a year).
        let yearsBefore = yearMarks(viewBefore), yearsAfter = yearMarks(viewAfter)
        for mark in yearsBefore.keys where yearsAfter[mark] == nil {
            Issue.record("\(name): \(mark.marker) under \"\(mark.section)\" is gone or moved")
        }

        // Contents items that reached a heading still do.
        let reachedBefore = reachedAnchors(viewBefore), reachedAfter = reachedAnchors(viewAfter)
        for (anchor, count) in reachedBefore where reachedAfter[anchor, default: 0] < count {
            Issue.record("\(name): the contents item for #\(anchor) no longer reaches its heading")
        }

        // Every link target, up to an added https://, unless its rule removes it on purpose: an
        // empty target (placeholders, empty links) or a fragment no heading has (an item whose
        // heading is gone).
        let targetsAfter = targets(viewAfter)
        let anchorsBefore = anchorNames(viewBefore)
        for (target, count) in targets(viewBefore) where !target.isEmpty {
            if target.hasPrefix("#") {
                let fragment = String(target.dropFirst())
                let decoded = (fragment.removingPercentEncoding ?? fragment)
                guard anchorsBefore.contains(decoded.lowercased()) else { continue }
                // A fragment in other letter case may be written as GitHub's anchor.
                let kept = targetsAfter[target, default: 0] + (target == target.lowercased() ? 0 : targetsAfter[target.lowercased(), default: 0])
                if kept < count { Issue.record("\(name): the link to \(target) is gone") }
                continue
            }
            let kept = targetsAfter[target, default: 0] + targetsAfter["https://" + target, default: 0]
            if kept < count { Issue.record("\(name): the link to \(target) is gone (\(count) before, \(kept) after)") }
        }

        // The blocks no fix touched render as they did, where they were.
        for problem in untouchedBlockChanges(before, after) { Issue.record("\(name): \(problem)") }

        // Fixing the fixed list changes nothing.
        let again = try fixer.fix(after, path: name)
        #expect(!again.changed, "\(name): a second fix changed it again: \(again.applied.map { "\($0.ruleID) line \($0.line)" })")
    }

    struct YearMark: Hashable {
        var section: String
        var marker: String
    }

    /// `**2024**` alone on a line and `### 2024` headings outside code, each with the nearest
    /// heading above it that is not a year.
    static func yearMarks(_ view: ListView) -> [YearMark: Int] {
        let document = view.document
        var marks: [YearMark: Int] = [:]
        var section = ""
        for line in 1...max(1, document.lines.count) where line <= document.lines.count && view.verbatim[line - 1] != .code {
            if let heading = document.headingTexts[line] {
                let text = heading.trimmingWhitespace()
                if text.count == 4 && text.allSatisfy(\.isNumber) {
                    marks[YearMark(section: section, marker: "# " + text), default: 0] += 1
                } else {
                    section = text
                }
                continue
            }
            let text = document.lineText(line).trimmingWhitespace()
            let isBoldYear = text.count == 8 && (text.hasPrefix("**") && text.hasSuffix("**") || text.hasPrefix("__") && text.hasSuffix("__"))
                && text.dropFirst(2).prefix(4).allSatisfy(\.isNumber)
            if isBoldYear { marks[YearMark(section: section, marker: text), default: 0] += 1 }
        }
        return marks
    }

    /// GitHub's anchors of the headings (and the ids HTML sets), lower case.
    static func anchorNames(_ view: ListView) -> Set<String> {
        Set(view.sections.map(\.anchor)).union(view.htmlAnchors).reduce(into: Set<String>()) { $0.insert($1.lowercased()) }
    }

    /// The heading anchors that contents items reach (GitHub's page finds a fragment in any
    /// letter case), counted.
    static func reachedAnchors(_ view: ListView) -> [String: Int] {
        let anchors = anchorNames(view)
        var reached: [String: Int] = [:]
        for toc in view.tablesOfContents {
            for item in toc.items {
                let fragment = (item.fragment.removingPercentEncoding ?? item.fragment).lowercased()
                if anchors.contains(fragment) { reached[fragment, default: 0] += 1 }
            }
        }
        return reached
    }

    /// Every link and image target outside code, counted.
    static func targets(_ view: ListView) -> [String: Int] {
        var counts: [String: Int] = [:]
        for links in view.linksByLine {
            for link in links { counts[link.target, default: 0] += 1 }
        }
        return counts
    }

    /// For each top-level block whose lines the fix left as they were: whether the fixed list
    /// still has it as one block over the same lines (moved by what was inserted or removed
    /// before it), rendering the same HTML.
    static func untouchedBlockChanges(_ before: Document, _ after: Document) -> [String] {
        let oldLines = UnifiedDiff.lines(before.bytes), newLines = UnifiedDiff.lines(after.bytes)
        var ops: [UnifiedDiff.Op] = []
        UnifiedDiff.match(oldLines, 0..<oldLines.count, newLines, 0..<newLines.count, into: &ops)
        // Old line (1-based) to new line, for the lines kept; and the old lines after which
        // lines were inserted.
        var newLine: [Int: Int] = [:]
        var insertedAfter = Set<Int>()
        var lastOld = 0
        for op in ops {
            switch op {
            case .equal(let i, let j):
                newLine[i + 1] = j + 1
                lastOld = i + 1
            case .delete(let i):
                lastOld = i + 1
            case .insert:
                insertedAfter.insert(lastOld)
            }
        }
        var topAfter: [ClosedRange<Int>: Int] = [:]
        for index in after.topLevel { topAfter[after.blocks[index].lines] = index }
        var problems: [String] = []
        for index in before.topLevel {
            let lines = before.blocks[index].lines
            // Touched: a line of it changed, or lines were inserted inside it or next to it (an
            // item appended to a list joins it).
            guard lines.allSatisfy({ newLine[$0] != nil }),
                  !((lines.lowerBound - 1)...lines.upperBound).contains(where: { insertedAfter.contains($0) }),
                  let first = newLine[lines.lowerBound], let last = newLine[lines.upperBound],
                  last - first == lines.upperBound - lines.lowerBound else { continue }
            guard let moved = topAfter[first...last] else {
                problems.append("the block on lines \(lines) (now \(first)...\(last)) no longer stands on its own")
                continue
            }
            let old = RenderedHTML.of(Fixer.text(of: lines, in: before, applying: []))
            let new = RenderedHTML.of(Fixer.text(of: after.blocks[moved].lines, in: after, applying: []))
            if old != new { problems.append("the block on lines \(lines) renders differently") }
        }
        return problems
    }
}
