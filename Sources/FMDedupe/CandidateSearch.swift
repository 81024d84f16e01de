import Foundation

/// Finds the pairs of entries worth judging without comparing every pair.
///
/// Entries are filed under keys, and only entries filed under the same key (and in the same
/// scope) are paired:
/// - exact keys: the compact title and its parts around the colon, the set of title words, each
///   arXiv id, DOI, address and repository;
/// - for similar titles, prefix filtering: when two word sets have a Jaccard similarity of at
///   least `t`, each shares at least `o = ⌈t·n⌉` of its `n` words with the other, and the first `k`
///   shared words (in a global order, rarest first) are among the first `n − o + k` words of both.
///   Every title is filed under each `k`-word combination of that prefix. With `k = 3` the keys are
///   combinations of rare words, so each key holds few titles and the work grows about linearly
///   with the list, and no pair at or above the threshold is missed.
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
        var postings: [Posting] = []
        postings.reserveCapacity(fingerprints.count * 4)
        for (index, fingerprint) in fingerprints.enumerated() {
            for key in fingerprint.exactKeys {
                postings.append(Posting(key: scoped(key.hash, index), entry: Int32(index), isTitlePart: key.isTitlePart))
            }
        }
        var pairs: [UInt64] = []
        forEachGroup(of: &postings) { group in
            if group.count <= Self.largeGroup {
                for x in group.indices {
                    for y in group.indices where y > x {
                        // Two heads or two subtitles alike do not make a match; a title and a part do.
                        guard !(group[x].isTitlePart && group[y].isTitlePart) else { continue }
                        append(Int(group[x].entry), Int(group[y].entry), to: &pairs)
                    }
                }
            } else {
                let ordered = group.sorted { $0.entry < $1.entry }
                for x in ordered.indices.dropLast() {
                    append(Int(ordered[x].entry), Int(ordered[x + 1].entry), to: &pairs)
                }
            }
        }
        return pairs
    }

    // MARK: Similar titles

    /// The number of rarest words combined into one key.
    private var wordsPerKey: Int { threshold > 2.0 / 3.0 ? 3 : 1 }

    private func similarTitlePairs() -> [UInt64] {
        guard threshold <= 1 else { return [] }
        let frequency = wordFrequencies()
        let k = wordsPerKey
        var postings: [Posting] = []
        postings.reserveCapacity(fingerprints.count * 4)
        for (index, fingerprint) in fingerprints.enumerated() {
            let n = fingerprint.words.count
            let overlap = requiredOverlap(n)
            // Fewer words than that match only the same word set, which the exact keys find.
            guard overlap >= k, n >= k else { continue }
            let rarestFirst = fingerprint.words.map { (frequency[$0.hash, default: 0], $0.hash) }.sorted { $0 < $1 }
            let prefix = rarestFirst.prefix(n - overlap + k).map(\.1)
            forEachCombination(of: prefix, size: k) { key in
                postings.append(Posting(key: scoped(key, index), entry: Int32(index), isTitlePart: false))
            }
        }
        var pairs: [UInt64] = []
        forEachGroup(of: &postings) { group in
            let bySize = group.sorted { fingerprints[Int($0.entry)].words.count < fingerprints[Int($1.entry)].words.count }
            let limit = group.count <= Self.largeGroup ? group.count : Self.neighbours
            for x in bySize.indices {
                let a = Int(bySize[x].entry)
                let largest = Double(fingerprints[a].words.count) / threshold
                for y in (x + 1)..<min(bySize.count, x + 1 + limit) {
                    let b = Int(bySize[y].entry)
                    guard Double(fingerprints[b].words.count) <= largest + 1e-9 else { break }
                    guard TitleSimilarity.jaccard(fingerprints[a].words, fingerprints[b].words) >= threshold else { continue }
                    append(a, b, to: &pairs)
                }
            }
        }
        return pairs
    }

    /// `⌈t·n⌉`: the words a title of `n` words shares with any title at least `t` similar to it.
    private func requiredOverlap(_ n: Int) -> Int {
        Int((threshold * Double(n) - 1e-9).rounded(.up))
    }

    private func wordFrequencies() -> [UInt64: Int32] {
        var frequency: [UInt64: Int32] = [:]
        frequency.reserveCapacity(fingerprints.count * 4)
        for fingerprint in fingerprints {
            for word in fingerprint.words { frequency[word.hash, default: 0] += 1 }
        }
        return frequency
    }

    private func forEachCombination(of items: [UInt64], size: Int, _ body: (UInt64) -> Void) {
        switch size {
        case 1:
            items.forEach(body)
        default:
            for x in items.indices {
                for y in items.indices where y > x {
                    for z in items.indices where z > y {
                        body(StableHash.combine(StableHash.combine(items[x], items[y]), items[z]))
                    }
                }
            }
        }
    }

    // MARK: Postings

    private struct Posting {
        var key: UInt64
        var entry: Int32
        var isTitlePart: Bool
    }

    private func scoped(_ key: UInt64, _ index: Int) -> UInt64 {
        StableHash.combine(key, UInt64(bitPattern: Int64(scopes[index])))
    }

    /// Calls `body` with each run of two or more postings under one key.
    private func forEachGroup(of postings: inout [Posting], _ body: (ArraySlice<Posting>) -> Void) {
        postings.sort { $0.key < $1.key }
        var start = 0
        while start < postings.count {
            var end = start + 1
            while end < postings.count && postings[end].key == postings[start].key { end += 1 }
            if end - start > 1 { body(postings[start..<end]) }
            start = end
        }
    }

    private func append(_ a: Int, _ b: Int, to pairs: inout [UInt64]) {
        // Keys are hashed with the scope, so a collision could still pair two scopes.
        guard a != b, scopes[a] == scopes[b] else { return }
        pairs.append(UInt64(min(a, b)) << 32 | UInt64(max(a, b)))
    }
}
