/// An entry filed under a key: the unit of the candidate search.
struct Filing: Sendable {
    var key: UInt64
    var entry: UInt32
    /// Filed under a part of its title (the part before or after the colon), not the whole.
    var isTitlePart: Bool

    /// The filings in key order: a radix sort, 16 bits a pass, which beats a comparison sort on
    /// the million filings of a large list.
    static func sortedByKey(_ filings: [Filing]) -> [Filing] {
        var source = filings
        var target = filings
        var counts = [Int](repeating: 0, count: 1 << 16)
        for pass in 0..<4 {
            let shift = UInt64(pass * 16)
            for k in counts.indices { counts[k] = 0 }
            for filing in source { counts[Int((filing.key >> shift) & 0xFFFF)] += 1 }
            var offset = 0
            for k in counts.indices {
                let count = counts[k]
                counts[k] = offset
                offset += count
            }
            for filing in source {
                let bucket = Int((filing.key >> shift) & 0xFFFF)
                target[counts[bucket]] = filing
                counts[bucket] += 1
            }
            swap(&source, &target)
        }
        return source
    }

    /// Calls `body` with each run of two or more filings under one key, in sorted filings.
    static func forEachGroup(in sorted: ArraySlice<Filing>, _ body: (ArraySlice<Filing>) -> Void) {
        var start = sorted.startIndex
        while start < sorted.endIndex {
            var end = start + 1
            while end < sorted.endIndex && sorted[end].key == sorted[start].key { end += 1 }
            if end - start > 1 { body(sorted[start..<end]) }
            start = end
        }
    }
}

/// How many titles hold each word: an open-addressing table on word hashes, which are already
/// uniformly spread, so it needs no hashing of its own.
struct WordFrequencies {
    private var keys: [UInt64]
    private var counts: [Int32]
    private let mask: Int

    init(expectedWords: Int) {
        var capacity = 16
        while capacity < expectedWords * 2 { capacity <<= 1 }
        keys = [UInt64](repeating: 0, count: capacity)
        counts = [Int32](repeating: 0, count: capacity)
        mask = capacity - 1
    }

    mutating func add(_ word: UInt64) {
        let key = word == 0 ? 1 : word  // 0 marks an empty slot
        var slot = Int(truncatingIfNeeded: key) & mask
        while keys[slot] != 0 && keys[slot] != key { slot = (slot + 1) & mask }
        keys[slot] = key
        counts[slot] += 1
    }

    func count(of word: UInt64) -> Int32 {
        let key = word == 0 ? 1 : word
        var slot = Int(truncatingIfNeeded: key) & mask
        while keys[slot] != 0 {
            if keys[slot] == key { return counts[slot] }
            slot = (slot + 1) & mask
        }
        return 0
    }
}
