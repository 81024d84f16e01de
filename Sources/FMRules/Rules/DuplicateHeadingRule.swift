import FMList

/// Two sibling headings with the same text: `## VFM methods` twice under `# Methods`.
public struct DuplicateHeadingRule: Rule {
    public static let description = RuleDescription(
        id: "duplicate-heading",
        summary: "Sibling sections have different headings.",
        rationale: """
            A second `## VFM methods` splits one category in two: readers miss half of it, the table \
            of contents links only the first, and a new entry has two possible homes. `fmadd fix` \
            moves the second section's content to the end of the first.
            """,
        severity: .error,
        passing: ["# Methods\n## LFM methods\n## VFM methods\n# Datasets\n## VFM methods\n"],
        failing: [
            "# Methods\n## VFM methods\n- A. [[Paper]](https://a.org/1)\n## BFM methods\n↓## VFM methods\n- B. [[Paper]](https://a.org/2)\n",
            "# 方法 🩺\n## VFM methods\n↓## VFM methods\n",
        ],
        fixes: [
            (before: "# Methods\n## VFM methods\n- A. [[Paper]](https://a.org/1)\n\n## BFM methods\n- C. [[Paper]](https://a.org/3)\n\n## VFM methods\n- B. [[Paper]](https://a.org/2)\n",
             after: "# Methods\n## VFM methods\n- A. [[Paper]](https://a.org/1)\n- B. [[Paper]](https://a.org/2)\n\n## BFM methods\n- C. [[Paper]](https://a.org/3)\n\n"),
        ],
        restructures: true)

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        let sections = context.view.sections
        var firstByKey: [String: Int] = [:]
        var findings: [Finding] = []
        for (k, section) in sections.enumerated() {
            let key = "\(section.parent ?? -1)|\(section.level)|\(section.text.trimmingWhitespace().lowercased())"
            guard let first = firstByKey[key] else { firstByKey[key] = k; continue }
            let original = sections[first]
            let line = section.lines.lowerBound
            findings.append(finding("heading \"\(section.text)\" repeats the one on line \(original.lines.lowerBound); merge the two sections",
                                    line: line, column: context.document.blocks[section.blockIndex].column,
                                    fix: mergeFix(original, into: section, context)))
        }
        return findings
    }

    private func mergeFix(_ first: Section, into duplicate: Section, _ context: RuleContext) -> Fix? {
        let headingLines = context.document.blocks[duplicate.blockIndex].lines
        if first.lines.upperBound + 1 == duplicate.lines.lowerBound {
            return Fix("remove the repeated heading", edits: [.delete(headingLines)])
        }
        var content = ((headingLines.upperBound + 1)..<(duplicate.lines.upperBound + 1)).map { context.document.lineText($0) }
        while let last = content.last, last.trimmingWhitespace().isEmpty { content.removeLast() }
        // The moved lines go after the first section's last non-blank line.
        var insertAt = first.lines.upperBound
        while insertAt > first.lines.lowerBound && context.document.isBlank(insertAt) { insertAt -= 1 }
        return Fix("move the repeated section's content to the first one", edits: [
            .insert(content, before: insertAt + 1),
            .delete(duplicate.lines),
        ])
    }
}
