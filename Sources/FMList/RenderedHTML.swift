import CCmarkGFM
import Foundation

/// What GitHub's parser renders for a piece of Markdown: the measure that a formatting-only change
/// must leave as it is.
public enum RenderedHTML {
    public static func of(_ bytes: some Collection<UInt8>) -> String {
        cmark_gfm_core_extensions_ensure_registered()
        // Raw HTML is kept (unsafe), so that a change inside an HTML block shows too.
        let options = CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES | CMARK_OPT_UNSAFE
        guard let parser = cmark_parser_new(options) else { return "" }
        defer { cmark_parser_free(parser) }
        if let table = cmark_find_syntax_extension("table") {
            cmark_parser_attach_syntax_extension(parser, table)
        }
        let contiguous = Array(bytes)
        contiguous.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                if let base = chars.baseAddress { cmark_parser_feed(parser, base, chars.count) }
            }
        }
        guard let root = cmark_parser_finish(parser) else { return "" }
        defer { cmark_node_free(root) }
        guard let html = cmark_render_html(root, options, cmark_parser_get_syntax_extensions(parser)) else { return "" }
        defer { free(html) }
        return String(cString: html)
    }
}
