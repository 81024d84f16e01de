import Glibc

extension Collection where Element == UInt8 {
    /// Whether `needle` occurs in the bytes: on UTF-8, without Foundation's character-aware search.
    /// Contiguous bytes (a native string's, an array's) are searched in place with `memchr` and
    /// `memcmp`; a generic search on `String.UTF8View` is a hundred times slower.
    public func containsSequence(_ needle: some Collection<UInt8>) -> Bool {
        if let found = withContiguousStorageIfAvailable({ haystack in
            needle.withContiguousStorageIfAvailable { byteOffset(of: $0, in: haystack, from: 0) != nil }
                ?? Array(needle).withUnsafeBufferPointer { byteOffset(of: $0, in: haystack, from: 0) != nil }
        }) {
            return found
        }
        return Array(self).containsSequence(needle)
    }
}

extension Array where Element == UInt8 {
    /// The offset of the first occurrence of `needle` at or after `start`, found with `memchr`
    /// and `memcmp`.
    public func firstOffset(of needle: StaticString, from start: Int) -> Int? {
        withUnsafeBufferPointer { haystack in
            byteOffset(of: UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount), in: haystack, from: start)
        }
    }
}

extension UnsafeBufferPointer where Element == UInt8 {
    /// The offset of the first `byte` at or after `start`, found with `memchr`.
    public func firstOffset(of byte: UInt8, from start: Int = 0) -> Int? {
        guard let base = baseAddress, start < count,
              let found = memchr(base + start, Int32(byte), count - start) else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }
}

private func byteOffset(of needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
    guard let first = needle.first, haystack.count >= needle.count, let base = haystack.baseAddress,
          let pattern = needle.baseAddress else { return nil }
    var offset = max(start, 0)
    let last = haystack.count - needle.count
    while offset <= last, let hit = memchr(base + offset, Int32(first), last - offset + 1) {
        let at = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
        if memcmp(hit, pattern, needle.count) == 0 { return at }
        offset = at + 1
    }
    return nil
}
