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
        passing: ["# List\n## Contents\n- [Methods](#methods)\n- [Data](#data)\n## Methods\n## Data\n### Detail\n"],
        failing: [
            "# List\n## Contents\n- [Methods](#methods)\n- [Data](#data)\n## Methods\n## Data\n↓## Blogs\n",
            "# List\n## Contents\n- [Methods](#methods)\n- [Data](#data)\n## Methods\n## Data\n↓## 博客 🩺\n",
        ])

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        let sections = context.view.sections
        let byAnchor = Dictionary(sections.enumerated().map { ($0.element.anchor, $0.offset) }, uniquingKeysWith: { a, _ in a })
        var findings: [Finding] = []
        for toc in context.view.tablesOfContents {
            let linked = Set(toc.items.compactMap { byAnchor[$0.fragment.removingPercentEncoding ?? $0.fragment] ?? byAnchor[$0.fragment.lowercased()] })
            guard let minLevel = linked.map({ sections[$0].level }).min(),
                  let maxLevel = linked.map({ sections[$0].level }).max() else { continue }
            // The heading that introduces the contents is not listed in it.
            let own = sections.lastIndex { $0.lines.lowerBound < toc.lines.lowerBound }
            for (k, section) in sections.enumerated()
            where k != own && !linked.contains(k) && (minLevel...maxLevel).contains(section.level)
                && (section.lines.lowerBound > toc.lines.upperBound || minLevel == 1 && section.level == 1) {
                findings.append(finding("heading \"\(section.text)\" is missing from the table of contents on line \(toc.lines.lowerBound); add - [\(section.text)](#\(section.anchor))",
                                        line: context.document.blocks[section.blockIndex].lines.lowerBound,
                                        column: context.document.blocks[section.blockIndex].column))
            }
        }
        return findings
    }
}
