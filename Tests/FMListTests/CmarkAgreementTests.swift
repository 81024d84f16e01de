import Foundation
import FMTestSupport
import Testing
@testable import FMList

/// fmadd's blocks against the `cmark-gfm` command's own source positions, read from its XML.
@Suite struct CmarkAgreementTests {
    struct CLIBlock: Equatable, CustomStringConvertible {
        var kind: String
        var lines: ClosedRange<Int>
        var description: String { "\(kind) \(lines)" }
    }

    static let blockTags: [String: String] = [
        "heading": "heading", "paragraph": "paragraph", "list": "list", "item": "item", "code_block": "code",
        "html_block": "html", "block_quote": "quote", "thematic_break": "break", "table": "table",
        "footnote_definition": "footnote",
    ]

    static func kindName(_ kind: BlockKind) -> String? {
        switch kind {
        case .heading: return "heading"
        case .paragraph: return "paragraph"
        case .list: return "list"
        case .item: return "item"
        case .codeBlock: return "code"
        case .htmlBlock: return "html"
        case .blockQuote: return "quote"
        case .thematicBreak: return "break"
        case .table: return "table"
        case .footnoteDefinition: return "footnote"
        case .blank, .definition: return nil
        }
    }

    /// The command's blocks, normalised as fmadd reads cmark-gfm's positions: a block ending at
    /// column 0 of a line ends on the line before, a container ending at a line of spaces ends
    /// before it, and an HTML block ends at its text's last line.
    static func cliBlocks(_ file: URL) throws -> [CLIBlock] {
        let lines = String(decoding: try Data(contentsOf: file), as: UTF8.self).components(separatedBy: "\n")
        let blank = { (line: Int) in line <= lines.count && lines[line - 1].allSatisfy { $0 == " " || $0 == "\t" } }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["cmark-gfm", "--sourcepos", "-t", "xml", "-e", "table", "-e", "footnotes", file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let xml = String(decoding: data, as: UTF8.self)
        var blocks: [CLIBlock] = []
        let pattern = try NSRegularExpression(pattern: #"<(\w+) sourcepos="(\d+):(\d+)-(\d+):(\d+)""#)
        for match in pattern.matches(in: xml, range: NSRange(xml.startIndex..., in: xml)) {
            let field = { (k: Int) in String(xml[Range(match.range(at: k), in: xml)!]) }
            guard let kind = blockTags[field(1)] else { continue }
            let first = Int(field(2))!
            var last = Int(field(4))!
            if Int(field(5))! == 0 && last > first { last -= 1 }
            if ["list", "item", "quote", "footnote"].contains(kind) { while last > first && blank(last) { last -= 1 } }
            // An HTML block closed by its end condition is said to end a line early: it ends
            // where its text does.
            if kind == "html", let rest = Range(match.range, in: xml).map({ xml[$0.upperBound...] }),
               let open = rest.firstIndex(of: ">"), let close = rest.range(of: "</html_block>") {
                let text = rest[rest.index(after: open)..<close.lowerBound]
                last = max(last, first + text.count(where: { $0 == "\n" }) - (text.hasSuffix("\n") ? 1 : 0))
            }
            blocks.append(CLIBlock(kind: kind, lines: first...max(first, last)))
        }
        return blocks
    }

    @Test(.enabled(if: Needs.corpus, Comment(rawValue: Needs.corpusReason)), arguments: Paths.corpusFiles())
    func blocksAgreeWithTheCmarkGFMCommand(_ file: URL) throws {
        let document = try Document(bytes: try Paths.bytes(file))
        let ours = document.blocks.compactMap { block in Self.kindName(block.kind).map { CLIBlock(kind: $0, lines: block.lines) } }
        let theirs = try Self.cliBlocks(file)
        #expect(theirs.count > 0, "cmark-gfm printed nothing: is the cmark-gfm command installed?")
        #expect(ours.count == theirs.count)
        for (a, b) in zip(ours, theirs) where a != b {
            Issue.record("\(file.lastPathComponent): fmadd has \(a), cmark-gfm has \(b)")
            break
        }
    }
}
