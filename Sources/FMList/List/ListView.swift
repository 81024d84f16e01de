import Glibc

/// The list's vocabulary read from a Document: sections and categories, year groups, entries,
/// tables and the table of contents, each with its lines.
public struct ListView: Sendable {
    public let document: Document
    public let configuration: Configuration
    public let sections: [Section]
    public let yearGroups: [YearGroup]
    public let entries: [Entry]
    public let tables: [Table]
    public let tablesOfContents: [TableOfContents]
    /// How the list writes itself: year order, label form, emphasis.
    public let conventions: ListConventions
    /// The heading each category was found under, and the categories whose heading is missing.
    public let categoryHeadings: CategoryHeadings
    /// Fragments that HTML in the list defines itself: `<div id="intro">`, `<a name="top">`.
    public let htmlAnchors: Set<String>
    /// The links of each line outside code blocks (index 0 is line 1), read once for the entries
    /// and the rules.
    public let linksByLine: [[InlineLink]]
    /// What each line lies in that Markdown rules leave alone (index 0 is line 1).
    public let verbatim: [Verbatim]
    /// The parts a script writes (`<!-- PAPERS:BEGIN -->` … `<!-- PAPERS:END -->`).
    public let generatedRegions: [GeneratedRegion]

    public enum Verbatim: UInt8, Sendable {
        case none, code, html
    }

    /// With `conventions`, a part of a list is read with the whole list's conventions, not
    /// with those the part alone would show.
    /// Categories that `configuration` leaves to the list are read from its headings first.
    public init(document: Document, configuration: Configuration, conventions: ListConventions? = nil) {
        self.document = document
        let outline = HeadingOutline(document)
        let configuration = configuration.resolvingCategories(outline: outline)
        self.configuration = configuration
        categoryHeadings = CategoryHeadings(categories: configuration.categories, outline: outline)
        verbatim = Self.verbatimLines(of: document)
        generatedRegions = GeneratedRegion.all(in: document)
        linksByLine = Self.links(of: document, verbatim: verbatim)
        var builder = ListViewBuilder(document: document, configuration: configuration, linksByLine: linksByLine,
                                      categoryOfHeading: categoryHeadings.keyOfHeading)
        builder.build()
        sections = builder.sections
        yearGroups = builder.yearGroups
        entries = builder.entries
        tables = builder.tables
        tablesOfContents = builder.tablesOfContents
        htmlAnchors = builder.htmlAnchors
        self.conventions = conventions ?? ListConventions.read(entries: entries, yearGroups: yearGroups, configuration: configuration)
    }

    /// The generated region that holds `line`, if any.
    public func generatedRegion(holding line: Int) -> GeneratedRegion? {
        generatedRegions.first { $0.lines.contains(line) }
    }

    private static func verbatimLines(of document: Document) -> [Verbatim] {
        var lines = [Verbatim](repeating: .none, count: document.lines.count)
        for block in document.blocks {
            let kind: Verbatim
            switch block.kind {
            case .codeBlock: kind = .code
            case .htmlBlock: kind = .html
            default: continue
            }
            for line in block.lines { lines[line - 1] = kind }
        }
        return lines
    }

    private static func links(of document: Document, verbatim: [Verbatim]) -> [[InlineLink]] {
        var links = parallelArray(count: document.lines.count, minimumPiece: 2048) { index -> [InlineLink] in
            let bytes = document.lineBytes(index + 1)
            // Most lines have no link at all: look for "](" before scanning.
            guard verbatim[index] != .code, bytes.count > 3, bytes.containsSequence("](".utf8) else { return [] }
            return InlineLinkScanner.links(in: bytes)
        }
        dropLinksInInlineComments(&links, of: document, verbatim: verbatim)
        return links
    }

    /// Removes the links inside HTML comments in a paragraph or an item (`text <!-- [[Code]]() -->`,
    /// also when the comment goes on over the next lines of the paragraph): GitHub shows nothing
    /// of a comment, so they are not links. A comment that starts a block is an HTML block, whose
    /// lines are verbatim already; a comment left open at the end of its paragraph is text.
    private static func dropLinksInInlineComments(_ links: inout [[InlineLink]], of document: Document, verbatim: [Verbatim]) {
        let count = document.lines.count
        var line = 1
        while line <= count {
            guard verbatim[line - 1] == .none, document.lineBytes(line).containsSequence("<!--".utf8) else {
                line += 1
                continue
            }
            // Walk the paragraph from here, pairing each "<!--" with the next "-->".
            var current = line
            var from = 0
            var opened: (line: Int, offset: Int)?
            while current <= count {
                let bytes = Array(document.lineBytes(current))
                if let start = opened {
                    if let close = bytes.firstOffset(of: "-->", from: from) {
                        for hidden in start.line...current {
                            let lower = hidden == start.line ? start.offset : 0
                            let upper = hidden == current ? close + 3 : Int.max
                            links[hidden - 1].removeAll { $0.start >= lower && $0.start < upper }
                        }
                        opened = nil
                        from = close + 3
                        continue
                    }
                } else if let open = bytes.firstOffset(of: "<!--", from: from) {
                    opened = (current, open)
                    from = open + 4
                    continue
                }
                guard opened != nil, current < count, continuesParagraph(current + 1, of: document, verbatim: verbatim) else { break }
                current += 1
                from = 0
            }
            line = current + 1
        }
    }

    /// Whether line `line` can go on with the paragraph above: it is not blank, not verbatim, and
    /// does not start a list item, a heading or a table row.
    private static func continuesParagraph(_ line: Int, of document: Document, verbatim: [Verbatim]) -> Bool {
        guard verbatim[line - 1] == .none else { return false }
        let text = document.lineBytes(line).trimmingSpacesAndTabs()
        guard let first = text.first else { return false }
        if first == UInt8(ascii: "#") || first == UInt8(ascii: "|") || first == UInt8(ascii: ">") { return false }
        if first == UInt8(ascii: "-") || first == UInt8(ascii: "*") || first == UInt8(ascii: "+") {
            return text.count > 1 && text[text.startIndex + 1] != Byte.space && text[text.startIndex + 1] != Byte.tab
        }
        var digits = text.prefix { $0 >= 0x30 && $0 <= 0x39 }.count
        if digits > 0 && digits < text.count {
            let after = text[text.startIndex + digits]
            if after == UInt8(ascii: ".") || after == UInt8(ascii: ")") { digits = -1 }
        }
        return digits != -1
    }

    /// The section that holds a category's entries.
    /// When the heading is there more than once (an empty copy left above the real one), the
    /// one whose section holds the most entries and year groups; the first on a tie.
    public func section(forCategory key: String) -> Int? {
        let candidates = sections.indices.filter { categoryHeadings.keyOfHeading[sections[$0].blockIndex] == key }
        guard candidates.count > 1 else { return candidates.first }
        var weight: [Int: Int] = [:]
        for entry in entries { if let section = entry.section, candidates.contains(section) { weight[section, default: 0] += 1 } }
        for group in yearGroups { if let section = group.section, candidates.contains(section) { weight[section, default: 0] += 1 } }
        return candidates.max { (weight[$0] ?? 0, -$0) < (weight[$1] ?? 0, -$1) }
    }

    /// For each line (index `line`, up to one past the last), the innermost section that
    /// contains it: `section(containing:)` for every line at once.
    public func innermostSections() -> [Int?] {
        var owners = [Int?](repeating: nil, count: document.lines.count + 2)
        // Sections come in the order of their headings: an inner one overwrites its parent.
        for (index, section) in sections.enumerated() {
            for line in section.lines where line < owners.count { owners[line] = index }
        }
        return owners
    }

    /// The innermost section that contains `line`.
    public func section(containing line: Int) -> Int? {
        var best: Int?
        for (index, section) in sections.enumerated() where section.lines.contains(line) {
            if best == nil || sections[best!].level < section.level { best = index }
        }
        return best
    }
}

struct ListViewBuilder {
    let document: Document
    let configuration: Configuration
    var sections: [Section] = []
    var yearGroups: [YearGroup] = []
    var entries: [Entry] = []
    var tables: [Table] = []
    var tablesOfContents: [TableOfContents] = []
    var htmlAnchors: Set<String> = []

    private var anchors = AnchorGenerator()
    /// Open sections, innermost last.
    private var sectionStack: [Int] = []
    /// The category section in force and its key.
    private var categorySection: Int?
    private var categoryKey: String?
    private var categoryKind: Configuration.CategoryKind = .papers
    private var currentYearGroup: Int?
    private let labelWords: Set<String>
    private let linksByLine: [[InlineLink]]
    private let categoryOfHeading: [Int: String]

    init(document: Document, configuration: Configuration, linksByLine: [[InlineLink]], categoryOfHeading: [Int: String]) {
        self.document = document
        self.configuration = configuration
        self.linksByLine = linksByLine
        self.categoryOfHeading = categoryOfHeading
        labelWords = Set(configuration.labels.keys).union(["paper", "code", "project", "dataset", "pdf", "blog",
                                                           "model", "huggingface", "website", "demo", "slides"])
    }

    static func sameHeading(_ a: String, _ b: String) -> Bool {
        a.trimmingWhitespace().lowercased() == b.trimmingWhitespace().lowercased()
    }

    mutating func build() {
        let blocks = document.blocks
        var index = 0
        while index < blocks.count {
            let block = blocks[index]
            switch block.kind {
            case .heading(let level, _):
                heading(index, level: level)
            case .paragraph:
                paragraph(index)
            case .item:
                if categoryKey != nil && categoryKind == .papers { item(index) }
            case .table:
                table(index)
            case .list:
                if block.depth == 0, let toc = tableOfContents(index) { tablesOfContents.append(toc) }
            case .htmlBlock:
                for line in block.lines { collectHTMLAnchors(line) }
            default:
                break
            }
            index += 1
        }
        parseEntries()
        closeRanges()
    }

    // MARK: Headings and sections

    private mutating func heading(_ index: Int, level: Int) {
        let block = document.blocks[index]
        let text = document.headingTexts[block.lines.lowerBound] ?? ""
        let anchor = anchors.anchor(for: text)
        while let top = sectionStack.last, sections[top].level >= level { sectionStack.removeLast() }
        collectHTMLAnchors(block.lines.lowerBound)
        if let year = Self.yearHeading(text), let category = categorySection, sections[category].level < level {
            sections.append(Section(blockIndex: index, level: level, text: text, anchor: anchor,
                                    lines: block.lines, parent: sectionStack.last, category: categoryKey))
            sectionStack.append(sections.count - 1)
            addYearGroup(year: year, line: block.lines.lowerBound, style: .heading, renders: true,
                         column: block.column)
            return
        }
        if let category = categorySection, sections[category].level >= level {
            categorySection = nil
            categoryKey = nil
        }
        if categorySection == nil, let key = categoryOfHeading[index], let match = configuration.category(key) {
            categorySection = sections.count
            categoryKey = match.key
            categoryKind = match.kind
        }
        currentYearGroup = nil
        sections.append(Section(blockIndex: index, level: level, text: text, anchor: anchor, lines: block.lines,
                                parent: sectionStack.last, category: categoryKey))
        sectionStack.append(sections.count - 1)
    }

    static func yearHeading(_ text: String) -> Int? {
        let trimmed = text.trimmingWhitespace()
        guard trimmed.utf8.count == 4, let year = Int(trimmed), year >= 1000 else { return nil }
        return year
    }

    // MARK: Year markers

    private mutating func paragraph(_ index: Int) {
        let block = document.blocks[index]
        if categoryKey != nil, categoryKind == .papers, block.depth == 0, PaperCard.opens(block.lines, in: document) {
            pendingEntries.append(PendingEntry(blockIndex: index, lines: block.lines, paragraphLines: block.lines, hasChildren: false,
                                               nesting: 0, section: categorySection, category: categoryKey,
                                               yearGroup: currentYearGroup, isCard: true))
            return
        }
        for line in block.lines {
            collectHTMLAnchors(line)
            if let (year, column) = boldYear(line) {
                addYearGroup(year: year, line: line, style: .bold, renders: line == block.lines.lowerBound, column: column)
            } else if let (venue, year, column) = boldVenueYear(line) {
                addYearGroup(year: year, line: line, style: .bold, renders: line == block.lines.lowerBound, column: column)
                yearGroups[yearGroups.count - 1].venue = venue
            }
        }
    }

    /// `**AAAI'26**` alone on a line: a venue's group of papers of 2026, with the column of its
    /// first character. The venue is letters, digits, spaces and `-`, starting with a letter.
    private func boldVenueYear(_ line: Int) -> (String, Int, Int)? {
        let bytes = document.lineBytes(line)
        guard bytes.count >= 8 && bytes.count <= 60, bytes.contains(UInt8(ascii: "'")) else { return nil }
        let b = bytes.trimmingSpacesAndTabs()
        let text = String(decoding: b, as: UTF8.self)
        guard text.hasPrefix("**"), text.hasSuffix("**"), text.count > 8 else { return nil }
        let inside = text.dropFirst(2).dropLast(2)
        guard let apostrophe = inside.lastIndex(of: "'") else { return nil }
        let venue = inside[..<apostrophe], digits = inside[inside.index(after: apostrophe)...]
        guard digits.count == 2, let year = Int(digits), let first = venue.first, first.isLetter,
              venue.allSatisfy({ $0.isLetter || $0.isNumber || $0 == " " || $0 == "-" }) else { return nil }
        return (String(venue), 2000 + year, b.startIndex - bytes.startIndex + 1)
    }

    /// `**2024**` (or `__2024__`) alone on a line, with the column of its first character.
    private func boldYear(_ line: Int) -> (Int, Int)? {
        let bytes = document.lineBytes(line)
        guard bytes.count >= 8 && bytes.count <= 40 else { return nil }
        let b = bytes.trimmingSpacesAndTabs()
        guard b.count == 8 else { return nil }
        let s = b.startIndex
        let delimiter = b[s]
        guard delimiter == UInt8(ascii: "*") || delimiter == UInt8(ascii: "_"),
              b[s + 1] == delimiter, b[s + 6] == delimiter, b[s + 7] == delimiter else { return nil }
        var year = 0
        for k in 2..<6 {
            let digit = b[s + k]
            guard digit >= 0x30 && digit <= 0x39 else { return nil }
            year = year * 10 + Int(digit - 0x30)
        }
        return (year, s - bytes.startIndex + 1)
    }

    /// Records the values of `id` and `name` attributes on a line that holds HTML.
    private mutating func collectHTMLAnchors(_ line: Int) {
        let bytes = document.lineBytes(line)
        // Every line of every paragraph comes here; few hold a tag.
        guard !bytes.isEmpty, bytes.withUnsafeBufferPointer({ $0.firstOffset(of: UInt8(ascii: "<")) != nil }),
              bytes.contains(UInt8(ascii: "=")) else { return }
        let text = String(decoding: bytes, as: UTF8.self)
        for attribute in [" id=", " name="] {
            var rest = text[...]
            while let found = rest.range(of: attribute) {
                rest = rest[found.upperBound...]
                guard let quote = rest.first, quote == "\"" || quote == "'" else { continue }
                let value = rest.dropFirst().prefix { $0 != quote }
                if !value.isEmpty { htmlAnchors.insert(String(value)) }
            }
        }
    }

    private mutating func addYearGroup(year: Int, line: Int, style: Configuration.YearMarkerStyle, renders: Bool, column: Int) {
        yearGroups.append(YearGroup(year: year, line: line, lines: line...line, section: categorySection,
                                    style: style, rendersAsMarker: renders, column: column))
        currentYearGroup = yearGroups.count - 1
    }

    // MARK: Entries

    private mutating func item(_ index: Int) {
        let blocks = document.blocks
        let block = blocks[index]
        // The inner item of `- - text` starts on its parent item's line: it is the same entry.
        if let parent = block.parent, let grand = blocks[parent].parent, blocks[grand].kind == .item,
           blocks[grand].lines.lowerBound == block.lines.lowerBound { return }
        let firstLine = block.lines.lowerBound
        var nesting = 0
        var ancestor = block.parent
        while let a = ancestor {
            if blocks[a].kind == .item { nesting += 1 }
            ancestor = blocks[a].parent
        }
        let paragraphLines: ClosedRange<Int>
        if index + 1 < block.subtreeEnd, blocks[index + 1].kind == .paragraph,
           blocks[index + 1].lines.lowerBound == firstLine {
            paragraphLines = blocks[index + 1].lines
        } else {
            paragraphLines = firstLine...firstLine
        }
        var hasChildren = false
        var child = index + 1
        while child < block.subtreeEnd && !hasChildren {
            hasChildren = blocks[child].kind != .paragraph
            child = blocks[child].subtreeEnd
        }
        // Items come before their paragraphs in document order, so a year marker that GitHub
        // shows inside this item's text is seen after the item and starts the next group.
        pendingEntries.append(PendingEntry(blockIndex: index, lines: block.lines, paragraphLines: paragraphLines,
                                           hasChildren: hasChildren, nesting: nesting, section: categorySection,
                                           category: categoryKey, yearGroup: currentYearGroup))
    }

    /// An item whose place is known and whose text is read later, on all cores.
    private struct PendingEntry: Sendable {
        var blockIndex: Int
        var lines: ClosedRange<Int>
        var paragraphLines: ClosedRange<Int>
        var hasChildren: Bool
        var nesting: Int
        var section: Int?
        var category: String?
        var yearGroup: Int?
        var isCard = false
    }
    private var pendingEntries: [PendingEntry] = []

    private mutating func parseEntries() {
        let pending = pendingEntries, document = document, labelWords = labelWords, links = linksByLine
        entries = parallelArray(count: pending.count) { k in
            let item = pending[k]
            var entry = EntryParser.parse(document: document, lines: item.paragraphLines, links: links,
                                          labelWords: labelWords, hasChildren: item.hasChildren)
            entry.blockIndex = item.blockIndex
            entry.lines = item.lines
            entry.nesting = item.nesting
            entry.section = item.section
            entry.category = item.category
            entry.yearGroup = item.yearGroup
            if item.isCard, let title = PaperCard.title(ofFirstLine: document.lineBytes(item.lines.lowerBound)) {
                // The card's other lines are fields, not the title's; its venue is one of them.
                entry.isCard = true
                entry.title = title.title
                entry.titleColumn = title.column
                entry.venue = nil
                entry.shape = entry.links.isEmpty ? .unparsed : .entry
            }
            return entry
        }
        pendingEntries = []
    }

    // MARK: Tables

    private mutating func table(_ index: Int) {
        let block = document.blocks[index]
        var rows: [TableRow] = []
        rows.reserveCapacity(block.lines.count)
        for line in block.lines {
            rows.append(TableRow(line: line, cells: TableSplitter.cells(document.lineBytes(line))))
        }
        tables.append(Table(blockIndex: index, lines: block.lines, section: sectionStack.last,
                            category: categoryKey, rows: rows))
    }

    // MARK: Table of contents

    /// A list is a table of contents when every item starts with a link to `#fragment`.
    private func tableOfContents(_ index: Int) -> TableOfContents? {
        let blocks = document.blocks
        var items: [TableOfContents.Item] = []
        var itemOfBlock: [Int: Int] = [:]
        for k in (index + 1)..<blocks[index].subtreeEnd where blocks[k].kind == .item {
            let line = blocks[k].lines.lowerBound
            if items.last?.line == line {  // `- - [x](#x)`: one item on one line
                items[items.count - 1].doubled = true
                continue
            }
            let bytes = document.lineBytes(line)
            let links = InlineLinkScanner.links(in: bytes)
            guard let link = links.first, link.target.hasPrefix("#"), !link.isImage else { return nil }
            let before = bytes.prefix(link.start)
            guard before.allSatisfy({ [Byte.space, Byte.tab, 0x2D, 0x2A, 0x2B].contains($0) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E }) else {
                return nil
            }
            // The nearest enclosing item of this list (the bullet of a `- - [x]` line counts as
            // the item of that line).
            var parent: Int?
            var ancestor = blocks[k].parent
            while let a = ancestor, a != index, parent == nil {
                if blocks[a].kind == .item { parent = itemOfBlock[a] }
                ancestor = blocks[a].parent
            }
            itemOfBlock[k] = items.count
            var lastLine = blocks[k].lines.upperBound
            while lastLine > line && document.lineBytes(lastLine).trimmingSpacesAndTabs().isEmpty { lastLine -= 1 }
            items.append(.init(text: link.text, fragment: String(link.target.dropFirst()), line: line,
                               column: Column.of(byteOffset: link.start, in: bytes),
                               targetColumn: Column.of(byteOffset: link.targetStart + 1, in: bytes),
                               parent: parent, lastLine: lastLine))
        }
        guard items.count >= 2 else { return nil }
        return TableOfContents(blockIndex: index, lines: blocks[index].lines, items: items)
    }

    // MARK: Ranges

    private mutating func closeRanges() {
        let lastLine = document.lines.count
        for k in sections.indices {
            var end = lastLine
            for j in (k + 1)..<sections.count where sections[j].level <= sections[k].level {
                end = sections[j].lines.lowerBound - 1
                break
            }
            sections[k].lines = sections[k].lines.lowerBound...max(end, sections[k].lines.lowerBound)
        }
        for k in yearGroups.indices {
            var end = yearGroups[k].section.map { sections[$0].lines.upperBound } ?? lastLine
            if k + 1 < yearGroups.count, yearGroups[k + 1].section == yearGroups[k].section {
                end = min(end, yearGroups[k + 1].line - 1)
            }
            if let section = yearGroups[k].section {
                // A later heading inside the category (not a year heading) also ends the group.
                for s in (section + 1)..<sections.count where sections[s].lines.lowerBound > yearGroups[k].line {
                    if sections[s].lines.lowerBound <= end && Self.yearHeading(sections[s].text) == nil {
                        end = sections[s].lines.lowerBound - 1
                    }
                    break
                }
            }
            yearGroups[k].lines = yearGroups[k].line...max(end, yearGroups[k].line)
        }
    }
}
