import FMList

/// Two list markers on one line: `- - [LFM data](#lfm-data)`.
public struct DoubledListMarkerRule: Rule {
    public static let description = RuleDescription(
        id: "doubled-list-marker",
        summary: "A list item starts with one marker.",
        rationale: "`- - text` is a list inside a list item on one line: GitHub draws two bullets.",
        severity: .error,
        passing: ["- [LFM data](#lfm-data)\n  - [VFM data](#vfm-data)\n"],
        failing: [
            "- [Datasets](#datasets)\n  ↓- - [LFM data](#lfm-data)\n",
            "- [数据集 🩺](#数据集-)\n  ↓- - [LFM data](#lfm-data)\n",
        ],
        fixes: [
            (before: "- [Datasets](#datasets)\n  - - [LFM data](#lfm-data)\n",
             after: "- [Datasets](#datasets)\n  - [LFM data](#lfm-data)\n"),
        ],
        restructures: true)

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        let blocks = context.document.blocks
        var findings: [Finding] = []
        // In a nested table of contents the heading levels say where the item goes: the
        // toc-nesting rule moves it there, which dropping one marker would not.
        let nested = Set(TocNestingRule().check(context).filter { $0.fix != nil }.map(\.line))
        for block in blocks where block.kind == .item && !nested.contains(block.lines.lowerBound) {
            guard let list = block.parent, let outer = blocks[list].parent, blocks[outer].kind == .item,
                  blocks[outer].lines.lowerBound == block.lines.lowerBound else { continue }
            let line = block.lines.lowerBound
            let bytes = context.document.lineBytes(line)
            guard let outerMarker = EntryParser.marker(in: bytes) else { continue }
            let rest = bytes.dropFirst(outerMarker.contentStart)
            let fixed = outerMarker.indent + String(decoding: rest, as: UTF8.self)
            findings.append(finding("two list markers on one line make a list inside a list item; keep one",
                                    line: line, column: outerMarker.indent.unicodeScalars.count + 1,
                                    fix: Fix("remove the extra list marker", edits: [.replace(line: line, with: fixed)])))
        }
        return findings
    }
}
