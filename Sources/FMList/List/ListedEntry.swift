import FMSchema

/// An entry of a list as `fmadd export` gives it: the draft that `fmadd add --from` writes it
/// back from, and where it stands in the list.
public struct ListedEntry: Hashable, Sendable {
    public var draft: Draft
    public var listing: Listing

    /// Where an entry stands in its list.
    public struct Listing: Hashable, Sendable {
        /// The heading of its category's section, as GitHub shows it.
        public var section: String
        /// Its lines: a paper's item with its continuation lines, or a table row's one line.
        public var lines: ClosedRange<Int>
        /// Its place among the entries of its section, from 0.
        public var index: Int
        /// Its line as written; an entry of several lines (links and authors below the title) all
        /// of them, joined by line feeds, each without the white space at its end.
        public var text: String

        public init(section: String, lines: ClosedRange<Int>, index: Int, text: String) {
            self.section = section
            self.lines = lines
            self.index = index
            self.text = text
        }
    }

    public init(draft: Draft, listing: Listing) {
        self.draft = draft
        self.listing = listing
    }

    /// The categories most of whose paper entries link no paper (talks, blog posts, laws): there
    /// an entry lacks no paper link. A paper table's rows are left out: whether
    /// they link papers is the table's to say (`PaperTable.linksPapers`).
    public static func categoriesLinkingNoPaper(_ records: [ListedEntry]) -> Set<String> {
        var counts: [String: (all: Int, linked: Int)] = [:]
        for record in records {
            guard case .paper(let paper) = record.draft, !record.listing.text.hasPrefix("|") else { continue }
            let linked = paper.links.contains { $0.key == "paper" }
            counts[paper.category, default: (0, 0)].all += 1
            if linked { counts[paper.category, default: (0, 0)].linked += 1 }
        }
        return Set(counts.filter { $0.value.linked * 2 < $0.value.all }.keys)
    }

    /// Every paper entry (an item with a title and a link) and every dataset row of the list's
    /// categories, in the list's order. A paper's year is its year group's, when it has one; its
    /// links are keyed by their labels (`[[Paper]]` is `paper`), a label's first link kept, links
    /// without a target or a label of letters or digits left out (the line keeps them all). A
    /// row's cells are read by their columns' headers, as `add` writes them: a dataset row, or a
    /// paper table's row as a paper (`PaperTable`).
    public static func all(in view: ListView) -> [ListedEntry] {
        let configuration = view.configuration
        // What each record is read from, in the list's order: an entry, or a row of a table.
        enum Source { case paper(entry: Int), row(table: Int, row: Int) }
        var papers: [(line: Int, source: Source, section: Int)] = []
        for (index, entry) in view.entries.enumerated()
        where entry.shape == .entry && entry.title != nil && entry.section != nil
            && entry.category.flatMap({ configuration.category($0)?.kind }) == .papers {
            papers.append((entry.line, .paper(entry: index), entry.section!))
        }
        let tables = entryTables(in: view)
        var rows: [(line: Int, source: Source, section: Int)] = []
        for index in tables.keys.sorted() {
            let table = view.tables[index]
            for row in table.rows.indices.dropFirst(2) { rows.append((table.rows[row].line, .row(table: index, row: row), tables[index]!.section)) }
        }
        var sources: [(line: Int, source: Source, section: Int)] = []
        sources.reserveCapacity(papers.count + rows.count)
        var p = 0, r = 0
        while p < papers.count || r < rows.count {
            if r == rows.count || (p < papers.count && papers[p].line < rows[r].line) {
                sources.append(papers[p])
                p += 1
            } else {
                sources.append(rows[r])
                r += 1
            }
        }
        // Each record is read on its own, on all cores, straight into its place.
        let sections = view.sections
        var records = parallelArray(count: sources.count) { [sources, tables] k -> ListedEntry in
            let section = sources[k].section
            switch sources[k].source {
            case .paper(let entry):
                return paper(view.entries[entry], section: sections[section].text, in: view)
            case .row(let table, let row):
                return record(of: view.tables[table].rows[row], in: view.tables[table], columns: tables[table]!.columns,
                              section: sections[section].text, view: view)
            }
        }
        var counts: [Int: Int] = [:]
        for k in records.indices {
            let section = sources[k].section
            records[k].listing.index = counts[section, default: 0]
            counts[section, default: 0] += 1
        }
        return records
    }

    /// A row of a table of the list's categories, read as an entry: a dataset's, or a paper table's.
    public struct TableRowRecord: Sendable {
        public var record: ListedEntry
        /// The indexes of its table in `ListView.tables` and of its category's section in `ListView.sections`.
        public var table: Int
        public var section: Int
    }

    /// Every body row of the tables of the list's categories (datasets and paper tables), in the
    /// list's order, each read as `all(in:)` reads it.
    public static func tableRows(in view: ListView) -> [TableRowRecord] {
        entryTables(in: view).sorted { $0.key < $1.key }.flatMap { index, found in
            let table = view.tables[index]
            return table.body.map { row in
                TableRowRecord(record: record(of: row, in: table, columns: found.columns, section: view.sections[found.section].text, view: view),
                               table: index, section: found.section)
            }
        }
    }

    /// How a table's rows are read: by a dataset table's columns, or by a paper table's.
    private enum RowColumns { case dataset([DatasetColumn]), paper([PaperColumn]) }

    /// The tables whose rows are entries (by index in `ListView.tables`): a dataset table, or a
    /// paper table, of a category, with a body, with its columns and its category's section.
    private static func entryTables(in view: ListView) -> [Int: (columns: RowColumns, section: Int)] {
        var found: [Int: (columns: RowColumns, section: Int)] = [:]
        for (index, table) in view.tables.enumerated() {
            guard let key = table.category, let kind = view.configuration.category(key)?.kind, table.rows.count > 2,
                  let section = categorySection(of: table, in: view) else { continue }
            if kind == .datasets {
                found[index] = (.dataset(DatasetColumn.columns(of: table.header)), section)
            } else if let paper = PaperTable(table, configuration: view.configuration) {
                found[index] = (.paper(paper.columns), section)
            }
        }
        return found
    }

    private static func record(of row: TableRow, in table: Table, columns: RowColumns, section: String, view: ListView) -> ListedEntry {
        switch columns {
        case .dataset(let columns): Self.row(row, category: table.category!, section: section, columns: columns, in: view)
        case .paper(let columns): paperRow(row, of: table, section: section, columns: columns, in: view)
        }
    }

    private static func paper(_ entry: Entry, section: String, in view: ListView) -> ListedEntry {
        let document = view.document
        var links: [PaperDraft.Link] = []
        links.reserveCapacity(entry.links.count)
        let paperLabel = view.conventions.paperLabel, codeLabel = view.conventions.codeLabel
        for link in entry.links where !link.url.isEmpty {
            // In a list that calls the paper's link `[[pdf]]`, that link is the record's `paper`;
            // where `[[GitHub]]` links the code, that link is its `code`.
            var key = PaperDraft.Link.key(forLabel: link.label)
            if key == paperLabel { key = "paper" } else if key == codeLabel { key = "code" }
            if !key.isEmpty && !links.contains(where: { $0.key == key }) { links.append(PaperDraft.Link(key: key, url: link.destination)) }
        }
        var venue = entry.venue.flatMap { $0.trimmingWhitespace().isEmpty ? nil : $0 }
        var last = entry.lines.upperBound
        while last > entry.line && document.isBlank(last) { last -= 1 }
        let byline = last > entry.line ? Byline.of(entry, lines: entry.line...last, in: document) : nil
        // Its venue: its tag's, its authors item's, or its venue group's (`**AAAI'26**`).
        if venue == nil { venue = byline?.venue ?? entry.yearGroup.flatMap { view.yearGroups[$0].venue } }
        var draft = PaperDraft(category: entry.category!, year: entry.yearGroup.map { view.yearGroups[$0].year }, venue: venue,
                               title: entry.title!, links: links)
        draft.authors = byline?.authors
        draft.note = note(after: entry.links.last, in: view)
        if let card = PaperCard.of(entry, in: document) {
            draft.authors = card.authors
            draft.venue = card.venue
            draft.year = draft.year ?? card.year
            draft.date = card.date
        }
        // `**Title** (2017), A. Author et al.`: the title, and the year and authors after it.
        if let bold = BoldTitle.parse(draft.title) {
            draft.title = bold.title
            draft.year = draft.year ?? bold.year
            draft.authors = draft.authors ?? bold.authors
        }
        // `**[Title](u)** [[code]](u)<br/>Authors · *Venue* · 2025-12-10`: the title is the text
        // of the paper's link, and the authors and venue follow a line break.
        if let linked = LinkedTitle.of(entry, in: view) {
            draft.title = linked.title
            // The other links keep their own names: no `[[code]]` stands for the paper here.
            var named = linked.url.isEmpty ? [] : [PaperDraft.Link(key: "paper", url: linked.url)]
            for link in entry.links where !link.url.isEmpty {
                let key = PaperDraft.Link.key(forLabel: link.label)
                if !key.isEmpty && !named.contains(where: { $0.key == key }) { named.append(PaperDraft.Link(key: key, url: link.destination)) }
            }
            draft.links = named
            draft.authors = draft.authors ?? linked.authors
            draft.venue = draft.venue ?? linked.venue
            draft.year = draft.year ?? linked.year
        }
        // Code, a model or a dataset listed for itself, with no paper to link.
        draft.resource = !draft.links.isEmpty && !draft.links.contains { $0.key == "paper" }
        // An entry of several lines is all of them, each without the white space at its end.
        let text = last == entry.line ? document.lineText(entry.line)
            : (entry.line...last).map { document.lineText($0).trimmingTrailingWhitespace() }.joined(separator: "\n")
        let listing = Listing(section: section, lines: entry.line...last, index: 0, text: text)
        return ListedEntry(draft: .paper(draft), listing: listing)
    }

    /// The text after an entry's last link on its line (`[[repo]](u): various benchmark
    /// tasks`), without the colon, dash or period before it: plain text only, with a letter at least
    /// (a period after the links is none).
    static func note(after link: EntryLink?, in view: ListView) -> String? {
        guard let link, let inline = view.linksByLine[link.line - 1].first(where: { $0.start == link.offset }) else { return nil }
        let bytes = view.document.lineBytes(link.line)
        var text = Substring(String(decoding: bytes.dropFirst(inline.outerEnd), as: UTF8.self)).drop { $0 == " " || $0 == "\t" }
        if let first = text.first, ":-–—.".contains(first) { text = text.dropFirst().drop { $0 == " " || $0 == "\t" } }
        let note = String(text).trimmingWhitespace()
        guard note.contains(where: \.isLetter), !note.contains(where: { "[]<>`|*_".contains($0) }) else { return nil }
        return note
    }

    private static func row(_ row: TableRow, category: String, section: String, columns: [DatasetColumn], in view: ListView) -> ListedEntry {
        let line = row.line
        let links = view.linksByLine[line - 1].filter { !$0.isImage }
        var draft = DatasetDraft(category: category, name: "")
        for (cell, column) in zip(row.cells, columns) {
            let text = TableLayout.cellText(cell.text)
            let inCell = links.filter { $0.start >= cell.start && $0.end <= cell.end }
            func value() -> String? { text.isEmpty ? nil : text }
            switch column {
            case .name:
                // `[Name](paper)`, the whole cell one link, or the name alone.
                if inCell.count == 1, let link = inCell.first, cell.text.trimmingWhitespace().utf8.count == link.end - link.start {
                    draft.name = link.text.trimmingWhitespace()
                    draft.paper = link.target.isEmpty ? nil : link.target
                } else {
                    draft.name = text
                }
            case .link: draft.link = inCell.first.flatMap { $0.target.isEmpty ? nil : $0.target }
            case .modality: draft.modality = value()
            case .scale: draft.scale = value()
            case .task: draft.task = value()
            case .other: break
            }
        }
        let listing = Listing(section: section, lines: line...line, index: 0, text: view.document.lineText(line))
        return ListedEntry(draft: .dataset(draft), listing: listing)
    }

    private static func paperRow(_ row: TableRow, of table: Table, section: String, columns: [PaperColumn], in view: ListView) -> ListedEntry {
        let draft = PaperTable.draft(of: row, in: table, columns: columns, category: table.category!, view: view)
        let listing = Listing(section: section, lines: row.line...row.line, index: 0, text: view.document.lineText(row.line))
        return ListedEntry(draft: .paper(draft), listing: listing)
    }

    /// The category's own section around a table: the outermost section of the same category
    /// that holds it.
    private static func categorySection(of table: Table, in view: ListView) -> Int? {
        guard var index = table.section, view.sections[index].category == table.category else { return nil }
        while let parent = view.sections[index].parent, view.sections[parent].category == table.category { index = parent }
        return index
    }

    /// The entry in the shape `fmadd add --from` reads, its fields first, then `listed`, which
    /// `add` ignores: the file (when given), the section's heading, the first line (and the
    /// last, when the entry has more), the index in the section and the first line's text.
    public func json(file: String? = nil) -> JSONValue {
        var members = draft.jsonMembers(extra: 1)
        var listed: [JSONObject.Member] = []
        listed.reserveCapacity(6)
        if let file { listed.append((key: "file", value: .string(file))) }
        listed.append((key: "section", value: .string(listing.section)))
        listed.append((key: "line", value: .number(JSONNumber(listing.lines.lowerBound))))
        if listing.lines.count > 1 { listed.append((key: "lastLine", value: .number(JSONNumber(listing.lines.upperBound)))) }
        listed.append((key: "index", value: .number(JSONNumber(listing.index))))
        listed.append((key: "text", value: .string(listing.text)))
        members.append((key: "listed", value: .object(JSONObject(listed))))
        return .object(JSONObject(members))
    }
}

/// The authors line of an entry that writes them in an item of their own below it:
/// `  - A. Author and B. Author. *ICML 2019*`, the venue in emphasis at its end.
public struct Byline: Hashable, Sendable {
    public var authors: String?
    public var venue: String?

    /// The first item nested in `entry`'s lines that holds no link, read as its byline.
    static func of(_ entry: Entry, lines: ClosedRange<Int>, in document: Document) -> Byline? {
        for line in lines.dropFirst() {
            let bytes = document.lineBytes(line)
            guard let marker = EntryParser.marker(in: bytes[...]), marker.indent.count > entry.indent.count else { continue }
            let text = String(decoding: bytes.dropFirst(marker.contentStart), as: UTF8.self).trimmingWhitespace()
            guard !text.contains("](") else { return nil }
            return parse(text)
        }
        return nil
    }

    /// `Authors. *Venue*` (or `**Venue**`) split into its parts; a text without emphasis at its
    /// end is all authors.
    public static func parse(_ text: String) -> Byline? {
        var authors = text
        var venue: String?
        var stars = 0
        if let run = Self.venueRun(in: text) {
            venue = run.venue
            stars = run.stars
            authors = String(text[..<run.start])
        }
        let names = authors.trimmingWhitespace()
        guard !names.isEmpty || venue != nil else { return nil }
        return Byline(authors: names.isEmpty ? nil : names, venue: venue, stars: stars)
    }

    /// How many stars wrap the venue: 1 (`*ICML 2019*`) or 2 (`**ICML 2019**`); 0 without one.
    public var stars = 0

    /// The emphasis at the end of `text`: where it starts, its text and its stars.
    private static func venueRun(in text: String) -> (start: String.Index, venue: String, stars: Int)? {
        let stars = text.reversed().prefix { $0 == "*" }.count
        guard stars == 1 || stars == 2 else { return nil }
        let body = text.dropLast(stars)
        // The opening run: the last stars before the closing ones, as many of them.
        guard let last = body.lastIndex(of: "*") else { return nil }
        let opening = body[..<body.index(after: last)].reversed().prefix { $0 == "*" }.count
        guard opening == stars else { return nil }
        let start = body.index(last, offsetBy: 1 - stars)
        let inside = String(body[body.index(after: last)...]).trimmingWhitespace()
        guard !inside.isEmpty else { return nil }
        return (start, inside, stars)
    }
}

/// An entry whose title is its paper's link, in bold or not (`**[Title](u)**`), and what a list
/// of them writes after a line break on the same line: `<br/>Authors · *Venue* · 2025-12-10`.
struct LinkedTitle: Hashable, Sendable {
    var title: String
    var url: String
    var authors: String?
    var venue: String?
    var year: Int?

    static func of(_ entry: Entry, in view: ListView) -> LinkedTitle? {
        guard let title = entry.title, title.hasSuffix(")") || title.hasSuffix("*") else { return nil }
        let stars = title.prefix { $0 == "*" }.count
        guard stars <= 2, title.hasSuffix(String(repeating: "*", count: stars)) else { return nil }
        let inner = title.dropFirst(stars).dropLast(stars)
        let bytes = Array(view.document.lineBytes(entry.line))
        // The link that is the whole title, its stars aside.
        guard let link = view.linksByLine[entry.line - 1].first(where: { link in
            !link.isImage && link.label == nil && !link.wrapped
                && String(decoding: bytes[link.start..<link.end], as: UTF8.self) == inner
        }) else { return nil }
        var found = LinkedTitle(title: link.text.trimmingWhitespace(), url: link.target)
        guard !found.title.isEmpty else { return nil }
        let text = String(decoding: bytes, as: UTF8.self)
        guard let lineBreak = text.range(of: "<br/>") ?? text.range(of: "<br>") ?? text.range(of: "<br />") else { return found }
        let parts = text[lineBreak.upperBound...].components(separatedBy: " · ").map { $0.trimmingWhitespace() }
        for (index, part) in parts.enumerated() where !part.isEmpty {
            if index == 0, !part.hasPrefix("*") { found.authors = part; continue }
            if part.count > 2, part.hasPrefix("*"), part.hasSuffix("*") {
                found.venue = part.trimmingCharacters(in: ["*"]).trimmingWhitespace()
            } else if let date = TableDateForm.read(part) {
                found.year = date.year
            }
        }
        return found
    }
}
