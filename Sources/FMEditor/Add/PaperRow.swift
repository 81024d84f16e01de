import FMList

/// How a paper table writes its rows, read from the rows themselves, and a draft's row written
/// the same way: each column's link label (`[Code]`, `[✓]`), its word for nothing (`None`, `-`),
/// its date form (`202406`), the title's link (`Title [(paper)](u)` or `[Title](u)`), and the
/// table's order (by date, when it is sorted by date).
struct PaperRow {
    let paperTable: PaperTable
    let heading: String
    private let styles: [ColumnStyle]
    /// The label most whole-cell links of the table have (`✓`), for a column none of whose rows has one.
    private let tableLinkLabel: String?
    /// The word for nothing most of the table's columns use (`-`), for a column that has none.
    private let tablePlaceholder: String?
    /// The word for nothing of each column header (in lower case) across the list's paper
    /// tables: a journal that the list leaves unmarked elsewhere (`-`) may be left so in a table
    /// that has none yet.
    private let listPlaceholders: [String: String]
    private let bodyDates: [Int?]

    struct ColumnStyle {
        /// The text of the links that fill whole cells of the column, the most frequent.
        var linkLabel: String?
        /// The most frequent cell that says "nothing" (`None`, `-`).
        var placeholder: String?
        var hasEmptyCells = false
        var dateForm: TableDateForm?
        /// For the title column: whether the title is the link's text (`[Title](u)`), or else the
        /// label of the link after it and what stands between them (` [(paper)](u)`).
        var titleIsLink = false
        var titleLink: (separator: String, label: String)?
    }

    init(_ paperTable: PaperTable, heading: String, in view: ListView) {
        self.paperTable = paperTable
        self.heading = heading
        let table = paperTable.table
        var styles: [ColumnStyle] = []
        var allLabels: [String: Int] = [:], allPlaceholders: [String: Int] = [:]
        for (index, column) in paperTable.columns.enumerated() {
            var labels: [String: Int] = [:], placeholders: [String: Int] = [:], forms: [String: Int] = [:]
            var titleLinks: [String: Int] = [:], wholeLinks = 0, withLinks = 0
            var style = ColumnStyle()
            for row in table.body where index < row.cells.count {
                let cell = row.cells[index]
                let text = TableLayout.cellText(cell.text)
                let links = view.linksByLine[row.line - 1].filter { !$0.isImage && $0.start >= cell.start && $0.end <= cell.end }
                let bytes = Array(view.document.lineBytes(row.line))
                if text.isEmpty { style.hasEmptyCells = true }
                if let link = links.first {
                    withLinks += 1
                    if links.count == 1 && text.utf8.count == link.outerEnd - link.outerStart {
                        wholeLinks += 1
                        labels[link.text, default: 0] += 1
                    } else if column == .title, let last = links.last {
                        // What stands between the title and its link, and the link's label.
                        var before = last.outerStart
                        while before > cell.start, bytes[before - 1] == Byte.space { before -= 1 }
                        let separator = String(decoding: bytes[before..<last.outerStart], as: UTF8.self)
                        titleLinks[separator + "\u{0}" + last.text, default: 0] += 1
                    }
                } else if PaperTable.isPlaceholder(text) {
                    placeholders[text, default: 0] += 1
                }
                if column == .date, let form = TableDateForm.of(text) { forms[form.rawValue, default: 0] += 1 }
            }
            style.linkLabel = Self.mostFrequent(labels)
            if column != .title { allLabels.merge(labels, uniquingKeysWith: +) }
            allPlaceholders.merge(placeholders, uniquingKeysWith: +)
            style.placeholder = Self.mostFrequent(placeholders)
            style.dateForm = Self.mostFrequent(forms).flatMap(TableDateForm.init(rawValue:))
            if column == .title {
                style.titleIsLink = withLinks > 0 && wholeLinks * 2 > withLinks
                if let written = Self.mostFrequent(titleLinks) {
                    let parts = written.split(separator: "\u{0}", maxSplits: 1, omittingEmptySubsequences: false)
                    style.titleLink = (String(parts[0]), String(parts[1]))
                }
            }
            styles.append(style)
        }
        self.styles = styles
        tableLinkLabel = Self.mostFrequent(allLabels)
        tablePlaceholder = Self.mostFrequent(allPlaceholders)
        listPlaceholders = Self.placeholders(in: view)
        let dateColumn = paperTable.columns.firstIndex(of: .date)
        bodyDates = table.body.map { row in
            guard let dateColumn, dateColumn < row.cells.count else { return nil }
            return Self.sortKey(TableLayout.cellText(row.cells[dateColumn].text))
        }
    }

    /// The most frequent word for nothing under each column header (in lower case) of the
    /// list's paper tables.
    private static func placeholders(in view: ListView) -> [String: String] {
        var counts: [String: [String: Int]] = [:]
        for table in view.tables where PaperTable(table, configuration: view.configuration) != nil {
            let names = table.header.cells.map { TableLayout.cellText($0.text).lowercased() }
            for row in table.body {
                for (index, name) in names.enumerated() where index < row.cells.count {
                    let text = TableLayout.cellText(row.cells[index].text)
                    if PaperTable.isPlaceholder(text) { counts[name, default: [:]][text, default: 0] += 1 }
                }
            }
        }
        return counts.compactMapValues { mostFrequent($0) }
    }

    private static func mostFrequent<Key: Hashable & Comparable>(_ counts: [Key: Int]) -> Key? {
        counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
    }

    /// `202406` and `2024-06` as 202406, `2024` as 202400.
    private static func sortKey(_ text: String) -> Int? {
        guard let read = TableDateForm.read(text) else { return nil }
        let month = read.date.flatMap { Int($0.dropFirst(5).prefix(2)) } ?? 0
        return read.year * 100 + month
    }

    /// Whether the table writes a field in a column of its own: the guided add asks for it.
    func writesAuthors() -> Bool { paperTable.columns.contains(.authors) }

    /// Whether the table's dates need more than a year (`202406`): the guided add asks for the date.
    func writesMonths() -> Bool {
        paperTable.columns.indices.contains { paperTable.columns[$0] == .date && (styles[$0].dateForm ?? .year) != .year }
    }

    /// The draft's cells in the table's column order, or what the draft lacks that the table
    /// writes in every row.
    func cells(for draft: PaperDraft) throws(AddError) -> [String] {
        let header = paperTable.table.header
        var written = Set<String>()
        func link(_ key: String, label: String) -> String? {
            guard let url = draft.links.first(where: { $0.key == key })?.url else { return nil }
            written.insert(key)
            return "[\(label)](\(url))"
        }
        var cells: [String] = []
        for (index, column) in paperTable.columns.enumerated() {
            let style = styles[index]
            let name = TableLayout.cellText(header.cells[index].text)
            func missing(_ field: String) -> AddError {
                .invalid(["the table under \"\(heading)\" fills its \"\(name)\" column in every row: give the entry's \(field)"])
            }
            func absent(_ given: String?, _ field: String) throws(AddError) -> String {
                if let given { return given }
                if let placeholder = style.placeholder { return placeholder }
                if style.hasEmptyCells { return "" }
                // A link or another cell the row lacks is marked as the table marks what is lacking
                // elsewhere (a link, by `-` when the table shows no mark); the fields that say which
                // paper it is (authors, venue, date) are asked for.
                if style.linkLabel != nil { return tablePlaceholder ?? "-" }
                if column == .other, let placeholder = tablePlaceholder { return placeholder }
                // A column that the list's other tables of its name leave unmarked (`-`) may be left so here.
                if let placeholder = listPlaceholders[name.lowercased()] { return placeholder }
                throw missing(field)
            }
            switch column {
            case .title:
                if style.titleIsLink, let cell = link("paper", label: draft.title) {
                    cells.append(cell)
                } else if let titleLink = style.titleLink, let cell = link("paper", label: titleLink.label) {
                    cells.append(draft.title + titleLink.separator + cell)
                } else {
                    cells.append(draft.title)
                }
            case .paper:
                cells.append(try absent(link("paper", label: style.linkLabel ?? tableLinkLabel ?? "Paper"), "paper link"))
            case .code:
                cells.append(try absent(link("code", label: style.linkLabel ?? tableLinkLabel ?? "Code"), "code link"))
            case .date:
                let form = style.dateForm ?? .year
                guard let cell = form.cell(date: draft.date, year: draft.year) else {
                    throw .invalid(["the table under \"\(heading)\" writes its \"\(name)\" column as \(form.example): give the entry's date (date: \(form == .yearMonthDay ? "YYYY-MM-DD" : "YYYY-MM") in the --from file)"])
                }
                cells.append(cell)
            case .venue:
                cells.append(try absent(draft.venue, "venue"))
            case .authors:
                cells.append(try absent(draft.authors, "authors (authors: in the --from file)"))
            case .other:
                let key = paperTable.key(ofColumn: index)
                if let text = draft.cells.first(where: { $0.key == key })?.text {
                    cells.append(text)
                } else if let cell = link(key, label: style.linkLabel ?? tableLinkLabel ?? name) {
                    cells.append(cell)
                } else {
                    cells.append(try absent(nil, "\(key) (cells: {\(key): …} in the --from file)"))
                }
            }
        }
        if let unplaced = draft.links.first(where: { !written.contains($0.key) }) {
            throw .invalid(["the table under \"\(heading)\" has no column for the \(unplaced.key) link; leave it out, or add the column first"])
        }
        return cells
    }

    /// The body row the new row goes before (the body's count for the end): back at the place
    /// `fmadd export` saw it, else by its date in a table sorted by date, else at the end.
    func slot(for draft: PaperDraft) -> Int {
        let count = bodyDates.count
        if let position = draft.position, position >= 0, position <= count { return position }
        let key = draft.date.flatMap(Self.sortKey) ?? draft.year.map { $0 * 100 }
        let dated = bodyDates.compactMap { $0 }
        guard let key, dated.count >= 2 else { return count }
        let pairs = zip(dated, dated.dropFirst())
        if pairs.allSatisfy({ $0 >= $1 }) && dated.first! > dated.last! {
            return bodyDates.firstIndex { $0.map { $0 < key } ?? false } ?? count
        }
        if pairs.allSatisfy({ $0 <= $1 }) && dated.first! < dated.last! {
            return bodyDates.firstIndex { $0.map { $0 > key } ?? false } ?? count
        }
        return count
    }
}
