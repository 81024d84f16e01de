import Foundation
import FMTestSupport
import Testing
@testable import FMList

@Suite struct TableLayoutTests {
    static let wideTable = """
        | Name | 模态 | Scale |
        |:---|:---:|---:|
        | Cafe\u{301} e\u{301}te\u{301} | CT 🩻 | 1 |
        | 数据集🩺 | MRI | 12,000 |
        | 👩‍⚕️ doctors | 超声 | 3 |
        | plain | ❤️ | 45 |

        """

    /// The table of `text` as `TableLayout` aligns it, the lines around it as they are.
    static func aligned(_ text: String, padLastColumn: Bool = true) throws -> String? {
        let document = try Document(bytes: Array(text.utf8))
        let table = try #require(ListView(document: document, configuration: .healthcareDefault).tables.first)
        guard let lines = TableLayout.aligned(table, in: document, padLastColumn: padLastColumn) else { return nil }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The display column of every `|` on each line.
    static func pipeColumns(_ text: String) -> [[Int]] {
        text.split(separator: "\n").map { line in
            var columns: [Int] = []
            var column = 0
            for character in line {
                if character == "|" { columns.append(column) }
                column += DisplayWidth.of(String(character))
            }
            return columns
        }
    }

    @Test(.enabled(if: Needs.peers, Comment(rawValue: Needs.peersReason))) func linesUpWhereMdformatTablesPutsThePipes() throws {
        let ours = try #require(try Self.aligned(Self.wideTable))
        let theirs = try Peers.run("mdformat", ["--extensions", "tables", "-"], stdin: Self.wideTable)
        #expect(!theirs.isEmpty)
        #expect(Self.pipeColumns(ours) == Self.pipeColumns(theirs), "fmadd:\n\(ours)\nmdformat:\n\(theirs)")
    }

    @Test(.enabled(if: Needs.peers, Comment(rawValue: Needs.peersReason))) func widthsAreThoseOfPythonsWcwidth() throws {
        let samples = ["abc", "名称", "数据集🩺", "Cafe\u{301}", "👩‍⚕️", "❤️", "🇫🇷", "한국어", "ｆｕｌｌ", "e\u{301}e\u{301}", "x\u{200B}y",
                       "🩻 CT", "½ ±", "Ω≈ç√", "😀😃", "\u{1F469}\u{1F3FD}", "ﾊﾝｶｸ"]
        let script = "import sys, wcwidth\nfor line in sys.stdin.read().split('\\n'):\n    print(wcwidth.wcswidth(line))"
        let output = try Peers.run("python", ["-c", script], stdin: samples.joined(separator: "\n"))
        let theirs = output.split(separator: "\n").compactMap { Int($0) }
        #expect(samples.map { DisplayWidth.of($0) } == theirs)
    }

    @Test func lastColumnCanStayUnpadded() throws {
        let text = "| a | long header |\n| --- | --- |\n| bbbb | x |\n"
        #expect(try Self.aligned(text, padLastColumn: false) == "| a    | long header |\n| ---- | --- |\n| bbbb | x |\n")
    }

    @Test func aRowWithTheWrongNumberOfCellsIsNotAligned() throws {
        #expect(try Self.aligned("| a | b |\n| --- | --- |\n|c|d|e|\n|f|g|\n") == nil)
    }
}
