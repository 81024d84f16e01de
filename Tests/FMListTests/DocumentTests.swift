import Foundation
import FMTestSupport
import Testing
@testable import FMList

@Suite struct DocumentTests {
    @Test(.enabled(if: Needs.corpus, Comment(rawValue: Needs.corpusReason))) func corpusIsPresent() {
        #expect(Paths.corpusFiles().count >= 10, "expected the shared corpus at \(Paths.corpus.path)")
    }

    @Test(.enabled(if: Needs.corpus, Comment(rawValue: Needs.corpusReason)), arguments: Paths.corpusFiles())
    func corpusFileRoundTripsByteForByte(_ file: URL) throws {
        let bytes = try Paths.bytes(file)
        let document = try Document(bytes: bytes, path: file.lastPathComponent)
        #expect(document.render() == bytes)
        try expectPartition(document)
    }

    static let edgeCases: [(String, [UInt8])] = [
        ("empty", []),
        ("one newline", Array("\n".utf8)),
        ("no final newline", Array("# Title\n\n- [a] B. [[Paper]](https://x.org)".utf8)),
        ("CRLF", Array("# Title\r\n\r\n**2024**\r\n- a\r\n".utf8)),
        ("mixed endings", Array("# T\r\na\nb\rc\r\n\n| a | b |\r\n|---|---|\n| c | d |".utf8)),
        ("byte order mark", [0xEF, 0xBB, 0xBF] + Array("# Title\n- a\n".utf8)),
        ("blank lines at end", Array("- a\n\n\n\n".utf8)),
        ("only spaces", Array("   \n\t\n  ".utf8)),
        ("link definitions", Array("[a]: https://x.org\n[b]: https://y.org\n\ntext [a]\n".utf8)),
        ("unterminated fence", Array("```\ncode\n\n- not a list".utf8)),
        ("NUL byte", Array("a\u{0}b\n- c\n".utf8)),
        ("html and lazy lines", Array("<details>\n<summary>x</summary>\n\n- a\nlazy\n</details>\n> quote\ncontinued\n".utf8)),
        ("setext", Array("Title\n=====\n\nSub\n---\n- item\n---\n".utf8)),
        ("footnote", Array("text[^1]\n\n[^1]: note\n    more\n".utf8)),
    ]

    @Test(arguments: edgeCases.indices)
    func edgeCaseRoundTrips(_ index: Int) throws {
        let (name, bytes) = Self.edgeCases[index]
        let document = try Document(bytes: bytes, path: name)
        #expect(document.render() == bytes, "\(name)")
        try expectPartition(document)
    }

    @Test func invalidUTF8IsRefusedWithItsOffset() {
        let bytes = Array("# ok\nbad \u{00E9}".utf8).dropLast(1) + [0xFF, 0x41]
        #expect(throws: ListError.invalidUTF8(path: "x.md", offset: 9)) {
            try Document(bytes: Array(bytes), path: "x.md")
        }
        #expect(throws: ListError.invalidUTF8(path: "x.md", offset: 1)) {
            try Document(bytes: [0x41, 0xC0, 0x80], path: "x.md")  // an overlong encoding
        }
        #expect(throws: ListError.invalidUTF8(path: "x.md", offset: 0)) {
            try Document(bytes: [0xED, 0xA0, 0x80], path: "x.md")  // a surrogate
        }
    }

    @Test func lineTableKnowsCommonMarkLineEndings() throws {
        let document = try Document(bytes: Array("a\r\nb\rc\nd".utf8))
        #expect(document.lines.count == 4)
        #expect((1...4).map { document.lineText($0) } == ["a", "b", "c", "d"])
        #expect(!document.lines.hasTerminator(4))
    }

    @Test func blocksOfAListWithAYearMarkerSwallowedByTheEntryAbove() throws {
        let text = "## BFM methods\n**2024**\n - [ICLR] A. [[Paper]](https://a.org)\n**2023**\n  - [arXiv] B. [[Paper]](https://b.org)\n"
        let document = try Document(bytes: Array(text.utf8))
        let top = document.topLevel.map { document.blocks[$0] }
        #expect(top.map(\.kind) == [.heading(level: 2, setext: false), .paragraph, .list(ordered: false)])
        // GitHub keeps line 4 in the first item's paragraph: the list holds both items.
        #expect(top[2].lines == 3...5)
        let items = document.blocks.filter { $0.kind == .item }
        #expect(items.map(\.lines) == [3...4, 5...5])
    }

    @Test(.enabled(if: Needs.corpus, Comment(rawValue: Needs.corpusReason)), arguments: Paths.corpusFiles())
    func parsingInPiecesGivesTheBlocksOfTheWhole(_ file: URL) throws {
        let bytes = try Paths.bytes(file)
        let whole = try Document(bytes: bytes, path: "", parallelThreshold: .max, pieces: 1)
        for pieces in [2, 3, 5, 8, 40] {
            let cut = try Document(bytes: bytes, path: "", parallelThreshold: 0, pieces: pieces)
            #expect(cut.blocks == whole.blocks, "\(file.lastPathComponent) in \(pieces) pieces")
            #expect(cut.headingTexts == whole.headingTexts)
        }
    }

    @Test func aCutInsideAnOpenFenceIsDetectedAndTheWholeIsParsed() throws {
        let inside = String(repeating: "text\n\n## Not a heading\n\n**2024**\n", count: 50)
        let text = "# List\n\n```\n" + inside + "```\n\n## After\n\n- a\n"
        let bytes = Array(text.utf8)
        let lines = bytes.withUnsafeBufferPointer { LineTable($0) }
        #expect(!CmarkBlockReader.cutLines(bytes: bytes, lines: lines, shares: 4).isEmpty, "the test needs a tempting cut")
        let whole = try Document(bytes: bytes, path: "", parallelThreshold: .max, pieces: 1)
        let cut = try Document(bytes: bytes, path: "", parallelThreshold: 0, pieces: 4)
        #expect(cut.blocks == whole.blocks)
        #expect(whole.blocks.filter { if case .heading = $0.kind { return true } else { return false } }.count == 2)
    }

    @Test func anArenaReusedAcrossParsesAndOneInsideAnotherGiveTheSameBlocks() throws {
        let text = Array("# A\n\n- [a] One. [[Paper]](https://a.org/1)\n\n| x | y |\n| - | - |\n| 1 | 2 |\n".utf8)
        let alone = try Document(bytes: text, path: "", parallelThreshold: .max, pieces: 1)
        let lines = text.withUnsafeBufferPointer { LineTable($0) }
        let piece = CmarkBlockReader.Piece(firstLine: 1, lastLine: lines.count)
        let (outer, inner, again) = CmarkArena.withArena { recycle in
            let outer = CmarkBlockReader.parseInArena(piece, bytes: text, lines: lines, footnotes: false)
            // A whole parse with an arena of its own, in the middle of this one's.
            let inner = RenderedHTML.of(text)
            recycle()
            let again = CmarkBlockReader.parseInArena(piece, bytes: text, lines: lines, footnotes: false)
            return (outer, inner, again)
        }
        #expect(outer?.blocks.count == again?.blocks.count)
        #expect(inner.contains("<table>") && inner.contains("<h1>A</h1>"))
        #expect(BlockPartition.complete(again?.blocks ?? [], lines: lines, bytes: text) == alone.blocks)
    }

    @Test func aParagraphRightAboveATableIsAParagraphThenTheTable() throws {
        // cmark-gfm reports such a table from the paragraph's first line and the paragraph with no
        // position; GitHub shows the paragraph, then the table.
        let text = "# Data\n\nIntro text\nmore text\n| a | b |\n| --- | --- |\n| c | d |\n\nafter\n"
        for pieces in [1, 3] {
            let document = try Document(bytes: Array(text.utf8), path: "", parallelThreshold: 0, pieces: pieces)
            let top = document.topLevel.map { document.blocks[$0] }.filter { $0.kind != .blank }
            #expect(top.map(\.kind) == [.heading(level: 1, setext: false), .paragraph, .table, .paragraph])
            #expect(top.map(\.lines) == [1...1, 3...4, 5...7, 9...9])
        }
    }

    /// Top-level blocks cover every line once, in order; children lie inside their parents.
    private func expectPartition(_ document: Document) throws {
        var next = 1
        for index in document.topLevel {
            let block = document.blocks[index]
            #expect(block.lines.lowerBound == next, "gap or overlap before line \(block.lines.lowerBound)")
            next = block.lines.upperBound + 1
        }
        #expect(next == document.lines.count + 1)
        for (index, block) in document.blocks.enumerated() {
            guard let parent = block.parent else { continue }
            #expect(parent < index && document.blocks[parent].subtreeEnd >= block.subtreeEnd)
            #expect(document.blocks[parent].lines.contains(block.lines.lowerBound)
                    && document.blocks[parent].lines.contains(block.lines.upperBound))
        }
    }
}
