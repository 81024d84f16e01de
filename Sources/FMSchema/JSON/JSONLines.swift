import Foundation

/// The values of a JSON Lines text (one JSON value per line), read lazily; blank lines are
/// skipped, a line that is not JSON yields its error (with the line number of the file) and
/// reading goes on with the next line.
public struct JSONLines: Sequence, Sendable {
    /// One non-blank line: its 1-based number and its value or syntax error.
    public struct Line: Sendable {
        public let number: Int
        public let value: Result<JSONValue, JSONSyntaxError>
    }

    private let data: Data

    public init(_ data: Data) {
        self.data = data
    }

    public func makeIterator() -> Iterator {
        Iterator(data: data)
    }

    public struct Iterator: IteratorProtocol {
        private let data: Data
        /// Offset of the next line from the start of the data.
        private var offset = 0
        private var lineNumber = 0

        init(data: Data) {
            self.data = data
        }

        public mutating func next() -> Line? {
            data.withUnsafeBytes { raw in nextLine(in: raw.bindMemory(to: UInt8.self)) }
        }

        private mutating func nextLine(in bytes: UnsafeBufferPointer<UInt8>) -> Line? {
            while offset < bytes.count {
                lineNumber += 1
                let start = offset
                var end = start
                while end < bytes.count && bytes[end] != 0x0A { end += 1 }
                offset = end < bytes.count ? end + 1 : end
                let line = UnsafeBufferPointer(rebasing: bytes[start ..< end])
                if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
                let number = lineNumber
                let value = Result { () throws(JSONSyntaxError) -> JSONValue in
                    var parser = JSONParser(bytes: line, firstLine: number)
                    return try parser.parseDocument()
                }
                return Line(number: number, value: value)
            }
            return nil
        }
    }
}
