import CCmarkGFM
import Foundation

/// What GitHub's parser makes of one written entry or table row: its text as shown and its
/// links, read from cmark-gfm's tree (with GitHub's autolink extension), so that a new entry can
/// be held to showing exactly what was asked for.
public struct RenderedInlines: Equatable, Sendable {
    public struct Link: Equatable, Sendable {
        public var text: String
        public var url: String
        public init(text: String, url: String) {
            self.text = text
            self.url = url
        }
    }

    /// The text as a reader sees it, link texts included.
    public var text: String = ""
    public var links: [Link] = []
    /// Raw HTML, an image, emphasis, code or a line break among the inlines: markup that the
    /// fields of an entry never ask for.
    public var markup: [String] = []

    public init(text: String = "", links: [Link] = [], markup: [String] = []) {
        self.text = text
        self.links = links
        self.markup = markup
    }

    /// The inlines of `line` when it is one list item holding one paragraph, and nothing else;
    /// nil when it is any other block structure (a heading, a quote, an HTML block, two items).
    public static func ofListItem(_ line: String) -> RenderedInlines? {
        CmarkArena.withArena { _ in listItem(line) }
    }

    /// `ofListItem` for many lines, on all cores, each core reusing its parser memory.
    public static func ofListItems(_ lines: [String]) -> [RenderedInlines?] {
        CmarkArena.map(count: lines.count) { listItem(lines[$0]) }
    }

    private static func listItem(_ line: String) -> RenderedInlines? {
        parseInArena(line) { root in
            guard let list = only(child: root, CMARK_NODE_LIST), let item = only(child: list, CMARK_NODE_ITEM),
                  let paragraph = only(child: item, CMARK_NODE_PARAGRAPH) else { return nil }
            return inlines(of: paragraph)
        }
    }

    /// The inlines of `text` when it is one paragraph and nothing else.
    public static func ofParagraph(_ text: String) -> RenderedInlines? {
        parse(text) { root in only(child: root, CMARK_NODE_PARAGRAPH).map(inlines(of:)) }
    }

    /// The inlines of each cell of `row` read under `header` and `delimiter`, when the three
    /// lines are one table of two rows and nothing else.
    public static func ofTableRow(header: String, delimiter: String, row: String) -> [RenderedInlines]? {
        parse(header + "\n" + delimiter + "\n" + row) { root in
            guard let table = cmark_node_first_child(root), cmark_node_next(table) == nil,
                  typeName(table) == "table" else { return nil }
            var rows: [OpaquePointer] = []
            var child = cmark_node_first_child(table)
            while let node = child { rows.append(node); child = cmark_node_next(node) }
            guard rows.count == 2 else { return nil }
            var cells: [RenderedInlines] = []
            var cell = cmark_node_first_child(rows[1])
            while let node = cell { cells.append(inlines(of: node)); cell = cmark_node_next(node) }
            return cells
        }
    }

    private static func parse<T>(_ markdown: String, _ read: (OpaquePointer) -> T?) -> T? {
        CmarkArena.withArena { _ in parseInArena(markdown, read) }
    }

    /// Parses inside the calling thread's arena, which the caller frees.
    private static func parseInArena<T>(_ markdown: String, _ read: (OpaquePointer) -> T?) -> T? {
        CmarkExtensions.ensureRegistered()
        guard let parser = cmark_parser_new_with_mem(CMARK_OPT_DEFAULT, CmarkArena.allocator) else { return nil }
        for name in ["table", "autolink", "strikethrough", "tagfilter"] {
            if let extensionHandle = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, extensionHandle) }
        }
        let bytes = Array(markdown.utf8)
        bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                if let base = chars.baseAddress { cmark_parser_feed(parser, base, chars.count) }
            }
        }
        guard let root = cmark_parser_finish(parser) else { return nil }
        return read(root)
    }

    private static func only(child parent: OpaquePointer, _ type: cmark_node_type) -> OpaquePointer? {
        guard let child = cmark_node_first_child(parent), cmark_node_next(child) == nil,
              cmark_node_get_type(child) == type else { return nil }
        return child
    }

    private static func typeName(_ node: OpaquePointer) -> String {
        cmark_node_get_type_string(node).map { String(cString: $0) } ?? "?"
    }

    private static func inlines(of container: OpaquePointer) -> RenderedInlines {
        var result = RenderedInlines()
        func literal(_ node: OpaquePointer) -> String { cmark_node_get_literal(node).map { String(cString: $0) } ?? "" }
        func walk(_ node: OpaquePointer, into text: inout String) {
            var child = cmark_node_first_child(node)
            while let current = child {
                switch cmark_node_get_type(current) {
                case CMARK_NODE_TEXT:
                    text += literal(current)
                case CMARK_NODE_LINK:
                    var linkText = ""
                    walk(current, into: &linkText)
                    text += linkText
                    result.links.append(Link(text: linkText, url: cmark_node_get_url(current).map { String(cString: $0) } ?? ""))
                default:
                    result.markup.append(typeName(current))
                    text += literal(current)
                    walk(current, into: &text)
                }
                child = cmark_node_next(current)
            }
        }
        var text = ""
        walk(container, into: &text)
        result.text = text
        return result
    }
}
