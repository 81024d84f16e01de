import FMList

/// Spaces or tabs at the end of a line.
public struct TrailingWhitespaceRule: Rule {
    public static let description = RuleDescription(
        id: "trailing-whitespace",
        summary: "Lines do not end with spaces or tabs.",
        rationale: """
            Trailing white space is invisible in an editor and shows up as noise in every diff. Two or \
            more spaces inside a paragraph are a hard line break in Markdown and are left alone.
            """,
        severity: .warning,
        passing: [
            "- [Nature] A title. [[Paper]](https://example.org/a)\n",
            "A line with a hard break  \ncontinues here.\n",
        ],
        failing: [
            "- [Nature] A title. [[Paper]](https://example.org/a)↓  \n",
            "# 基础模型 🩺↓ \n",
        ],
        fixes: [
            (before: "Text.  \n\n- Item.\t\n", after: "Text.\n\n- Item.\n"),
        ],
        doneByTableRealignment: true)

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        let document = context.document
        var findings: [Finding] = []
        guard document.lines.count > 0 else { return [] }
        var hardBreakLines = Set<Int>()
        for block in document.blocks where block.kind == .paragraph && block.lines.count > 1 {
            for line in block.lines.dropLast() { hardBreakLines.insert(line) }
        }
        for line in 1...document.lines.count {
            let bytes = document.lineBytes(line)
            guard let last = bytes.last, Byte.isBlank(last), !context.isCode(line) else { continue }
            var start = bytes.endIndex
            while start > bytes.startIndex && (Byte.isBlank(bytes[start - 1])) { start -= 1 }
            let trailing = bytes[start...]
            if hardBreakLines.contains(line) && trailing.count >= 2 && trailing.allSatisfy({ $0 == Byte.space }) { continue }
            let kept = String(decoding: bytes[..<start], as: UTF8.self)
            findings.append(finding("line ends with \(trailing.count) white-space character\(trailing.count == 1 ? "" : "s"); remove them",
                                    line: line, column: Column.of(byteOffset: start - bytes.startIndex, in: bytes),
                                    fix: Fix("remove trailing white space", edits: [.replace(line: line, with: kept)], kind: .formatting)))
        }
        return findings
    }
}
