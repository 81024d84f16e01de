import FMList

/// A table row with more or fewer cells than its header.
public struct TableCellCountRule: Rule {
    public static let description = RuleDescription(
        id: "table-cell-count",
        summary: "Every table row has as many cells as the header.",
        rationale: """
            GitHub drops the cells past the header's count and leaves missing ones empty, so a \
            value silently disappears or lands in the wrong column. Which cell is extra is for a \
            person to say: fmadd reports the row and does not reshape it.
            """,
        severity: .error,
        passing: ["| Name | Task |\n| --- | --- |\n| A | Segmentation |\n| B \\| C | Detection |\n"],
        failing: [
            "| Name | Task |\n| --- | --- |\n↓| A | Segmentation | extra |\n",
            "| Name | Task |\n| --- | --- |\n↓| 数据集🩺 |\n",
        ])

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        for table in context.view.tables where table.rows.count > 2 {
            let expected = table.header.cells.count
            for row in table.body where row.cells.count != expected {
                let bytes = context.document.lineBytes(row.line)
                let indent = bytes.prefix { Byte.isBlank($0) }.count
                findings.append(finding("row has \(row.cells.count) cell\(row.cells.count == 1 ? "" : "s"), the header has \(expected); GitHub \(row.cells.count > expected ? "drops the extra ones" : "leaves the missing ones empty")",
                                        line: row.line, column: indent + 1))
            }
        }
        return findings
    }
}
