import FMList

/// A table with text right above or below it.
public struct BlankLineAroundTableRule: Rule {
    public static let description = RuleDescription(
        id: "blank-line-around-table",
        summary: "A table has a blank line before and after it.",
        rationale: """
            GitHub ends a table only at a blank line or at the start of another block, and a line of \
            text right above a table can become its header. Blank lines keep the boundaries plain \
            to every reader and every Markdown tool.
            """,
        severity: .warning,
        passing: ["## Data\n\n| a | b |\n| --- | --- |\n| c | d |\n\n## Next\n"],
        failing: [
            "## Data\n↓| a | b |\n| --- | --- |\n| c | d |\n",
            "## 数据 🩺\n\n| a | b |\n| --- | --- |\n↓| c | d |\n## Next\n",
        ],
        fixes: [
            (before: "## Data\n| a | b |\n| --- | --- |\n| c | d |\n## Next\n",
             after: "## Data\n\n| a | b |\n| --- | --- |\n| c | d |\n\n## Next\n"),
        ])

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        let document = context.document
        var findings: [Finding] = []
        for table in context.view.tables where document.blocks[table.blockIndex].depth == 0 {
            let first = table.lines.lowerBound, last = table.lines.upperBound
            if first > 1 && !document.isBlank(first - 1) {
                findings.append(finding("no blank line before this table; add one", line: first,
                                        fix: Fix("add a blank line before the table", edits: [.insert([""], before: first)], kind: .formatting)))
            }
            if last < document.lines.count && !document.isBlank(last + 1) {
                findings.append(finding("no blank line after this table; add one", line: last,
                                        fix: Fix("add a blank line after the table", edits: [.insert([""], before: last + 1)], kind: .formatting)))
            }
        }
        return findings
    }
}
