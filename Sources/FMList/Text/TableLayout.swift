/// Lays a table out the way mdformat-tables does: every column as wide as its widest cell
/// (at least three), cells padded by display width according to the column's alignment, the
/// alignment row made of dashes, outer pipes on every row.
public enum TableLayout {
    public enum Alignment: Sendable { case none, left, right, center }

    /// The aligned lines of `table`, or nil when a row's cell count differs from the header's
    /// (which a person must sort out) or the table is not at the top level.
    public static func aligned(_ table: Table, in document: Document, padLastColumn: Bool = true) -> [String]? {
        guard table.rows.count >= 2, document.blocks[table.blockIndex].depth == 0 else { return nil }
        let columns = table.header.cells.count
        guard table.rows.allSatisfy({ $0.cells.count == columns }) else { return nil }
        let indent = String(document.lineText(table.header.line).prefix { $0 == " " })
        let alignments = table.rows[1].cells.map { alignment(of: $0.text) }
        let texts = table.rows.map { row in row.cells.map { cellText($0.text) } }
        return lines(header: texts, alignments: alignments, indent: indent, padLastColumn: padLastColumn)
    }

    /// The aligned lines of a table given as cell texts: the header row, the alignment row (its
    /// texts are ignored), then the body.
    public static func lines(header texts: [[String]], alignments: [Alignment], indent: String, padLastColumn: Bool) -> [String] {
        let columns = alignments.count
        var widths = [Int](repeating: 3, count: columns)
        for (r, row) in texts.enumerated() where r != 1 {
            for (c, text) in row.enumerated() where c < columns { widths[c] = max(widths[c], DisplayWidth.of(text)) }
        }
        var lines: [String] = []
        for (r, row) in texts.enumerated() {
            var cells: [String] = []
            for c in 0..<columns {
                let width = padLastColumn || c < columns - 1 ? widths[c] : 0
                let text = c < row.count ? row[c] : ""
                cells.append(r == 1 ? delimiter(alignments[c], width: max(width, 3)) : pad(text, width: width, alignments[c]))
            }
            lines.append(indent + "| " + cells.joined(separator: " | ") + " |")
        }
        return lines
    }

    public static func alignment(of delimiter: String) -> Alignment {
        let t = delimiter.trimmingWhitespace()
        switch (t.hasPrefix(":"), t.hasSuffix(":")) {
        case (true, true): return .center
        case (true, false): return .left
        case (false, true): return .right
        case (false, false): return .none
        }
    }

    /// A cell's text without the white space around it; tabs inside become spaces.
    public static func cellText(_ raw: String) -> String {
        raw.trimmingWhitespace().replacingTabs()
    }

    private static func delimiter(_ alignment: Alignment, width: Int) -> String {
        let left = alignment == .left || alignment == .center ? ":" : "-"
        let right = alignment == .right || alignment == .center ? ":" : "-"
        return left + String(repeating: "-", count: max(0, width - 2)) + right
    }

    public static func pad(_ text: String, width: Int, _ alignment: Alignment) -> String {
        let length = DisplayWidth.of(text)
        let room = max(0, width - length)
        switch alignment {
        case .none, .left: return text + String(repeating: " ", count: room)
        case .right: return String(repeating: " ", count: room) + text
        case .center:
            let before = room / 2
            return String(repeating: " ", count: before) + text + String(repeating: " ", count: room - before)
        }
    }
}

extension String {
    func replacingTabs() -> String {
        contains("\t") ? String(map { $0 == "\t" ? " " : $0 }) : self
    }
}
