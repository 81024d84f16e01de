import FMList

/// A link whose target is empty: `[[Code]]()`, `[ MSD ]()`. Links inside HTML comments, which
/// GitHub does not show, are not links (the list view leaves them out).
public struct EmptyLinkTargetRule: Rule {
    public static let description = RuleDescription(
        id: "empty-link-target",
        summary: "Every link has a target.",
        rationale: """
            GitHub shows a link with an empty target as plain text that looks clickable and goes \
            nowhere. An entry's empty `[[Code]]()` is removed by `fmadd fix`; a named link such as a \
            dataset's needs a person who knows where it should point.
            """,
        severity: .error,
        passing: [
            "## VFM methods\n**2024**\n- [arXiv] A title. [[Paper]](https://arxiv.org/abs/2401.00001)\n",
            "[Link](https://example.org)\n",
            "- [arXiv] A title. [[Paper]](https://arxiv.org/abs/2401.00001) <!-- [[Code]]() -->\n",
            "- [arXiv] A title. [[Paper]](https://arxiv.org/abs/2401.00001) <!-- to do:\n  [[Code]]() -->\n",
            "A paragraph <!-- with [ MSD ]() hidden,\nand [[Code]]() too --> ends here.\n",
        ],
        failing: [
            "## VFM methods\n**2024**\n- [arXiv] A title. [[Paper]](https://arxiv.org/abs/2401.00001) ↓[[Code]]()\n",
            "| Name | Link |\n| --- | --- |\n|↓[  TotalSegmentator ]()| [*](https://example.org) |\n",
            "- [arXiv] 医学 🩺 基础模型. [[Paper]](https://arxiv.org/abs/2401.00001) ↓[[Code]]( )\n",
        ],
        fixes: [
            (before: "## VFM methods\n**2024**\n- [arXiv] A title. [[Paper]](https://arxiv.org/abs/2401.00001) [[Code]]()\n",
             after: "## VFM methods\n**2024**\n- [arXiv] A title. [[Paper]](https://arxiv.org/abs/2401.00001)\n"),
        ])

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        let document = context.document
        var placeholderLines = Set<Int>()
        for entry in context.view.entries where entry.shape == .placeholder { placeholderLines.insert(entry.line) }
        var findings: [Finding] = []
        for line in context.linesWithLinks where !context.isVerbatim(line) && !placeholderLines.contains(line) {
            let bytes = document.lineBytes(line)
            for link in context.links(onLine: line) where link.target.isEmpty {
                let name = (link.label ?? link.text).trimmingWhitespace()
                let column = Column.of(byteOffset: link.start, in: bytes)
                if let label = link.label {
                    findings.append(finding("link [[\(label)]] has no target; add its URL or remove the link",
                                            line: line, column: column,
                                            fix: Fix("remove the empty [[\(label)]] link", edits: [.replace(line: line, with: Self.removing(link, from: bytes))])))
                } else {
                    findings.append(finding("link \"\(name)\" has no target; add its URL, or remove the brackets if there is none",
                                            line: line, column: column))
                }
            }
        }
        return findings
    }

    /// The line without the link and the separator before it.
    static func removing(_ link: InlineLink, from bytes: ArraySlice<UInt8>) -> String {
        let line = Array(bytes)
        var start = link.start
        while start > 0 && (Byte.isBlank(line[start - 1])) { start -= 1 }
        if start > 0 && line[start - 1] == UInt8(ascii: ",") {
            start -= 1
            while start > 0 && line[start - 1] == Byte.space { start -= 1 }
        }
        var end = link.end
        if start == link.start { while end < line.count && line[end] == Byte.space { end += 1 } }
        return String(decoding: line[..<start] + line[end...], as: UTF8.self)
    }
}
