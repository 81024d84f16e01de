import FMList

/// How clusters of duplicates are merged into one entry each, as line edits.
///
/// The most complete entry of a cluster (most links, then a venue, then a code link; the earlier
/// one on a tie) stays where it is, with its venue and year. Each link of the others whose target
/// it lacks (compared by identity: `abs/` and `pdf/` of one arXiv id are one target) is added after
/// its last link, with the list's spelling of the label and the entry's separator, so two
/// different `[[Code]]` links are both kept. The others are deleted. An entry with sub-entries
/// under it is never deleted: it stays, and its links are not taken.
public enum MergePlan {
    /// The edits that merge `clusters`, for `Document.applying(_:)`. Which clusters to merge is
    /// the caller's choice (for example only those of confidence `.duplicate`).
    public static func edits(for clusters: [DuplicateCluster], in view: ListView) -> [LineEdit] {
        var planned: [LineEdit] = []
        for cluster in clusters {
            let proposed = edits(for: cluster, in: view)
            // Clusters are disjoint, but a nested entry's lines lie inside its parent's.
            if proposed.contains(where: { edit in planned.contains { $0.overlaps(edit) } }) { continue }
            planned += proposed
        }
        return planned
    }

    /// The entry of a cluster that stays.
    public static func keeper(of cluster: DuplicateCluster, in view: ListView) -> DuplicateCluster.Entry? {
        let removable = cluster.entries.filter { !hasSubEntries($0.index, in: view) }
        let fixed = cluster.entries.filter { hasSubEntries($0.index, in: view) }
        // An entry that cannot go must be the one that stays; two such cannot be merged.
        guard fixed.count <= 1 else { return nil }
        if let only = fixed.first { return only }
        return removable.max { completeness(view.entries[$0.index]).isLess(than: completeness(view.entries[$1.index])) }
    }

    private static func edits(for cluster: DuplicateCluster, in view: ListView) -> [LineEdit] {
        guard let keeper = keeper(of: cluster, in: view) else { return [] }
        let kept = view.entries[keeper.index]
        let others = cluster.entries.filter { $0.index != keeper.index }.map { view.entries[$0.index] }
        var targets = Set(kept.links.compactMap { EntryKeys.identity(ofLink: $0.url) })
        var added: [EntryLink] = []
        for link in others.flatMap(\.links) {
            guard let identity = EntryKeys.identity(ofLink: link.url), targets.insert(identity).inserted else { continue }
            added.append(link)
        }
        var edits = others.map { LineEdit.delete($0.lines) }
        if !added.isEmpty, let line = lineWithLinks(kept, adding: added, in: view) {
            edits.append(.replace(line: line.number, with: line.text))
        }
        return edits
    }

    /// The keeper's line with `links` written after its last link.
    private static func lineWithLinks(_ entry: Entry, adding links: [EntryLink], in view: ListView)
        -> (number: Int, text: String)? {
        let style = entry.links.first
        let separator = entry.linkSeparator ?? " "
        let written = links.map { link in
            let label = view.configuration.labels[link.label.lowercased()] ?? link.label
            return (style?.doubleBracket ?? link.doubleBracket) ? "[[\(label)]](\(link.url))" : "[\(label)](\(link.url))"
        }
        let insertion = written.map { separator + $0 }.joined()
        guard let last = entry.links.last else {
            // No link yet: after the title, on the entry's first line.
            let text = view.document.lineText(entry.line)
            return (entry.line, trimmedTrailingSpace(text) + " " + written.joined(separator: separator))
        }
        let bytes = Array(view.document.lineBytes(last.line))
        guard let scanned = InlineLinkScanner.links(in: bytes).first(where: { $0.start == last.offset }) else { return nil }
        let text = String(decoding: bytes[..<scanned.end], as: UTF8.self) + insertion
            + String(decoding: bytes[scanned.end...], as: UTF8.self)
        return (last.line, text)
    }

    private struct Completeness {
        var targets: Int
        var hasVenue: Bool
        var hasCode: Bool
        var line: Int

        /// Fewer targets, then no venue, then no code, then later in the list.
        func isLess(than other: Completeness) -> Bool {
            if targets != other.targets { return targets < other.targets }
            if hasVenue != other.hasVenue { return !hasVenue }
            if hasCode != other.hasCode { return !hasCode }
            return line > other.line
        }
    }

    private static func completeness(_ entry: Entry) -> Completeness {
        let targets = Set(entry.links.compactMap { EntryKeys.identity(ofLink: $0.url) })
        let hasCode = entry.links.contains { EntryKeys.repository(in: $0.url) != nil }
        return Completeness(targets: targets.count, hasVenue: entry.venue != nil, hasCode: hasCode, line: entry.line)
    }

    /// Entries are in line order, so a sub-entry is the next entry and starts inside this one.
    private static func hasSubEntries(_ index: Int, in view: ListView) -> Bool {
        let entry = view.entries[index]
        guard entry.lines.count > 1, index + 1 < view.entries.count else { return false }
        return entry.lines.contains(view.entries[index + 1].line)
    }

    private static func trimmedTrailingSpace(_ text: String) -> String {
        var text = text
        while let last = text.last, last == " " || last == "\t" { text.removeLast() }
        return text
    }
}
