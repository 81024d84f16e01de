import FMList

/// A count badge, `![papers](https://img.shields.io/badge/papers-N-blue) <!-- fmadd:count -->`,
/// whose number is not the list's number of papers.
public struct CountBadgeRule: Rule {
    public static let description = RuleDescription(
        id: "count-badge",
        summary: "A badge line marked `<!-- fmadd:count -->` shows the list's number of papers.",
        rationale: """
            A badge kept by hand drifts: it says 90 on a list of 96. The line that holds a shields.io \
            badge (`img.shields.io/badge/LABEL-N-COLOUR`) and the comment `<!-- fmadd:count -->` is kept \
            equal to the entries of the list's paper categories, as `fmadd stats` counts them; \
            `fmadd stats --badge` prints the line, `fmadd fix` sets the number, and `fmadd add` counts \
            what it adds.
            """,
        severity: .warning,
        passing: [
            "![papers](https://img.shields.io/badge/papers-1-blue) <!-- fmadd:count -->\n\n## LFM methods\n**2024**\n- [arXiv] A title. [[Paper]](https://arxiv.org/abs/2401.00001)\n",
            "![papers](https://img.shields.io/badge/papers-7-blue)\n\n## LFM methods\n**2024**\n- [arXiv] A title. [[Paper]](https://arxiv.org/abs/2401.00001)\n",
            "```markdown\n![papers](https://img.shields.io/badge/papers-7-blue) <!-- fmadd:count -->\n```\n",
        ],
        failing: [
            "![papers](https://img.shields.io/badge/papers-↓3-blue) <!-- fmadd:count -->\n\n## LFM methods\n**2024**\n- [arXiv] A title. [[Paper]](https://arxiv.org/abs/2401.00001)\n",
            "# 基础模型 ![论文](https://img.shields.io/badge/论文-↓12-green) <!-- fmadd:count -->\n",
        ],
        fixes: [
            (before: "![papers](https://img.shields.io/badge/papers-1-blue) <!-- fmadd:count -->\n\n## LFM methods\n**2024**\n- [arXiv] A. [[Paper]](https://a.org/x)\n- [arXiv] B. [[Paper]](https://a.org/y)\n\n## LFM datasets\n| Name | Link |\n|---|---|\n| C | [*](https://a.org/z) |\n",
             after: "![papers](https://img.shields.io/badge/papers-2-blue) <!-- fmadd:count -->\n\n## LFM methods\n**2024**\n- [arXiv] A. [[Paper]](https://a.org/x)\n- [arXiv] B. [[Paper]](https://a.org/y)\n\n## LFM datasets\n| Name | Link |\n|---|---|\n| C | [*](https://a.org/z) |\n"),
        ])

    /// The comment that marks a count badge.
    public static let marker = "<!-- fmadd:count -->"

    /// The badge line for `count` papers, marked.
    public static func badge(count: Int) -> String {
        "![papers](https://img.shields.io/badge/papers-\(count)-blue) " + marker
    }

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        let document = context.document
        guard document.lines.count > 0, document.bytes.containsSequence(Self.marker.utf8) else { return [] }
        var count: Int?
        var findings: [Finding] = []
        for line in 1...document.lines.count where context.view.verbatim[line - 1] == .none {
            let bytes = Array(document.lineBytes(line))
            guard bytes.containsSequence(Self.marker.utf8) else { continue }
            for link in context.view.linksByLine[line - 1] where link.isImage {
                guard let digits = Self.countDigits(in: bytes, target: link.targetStart..<link.end) else { continue }
                let shown = Int(String(decoding: bytes[digits], as: UTF8.self))
                let actual = count ?? ListStatistics(view: context.view).paperCount
                count = actual
                guard shown != actual else { continue }
                let fixed = Array(bytes[..<digits.lowerBound]) + Array(String(actual).utf8) + Array(bytes[digits.upperBound...])
                findings.append(finding("the count badge says \(String(decoding: bytes[digits], as: UTF8.self)), the list has \(actual) papers",
                                        line: line, column: Column.of(byteOffset: digits.lowerBound, in: bytes),
                                        fix: Fix("set the count badge to \(actual)",
                                                 edits: [.replace(line: line, with: String(decoding: fixed, as: UTF8.self))])))
            }
        }
        return findings
    }

    /// The byte range of the badge's number in a shields.io static badge address
    /// (`…/badge/LABEL-N-COLOUR`, where `--` in the label is a dash), nil for another address.
    static func countDigits(in bytes: [UInt8], target: Range<Int>) -> Range<Int>? {
        let badge = Array("img.shields.io/badge/".utf8)
        guard let found = bytes[target].firstRange(of: badge) else { return nil }
        let dash = UInt8(ascii: "-")
        func isDigit(_ i: Int) -> Bool { i < target.upperBound && bytes[i] >= 0x30 && bytes[i] <= 0x39 }
        var i = found.upperBound
        while i < target.upperBound, bytes[i] != UInt8(ascii: "/"), bytes[i] != UInt8(ascii: ")"), bytes[i] != UInt8(ascii: "?") {
            if bytes[i] == dash {
                if i + 1 < target.upperBound && bytes[i + 1] == dash { i += 2; continue }
                var end = i + 1
                while isDigit(end) { end += 1 }
                guard end > i + 1, end < target.upperBound, bytes[end] == dash else { return nil }
                return (i + 1)..<end
            }
            i += 1
        }
        return nil
    }
}
