import FMList

/// How clusters of duplicates are merged into one entry each, as line edits.
///
/// The most complete entry of a cluster (most link targets, then a venue, then a code link, then
/// the longer title; the earlier one on a tie) stays where it is, with its venue and year. Each
/// link of the others whose target it lacks (compared by identity: `abs/` and `pdf/` of one arXiv
/// id are one target) is added after its last link, with the list's spelling of the label and the
/// entry's separator, so two different `[[Code]]` links are both kept. The others are deleted,
/// except for a year marker that GitHub shows inside one of them (a lazy continuation line). An
/// entry with sub-entries is never deleted: it is the one that stays, and a cluster with two such
/// entries is left as it is, as is a cluster that holds a table's row.
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
        // Rows of a table are merged by hand: a table row is not an item to delete or extend.
        guard !cluster.entries.contains(where: \.isTableRow) else { return nil }
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
            guard let identity = EntryKeys.identity(ofLink: link.url) else { continue }
            if targets.insert(identity).inserted { added.append(link) }
        }
        var edits = others.flatMap { deletion(of: $0, in: view) }
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
            let doubleBracket = style?.doubleBracket ?? link.doubleBracket
            if style?.wrapped ?? link.wrapped { return "[[\(label)](\(link.url))]" }
            return doubleBracket ? "[[\(label)]](\(link.url))" : "[\(label)](\(link.url))"
        }
        let insertion = written.map { separator + $0 }.joined()
        guard let last = entry.links.last else {
            // No link yet: after the title, on the entry's first line.
            let text = view.document.lineText(entry.line)
            return (entry.line, trimmedTrailingSpace(text) + " " + written.joined(separator: separator))
        }
        let bytes = Array(view.document.lineBytes(last.line))
        guard let scanned = InlineLinkScanner.links(in: bytes).first(where: { $0.start == last.offset }) else {
            return nil
        }
        // After the whole link: `]` closes a wrapped one (`[[Paper](u)]`).
        let end = scanned.outerEnd
        let text = String(decoding: bytes[..<end], as: UTF8.self) + insertion + String(decoding: bytes[end...], as: UTF8.self)
        return (last.line, text)
    }

    /// The edits that delete an entry's lines, but for year markers among them.
    private static func deletion(of entry: Entry, in view: ListView) -> [LineEdit] {
        let markers = Set(view.yearGroups.lazy.map(\.line).filter { entry.lines.contains($0) })
        var edits: [LineEdit] = []
        var start = entry.lines.lowerBound
        for line in entry.lines where markers.contains(line) {
            if line > start { edits.append(.delete(start...(line - 1))) }
            start = line + 1
        }
        var end = entry.lines.upperBound
        // A card goes with the blank lines that set it apart from the card above it, or, first
        // under its heading, from the text below it: one gap stays where two were.
        let document = view.document
        if entry.isCard, start == entry.lines.lowerBound, start > 1, document.isBlank(start - 1),
           end < document.lines.count, document.isBlank(end + 1) {
            var above = start - 1
            while above > 1 && document.isBlank(above) { above -= 1 }
            if view.entries.contains(where: { $0.isCard && $0.lines.contains(above) }) {
                start = above + 1
            } else {
                while end < document.lines.count && document.isBlank(end + 1) { end += 1 }
            }
        }
        if start <= end { edits.append(.delete(start...end)) }
        return edits
    }

    private struct Completeness {
        var targets: Int
        var hasVenue: Bool
        var hasCode: Bool
        var titleLength: Int
        var line: Int

        /// Fewer targets, then no venue, then no code, then a shorter title, then later in the list.
        func isLess(than other: Completeness) -> Bool {
            if targets != other.targets { return targets < other.targets }
            if hasVenue != other.hasVenue { return !hasVenue }
            if hasCode != other.hasCode { return !hasCode }
            if titleLength != other.titleLength { return titleLength < other.titleLength }
            return line > other.line
        }
    }

    private static func completeness(_ entry: Entry) -> Completeness {
        let targets = Set(entry.links.compactMap { EntryKeys.identity(ofLink: $0.url) })
        let hasCode = entry.links.contains { EntryKeys.repository(in: $0.url) != nil }
        return Completeness(targets: targets.count, hasVenue: entry.venue != nil, hasCode: hasCode,
                            titleLength: entry.title?.count ?? 0, line: entry.line)
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
