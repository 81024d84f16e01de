/// How many titles hold each word: an open-addressing table on word hashes, which are already
/// uniformly spread, so it needs no hashing of its own.
struct WordFrequencies {
    private var keys: [UInt64]
    private var counts: [Int32]
    private let mask: Int

    /// Room for `expectedWords` distinct words at most.
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
