import FMList

/// An item of a category section that is not `[Venue] Title. [[Label]](url) …`.
public struct UnparsableEntryRule: Rule {
    public static let description = RuleDescription(
        id: "unparsable-entry",
        summary: "Entries read as an optional [Venue], a title, then labelled links.",
        rationale: """
            fmadd finds duplicates, checks links and places new entries by reading every entry as \
            venue, title and links. An entry without a title or without a `[[Paper]]`-style link \
            cannot be read, and a person has to say what it should be. An item under an entry \
            (its authors, a note) belongs to that entry and is no entry of its own. Only an item \
            of a category at least half of whose items are entries is reported: where most are \
            not, the list writes its items in a way fmadd does not read, no fault of each item.
            """,
        severity: .warning,
        passing: [
            "## MFM methods\n**2023**\n- [Nature] A title. [[Paper]](https://a.org/1) [[Code]](https://github.com/a/b)\n",
            "## BFM methods\n**2023**\n- [1] single cell foundation models:\n  - [arXiv] A. [[Paper]](https://a.org/1)\n",
            "## VFM methods\n### 2020\n- A title\n  [[pdf]](https://a.org/1)\n  - A. Author, B. Author. *Venue 2020*\n",
            "## MFM methods\n- **[A title](https://a.org/1)**<br/>A. Author · *Nature*\n- **[Another](https://a.org/2)**<br/>B. Author · *Cell*\n"
                + "- [Nature] A title. [[Paper]](https://a.org/3)\n",
        ],
        failing: [
            "## MFM methods\n**2023**\n- [Nature] A title. [[Paper]](https://a.org/1)\n↓- [Nature] A title without links.\n",
            "## MFM methods\n**2023**\n- [Nature] A title. [[Paper]](https://a.org/2)\n↓- [Nature] [[Paper]](https://a.org/1)\n",
            "## MFM methods\n**2023**\n  ↓- [医学 🩺] 标题 https://a.org/1\n- [Nature] A title. [[Paper]](https://a.org/2)\n",
        ],
        comparesWithMajority: true)

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        let view = context.view
        let blocks = view.document.blocks
        /// The entry read from the item `block`; the entries are in the order of their blocks.
        func listedEntry(ofBlock block: Int) -> Entry? {
            var low = 0, high = view.entries.count
            while low < high {
                let mid = (low + high) / 2
                if view.entries[mid].blockIndex < block { low = mid + 1 } else { high = mid }
            }
            return low < view.entries.count && view.entries[low].blockIndex == block ? view.entries[low] : nil
        }
        /// Whether the nearest item around `entry` is an entry: `entry` is its authors or a note.
        func isUnderAnEntry(_ entry: Entry) -> Bool {
            guard entry.nesting > 0 else { return false }
            var ancestor = blocks[entry.blockIndex].parent
            while let a = ancestor, blocks[a].kind != .item { ancestor = blocks[a].parent }
            return ancestor.flatMap { listedEntry(ofBlock: $0) }?.shape == .entry
        }
        let unparsed = view.entries.filter { $0.shape == .unparsed && !isUnderAnEntry($0) }
        guard !unparsed.isEmpty else { return [] }
        // Per category, how many of its items are entries and how many cannot be read.
        var read: [String: Int] = [:], unread: [String: Int] = [:]
        for entry in view.entries where entry.nesting == 0 {
            let key = entry.category ?? ""
            if entry.shape == .entry { read[key, default: 0] += 1 } else if entry.shape == .unparsed { unread[key, default: 0] += 1 }
        }
        // The list's own paper link, and the readable entry of the same category nearest above
        // (else below) as the model: the list's form, not another list's.
        let paperKey = (view.conventions.paperLabel ?? "paper").lowercased()
        let paperLabel = MixedLabelCaseRule.canonicalLabels(in: view)[paperKey] ?? view.conventions.paperLabel ?? "Paper"
        let paperLink = view.conventions.labelForm.link(label: paperLabel, url: "https://…")
        var readableLines: [String: [Int]] = [:]
        for entry in view.entries where entry.shape == .entry && entry.nesting == 0 { readableLines[entry.category ?? "", default: []].append(entry.line) }
        func model(for entry: Entry) -> Int? {
            guard let lines = readableLines[entry.category ?? ""] else { return nil }
            var low = 0, high = lines.count  // the first line below the entry
            while low < high { let mid = (low + high) / 2; if lines[mid] < entry.line { low = mid + 1 } else { high = mid } }
            return low > 0 ? lines[low - 1] : lines.first
        }
        return unparsed.filter { (read[$0.category ?? ""] ?? 0) >= (unread[$0.category ?? ""] ?? 0) }.map { entry in
            let what = entry.title == nil ? "has no title" : "has no link such as `\(paperLink)`"
            let how = model(for: entry).map { "write it as line \($0) is written" } ?? "write it as `- Title \(paperLink)`"
            return finding("entry \(what); \(how)", line: entry.line, column: entry.indent.unicodeScalars.count + 1)
        }
    }
}
