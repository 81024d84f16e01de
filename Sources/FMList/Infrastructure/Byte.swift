/// The bytes that Markdown's structure turns on, by name.
public enum Byte {
    public static let tab: UInt8 = 0x09
    public static let lineFeed: UInt8 = 0x0A
    public static let carriageReturn: UInt8 = 0x0D
    public static let space: UInt8 = 0x20

    /// A space or a tab: Markdown's white space within a line.
    @inline(__always)
    public static func isBlank(_ byte: UInt8) -> Bool { byte == space || byte == tab }
}
