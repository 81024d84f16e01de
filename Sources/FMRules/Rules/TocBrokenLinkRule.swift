import Foundation
import FMList

/// A table-of-contents link whose fragment is not the anchor GitHub gives any heading.
public struct TocBrokenLinkRule: Rule {
    public static let description = RuleDescription(
        id: "toc-broken-link",
        summary: "Table-of-contents links point at GitHub's anchor of a heading.",
        rationale: """
            GitHub makes a heading's anchor by lower-casing it, dropping punctuation and emoji and \
            joining words with hyphens; a repeated heading gets `-1`, `-2`. A link to any other \
            fragment scrolls nowhere. GitHub's page also finds a fragment that differs from an \
            anchor only in letter case (`#Awesome-List` for `# Awesome-List`), but other viewers do \
            not: that is a warning, and the fix writes GitHub's anchor either way. An item whose heading is \
            gone (no heading has its anchor or its words) is removed, unless items are nested under it.
            """,
        severity: .error,
        passing: [
            "# Awesome-List\n## Contents\n- [Awesome-List](#awesome-list)\n- [Methods](#methods)\n# Methods\n",
            "## Contents\n- [Intro](#intro)\n- [Data](#data)\n## <div id=\"intro\"></div>Introduction\n## Data\n",
        ],
        failing: [
            "# Awesome-List\n## Contents\n- [Awesome-List](↓#Awesome-List)\n- [Methods](#methods)\n# Methods\n",
            "# Methods\n## Contents\n- [Methods](#methods)\n- [Blogs](↓#blog)\n## Blogs\n",
            "# 方法 🩺\n## Contents\n- [方法 🩺](#方法-)\n- [数据](↓#數據)\n## 数据\n",
        ],
        fixes: [
            (before: "# Awesome-List\n## Contents\n- [Awesome-List](#Awesome-List)\n- [Methods](#methods)\n# Methods\n",
             after: "# Awesome-List\n## Contents\n- [Awesome-List](#awesome-list)\n- [Methods](#methods)\n# Methods\n"),
            (before: "## Contents\n- [Methods](#methods)\n- [Blogs](#blogs): read these\n- [Data](#data)\n## Methods\n## Data\n",
             after: "## Contents\n- [Methods](#methods)\n- [Data](#data)\n## Methods\n## Data\n"),
        ])

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        let sections = context.view.sections
        let anchors = Set(sections.map(\.anchor)).union(context.view.htmlAnchors)
        var findings: [Finding] = []
        for toc in context.view.tablesOfContents {
            for item in toc.items {
                let fragment = item.fragment.removingPercentEncoding ?? item.fragment
                if anchors.contains(fragment) { continue }
                let bySpelling = sections.first { $0.anchor == fragment.lowercased() }
                let byText = sections.first { AnchorGenerator.slug($0.text) == AnchorGenerator.slug(item.text) }
                if let target = bySpelling {
                    // GitHub's page finds a heading whose anchor differs only in case: the link
                    // works there, though not in every other Markdown viewer.
                    let line = context.document.lineText(item.line)
                    let fixed = Self.replacing(fragment: item.fragment, with: target.anchor, in: line, column: item.targetColumn)
                    var found = finding("#\(item.fragment) differs from GitHub's anchor #\(target.anchor) for \"\(target.text)\" only in letter case; GitHub's page still scrolls to it, other viewers may not",
                                        line: item.line, column: item.targetColumn,
                                        fix: Fix("link #\(target.anchor)", edits: [.replace(line: item.line, with: fixed)]))
                    found.severity = .warning
                    findings.append(found)
                } else if let target = byText {
                    let line = context.document.lineText(item.line)
                    let fixed = Self.replacing(fragment: item.fragment, with: target.anchor, in: line, column: item.targetColumn)
                    findings.append(finding("#\(item.fragment) is not an anchor on this page; GitHub's anchor for \"\(target.text)\" is #\(target.anchor)",
                                            line: item.line, column: item.targetColumn,
                                            fix: Fix("link #\(target.anchor)", edits: [.replace(line: item.line, with: fixed)])))
                } else {
                    // An item of its own line, with nothing nested under it, goes with its heading.
                    let removable = item.lastLine == item.line && toc.items.count > 1
                        && !toc.items.contains { $0.parent == toc.items.firstIndex(of: item) }
                    findings.append(finding("#\(item.fragment) is not an anchor of any heading on this page; link an existing heading or remove the item",
                                            line: item.line, column: item.targetColumn,
                                            fix: removable ? Fix("remove the item of a heading that is gone", edits: [.delete(item.line...item.line)]) : nil))
                }
            }
        }
        return findings
    }

    static func replacing(fragment: String, with anchor: String, in line: String, column: Int) -> String {
        var scalars = Array(line.unicodeScalars)
        let start = column  // column points at "#"; the fragment follows it
        let old = Array(fragment.unicodeScalars)
        guard start + old.count <= scalars.count, Array(scalars[start..<(start + old.count)]) == old else { return line }
        scalars.replaceSubrange(start..<(start + old.count), with: anchor.unicodeScalars)
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }
}
