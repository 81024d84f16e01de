/// A line-range splice: lines `lines` (1-based, half-open) are replaced by `replacement`.
/// An empty range inserts before its lower bound; `count + 1` appends.
public struct LineEdit: Hashable, Sendable, Codable {
    public var lines: Range<Int>
    /// The new lines, without terminators: the document's own line ending is added.
    public var replacement: [String]

    public init(lines: Range<Int>, replacement: [String]) {
        self.lines = lines
        self.replacement = replacement
    }

    public static func replace(line: Int, with text: String) -> LineEdit { LineEdit(lines: line..<(line + 1), replacement: [text]) }
    public static func delete(_ lines: ClosedRange<Int>) -> LineEdit { LineEdit(lines: lines.lowerBound..<(lines.upperBound + 1), replacement: []) }
    public static func insert(_ newLines: [String], before line: Int) -> LineEdit { LineEdit(lines: line..<line, replacement: newLines) }

    public func overlaps(_ other: LineEdit) -> Bool {
        if lines.isEmpty || other.lines.isEmpty {
            return lines.lowerBound == other.lines.lowerBound
                || (lines.isEmpty && other.lines.contains(lines.lowerBound) && other.lines.lowerBound != lines.lowerBound)
                || (other.lines.isEmpty && lines.contains(other.lines.lowerBound) && lines.lowerBound != other.lines.lowerBound)
        }
        return lines.overlaps(other.lines)
    }
}

extension Document {
    /// The bytes of the document with `edits` applied. Untouched lines keep their bytes and
    /// terminators; new lines get the document's usual line ending. Edits must not overlap.
    public func applying(_ edits: [LineEdit]) -> [UInt8] {
        let sorted = edits.sorted { ($0.lines.lowerBound, $0.lines.upperBound) < ($1.lines.lowerBound, $1.lines.upperBound) }
        let ending = Array(preferredLineEnding.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 256)
        var nextLine = 1
        let count = lines.count

        func copyLines(upTo end: Int) {  // lines nextLine..<end, verbatim
            guard end > nextLine else { return }
            out.append(contentsOf: bytes[lines.byteRange(nextLine...(end - 1))])
        }

        for edit in sorted {
            let lower = min(max(edit.lines.lowerBound, 1), count + 1)
            let upper = min(max(edit.lines.upperBound, lower), count + 1)
            copyLines(upTo: lower)
            // Appending after a last line without a terminator needs one first.
            if lower == count + 1, count > 0, !lines.hasTerminator(count), !edit.replacement.isEmpty,
               out.last != Byte.lineFeed && out.last != Byte.carriageReturn {
                out.append(contentsOf: ending)
            }
            let replacesUnterminatedLast = upper == count + 1 && count > 0 && !lines.hasTerminator(count) && upper > lower
            for (k, text) in edit.replacement.enumerated() {
                out.append(contentsOf: text.utf8)
                if !(replacesUnterminatedLast && k == edit.replacement.count - 1) { out.append(contentsOf: ending) }
            }
            nextLine = max(nextLine, upper)
        }
        copyLines(upTo: count + 1)
        return out
    }
}
