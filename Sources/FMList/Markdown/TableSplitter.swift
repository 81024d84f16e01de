/// Splits a GFM table row into cells the way cmark-gfm does: an unescaped `|` separates cells,
/// a leading and a trailing pipe are optional, and `\|` stays inside its cell.
public enum TableSplitter {
    public static func cells(_ line: ArraySlice<UInt8>) -> [TableCell] {
        let bar = UInt8(ascii: "|")
        let trimmed = line.trimmingSpacesAndTabs()
        var start = trimmed.startIndex, end = trimmed.endIndex
        if start < end && line[start] == bar { start += 1 }
        if end > start && line[end - 1] == bar && !(end - 2 >= start && line[end - 2] == UInt8(ascii: "\\")) { end -= 1 }
        var cells: [TableCell] = []
        var cellStart = start
        var i = start
        while i < end {
            let b = line[i]
            if b == UInt8(ascii: "\\") { i += 2; continue }
            if b == bar {
                cells.append(cell(line, cellStart, i))
                cellStart = i + 1
            }
            i += 1
        }
        cells.append(cell(line, cellStart, min(end, line.endIndex)))
        return cells
    }

    private static func cell(_ line: ArraySlice<UInt8>, _ from: Int, _ to: Int) -> TableCell {
        let base = line.startIndex
        return TableCell(text: String(decoding: line[from..<max(from, to)], as: UTF8.self),
                         start: from - base, end: max(from, to) - base)
    }

    /// Whether a row is the alignment row: every cell is `---`, `:---`, `---:` or `:---:`.
    public static func isDelimiterRow(_ row: TableRow) -> Bool {
        row.cells.allSatisfy { cell in
            let t = cell.text.trimmingWhitespace()
            var core = Substring(t)
            if core.hasPrefix(":") { core = core.dropFirst() }
            if core.hasSuffix(":") { core = core.dropLast() }
            return !core.isEmpty && core.allSatisfy { $0 == "-" }
        }
    }
}
