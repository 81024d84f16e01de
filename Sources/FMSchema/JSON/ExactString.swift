extension String {
    /// Code-point equality. Swift's `==` treats canonically equivalent strings as equal
    /// (`"ä"` and `"a\u{308}"`); JSON, and so JSON Schema, compares code points.
    func isIdentical(to other: String) -> Bool {
        guard utf8.count == other.utf8.count else { return false }
        return withUTF8Bytes { left in other.withUTF8Bytes { right in left.elementsEqual(right) } }
    }

    /// Calls `body` with the UTF-8 bytes, in place for a native string.
    func withUTF8Bytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let result = utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = self
        return copy.withUTF8(body)
    }
}

/// A dictionary key that compares strings by code points (see `String.isIdentical(to:)`).
struct ExactString: Hashable, Sendable {
    let value: String

    init(_ value: String) {
        self.value = value
    }

    static func == (lhs: ExactString, rhs: ExactString) -> Bool {
        lhs.value.isIdentical(to: rhs.value)
    }

    /// `String`'s hash is the same for canonically equivalent strings, so it is also the same
    /// for identical ones.
    func hash(into hasher: inout Hasher) {
        hasher.combine(value)
    }
}
