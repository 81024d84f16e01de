import Foundation
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
        ])

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        for table in context.view.tables {
            for row in table.rows {
                let bytes = context.document.lineBytes(row.line)
                guard let tab = bytes.firstIndex(of: 0x09) else { continue }
                let count = bytes.lazy.filter { $0 == 0x09 }.count
                findings.append(finding("table row has \(count) tab\(count == 1 ? "" : "s"); use spaces",
                                        line: row.line, column: Column.of(byteOffset: tab - bytes.startIndex, in: bytes),
                                        fix: Fix("replace tabs with spaces", edits: [.replace(line: row.line, with: Self.untabbed(row, bytes))])))
            }
        }
        return findings
    }

    /// The row with tabs at the edges of a cell dropped and tabs inside a cell made spaces.
    static func untabbed(_ row: TableRow, _ bytes: ArraySlice<UInt8>) -> String {
        var out = String(decoding: bytes.prefix(row.cells.first.map { $0.start } ?? 0), as: UTF8.self)
        for (k, cell) in row.cells.enumerated() {
            var text = Substring(cell.text)
            var lead = "", trail = ""
            while let c = text.first, c == " " || c == "\t" { if c == " " { lead.append(" ") }; text = text.dropFirst() }
            while let c = text.last, c == " " || c == "\t" { if c == " " { trail.append(" ") }; text = text.dropLast() }
            if lead.isEmpty && cell.text.first == "\t" { lead = " " }
            if trail.isEmpty && cell.text.last == "\t" { trail = " " }
            out += lead + text.replacingOccurrences(of: "\t", with: " ") + trail
            let next = k + 1 < row.cells.count ? row.cells[k + 1].start : bytes.count
            out += String(decoding: bytes.dropFirst(cell.end).prefix(next - cell.end), as: UTF8.self)
        }
        return out
    }
}
