import FMList

/// A tab character inside a table row.
public struct TabInTableCellRule: Rule {
    public static let description = RuleDescription(
        id: "tab-in-table-cell",
        summary: "Table cells use spaces, not tabs.",
        rationale: """
            A tab is shown four or eight columns wide depending on the editor, so a table padded with \
            tabs lines up for one contributor and not for the next; GitHub shows it as a space.
            """,
        severity: .warning,
        passing: ["| Name | Scale |\n| --- | --- |\n| A | 3 volumes |\n"],
        failing: [
            "| Name | Scale |\n| --- | --- |\n| A | 3 volumes↓\t |\n",
            "| 名称 | Scale |\n| --- | --- |\n| 数据集🩺 | 3 volumes↓\t |\n",
        ],
        fixes: [
            (before: "| Name | Scale |\n| --- | --- |\n| A\t| 3\tvolumes\t |\n",
             after: "| Name | Scale |\n| --- | --- |\n| A | 3 volumes |\n"),
        ],
        doneByTableRealignment: true)

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        for table in context.view.tables {
            for row in table.rows {
                let bytes = context.document.lineBytes(row.line)
                guard let tab = bytes.firstIndex(of: Byte.tab) else { continue }
                let count = bytes.lazy.filter { $0 == Byte.tab }.count
                // A tab at the edge of a cell is padding; one between words is text, shown as a space.
                let inside = row.cells.contains(where: \.hasTabInside)
                findings.append(finding("table row has \(count) tab\(count == 1 ? "" : "s"); use spaces",
                                        line: row.line, column: Column.of(byteOffset: tab - bytes.startIndex, in: bytes),
                                        fix: Fix("replace tabs with spaces", edits: [.replace(line: row.line, with: Self.untabbed(row, bytes))],
                                                 kind: inside ? .content : .formatting)))
            }
        }
        return findings
    }

    /// The row with tabs at the edges of a cell dropped (a space kept where the tab was the only
    /// padding) and tabs inside a cell made spaces.
    static func untabbed(_ row: TableRow, _ bytes: ArraySlice<UInt8>) -> String {
        let line = Array(bytes)
        let isBlank = { (b: UInt8) in Byte.isBlank(b) }
        var out: [UInt8] = []
        out.reserveCapacity(line.count)
        var position = 0
        for cell in row.cells {
            out.append(contentsOf: line[position..<cell.start])  // the pipe and anything before the cell
            let content = line[cell.start..<cell.end]
            guard let first = content.firstIndex(where: { !isBlank($0) }), let last = content.lastIndex(where: { !isBlank($0) }) else {
                out.append(contentsOf: content.filter { $0 == Byte.space }.isEmpty && !content.isEmpty ? [Byte.space] : content.filter { $0 == Byte.space })
                position = cell.end
                continue
            }
            let lead = content[..<first].filter { $0 == Byte.space }
            let trail = content[(last + 1)...].filter { $0 == Byte.space }
            out.append(contentsOf: lead.isEmpty && first > content.startIndex ? [Byte.space] : lead)
            out.append(contentsOf: content[first...last].map { $0 == Byte.tab ? Byte.space : $0 })
            out.append(contentsOf: trail.isEmpty && last + 1 < content.endIndex ? [Byte.space] : trail)
            position = cell.end
        }
        out.append(contentsOf: line[position...])
        return String(decoding: out, as: UTF8.self)
    }
}
