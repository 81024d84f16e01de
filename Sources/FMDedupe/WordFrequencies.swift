/// How many titles hold each word: an open-addressing table on word hashes, which are already
/// uniformly spread, so it needs no hashing of its own.
///
/// A list has far fewer distinct words than words: the table starts small and doubles when half
/// full, which keeps it in the processor's cache where a table sized for every word would not be.
struct WordFrequencies {
    private var keys: [UInt64]
    private var counts: [Int32]
    private var mask: Int
    private var used = 0

    init(expectedDistinctWords: Int = 1024) {
        var capacity = 16
        while capacity < expectedDistinctWords * 2 { capacity <<= 1 }
        keys = [UInt64](repeating: 0, count: capacity)
        counts = [Int32](repeating: 0, count: capacity)
        mask = capacity - 1
    }

    mutating func add(_ word: UInt64) {
        add(Self.key(word), count: 1)
    }

    func count(of word: UInt64) -> Int32 {
        let key = Self.key(word)
        var slot = Int(truncatingIfNeeded: key) & mask
        while keys[slot] != 0 {
            if keys[slot] == key { return counts[slot] }
            slot = (slot + 1) & mask
        }
        return 0
    }

    /// 0 marks an empty slot.
    private static func key(_ word: UInt64) -> UInt64 { word == 0 ? 1 : word }

    private mutating func add(_ key: UInt64, count: Int32) {
        var slot = Int(truncatingIfNeeded: key) & mask
        while keys[slot] != 0 && keys[slot] != key { slot = (slot + 1) & mask }
        if keys[slot] == 0 {
            keys[slot] = key
            used += 1
        }
        counts[slot] += count
        if used * 2 > keys.count { grow() }
    }

    private mutating func grow() {
        let oldKeys = keys, oldCounts = counts
        keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
        counts = [Int32](repeating: 0, count: oldKeys.count * 2)
        mask = keys.count - 1
        used = 0
        for slot in oldKeys.indices where oldKeys[slot] != 0 { add(oldKeys[slot], count: oldCounts[slot]) }
    }
}
