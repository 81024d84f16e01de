import FMList

/// Where a new entry goes and the lines that put it there.
public struct Insertion: Sendable {
    /// The edits: the new line, and a new year marker when the year had none.
    public var edits: [LineEdit]
    /// The new entry's line number once the edits are applied.
    public var line: Int
    /// The entry as it will be written: its line, or its lines joined by line feeds.
    public var text: String
    public var section: String
    public var year: Int?
    /// The entries just above and below it, as written.
    public var before: String?
    public var after: String?
    public var createsYearGroup: Bool

    /// The entry's lines: one, or those of an entry that takes several (joined in `text`).
    public var textLines: [String] { text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
    public var lineCount: Int { text.utf8.reduce(1) { $0 + ($1 == Byte.lineFeed ? 1 : 0) } }
}

/// Finds the place of a new entry: its category's section, its year group (made when missing, in
/// the list's year order and in its marker style), after the group's last entry; a dataset row
/// at the end of its category's table; a paper of a section written as a paper table, a row of
/// that table in its order (`PaperRow`).
public struct Placement: Sendable {
    public let view: ListView
    /// Read once, so that placing many entries costs each only its own section.
    private let entriesBySection: [Int: [Entry]]
    private let entriesByYearGroup: [Int: [Entry]]
    private let groupsBySection: [Int: [Int]]
    private let styleFacts: EntryStyle.ListFacts
    private let sectionOfCategory: [String: Int]

    public init(view: ListView) {
        self.view = view
        // One pass; the view's entries are in the order of their lines, and so is each group.
        var bySection: [Int: [Entry]] = [:], byYearGroup: [Int: [Entry]] = [:]
        for entry in view.entries where entry.shape == .entry || entry.shape == .unparsed {
            guard let section = entry.section else { continue }
            bySection[section, default: []].append(entry)
            if let group = entry.yearGroup { byYearGroup[group, default: []].append(entry) }
        }
        entriesBySection = bySection
        entriesByYearGroup = byYearGroup
        groupsBySection = Dictionary(grouping: view.yearGroups.indices.filter { view.yearGroups[$0].section != nil }, by: { view.yearGroups[$0].section! })
        styleFacts = EntryStyle.ListFacts(view: view)
        sectionOfCategory = view.configuration.categories.reduce(into: [:]) { known, category in
            known[category.key] = view.section(forCategory: category.key)
        }
    }

    public func insertion(for draft: Draft) throws(AddError) -> Insertion {
        let insertion = try placed(draft)
        if let region = view.generatedRegion(holding: insertion.line) { throw .generatedRegion(name: region.name, lines: region.lines) }
        return insertion
    }

    private func placed(_ draft: Draft) throws(AddError) -> Insertion {
        guard let category = view.configuration.category(draft.category) else {
            throw .unknownCategory(draft.category, known: view.configuration.categories.map(\.key))
        }
        guard let sectionIndex = sectionOfCategory[draft.category] else {
            throw .sectionNotFound(category: draft.category, heading: category.heading)
        }
        switch draft {
        case .paper(let paper):
            if let table = paperTable(inSection: sectionIndex) { return try paperRowInsertion(paper, table: table, section: sectionIndex) }
            return paperInsertion(paper, section: sectionIndex)
        case .dataset(let dataset): return try datasetInsertion(dataset, section: sectionIndex)
        }
    }

    /// What a category's section writes besides title, links and year, which the guided add
    /// asks for: authors (a paper table's column, or after the title or under it), a month (a
    /// paper table dated `202406`), and a venue (a tag or a column; a section whose entries
    /// have none is not offered the schema's default one).
    public struct WrittenFields: Sendable, Equatable {
        public var authors = false, date = false, venue = true
        /// The key of the link most of the section's entries start with, where most link no
        /// paper (a talk's `slides`): the link asked for first, instead of the paper's.
        public var firstLink: String?
    }

    public func writtenFields(ofCategory key: String) -> WrittenFields {
        guard let sectionIndex = sectionOfCategory[key] else { return WrittenFields() }
        if let table = paperTable(inSection: sectionIndex) {
            let row = PaperRow(table, heading: view.sections[sectionIndex].text, in: view)
            return WrittenFields(authors: row.writesAuthors(), date: row.writesMonths(), venue: table.columns.contains(.venue))
        }
        let entries = (entriesBySection[sectionIndex] ?? []).filter { $0.shape == .entry }
        let style = styleFacts.learn(category: key, section: sectionIndex, near: entries.last)
        // A card has a line for its authors, and one for its date and venue.
        var fields = style.card != nil ? WrittenFields(authors: true, date: true, venue: true)
            : WrittenFields(authors: style.authorsAfterYear || style.layout?.bylinePrefix != nil,
                            venue: entries.isEmpty || entries.filter { $0.venue != nil }.count * 2 >= entries.count || style.layout?.venueInByline == true)
        let paperLabel = view.conventions.paperLabel ?? "paper"
        let firstKeys = entries.compactMap { $0.links.first.map { PaperDraft.Link.key(forLabel: $0.label) } }
        let linkingPapers = entries.count { entry in entry.links.contains { PaperDraft.Link.key(forLabel: $0.label) == paperLabel } }
        if linkingPapers * 2 < entries.count,
           let (key, count) = Dictionary(firstKeys.map { ($0, 1) }, uniquingKeysWith: +).max(by: { ($0.value, $1.key) < ($1.value, $0.key) }),
           count * 2 > entries.count, !key.isEmpty {
            fields.firstLink = key
        }
        return fields
    }

    private var document: Document { view.document }

    // MARK: Papers

    private func paperInsertion(_ draft: PaperDraft, section sectionIndex: Int) -> Insertion {
        let section = view.sections[sectionIndex]
        let entries = entriesBySection[sectionIndex] ?? []
        let groups = groupsBySection[sectionIndex] ?? []
        if let position = draft.position, let next = listedEntry(at: position, inSection: sectionIndex), next.yearGroup == nil,
           position == 0 || listedEntry(at: position - 1, inSection: sectionIndex)?.yearGroup == nil {
            // `fmadd export` saw the entry among entries outside any year group (a part of the
            // section that the list does not group by year): it goes back there, in no year.
            let last = entries.last { $0.line < next.line }
            let following = last.map { listedAbove(draft, headingBetween: $0, and: next) } == true ? nil : next
            let style = styleFacts.learn(category: draft.category, section: sectionIndex, near: last ?? next, before: last == nil ? nil : following)
            let text = style.line(for: draft)
            let at = following?.line ?? last.map { endOfItem($0) + 1 } ?? next.line
            let (lines, line) = cardSpaced(style.lines(for: draft), style: style, at: at, after: last, before: following)
            return Insertion(edits: [.insert(lines, before: at)], line: line, text: text, section: section.text, year: nil,
                             before: last.map { document.lineText($0.line) }, after: following.map { document.lineText($0.line) }, createsYearGroup: false)
        }
        if let year = draft.year, groups.isEmpty, !entries.contains(where: { $0.shape == .entry }), let model = view.yearGroups.first {
            // The list groups its entries by year, this empty section not yet: its first group.
            // A section that lists its entries without years (talks, blog posts) keeps doing so.
            return firstYearGroup(draft, year: year, section: sectionIndex, entries: entries, model: model)
        }
        guard let year = draft.year, !groups.isEmpty else {
            // No year groups in the list: the end of the section's list, or the place `fmadd export`
            // saw the entry in, and no year to report.
            // Without a year in a section that groups some of its entries by year: after the
            // entries it does not group.
            let candidates = groups.isEmpty ? entries : entries.filter { $0.yearGroup == nil }
            var next = draft.position.flatMap { listedEntry(at: $0, inSection: sectionIndex) } ?? datedCard(after: draft, among: candidates)
            let last = next.map { next in candidates.last { $0.line < next.line } } ?? candidates.last
            if let after = last, let before = next, listedAbove(draft, headingBetween: after, and: before) { next = nil }
            let style = styleFacts.learn(category: draft.category, section: sectionIndex, near: last ?? next, before: last == nil ? nil : next)
            let at = next?.line ?? last.map { endOfItem($0) + 1 } ?? (section.lines.lowerBound + 1)
            let (lines, line) = cardSpaced(style.lines(for: draft), style: style, at: at, after: last, before: next)
            return Insertion(edits: [.insert(lines, before: at)], line: line, text: style.line(for: draft),
                             section: section.text, year: nil, before: last.map { document.lineText($0.line) },
                             after: next.map { document.lineText($0.line) }, createsYearGroup: false)
        }
        if let group = yearGroup(of: year, venue: draft.venue, among: groups) {
            let inGroup = entriesByYearGroup[group] ?? []
            let placeAfter: Entry?
            let placeBefore: Entry?
            if let position = draft.position, let next = listedEntry(at: position, inSection: sectionIndex), next.yearGroup == group {
                // Back where `fmadd export` saw it: before the entry that now has its place.
                placeBefore = next
                placeAfter = inGroup.last { $0.line < next.line }
            } else if view.configuration.sortWithinYear == .alphabetical, let title = Optional(draft.title.lowercased()),
               let next = inGroup.first(where: { ($0.title ?? "").lowercased() > title && $0.nesting == (inGroup.first?.nesting ?? 0) }) {
                placeBefore = next
                placeAfter = inGroup.last { $0.line < next.line }
            } else {
                placeAfter = inGroup.last
                placeBefore = nil
            }
            // An empty group is written as the entries just above it are, the year before's (of
            // its heading, `#### 2023`), not as the section's first, which may be of another kind.
            let groupLine = view.yearGroups[group].line
            let model = placeAfter ?? placeBefore ?? entries.last { $0.line < groupLine } ?? entries.first
            let style = styleFacts.learn(category: draft.category, section: sectionIndex, near: model,
                                         before: placeAfter == nil ? nil : placeBefore)
            // In a venue's group whose entries name no venue, the group names it.
            var written = draft
            if view.yearGroups[group].venue != nil, !inGroup.contains(where: { $0.venue != nil }) { written.venue = nil }
            let text = style.line(for: written)
            let at = placeBefore?.line ?? placeAfter.map { endOfItem($0, stopBefore: nextMarker(after: group)) + 1 }
                ?? (view.yearGroups[group].line + 1)
            let (lines, line) = style.card == nil
                ? spacedLike(inGroup, style.lines(for: written), at: at, after: placeAfter, before: placeBefore)
                : cardSpaced(style.lines(for: written), style: style, at: at, after: placeAfter, before: placeBefore)
            return Insertion(edits: [.insert(lines, before: at)], line: line, text: text, section: section.text, year: year,
                             before: (placeAfter).map { document.lineText($0.line) },
                             after: placeBefore.map { document.lineText($0.line) }, createsYearGroup: false)
        }
        return newYearGroup(draft, year: year, section: sectionIndex, groups: groups, entries: entries)
    }

    /// The entry's lines, and the line it will start on, set apart by a blank line where the
    /// entries around it are (a list that leaves a blank line between its entries): before the
    /// entry it goes before, or after the entry it follows.
    private func spacedLike(_ group: [Entry], _ lines: [String], at: Int, after: Entry?, before: Entry?) -> ([String], Int) {
        guard let after = after.map(styleFacts.owner(of:)) else { return (lines, at) }
        if let before {
            return before.line > 1 && document.isBlank(before.line - 1) ? (lines + [""], at) : (lines, at)
        }
        let apart = after.line > 1 && document.isBlank(after.line - 1) && group.contains { $0.line < after.line }
        return apart ? ([""] + lines, at + 1) : (lines, at)
    }

    /// In a section of cards in date order (newest first, or oldest first), the first card that
    /// a card dated `draft.date` goes before; nil when the cards are in no date order, or when
    /// it goes after them all.
    private func datedCard(after draft: PaperDraft, among entries: [Entry]) -> Entry? {
        guard let date = draft.date else { return nil }
        let dated = entries.compactMap { entry in PaperCard.of(entry, in: document)?.date.map { (entry: entry, date: $0) } }
        var newer = 0, older = 0
        for (first, second) in zip(dated, dated.dropFirst()) {
            if first.date > second.date { newer += 1 } else if first.date < second.date { older += 1 }
        }
        guard newer != older else { return nil }
        return dated.first { newer > older ? $0.date < date : $0.date > date }?.entry
    }

    /// A paper card's lines set apart from the cards around it by as many blank lines as the
    /// list leaves between its cards, and the line it will start on; other entries' lines as
    /// they are.
    private func cardSpaced(_ lines: [String], style: EntryStyle, at: Int, after: Entry?, before: Entry?) -> ([String], Int) {
        guard let card = style.card else { return (lines, at) }
        let blanks = [String](repeating: "", count: card.blankLines)
        if before != nil { return (lines + blanks, at) }
        if after != nil { return (blanks + lines, at + card.blankLines) }
        // The section's first entry: a blank line before it, and after it unless one follows.
        let blankFollows = at > document.lines.count || document.isBlank(at)
        return ([""] + lines + (blankFollows ? [] : [""]), at + 1)
    }

    /// The group of `year` an entry of `venue` goes into: the venue's own group of that year
    /// (`**AAAI'26**` for AAAI), else the year's group, else any group of the year.
    private func yearGroup(of year: Int, venue: String?, among groups: [Int]) -> Int? {
        let ofYear = groups.filter { view.yearGroups[$0].year == year }
        guard ofYear.count > 1 || ofYear.first.map({ view.yearGroups[$0].venue != nil }) == true else { return ofYear.first }
        let name = venue.map { ListConventions.labelKey(String($0.prefix { !$0.isNumber }).trimmingWhitespace()) }
        return ofYear.first { name != nil && view.yearGroups[$0].venue.map(ListConventions.labelKey) == name }
            ?? ofYear.first { view.yearGroups[$0].venue == nil } ?? ofYear.first
    }

    /// Whether the entry `fmadd export` saw between `last` and `next`, which a heading parts
    /// (`### General Domain`), stood above that heading: it goes back after `last`, not before
    /// `next`. Its line is the record's; `next` has since taken its place, so the heading is
    /// below the line it stood on when the entry was the last above it.
    private func listedAbove(_ draft: PaperDraft, headingBetween last: Entry, and next: Entry) -> Bool {
        guard let listed = draft.listedLine, let heading = view.section(containing: next.line),
              view.section(containing: last.line) != heading else { return false }
        return listed < view.sections[heading].lines.lowerBound
    }

    /// The entry at `position` among the section's entries as `fmadd export` counts them (those
    /// with a title and a link).
    private func listedEntry(at position: Int, inSection section: Int) -> Entry? {
        guard position >= 0 else { return nil }
        var seen = 0
        for entry in entriesBySection[section] ?? [] where entry.shape == .entry && entry.title != nil {
            if seen == position { return entry }
            seen += 1
        }
        return nil
    }

    /// A new year group in the list's year order, written as the section's other groups are.
    private func newYearGroup(_ draft: PaperDraft, year: Int, section sectionIndex: Int, groups: [Int], entries: [Entry]) -> Insertion {
        let section = view.sections[sectionIndex]
        let model = view.yearGroups[groups[0]]
        let markerText = marker(for: year, like: model)
        let blankAfterMarker = model.line < document.lines.count && document.isBlank(model.line + 1)
        let order = view.conventions.yearOrder
        let firstFollowing = groups.first { order.allows(year, before: view.yearGroups[$0].year) }
        let neighbour = firstFollowing.flatMap { entriesByYearGroup[$0]?.first } ?? entries.last
        let style = styleFacts.learn(category: draft.category, section: sectionIndex, near: neighbour)
        let text = style.line(for: draft)
        let entryLines = style.lines(for: draft)
        var block = [markerText] + (blankAfterMarker ? [""] : []) + entryLines
        var lineOfEntry = block.count - entryLines.count
        let at: Int
        if let following = firstFollowing {
            // Before the group that follows it in the list's order.
            at = view.yearGroups[following].line
            block.append("")
        } else {
            // After the last group's last non-blank line.
            var end = view.yearGroups[groups[groups.count - 1]].lines.upperBound
            while end > section.lines.lowerBound && document.isBlank(end) { end -= 1 }
            at = end + 1
            block.insert("", at: 0)
            lineOfEntry += 1
        }
        return Insertion(edits: [.insert(block, before: at)], line: at + lineOfEntry, text: text, section: section.text, year: year,
                         before: nil, after: neighbour.map { document.lineText($0.line) }, createsYearGroup: true)
    }

    /// A section's first year group, written as the list's other groups are, after what the
    /// section holds (its ungrouped entries stay above it, in no year).
    private func firstYearGroup(_ draft: PaperDraft, year: Int, section sectionIndex: Int, entries: [Entry], model: YearGroup) -> Insertion {
        let section = view.sections[sectionIndex]
        let markerText = marker(for: year, like: model)
        let blankAfterMarker = model.line < document.lines.count && document.isBlank(model.line + 1)
        let style = styleFacts.learn(category: draft.category, section: sectionIndex, near: entries.last)
        let text = style.line(for: draft)
        let entryLines = style.lines(for: draft)
        var end = section.lines.upperBound
        while end > section.lines.lowerBound && document.isBlank(end) { end -= 1 }
        if let last = entries.last { end = max(end, endOfItem(last)) }
        var block = ["", markerText] + (blankAfterMarker ? [""] : []) + entryLines
        let lineOfEntry = block.count - entryLines.count
        if end + 1 <= document.lines.count && !document.isBlank(end + 1) { block.append("") }
        let at = end + 1
        return Insertion(edits: [.insert(block, before: at)], line: at + lineOfEntry, text: text, section: section.text,
                         year: year, before: entries.last.map { document.lineText($0.line) }, after: nil, createsYearGroup: true)
    }

    /// A year marker in the style of `model`: `**2024**`, or a heading of its level.
    private func marker(for year: Int, like model: YearGroup) -> String {
        guard model.style == .heading else { return "**\(year)**" }
        return "\(document.lineText(model.line).prefix { $0 == "#" }) \(year)"
    }

    /// The last line of an entry's item, not counting a year marker that GitHub shows inside it.
    private func endOfItem(_ entry: Entry, stopBefore marker: Int? = nil) -> Int {
        var end = entry.lines.upperBound
        if let marker, marker <= end, marker > entry.line { end = marker - 1 }
        return end
    }

    private func nextMarker(after group: Int) -> Int? {
        group + 1 < view.yearGroups.count ? view.yearGroups[group + 1].line : nil
    }

    // MARK: Paper tables

    /// The section's paper table, when the section's papers are rows of one (it has no entries of its own).
    private func paperTable(inSection sectionIndex: Int) -> PaperTable? {
        let section = view.sections[sectionIndex]
        guard !(entriesBySection[sectionIndex] ?? []).contains(where: { $0.shape == .entry }) else { return nil }
        return view.tables.lazy.filter { section.lines.contains($0.lines.lowerBound) }
            .compactMap { PaperTable($0, configuration: view.configuration) }.first
    }

    private func paperRowInsertion(_ draft: PaperDraft, table paperTable: PaperTable, section sectionIndex: Int) throws(AddError) -> Insertion {
        let section = view.sections[sectionIndex]
        let row = PaperRow(paperTable, heading: section.text, in: view)
        let cells = try row.cells(for: draft)
        guard cells.contains(where: { !$0.trimmingWhitespace().isEmpty && !PaperTable.isPlaceholder($0) }) else {
            throw .invalid(["the row would have no text in its cells"])
        }
        var insertion = rowInsertion(cells, into: paperTable.table, beforeBodyRow: row.slot(for: draft), section: section)
        insertion.year = draft.year
        return insertion
    }

    // MARK: Datasets

    private func datasetInsertion(_ draft: DatasetDraft, section sectionIndex: Int) throws(AddError) -> Insertion {
        let section = view.sections[sectionIndex]
        guard let table = view.tables.first(where: { section.lines.contains($0.lines.lowerBound) }), table.rows.count >= 2 else {
            throw .tableNotFound(category: draft.category, heading: section.text)
        }
        return rowInsertion(cellTexts(for: draft, header: table.header), into: table, beforeBodyRow: table.body.count, section: section)
    }

    /// A new row of `cells` before the body row `slot` (at the end for the body's count), written
    /// as the table writes its rows: an aligned table stays aligned (the row padded to the
    /// columns, or every row padded anew when it is wider), a table whose rows all have the same
    /// cell widths gets a row of those widths when it fits, and otherwise the row is written
    /// with or without spaces inside its pipes, as the row next to it is.
    private func rowInsertion(_ cells: [String], into table: Table, beforeBodyRow slot: Int, section: Section) -> Insertion {
        let body = Array(table.body)
        let at = slot < body.count ? body[slot].line : table.lines.upperBound + 1
        let neighbour = document.lineText(slot > 0 ? body[slot - 1].line : (body.first?.line ?? table.rows[table.rows.count - 1].line))
        let alignments = table.rows[1].cells.map { TableLayout.alignment(of: $0.text) }
        let text: String
        var edits: [LineEdit]
        var line = at
        if let aligned = TableLayout.aligned(table, in: document, padLastColumn: view.configuration.padLastColumn),
           aligned == table.rows.map({ document.lineText($0.line) }) {
            let widths = Self.columnWidths(aligned)
            let padded = Self.pad(cells, widths: widths, alignments: alignments)
            if DisplayWidth.of(padded) == DisplayWidth.of(aligned[0]) {
                text = padded
                edits = [.insert([text], before: at)]
            } else {
                var texts = table.rows.map { row in row.cells.map { TableLayout.cellText($0.text) } }
                texts.insert(cells, at: 2 + slot)
                let grown = TableLayout.lines(header: texts, alignments: alignments, indent: "", padLastColumn: view.configuration.padLastColumn)
                text = grown[2 + slot]
                edits = [LineEdit(lines: table.lines.lowerBound..<(table.lines.upperBound + 1), replacement: grown)]
                line = table.lines.lowerBound + 2 + slot
            }
        } else if let widths = Self.commonCellWidths(of: table), cells.indices.allSatisfy({ DisplayWidth.of(cells[$0]) + 2 <= widths[$0] }) {
            text = "|" + cells.indices.map { " " + TableLayout.pad(cells[$0], width: widths[$0] - 2, $0 < alignments.count ? alignments[$0] : .none) + " " }
                .joined(separator: "|") + "|"
            edits = [.insert([text], before: at)]
        } else {
            let spaced = neighbour.contains("| ") || neighbour.contains(" |")
            text = spaced ? "| " + cells.joined(separator: " | ") + " |" : "|" + cells.joined(separator: "|") + "|"
            edits = [.insert([text], before: at)]
        }
        return Insertion(edits: edits, line: line, text: text, section: section.text, year: nil,
                         before: slot > 0 ? document.lineText(body[slot - 1].line) : slot == body.count ? document.lineText(table.rows[1].line) : nil,
                         after: slot < body.count ? document.lineText(body[slot].line) : nil, createsYearGroup: false)
    }

    /// The display width of each column's cells, padding included, when every row of the table
    /// (the alignment row too) has the same ones: a table padded its own way.
    static func commonCellWidths(of table: Table) -> [Int]? {
        let widths = table.rows.map { $0.cells.map { DisplayWidth.of($0.text) } }
        guard let first = widths.first, first.allSatisfy({ $0 >= 3 }), widths.allSatisfy({ $0 == first }) else { return nil }
        return first
    }

    /// The row's cells in the order of the table's columns, found by their headers.
    func cellTexts(for draft: DatasetDraft, header: TableRow) -> [String] {
        DatasetColumn.columns(of: header).map { column in
            switch column {
            case .name: return draft.paper.map { "[\(draft.name)](\($0))" } ?? draft.name
            case .link: return draft.link.map { "[*](\($0))" } ?? "-"
            case .modality: return draft.modality ?? ""
            case .scale: return draft.scale ?? ""
            case .task: return draft.task ?? ""
            case .other: return ""
            }
        }
    }

    static func columnWidths(_ aligned: [String]) -> [Int] {
        aligned[1].split(separator: "|", omittingEmptySubsequences: true).map { $0.count - 2 }
    }

    static func pad(_ cells: [String], widths: [Int], alignments: [TableLayout.Alignment]) -> String {
        "| " + cells.enumerated().map { index, text in
            let width = index < widths.count ? widths[index] : 0
            return TableLayout.pad(text, width: width, index < alignments.count ? alignments[index] : .none)
        }.joined(separator: " | ") + " |"
    }
}
