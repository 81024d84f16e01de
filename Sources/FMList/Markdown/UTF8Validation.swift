/// The offset of the first byte that does not start or continue a well-formed UTF-8 sequence,
/// or nil when the whole buffer is valid (RFC 3629: no overlongs, no surrogates, at most U+10FFFF).
func firstInvalidUTF8Offset(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    var i = 0
    let n = bytes.count
    guard let base = UnsafeRawPointer(bytes.baseAddress) else { return nil }
    while i < n {
        // Most of a list is ASCII: skip it eight bytes at a time.
        while i + 8 <= n && base.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 { i += 8 }
        guard i < n else { break }
        let b0 = bytes[i]
        if b0 < 0x80 { i += 1; continue }
        let length: Int
        var lower: UInt8 = 0x80, upper: UInt8 = 0xBF
        switch b0 {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; lower = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; upper = 0x9F
        case 0xF0: length = 4; lower = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; upper = 0x8F
        default: return i
        }
        guard i + length <= n else { return i }
        let b1 = bytes[i + 1]
        guard b1 >= lower && b1 <= upper else { return i }
        for k in 2..<length where bytes[i + k] & 0xC0 != 0x80 { return i }
        i += length
    }
    return nil
}

/// The offset of the first byte of `bytes` that is not well-formed UTF-8, or nil when all are:
/// for files that fmadd reads as text (entries, instances), refused as a list is.
public func firstInvalidUTF8Offset(in bytes: some Collection<UInt8>) -> Int? {
    if let found = bytes.withContiguousStorageIfAvailable({ firstInvalidUTF8Offset($0) }) { return found }
    return Array(bytes).withUnsafeBufferPointer { firstInvalidUTF8Offset($0) }
}
