import FMList

/// An entry whose links are spaced differently from the other entries of its category.
public struct LinkSpacingRule: Rule {
    public static let description = RuleDescription(
        id: "link-spacing",
        summary: "An entry's links follow its title after one space, separated as in the rest of the category.",
        rationale: """
            `model.[[paper]](…)` runs the title into its link, and one `, ` among ` `-separated links \
            (or the reverse) breaks the column a reader scans. The separator is the one most \
            entries of the category use, nothing at all included (`[[paper](…)][[code](…)]`). The fix \
            respaces; it never puts text between two links that touch, nor joins two links: that \
            changes what GitHub shows, and is left to a person.
            """,
        severity: .warning,
        passing: [
            "## VFM methods\n**2024**\n- [a] A. [[Paper]](https://a.org/1) [[Code]](https://github.com/a/b)\n",
            "## BFM methods\n**2024**\n  - [a] A. [[Paper]](https://a.org/1), [[Code]](https://github.com/a/b)\n",
            "## LFM methods\n**2024**\n- A. [[paper](https://a.org/1)][[code](https://github.com/a/b)]\n- B. [[paper](https://a.org/2)]\n- C. [[paper](https://a.org/3)][[code](https://github.com/c/d)]\n",
        ],
        failing: [
            "## VFM methods\n**2024**\n- [a] Virchow: A model.↓[[paper]](https://a.org/1)\n",
            "## VFM methods\n**2024**\n- A. [[Paper]](https://a.org/1) [[Code]](https://github.com/a/b)\n- B. [[Paper]](https://a.org/2)↓[[Code]](https://github.com/c/d)\n- C. [[Paper]](https://a.org/3) [[Code]](https://github.com/e/f)\n",
            "## VFM methods\n**2024**\n- [a] A. [[Paper]](https://a.org/1) [[Code]](https://github.com/a/b)\n- [b] 模型🩺. [[Paper]](https://a.org/2)↓, [[Code]](https://github.com/c/d)\n- [c] C. [[Paper]](https://a.org/3) [[Code]](https://github.com/e/f)\n",
        ],
        fixes: [
            (before: "## VFM methods\n**2024**\n- [a] A.[[Paper]](https://a.org/1)  [[Code]](https://github.com/a/b)\n- [b] B. [[Paper]](https://a.org/2) [[Code]](https://github.com/c/d)\n",
             after: "## VFM methods\n**2024**\n- [a] A. [[Paper]](https://a.org/1) [[Code]](https://github.com/a/b)\n- [b] B. [[Paper]](https://a.org/2) [[Code]](https://github.com/c/d)\n"),
        ],
        comparesWithMajority: true)

    public init() {}

    /// Whether the rule reads `separator` (between two links): one space, a comma and a space, or nothing.
    public static func counts(_ separator: String) -> Bool {
        separator == " " || separator == ", " || separator.isEmpty
    }

    /// The separators between links that the rule holds entries to: the one most entries of
    /// each category use, unless the innermost section holding an entry has settled on its own
    /// (nine in ten of at least three entries).
    public struct Separators: Sendable {
        let byCategory: [String: String]
        let settled: [Int: String]
        let innermost: [Int?]

        /// `innermost` is the list's `innermostSections()`, when the caller has it already.
        public init(view: ListView, innermost: [Int?]? = nil) {
            self.innermost = innermost ?? view.innermostSections()
            var categories: [String: [String: Int]] = [:], sections: [Int: [String: Int]] = [:]
            for entry in view.entries {
                guard let category = entry.category, let separator = entry.linkSeparator, LinkSpacingRule.counts(separator) else { continue }
                categories[category, default: [:]][separator, default: 0] += 1
                if entry.line < self.innermost.count, let section = self.innermost[entry.line] { sections[section, default: [:]][separator, default: 0] += 1 }
            }
            byCategory = categories.mapValues { tally in tally.max { ($0.value, $0.key == " " ? 1 : 0) < ($1.value, $1.key == " " ? 1 : 0) }!.key }
            settled = sections.compactMapValues { tally in
                let total = tally.values.reduce(0, +)
                guard total >= 3, let best = tally.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }), best.value * 10 >= total * 9 else { return nil }
                return best.key
            }
        }

        /// The separator for an entry of `category` on `line`, when the list says one.
        public func separator(category: String, line: Int) -> String? {
            (line < innermost.count ? innermost[line] : nil).flatMap { settled[$0] } ?? byCategory[category]
        }
    }

    public func check(_ context: RuleContext) -> [Finding] {
        let separators = Separators(view: context.view)
        var findings: [Finding] = []
        for entry in context.view.entries where entry.shape == .entry && entry.lines.lowerBound == entry.line {
            guard let category = entry.category, entry.links.allSatisfy({ $0.line == entry.line }) else { continue }
            let bytes = Array(context.document.lineBytes(entry.line))
            let links = context.links(onLine: entry.line).filter { link in entry.links.contains { $0.offset == link.start } }
            guard links.count == entry.links.count, let first = links.first, let last = links.last else { continue }
            // Only what stands between the links is respaced; anything else is for a person.
            let gapRanges = zip(links, links.dropFirst()).map { $0.outerEnd..<$1.outerStart }
            guard gapRanges.allSatisfy({ bytes[$0].allSatisfy { $0 == Byte.space || $0 == UInt8(ascii: ",") } }) else { continue }
            let want = separators.separator(category: category, line: entry.line) ?? " "
            var before = first.outerStart
            while before > 0 && bytes[before - 1] == Byte.space { before -= 1 }
            let titleGapWrong = first.outerStart - before != 1
            let badGap = gapRanges.firstIndex { !bytes[$0].elementsEqual(want.utf8) }
            guard titleGapWrong || badGap != nil else { continue }
            let linkTexts = links.map { String(decoding: bytes[$0.outerStart..<$0.outerEnd], as: UTF8.self) }
            let fixed = String(decoding: bytes[..<before], as: UTF8.self) + " " + linkTexts.joined(separator: want)
                + String(decoding: bytes[last.outerEnd...], as: UTF8.self)
            let at = titleGapWrong ? first.outerStart : links[badGap!].outerEnd
            let shown = want.isEmpty ? "nothing" : "\"\(want)\""
            let message = titleGapWrong
                ? "put one space between the title and its first link"
                : "separate the links with \(shown) as the other entries of this category do"
            // Text put between two links that touched, or taken from between them, is text GitHub
            // shows: that is for a person to decide, not for a respacing.
            let badGaps = gapRanges.filter { !bytes[$0].elementsEqual(want.utf8) }
            let joinsOrParts = want.isEmpty ? !badGaps.isEmpty : badGaps.contains { $0.isEmpty }
            findings.append(finding(message, line: entry.line, column: Column.of(byteOffset: at, in: bytes),
                                    fix: joinsOrParts ? nil : Fix("space the links as the category does", edits: [.replace(line: entry.line, with: fixed)], kind: .content)))
        }
        return findings
    }
}
