import FMList

/// Finds the pairs of entries worth judging without comparing every pair.
///
/// Entries are filed under keys, and only entries filed under the same key (and in the same
/// scope) are paired:
/// - exact keys: the compact title and its parts around the colon, the set of title words, each
///   arXiv id, DOI, address and repository;
/// - for similar titles, prefix filtering: when two titles' words have a Jaccard similarity of at
///   least `t`, each shares at least `o = ⌈t·n⌉` of its `n` words with the other, and the first `k`
///   shared words (in one global order, rarest first) are among the first `n − o + k` words of
///   both. Every title is filed under each `k`-word combination of that prefix. With `k` up to 4
///   the keys are combinations of rare words, so each key holds few titles, the work grows about
///   linearly with the list, and no pair at or above the threshold is missed (save in a key held
///   by more than `largeGroup` titles, where only neighbours in length are compared).
struct CandidateSearch: Sendable {
    let fingerprints: [Fingerprint]
    /// The scope group of each fingerprint: only pairs in one group are found.
    let scopes: [Int]
    let threshold: Double

    /// A key held by more entries than this is too common to pair them all: its entries are
    /// paired with their neighbours only (by list order, or by title length for word keys).
    static let largeGroup = 64
    static let neighbours = 16

    /// Pairs `(i, j)`, `i < j`, each once.
    func pairs() -> [(Int, Int)] {
        var packed = exactPairs()
        packed += similarTitlePairs()
        packed.sort()
        var result: [(Int, Int)] = []
        result.reserveCapacity(packed.count)
        var previous: UInt64?
        for pair in packed where pair != previous {
            previous = pair
            result.append((Int(pair >> 32), Int(pair & 0xFFFF_FFFF)))
        }
        return result
    }

    // MARK: Exact keys

    private func exactPairs() -> [UInt64] {
        let pieces = workRanges(count: fingerprints.count, minimumSize: 4096).parallelMap { range in
            var filings: [Filing] = []
            filings.reserveCapacity(range.count * 6)
            for index in range {
                for key in fingerprints[index].exactKeys {
                    filings.append(Filing(key: scoped(key.hash, index), entry: UInt32(index), isTitlePart: key.isTitlePart))
                }
            }
            return filings
        }
        var pairs: [UInt64] = []
        Filing.forEachGroup(in: Filing.sortedByKey(Array(pieces.joined()))[...]) { group in
            if group.count <= Self.largeGroup {
                for x in group.indices {
                    for y in group.indices where y > x {
                        // Two heads or two subtitles alike do not make a match; a title and a part do.
                        guard !(group[x].isTitlePart && group[y].isTitlePart) else { continue }
                        append(Int(group[x].entry), Int(group[y].entry), to: &pairs)
                    }
                }
            } else {
                let ordered = group.map { Int($0.entry) }.sorted()
                for x in ordered.indices.dropLast() { append(ordered[x], ordered[x + 1], to: &pairs) }
            }
        }
        return pairs
    }

    // MARK: Similar titles

    /// The number of rarest words combined into one key: as many as every title that can match a
    /// title other than its own words must share (at most 4).
    private var wordsPerKey: Int {
        max(1, min(4, requiredOverlap(fewestWords)))
    }

    /// Two titles whose words are not the same have a similarity of at most m / (m + 1), with m
    /// their common words: below `t / (1 − t)` words a title can only match its own words.
    private var fewestWords: Int {
        threshold < 1 ? Int((threshold / (1 - threshold) - 1e-9).rounded(.up)) : Int.max
    }

    private func similarTitlePairs() -> [UInt64] {
        guard threshold < 1 else { return [] }  // at 1, only the same words match: an exact key
        let frequency = wordFrequencies()
        let pieces = workRanges(count: fingerprints.count, minimumSize: 4096).parallelMap { range in
            range.reduce(into: [Filing]()) { filings, index in file(index, frequency: frequency, into: &filings) }
        }
        let sorted = Filing.sortedByKey(Array(pieces.joined()))
        // Groups never straddle two pieces: each piece starts where a key starts.
        var bounds = workRanges(count: sorted.count, minimumSize: 16384).map { range in
            var start = range.lowerBound
            while start > 0 && start < sorted.count && sorted[start].key == sorted[start - 1].key { start += 1 }
            return start
        }
        bounds.append(sorted.count)
        let ranges = zip(bounds, bounds.dropFirst()).map { $0..<max($0, $1) }
        let sizes = fingerprints.map { $0.words.count }
        return Array(ranges.parallelMap { range in
            var pairs: [UInt64] = []
            Filing.forEachGroup(in: sorted[range]) { group in verifySimilar(group, sizes: sizes, into: &pairs) }
            return pairs
        }.joined())
    }

    /// An entry filed under each combination of `k` of its rarest words (see the type's note).
    private func file(_ index: Int, frequency: WordFrequencies, into filings: inout [Filing]) {
        let words = fingerprints[index].words
        let k = wordsPerKey, n = words.count
        // A shorter title matches only the same words, which the exact keys find.
        guard n >= fewestWords, n >= k else { return }
        let overlap = requiredOverlap(n)
        let rarestFirst = words.map { (frequency.count(of: $0.hash), $0.hash) }.sorted { $0 < $1 }
        let prefix = rarestFirst.prefix(n - overlap + k).map { $0.1 }
        let scope = UInt64(bitPattern: Int64(scopes[index]))
        forEachCombination(of: prefix, size: k) { key in
            filings.append(Filing(key: StableHash.combine(key, scope), entry: UInt32(index), isTitlePart: false))
        }
    }

    /// Pairs the titles of one group whose similarity reaches the threshold.
    private func verifySimilar(_ group: ArraySlice<Filing>, sizes: [Int], into pairs: inout [UInt64]) {
        let bySize = group.map { Int($0.entry) }.sorted { sizes[$0] < sizes[$1] }
        let limit = group.count <= Self.largeGroup ? group.count : Self.neighbours
        for x in bySize.indices {
            let a = bySize[x]
            let largest = Double(sizes[a]) / threshold + 1e-9
            for y in (x + 1)..<min(bySize.count, x + 1 + limit) {
                let b = bySize[y]
                guard Double(sizes[b]) <= largest else { break }
                let similarity = TitleSimilarity.jaccard(fingerprints[a].words, fingerprints[b].words)
                if similarity >= threshold { append(a, b, to: &pairs) }
            }
        }
    }

    /// `⌈t·n⌉`: the words a title of `n` words shares with any title at least `t` similar to it.
    private func requiredOverlap(_ n: Int) -> Int {
        Int((threshold * Double(n) - 1e-9).rounded(.up))
    }

    private func wordFrequencies() -> WordFrequencies {
        var frequency = WordFrequencies()
        for index in fingerprints.indices {
            for word in fingerprints[index].words { frequency.add(word.hash) }
        }
        return frequency
    }

    /// Calls `body` with the hash of each `size`-element combination of `items`, in their order.
    private func forEachCombination(of items: [UInt64], size: Int, _ body: (UInt64) -> Void) {
        guard size > 0, items.count >= size else { return }
        // The chosen positions, kept increasing: the next combination advances the last position
        // that can still move, and resets those after it.
        var chosen = Array(0..<size)
        while true {
            var hash: UInt64 = 0
            for position in chosen { hash = StableHash.combine(hash, items[position]) }
            body(hash)
            var slot = size - 1
            while slot >= 0 && chosen[slot] == items.count - size + slot { slot -= 1 }
            guard slot >= 0 else { return }
            chosen[slot] += 1
            for next in (slot + 1)..<size { chosen[next] = chosen[next - 1] + 1 }
        }
    }

    private func scoped(_ key: UInt64, _ index: Int) -> UInt64 {
        StableHash.combine(key, UInt64(bitPattern: Int64(scopes[index])))
    }

    private func append(_ a: Int, _ b: Int, to pairs: inout [UInt64]) {
        // Keys are hashed with the scope, so only a hash collision could pair two scopes.
        guard a != b, scopes[a] == scopes[b] else { return }
        pairs.append(UInt64(min(a, b)) << 32 | UInt64(max(a, b)))
    }
}
