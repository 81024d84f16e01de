/// A paper written as a paragraph of its own, not as a list item: a field a line, each line
/// ended by a line break, the cards set apart by blank lines.
///
///     **Title**<br>
///     *A. Author, B. Author*<br>
///     [12th Sep., 2023] [arXiv, 2023]<br>
///     [[Paper](u)] [[GitHub](u)]<br>
///
/// The title line opens the card; the authors (`*none*` when the list knows none), the date and
/// venue line and the links line may each be missing.
public struct PaperCard: Hashable, Sendable {
    public var title: String
    public var authors: String?
    /// `YYYY-MM-DD`, as a draft's `date`.
    public var date: String?
    public var venue: String?
    public var year: Int?
    /// Whether the authors line says `none`.
    public var namesNoAuthors = false

    /// The line breaks a card ends its lines with.
    public static let lineBreaks = ["<br>", "<br/>", "<br />"]

    /// The title of a card's first line, `**Title**<br>` (text after the bold part, an emoji,
    /// is left to the line), and the column it starts at; nil for any other line.
    public static func title(ofFirstLine bytes: ArraySlice<UInt8>) -> (title: String, column: Int)? {
        let trimmed = bytes.trimmingSpacesAndTabs()
        guard trimmed.count > 8, trimmed.first == UInt8(ascii: "*"), trimmed.last == UInt8(ascii: ">") else { return nil }
        let text = String(decoding: trimmed, as: UTF8.self)
        let lowered = text.lowercased()
        guard lineBreaks.contains(where: { lowered.hasSuffix($0) }), let (title, _) = BoldTitle.leadingBold(of: text) else { return nil }
        let column = Column.of(byteOffset: trimmed.startIndex - bytes.startIndex + 2, in: Array(bytes))
        return (title, column)
    }

    /// Whether a paragraph's lines are a card: a title line, then a line with a link.
    static func opens(_ lines: ClosedRange<Int>, in document: Document) -> Bool {
        lines.count >= 2 && title(ofFirstLine: document.lineBytes(lines.lowerBound)) != nil
            && lines.dropFirst().contains { document.lineBytes($0).containsSequence("](".utf8) }
    }

    /// The card that `entry` is, read from its lines in `document`; nil for a list item.
    public static func of(_ entry: Entry, in document: Document) -> PaperCard? {
        entry.isCard ? read(entry.lines.map { document.lineText($0) }) : nil
    }

    /// The card written on `lines` (the paragraph's), or nil when its first line opens none.
    public static func read(_ lines: [String]) -> PaperCard? {
        guard let first = lines.first, let title = title(ofFirstLine: Array(first.utf8)[...])?.title else { return nil }
        var card = PaperCard(title: title)
        for line in lines.dropFirst() {
            let text = withoutLineBreak(line)
            if text.hasPrefix("*"), !text.hasPrefix("**"), text.hasSuffix("*"), text.count > 2 {
                let names = String(text.dropFirst().dropLast()).trimmingWhitespace()
                if names.lowercased() == "none" { card.namesNoAuthors = true } else if !names.isEmpty { card.authors = names }
            } else if text.hasPrefix("["), !text.contains("]("), let groups = bracketGroups(text) {
                for group in groups {
                    if let date = date(from: group) {
                        card.date = date
                    } else {
                        let venue = venueAndYear(group)
                        card.venue = venue.venue ?? card.venue
                        card.year = venue.year ?? card.year
                    }
                }
            }
        }
        if card.year == nil, let date = card.date { card.year = Int(date.prefix(4)) }
        return card
    }

    public init(title: String, authors: String? = nil, date: String? = nil, venue: String? = nil, year: Int? = nil) {
        self.title = title
        self.authors = authors
        self.date = date
        self.venue = venue
        self.year = year
    }

    /// A card's line without its white space and the line break at its end.
    public static func withoutLineBreak(_ line: String) -> String {
        var text = line.trimmingWhitespace()
        let lowered = text.lowercased()
        for lineBreak in lineBreaks where lowered.hasSuffix(lineBreak) {
            text = String(text.dropLast(lineBreak.count)).trimmingWhitespace()
            break
        }
        return text
    }

    /// `[a] [b]` as `["a", "b"]`; nil when the text is anything else.
    private static func bracketGroups(_ text: String) -> [String]? {
        var groups: [String] = []
        var rest = Substring(text)
        while !rest.isEmpty {
            guard rest.first == "[", let close = rest.firstIndex(of: "]") else { return nil }
            groups.append(String(rest[rest.index(after: rest.startIndex)..<close]).trimmingWhitespace())
            rest = rest[rest.index(after: close)...].drop { $0 == " " }
        }
        return groups.isEmpty ? nil : groups
    }

    /// `arXiv, 2023` as its venue and its year; `2023` as a year alone.
    private static func venueAndYear(_ text: String) -> (venue: String?, year: Int?) {
        if text.utf8.count == 4, let year = Int(text), (1900...2099).contains(year) { return (nil, year) }
        if let comma = text.lastIndex(of: ","), let year = Int(String(text[text.index(after: comma)...]).trimmingWhitespace()),
           (1900...2099).contains(year) {
            let venue = String(text[..<comma]).trimmingWhitespace()
            return (venue.isEmpty ? nil : venue, year)
        }
        return (text.isEmpty ? nil : text, nil)
    }

    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// `12th Sep., 2023` as `2023-09-12`.
    public static func date(from text: String) -> String? {
        let words = text.split(separator: " ")
        guard words.count == 3, let day = Int(words[0].prefix { $0.isNumber }), (1...31).contains(day),
              let month = months.firstIndex(where: { words[1].lowercased().hasPrefix($0.lowercased()) }),
              let year = Int(words[2]), (1900...2099).contains(year) else { return nil }
        let two = { (n: Int) in n < 10 ? "0\(n)" : "\(n)" }
        return "\(year)-\(two(month + 1))-\(two(day))"
    }

    /// A draft's date (`2023-09-12`) as a card writes it: `12th Sep., 2023`; a month alone
    /// (`2023-09`) as `Sep., 2023`.
    public static func dateText(_ date: String) -> String? {
        let parts = date.split(separator: "-")
        guard parts.count >= 2, let year = Int(parts[0]), let month = Int(parts[1]), (1...12).contains(month) else { return nil }
        let monthText = months[month - 1] + ".,"
        guard parts.count == 3, let day = Int(parts[2]) else { return "\(monthText) \(year)" }
        let suffix = (11...13).contains(day % 100) ? "th" : [1: "st", 2: "nd", 3: "rd"][day % 10] ?? "th"
        return "\(day)\(suffix) \(monthText) \(year)"
    }
}
