import FMList
import FMRules

/// Applies the fixes the rules offer until none is left, checking as it goes that formatting
/// fixes leave GitHub's rendering as it was and that no entry with a title is lost.
public struct Fixer: Sendable {
    public let linter: Linter
    public let configuration: Configuration
    /// What the rules' descriptions say of their fixes, by rule id.
    let restructuring: Set<String>
    let realigning: Set<String>
    let doneByRealignment: Set<String>

    /// The duplicate rules do not run: they offer no fix (`fmadd dedupe --apply` merges), and
    /// their search is most of a check's time.
    public init(linter: Linter, configuration: Configuration) {
        self.linter = Linter(rules: linter.rules.filter { !type(of: $0).readsDuplicates })
        self.configuration = configuration
        restructuring = linter.ids { $0.restructures }
        realigning = linter.ids { $0.realignsTables }
        doneByRealignment = linter.ids { $0.doneByTableRealignment }
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
        /// What is left for a person in the fixed list, duplicates aside.
        public var remaining: [Finding]
        public var changed: Bool
    }

    public func fix(_ document: Document, path: String) throws(FixError) -> Result {
        var current = document
        var view = ListView(document: document, configuration: configuration)
        // The categories read from the list as it was stay those of every pass.
        let configuration = view.configuration
        var applied: [Applied] = []
        let original = view
        // Counted when a second pass needs them: most lists are fixed in one.
        var titlesBefore: [String: Int]?
        for _ in 0..<12 {
            let findings = linter.findings(in: view)
            var plan = EditPlan(document: current, realigning: realigning)
            var seen = Set<Fix>()
            var skipped = false
            for finding in findings {
                guard let fix = finding.fix, !fix.edits.isEmpty, !seen.contains(fix) else { continue }
                if plan.occupied.conflicts(with: fix.edits) {
                    // A fix that rewrites whole rows also settles what smaller fixes on them wanted;
                    // two fixes that change different parts of one line both apply.
                    if doneByRealignment.contains(finding.ruleID), plan.occupied.rewritesRows(of: fix.edits) { continue }
                    if plan.merge(finding, fix) {
                        seen.insert(fix)
                    } else {
                        skipped = true
                    }
                    continue
                }
                seen.insert(fix)
                plan.add(finding, fix)
            }
            let chosen = plan.chosen
            if chosen.isEmpty {
                return Result(bytes: current.bytes, applied: applied, remaining: findings, changed: current.bytes != document.bytes)
            }
            let edits = plan.all
            if let lost = Self.droppedTitle(by: chosen, in: view) {
                throw .wouldDropEntry(title: lost.title, rules: [lost.rule])
            }
            let next = current.applying(edits)
            try checkRendering(of: plan, in: current)
            applied += chosen.map { Applied(ruleID: $0.0.ruleID, line: $0.0.line, summary: $0.1.summary) }
            // Nothing was held back, nothing moved blocks and no table cell changed under its
            // column: the fixes cannot have made new work.
            if !skipped && !chosen.contains(where: { restructuring.contains($0.0.ruleID) })
                && !Self.changesTableCells(chosen, in: view, realigning: realigning) {
                let remaining = findings.filter { $0.fix == nil }.map { finding in
                    var moved = finding
                    moved.line = Self.lineAfter(finding.line, edits: edits)
                    return moved
                }
                return Result(bytes: next, applied: applied, remaining: remaining, changed: true)
            }
            let previous = current
            do { current = try Document(bytes: next, path: path) } catch {
                throw .brokeTheFile(path: path)
            }
            view = ListView(document: current, configuration: configuration)
            let before = titlesBefore ?? Self.titles(original), titlesAfter = Self.titles(view)
            titlesBefore = before
            if let lost = before.first(where: { titlesAfter[$0.key, default: 0] < $0.value }) {
                throw .wouldDropEntry(title: lost.key, rules: culprits(losing: lost.key, chosen: chosen, in: previous, path: path))
            }
        }
        let remaining = linter.findings(in: view)
        return Result(bytes: current.bytes, applied: applied, remaining: remaining, changed: current.bytes != document.bytes)
    }

    /// Whether a fix other than the table alignment rewrites a table row: its column may need
    /// padding again.
    static func changesTableCells(_ chosen: [(Finding, Fix)], in view: ListView, realigning: Set<String>) -> Bool {
        let tables = view.tables.map(\.lines)
        guard !tables.isEmpty else { return false }
        return chosen.contains { finding, fix in
            !realigning.contains(finding.ruleID) && fix.edits.contains { edit in
                tables.contains { $0.overlaps(edit.lines.lowerBound...max(edit.lines.lowerBound, edit.lines.upperBound - 1)) }
            }
        }
    }

    /// Where line `line`, untouched by `edits`, is once they are applied.
    static func lineAfter(_ line: Int, edits: [LineEdit]) -> Int {
        var shift = 0
        for edit in edits where edit.lines.upperBound <= line && !(edit.lines.isEmpty && edit.lines.lowerBound > line) {
            shift += edit.replacement.count - edit.lines.count
        }
        return line + shift
    }

    /// The rules whose fixes, each applied alone to `document`, leave fewer entries titled
    /// `title`: the one to name when a pass loses an entry. All of the pass's rules when no one
    /// of them does it alone.
    func culprits(losing title: String, chosen: [(Finding, Fix)], in document: Document, path: String) -> [String] {
        let rules = Set(chosen.map(\.0.ruleID)).sorted()
        let count = { (view: ListView) in view.entries.filter { $0.title == title }.count }
        let before = count(ListView(document: document, configuration: configuration))
        let alone = rules.filter { rule in
            let edits = chosen.filter { $0.0.ruleID == rule }.flatMap(\.1.edits)
            var seen = Set<LineEdit>()
            let distinct = edits.filter { seen.insert($0).inserted }
            guard let fixed = try? Document(bytes: document.applying(distinct), path: path) else { return true }
            return count(ListView(document: fixed, configuration: configuration)) < before
        }
        return alone.isEmpty ? rules : alone
    }

    /// The title of an entry whose lines a fix replaces without writing the title again, and
    /// the rule of that fix.
    static func droppedTitle(by chosen: [(Finding, Fix)], in view: ListView) -> (title: String, rule: String)? {
        let entries = view.entries
        guard !entries.isEmpty else { return nil }
        for (finding, fix) in chosen {
            var written: [[UInt8]]?
            for edit in fix.edits where !edit.lines.isEmpty {
                // Entries are in line order: find the first at or after the edit by bisection.
                var low = 0, high = entries.count
                while low < high {
                    let middle = (low + high) / 2
                    if entries[middle].line < edit.lines.lowerBound { low = middle + 1 } else { high = middle }
                }
                var k = low
                while k < entries.count && entries[k].line < edit.lines.upperBound {
                    if let title = entries[k].title {
                        if written == nil { written = fix.edits.flatMap(\.replacement).map { Array($0.utf8) } }
                        if !written!.contains(where: { $0.containsSequence(title.utf8) }) { return (title, finding.ruleID) }
                    }
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
    private func checkRendering(of plan: EditPlan, in document: Document) throws(FixError) {
        let formatting = plan.formatting
        guard !formatting.isEmpty else { return }
        let contentEdits = plan.contentOnly.sorted { $0.lines.lowerBound < $1.lines.lowerBound }
        var regions = formatting.flatMap(\.edits).map { Self.enclosingBlocks(of: $0.lines, in: document) }
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
        let all = plan.all
        let inside = Self.inside
        let same = RenderedHTML.alike(regions.map { region in
            (Self.text(of: region, in: document, applying: contentEdits.filter(inside(region))),
             Self.text(of: region, in: document, applying: all.filter(inside(region))))
        })
        if let failed = same.firstIndex(of: false) {
            let region = regions[failed]
            let culprit = formatting.first { $0.edits.contains(where: inside(region)) }
            throw .formattingChangesRendering(rule: culprit?.finding.ruleID ?? "formatting", line: culprit?.finding.line ?? region.lowerBound)
        }
    }

    /// Whether an edit lies in `region` (an insertion right after it counts).
    @Sendable static func inside(_ region: ClosedRange<Int>) -> @Sendable (LineEdit) -> Bool {
        { edit in region.contains(edit.lines.lowerBound) || (edit.lines.isEmpty && edit.lines.lowerBound == region.upperBound + 1) }
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

/// The fixes chosen in one pass and the edits that carry them out: all of them, and only the
/// content fixes', which the rendering check compares with all.
struct EditPlan {
    let document: Document
    private(set) var chosen: [(Finding, Fix)] = []
    private(set) var all: [LineEdit] = []
    private(set) var contentOnly: [LineEdit] = []
    /// The formatting fixes and the lines each touches, for the rendering check.
    private(set) var formatting: [(finding: Finding, edits: [LineEdit])] = []
    /// For a line that a chosen edit replaces by one line: where that edit is in `all`, and in
    /// `contentOnly` when a content fix changed the line.
    private var singleLine: [Int: (all: Int, content: Int?)] = [:]
    /// The lines the chosen fixes replace or insert at.
    private(set) var occupied = OccupiedLines()

    /// The rules whose fixes realign whole table rows.
    let realigning: Set<String>

    init(document: Document, realigning: Set<String>) {
        self.document = document
        self.realigning = realigning
    }

    mutating func add(_ finding: Finding, _ fix: Fix) {
        chosen.append((finding, fix))
        for edit in fix.edits {
            let content: Int? = fix.kind == .content ? contentOnly.count : nil
            if fix.kind == .content { contentOnly.append(edit) }
            if Self.replacesOneLine(edit) { singleLine[edit.lines.lowerBound] = (all.count, content) }
            all.append(edit)
        }
        if fix.kind == .formatting { formatting.append((finding, fix.edits)) }
        occupied.add(fix, realignsRows: realigning.contains(finding.ruleID))
    }

    /// Adds a fix whose lines another chosen fix already rewrites, when both change one line
    /// each and different bytes of it: trailing white space on a line whose label is respelled.
    mutating func merge(_ finding: Finding, _ fix: Fix) -> Bool {
        // Any change to an aligned row undoes its alignment: the next pass aligns it again.
        guard !realigning.contains(finding.ruleID) else { return false }
        var updates: [(line: Int, all: [UInt8], content: [UInt8]?)] = []
        for edit in fix.edits {
            let line = edit.lines.lowerBound
            guard Self.replacesOneLine(edit), !occupied.isRewrittenRow(line), let slot = singleLine[line] else { return false }
            let original = Array(document.lineBytes(line))
            let change = Array(edit.replacement[0].utf8)
            guard let merged = Self.merged(change, into: Array(all[slot.all].replacement[0].utf8), original: original)
            else { return false }
            var content: [UInt8]?
            if fix.kind == .content {
                let base = slot.content.map { Array(contentOnly[$0].replacement[0].utf8) } ?? original
                guard let mergedContent = Self.merged(change, into: base, original: original) else { return false }
                content = mergedContent
            }
            updates.append((line, merged, content))
        }
        for update in updates {
            let slot = singleLine[update.line]!
            all[slot.all].replacement = [String(decoding: update.all, as: UTF8.self)]
            guard let content = update.content else { continue }
            let text = String(decoding: content, as: UTF8.self)
            if let index = slot.content {
                contentOnly[index].replacement = [text]
            } else {
                contentOnly.append(.replace(line: update.line, with: text))
                singleLine[update.line] = (slot.all, contentOnly.count - 1)
            }
        }
        chosen.append((finding, fix))
        if fix.kind == .formatting { formatting.append((finding, fix.edits)) }
        return true
    }

    private static func replacesOneLine(_ edit: LineEdit) -> Bool {
        edit.lines.count == 1 && edit.replacement.count == 1
    }

    /// `original` with the changes of both `change` and `base` (each an edit of `original`), or
    /// nil when they touch the same bytes or bytes next to each other.
    static func merged(_ change: [UInt8], into base: [UInt8], original: [UInt8]) -> [UInt8]? {
        if base == original { return change }
        if change == original || change == base { return base }
        let a = difference(from: original, to: base), b = difference(from: original, to: change)
        let (first, second) = a.range.lowerBound < b.range.lowerBound ? (a, b) : (b, a)
        guard first.range.upperBound < second.range.lowerBound else { return nil }
        return Array(original[..<first.range.lowerBound]) + first.text
            + original[first.range.upperBound..<second.range.lowerBound] + second.text
            + original[second.range.upperBound...]
    }

    /// The bytes of `old` that `new` replaces, and what it puts there, cut at character boundaries.
    private static func difference(from old: [UInt8], to new: [UInt8]) -> (range: Range<Int>, text: ArraySlice<UInt8>) {
        var prefix = 0
        while prefix < old.count && prefix < new.count && old[prefix] == new[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < old.count - prefix && suffix < new.count - prefix
                && old[old.count - 1 - suffix] == new[new.count - 1 - suffix] { suffix += 1 }
        // UTF-8 continuation bytes belong to the character before them.
        while prefix > 0 && prefix < old.count && Byte.isContinuation(old[prefix]) { prefix -= 1 }
        while suffix > 0 && Byte.isContinuation(old[old.count - suffix]) { suffix -= 1 }
        return (prefix..<(old.count - suffix), new[prefix..<(new.count - suffix)])
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

    /// Whether a table alignment rewrites line `line`, with padding computed for its old text.
    func isRewrittenRow(_ line: Int) -> Bool { rewrittenRows.contains(line) }

    /// Whether every line `edits` replace is a row that a table realignment rewrites: a fix
    /// held back there is done by the realignment, when its rule says so.
    func rewritesRows(of edits: [LineEdit]) -> Bool {
        edits.allSatisfy { !$0.lines.isEmpty && $0.lines.allSatisfy { rewrittenRows.contains($0) } }
    }

    mutating func add(_ fix: Fix, realignsRows: Bool) {
        for edit in fix.edits {
            if edit.lines.isEmpty { insertions.insert(edit.lines.lowerBound) } else { replaced.formUnion(edit.lines) }
        }
        if realignsRows {
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
        case .wouldDropEntry(let title, let rules) where rules.count == 1:
            return "the \(rules[0]) fix would drop the entry \"\(title)\"; nothing was written. Fix that part by hand, or run `fmadd fix --ignore \(rules[0])`"
        case .wouldDropEntry(let title, let rules):
            return "the fixes of \(rules.joined(separator: ", ")) together would drop the entry \"\(title)\"; nothing was written. Fix that part by hand, or run `fmadd fix --ignore RULE` with one of them"
        case .brokeTheFile(let path):
            return "fixing \(path) produced a file fmadd cannot read back; nothing was written"
        }
    }
}
