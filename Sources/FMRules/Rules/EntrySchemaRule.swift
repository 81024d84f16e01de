import FMList
import FMSchema

/// An entry or a dataset row that its schema refuses, as `fmadd add` would have refused it.
public struct EntrySchemaRule: Rule {
    public static let description = RuleDescription(
        id: "entry-schema",
        summary: "Every entry and dataset row fits its schema, as `fmadd add` writes them.",
        rationale: """
            `fmadd add` checks a new entry against the entry schema (or the dataset schema, or the \
            list's own schema that `.fmadd.yml` names for the category), but most entries are \
            written by hand, often in GitHub's web editor. Checking every entry with the same schema \
            holds them to the same standard: links are https URLs (not `javascript:`, not without \
            a scheme), a title is there, a row has its name, and an entry is not under a year later \
            than the one its venue states (`[MICCAI 2023]` under **2024**). The finding is the \
            schema's message, at the field it is about. An entry among papers that links no paper \
            but its code, a model or a dataset is a resource (`fmadd add --resource`): a warning, \
            since a list may mean to list it, but a maintainer should see it.
            """,
        severity: .error,
        passing: [
            "## MFM methods\n**2023**\n- [Nature] A title. [[Paper]](https://a.org/1) [[Code]](https://github.com/a/b)\n",
            "## MFM methods\n- [Nature] A list without years. [[Paper]](https://a.org/1)\n",
            "## VFM methods\n**2024**\n- [ICLR 2024] A title. [[Paper]](https://a.org/1)\n**2023**\n- [MICCAI 2023] A title. [[Paper]](https://a.org/2)\n",
            "## VFM datasets\n| Dataset Name | Modality | Link |\n| --- | --- | --- |\n| [MSD](https://a.org/1) | 3D CT | [*](https://a.org/2) |\n",
        ],
        failing: [
            "## MFM methods\n**2023**\n- [Nature] A title. [[Paper]](↓javascript:alert(1))\n",
            "## MFM methods\n**2023**\n- [医学 🩺] 标题 ok. [[Paper]](↓arxiv.org/abs/2401.00001) [[Code]](↓http:github.com/a/b)\n",
            "## MFM methods\n**2023**\n- [Nature] ↓A. [[Paper]](https://a.org/1)\n",
            "## MFM methods\n**2023**\n- ↓[Nature] [[Paper]](https://a.org/1)\n",
            "## VFM methods\n**2024**\n- ↓[MICCAI 2023] A title. [[Paper]](https://a.org/1)\n",
            "## VFM datasets\n| Dataset Name | Modality | Link |\n| --- | --- | --- |\n|↓ | 3D CT | [*](↓ftp://a.org/2) |\n",
        ],
        checksEntriesAsDrafts: true)

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        let view = context.view
        let schemas: EntrySchemas
        do { schemas = try EntrySchemas(configuration: view.configuration) } catch {
            return [finding("the schema .fmadd.yml names cannot be used: \(error)", line: 1)]
        }
        var entryIndexAtLine: [Int: Int] = [:]
        entryIndexAtLine.reserveCapacity(view.entries.count)
        for (index, entry) in view.entries.enumerated() where entryIndexAtLine[entry.line] == nil { entryIndexAtLine[entry.line] = index }
        let entries = view.entries
        let entryAtLine = { @Sendable [entryIndexAtLine] (line: Int) -> Entry? in entryIndexAtLine[line].map { entries[$0] } }
        let records = ListedEntry.all(in: view)
        // The rows of a paper table that links no paper lack no paper link.
        let unlinkedRows = Set(view.tables.lazy.filter { table in
            PaperTable(table, configuration: view.configuration).map { !$0.linksPapers(in: view) } ?? false
        }.flatMap { $0.body.map(\.line) })
        // Nor do the entries of a section that mostly links none (talks, blog posts, laws).
        let unlinkedCategories = ListedEntry.categoriesLinkingNoPaper(records)
        // On every core, each with schemas compiled of its own: cores that shared one compiled
        // schema would contend for its reference counts. A piece at a time, taken by whichever
        // core is free (the other rules run meanwhile).
        let pieces = workRanges(count: records.count, minimumSize: 1024)
        let results = ResultSlots<[Finding]>(count: pieces.count)
        let counter = WorkCounter(count: pieces.count)
        let configuration = view.configuration
        onAllCores(atMost: pieces.count) {
            guard var piece = counter.take() else { return }
            let own = (try? EntrySchemas(configuration: configuration)) ?? schemas
            repeat {
                results.set(piece, pieces[piece].flatMap { k in
                    findings(of: records[k], schemas: own, entryAtLine: entryAtLine, context: context,
                             linksPaper: !unlinkedRows.contains(records[k].listing.lines.lowerBound)
                                 && !unlinkedCategories.contains(records[k].draft.category))
                })
                guard let next = counter.take() else { break }
                piece = next
            } while true
        }
        let found = pieces.indices.map { results.get($0) ?? [] }
        return found.flatMap { $0 } + untitledFindings(in: view, schemas: schemas)
    }

    /// The findings of one entry or row.
    private func findings(of record: ListedEntry, schemas: EntrySchemas, entryAtLine: (Int) -> Entry?, context: RuleContext,
                          linksPaper: Bool) -> [Finding] {
        let view = context.view
        let line = record.listing.lines.lowerBound
        // What a comment hides is not shown, and the fields read around it are not the entry's.
        if Self.holdsComment(record.listing.text) { return [] }
        // An entry outside any year group states no year: the schema's `year` is the group's.
        let stated = { (item: SchemaFinding) in
            !(item.instanceLocation == "/year" && item.keyword == "required") && (linksPaper || !(item.instanceLocation == "/links/paper" && item.keyword == "required"))
        }
        var findings = schemas.validate(record.draft).filter(stated).map { item in
            let place = Self.column(of: item.instanceLocation, in: record, entry: entryAtLine(line), context: context)
            var found = finding(item.message, line: place.line, column: place.column)
            found.severity = item.severity == .error ? .error : .warning
            // A link already in the list whose only unsafe characters are balanced parentheses,
            // one pair inside another (`…/x_((y))`; pairs alone the schema accepts), is the link
            // GitHub shows: a warning, not an error.
            if found.severity == .error, let url = Self.link(at: item.instanceLocation, of: record.draft), Self.onlyBalancedParentheses(url) {
                found.severity = .warning
                found.message += " (GitHub shows this link as written; encoded, every Markdown reader does)"
            }
            return found
        }
        if case .paper(let paper) = record.draft, paper.yearConflict != nil, let year = paper.year, let stated = paper.venueYear,
           let entry = entryAtLine(line) {
            findings.append(yearFinding(year, stated: stated, entry: entry, in: view))
        }
        // Code, a model or a dataset listed among papers: the list's to decide, so a warning.
        if linksPaper, case .paper(let paper) = record.draft, paper.resource {
            let place = Self.column(of: "/links", in: record, entry: entryAtLine(line), context: context)
            var found = finding("links.paper: the entry links no paper, only its \(paper.links.map(\.key).joined(separator: ", ")); "
                                + "a resource among papers: link the paper that describes it, if there is one", line: place.line, column: place.column)
            found.severity = .warning
            findings.append(found)
        }
        return findings
    }

    /// An item of a paper section with links but no title: the schema's word on the missing title.
    private func untitledFindings(in view: ListView, schemas: EntrySchemas) -> [Finding] {
        view.entries.compactMap { entry -> Finding? in
            guard entry.shape == .unparsed, entry.title == nil, let category = entry.category, !Self.holdsComment(view.document.lineText(entry.line)),
                  view.configuration.category(category)?.kind == .papers,
                  case let links = entry.links.filter({ !$0.url.isEmpty }), !links.isEmpty else { return nil }
            let instance: JSONValue = .object(JSONObject([
                (key: "category", value: .string(category)),
                (key: "links", value: .object(JSONObject(links.map { (key: PaperDraft.Link.key(forLabel: $0.label), value: .string($0.url)) }))),
            ]))
            guard let missing = schemas.validate(instance, category: category, kind: "entry").first(where: { $0.instanceLocation == "/title" })
            else { return nil }
            return finding(missing.message + "; write the title before the links", line: entry.line,
                           column: Self.venueColumn(of: entry, in: view.document))
        }
    }

    /// An entry under a year later than the year its venue states.
    private func yearFinding(_ year: Int, stated: Int, entry: Entry, in view: ListView) -> Finding {
        let marker = entry.yearGroup.map { " (line \(view.yearGroups[$0].line))" } ?? ""
        return finding("year: the entry is under \(year)\(marker), but its venue says \(stated); move it to \(stated)'s group, or correct the venue",
                       line: entry.line, column: Self.venueColumn(of: entry, in: view.document))
    }

    /// Whether `text` holds `<!--`, read as bytes: most lines have no `<` at all.
    /// The address a finding's pointer names: `/links/KEY` of a paper, `/paper` or `/link` of a row.
    static func link(at pointer: String, of draft: Draft) -> String? {
        switch draft {
        case .paper(let paper):
            guard pointer.hasPrefix("/links/") else { return nil }
            let key = pointer.dropFirst("/links/".count)
            return paper.links.first { $0.key == key }?.url
        case .dataset(let dataset):
            return pointer == "/paper" ? dataset.paper : pointer == "/link" ? dataset.link : nil
        }
    }

    /// An https address whose only characters a link must not hold are parentheses, each closed
    /// in order: Markdown reads it as one link destination.
    static func onlyBalancedParentheses(_ url: String) -> Bool {
        guard url.hasPrefix("https://") else { return false }
        var depth = 0
        for scalar in url.unicodeScalars {
            switch scalar {
            case "(": depth += 1
            case ")":
                depth -= 1
                if depth < 0 { return false }
            case "[", "]", "<", ">", "|", "{", "}", "^", "\"", "`", "\\": return false
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || scalar.properties.isWhitespace { return false }
            }
        }
        return depth == 0
    }

    static func holdsComment(_ text: String) -> Bool {
        var utf8 = text.utf8[...]
        while let open = utf8.firstIndex(of: UInt8(ascii: "<")) {
            utf8 = utf8[utf8.index(after: open)...]
            if utf8.starts(with: "!--".utf8) { return true }
        }
        return false
    }

    /// Where the field a schema finding names is written in the list.
    static func column(of pointer: String, in record: ListedEntry, entry: Entry?, context: RuleContext) -> (line: Int, column: Int) {
        let line = record.listing.lines.lowerBound
        let field = pointer.split(separator: "/").map(String.init)
        switch record.draft {
        case .paper:
            guard let entry else { return (line, paperRowColumn(of: field, line: line, context: context) ?? 1) }
            let start = (line, entry.indent.unicodeScalars.count + 1)
            switch field.first {
            case "title": return (line, entry.titleColumn)
            case "venue": return (line, venueColumn(of: entry, in: context.document))
            case "links":
                guard field.count > 1 else { return entry.links.first.map { ($0.line, $0.column) } ?? start }
                let link = entry.links.first { !$0.url.isEmpty && PaperDraft.Link.key(forLabel: $0.label) == field[1] }
                return link.map { ($0.line, $0.targetColumn) } ?? start
            default: return start
            }
        case .dataset:
            let row = context.view.tables.lazy.flatMap(\.rows).first { $0.line == line }
            guard let row, let key = field.first else { return (line, 1) }
            let links = context.links(onLine: line)
            func cellColumn(_ index: Int) -> Int {
                guard index < row.cells.count else { return 1 }
                return context.column(ofByte: row.cells[index].start, line: line)
            }
            guard let table = context.view.tables.first(where: { $0.lines.contains(line) }) else { return (line, 1) }
            let columns = DatasetColumn.columns(of: table.header)
            func linkColumn(inCell index: Int) -> Int {
                guard index < row.cells.count, let link = links.first(where: { $0.start >= row.cells[index].start && $0.end <= row.cells[index].end })
                else { return cellColumn(index) }
                return context.column(ofByte: link.targetStart + 1, line: line)
            }
            switch key {
            case "name": return (line, cellColumn(0))
            case "paper": return (line, linkColumn(inCell: 0))
            case "link": return (line, columns.firstIndex(of: .link).map(linkColumn(inCell:)) ?? 1)
            case "modality", "scale", "task":
                let column: DatasetColumn = key == "modality" ? .modality : key == "scale" ? .scale : .task
                return (line, columns.firstIndex(of: column).map(cellColumn) ?? 1)
            default: return (line, 1)
            }
        }
    }

    /// Where a paper table's row writes the field: its cell, or the target of the link.
    static func paperRowColumn(of field: [String], line: Int, context: RuleContext) -> Int? {
        guard let key = field.first, let table = context.view.tables.first(where: { $0.lines.contains(line) }),
              let paperTable = PaperTable(table, configuration: context.configuration),
              let row = table.rows.first(where: { $0.line == line }) else { return nil }
        let columns = paperTable.columns
        let index: Int?
        switch key {
        case "title": index = columns.firstIndex(of: .title)
        case "year", "date": index = columns.firstIndex(of: .date)
        case "venue": index = columns.firstIndex(of: .venue)
        case "authors": index = columns.firstIndex(of: .authors)
        case "links", "cells":
            let name = field.count > 1 ? field[1] : "paper"
            index = columns.indices.first { paperTable.key(ofColumn: $0) == name && columns[$0] != .title }
                ?? (name == "paper" ? columns.firstIndex(of: .title) : nil)
        default: index = nil
        }
        guard let index, index < row.cells.count else { return nil }
        let cell = row.cells[index]
        if key == "links", let link = context.links(onLine: line).first(where: { $0.start >= cell.start && $0.end <= cell.end }) {
            return context.column(ofByte: link.targetStart + 1, line: line)
        }
        return context.column(ofByte: cell.start, line: line)
    }

    /// The column of the entry's first character after its list marker: its `[Venue]`.
    static func venueColumn(of entry: Entry, in document: Document) -> Int {
        let text = document.lineText(entry.line).unicodeScalars
        var index = text.index(text.startIndex, offsetBy: min(text.count, entry.indent.unicodeScalars.count + entry.marker.unicodeScalars.count))
        while index < text.endIndex, text[index] == " " || text[index] == "\t" { index = text.index(after: index) }
        return text.distance(from: text.startIndex, to: index) + 1
    }
}
