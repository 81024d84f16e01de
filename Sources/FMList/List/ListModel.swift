/// A heading and the lines it governs.
public struct Section: Hashable, Sendable {
    public var blockIndex: Int
    public var level: Int
    /// The heading's text as GitHub shows it.
    public var text: String
    /// GitHub's anchor for the heading (`#related-survey`), unique within the document.
    public var anchor: String
    /// From the heading line to the line before the next heading of the same or a higher level.
    public var lines: ClosedRange<Int>
    /// The index of the enclosing section.
    public var parent: Int?
    /// The category key when this section, or one that encloses it, is a configured category.
    public var category: String?
}

/// A year marker (`**2024**` or `### 2024`) and the lines up to the next one.
public struct YearGroup: Hashable, Sendable {
    public var year: Int
    public var line: Int
    public var lines: ClosedRange<Int>
    /// The index of the category section the group belongs to, if any.
    public var section: Int?
    public var style: Configuration.YearMarkerStyle
    /// False when GitHub shows the marker as part of the paragraph above (a lazy continuation
    /// line) instead of a paragraph of its own.
    public var rendersAsMarker: Bool
    /// 1-based column of the marker's first character.
    public var column: Int
    /// The venue of a venue group (`**AAAI'26**` is AAAI's group of 2026); nil for a year's.
    public var venue: String? = nil
}

/// A link of an entry: `[[Paper]](https://…)`.
public struct EntryLink: Hashable, Sendable {
    public var label: String
    /// The target as written between the parentheses.
    public var url: String
    /// The address the link goes to: `(<https://…>)` goes to what the angle brackets hold.
    public var destination: String {
        url.count > 2 && url.hasPrefix("<") && url.hasSuffix(">") ? String(url.dropFirst().dropLast()) : url
    }
    public var line: Int
    /// Byte offset of the link's opening bracket in its line.
    public var offset: Int
    /// Columns of the link's opening bracket and of its target.
    public var column: Int
    public var targetColumn: Int
    /// Whether the label is written `[[Label]]`, the list's usual form, rather than `[Label]`.
    public var doubleBracket: Bool
    /// Whether brackets wrap the whole link, `[[paper](url)]`; `offset` and `column` are then
    /// those of the link inside them.
    public var wrapped: Bool = false
}

/// A list item in a category section, read as venue, title and links.
public struct Entry: Hashable, Sendable {
    public enum Shape: Hashable, Sendable {
        /// Venue (optional), title and at least one link.
        case entry
        /// A heading-like item that holds sub-entries: `- [1] single cell foundation models:`.
        case group
        /// An item with nothing in it, or only links without targets: `- [[paper]]() [[Code]]()`.
        case placeholder
        /// An item that is none of the above.
        case unparsed
    }

    public var blockIndex: Int
    public var line: Int
    public var lines: ClosedRange<Int>
    /// The white space before the list marker, as written.
    public var indent: String
    public var marker: String
    /// 0 for an entry of the section's list, 1 for a sub-entry under a group, and so on.
    public var nesting: Int
    public var venue: String?
    public var title: String?
    public var titleColumn: Int
    public var links: [EntryLink]
    /// What stands between two links (`" "` or `", "`), when the entry has two or more.
    public var linkSeparator: String?
    public var section: Int?
    public var category: String?
    public var yearGroup: Int?
    public var shape: Shape
    /// Whether it is a paragraph of its own (`PaperCard`), not a list item.
    public var isCard = false
}

/// A cell of a table row: its raw text between the pipes, and where it starts.
public struct TableCell: Hashable, Sendable {
    public var text: String

    /// Whether a tab stands between the cell's words, where it is text (a tab at an edge is padding).
    public var hasTabInside: Bool {
        text.utf8.trimmingSpacesAndTabs().contains(Byte.tab)
    }
    /// Byte offset in the line where the cell's text starts (after the pipe).
    public var start: Int
    public var end: Int
}

public struct TableRow: Hashable, Sendable {
    public var line: Int
    public var cells: [TableCell]
}

/// A GFM table: header row, alignment row, body rows.
public struct Table: Hashable, Sendable {
    public var blockIndex: Int
    public var lines: ClosedRange<Int>
    public var section: Int?
    public var category: String?
    /// Every row in order: the header, the alignment row, then the body.
    public var rows: [TableRow]

    public var header: TableRow { rows[0] }
    public var body: ArraySlice<TableRow> { rows.dropFirst(2) }
}

/// A table of contents: a list whose items are links to headings of the same document.
public struct TableOfContents: Hashable, Sendable {
    public struct Item: Hashable, Sendable {
        public var text: String
        public var fragment: String
        public var line: Int
        public var column: Int
        public var targetColumn: Int
        /// The item that holds this one in the contents' nesting (an index into `items`), nil
        /// at the top.
        public var parent: Int? = nil
        /// Whether the line starts with two markers (`- - [x](#x)`): the link sits in a list of
        /// its own, under a bullet with no text.
        public var doubled: Bool = false
        /// The item's last line (its nested items included).
        public var lastLine: Int = 0
    }
    public var blockIndex: Int
    public var lines: ClosedRange<Int>
    public var items: [Item]
}
