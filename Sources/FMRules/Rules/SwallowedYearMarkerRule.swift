import FMList

/// A year marker that GitHub shows as part of the entry above it.
public struct SwallowedYearMarkerRule: Rule {
    public static let description = RuleDescription(
        id: "swallowed-year-marker",
        summary: "A year marker is a paragraph of its own.",
        rationale: """
            A `**2023**` line right after an entry, with no blank line between, continues that \
            entry's text (a lazy continuation line): GitHub shows "… [Code] 2023" and no year \
            heading. A blank line before the marker makes it a paragraph of its own.
            """,
        severity: .error,
        passing: ["## BFM methods\n**2024**\n- [ICLR] A. [[Paper]](https://a.org/1)\n\n**2023**\n- [arXiv] B. [[Paper]](https://a.org/2)\n"],
        failing: [
            "## BFM methods\n**2024**\n - [ICLR] A. [[Paper]](https://a.org/1)\n↓**2023**\n  - [arXiv] B. [[Paper]](https://a.org/2)\n",
            "## BFM methods\n**2024**\n- [ICLR] 细胞🩺. [[Paper]](https://a.org/1)\n  ↓**2023**\n",
        ],
        fixes: [
            (before: "## BFM methods\n**2024**\n - [ICLR] A. [[Paper]](https://a.org/1)\n**2023**\n  - [arXiv] B. [[Paper]](https://a.org/2)\n",
             after: "## BFM methods\n**2024**\n - [ICLR] A. [[Paper]](https://a.org/1)\n\n**2023**\n  - [arXiv] B. [[Paper]](https://a.org/2)\n"),
        ],
        restructures: true)

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        context.view.yearGroups.filter { !$0.rendersAsMarker && !context.isVerbatim($0.line) }.map { group in
            let text = context.document.lineText(group.line)
            let marker = text.trimmingWhitespace()
            return finding("\(marker) is shown as part of the entry above it, not as a year marker; add a blank line before it",
                           line: group.line, column: group.column,
                           fix: Fix("add a blank line before \(marker)",
                                    edits: [LineEdit(lines: group.line..<(group.line + 1), replacement: ["", marker])]))
        }
    }
}
