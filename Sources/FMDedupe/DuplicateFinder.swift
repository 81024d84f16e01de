import FMList

/// Finds the same paper listed more than once: under another spelling of its title, another form
/// of its links, or in another section.
///
/// Pairs are looked for only within the scope (`Configuration.dedupeScope`, or the one passed),
/// and never between entries that `Configuration.distinct` declares different. Each pair is judged
/// by `PairJudge`; pairs join into clusters transitively.
public struct DuplicateFinder: Sendable {
    public let configuration: Configuration
    /// Title word similarity (Jaccard, 0…1) from which two titles alone make a likely duplicate:
    /// `Configuration.dedupeThreshold`.
    public var threshold: Double { configuration.dedupeThreshold }

    private let distinct: DistinctRules

    public init(configuration: Configuration) {
        self.configuration = configuration
        distinct = DistinctRules(configuration.distinct)
    }

    /// The entries of a list that can be compared, with their fingerprints: the first half of
    /// the search, which spreads over all cores. The rows of its tables (a paper table's, a
    /// dataset table's) are compared too: a row's id is `ListView.entries.count` plus its
    /// place in `rows`.
    public struct Candidates: Sendable {
        let entries: [Int]
        let fingerprints: [Fingerprint]
        let rows: [ListedEntry.TableRowRecord]
    }

    public func candidates(in view: ListView) -> Candidates {
        let entries = view.entries.indices.filter { Self.isComparable(view.entries[$0]) }
        let rows = ListedEntry.tableRows(in: view)
        return Candidates(entries: entries + rows.indices.map { view.entries.count + $0 },
                          fingerprints: Self.fingerprints(of: entries, in: view) + rows.map { Self.fingerprint(of: $0.record.draft) },
                          rows: rows)
    }

    /// A row's fingerprint: its title (a dataset's name) and its links.
    static func fingerprint(of draft: Draft) -> Fingerprint {
        switch draft {
        case .paper(let paper): return Fingerprint(title: paper.title, urls: paper.links.map(\.url))
        case .dataset(let dataset): return Fingerprint(title: dataset.name, urls: [dataset.paper, dataset.link].compactMap { $0 })
        }
    }

    /// `candidates(in:)` of a list that shares entries with another (the list before and after
    /// `add --from`): an entry whose title and links are those of the other list's entry on its
    /// line keeps that entry's fingerprint, which is made of nothing else. `lineThere` maps a
    /// line of `view` to its line in the other list, nil for a line it does not have.
    public func candidates(in view: ListView, reusing earlier: Candidates, of earlierView: ListView,
                           lineThere: (Int) -> Int?) -> Candidates {
        let entries = view.entries.indices.filter { Self.isComparable(view.entries[$0]) }
        // Of the earlier candidates, the entries (the rows after them are read again: they are few).
        let earlierEntries = earlier.entries.indices.filter { earlier.entries[$0] < earlierView.entries.count }
        let earlierByLine = Dictionary(uniqueKeysWithValues: earlierEntries.map { (earlierView.entries[earlier.entries[$0]].line, $0) })
        var fingerprints = [Fingerprint?](repeating: nil, count: entries.count)
        var missing: [Int] = []
        for (k, index) in entries.enumerated() {
            let entry = view.entries[index]
            if let line = lineThere(entry.line), let e = earlierByLine[line] {
                let old = earlierView.entries[earlier.entries[e]]
                if old.title == entry.title, old.links.elementsEqual(entry.links, by: { $0.url == $1.url }) {
                    fingerprints[k] = earlier.fingerprints[e]
                    continue
                }
            }
            missing.append(k)
        }
        for (k, fingerprint) in zip(missing, Self.fingerprints(of: missing.map { entries[$0] }, in: view)) { fingerprints[k] = fingerprint }
        let rows = ListedEntry.tableRows(in: view)
        return Candidates(entries: entries + rows.indices.map { view.entries.count + $0 },
                          fingerprints: fingerprints.map { $0! } + rows.map { Self.fingerprint(of: $0.record.draft) }, rows: rows)
    }

    /// The clusters of duplicate entries in `view`, in the order of their first line. Only pairs
    /// of `minimumConfidence` or more are used. `prepared` are `candidates(in: view)`, when known.
    public func clusters(in view: ListView, prepared: Candidates? = nil, scope: Configuration.DedupeScope? = nil,
                         minimumConfidence: DuplicateConfidence = .possible) -> [DuplicateCluster] {
        let prepared = prepared ?? candidates(in: view)
        let candidates = prepared.entries, fingerprints = prepared.fingerprints, rows = prepared.rows
        let scopeOf = ScopeGroups(scope ?? configuration.dedupeScope, configuration: configuration)
        let entryCount = view.entries.count
        let search = CandidateSearch(fingerprints: fingerprints,
                                     scopes: candidates.map { id in
                                         guard id >= entryCount else {
                                             return scopeOf.group(category: view.entries[id].category, section: view.entries[id].section)
                                         }
                                         let row = rows[id - entryCount]
                                         return scopeOf.group(category: row.record.draft.category, section: row.section,
                                                              dataset: row.record.draft.schemaName == "dataset")
                                     },
                                     threshold: threshold)
        let judge = PairJudge(threshold: threshold)
        let pairs = search.pairs()
        let judged = workRanges(count: pairs.count, minimumSize: 4096).parallelMap { range in
            range.compactMap { k -> ClusterBuilder.Link? in
                let (a, b) = pairs[k]
                guard let evidence = judge.evidence(fingerprints[a], fingerprints[b]),
                      evidence.confidence >= minimumConfidence else { return nil }
                return ClusterBuilder.Link(first: candidates[a], second: candidates[b], evidence: evidence)
            }
        }
        let links = Array(judged.joined())
        let groups = ClusterBuilder.clusters(of: links) { entry in
            guard !distinct.isEmpty, let k = candidates.firstSortedIndex(of: entry) else { return [] }
            return distinct.memberships(of: fingerprints[k])
        }
        return groups.map { group in
            DuplicateCluster(confidence: group.confidence,
                             entries: group.entries.map { Self.member($0, in: view, rows: rows) },
                             reasons: group.links.map { Self.reason($0, in: view, rows: rows) })
        }
    }

    /// The listed entries that a not-yet-written entry would duplicate, surest first. With a scope
    /// of `.category` or `.section` (the configured one when nil), only entries of the candidate's
    /// category or section are compared, when the candidate names one.
    public func matches(for candidate: CandidateEntry, in view: ListView,
                        scope: Configuration.DedupeScope? = nil) -> [DuplicateMatch] {
        let probe = Fingerprint(title: candidate.title, urls: candidate.links)
        let judge = PairJudge(threshold: threshold)
        let probeNames = distinct.memberships(of: probe)
        let entries = view.entries
        let inScope: @Sendable (Entry) -> Bool
        switch scope ?? configuration.dedupeScope {
        case .list: inScope = { _ in true }
        case .category: inScope = { candidate.category == nil || $0.category == candidate.category }
        case .section: inScope = { candidate.section == nil || $0.section == candidate.section }
        }
        let distinct = distinct
        let found = workRanges(count: entries.count, minimumSize: 2048).parallelMap { range in
            range.compactMap { index -> (Int, MatchEvidence)? in
                guard Self.isComparable(entries[index]), inScope(entries[index]) else { return nil }
                let fingerprint = Fingerprint(title: entries[index].title, urls: entries[index].links.lazy.map(\.url))
                guard let evidence = judge.evidence(probe, fingerprint) else { return nil }
                if !probeNames.isEmpty, DistinctRules.areDistinct(probeNames, distinct.memberships(of: fingerprint)) {
                    return nil
                }
                return (index, evidence)
            }
        }
        let rows = ListedEntry.tableRows(in: view)
        let rowsFound = rows.indices.compactMap { k -> (Int, MatchEvidence)? in
            // A paper is compared with papers: a dataset's row names the paper it comes from.
            guard case .paper = rows[k].record.draft else { return nil }
            let row = rows[k]
            switch scope ?? configuration.dedupeScope {
            case .list: break
            case .category: guard candidate.category == nil || row.record.draft.category == candidate.category else { return nil }
            case .section: guard candidate.section == nil || row.section == candidate.section else { return nil }
            }
            let fingerprint = Self.fingerprint(of: row.record.draft)
            guard let evidence = judge.evidence(probe, fingerprint) else { return nil }
            if !probeNames.isEmpty, DistinctRules.areDistinct(probeNames, distinct.memberships(of: fingerprint)) { return nil }
            return (entries.count + k, evidence)
        }
        return (Array(found.joined()) + rowsFound)
            .sorted { ($0.1.confidence, $0.1.similarity, -$0.0) > ($1.1.confidence, $1.1.similarity, -$1.0) }
            .map { DuplicateMatch(entry: Self.member($0.0, in: view, rows: rows), evidence: $0.1) }
    }

    // MARK: Helpers

    /// Entries with a title and links; groups, placeholders and unparsed items are not papers.
    static func isComparable(_ entry: Entry) -> Bool {
        entry.shape == .entry && entry.title != nil
    }

    private static func fingerprints(of indices: [Int], in view: ListView) -> [Fingerprint] {
        let entries = view.entries
        let pieces = workRanges(count: indices.count, minimumSize: 1024).parallelMap { range in
            range.map { k in
                Fingerprint(title: entries[indices[k]].title, urls: entries[indices[k]].links.lazy.map(\.url))
            }
        }
        return Array(pieces.joined())
    }

    static func member(_ index: Int, in view: ListView, rows: [ListedEntry.TableRowRecord]) -> DuplicateCluster.Entry {
        guard index < view.entries.count else {
            let row = rows[index - view.entries.count]
            var year: Int?
            if case .paper(let paper) = row.record.draft { year = paper.year }
            return DuplicateCluster.Entry(index: index, line: row.record.listing.lines.lowerBound, section: row.record.listing.section,
                                          category: row.record.draft.category, year: year,
                                          text: String(row.record.listing.text.drop { $0 == " " || $0 == "\t" }),
                                          title: row.record.draft.title, isTableRow: true)
        }
        let entry = view.entries[index]
        let text = view.document.lineText(entry.line)
        return DuplicateCluster.Entry(
            index: index, line: entry.line,
            section: entry.section.map { view.sections[$0].text },
            category: entry.category,
            year: entry.yearGroup.map { view.yearGroups[$0].year },
            text: String(text.drop { $0 == " " || $0 == "\t" }),
            title: entry.title)
    }

    private static func line(of id: Int, in view: ListView, rows: [ListedEntry.TableRowRecord]) -> Int {
        id < view.entries.count ? view.entries[id].line : rows[id - view.entries.count].record.listing.lines.lowerBound
    }

    private static func reason(_ link: ClusterBuilder.Link, in view: ListView, rows: [ListedEntry.TableRowRecord]) -> DuplicateCluster.Reason {
        let lines = (line(of: link.first, in: view, rows: rows), line(of: link.second, in: view, rows: rows))
        return DuplicateCluster.Reason(firstLine: min(lines.0, lines.1), secondLine: max(lines.0, lines.1),
                                       evidence: link.evidence)
    }
}

extension Array where Element == Int {
    /// The position of `value` in this ascending array.
    fileprivate func firstSortedIndex(of value: Int) -> Int? {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if self[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low < count && self[low] == value ? low : nil
    }
}

/// Which entries may be compared: those of one section, of one category, or all.
private struct ScopeGroups {
    let scope: Configuration.DedupeScope
    let categoryIndex: [String: Int]

    init(_ scope: Configuration.DedupeScope, configuration: Configuration) {
        self.scope = scope
        var index: [String: Int] = [:]
        for (k, category) in configuration.categories.enumerated() where index[category.key] == nil {
            index[category.key] = k
        }
        categoryIndex = index
    }

    /// Entries outside any section or category form a group of their own (-1). The rows of
    /// dataset tables are compared among themselves (-2 across the list): a dataset's row links
    /// the paper that made it, which the list may hold as a paper too.
    func group(category: String?, section: Int?, dataset: Bool = false) -> Int {
        switch scope {
        case .list: dataset ? -2 : 0
        case .category: category.flatMap { categoryIndex[$0] } ?? -1
        case .section: section ?? -1
        }
    }
}

