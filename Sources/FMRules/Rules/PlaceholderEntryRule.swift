import FMList

/// An entry with no title and no link targets: `- [[paper]]() [[Code]]()`, or a lone `- `.
public struct PlaceholderEntryRule: Rule {
    public static let description = RuleDescription(
        id: "placeholder-entry",
        summary: "Category sections hold no empty placeholder entries.",
        rationale: """
            A template line left behind by a contributor renders as an empty bullet or as two dead \
            links. It carries nothing, so `fmadd fix` removes it. A year marker written right under \
            it, which GitHub shows inside the placeholder, stays, as a paragraph of its own.
            """,
        severity: .error,
        passing: ["## VFM methods\n**2024**\n- [arXiv] A title. [[Paper]](https://arxiv.org/abs/2401.00001)\n"],
        failing: [
            "## VFM methods\n**2024**\n↓- [[paper]]() [[Code]]()\n",
            "## VFM methods\n**2024**\n- [arXiv] A title. [[Paper]](https://arxiv.org/abs/2401.00001)\n↓- \n",
            "## VFM methods\n**2024**\n   ↓- [[论文]]() [[Code]]()\n",
        ],
        fixes: [
            (before: "## VFM methods\n**2024**\n- [[paper]]() [[Code]]()\n- [arXiv] A title. [[Paper]](https://a.org/x)\n",
             after: "## VFM methods\n**2024**\n- [arXiv] A title. [[Paper]](https://a.org/x)\n"),
            (before: "## VFM methods\n**2022**\n- [arXiv] A. [[Paper]](https://a.org/x)\n- [[paper]]() [[Code]]()\n- [[paper]]() [[Code]]()\n**2021**\n- [arXiv] B. [[Paper]](https://a.org/y)\n",
             after: "## VFM methods\n**2022**\n- [arXiv] A. [[Paper]](https://a.org/x)\n\n**2021**\n- [arXiv] B. [[Paper]](https://a.org/y)\n"),
        ],
        restructures: true)

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        context.view.entries.filter { $0.shape == .placeholder }.map { entry in
            let hasChildren = context.document.blocks[entry.blockIndex].subtreeEnd > entry.blockIndex + 2
            return finding("placeholder entry with no title and no link targets; fill it in or remove it",
                           line: entry.line, column: entry.indent.unicodeScalars.count + 1,
                           fix: hasChildren ? nil : removal(of: entry, context))
        }
    }

    /// Deletes the placeholder's lines but the year markers GitHub shows inside it (lazy
    /// continuation lines), which stay as paragraphs of their own; nil when the item holds other
    /// text that a removal would drop.
    private func removal(of entry: Entry, _ context: RuleContext) -> Fix? {
        let document = context.document
        let swallowed = Dictionary(context.view.yearGroups.filter { entry.lines.contains($0.line) && $0.style == .bold }
            .map { ($0.line, $0) }, uniquingKeysWith: { a, _ in a })
        var kept: [String] = []
        for line in entry.lines where line != entry.line {
            let bytes = document.lineBytes(line)
            if swallowed[line] != nil {
                let previousBlank = kept.isEmpty
                    ? entry.lines.lowerBound == 1 || document.lineBytes(entry.lines.lowerBound - 1).trimmingSpacesAndTabs().isEmpty
                    : kept.last!.isEmpty
                if !previousBlank { kept.append("") }
                kept.append(document.lineText(line).trimmingWhitespace())
            } else if !bytes.trimmingSpacesAndTabs().isEmpty {
                return nil
            }
        }
        return Fix("remove the placeholder entry", edits: [LineEdit(lines: entry.lines.lowerBound..<(entry.lines.upperBound + 1), replacement: kept)])
    }
}
