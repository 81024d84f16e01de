import FMList

/// A table-of-contents item nested under another item than its heading's level says.
public struct TocNestingRule: Rule {
    public static let description = RuleDescription(
        id: "toc-nesting",
        summary: "A nested table of contents nests its items as the headings nest.",
        rationale: """
            In a contents that nests sub-sections under their sections, an item belongs under the \
            item of the nearest heading before it with a lower level. `- - [LFM data](#lfm-data)` \
            draws an empty bullet holding a list of its own, and the items written under it join \
            that list (an error, as for any doubled marker); the fix writes the item at its \
            siblings' depth, with their indent and marker.
            """,
        severity: .warning,
        passing: [
            "## Contents\n- [Datasets](#datasets)\n  - [LFM data](#lfm-data)\n  - [VFM data](#vfm-data)\n## Datasets\n### LFM data\n### VFM data\n",
            "## Contents\n- [Methods](#methods)\n- [Vision](#vision)\n## Methods\n### Vision\n",
        ],
        failing: [
            "## Contents\n- [Datasets](#datasets)\n- - ↓[LFM data](#lfm-data)\n  - [VFM data](#vfm-data)\n## Datasets\n### LFM data\n### VFM data\n",
            "## Contents\n- [Methods](#methods)\n  - [Vision](#vision)\n- ↓[数据 🩺](#数据-)\n## Methods\n### Vision\n### 数据 🩺\n",
        ],
        fixes: [
            (before: "## Contents\n- [Datasets](#datasets)\n- - [LFM data](#lfm-data)\n  - [VFM data](#vfm-data)\n## Datasets\n### LFM data\n### VFM data\n",
             after: "## Contents\n- [Datasets](#datasets)\n  - [LFM data](#lfm-data)\n  - [VFM data](#vfm-data)\n## Datasets\n### LFM data\n### VFM data\n"),
            (before: "## Contents\n- [Methods](#methods)\n  - [Vision](#vision)\n- [Language](#language): text models\n## Methods\n### Vision\n### Language\n",
             after: "## Contents\n- [Methods](#methods)\n  - [Vision](#vision)\n  - [Language](#language): text models\n## Methods\n### Vision\n### Language\n"),
        ],
        restructures: true)

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        for toc in context.view.tablesOfContents {
            guard let outline = TocOutline(toc, in: context) else { continue }
            // A flat contents (every item at the top) lists sections and sub-sections alike.
            guard toc.items.contains(where: { $0.parent != nil }) else { continue }
            for (k, item) in toc.items.enumerated() {
                guard let depth = outline.expectedDepth[k], outline.sections[k] != nil else { continue }
                let expected = outline.expectedParent[k]
                // Under an item whose heading is unknown, nothing says where this one belongs.
                if let parent = item.parent, outline.sections[parent] == nil { continue }
                guard item.doubled || item.parent != expected else { continue }
                let text = context.document.lineText(item.line)
                guard let fixed = outline.line(text, at: depth), fixed != text else { continue }
                // The items written under this one must already belong beside it, or moving it
                // would take them along.
                let children = toc.items.indices.filter { toc.items[$0].parent == k }
                let movable = !children.contains { outline.expectedParent[$0] == k }
                let under = expected.map { "under \"\(toc.items[$0].text)\"" } ?? "at the top of the contents"
                let shape = item.doubled ? "two list markers put it in a list of its own under an empty bullet" : "it is nested elsewhere"
                var found = finding("contents item \"\(item.text)\" belongs \(under), as the heading levels say; \(shape)",
                                    line: item.line, column: item.column,
                                    fix: movable ? Fix("nest the item as its heading", edits: [.replace(line: item.line, with: fixed)]) : nil)
                // GitHub draws the empty bullet: as much an error as any doubled marker.
                if item.doubled { found.severity = .error }
                findings.append(found)
            }
        }
        return findings
    }
}
