/// The headings of a list, each with the entries its section holds itself: what categories are
/// read from, and matched against. Year headings (`#### 2024` under a topic) are year groups of
/// the heading above them, not headings of their own.
struct HeadingOutline: Sendable {
    struct Heading: Sendable {
        var blockIndex: Int
        var level: Int
        var text: String
        /// The enclosing heading (an index into `headings`).
        var parent: Int?
        /// One past the last heading inside this one's section.
        var end: Int
        /// List items with a link, paper cards and paper-table rows that stand in this heading's section,
        /// outside the sections of the headings inside it.
        var entries: Int
    }

    var headings: [Heading] = []

    init(_ document: Document) {
        var open: [Int] = []
        let blocks = document.blocks
        for (index, block) in blocks.enumerated() {
            switch block.kind {
            case .heading(let level, _):
                let text = document.headingTexts[block.lines.lowerBound] ?? ""
                while let top = open.last, headings[top].level >= level {
                    headings[top].end = headings.count
                    open.removeLast()
                }
                if ListViewBuilder.yearHeading(text) != nil && !open.isEmpty { continue }
                headings.append(Heading(blockIndex: index, level: level, text: text, parent: open.last, end: 0, entries: 0))
                open.append(headings.count - 1)
            case .item:
                // An item inside another item is part of that entry.
                guard let top = open.last, let list = block.parent, blocks[list].parent.map({ blocks[$0].kind != .item }) ?? true
                else { continue }
                if block.lines.contains(where: { document.lineBytes($0).containsSequence("](http".utf8) }) { headings[top].entries += 1 }
            case .paragraph where block.depth == 0:
                if let top = open.last, PaperCard.opens(block.lines, in: document) { headings[top].entries += 1 }
            case .table:
                // A paper table (a column holds the title): each body row is an entry.
                guard let top = open.last, let first = block.lines.first else { continue }
                let header = TableRow(line: first, cells: TableSplitter.cells(document.lineBytes(first)))
                if PaperColumn.columns(of: header) != nil { headings[top].entries += max(0, block.lines.count - 2) }
            default:
                continue
            }
        }
        for top in open { headings[top].end = headings.count }
    }
}

/// Which heading starts each category's section: the heading's text or one of the category's
/// aliases, or else the one heading that says the same in other words (case, punctuation,
/// plurals, extra words), which is then reported.
public struct CategoryHeadings: Sendable, Equatable {
    /// The category each heading starts, by the heading's block index.
    var keyOfHeading: [Int: String] = [:]
    /// The heading text found for a category that neither its heading nor an alias names.
    public var fuzzy: [String: String] = [:]
    /// The categories whose heading is not in the list, in the configuration's order.
    public var missing: [String] = []

    init(categories: [Configuration.Category], outline: HeadingOutline) {
        var exactly: Set<Int> = []
        var unmatched: [Configuration.Category] = []
        for category in categories {
            let names = [category.heading] + category.aliases
            let found = outline.headings.filter { heading in names.contains { ListViewBuilder.sameHeading($0, heading.text) } }
            for heading in found where keyOfHeading[heading.blockIndex] == nil { keyOfHeading[heading.blockIndex] = category.key }
            exactly.formUnion(found.map(\.blockIndex))
            if found.isEmpty { unmatched.append(category) }
        }
        for category in unmatched {
            let wanted = ([category.heading] + category.aliases).map(Self.words)
            var best: (heading: HeadingOutline.Heading, extra: Int)?
            for heading in outline.headings where !exactly.contains(heading.blockIndex) && keyOfHeading[heading.blockIndex] == nil {
                let words = Self.words(heading.text)
                guard let extra = wanted.compactMap({ Self.extraWords(words, beyond: $0) }).min() else { continue }
                if best == nil || (extra, -heading.entries) < (best!.extra, -best!.heading.entries) { best = (heading, extra) }
            }
            if let best {
                keyOfHeading[best.heading.blockIndex] = category.key
                fuzzy[category.key] = best.heading.text
            } else {
                missing.append(category.key)
            }
        }
    }

    /// The words of a heading as compared: lower case, without punctuation or emoji, singular.
    static func words(_ text: String) -> [String] {
        AnchorGenerator.slug(text).split(whereSeparator: { $0 == "-" || $0 == "_" }).map { word in
            word.count > 3 && word.hasSuffix("s") && !word.hasSuffix("ss") ? String(word.dropLast()) : String(word)
        }
    }

    /// How many words `heading` has beyond `wanted`, when it has every one of them (or a word
    /// that one of four letters or more begins: `data` for `datasets`); nil otherwise.
    static func extraWords(_ heading: [String], beyond wanted: [String]) -> Int? {
        guard !wanted.isEmpty else { return nil }
        for word in wanted {
            let found = heading.contains { $0 == word || (min($0.count, word.count) >= 4 && ($0.hasPrefix(word) || word.hasPrefix($0))) }
            if !found { return nil }
        }
        return heading.count - wanted.count
    }
}

extension Configuration {
    /// This configuration with its categories known for `document`: those it states; without
    /// any, the built-in ones in a list that has one of their headings, or else the headings
    /// whose sections hold entries.
    public func resolvingCategories(in document: Document) -> Configuration {
        categoriesFromList ? resolvingCategories(outline: HeadingOutline(document)) : self
    }

    func resolvingCategories(outline: HeadingOutline) -> Configuration {
        guard categoriesFromList else { return self }
        var configuration = self
        configuration.categoriesFromList = false
        let builtIn = CategoryHeadings(categories: categories, outline: outline)
        if builtIn.missing.count == categories.count {
            configuration.categories = Self.categories(readFrom: outline)
        }
        return configuration
    }

    /// A category for each heading whose section holds entries. A heading repeated under several
    /// parents (`### Healthcare Domain` under each modality) gives its parents instead; of a
    /// heading and the headings inside it that hold entries, the side holding more stays.
    static func categories(readFrom outline: HeadingOutline) -> [Category] {
        let headings = outline.headings
        var weight = headings.map(\.entries)
        var chosen = Set(headings.indices.filter { weight[$0] > 0 })
        let byText = Dictionary(grouping: chosen, by: { CategoryHeadings.words(headings[$0].text) })
        for group in byText.values where group.count > 1 {
            for k in group {
                guard let parent = headings[k].parent else { continue }
                chosen.remove(k)
                chosen.insert(parent)
                weight[parent] += weight[k]
            }
        }
        for k in chosen.sorted() {
            let inner = chosen.filter { $0 > k && $0 < headings[k].end }
            if inner.reduce(0, { $0 + weight[$1] }) > weight[k] { chosen.remove(k) }
        }
        let kept = chosen.sorted().filter { k in !chosen.contains { $0 < k && k < headings[$0].end } }
        var keys: Set<String> = []
        return kept.map { k in
            let base = Self.categoryKey(headings[k].text)
            var key = base, number = 1
            while !keys.insert(key).inserted {
                number += 1
                key = "\(base)-\(number)"
            }
            return Category(key: key, heading: headings[k].text.trimmingWhitespace())
        }
    }

    /// A short key for a heading, as `--category` takes it: its first three ASCII words in
    /// lower case, small words left out (`Fine-tuning General LLMs` is `fine-tuning-general`).
    static func categoryKey(_ heading: String) -> String {
        let small: Set<String> = ["a", "an", "and", "for", "in", "of", "on", "the", "to", "with", "by", "from"]
        let words = AnchorGenerator.slug(heading).split(separator: "-").map { word in
            String(word.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil) })
        }.filter { !$0.isEmpty }
        let meaningful = words.filter { !small.contains($0) }
        let key = (meaningful.isEmpty ? words : meaningful).prefix(3).joined(separator: "-")
        guard let first = key.unicodeScalars.first, first.properties.isAlphabetic else { return "section" + (key.isEmpty ? "" : "-" + key) }
        return key
    }
}
