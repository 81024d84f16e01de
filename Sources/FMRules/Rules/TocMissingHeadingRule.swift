import FMList

/// A heading at a level the table of contents lists, with no item in it.
public struct TocMissingHeadingRule: Rule {
    public static let description = RuleDescription(
        id: "toc-missing-heading",
        summary: "The table of contents lists every heading of the levels it covers.",
        rationale: """
            A section missing from the contents is a section readers of a long list do not find. \
            The levels covered are those the contents already links to.
            """,
        severity: .warning,
        passing: [
            "# List\n## Contents\n- [Methods](#methods)\n- [Data](#data)\n## Methods\n## Data\n### Detail\n",
            "# List\n## Contents\n- [Methods](#methods)\n  - [Vision](#vision)\n## Methods\n### Vision\n### 2024\n",
        ],
        failing: [
            "# List\n## Contents\n- [Methods](#methods)\n- [Data](#data)\n## Methods\n## Data\n↓## Blogs\n",
            "# List\n## Contents\n- [Methods](#methods)\n- [Data](#data)\n## Methods\n## Data\n↓## 博客 🩺\n",
        ],
        fixes: [
            (before: "# List\n## Contents\n- [Methods](#methods)\n  - [Vision](#vision)\n\n## Methods\n### Vision\n### Language\n## Data\n",
             after: "# List\n## Contents\n- [Methods](#methods)\n  - [Vision](#vision)\n  - [Language](#language)\n- [Data](#data)\n\n## Methods\n### Vision\n### Language\n## Data\n"),
        ])

    public init() {}

    /// The contents written anew from the headings: those it linked before it (a title, say) and
    /// every heading of its levels after it, nested by level, in the list's marker and indent.
    private func regeneratedFix(_ toc: TableOfContents, levels: ClosedRange<Int>, linked: Set<Int>, _ context: RuleContext) -> Fix? {
        let document = context.document
        let sections = context.view.sections
        guard let marker = EntryParser.marker(in: document.lineBytes(toc.lines.lowerBound)) else { return nil }
        let step = toc.items.lazy.map { document.lineText($0.line).prefix { $0 == " " }.count }.first { $0 > 0 } ?? 2
        var lines: [String] = []
        var listed = Set<String>()
        for (k, section) in sections.enumerated() where levels.contains(section.level) && !Self.isYear(section.text) {
            let key = section.text.lowercased()
            let wanted = linked.contains(k) || (section.lines.lowerBound > toc.lines.upperBound && !listed.contains(key))
            guard wanted else { continue }
            listed.insert(key)
            let indent = marker.indent + String(repeating: " ", count: step * (section.level - levels.lowerBound))
            lines.append(indent + marker.marker + " [\(section.text)](#\(section.anchor))")
        }
        guard !lines.isEmpty else { return nil }
        return Fix("write the table of contents anew from the headings",
                   edits: [LineEdit(lines: toc.lines.lowerBound..<(toc.lines.upperBound + 1), replacement: lines)])
    }

    /// Year headings (`### 2024`) group entries; a contents does not list them.
    static func isYear(_ text: String) -> Bool {
        let trimmed = text.trimmingWhitespace()
        return trimmed.count == 4 && trimmed.allSatisfy(\.isNumber)
    }

    public func check(_ context: RuleContext) -> [Finding] {
        let sections = context.view.sections
        let byAnchor = Dictionary(sections.enumerated().map { ($0.element.anchor, $0.offset) }, uniquingKeysWith: { a, _ in a })
        var findings: [Finding] = []
        for toc in context.view.tablesOfContents {
            let linked = Set(toc.items.compactMap { byAnchor[$0.fragment.removingPercentEncoding ?? $0.fragment] ?? byAnchor[$0.fragment.lowercased()] })
            guard let minLevel = linked.map({ sections[$0].level }).min(),
                  let maxLevel = linked.map({ sections[$0].level }).max() else { continue }
            // Headings above the contents (the title, the contents' own heading) need no item, and a
            // repeated heading is the duplicate-heading rule's concern.
            let linkedTexts = Set(linked.map { sections[$0].text.lowercased() })
            let regenerate = regeneratedFix(toc, levels: minLevel...maxLevel, linked: linked, context)
            for (k, section) in sections.enumerated()
            where !linked.contains(k) && (minLevel...maxLevel).contains(section.level)
                && section.lines.lowerBound > toc.lines.upperBound && !linkedTexts.contains(section.text.lowercased())
                && !Self.isYear(section.text) {
                findings.append(finding("heading \"\(section.text)\" is missing from the table of contents on line \(toc.lines.lowerBound); add - [\(section.text)](#\(section.anchor))",
                                        line: context.document.blocks[section.blockIndex].lines.lowerBound,
                                        column: context.document.blocks[section.blockIndex].column, fix: regenerate))
            }
        }
        return findings
    }
}
