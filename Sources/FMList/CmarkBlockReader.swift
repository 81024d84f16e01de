import CCmarkGFM

/// Reads block boundaries from cmark-gfm, GitHub's Markdown parser, and keeps nothing of its tree.
enum CmarkBlockReader {
    struct Result {
        var blocks: [Block]
        var headingTexts: [Int: String]
    }

    static func read(bytes: [UInt8], lineCount: Int, path: String) throws(ListError) -> Result {
        cmark_gfm_core_extensions_ensure_registered()
        // GitHub renders footnotes, so their definitions are blocks here too.
        guard let parser = cmark_parser_new(CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES) else {
            throw .markdownParserFailed(path: path)
        }
        defer { cmark_parser_free(parser) }
        if let table = cmark_find_syntax_extension("table") {
            cmark_parser_attach_syntax_extension(parser, table)
        }
        bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                if let base = chars.baseAddress { cmark_parser_feed(parser, base, chars.count) }
            }
        }
        guard let root = cmark_parser_finish(parser) else { throw .markdownParserFailed(path: path) }
        defer { cmark_node_free(root) }
        var walker = Walker(lineCount: lineCount)
        var child = cmark_node_first_child(root)
        while let node = child {
            walker.visit(node, parent: nil, depth: 0)
            child = cmark_node_next(node)
        }
        return Result(blocks: walker.blocks, headingTexts: walker.headingTexts)
    }

    private struct Walker {
        let lineCount: Int
        var blocks: [Block] = []
        var headingTexts: [Int: String] = [:]

        init(lineCount: Int) {
            self.lineCount = lineCount
            blocks.reserveCapacity(lineCount * 2)
        }

        mutating func visit(_ node: OpaquePointer, parent: Int?, depth: Int) {
            guard let kind = kind(of: node) else { return }
            let first = max(1, Int(cmark_node_get_start_line(node)))
            var last = Int(cmark_node_get_end_line(node))
            // A block that ends at a blank line reports column 0 of that line: it ended before it.
            if cmark_node_get_end_column(node) == 0 && last > first { last -= 1 }
            last = min(max(last, first), lineCount)
            guard first <= lineCount else { return }
            let index = blocks.count
            blocks.append(Block(kind: kind, lines: first...last, column: Int(cmark_node_get_start_column(node)),
                                parent: parent, depth: depth, subtreeEnd: index + 1))
            if case .heading = kind { headingTexts[first] = plainText(of: node) }
            if kind.isContainer {
                var child = cmark_node_first_child(node)
                while let next = child {
                    visit(next, parent: index, depth: depth + 1)
                    child = cmark_node_next(next)
                }
            }
            blocks[index].subtreeEnd = blocks.count
        }

        func kind(of node: OpaquePointer) -> BlockKind? {
            switch cmark_node_get_type(node) {
            case CMARK_NODE_PARAGRAPH: return .paragraph
            case CMARK_NODE_ITEM: return .item
            case CMARK_NODE_LIST: return .list(ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST)
            case CMARK_NODE_HEADING:
                let level = Int(cmark_node_get_heading_level(node))
                let setext = cmark_node_get_end_line(node) > cmark_node_get_start_line(node)
                return .heading(level: level, setext: setext)
            case CMARK_NODE_CODE_BLOCK:
                var length: Int32 = 0, offset: Int32 = 0
                var fenceChar: CChar = 0
                return .codeBlock(fenced: cmark_node_get_fenced(node, &length, &offset, &fenceChar) != 0)
            case CMARK_NODE_HTML_BLOCK: return .htmlBlock
            case CMARK_NODE_BLOCK_QUOTE: return .blockQuote
            case CMARK_NODE_THEMATIC_BREAK: return .thematicBreak
            case CMARK_NODE_FOOTNOTE_DEFINITION: return .footnoteDefinition
            default:
                // Extension nodes (the table) have types assigned at run time: ask for the name.
                guard let name = cmark_node_get_type_string(node) else { return nil }
                return String(cString: name) == "table" ? .table : nil
            }
        }

        /// The text a reader sees in a heading: what GitHub turns into its anchor.
        func plainText(of node: OpaquePointer) -> String {
            var text = ""
            func collect(_ node: OpaquePointer) {
                var child = cmark_node_first_child(node)
                while let inline = child {
                    switch cmark_node_get_type(inline) {
                    case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                        if let literal = cmark_node_get_literal(inline) { text += String(cString: literal) }
                    case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: text += " "
                    case CMARK_NODE_HTML_INLINE, CMARK_NODE_IMAGE: break
                    default: collect(inline)
                    }
                    child = cmark_node_next(inline)
                }
            }
            collect(node)
            return text
        }
    }
}

/// Makes the top-level blocks cover every line exactly once.
enum BlockPartition {
    /// Adds blank and definition blocks for the lines between cmark-gfm's top-level blocks and
    /// trims overlaps, so that the top-level blocks partition the document's lines.
    static func complete(_ parsed: [Block], lines: LineTable, bytes: [UInt8]) -> [Block] {
        var result: [Block] = []
        result.reserveCapacity(parsed.count + parsed.count / 4 + 2)
        var nextLine = 1

        func addGap(upTo end: Int) {
            var line = nextLine
            while line <= end {
                let blank = isBlank(line)
                var last = line
                while last < end && isBlank(last + 1) == blank { last += 1 }
                result.append(Block(kind: blank ? .blank : .definition, lines: line...last, column: 1,
                                    parent: nil, depth: 0, subtreeEnd: result.count + 1))
                line = last + 1
            }
            nextLine = max(nextLine, end + 1)
        }

        func isBlank(_ line: Int) -> Bool {
            bytes[lines.contentRange(line)].allSatisfy { $0 == 0x20 || $0 == 0x09 }
        }

        var index = 0
        while index < parsed.count {
            let top = parsed[index]
            let end = top.subtreeEnd
            addGap(upTo: top.lines.lowerBound - 1)
            if top.lines.upperBound >= nextLine {
                let shift = result.count - index
                for k in index..<end {
                    var block = parsed[k]
                    if k == index { block.lines = max(block.lines.lowerBound, nextLine)...block.lines.upperBound }
                    block.parent = block.parent.map { $0 + shift }
                    block.subtreeEnd += shift
                    result.append(block)
                }
                nextLine = top.lines.upperBound + 1
            }
            index = end
        }
        addGap(upTo: lines.count)
        return result
    }
}
