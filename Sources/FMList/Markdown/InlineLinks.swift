/// An inline link found in a line: `[text](target)` or `![alt](src)`.
public struct InlineLink: Hashable, Sendable {
    /// The text between the outer brackets: `[Paper]` for `[[Paper]](url)`.
    public var text: String
    /// The destination between the parentheses, with surrounding white space removed.
    public var target: String
    /// Byte offsets in the line: the opening bracket, the opening parenthesis, one past the closing one.
    public var start: Int
    public var targetStart: Int
    public var end: Int
    public var isImage: Bool
    /// Whether brackets wrap the whole link, the label form `[[paper](url)]`: the link is
    /// `[paper](url)`, and the brackets around it are part of the entry's link, not of its title.
    public var wrapped: Bool = false

    /// Byte offsets of the entry's link in the line, the wrapping brackets included.
    public var outerStart: Int { wrapped ? start - 1 : start }
    public var outerEnd: Int { wrapped ? end + 1 : end }

    /// The label of a `[[Label]](url)` link, the list's way of naming a link; nil for other links.
    public var label: String? {
        // Bytes, not characters: counting characters walks grapheme breaks, on every link.
        let bytes = text.utf8
        guard bytes.count >= 2, bytes.first == UInt8(ascii: "["), bytes.last == UInt8(ascii: "]") else { return nil }
        return String(text[bytes.index(after: bytes.startIndex)..<bytes.index(before: bytes.endIndex)])
    }
}

/// Finds links in one line of Markdown without a full inline parse: brackets and parentheses are
/// matched with nesting and backslash escapes, code spans are skipped.
public enum InlineLinkScanner {
    public static func links(in line: some Collection<UInt8>) -> [InlineLink] {
        line.withContiguousStorageIfAvailable(scan) ?? Array(line).withUnsafeBufferPointer(scan)
    }

    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> [InlineLink] {
        var links: [InlineLink] = []
        var i = 0
        while i < bytes.count {
            switch bytes[i] {
            case UInt8(ascii: "\\"):
                i += 2
            case UInt8(ascii: "`"):
                i = skipCodeSpan(bytes, from: i)
            case UInt8(ascii: "["):
                if let link = link(bytes, at: i) {
                    links.append(link)
                    i = link.end
                } else if i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "["), var inner = link(bytes, at: i + 1),
                          !inner.isImage, inner.end < bytes.count, bytes[inner.end] == UInt8(ascii: "]") {
                    // `[[paper](url)]`: a link in brackets.
                    inner.wrapped = true
                    links.append(inner)
                    i = inner.end + 1
                } else {
                    i += 1
                }
            default:
                i += 1
            }
        }
        return links
    }

    private static func link(_ bytes: UnsafeBufferPointer<UInt8>, at open: Int) -> InlineLink? {
        guard let close = matching(bytes, from: open, open: UInt8(ascii: "["), close: UInt8(ascii: "]")),
              close + 1 < bytes.count, bytes[close + 1] == UInt8(ascii: "("),
              let end = matching(bytes, from: close + 1, open: UInt8(ascii: "("), close: UInt8(ascii: ")"))
        else { return nil }
        let isImage = open > 0 && bytes[open - 1] == UInt8(ascii: "!")
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[(open + 1)..<close]), as: UTF8.self)
        let target = String(decoding: bytes[(close + 2)..<end].trimmingSpacesAndTabs(), as: UTF8.self)
        return InlineLink(text: text, target: target, start: isImage ? open - 1 : open,
                          targetStart: close + 1, end: end + 1, isImage: isImage)
    }

    /// The index of the bracket that closes the one at `from`, honouring nesting and escapes.
    static func matching(_ bytes: [UInt8], from: Int, open: UInt8, close: UInt8) -> Int? {
        bytes.withUnsafeBufferPointer { matching($0, from: from, open: open, close: close) }
    }

    static func matching(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, open: UInt8, close: UInt8) -> Int? {
        var depth = 0
        var i = from
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\\") { i += 2; continue }
            if b == open { depth += 1 } else if b == close {
                depth -= 1
                if depth == 0 { return i }
            }
            i += 1
        }
        return nil
    }

    private static func skipCodeSpan(_ bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int {
        var run = 0
        while from + run < bytes.count && bytes[from + run] == UInt8(ascii: "`") { run += 1 }
        var i = from + run
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "`") {
                var closing = 0
                while i + closing < bytes.count && bytes[i + closing] == UInt8(ascii: "`") { closing += 1 }
                if closing == run { return i + closing }
                i += closing
            } else {
                i += 1
            }
        }
        return from + run  // no closing run: the backticks are literal
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    public func trimmingWhitespace() -> String {
        let trimmed = utf8.trimmingSpacesAndTabs()
        if trimmed.startIndex == utf8.startIndex && trimmed.endIndex == utf8.endIndex { return self }
        return String(self[trimmed.startIndex..<trimmed.endIndex])
    }

    /// The string without the spaces and tabs at its end.
    public func trimmingTrailingWhitespace() -> String {
        var end = utf8.endIndex
        while end > utf8.startIndex, Byte.isBlank(utf8[utf8.index(before: end)]) { end = utf8.index(before: end) }
        return end == utf8.endIndex ? self : String(self[..<end])
    }
}

extension BidirectionalCollection where Element == UInt8 {
    /// The bytes without the spaces and tabs at either end: white space within a Markdown line.
    public func trimmingSpacesAndTabs() -> SubSequence {
        func isSpace(_ byte: UInt8) -> Bool { Byte.isBlank(byte) }
        var start = startIndex, end = endIndex
        while start < end && isSpace(self[start]) { formIndex(after: &start) }
        while start < end && isSpace(self[index(before: end)]) { formIndex(before: &end) }
        return self[start..<end]
    }
}

/// Converts byte offsets in a line to the 1-based character columns that findings report.
public enum Column {
    /// The column of byte `offset` in `line`: one plus the number of Unicode scalars before it.
    public static func of(byteOffset offset: Int, in line: some Collection<UInt8>) -> Int {
        if let column = line.withContiguousStorageIfAvailable({ count(in: $0, upTo: offset) }) { return column }
        return Array(line).withUnsafeBufferPointer { count(in: $0, upTo: offset) }
    }

    private static func count(in bytes: UnsafeBufferPointer<UInt8>, upTo offset: Int) -> Int {
        var column = 1
        for index in 0..<min(offset, bytes.count) where bytes[index] & 0xC0 != 0x80 { column += 1 }
        return column
    }
}
