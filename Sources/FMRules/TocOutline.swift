import Foundation
import FMList

/// A table of contents read against the headings it links: which heading each item links, where
/// the heading levels say each item belongs, and how the list writes an item at each depth.
struct TocOutline {
    let toc: TableOfContents
    /// For each item, the section it links (by GitHub's anchor, or one that differs only in case).
    let sections: [Int?]
    /// For each item whose heading is known, the item the heading levels put it under: the nearest
    /// item before it whose heading has a lower level (nil at the top).
    let expectedParent: [Int?]
    /// For each item whose heading is known, its depth by the heading levels (0 at the top).
    let expectedDepth: [Int?]
    /// How a line of the contents starts at each depth, as the list writes it: indent and marker.
    private let prefixes: [Int: (indent: String, marker: String)]
    private let step: Int
    private let topIndent: String
    private let topMarker: String

    init?(_ toc: TableOfContents, in context: RuleContext) {
        let all = context.view.sections
        var byAnchor: [String: Int] = [:]
        for (k, section) in all.enumerated() where byAnchor[section.anchor] == nil { byAnchor[section.anchor] = k }
        self.toc = toc
        sections = toc.items.map { item in
            let fragment = item.fragment.removingPercentEncoding ?? item.fragment
            return byAnchor[fragment] ?? byAnchor[fragment.lowercased()]
        }
        var parents: [Int?] = [], depths: [Int?] = []
        // The items above, whose headings may hold the next one, innermost last.
        var stack: [Int] = []
        for (k, section) in sections.enumerated() {
            guard let section else {
                parents.append(nil)
                depths.append(nil)
                continue
            }
            let level = all[section].level
            while let top = stack.last, let s = sections[top], all[s].level >= level { stack.removeLast() }
            parents.append(stack.last)
            depths.append(stack.last.map { (depths[$0] ?? 0) + 1 } ?? 0)
            stack.append(k)
        }
        expectedParent = parents
        expectedDepth = depths
        let document = context.document
        var prefixes: [Int: (indent: String, marker: String)] = [:]
        for item in toc.items where !item.doubled {
            var depth = 0, parent = item.parent
            while let p = parent { depth += 1; parent = toc.items[p].parent }
            guard prefixes[depth] == nil, let marker = EntryParser.marker(in: document.lineBytes(item.line)) else { continue }
            prefixes[depth] = (marker.indent, marker.marker)
        }
        guard let top = EntryParser.marker(in: document.lineBytes(toc.lines.lowerBound)) else { return nil }
        self.prefixes = prefixes
        topIndent = top.indent
        topMarker = top.marker
        step = prefixes.filter { $0.key > 0 }.min { $0.key < $1.key }
            .map { max(1, ($0.value.indent.count - top.indent.count) / $0.key) } ?? 2
    }

    /// The structural depth of item `k` as GitHub nests it (a `- - ` line counts one more).
    func actualDepth(_ k: Int) -> Int {
        var depth = toc.items[k].doubled ? 1 : 0, parent = toc.items[k].parent
        while let p = parent { depth += 1; parent = toc.items[p].parent }
        return depth
    }

    /// How a line at `depth` starts: the indent and marker other items at that depth use.
    func prefix(depth: Int) -> String {
        if let known = prefixes[depth] { return known.indent + known.marker + " " }
        return topIndent + String(repeating: " ", count: step * depth) + topMarker + " "
    }

    /// Line `line` of the contents written at `depth`: its link and what follows it, after the
    /// list's indent and marker for that depth.
    func line(_ text: String, at depth: Int) -> String? {
        guard let open = text.firstIndex(of: "[") else { return nil }
        return prefix(depth: depth) + text[open...]
    }
}
