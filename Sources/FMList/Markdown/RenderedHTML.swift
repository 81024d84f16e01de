import CCmarkGFM
import Foundation

/// What GitHub's parser renders for a piece of Markdown: the measure that a formatting-only change
/// must leave as it is.
public enum RenderedHTML {
    public static func of(_ bytes: some Collection<UInt8>) -> String {
        String(decoding: Self.bytes(of: bytes), as: UTF8.self)
    }

    /// The HTML as bytes: what a comparison needs (String equality would compare characters).
    public static func bytes(of markdown: some Collection<UInt8>) -> [UInt8] {
        CmarkArena.withArena { _ in render(Array(markdown)) }
    }

    /// Whether the two texts of each pair render alike, for many pairs: every text on the next
    /// free core (a large table's two renderings at once), each core reusing its memory.
    public static func alike(_ pairs: [([UInt8], [UInt8])]) -> [Bool] {
        let rendered = CmarkArena.map(count: pairs.count * 2) { task in
            render(task % 2 == 0 ? pairs[task / 2].0 : pairs[task / 2].1)
        }
        return pairs.indices.map { rendered[2 * $0] == rendered[2 * $0 + 1] }
    }

    /// Renders `markdown` inside the calling thread's arena, which frees the parser, the tree
    /// and the HTML at once.
    private static func render(_ markdown: [UInt8]) -> [UInt8] {
        CmarkExtensions.ensureRegistered()
        // Raw HTML is kept (unsafe), so that a change inside an HTML block shows too.
        let options = CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES | CMARK_OPT_UNSAFE
        guard let parser = cmark_parser_new_with_mem(options, CmarkArena.allocator) else { return [] }
        if let table = cmark_find_syntax_extension("table") {
            cmark_parser_attach_syntax_extension(parser, table)
        }
        markdown.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                if let base = chars.baseAddress { cmark_parser_feed(parser, base, chars.count) }
            }
        }
        guard let root = cmark_parser_finish(parser),
              let html = cmark_render_html(root, options, cmark_parser_get_syntax_extensions(parser)) else { return [] }
        let length = strlen(html)
        return html.withMemoryRebound(to: UInt8.self, capacity: length) { Array(UnsafeBufferPointer(start: $0, count: length)) }
    }
}
