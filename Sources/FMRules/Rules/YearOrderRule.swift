import FMList

/// Year groups of a category out of the list's order (newest first, unless the list or
/// `yearOrder:` says oldest first), or a year that appears twice.
public struct YearOrderRule: Rule {
    public static let description = RuleDescription(
        id: "year-order",
        summary: "Year groups run in the list's order (newest first unless it is oldest first), each year once.",
        rationale: """
            Readers look for recent work at the top of each section, and a contributor adding a \
            paper must find one place for its year. The order is the one most of the list's year \
            groups follow, or `yearOrder:` in `.fmadd.yml`: a list written oldest first stays so. \
            `fmadd fix` moves whole year groups; the entries inside them are not touched.
            """,
        severity: .error,
        passing: ["## VFM methods\n**2024**\n- [a] A. [[Paper]](https://a.org/1)\n\n**2023**\n- [b] B. [[Paper]](https://a.org/2)\n",
                  "## VFM methods\n### 2022\n- [a] A. [[Paper]](https://a.org/1)\n\n### 2023\n- [b] B. [[Paper]](https://a.org/2)\n\n### 2024\n- [c] C. [[Paper]](https://a.org/3)\n"],
        failing: [
            "## VFM methods\n**2023**\n- [a] A. [[Paper]](https://a.org/1)\n\n↓**2024**\n- [b] B. [[Paper]](https://a.org/2)\n",
            "## VFM methods\n**2023**\n- [a] A. [[Paper]](https://a.org/1)\n\n↓**2023**\n- [b] B. [[Paper]](https://a.org/2)\n",
            "## VFM methods\n### 2022\n- [医学] 模型🩺. [[Paper]](https://a.org/1)\n\n↓### 2024\n- [b] B. [[Paper]](https://a.org/2)\n",
        ],
        fixes: [
            (before: "## VFM methods\n**2022**\n- [a] A. [[Paper]](https://a.org/1)\n\n**2024**\n- [b] B. [[Paper]](https://a.org/2)\n\n**2023**\n- [c] C. [[Paper]](https://a.org/3)\n\n## Next\n",
             after: "## VFM methods\n**2024**\n- [b] B. [[Paper]](https://a.org/2)\n\n**2023**\n- [c] C. [[Paper]](https://a.org/3)\n\n**2022**\n- [a] A. [[Paper]](https://a.org/1)\n\n## Next\n"),
            (before: "## VFM methods\n**2023**\n- [a] A. [[Paper]](https://a.org/1)\n\n**2024**\n- [b] B. [[Paper]](https://a.org/2)\n\n**2023**\n- [c] C. [[Paper]](https://a.org/3)\n",
             after: "## VFM methods\n**2024**\n- [b] B. [[Paper]](https://a.org/2)\n\n**2023**\n- [a] A. [[Paper]](https://a.org/1)\n- [c] C. [[Paper]](https://a.org/3)\n"),
        ],
        restructures: true)

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        var bySection: [Int: [Int]] = [:]
        for (k, group) in context.view.yearGroups.enumerated() {
            if let section = group.section, !context.isVerbatim(group.line) { bySection[section, default: []].append(k) }
        }
        let order = context.view.conventions.yearOrder
        var findings: [Finding] = []
        for (_, groupIndices) in bySection.sorted(by: { $0.key < $1.key }) {
            let groups = groupIndices.map { context.view.yearGroups[$0] }
            let fix = reorderFix(groups, order: order, context)
            var firstLine: [Int: Int] = [:]
            for (k, group) in groups.enumerated() {
                if let seen = firstLine[group.year] {
                    findings.append(finding("year \(group.year) appears twice in this section (first on line \(seen)); merge the two groups",
                                            line: group.line, column: group.column, fix: fix))
                } else if k > 0, !order.allows(groups[k - 1].year, before: group.year) {
                    let direction = order == .newestFirst ? "from newest to oldest" : "from oldest to newest"
                    findings.append(finding("year \(group.year) comes after \(groups[k - 1].year); years go \(direction) in this list",
                                            line: group.line, column: group.column, fix: fix))
                }
                firstLine[group.year] = firstLine[group.year] ?? group.line
            }
        }
        return findings
    }

    /// One edit that rewrites the section's year groups in the list's order, a repeated year's
    /// entries joining its first group. Nil when a marker is swallowed: that is fixed first.
    private func reorderFix(_ groups: [YearGroup], order: ListConventions.YearOrder, _ context: RuleContext) -> Fix? {
        guard groups.count > 1, groups.allSatisfy(\.rendersAsMarker) else { return nil }
        let document = context.document
        struct Chunk { var year: Int; var marker: String; var body: [String] }
        var chunks: [Chunk] = []
        var trailingBlanks: [String] = []
        var separator = 0
        for (k, group) in groups.enumerated() {
            var body = group.lines.dropFirst().map { document.lineText($0) }
            var blanks: [String] = []
            while let last = body.last, last.trimmingWhitespace().isEmpty { blanks.append(body.removeLast()) }
            if k == 0 { separator = blanks.count }
            if k == groups.count - 1 { trailingBlanks = blanks }
            chunks.append(Chunk(year: group.year, marker: document.lineText(group.line), body: body))
        }
        var merged: [Chunk] = []
        for chunk in chunks {
            if let at = merged.firstIndex(where: { $0.year == chunk.year }) {
                merged[at].body.append(contentsOf: chunk.body)
            } else {
                merged.append(chunk)
            }
        }
        // A stable sort: groups with the same year cannot remain after merging.
        let sign = order == .newestFirst ? 1 : -1
        merged = merged.enumerated().sorted { (sign * $0.element.year, -$0.offset) > (sign * $1.element.year, -$1.offset) }.map(\.element)
        var lines: [String] = []
        for (k, chunk) in merged.enumerated() {
            lines.append(chunk.marker)
            lines.append(contentsOf: chunk.body)
            if k < merged.count - 1 { lines.append(contentsOf: Array(repeating: "", count: max(separator, 1))) }
        }
        lines.append(contentsOf: trailingBlanks)
        let range = groups[0].line..<(groups[groups.count - 1].lines.upperBound + 1)
        return Fix(order == .newestFirst ? "put the year groups in descending order" : "put the year groups in ascending order", edits: [LineEdit(lines: range, replacement: lines)])
    }
}
