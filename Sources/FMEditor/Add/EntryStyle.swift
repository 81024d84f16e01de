import FMList
import FMRules

/// How a list writes its entries, learnt from the entries around the place a new one goes.
public struct EntryStyle: Sendable {
    public var indent: String
    public var marker: String
    /// What stands between the marker and the text: `" "`, or `"   "` in a list that aligns its
    /// text on four columns (`-   Title.`).
    public var markerGap = " "
    /// Label spelling by key: `paper` → `Paper`.
    public var labels: [String: String]
    /// What stands between two links.
    public var separator: String
    /// Whether titles end with a period, as most of the category's do.
    public var titlesEndWithPeriod: Bool
    /// Whether a one-line entry ends with a period after its links (`[[pdf]](u).`), as most of
    /// the heading's do.
    public var periodAfterLinks = false
    /// How the title is written, as most entries of the heading write theirs: in bold, and then
    /// with the year and the authors after it (`**Title** (2017), A. Author et al.`).
    public var titleInBold = false, yearAfterTitle = false, authorsAfterYear = false
    /// How a link is written: `[[Paper]](u)`, `[[paper](u)]` or `[paper](u)`, as the section writes them.
    public var labelForm: ListConventions.LabelForm = .doubleBracket
    /// The label the list gives the paper's link, when it is not `paper` (`pdf`).
    public var paperLabel: String?
    /// The label the list gives the code's link, when it is not `code` (`GitHub`).
    public var codeLabel: String?
    /// Whether a label the list does not have yet is capitalised (`[[Code-torch]]`), as most of
    /// the list's are; a list of lower-case labels gets `[[code-torch]]`.
    public var capitalisesLabels = true
    /// For a list whose entries take several lines, how they are laid out; nil for one line.
    public var layout: Layout?
    /// For a list of paper cards (`PaperCard`), how it writes them; nil for a list item.
    public var card: CardForm?

    /// How a list writes its paper cards.
    public struct CardForm: Sendable, Equatable {
        /// What ends each line: `<br>`, `<br/>`.
        public var lineBreak = "<br>"
        /// Whether a card without authors says so (`*none*`), as some of the list's do.
        public var namesNoAuthors = false
        /// The blank lines between two cards.
        public var blankLines = 1
    }

    /// An entry of several lines: the title alone on the item's first line, the links below it
    /// (each on a line of its own, or together), then the authors and the venue in an item of
    /// their own: `-   Title.` / `    [[pdf]](u)` / `    -   A. Author. *ICML 2019*`.
    public struct Layout: Sendable, Equatable {
        /// The white space before a line of links, after the item's own indent.
        public var continuationIndent: String
        public var linkPerLine: Bool
        /// The indent (after the item's own), marker and gap of the authors item, when the list
        /// writes one.
        public var bylinePrefix: String?
        /// Whether the venue is written at the end of the authors item (`*ICML 2019*`) rather
        /// than before the title.
        public var venueInByline: Bool
        /// The stars around a venue there: `*ICML 2019*` or `**ICML 2019**`.
        public var venueStars = 1
        /// Whether the authors end with a period before that venue (`A. Author. *ICML 2019*`).
        public var periodAfterAuthors = false
    }

    public static func learn(from view: ListView, category: String, near neighbour: Entry?) -> EntryStyle {
        ListFacts(view: view).learn(category: category, section: neighbour?.section, near: neighbour)
    }

    /// What the style of every entry of a list draws on, read once for many entries.
    struct ListFacts: Sendable {
        let labels: [String: String]
        /// Per section, the spelling it has settled on: a section that writes `[[paper]]` keeps
        /// it, though the list at large writes `[[Paper]]`.
        let sectionLabels: [Int: [String: String]]
        let separators: LinkSpacingRule.Separators
        /// Per heading (the innermost one over the entries), what its entries do; per category,
        /// and over the whole list, for a heading with no entries yet.
        let headings: [Int: Tally]
        let categoryTallies: [String: Tally]
        let listTally: Tally
        /// For each line of the list, the innermost heading over it.
        let headingOfLine: [Int?]
        /// The stars around the venues of the list's authors items, counted over all its headings.
        let venueStars: [Int: Int]
        let conventions: ListConventions
        let document: Document
        let capitalisesLabels: Bool
        /// The list's entries in line order, to find the entry an item belongs to.
        let entries: [Entry]
        /// Whether a card of the list writes `*none*` for its authors, and whether most of its
        /// entries are cards.
        let cardsNameNoAuthors: Bool, mostlyCards: Bool

        /// What the entries of one part of the list do, counted.
        struct Tally: Sendable {
            var entries = 0, withPeriod = 0, multiLine = 0, linksSharingALine = 0, bylines = 0, bylineVenues = 0, tagVenues = 0
            var boldTitles = 0, yearsAfterTitle = 0, authorsAfterYear = 0
            /// Paper cards, the line breaks that end their first lines, and the blank lines
            /// between two cards that follow each other.
            var cards = 0, cardBreaks: [String: Int] = [:], cardGaps: [String: Int] = [:]
            /// Authors items with authors and a venue, and those whose authors end with a period.
            var authorsBeforeVenue = 0, periodsAfterAuthors = 0
            /// One-line entries whose line ends with a period after their last link.
            var periodsAfterLinks = 0
            var spellings: [String: [String: Int]] = [:]
            var separators: [String: Int] = [:]
            /// The white space after the marker, before a continuation line and before the
            /// authors item's text (its indent, marker and gap), counted.
            var gaps: [String: Int] = [:], continuations: [String: Int] = [:], bylinePrefixes: [String: Int] = [:]
            /// The stars around the venues of authors items (`*ICML 2019*` or `**ICML 2019**`), counted.
            var venueStars: [Int: Int] = [:]
            /// The white space before the marker, counted.
            var indents: [String: Int] = [:]
            var lastOneLine: Entry?, lastMultiLine: Entry?

            /// The text most of `counts` have; a tie goes to `preferred`.
            static func most(_ counts: [String: Int], preferring preferred: String?) -> String? {
                counts.max { ($0.value, $0.key == preferred ? 1 : 0, $1.key) < ($1.value, $1.key == preferred ? 1 : 0, $0.key) }?.key
            }

            var periods: Bool? { entries == 0 ? nil : withPeriod * 2 >= entries }
            var writesSeveralLines: Bool { multiLine * 2 > entries }

            /// Each key's spelling that more than half of its labels here have.
            var labels: [String: String] {
                spellings.compactMapValues { counts in
                    let total = counts.values.reduce(0, +)
                    guard let best = counts.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }), best.value * 2 > total else { return nil }
                    return best.key
                }
            }

            var separator: String? {
                separators.max { ($0.value, $0.key == " " ? 1 : 0) < ($1.value, $1.key == " " ? 1 : 0) }?.key
            }
        }

        init(view: ListView) {
            conventions = view.conventions
            document = view.document
            labels = MixedLabelCaseRule.canonicalLabels(in: view)
            let firstLetters = labels.values.compactMap { $0.first(where: \.isLetter) }
            capitalisesLabels = firstLetters.filter(\.isUppercase).count * 2 >= firstLetters.count
            // A year heading (`#### 2021`) is a section too: a list may change its style from year to year.
            headingOfLine = view.innermostSections()
            sectionLabels = MixedLabelCaseRule.settledLabels(in: view, innermost: headingOfLine)
            separators = LinkSpacingRule.Separators(view: view, innermost: headingOfLine)
            var headings: [Int: Tally] = [:]
            var categoryTallies: [String: Tally] = [:]
            var listTally = Tally()
            var previousCard: (entry: Entry, heading: Int?)?
            for entry in view.entries where entry.shape == .entry {
                guard let category = entry.category else { continue }
                let period = entry.title?.hasSuffix(".") == true
                let tallied = Self.tally(entry, period: period, in: view.document)
                let heading = entry.line < headingOfLine.count ? headingOfLine[entry.line] : nil
                if let heading { tallied(&headings[heading, default: Tally()]) }
                tallied(&categoryTallies[category, default: Tally()])
                tallied(&listTally)
                if entry.isCard, let heading, let previous = previousCard, previous.heading == heading,
                   let blanks = Self.blankLines(between: previous.entry, and: entry, in: view.document) {
                    headings[heading]?.cardGaps[String(blanks), default: 0] += 1
                }
                previousCard = entry.isCard ? (entry, heading) : nil
            }
            self.headings = headings
            self.categoryTallies = categoryTallies
            self.listTally = listTally
            venueStars = headings.values.reduce(into: [:]) { all, tally in all.merge(tally.venueStars, uniquingKeysWith: +) }
            entries = view.entries.filter { $0.shape == .entry }
            mostlyCards = entries.count { $0.isCard } * 2 > entries.count
            cardsNameNoAuthors = entries.contains { PaperCard.of($0, in: view.document)?.namesNoAuthors == true }
        }

        /// The blank lines between two entries with nothing else between them; nil when something is.
        static func blankLines(between first: Entry, and second: Entry, in document: Document) -> Int? {
            var last = first.lines.upperBound
            while last > first.line && document.isBlank(last) { last -= 1 }
            guard second.line > last else { return nil }
            let between = (last + 1)..<second.line
            return between.allSatisfy(document.isBlank) ? between.count : nil
        }

        /// The entry whose item holds `item`: the entry itself, or for an item nested in one (its
        /// authors item, `  - A. Author. *CVPR 2019*`), that entry.
        func owner(of item: Entry) -> Entry {
            guard item.shape != .entry else { return item }
            var low = 0, high = entries.count
            while low < high {
                let middle = (low + high) / 2
                if entries[middle].line <= item.line { low = middle + 1 } else { high = middle }
            }
            guard low > 0, entries[low - 1].lines.contains(item.line) else { return item }
            return entries[low - 1]
        }

        /// What `entry` adds to a tally.
        private static func tally(_ entry: Entry, period: Bool, in document: Document) -> (inout Tally) -> Void {
            let multiLine = !entry.links.isEmpty && entry.links.allSatisfy { $0.line > entry.line }
            let shareALine = Set(entry.links.map(\.line)).count < entry.links.count
            let byline = multiLine ? Self.byline(of: entry, in: document) : nil
            let gap = Self.markerGap(of: entry, in: document)
            let bold = entry.title.flatMap(BoldTitle.parse)
            let periodAfterLinks = !multiLine && entry.links.last.map { last in
                document.lineText(entry.line).trimmingWhitespace().hasSuffix(last.url + ").")
            } == true
            let continuation = multiLine ? entry.links.first.flatMap { Self.relative(Self.leadingBlanks(of: $0.line, in: document), to: entry) } : nil
            let firstLine = entry.isCard ? document.lineText(entry.line).trimmingWhitespace() : ""
            let cardBreak = entry.isCard ? PaperCard.lineBreaks.first { firstLine.hasSuffix($0) } : nil
            return { tally in
                if entry.isCard { tally.cards += 1 }
                if let cardBreak { tally.cardBreaks[cardBreak, default: 0] += 1 }
                tally.indents[entry.indent, default: 0] += 1
                if let gap { tally.gaps[gap, default: 0] += 1 }
                if let continuation { tally.continuations[continuation, default: 0] += 1 }
                if let prefix = byline.flatMap({ Self.relative($0.prefix, to: entry) }) { tally.bylinePrefixes[prefix, default: 0] += 1 }
                if let stars = byline?.byline?.stars, stars > 0 { tally.venueStars[stars, default: 0] += 1 }
                if let found = byline?.byline, let authors = found.authors, found.venue != nil {
                    tally.authorsBeforeVenue += 1
                    if authors.hasSuffix(".") { tally.periodsAfterAuthors += 1 }
                }
                tally.entries += 1
                if period { tally.withPeriod += 1 }
                if periodAfterLinks { tally.periodsAfterLinks += 1 }
                if let bold {
                    tally.boldTitles += 1
                    if bold.year != nil { tally.yearsAfterTitle += 1 }
                    if bold.authors != nil { tally.authorsAfterYear += 1 }
                }
                if multiLine {
                    tally.multiLine += 1
                    if shareALine { tally.linksSharingALine += 1 }
                    tally.lastMultiLine = entry
                } else {
                    tally.lastOneLine = entry
                }
                if byline != nil { tally.bylines += 1 }
                if byline?.byline?.venue != nil { tally.bylineVenues += 1 }
                if entry.venue != nil { tally.tagVenues += 1 }
                for link in entry.links { tally.spellings[link.label.lowercased(), default: [:]][link.label, default: 0] += 1 }
                if let separator = entry.linkSeparator, LinkSpacingRule.counts(separator) {
                    tally.separators[separator, default: 0] += 1
                }
            }
        }

        /// The spaces between an entry's marker and its text.
        static func markerGap(of entry: Entry, in document: Document) -> String? {
            let bytes = document.lineBytes(entry.line)
            guard let marker = EntryParser.marker(in: bytes[...]) else { return nil }
            let gap = bytes.dropFirst(marker.indent.utf8.count + marker.marker.utf8.count).prefix { $0 == Byte.space }
            return gap.isEmpty ? nil : String(decoding: gap, as: UTF8.self)
        }

        /// A line's leading text after `entry`'s indent: spacing that holds for an item at any indent.
        static func relative(_ prefix: String, to entry: Entry) -> String? {
            prefix.hasPrefix(entry.indent) ? String(prefix.dropFirst(entry.indent.count)) : nil
        }

        static func leadingBlanks(of line: Int, in document: Document) -> String {
            String(decoding: document.lineBytes(line).prefix { Byte.isBlank($0) }, as: UTF8.self)
        }

        /// The authors item of an entry and its indent, marker and gap.
        static func byline(of entry: Entry, in document: Document) -> (prefix: String, byline: Byline?)? {
            for line in entry.lines.dropFirst() where !document.isBlank(line) {
                let bytes = document.lineBytes(line)
                guard let marker = EntryParser.marker(in: bytes[...]), marker.indent.count > entry.indent.count else { continue }
                let text = String(decoding: bytes.dropFirst(marker.contentStart), as: UTF8.self)
                guard !text.contains("](") else { return nil }
                return (String(decoding: bytes.prefix(marker.contentStart), as: UTF8.self), Byline.parse(text.trimmingWhitespace()))
            }
            return nil
        }

        /// `next`, when given, is the entry the new one goes before, `neighbour` the one it follows.
        func learn(category: String, section: Int?, near item: Entry?, before next: Entry? = nil) -> EntryStyle {
            let neighbour = item.map(owner(of:))
            let heading = neighbour.flatMap { $0.line < headingOfLine.count ? headingOfLine[$0.line] : nil }
            // A heading with no entries yet writes as its category does; an empty category, as the list.
            let local = [heading.flatMap { headings[$0] }, categoryTallies[category], listTally].lazy
                .compactMap { $0 }.first { $0.entries > 0 } ?? Tally()
            // The list's spelling, then its section's, as `mixed-label-case` holds `[[Label]](u)`
            // to them; a label of another form, which the rule leaves alone, as its heading has it.
            let labelForm = conventions.labelForm(inSection: section)
            // The entry stands right before `next`, in its heading, where the rules read its labels
            // and separators.
            let standsIn = next.map { $0.line < headingOfLine.count ? headingOfLine[$0.line] : nil } ?? heading
            let labels = MixedLabelCaseRule.spellings(listWide: self.labels, settled: sectionLabels, section: section, innermost: standsIn)
                .merging(labelForm == .doubleBracket ? [:] : local.labels) { _, local in local }
            // `link-spacing` holds the entry to its heading's settled separator, else its category's.
            let separator = (next ?? neighbour).flatMap { separators.separator(category: category, line: $0.line) } ?? local.separator ?? " "
            // An item that is no entry (an authors line under an entry) is not a model; nor is one
            // laid out otherwise than most of its heading's.
            var model = neighbour.flatMap { $0.shape == .entry ? $0 : nil } ?? local.lastMultiLine ?? local.lastOneLine ?? neighbour
            let severalLines = local.entries > 0 ? local.writesSeveralLines : model.map { Self.isMultiLine($0) } ?? false
            if let candidate = model, Self.isMultiLine(candidate) != severalLines {
                model = (severalLines ? local.lastMultiLine : local.lastOneLine) ?? model
            }
            // Periods after titles as most of the heading's entries have them (or its category's, or the list's).
            let periods = local.periods ?? true
            var style = EntryStyle(indent: model?.indent ?? "", marker: model.map { Self.marker(after: $0) } ?? "-", labels: labels,
                                   separator: separator,
                                   titlesEndWithPeriod: periods,
                                   labelForm: labelForm, paperLabel: conventions.paperLabel)
            style.capitalisesLabels = capitalisesLabels
            style.codeLabel = conventions.codeLabel
            style.periodAfterLinks = local.periodsAfterLinks * 2 > local.entries - local.multiLine
            if local.entries > 0 {
                style.titleInBold = local.boldTitles * 2 > local.entries
                style.yearAfterTitle = style.titleInBold && local.yearsAfterTitle * 2 > local.boldTitles
                style.authorsAfterYear = style.yearAfterTitle && local.authorsAfterYear * 2 > local.yearsAfterTitle
            } else if let bold = model?.title.flatMap(BoldTitle.parse) {
                (style.titleInBold, style.yearAfterTitle, style.authorsAfterYear) = (true, bold.year != nil, bold.authors != nil)
            }
            if let model {
                // Spacing as most of the heading's entries have it; a tie goes to the model's.
                let gap = Self.markerGap(of: model, in: document)
                if let most = Tally.most(local.gaps, preferring: gap) ?? gap { style.markerGap = most }
                // An indent shorter than the item's marker and gap keeps the item where it is
                // (one space more or less does not nest it): there, most of the heading's is taken.
                let width = model.marker.count + style.markerGap.count
                if let most = Tally.most(local.indents, preferring: model.indent), most.count < width, model.indent.count < width {
                    style.indent = most
                }
                if severalLines, Self.isMultiLine(model), let first = model.links.first {
                    let continuation = Self.relative(Self.leadingBlanks(of: first.line, in: document), to: model) ?? "  "
                    let byline = Self.byline(of: model, in: document).flatMap { found in
                        Self.relative(found.prefix, to: model).map { (prefix: $0, byline: found.byline) }
                    }
                    // Most entries of a heading that writes authors items write one.
                    let writesBylines = local.bylines * 2 > local.multiLine
                    style.layout = Layout(continuationIndent: Tally.most(local.continuations, preferring: continuation) ?? continuation,
                                          linkPerLine: local.linksSharingALine * 2 <= local.multiLine,
                                          bylinePrefix: writesBylines ? Tally.most(local.bylinePrefixes, preferring: byline?.prefix) : byline?.prefix,
                                          venueInByline: local.bylineVenues >= local.tagVenues && local.bylines > 0,
                                          venueStars: Self.stars(local.venueStars, else: venueStars),
                                          periodAfterAuthors: local.periodsAfterAuthors * 2 > local.authorsBeforeVenue)
                }
            }
            if let neighbour, let next { keepRun(of: neighbour, and: next, in: &style) }
            // A heading of paper cards gets one; so does an empty one in a list of cards.
            if local.entries > 0 ? local.cards * 2 > local.entries : model?.isCard ?? mostlyCards {
                style.layout = nil
                style.card = CardForm(lineBreak: Tally.most(local.cardBreaks, preferring: "<br>") ?? "<br>",
                                      namesNoAuthors: cardsNameNoAuthors,
                                      blankLines: Tally.most(local.cardGaps, preferring: "1").flatMap { Int($0) } ?? 1)
            }
            return style
        }

        /// Between two entries of one heading that are written alike, the new entry is written as
        /// they are, where no rule would call it irregular: a run that the maintainers wrote one
        /// way (periods or none, spacing, the link form) stays one run, as when an entry is put
        /// back where `fmadd export` saw it, or placed by date or title among others.
        private func keepRun(of before: Entry, and after: Entry, in style: inout EntryStyle) {
            let headingOf = { (entry: Entry) in entry.line < headingOfLine.count ? headingOfLine[entry.line] : nil }
            guard before.shape == .entry, after.shape == .entry, headingOf(before) == headingOf(after),
                  Self.isMultiLine(before) == Self.isMultiLine(after), Self.isMultiLine(before) == (style.layout != nil) else { return }
            var pair = Tally()
            for entry in [before, after] { Self.tally(entry, period: entry.title?.hasSuffix(".") == true, in: document)(&pair) }
            func shared<Key>(_ counts: [Key: Int]) -> Key? { counts.first { $0.value == 2 }?.key }
            if pair.withPeriod != 1 { style.titlesEndWithPeriod = pair.withPeriod == 2 }
            if style.layout == nil, pair.periodsAfterLinks != 1 { style.periodAfterLinks = pair.periodsAfterLinks == 2 }
            if let gap = shared(pair.gaps) { style.markerGap = gap }
            if let indent = shared(pair.indents) { style.indent = indent }
            if var layout = style.layout {
                if let continuation = shared(pair.continuations) { layout.continuationIndent = continuation }
                if layout.bylinePrefix != nil, let prefix = shared(pair.bylinePrefixes) { layout.bylinePrefix = prefix }
                if let stars = shared(pair.venueStars) { layout.venueStars = stars }
                if pair.authorsBeforeVenue == 2, pair.periodsAfterAuthors != 1 { layout.periodAfterAuthors = pair.periodsAfterAuthors == 2 }
                style.layout = layout
            }
            let forms = Set((before.links + after.links).map(ListConventions.LabelForm.init))
            if forms.count == 1, let form = forms.first { style.labelForm = form }
        }

        /// The stars most venues are written with under a heading; where it writes one venue or
        /// none, the list's (one venue is not a convention: it may be the irregular one).
        static func stars(_ local: [Int: Int], else list: [Int: Int]) -> Int {
            let counts = local.values.reduce(0, +) >= 2 ? local : list
            return counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key ?? 1
        }

        /// Whether an entry writes its title alone on its first line and its links below it.
        static func isMultiLine(_ entry: Entry) -> Bool {
            !entry.links.isEmpty && entry.links.allSatisfy { $0.line > entry.line }
        }

        /// The marker of an item that follows `entry`: the same bullet, or the next number of an
        /// ordered list (`3.` after `2.`).
        static func marker(after entry: Entry) -> String {
            guard let delimiter = entry.marker.last, delimiter == "." || delimiter == ")",
                  let number = Int(entry.marker.dropLast()) else { return entry.marker }
            return "\(number + 1)\(delimiter)"
        }
    }

    /// The entry as the list writes it: one line, or its lines joined by line feeds.
    public func line(for draft: PaperDraft) -> String {
        lines(for: draft).joined(separator: "\n")
    }

    /// The entry's lines.
    public func lines(for draft: PaperDraft) -> [String] {
        if let card { return cardLines(for: draft, form: card) }
        var title = draft.title
        if titleInBold && !title.contains("*") {
            title = "**\(title)**"
            if yearAfterTitle, let year = draft.year {
                title += " (\(year))"
                if authorsAfterYear, layout?.bylinePrefix == nil, let authors = draft.authors?.trimmingWhitespace(), !authors.isEmpty {
                    title += ", " + authors
                }
            }
        }
        if titlesEndWithPeriod && !title.hasSuffix(".") && !title.hasSuffix("?") && !title.hasSuffix("!") { title += "." }
        var text = indent + marker + markerGap
        let venue = draft.venue.flatMap { $0.isEmpty ? nil : $0 }
        let bylineVenue = layout?.venueInByline == true && layout?.bylinePrefix != nil
        if let venue, !bylineVenue { text += "[\(venue)] " }
        let links = draft.links.map { labelForm.link(label: label(for: $0.key), url: $0.url) }
        // A note follows the links, as `[[repo]](u): various benchmark tasks` has it.
        let note = draft.note.map { ": " + $0 }
        guard let layout else {
            return [text + title + " " + links.joined(separator: separator) + (note ?? (periodAfterLinks && !links.isEmpty ? "." : ""))]
        }
        var lines = [text + title]
        if layout.linkPerLine {
            lines += links.map { indent + layout.continuationIndent + $0 }
        } else if !links.isEmpty {
            lines.append(indent + layout.continuationIndent + links.joined(separator: separator))
        }
        if let note, !links.isEmpty { lines[lines.count - 1] += note }
        if let prefix = layout.bylinePrefix {
            let stars = String(repeating: "*", count: layout.venueStars)
            let venueText = bylineVenue ? venue.map { stars + $0 + stars } : nil
            var authors = draft.authors
            if layout.periodAfterAuthors, venueText != nil, let named = authors, !named.hasSuffix(".") { authors = named + "." }
            let parts = [authors, venueText].compactMap { $0 }
            // Nested in the item: indented at least as far as the item's text starts.
            let blanks = prefix.prefix { $0 == " " }.count
            let nested = String(repeating: " ", count: max(0, marker.count + markerGap.count - blanks)) + prefix
            if !parts.isEmpty { lines.append(indent + nested + parts.joined(separator: " ")) }
        }
        return lines
    }

    /// A paper card: the title, the authors, the date and venue, the links, a line each.
    private func cardLines(for draft: PaperDraft, form: CardForm) -> [String] {
        var lines = ["**\(draft.title)**"]
        if let authors = draft.authors?.trimmingWhitespace(), !authors.isEmpty {
            lines.append("*\(authors)*")
        } else if form.namesNoAuthors {
            lines.append("*none*")
        }
        var facts: [String] = []
        if let date = draft.date.flatMap(PaperCard.dateText) { facts.append("[\(date)]") }
        let venue = draft.venue.flatMap { $0.isEmpty ? nil : $0 }
        switch (venue, draft.year) {
        case let (venue?, year?): facts.append("[\(venue), \(year)]")
        case let (venue?, nil): facts.append("[\(venue)]")
        case let (nil, year?) where draft.date == nil: facts.append("[\(year)]")
        default: break
        }
        if !facts.isEmpty { lines.append(facts.joined(separator: " ")) }
        let links = draft.links.map { labelForm.link(label: label(for: $0.key), url: $0.url) }
        if !links.isEmpty { lines.append(links.joined(separator: separator)) }
        return lines.map { indent + $0 + form.lineBreak }
    }

    /// A label key as the list spells it: `paper` → `Paper`, `projectpage` → `Project Page` where
    /// the list writes `[[Project Page]]`, an unknown key capitalised.
    public func label(for key: String) -> String {
        let key = key.lowercased() == "paper" ? paperLabel ?? "paper" : key.lowercased() == "code" ? codeLabel ?? "code" : key
        if let spelled = labels[key.lowercased()] { return spelled }
        // A key is the label without its spaces and signs: the list's label with that key.
        if let spelled = labels.values.filter({ PaperDraft.Link.key(forLabel: $0) == key }).min() { return spelled }
        return capitalisesLabels ? key.prefix(1).uppercased() + key.dropFirst() : key
    }
}
