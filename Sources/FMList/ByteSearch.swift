import Glibc

extension Collection where Element == UInt8 {
    /// Whether `needle` occurs in the bytes: on UTF-8, without Foundation's character-aware search.
    /// Contiguous bytes (a native string's, an array's) are searched in place with `memchr` and
    /// `memcmp`; a generic search on `String.UTF8View` is a hundred times slower.
    public func containsSequence(_ needle: some Collection<UInt8>) -> Bool {
        if let found = withContiguousStorageIfAvailable({ haystack in
            needle.withContiguousStorageIfAvailable { Self.search($0, in: haystack) }
                ?? Array(needle).withUnsafeBufferPointer { Self.search($0, in: haystack) }
        }) {
            return found
        }
        return Array(self).containsSequence(needle)
    }

    private static func search(_ needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = needle.first, haystack.count >= needle.count, let base = haystack.baseAddress,
              let pattern = needle.baseAddress else { return false }
        var offset = 0
        let last = haystack.count - needle.count
        while offset <= last, let hit = memchr(base + offset, Int32(first), last - offset + 1) {
            let at = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
            if memcmp(hit, pattern, needle.count) == 0 { return true }
            offset = at + 1
        }
        return false
    }
}
