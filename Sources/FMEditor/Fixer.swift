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

    public func fix(_ document: Document, path: String) throws(FixError) -> Result {
        var current = document
        var applied: [Applied] = []
        let titlesBefore = Self.titles(ListView(document: document, configuration: configuration))
        for _ in 0..<12 {
            let view = ListView(document: current, configuration: configuration)
            let findings = linter.findings(in: view)
            var chosen: [(Finding, Fix)] = []
            var edits: [LineEdit] = []
            // Content fixes go first, formatting fixes in passes of their own, so that the check
            // of the rendering compares formatting changes only.
            let kind: Fix.Kind = findings.contains { $0.fix?.kind == .content } ? .content : .formatting
            for finding in findings where finding.fix?.kind == kind {
                guard let fix = finding.fix, !fix.edits.isEmpty,
                      !fix.edits.contains(where: { edit in edits.contains { $0.overlaps(edit) || $0 == edit } }) else { continue }
                // The same fix offered by several findings (one per mis-spelled label) applies once.
                if chosen.contains(where: { $0.1 == fix }) { continue }
                chosen.append((finding, fix))
                edits += fix.edits
            }
            if chosen.isEmpty {
                return Result(bytes: current.bytes, applied: applied, remaining: findings, changed: current.bytes != document.bytes)
            }
            let next = current.applying(edits)
            try checkRendering(of: chosen.filter { $0.1.kind == .formatting }, before: current, after: next, all: edits)
            let nextDocument: Document
            do { nextDocument = try Document(bytes: next, path: path) } catch {
                throw .brokeTheFile(path: path)
            }
            let titlesAfter = Self.titles(ListView(document: nextDocument, configuration: configuration))
            if let lost = titlesBefore.first(where: { titlesAfter[$0.key, default: 0] < $0.value }) {
                throw .wouldDropEntry(title: lost.key, rules: Set(chosen.map(\.0.ruleID)).sorted())
            }
            applied += chosen.map { Applied(ruleID: $0.0.ruleID, line: $0.0.line, summary: $0.1.summary) }
            current = nextDocument
        }
        let remaining = linter.findings(in: ListView(document: current, configuration: configuration))
        return Result(bytes: current.bytes, applied: applied, remaining: remaining, changed: current.bytes != document.bytes)
    }

    /// How many entries carry each title: a fix may move an entry, never drop one.
    static func titles(_ view: ListView) -> [String: Int] {
        var counts: [String: Int] = [:]
        for entry in view.entries {
            if let title = entry.title { counts[title, default: 0] += 1 }
        }
        return counts
    }

    /// Renders, before and after, the top-level blocks around the formatting edits and refuses
    /// when GitHub would show them differently.
    private func checkRendering(of formatting: [(Finding, Fix)], before: Document, after: [UInt8], all edits: [LineEdit]) throws(FixError) {
        guard !formatting.isEmpty else { return }
        let afterDocument: Document
        do { afterDocument = try Document(bytes: after) } catch { return }
        var regions = edits.map { Self.enclosingBlocks(of: $0.lines, in: before) }.sorted { $0.lowerBound < $1.lowerBound }
        regions = regions.reduce(into: []) { merged, region in
            if let last = merged.last, region.lowerBound <= last.upperBound + 1 {
                merged[merged.count - 1] = last.lowerBound...max(last.upperBound, region.upperBound)
            } else {
                merged.append(region)
            }
        }
        let sorted = edits.sorted { $0.lines.lowerBound < $1.lines.lowerBound }
        var shift = 0
        var next = 0
        for region in regions {
            var inside = 0
            while next < sorted.count && sorted[next].lines.lowerBound <= region.upperBound {
                let delta = sorted[next].replacement.count - sorted[next].lines.count
                if sorted[next].lines.lowerBound < region.lowerBound { shift += delta } else { inside += delta }
                next += 1
            }
            let start = region.lowerBound + shift
            let end = region.upperBound + shift + inside  // inclusive
            shift += inside
            let oldHTML = RenderedHTML.of(before.bytes[before.lines.byteRange(region)])
            let newHTML = end < start ? "" : RenderedHTML.of(afterDocument.bytes[afterDocument.lines.byteRange(start...end)])
            if oldHTML != newHTML {
                let culprit = formatting.first { $0.1.edits.contains { region.contains($0.lines.lowerBound) || region.contains($0.lines.lowerBound - 1) } }
                throw .formattingChangesRendering(rule: culprit?.0.ruleID ?? "formatting", line: culprit?.0.line ?? region.lowerBound)
            }
        }
    }

    /// The lines of the top-level blocks that `lines` touches (for an insertion, the blocks on
    /// both sides of it).
    static func enclosingBlocks(of lines: Range<Int>, in document: Document) -> ClosedRange<Int> {
        let count = document.lines.count
        var low = max(1, min(lines.lowerBound - (lines.isEmpty ? 1 : 0), count))
        var high = max(low, min(lines.isEmpty ? lines.lowerBound : lines.upperBound - 1, count))
        for index in document.topLevel {
            let block = document.blocks[index].lines
            if block.contains(low) { low = block.lowerBound }
            if block.contains(high) { high = block.upperBound }
        }
        return low...high
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
