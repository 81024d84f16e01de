import Foundation
import FMList

/// A table-of-contents item whose text differs from the heading it links to.
public struct TocTextMismatchRule: Rule {
    public static let description = RuleDescription(
        id: "toc-text-mismatch",
        summary: "A table-of-contents item says what its heading says.",
        rationale: """
            "Related survery" in the contents and "Related survey" in the text read as two places. \
            Letter case, punctuation and emoji may differ; the words may not.
            """,
        severity: .warning,
        passing: [
            "## Contents\n- [Related Survey](#related-survey)\n- [Other](#other)\n# Related survey\n# Other\n",
            "## Contents\n- [Natural Language Processing (NLP)](#nlp)\n- [Other](#other)\n# NLP\n# Other\n",
        ],
        failing: [
            "## Contents\n- ↓[Related survery](#related-survey)\n- [Other](#other)\n# Related survey\n# Other\n",
            "## Contents\n- ↓[数据 🩺](#方法)\n- [Other](#other)\n# 方法\n# Other\n",
        ],
        fixes: [
            (before: "## Contents\n- [Related survery](#related-survey)\n- [Other](#other)\n# Related survey\n# Other\n",
             after: "## Contents\n- [Related survey](#related-survey)\n- [Other](#other)\n# Related survey\n# Other\n"),
        ])

    public init() {}

    /// Whether one text's words appear, in order and together, in the other's: "Computer Vision
    /// (CV)" names "Computer Vision"; "Related survery" does not name "Related survey".
    static func sameWords(_ a: String, _ b: String) -> Bool {
        let x = AnchorGenerator.slug(a).split(separator: "-"), y = AnchorGenerator.slug(b).split(separator: "-")
        let (short, long) = x.count <= y.count ? (x, y) : (y, x)
        guard !short.isEmpty else { return x == y }
        return (0...(long.count - short.count)).contains { long[$0..<($0 + short.count)].elementsEqual(short) }
    }

    public func check(_ context: RuleContext) -> [Finding] {
        let byAnchor = Dictionary(context.view.sections.map { ($0.anchor, $0) }, uniquingKeysWith: { a, _ in a })
        var findings: [Finding] = []
        for toc in context.view.tablesOfContents {
            for item in toc.items {
                let fragment = item.fragment.removingPercentEncoding ?? item.fragment
                // GitHub's page also finds an anchor written in other letter case.
                guard let section = byAnchor[fragment] ?? byAnchor[fragment.lowercased()] else { continue }
                guard !Self.sameWords(section.text, item.text) else { continue }
                let line = context.document.lineText(item.line)
                let fixed = line.replacingOccurrences(of: "[\(item.text)](", with: "[\(section.text)](")
                findings.append(finding("contents item \"\(item.text)\" links to the heading \"\(section.text)\"; use the heading's words",
                                        line: item.line, column: item.column,
                                        fix: Fix("use the heading's text", edits: [.replace(line: item.line, with: fixed)])))
            }
        }
        return findings
    }
}
