/// What a block is, in cmark-gfm's terms (GitHub's own parser).
public enum BlockKind: Hashable, Sendable {
    case heading(level: Int, setext: Bool)
    case paragraph
    case list(ordered: Bool)
    case item
    case table
    case codeBlock(fenced: Bool)
    case htmlBlock
    case blockQuote
    case thematicBreak
    case footnoteDefinition
    /// Lines holding only white space between blocks.
    case blank
    /// Lines that cmark-gfm consumes without a block of their own: link reference definitions.
    case definition

    /// Whether the block holds other blocks.
    public var isContainer: Bool {
        switch self {
        case .list, .item, .blockQuote, .footnoteDefinition: return true
        default: return false
        }
    }
}

/// One block of a document: its kind, its whole lines, and where it sits in the tree.
///
/// Blocks are stored flat, in document order (a parent before its children), which keeps a
/// 100,000-entry list to a few compact arrays instead of a tree of objects.
public struct Block: Hashable, Sendable {
    public var kind: BlockKind
    /// First and last line (1-based, inclusive).
    public var lines: ClosedRange<Int>
    /// 1-based byte column where the block starts on its first line, as cmark-gfm reports it.
    public var column: Int
    /// Index of the enclosing block, or nil for a top-level block.
    public var parent: Int?
    /// Nesting depth: 0 for top-level blocks.
    public var depth: Int
    /// Index one past the block's last descendant: its children are `index+1 ..< subtreeEnd`.
    public var subtreeEnd: Int
}
