/// A title written in bold, with the year and the authors the list writes after it in the text:
/// `**Attention Is All You Need** (2017), A. Vaswani et al.`. A bold name followed by other text
/// (`**Name**: Title.`) is not one: its bold part is not the title.
public struct BoldTitle: Hashable, Sendable {
    public var title: String
    public var year: Int?
    public var authors: String?

    public init(title: String, year: Int? = nil, authors: String? = nil) {
        self.title = title
        self.year = year
        self.authors = authors
    }

    /// The parts of an entry's text before its links, or nil when it is not of this form.
    public static func parse(_ text: String) -> BoldTitle? {
        guard let (title, after) = leadingBold(of: text) else { return nil }
        var rest = after.drop { $0 == " " }
        guard !rest.isEmpty else { return BoldTitle(title: title) }
        var year: Int?
        if rest.count >= 6, rest.first == "(", let value = Int(rest.dropFirst().prefix(4)), (1900...2199).contains(value),
           rest.dropFirst(5).first == ")" {
            year = value
            rest = rest.dropFirst(6)
        }
        if rest.isEmpty || rest == "." { return BoldTitle(title: title, year: year) }
        guard year != nil, rest.first == "," || rest.first == "." else { return nil }
        let authors = String(rest.dropFirst()).trimmingWhitespace()
        return authors.isEmpty ? nil : BoldTitle(title: title, year: year, authors: authors)
    }

    /// The bold text that `text` starts with (`**Title**`), when it is a title: not empty, not
    /// starting or ending with white space, holding no star and no link; and what follows it.
    static func leadingBold(of text: String) -> (title: String, rest: Substring)? {
        guard text.hasPrefix("**") else { return nil }
        let afterOpening = text.index(text.startIndex, offsetBy: 2)
        guard let closing = text.range(of: "**", range: afterOpening..<text.endIndex) else { return nil }
        let title = text[afterOpening..<closing.lowerBound]
        guard let first = title.first, let last = title.last, !first.isWhitespace, !last.isWhitespace, !title.contains("*"),
              !title.contains("](") else { return nil }
        return (String(title), text[closing.upperBound...])
    }
}
