import Foundation
import FMTestSupport
import Testing
import FMList
import FMRules
@testable import FMEditor

@Suite struct TableLayoutTests {
    static let wideTable = """
        | Name | 模态 | Scale |
        |:---|:---:|---:|
        | Cafe\u{301} e\u{301}te\u{301} | CT 🩻 | 1 |
        | 数据集🩺 | MRI | 12,000 |
        | 👩‍⚕️ doctors | 超声 | 3 |
        | plain | ❤️ | 45 |

        """

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
        let document = try Document(bytes: Array(Self.wideTable.utf8))
        let fixed = try Fixer(linter: Linter(select: ["table-alignment"], ignore: []), configuration: .healthcareDefault)
            .fix(document, path: "table.md")
        let ours = String(decoding: fixed.bytes, as: UTF8.self)
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
        var configuration = Configuration.healthcareDefault
        configuration.padLastColumn = false
        let text = "| a | long header |\n| --- | --- |\n| bbbb | x |\n"
        let fixed = try Fixer(linter: Linter(select: ["table-alignment"], ignore: []), configuration: configuration)
            .fix(try Document(bytes: Array(text.utf8)), path: "t.md")
        #expect(String(decoding: fixed.bytes, as: UTF8.self) == "| a    | long header |\n| ---- | --- |\n| bbbb | x |\n")
    }

    @Test func aRowWithTheWrongNumberOfCellsIsLeftAsItIs() throws {
        let text = "| a | b |\n| --- | --- |\n|c|d|e|\n|f|g|\n"
        let fixed = try Fixer(linter: Linter(), configuration: .healthcareDefault).fix(try Document(bytes: Array(text.utf8)), path: "t.md")
        #expect(String(decoding: fixed.bytes, as: UTF8.self) == text)
        #expect(fixed.remaining.map(\.ruleID) == ["table-cell-count"])
    }
}
