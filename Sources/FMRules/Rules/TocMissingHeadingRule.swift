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
        ])

    public init() {}

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
            for (k, section) in sections.enumerated()
            where !linked.contains(k) && (minLevel...maxLevel).contains(section.level)
                && section.lines.lowerBound > toc.lines.upperBound && !linkedTexts.contains(section.text.lowercased())
                && !Self.isYear(section.text) {
                findings.append(finding("heading \"\(section.text)\" is missing from the table of contents on line \(toc.lines.lowerBound); add - [\(section.text)](#\(section.anchor))",
                                        line: context.document.blocks[section.blockIndex].lines.lowerBound,
                                        column: context.document.blocks[section.blockIndex].column))
            }
        }
        return findings
    }
}
