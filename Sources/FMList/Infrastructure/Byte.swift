/// The bytes that Markdown's structure turns on, by name.
public enum Byte {
    public static let tab: UInt8 = 0x09
    public static let lineFeed: UInt8 = 0x0A
    public static let carriageReturn: UInt8 = 0x0D
    public static let space: UInt8 = 0x20

    /// The first byte outside ASCII: every byte of a character beyond ASCII is this or more.
    public static let firstNonASCII: UInt8 = 0x80
    public static let delete: UInt8 = 0x7F

    /// A byte that continues a UTF-8 sequence (`10xxxxxx`), not one that starts a character.
    @inline(__always)
    public static func isContinuation(_ byte: UInt8) -> Bool { byte & 0xC0 == 0x80 }

    /// A space or a tab: Markdown's white space within a line.
    @inline(__always)
    public static func isBlank(_ byte: UInt8) -> Bool { byte == space || byte == tab }
}
