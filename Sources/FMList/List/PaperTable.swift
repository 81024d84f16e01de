/// A table of a paper category whose rows are papers: its columns (`PaperColumn`), and how a row
/// is read as an entry.
public struct PaperTable: Sendable {
    public let table: Table
    public let columns: [PaperColumn]

    /// Nil for a table that is not one: outside a paper category, without a body's two first
    /// rows, or with no column that holds a title.
    public init?(_ table: Table, configuration: Configuration) {
        guard let key = table.category, configuration.category(key)?.kind == .papers, table.rows.count >= 2,
              let columns = PaperColumn.columns(of: table.header, configured: configuration.tableColumns) else { return nil }
        // A `Paper` column of badges (`[![arXiv](…)](u)`, and `-` where there is none) links
        // papers but names none: no titles.
        let title = columns.firstIndex(of: .title)!
        let badge = { (cell: TableCell) in cell.text.trimmingWhitespace().hasPrefix("[![") || cell.text.trimmingWhitespace().hasPrefix("![") }
        let cells = table.body.compactMap { title < $0.cells.count ? $0.cells[title] : nil }
        if cells.contains(where: badge), cells.allSatisfy({ badge($0) || Self.isPlaceholder(TableLayout.cellText($0.text)) }) { return nil }
        self.table = table
        self.columns = columns
    }

    /// The key a column's links and text are kept under: `Key Feature` is `keyfeature`; the
    /// paper's link is `paper` and the code's `code`, whatever their headers say.
    public func key(ofColumn index: Int) -> String {
        switch columns[index] {
        case .paper, .title: return "paper"
        case .code: return "code"
        default: return PaperDraft.Link.key(forLabel: PaperColumn.headerName(table.header.cells[index]))
        }
    }

    /// The row as a paper: the title cell's text without its links (the link text when the cell is
    /// one link, `[Title](u)`), its links by label (`[(paper)](u)` is `paper`; a cell's only link
    /// is the paper's), the date's year, and the other cells by their header's key.
    public static func draft(of row: TableRow, in table: Table, columns: [PaperColumn], category: String, view: ListView) -> PaperDraft {
        let paperTable = PaperTable(table: table, columns: columns)
        let bytes = view.document.lineBytes(row.line)
        let links = view.linksByLine[row.line - 1].filter { !$0.isImage && !$0.target.isEmpty }
        var draft = PaperDraft(category: category, year: nil, venue: nil, title: "", links: [])
        func add(_ key: String, _ url: String) {
            if !key.isEmpty && !draft.links.contains(where: { $0.key == key }) { draft.links.append(.init(key: key, url: url)) }
        }
        for (index, (cell, column)) in zip(row.cells, columns).enumerated() {
            let text = TableLayout.cellText(cell.text)
            let inCell = links.filter { $0.start >= cell.start && $0.end <= cell.end }
            let value = text.isEmpty ? nil : text
            switch column {
            case .title:
                if inCell.count == 1, let link = inCell.first, text.utf8.count == link.end - link.start {
                    draft.title = link.text.trimmingWhitespace()
                    add("paper", link.target)
                    continue
                }
                draft.title = textOutside(inCell, of: cell, in: bytes)
                for link in inCell {
                    let key = PaperDraft.Link.key(forLabel: link.text)
                    add(key == "pdf" || inCell.count == 1 ? "paper" : key, link.target)
                }
            case .paper, .code:
                if let link = inCell.first { add(paperTable.key(ofColumn: index), link.target) }
            case .date:
                if let read = value.flatMap(TableDateForm.read) {
                    draft.year = read.year
                    draft.date = read.date
                }
            case .venue: draft.venue = value.flatMap { isPlaceholder($0) ? nil : $0 }
            case .authors: draft.authors = value.flatMap { isPlaceholder($0) ? nil : $0 }
            case .other:
                let key = paperTable.key(ofColumn: index)
                if let link = inCell.first, text.utf8.count == link.end - link.start {
                    add(key, link.target)
                } else if let value, !key.isEmpty, !isPlaceholder(value) {
                    draft.cells.append(.init(key: key, text: value))
                }
            }
        }
        // The paper's link first, as a draft has it.
        if let paper = draft.links.firstIndex(where: { $0.key == "paper" }), paper > 0 { draft.links.insert(draft.links.remove(at: paper), at: 0) }
        return draft
    }

    /// Whether any row links its paper (in the title's cell or a paper column): a table that
    /// never does lists papers without their links, and a row of it lacks none.
    public func linksPapers(in view: ListView) -> Bool {
        let cells = columns.indices.filter { columns[$0] == .title || columns[$0] == .paper }
        return table.body.contains { row in
            view.linksByLine[row.line - 1].contains { link in
                !link.isImage && cells.contains { $0 < row.cells.count && link.start >= row.cells[$0].start && link.end <= row.cells[$0].end }
            }
        }
    }

    private init(table: Table, columns: [PaperColumn]) {
        self.table = table
        self.columns = columns
    }

    /// A cell that says it is empty: `-`, `None`, `N/A`, `/`, `✗`.
    public static func isPlaceholder(_ text: String) -> Bool {
        ["-", "–", "—", "none", "n/a", "na", "/", "✗", "×", "x"].contains(text.trimmingWhitespace().lowercased())
    }

    /// The cell's text without its links, trimmed.
    private static func textOutside(_ links: [InlineLink], of cell: TableCell, in bytes: some Collection<UInt8>) -> String {
        let line = Array(bytes)
        var kept: [UInt8] = []
        var at = cell.start
        for link in links.sorted(by: { $0.start < $1.start }) where link.outerStart >= at {
            kept += line[at..<link.outerStart]
            at = link.outerEnd
        }
        if at < cell.end { kept += line[at..<cell.end] }
        return TableLayout.cellText(String(decoding: kept, as: UTF8.self))
    }
}
