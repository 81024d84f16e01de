/// An entry filed under a key: the unit of the candidate search.
struct Filing: Sendable {
    var key: UInt64
    var entry: UInt32
    /// Filed under a part of its title (the part before or after the colon), not the whole.
    var isTitlePart: Bool

    /// The filings in key order, and within a key in the order given (by entry, whole title first).
    ///
    /// A radix sort on the upper 32 bits of the key, 16 bits a pass, which beats a comparison sort
    /// on the million filings of a large list; keys are hashes, so the few runs that share their
    /// upper half are finished by insertion.
    static func sortedByKey(_ filings: [Filing]) -> [Filing] {
        guard filings.count >= 1 << 12 else { return filings.sorted(by: precedes) }
        var source = filings
        var target = filings
        var counts = [Int](repeating: 0, count: 1 << 16)
        for shift in [UInt64(32), 48] {
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
        var start = 0
        while start < source.count {
            var end = start + 1
            while end < source.count && source[end].key >> 32 == source[start].key >> 32 { end += 1 }
            if end - start > 1 {
                for i in (start + 1)..<end {
                    let filing = source[i]
                    var j = i
                    while j > start && precedes(filing, source[j - 1]) {
                        source[j] = source[j - 1]
                        j -= 1
                    }
                    source[j] = filing
                }
            }
            start = end
        }
        return source
    }

    private static func precedes(_ a: Filing, _ b: Filing) -> Bool {
        (a.key, a.entry, a.isTitlePart ? 1 : 0) < (b.key, b.entry, b.isTitlePart ? 1 : 0)
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
