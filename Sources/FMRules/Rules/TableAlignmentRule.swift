import FMList

/// A table whose columns do not line up in the source.
public struct TableAlignmentRule: Rule {
    public static let description = RuleDescription(
        id: "table-alignment",
        summary: "Table columns line up in the source, padded by display width.",
        rationale: """
            An aligned table can be read and edited in a plain editor and in a diff. Columns are as \
            wide as their widest cell; CJK characters and emoji count two columns, combining marks \
            none, as a terminal shows them (the widths mdformat-tables uses). `table: { \
            padLastColumn: false }` in `.fmadd.yml` leaves the last column unpadded, so that \
            changing one long cell does not re-pad every row. A paper table written in one way \
            throughout (every cell unpadded, `|202401|A. Author et al.|Title|`, or every cell \
            with one space each side) is the list's own style and is left as it is: its rows are \
            its entries, and padding would rewrite every one of them.
            """,
        severity: .warning,
        passing: [
            "| Name | Task |\n| ---- | :--: |\n| A    |  B   |\n",
            "## MFM methods\n|Date|Title|Code|\n|---|---|---|\n|202401|A first title [(paper)](https://a.org/1)|None|\n|202312|Another title [(paper)](https://a.org/2)|[Code](https://github.com/a/b)|\n",
        ],
        failing: [
            "↓| Name | Task |\n| --- | --- |\n| TotalSegmentator | Segmentation |\n",
            "↓| 名称 | Task |\n|:---|---:|\n| 数据集🩺 | 3 |\n",
        ],
        fixes: [
            (before: "|Name|Modality|Task|\n|:---:|:---|---:|\n|[MSD](https://a.org)| 3D CT\t | Segmentation |\n| 名称 |X-ray|  QA |\n",
             after: "|         Name         | Modality |         Task |\n| :------------------: | :------- | -----------: |\n| [MSD](https://a.org) | 3D CT    | Segmentation |\n|         名称         | X-ray    |           QA |\n"),
        ],
        realignsTables: true)

    public init() {}

    /// Whether every cell but the alignment row's is unpadded, or every one has one space each
    /// side (an empty cell fits both).
    static func writtenOneWay(_ table: Table) -> Bool {
        var padded: Bool?
        for (index, row) in table.rows.enumerated() where index != 1 {
            for cell in row.cells {
                let text = cell.text, trimmed = text.trimmingWhitespace()
                if trimmed.isEmpty { continue }
                let thisPadded: Bool
                if text == trimmed { thisPadded = false } else if text == " " + trimmed + " " { thisPadded = true } else { return false }
                if let padded, padded != thisPadded { return false }
                padded = thisPadded
            }
        }
        return true
    }

    /// What its fix says; the fixer knows by it that the rows were rewritten whole.
    private static let fixSummary = "align the table's columns"

    public func check(_ context: RuleContext) -> [Finding] {
        let pad = context.configuration.padLastColumn
        return context.view.tables.compactMap { table -> Finding? in
            guard !context.isVerbatim(table.header.line),
                  let aligned = TableLayout.aligned(table, in: context.document, padLastColumn: pad),
                  !(Self.writtenOneWay(table) && PaperTable(table, configuration: context.configuration) != nil) else { return nil }
            let current = table.rows.map { context.document.lineText($0.line) }
            let changed = zip(current, aligned).filter { $0 != $1 }.count
            guard changed > 0 else { return nil }
            let tabsInsideCells = table.rows.contains { row in row.cells.contains(where: \.hasTabInside) }
            let range = table.lines.lowerBound..<(table.lines.upperBound + 1)
            return finding("\(changed) of \(table.rows.count) table rows are not aligned; `fmadd fix` pads the columns",
                           line: table.header.line, column: 1,
                           fix: Fix(Self.fixSummary, edits: [LineEdit(lines: range, replacement: aligned)],
                                    kind: tabsInsideCells ? .content : .formatting))
        }
    }
}
