import FMList

/// An entry with no title and no link targets: `- [[paper]]() [[Code]]()`, or a lone `- `.
public struct PlaceholderEntryRule: Rule {
    public static let description = RuleDescription(
        id: "placeholder-entry",
        summary: "Category sections hold no empty placeholder entries.",
        rationale: """
            A template line left behind by a contributor renders as an empty bullet or as two dead \
            links. It carries nothing, so `fmadd fix` removes it.
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
        ])

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        context.view.entries.filter { $0.shape == .placeholder }.map { entry in
            let hasChildren = context.document.blocks[entry.blockIndex].subtreeEnd > entry.blockIndex + 2
            return finding("placeholder entry with no title and no link targets; fill it in or remove it",
                           line: entry.line, column: entry.indent.unicodeScalars.count + 1,
                           fix: hasChildren ? nil : Fix("remove the placeholder entry", edits: [.delete(entry.lines)]))
        }
    }
}
