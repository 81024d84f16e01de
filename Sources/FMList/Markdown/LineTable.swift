import Glibc

/// Where each line of a document starts and where its content ends.
///
/// Line endings are the ones CommonMark knows: LF, CRLF and a lone CR. Lines are 1-based, as in
/// cmark-gfm's source positions and in every finding.
public struct LineTable: Sendable {
    /// Byte offset of the start of each line; one extra element holds the end of the input.
    private var starts: [Int]
    /// Byte offset where each line's content ends (before its terminator).
    private var contentEnds: [Int]

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        var starts: [Int] = []
        var ends: [Int] = []
        starts.reserveCapacity(bytes.count / 40 + 1)
        ends.reserveCapacity(bytes.count / 40 + 1)
        var lineStart = 0
        var i = 0
        let n = bytes.count
        // Without a carriage return, lines end at each LF, which memchr finds fastest.
        if bytes.firstOffset(of: Byte.carriageReturn) == nil {
            while i < n, let end = bytes.firstOffset(of: Byte.lineFeed, from: i) {
                starts.append(lineStart)
                ends.append(end)
                i = end + 1
                lineStart = i
            }
            i = n
        }
        while i < n {
            let b = bytes[i]
            if b == Byte.lineFeed || b == Byte.carriageReturn {
                starts.append(lineStart)
                ends.append(i)
                i += (b == Byte.carriageReturn && i + 1 < n && bytes[i + 1] == Byte.lineFeed) ? 2 : 1
                lineStart = i
            } else {
                i += 1
            }
        }
        if lineStart < n {
            starts.append(lineStart)
            ends.append(n)
        }
        starts.append(n)
        self.starts = starts
        self.contentEnds = ends
    }

    /// The number of lines; a final line without a terminator counts, an empty tail does not.
    public var count: Int { contentEnds.count }

    /// The byte range of line `line`'s content, without its terminator.
    public func contentRange(_ line: Int) -> Range<Int> { starts[line - 1]..<contentEnds[line - 1] }

    /// The byte range of line `line` including its terminator.
    public func fullRange(_ line: Int) -> Range<Int> { starts[line - 1]..<starts[line] }

    /// The byte range of lines `lines` including their terminators.
    public func byteRange(_ lines: ClosedRange<Int>) -> Range<Int> { starts[lines.lowerBound - 1]..<starts[lines.upperBound] }

    /// Whether line `line` of `bytes` holds only spaces and tabs: a blank line to Markdown.
    public func isBlank(_ line: Int, in bytes: [UInt8]) -> Bool {
        for i in contentRange(line) where bytes[i] != Byte.space && bytes[i] != Byte.tab { return false }
        return true
    }

    /// The line that holds byte `offset` (a terminator belongs to its line).
    public func line(containingByte offset: Int) -> Int {
        var low = 0, high = count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return low + 1
    }

    /// Whether line `line` ends with a terminator (every line but possibly the last does).
    public func hasTerminator(_ line: Int) -> Bool { contentEnds[line - 1] < starts[line] }
}
