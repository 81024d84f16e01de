import FMList

/// A heading at a level the table of contents lists, with no item in it.
public struct TocMissingHeadingRule: Rule {
    public static let description = RuleDescription(
        id: "toc-missing-heading",
        summary: "The table of contents lists every heading of the levels it covers.",
        rationale: """
            A section missing from the contents is a section readers of a long list do not find. \
            The contents covers the heading levels it already links to, from the first heading it \
            links to the end of the last one's section: a heading outside that part (a closing \
            "Contact", an appendix with contents of its own) was left out on purpose. The fix adds \
            an item after the item of the heading before it and rewrites no line; a second contents \
            list is left as it is.
            """,
        severity: .warning,
        passing: [
            "# List\n## Contents\n- [Methods](#methods)\n- [Data](#data)\n## Methods\n## Data\n### Detail\n",
            "# List\n## Contents\n- [Methods](#methods)\n- [Data](#data)\n## Methods\n## Data\n## Contact\n",
            "# List\n## Contents\n- [Methods](#methods)\n- [Data](#data)\n## Appendix\n- [Old](#old)\n- [Older](#older)\n## Methods\n## Data\n### Old\n### Older\n",
            "# List\n## Contents\n- [Methods](#methods)\n  - [Vision](#vision)\n## Methods\n### Vision\n### 2024\n",
        ],
        failing: [
            "# List\n## Contents\n- [Methods](#methods)\n- [Data](#data)\n## Methods\n↓## Blogs\n## Data\n",
            "# List\n## Contents\n- [Methods](#methods)\n- [Data](#data)\n## Methods\n↓## 博客 🩺\n## Data\n",
        ],
        fixes: [
            (before: "# List\n## Contents\n- [Methods](#methods)\n  - [Vision](#vision)\n- [Data](#data): tables\n\n## Methods\n### Vision\n### Language\n## Blogs\n## Data\n## Contact\n",
             after: "# List\n## Contents\n- [Methods](#methods)\n  - [Vision](#vision)\n  - [Language](#language)\n- [Blogs](#blogs)\n- [Data](#data): tables\n\n## Methods\n### Vision\n### Language\n## Blogs\n## Data\n## Contact\n"),
        ],
        restructures: true)

    public init() {}

    /// Year headings (`### 2024`) group entries; a contents lists them only when it lists one.
    static func isYear(_ text: String) -> Bool {
        let trimmed = text.trimmingWhitespace()
        return trimmed.count == 4 && trimmed.allSatisfy(\.isNumber)
    }

    public func check(_ context: RuleContext) -> [Finding] {
        // A second contents (an appendix's, a "top 100") is its maintainers' own selection.
        guard let toc = context.view.tablesOfContents.first, let outline = TocOutline(toc, in: context) else { return [] }
        let sections = context.view.sections
        let document = context.document
        // Headings any contents links are listed.
        var listed = Set<Int>()
        for other in context.view.tablesOfContents {
            guard let o = other == toc ? outline : TocOutline(other, in: context) else { continue }
            listed.formUnion(o.sections.compactMap { $0 })
        }
        let linked = Set(outline.sections.compactMap { $0 })
        guard let minLevel = linked.map({ sections[$0].level }).min(),
              let maxLevel = linked.map({ sections[$0].level }).max() else { return [] }
        // The part of the page the contents covers: from the first heading it links after itself
        // to the end of the section (at its top level) of the last one.
        let after = linked.filter { sections[$0].lines.lowerBound > toc.lines.upperBound }
        guard let first = after.min(), let last = after.max() else { return [] }
        // (A title above the contents, which the contents may link, covers the whole page.)
        let topLevel = after.map { sections[$0].level }.min()!
        var top = last
        while sections[top].level > topLevel, let parent = sections[top].parent, sections[parent].level >= topLevel { top = parent }
        let covered = sections[first].lines.lowerBound...max(sections[last].lines.upperBound, sections[top].lines.upperBound)
        let listsYears = linked.contains { Self.isYear(sections[$0].text) }
        // A repeated heading is the duplicate-heading rule's concern.
        let linkedTexts = Set(listed.map { sections[$0].text.lowercased() })
        var missing: [Int] = []
        for (k, section) in sections.enumerated()
        where !listed.contains(k) && (minLevel...maxLevel).contains(section.level)
            && covered.contains(section.lines.lowerBound) && !linkedTexts.contains(section.text.lowercased())
            && (listsYears || !Self.isYear(section.text)) {
            missing.append(k)
        }
        guard !missing.isEmpty else { return [] }
        let fix = insertions(for: missing, outline, context)
        return missing.map { k in
            let section = sections[k]
            return finding("heading \"\(section.text)\" is missing from the table of contents on line \(toc.lines.lowerBound); add - [\(section.text)](#\(section.anchor))",
                           line: document.blocks[section.blockIndex].lines.lowerBound,
                           column: document.blocks[section.blockIndex].column, fix: fix)
        }
    }

    /// One item for each missing heading, each after the item of the heading before it (or after
    /// that item's own line, when the heading is its sub-section), nested by heading level. No
    /// line of the contents is rewritten.
    private func insertions(for missing: [Int], _ outline: TocOutline, _ context: RuleContext) -> Fix? {
        let sections = context.view.sections
        let toc = outline.toc
        var itemOfSection: [Int: Int] = [:]
        for (k, section) in outline.sections.enumerated() { if let section, itemOfSection[section] == nil { itemOfSection[section] = k } }
        // A flat contents stays flat.
        let flat = !toc.items.contains { $0.parent != nil }
        var depthOfSection: [Int: Int] = [:]
        for (section, item) in itemOfSection { depthOfSection[section] = flat ? 0 : outline.actualDepth(item) }
        var byLine: [Int: [String]] = [:]
        var insertedAt: [Int: Int] = [:]
        for k in missing.sorted() {
            // The nearest heading before it that the contents lists (or that was just added).
            guard let previous = (0..<k).reversed().first(where: { depthOfSection[$0] != nil }) else { continue }
            let prevLevel = sections[previous].level, level = sections[k].level
            var depth: Int
            if level > prevLevel {
                depth = depthOfSection[previous]! + 1
            } else {
                // Up to the heading at this level or above: its depth.
                var s: Int? = previous
                while let x = s, sections[x].level > level { s = sections[x].parent }
                if let s, let d = depthOfSection[s] { depth = sections[s].level == level ? d : d + 1 } else { depth = 0 }
            }
            if flat { depth = 0 }
            // After the line of the item before it when it is that heading's sub-section, else
            // after that item and its nested items.
            let at: Int
            if let item = itemOfSection[previous] {
                at = level > prevLevel ? toc.items[item].line + 1 : toc.items[item].lastLine + 1
            } else if let inserted = insertedAt[previous] {
                at = inserted
            } else { continue }
            byLine[at, default: []].append(outline.prefix(depth: depth) + "[\(sections[k].text)](#\(sections[k].anchor))")
            depthOfSection[k] = depth
            insertedAt[k] = at
        }
        guard !byLine.isEmpty else { return nil }
        let edits = byLine.keys.sorted().map { LineEdit(lines: $0..<$0, replacement: byLine[$0]!) }
        return Fix("add the missing headings to the table of contents", edits: edits)
    }
}
