extension Collection where Element == UInt8 {
    /// Whether `needle` occurs in the bytes: on UTF-8, without Foundation's character-aware search.
    public func containsSequence(_ needle: some Collection<UInt8>) -> Bool {
        guard let first = needle.first, count >= needle.count else { return false }
        var start = startIndex
        while let match = self[start...].firstIndex(of: first) {
            if self[match...].starts(with: needle) { return true }
            start = index(after: match)
        }
        return false
    }
}
