/// A 64-bit hash that is the same in every process (Swift's `Hasher` is seeded per process), for
/// grouping by keys without keeping the strings side by side.
struct StableHash {
    private var state: UInt64

    init(salt: UInt64 = 0) {
        state = 0xCBF2_9CE4_8422_2325 ^ salt  // FNV-1a
    }

    mutating func add(_ byte: UInt8) {
        state ^= UInt64(byte)
        state &*= 0x0000_0100_0000_01B3
    }

    mutating func add(_ text: some StringProtocol) {
        text.withUTF8Bytes { bytes in
            for byte in bytes { add(byte) }
        }
    }

    var value: UInt64 { Self.mixed(state) }

    static func of(_ text: some StringProtocol, salt: UInt64 = 0) -> UInt64 {
        var hash = StableHash(salt: salt)
        hash.add(text)
        return hash.value
    }

    /// Combines hashes in order.
    static func combine(_ a: UInt64, _ b: UInt64) -> UInt64 {
        mixed(a &* 0x9E37_79B9_7F4A_7C15 ^ b)
    }

    /// The SplitMix64 finaliser: spreads every input bit over the whole word.
    static func mixed(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
