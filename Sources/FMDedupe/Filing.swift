/// An entry filed under a key: the unit of the candidate search.
struct Filing: Sendable {
    var key: UInt64
    var entry: UInt32
    /// Filed under a part of its title (the part before or after the colon), not the whole.
    var isTitlePart: Bool

    /// The filings in key order: a radix sort, 16 bits a pass, which beats a comparison sort on
    /// the million filings of a large list.
    static func sortedByKey(_ filings: [Filing]) -> [Filing] {
        // Below some thousands, the passes over the 65,536 counters cost more than they save.
        // The order within a key is the radix sort's (a stable one): by entry, whole title first.
        guard filings.count >= 1 << 15 else {
            return filings.sorted { ($0.key, $0.entry, $0.isTitlePart ? 1 : 0) < ($1.key, $1.entry, $1.isTitlePart ? 1 : 0) }
        }
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
