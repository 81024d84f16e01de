import CCmarkGFM
import Foundation

/// Reads block boundaries from cmark-gfm, GitHub's Markdown parser, and keeps nothing of its tree.
enum CmarkBlockReader {
    struct Result: Sendable {
        var blocks: [Block]
        var headingTexts: [Int: String]
    }

    /// Documents of this size or more are parsed in pieces on all cores, when they can be cut at a
    /// heading that starts a block of its own in any case (checked, not assumed).
    static let parallelThreshold = 1 << 20

    /// About this many bytes a piece, or less: each core parses its pieces one after another into
    /// the same memory, which a few megabytes of cmark-gfm's nodes per piece keep in the cache's
    /// reach; and four pieces a core at least, so that the cores finish together.
    static let pieceBytes = 1 << 19

    /// How many pieces a document of `byteCount` bytes is parsed in.
    static func pieceCount(for byteCount: Int) -> Int {
        max(ProcessInfo.processInfo.activeProcessorCount * 4, byteCount / pieceBytes)
    }

    static func read(bytes: [UInt8], lines: LineTable, path: String, parallelThreshold: Int = parallelThreshold,
                     pieces: Int) throws(ListError) -> Result {
        CmarkExtensions.ensureRegistered()
        let whole = Piece(firstLine: 1, lastLine: lines.count)
        // Footnotes, whose definitions cmark-gfm drops when their reference is elsewhere, keep a
        // document whole.
        let footnotes = containsFootnoteMark(bytes[...])
        let cuts = !footnotes && bytes.count >= parallelThreshold ? cutLines(bytes: bytes, lines: lines, shares: pieces) : []
        if !cuts.isEmpty {
            var pieces: [Piece] = []
            var first = 1
            for cut in cuts {
                pieces.append(Piece(firstLine: first, lastLine: cut - 1))
                first = cut
            }
            pieces.append(Piece(firstLine: first, lastLine: lines.count))
            if let merged = parseInParallel(pieces, bytes: bytes, lines: lines) { return merged }
        }
        guard let result = parse(whole, bytes: bytes, lines: lines, footnotes: footnotes) else { throw .markdownParserFailed(path: path) }
        return result
    }

    /// A run of whole lines parsed on its own.
    struct Piece: Sendable {
        var firstLine: Int
        var lastLine: Int
    }

    /// Parses one piece and returns its blocks with document line numbers.
    /// GitHub renders footnotes, so their definitions are blocks here too; with `footnotes` false
    /// (the text holds no `[^`) cmark-gfm is spared two walks over every node looking for them.
    static func parse(_ piece: Piece, bytes: [UInt8], lines: LineTable, footnotes: Bool) -> Result? {
        CmarkArena.withArena { _ in parseInArena(piece, bytes: bytes, lines: lines, footnotes: footnotes) }
    }

    /// `parse`, inside the calling thread's arena.
    static func parseInArena(_ piece: Piece, bytes: [UInt8], lines: LineTable, footnotes: Bool) -> Result? {
        guard piece.lastLine >= piece.firstLine else { return Result(blocks: [], headingTexts: [:]) }
        let range = lines.byteRange(piece.firstLine...piece.lastLine)
        guard let parser = cmark_parser_new_with_mem(CMARK_OPT_DEFAULT | (footnotes ? CMARK_OPT_FOOTNOTES : 0),
                                                     CmarkArena.allocator) else { return nil }
        if let table = cmark_find_syntax_extension("table") {
            cmark_parser_attach_syntax_extension(parser, table)
        }
        bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                if let base = chars.baseAddress { cmark_parser_feed(parser, base + range.lowerBound, range.count) }
            }
        }
        // The arena frees the parser and its tree at once.
        guard let root = cmark_parser_finish(parser) else { return nil }
        var walker = Walker(lineOffset: piece.firstLine - 1, lastLine: piece.lastLine, bytes: bytes, lines: lines)
        var child = cmark_node_first_child(root)
        while let node = child {
            walker.visit(node, parent: nil, depth: 0)
            child = cmark_node_next(node)
        }
        return Result(blocks: walker.blocks, headingTexts: walker.headingTexts)
    }

    /// Lines where the document may be cut: an ATX heading or a bold line at column 0 after a
    /// blank line, near each equal share of the bytes. For a document without footnotes.
    static func cutLines(bytes: [UInt8], lines: LineTable, shares requested: Int) -> [Int] {
        let shares = min(max(requested, 1), 1024)
        guard shares > 1 else { return [] }
        var cuts: [Int] = []
        var line = 2
        for share in 1..<shares {
            let target = bytes.count / shares * share
            while line < lines.count && lines.fullRange(line).lowerBound < target { line += 1 }
            let limit = min(lines.count, line + lines.count / (shares * 4))
            while line < limit && !isCutCandidate(line, bytes: bytes, lines: lines) { line += 1 }
            if line < limit, cuts.last.map({ $0 < line }) ?? true { cuts.append(line) }
        }
        return cuts
    }

    private static func isCutCandidate(_ line: Int, bytes: [UInt8], lines: LineTable) -> Bool {
        let text = lines.contentRange(line)
        guard text.count >= 2, lines.isBlank(line - 1, in: bytes) else { return false }
        let a = bytes[text.lowerBound], b = bytes[text.lowerBound + 1]
        return (a == UInt8(ascii: "#") && (b == UInt8(ascii: "#") || b == Byte.space)) || (a == UInt8(ascii: "*") && b == UInt8(ascii: "*"))
    }

    /// Whether `bytes` hold a footnote's `[^`. A caret is rare in a list, so look for it first.
    private static func containsFootnoteMark(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            var offset = 1
            while let caret = buffer.firstOffset(of: UInt8(ascii: "^"), from: offset) {
                if buffer[caret - 1] == UInt8(ascii: "[") { return true }
                offset = caret + 1
            }
            return false
        }
    }

    /// Parses the pieces on all cores and joins them, or returns nil when a cut turns out to fall
    /// inside a block (an open fence or HTML block running across it). Each core takes the next
    /// piece left, parses it, checks the cut after it, and reuses the memory for the next one.
    static func parseInParallel(_ pieces: [Piece], bytes: [UInt8], lines: LineTable) -> Result? {
        let results = CmarkArena.map(count: pieces.count) { index -> Result? in
            guard let parsed = parseInArena(pieces[index], bytes: bytes, lines: lines, footnotes: false),
                  index + 1 == pieces.count || cutHolds(after: parsed, piece: pieces[index], bytes: bytes, lines: lines)
            else { return nil }
            return parsed
        }
        var merged = Result(blocks: [], headingTexts: [:])
        for index in pieces.indices {
            guard let result = results[index] else { return nil }
            let shift = merged.blocks.count
            merged.blocks.append(contentsOf: result.blocks.map { block in
                var block = block
                block.parent = block.parent.map { $0 + shift }
                block.subtreeEnd += shift
                return block
            })
            merged.headingTexts.merge(result.headingTexts) { a, _ in a }
        }
        return merged
    }

    /// Whether the line after `piece` starts a top-level block in the whole document: the last
    /// block of the piece is parsed again together with that line (in the calling thread's arena).
    private static func cutHolds(after result: Result, piece: Piece, bytes: [UInt8], lines: LineTable) -> Bool {
        let cut = piece.lastLine + 1
        guard let lastTop = result.blocks.last(where: { $0.depth == 0 }) else { return true }
        let window = Piece(firstLine: lastTop.lines.lowerBound, lastLine: cut)
        guard lines.byteRange(window.firstLine...window.lastLine).count < 1 << 20,
              let check = parseInArena(window, bytes: bytes, lines: lines, footnotes: false) else { return false }
        return check.blocks.contains { $0.depth == 0 && $0.lines.lowerBound == cut }
    }

    private struct Walker {
        let lineOffset: Int
        let lastLine: Int
        let bytes: [UInt8]
        let lines: LineTable
        var blocks: [Block] = []
        var headingTexts: [Int: String] = [:]

        init(lineOffset: Int, lastLine: Int, bytes: [UInt8], lines: LineTable) {
            self.lineOffset = lineOffset
            self.lastLine = lastLine
            self.bytes = bytes
            self.lines = lines
            blocks.reserveCapacity((lastLine - lineOffset) * 2)
        }

        mutating func visit(_ node: OpaquePointer, parent: Int?, depth: Int) {
            guard let kind = kind(of: node) else { return }
            // A paragraph that cmark-gfm splits off above a table has no position of its own.
            guard cmark_node_get_start_line(node) > 0 else { return }
            var first = Int(cmark_node_get_start_line(node)) + lineOffset
            var last = Int(cmark_node_get_end_line(node)) + lineOffset
            // A block that ends at a blank line reports column 0 of that line: it ended before it.
            if cmark_node_get_end_column(node) == 0 && last > first { last -= 1 }
            // cmark-gfm ends an HTML block closed by its end condition (`-->`, `?>`, `]]>`, `>`) a
            // line early: its text says how many lines it has.
            if kind == .htmlBlock, let literal = cmark_node_get_literal(node) {
                var count = 0, previous: CChar = 0, at = literal
                while at.pointee != 0 { if at.pointee == 0x0A { count += 1 }; previous = at.pointee; at += 1 }
                if previous != 0x0A && previous != 0 { count += 1 }
                last = max(last, first + count - 1)
            }
            last = min(max(last, first), lastLine)
            guard first <= lastLine else { return }
            // A container that ends at a line of spaces ends before it: the line is blank.
            if kind.isContainer {
                while last > first && lines.isBlank(last, in: bytes) { last -= 1 }
            }
            if kind == .table, let header = headerLine(first...last), header > first {
                // cmark-gfm starts such a table where the paragraph above it started: the lines
                // above the header row are that paragraph, which GitHub shows as one.
                blocks.append(Block(kind: .paragraph, lines: first...(header - 1), column: Int(cmark_node_get_start_column(node)),
                                    parent: parent, depth: depth, subtreeEnd: blocks.count + 1))
                first = header
            }
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

        /// The line before a table's alignment row: its header row.
        func headerLine(_ range: ClosedRange<Int>) -> Int? {
            for line in (range.lowerBound + 1)...max(range.lowerBound + 1, range.upperBound) where line <= range.upperBound {
                let content = lines.contentRange(line)
                guard content.contains(where: { bytes[$0] == UInt8(ascii: "-") }) else { continue }
                if content.allSatisfy({ [Byte.space, Byte.tab, 0x7C, 0x2D, 0x3A].contains(bytes[$0]) }) { return line - 1 }
            }
            return nil
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
        var index = 0
        while index < parsed.count {
            let end = parsed[index].subtreeEnd
            let top = parsed[index].lines
            appendGap(from: nextLine, to: top.lowerBound - 1, into: &result, lines: lines, bytes: bytes)
            nextLine = max(nextLine, top.lowerBound)
            if top.upperBound >= nextLine {
                let shift = result.count - index
                result.append(contentsOf: parsed[index..<end])
                let first = result.count - (end - index)
                result[first].lines = nextLine...top.upperBound
                if shift != 0 {
                    for k in first..<result.count {
                        result[k].subtreeEnd += shift
                        if let parent = result[k].parent { result[k].parent = parent + shift }
                    }
                }
                nextLine = top.upperBound + 1
            }
            index = end
        }
        appendGap(from: nextLine, to: lines.count, into: &result, lines: lines, bytes: bytes)
        return result
    }

    /// Blank and definition blocks for lines `from...to`, which no block of cmark-gfm covers.
    private static func appendGap(from: Int, to: Int, into result: inout [Block], lines: LineTable, bytes: [UInt8]) {
        var line = from
        while line <= to {
            let blank = lines.isBlank(line, in: bytes)
            var last = line
            while last < to && lines.isBlank(last + 1, in: bytes) == blank { last += 1 }
            result.append(Block(kind: blank ? .blank : .definition, lines: line...last, column: 1,
                                parent: nil, depth: 0, subtreeEnd: result.count + 1))
            line = last + 1
        }
    }
}
