import Foundation

/// A Markdown file as lossless blocks: every byte of the input belongs to exactly one top-level
/// block, and rendering the blocks gives the input back, byte for byte.
///
/// Block boundaries come from cmark-gfm; the bytes stay the input's own. Edits are line-range
/// splices (`LineEdit`), so unedited lines are written back as they were read.
public struct Document: Sendable {
    public let bytes: [UInt8]
    public let lines: LineTable
    /// All blocks in document order. Top-level blocks (depth 0) partition the lines.
    public let blocks: [Block]
    /// Indices of the top-level blocks, in order.
    public let topLevel: [Int]
    /// Plain text of each heading as GitHub renders it (markup removed), by its first line.
    public let headingTexts: [Int: String]
    /// Whether the input starts with a UTF-8 byte order mark.
    public let hasByteOrderMark: Bool

    /// Parses `bytes`; refuses input that is not UTF-8, naming the byte offset. Large inputs are
    /// parsed on all cores.
    public init(bytes: [UInt8], path: String = "<input>") throws(ListError) {
        try self.init(bytes: bytes, path: path, parallelThreshold: CmarkBlockReader.parallelThreshold,
                      pieces: CmarkBlockReader.pieceCount(for: bytes.count))
    }

    /// Parses `bytes` in up to `pieces` pieces when it has `parallelThreshold` bytes or more: the
    /// tests and the fuzzer use it to check that a parse in pieces equals the parse of the whole.
    public init(bytes: [UInt8], path: String, parallelThreshold: Int, pieces: Int) throws(ListError) {
        let invalid = bytes.withUnsafeBufferPointer { firstInvalidUTF8Offset($0) }
        if let invalid { throw .invalidUTF8(path: path, offset: invalid) }
        self.bytes = bytes
        self.lines = bytes.withUnsafeBufferPointer { LineTable($0) }
        self.hasByteOrderMark = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        let parsed = try CmarkBlockReader.read(bytes: bytes, lines: lines, path: path,
                                                 parallelThreshold: parallelThreshold, pieces: pieces)
        self.headingTexts = parsed.headingTexts
        self.blocks = BlockPartition.complete(parsed.blocks, lines: lines, bytes: bytes)
        var topLevel: [Int] = []
        var index = 0
        while index < blocks.count {
            topLevel.append(index)
            index = blocks[index].subtreeEnd
        }
        self.topLevel = topLevel
    }

    /// Reads and parses a file.
    public init(contentsOf path: String) throws(ListError) {
        try self.init(bytes: Self.read(path), path: path)
    }

    /// The bytes of the (regular) file at `path`, read straight into the array the document keeps.
    public static func read(_ path: String) throws(ListError) -> [UInt8] {
        // Without blocking: opening a FIFO for reading would wait for a writer forever.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { throw .unreadable(path: path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw .unreadable(path: path, reason: String(cString: strerror(errno))) }
        guard status.st_mode & S_IFMT != S_IFDIR else { throw .unreadable(path: path, reason: "it is a directory") }
        guard status.st_mode & S_IFMT == S_IFREG else {
            throw .unreadable(path: path, reason: "it is not a regular file (a FIFO, a socket or a device); give the list file itself")
        }
        var failure: Int32 = 0
        // One byte more than the size: reading it tells that the file grew since `fstat`.
        let capacity = max(Int(status.st_size), 0) + 1
        var bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, initialized in
            initialized = readAll(descriptor, into: UnsafeMutableRawBufferPointer(buffer), failure: &failure)
        }
        var more = [UInt8](repeating: 0, count: 1 << 16)
        while failure == 0 && bytes.count == capacity {
            let got = more.withUnsafeMutableBytes { readAll(descriptor, into: $0, failure: &failure) }
            if got == 0 { break }
            bytes += more[..<got]
        }
        if failure != 0 { throw .unreadable(path: path, reason: String(cString: strerror(failure))) }
        return bytes
    }

    /// Fills `buffer` from `descriptor` until it is full or the file ends; how many bytes it read.
    private static func readAll(_ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer, failure: inout Int32) -> Int {
        var filled = 0
        while filled < buffer.count {
            let got = Glibc.read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
            if got < 0 && errno == EINTR { continue }
            if got < 0 { failure = errno; break }
            if got == 0 { break }
            filled += got
        }
        return filled
    }

    /// The bytes of the document, rebuilt from its top-level blocks.
    public func render() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        for index in topLevel {
            out.append(contentsOf: bytes[lines.byteRange(blocks[index].lines)])
        }
        return out
    }

    /// The content of line `line` as a String.
    public func lineText(_ line: Int) -> String {
        let range = lines.contentRange(line)
        return String(decoding: bytes[range], as: UTF8.self)
    }

    /// Whether line `line` holds only spaces and tabs.
    public func isBlank(_ line: Int) -> Bool { lines.isBlank(line, in: bytes) }

    /// The raw bytes of line `line` without its terminator.
    public func lineBytes(_ line: Int) -> ArraySlice<UInt8> { bytes[lines.contentRange(line)] }

    /// The line terminator most lines use ("\n" or "\r\n"), for lines that fmadd writes.
    public var preferredLineEnding: String {
        var crlf = 0, lf = 0
        for line in 1...max(1, min(lines.count, 200)) where line <= lines.count && lines.hasTerminator(line) {
            let end = lines.contentRange(line).upperBound
            if bytes[end] == Byte.carriageReturn && end + 1 < bytes.count && bytes[end + 1] == Byte.lineFeed { crlf += 1 } else { lf += 1 }
        }
        return crlf > lf ? "\r\n" : "\n"
    }

    /// The children of block `index`, in order.
    public func children(of index: Int) -> [Int] {
        var result: [Int] = []
        var child = index + 1
        while child < blocks[index].subtreeEnd {
            result.append(child)
            child = blocks[child].subtreeEnd
        }
        return result
    }

}
