import FMList
import FMRules

/// Applies the fixes the rules offer until none is left, checking as it goes that formatting
/// fixes leave GitHub's rendering as it was and that no entry with a title is lost.
public struct Fixer: Sendable {
    public let linter: Linter
    public let configuration: Configuration

    public init(linter: Linter, configuration: Configuration) {
        self.linter = linter
        self.configuration = configuration
    }

    /// One fix that was applied.
    public struct Applied: Hashable, Sendable {
        public var ruleID: String
        public var line: Int
        public var summary: String
    }

    public struct Result: Sendable {
        public var bytes: [UInt8]
        public var applied: [Applied]
        /// What is left for a person, in the fixed list.
        public var remaining: [Finding]
        public var changed: Bool
    }

    /// Rules whose fixes change the block structure, after which other rules may find more.
    static let restructuringRules: Set<String> = [
        "swallowed-year-marker", "duplicate-heading", "year-order", "doubled-list-marker",
        "placeholder-entry", "toc-missing-heading",
    ]

    public func fix(_ document: Document, path: String) throws(FixError) -> Result {
        var current = document
        var view = ListView(document: document, configuration: configuration)
        var applied: [Applied] = []
        let titlesBefore = Self.titles(view)
        for _ in 0..<12 {
            let findings = linter.findings(in: view)
            var chosen: [(Finding, Fix)] = []
            var seen = Set<Fix>()
            var occupied = OccupiedLines()
            var skipped = false
            for finding in findings {
                guard let fix = finding.fix, !fix.edits.isEmpty, !seen.contains(fix) else { continue }
                // A fix that rewrites whole rows also settles what smaller fixes on them wanted.
                if occupied.conflicts(with: fix.edits) {
                    if !occupied.subsumes(fix.edits, rule: finding.ruleID) { skipped = true }
                    continue
                }
                seen.insert(fix)
                occupied.add(fix)
                chosen.append((finding, fix))
            }
            if chosen.isEmpty {
                return Result(bytes: current.bytes, applied: applied, remaining: findings, changed: current.bytes != document.bytes)
            }
            let edits = chosen.flatMap(\.1.edits)
            if let lost = Self.droppedTitle(by: chosen, in: view) {
                throw .wouldDropEntry(title: lost, rules: Set(chosen.map(\.0.ruleID)).sorted())
            }
            let next = current.applying(edits)
            try checkRendering(of: chosen, in: current)
            applied += chosen.map { Applied(ruleID: $0.0.ruleID, line: $0.0.line, summary: $0.1.summary) }
            // Nothing was held back and nothing moved blocks: the fixes cannot have made new work.
            if !skipped && !chosen.contains(where: { Self.restructuringRules.contains($0.0.ruleID) }) {
                let remaining = findings.filter { $0.fix == nil }.map { finding in
                    var moved = finding
                    moved.line = Self.lineAfter(finding.line, edits: edits)
                    return moved
                }
                return Result(bytes: next, applied: applied, remaining: remaining, changed: true)
            }
            do { current = try Document(bytes: next, path: path) } catch {
                throw .brokeTheFile(path: path)
            }
            view = ListView(document: current, configuration: configuration)
            let titlesAfter = Self.titles(view)
            if let lost = titlesBefore.first(where: { titlesAfter[$0.key, default: 0] < $0.value }) {
                throw .wouldDropEntry(title: lost.key, rules: Set(chosen.map(\.0.ruleID)).sorted())
            }
        }
        let remaining = linter.findings(in: view)
        return Result(bytes: current.bytes, applied: applied, remaining: remaining, changed: current.bytes != document.bytes)
    }

    /// Where line `line`, untouched by `edits`, is once they are applied.
    static func lineAfter(_ line: Int, edits: [LineEdit]) -> Int {
        var shift = 0
        for edit in edits where edit.lines.upperBound <= line && !(edit.lines.isEmpty && edit.lines.lowerBound > line) {
            shift += edit.replacement.count - edit.lines.count
        }
        return line + shift
    }

    /// The title of an entry whose lines a fix replaces without writing the title again.
    static func droppedTitle(by chosen: [(Finding, Fix)], in view: ListView) -> String? {
        let titled = view.entries.filter { $0.title != nil }
        guard !titled.isEmpty else { return nil }
        for (_, fix) in chosen {
            let replaced = fix.edits.filter { !$0.lines.isEmpty }
            guard !replaced.isEmpty else { continue }
            let written = fix.edits.flatMap(\.replacement)
            for edit in replaced {
                // Entries are in line order: find the first at or after the edit by bisection.
                var low = 0, high = titled.count
                while low < high {
                    let middle = (low + high) / 2
                    if titled[middle].line < edit.lines.lowerBound { low = middle + 1 } else { high = middle }
                }
                var k = low
                while k < titled.count && titled[k].line < edit.lines.upperBound {
                    if let title = titled[k].title, !written.contains(where: { $0.contains(title) }) { return title }
                    k += 1
                }
            }
        }
        return nil
    }

    /// How many entries carry each title: a fix may move an entry, never drop one.
    static func titles(_ view: ListView) -> [String: Int] {
        var counts: [String: Int] = [:]
        for entry in view.entries {
            if let title = entry.title { counts[title, default: 0] += 1 }
        }
        return counts
    }

    /// Renders the blocks around each formatting edit twice, with only the content edits applied
    /// and with all of them, and refuses when GitHub would show the two differently.
    private func checkRendering(of chosen: [(Finding, Fix)], in document: Document) throws(FixError) {
        let formatting = chosen.filter { $0.1.kind == .formatting }
        guard !formatting.isEmpty else { return }
        let contentEdits = chosen.filter { $0.1.kind == .content }.flatMap(\.1.edits).sorted { $0.lines.lowerBound < $1.lines.lowerBound }
        var regions = formatting.flatMap(\.1.edits).map { Self.enclosingBlocks(of: $0.lines, in: document) }
        // A content edit that reaches into a region belongs to it.
        regions += contentEdits.compactMap { edit in
            let span = Self.enclosingBlocks(of: edit.lines, in: document)
            return regions.contains { $0.overlaps(span) } ? span : nil
        }
        regions.sort { $0.lowerBound < $1.lowerBound }
        regions = regions.reduce(into: []) { merged, region in
            if let last = merged.last, region.lowerBound <= last.upperBound + 1 {
                merged[merged.count - 1] = last.lowerBound...max(last.upperBound, region.upperBound)
            } else {
                merged.append(region)
            }
        }
        let allEdits = chosen.flatMap(\.1.edits)
        for region in regions {
            let inside = { (edit: LineEdit) in region.contains(edit.lines.lowerBound) || (edit.lines.isEmpty && edit.lines.lowerBound == region.upperBound + 1) }
            let withContent = Self.text(of: region, in: document, applying: contentEdits.filter(inside))
            let withAll = Self.text(of: region, in: document, applying: allEdits.filter(inside))
            if RenderedHTML.of(withContent) != RenderedHTML.of(withAll) {
                let culprit = formatting.first { $0.1.edits.contains(where: inside) }
                throw .formattingChangesRendering(rule: culprit?.0.ruleID ?? "formatting", line: culprit?.0.line ?? region.lowerBound)
            }
        }
    }

    /// The bytes of lines `region` with `edits` (which lie inside it) applied.
    static func text(of region: ClosedRange<Int>, in document: Document, applying edits: [LineEdit]) -> [UInt8] {
        let ending = Array(document.preferredLineEnding.utf8)
        var out: [UInt8] = []
        var line = region.lowerBound
        for edit in edits.sorted(by: { $0.lines.lowerBound < $1.lines.lowerBound }) {
            while line < edit.lines.lowerBound && line <= region.upperBound {
                out += document.bytes[document.lines.fullRange(line)]
                line += 1
            }
            for text in edit.replacement { out += Array(text.utf8) + ending }
            line = max(line, edit.lines.upperBound)
        }
        while line <= region.upperBound {
            out += document.bytes[document.lines.fullRange(line)]
            line += 1
        }
        return out
    }

    /// The lines that `lines` touches, widened to whole blocks that render on their own: a
    /// top-level block, or one item of a top-level list (for an insertion, the blocks on both
    /// sides of it).
    static func enclosingBlocks(of lines: Range<Int>, in document: Document) -> ClosedRange<Int> {
        let count = document.lines.count
        let low = max(1, min(lines.lowerBound - (lines.isEmpty ? 1 : 0), count))
        let high = max(low, min(lines.isEmpty ? lines.lowerBound : lines.upperBound - 1, count))
        guard let first = topLevelIndex(containing: low, in: document),
              let last = topLevelIndex(containing: high, in: document) else { return low...high }
        let blocks = document.blocks
        if first == last, case .list = blocks[first].kind,
           let item = document.children(of: first).first(where: { blocks[$0].lines.contains(low) }),
           blocks[item].lines.contains(high) {
            return blocks[item].lines
        }
        return blocks[first].lines.lowerBound...blocks[last].lines.upperBound
    }

    /// The top-level block that holds `line`, found by bisection.
    static func topLevelIndex(containing line: Int, in document: Document) -> Int? {
        let top = document.topLevel
        var low = 0, high = top.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let block = document.blocks[top[middle]].lines
            if line < block.lowerBound { high = middle - 1 } else if line > block.upperBound { low = middle + 1 } else { return top[middle] }
        }
        return nil
    }
}

/// The lines that the fixes chosen so far replace, and where they insert.
struct OccupiedLines {
    private var replaced = Set<Int>()
    private var insertions = Set<Int>()
    /// Lines rewritten whole by a table alignment, which also drops their tabs and trailing space.
    private var rewrittenRows = Set<Int>()

    func conflicts(with edits: [LineEdit]) -> Bool {
        edits.contains { edit in
            if edit.lines.isEmpty {
                return insertions.contains(edit.lines.lowerBound)
                    || (replaced.contains(edit.lines.lowerBound) && replaced.contains(edit.lines.lowerBound - 1))
            }
            return edit.lines.contains { replaced.contains($0) }
                || edit.lines.dropFirst().contains { insertions.contains($0) }
        }
    }

    /// Whether a fix held back for a conflict is already done by the one that took its lines.
    func subsumes(_ edits: [LineEdit], rule: String) -> Bool {
        (rule == "tab-in-table-cell" || rule == "trailing-whitespace")
            && edits.allSatisfy { !$0.lines.isEmpty && $0.lines.allSatisfy { rewrittenRows.contains($0) } }
    }

    mutating func add(_ fix: Fix) {
        for edit in fix.edits {
            if edit.lines.isEmpty { insertions.insert(edit.lines.lowerBound) } else { replaced.formUnion(edit.lines) }
        }
        if fix.summary == TableAlignmentRule.fixSummary {
            for edit in fix.edits { rewrittenRows.formUnion(edit.lines) }
        }
    }
}

/// Why `fmadd fix` wrote nothing.
public enum FixError: Error, Equatable, Sendable, CustomStringConvertible {
    case formattingChangesRendering(rule: String, line: Int)
    case wouldDropEntry(title: String, rules: [String])
    case brokeTheFile(path: String)

    public var description: String {
        switch self {
        case .formattingChangesRendering(let rule, let line):
            return "the \(rule) fix near line \(line) would change what GitHub shows, though it should only change formatting; nothing was written. Run `fmadd fix --ignore \(rule)` and report the list's lines to the fmadd maintainers"
        case .wouldDropEntry(let title, let rules):
            return "a fix (\(rules.joined(separator: ", "))) would drop the entry \"\(title)\"; nothing was written. Fix that part by hand, or run `fmadd fix --ignore RULE`"
        case .brokeTheFile(let path):
            return "fixing \(path) produced a file fmadd cannot read back; nothing was written"
        }
    }
}
