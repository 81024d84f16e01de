import Foundation

extension JSONValue {
    /// Parses JSON text (RFC 8259). Objects keep their key order; a repeated key in one object,
    /// a lone surrogate escape and nesting deeper than 512 levels are refused.
    public init(jsonText: String) throws(JSONSyntaxError) {
        var text = jsonText
        self = try text.withUTF8 { bytes in
            Result { () throws(JSONSyntaxError) -> JSONValue in
                var parser = JSONParser(bytes: bytes)
                return try parser.parseDocument()
            }
        }.get()
    }

    /// Parses UTF-8 JSON text; a UTF-8 byte order mark at the start is skipped.
    public init(jsonData: Data) throws(JSONSyntaxError) {
        self = try jsonData.withUnsafeBytes { raw in
            Result { () throws(JSONSyntaxError) -> JSONValue in
                var parser = JSONParser(bytes: raw.bindMemory(to: UInt8.self))
                return try parser.parseDocument()
            }
        }.get()
    }
}

/// A recursive-descent parser over UTF-8 bytes.
struct JSONParser {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0
    private var depth = 0
    /// Reused for strings that hold escapes.
    private var scratch: [UInt8] = []
    /// Added to the reported line, for text that starts on a later line of a file.
    private let firstLine: Int

    private static let maximumDepth = 512

    init(bytes: UnsafeBufferPointer<UInt8>, firstLine: Int = 1) {
        self.bytes = bytes
        self.firstLine = firstLine
    }

    mutating func parseDocument() throws(JSONSyntaxError) -> JSONValue {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { position = 3 }
        skipWhitespace()
        let value = try parseValue()
        skipWhitespace()
        if position < bytes.count {
            throw error("unexpected \(describeNext()) after the JSON value")
        }
        return value
    }

    // MARK: Values

    private mutating func parseValue() throws(JSONSyntaxError) -> JSONValue {
        guard position < bytes.count else { throw error("unexpected end of text, expected a JSON value") }
        switch bytes[position] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        case UInt8(ascii: "t"): try expectWord("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectWord("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectWord("null"); return .null
        default: throw error("expected a JSON value, found \(describeNext())")
        }
    }

    private mutating func parseObject() throws(JSONSyntaxError) -> JSONValue {
        try enterNesting()
        position += 1
        var members: [JSONObject.Member] = []
        var seenKeys: Set<ExactString>?
        skipWhitespace()
        if peek() == UInt8(ascii: "}") {
            position += 1
            depth -= 1
            return .object(JSONObject(uniqueMembers: members))
        }
        while true {
            skipWhitespace()
            guard peek() == UInt8(ascii: "\"") else {
                throw error("expected a string key in double quotes, found \(describeNext())")
            }
            let keyStart = position
            let key = try parseString()
            if members.count >= 8 {
                if seenKeys == nil { seenKeys = Set(members.map { ExactString($0.key) }) }
                if seenKeys?.insert(ExactString(key)).inserted == false {
                    throw error("duplicate key \"\(key)\" in one object", at: keyStart)
                }
            } else if members.contains(where: { $0.key.isIdentical(to: key) }) {
                throw error("duplicate key \"\(key)\" in one object", at: keyStart)
            }
            skipWhitespace()
            guard peek() == UInt8(ascii: ":") else {
                throw error("expected ':' after the object key \"\(key)\", found \(describeNext())")
            }
            position += 1
            skipWhitespace()
            members.append((key: key, value: try parseValue()))
            skipWhitespace()
            switch peek() {
            case UInt8(ascii: ","):
                position += 1
            case UInt8(ascii: "}"):
                position += 1
                depth -= 1
                return .object(JSONObject(uniqueMembers: members))
            default:
                throw error("expected ',' or '}' after an object member, found \(describeNext())")
            }
        }
    }

    private mutating func parseArray() throws(JSONSyntaxError) -> JSONValue {
        try enterNesting()
        position += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if peek() == UInt8(ascii: "]") {
            position += 1
            depth -= 1
            return .array(elements)
        }
        while true {
            skipWhitespace()
            elements.append(try parseValue())
            skipWhitespace()
            switch peek() {
            case UInt8(ascii: ","):
                position += 1
            case UInt8(ascii: "]"):
                position += 1
                depth -= 1
                return .array(elements)
            default:
                throw error("expected ',' or ']' after an array element, found \(describeNext())")
            }
        }
    }

    private mutating func enterNesting() throws(JSONSyntaxError) {
        depth += 1
        if depth > Self.maximumDepth {
            throw error("nesting deeper than \(Self.maximumDepth) levels")
        }
    }

    private mutating func expectWord(_ word: StaticString) throws(JSONSyntaxError) {
        let count = word.utf8CodeUnitCount
        let matches = position + count <= bytes.count
            && (0 ..< count).allSatisfy { bytes[position + $0] == word.utf8Start[$0] }
        guard matches else { throw error("expected a JSON value, found \(describeNext())") }
        position += count
    }

    // MARK: Strings

    private mutating func parseString() throws(JSONSyntaxError) -> String {
        let start = position + 1
        var index = start
        var isASCII = true
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                position = index + 1
                let slice = UnsafeBufferPointer(rebasing: bytes[start ..< index])
                if !isASCII { try validateUTF8(from: start, to: index) }
                return String(decoding: slice, as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") {
                position = index
                return try parseEscapedString(from: start, isASCII: isASCII)
            }
            if byte < 0x20 {
                throw error("control character \(hex(byte)) inside a string (write it as an escape)", at: index)
            }
            if byte >= 0x80 { isASCII = false }
            index += 1
        }
        throw error("unterminated string", at: start - 1)
    }

    /// The slow path, from the first backslash: decodes escapes into the scratch buffer.
    private mutating func parseEscapedString(from start: Int, isASCII: Bool) throws(JSONSyntaxError) -> String {
        var isASCII = isASCII
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start ..< position]))
        while position < bytes.count {
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: "\""):
                if !isASCII { try validateUTF8(from: start, to: position) }
                position += 1
                return String(decoding: scratch, as: UTF8.self)
            case UInt8(ascii: "\\"):
                try appendEscape()
            case 0 ..< 0x20:
                throw error("control character \(hex(byte)) inside a string (write it as an escape)")
            default:
                if byte >= 0x80 { isASCII = false }
                scratch.append(byte)
                position += 1
            }
        }
        throw error("unterminated string", at: start - 1)
    }

    private mutating func appendEscape() throws(JSONSyntaxError) {
        let escapeStart = position
        position += 1
        guard position < bytes.count else { throw error("unterminated string") }
        let letter = bytes[position]
        position += 1
        let simple: UInt8? = switch letter {
        case UInt8(ascii: "\""): UInt8(ascii: "\"")
        case UInt8(ascii: "\\"): UInt8(ascii: "\\")
        case UInt8(ascii: "/"): UInt8(ascii: "/")
        case UInt8(ascii: "b"): 0x08
        case UInt8(ascii: "f"): 0x0C
        case UInt8(ascii: "n"): 0x0A
        case UInt8(ascii: "r"): 0x0D
        case UInt8(ascii: "t"): 0x09
        default: nil
        }
        if let simple {
            scratch.append(simple)
            return
        }
        guard letter == UInt8(ascii: "u") else {
            throw error("invalid escape '\\\(Character(Unicode.Scalar(letter)))' in a string", at: escapeStart)
        }
        var code = try readHex4(escapeStart)
        if (0xD800 ... 0xDBFF).contains(code) {
            guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"),
                  bytes[position + 1] == UInt8(ascii: "u") else {
                throw error("lone surrogate \\u\(String(code, radix: 16, uppercase: true)) in a string", at: escapeStart)
            }
            position += 2
            let low = try readHex4(escapeStart)
            guard (0xDC00 ... 0xDFFF).contains(low) else {
                throw error("lone surrogate \\u\(String(code, radix: 16, uppercase: true)) in a string", at: escapeStart)
            }
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
        } else if (0xDC00 ... 0xDFFF).contains(code) {
            throw error("lone surrogate \\u\(String(code, radix: 16, uppercase: true)) in a string", at: escapeStart)
        }
        guard let scalar = Unicode.Scalar(code) else {
            throw error("invalid \\u escape in a string", at: escapeStart)
        }
        scratch.append(contentsOf: String(scalar).utf8)
    }

    private mutating func readHex4(_ escapeStart: Int) throws(JSONSyntaxError) -> UInt32 {
        var code: UInt32 = 0
        for _ in 0 ..< 4 {
            guard position < bytes.count, let digit = hexValue(bytes[position]) else {
                throw error("expected four hexadecimal digits after \\u", at: escapeStart)
            }
            code = code << 4 | UInt32(digit)
            position += 1
        }
        return code
    }

    private func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// Checks that the raw bytes between `start` and `end` are well-formed UTF-8.
    private func validateUTF8(from start: Int, to end: Int) throws(JSONSyntaxError) {
        var index = start
        while index < end {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var minimum: UInt32
            var code: UInt32
            switch lead {
            case 0xC2 ... 0xDF: length = 2; minimum = 0x80; code = UInt32(lead & 0x1F)
            case 0xE0 ... 0xEF: length = 3; minimum = 0x800; code = UInt32(lead & 0x0F)
            case 0xF0 ... 0xF4: length = 4; minimum = 0x10000; code = UInt32(lead & 0x07)
            default: throw error("invalid UTF-8 byte \(hex(lead))", at: index)
            }
            guard index + length <= end else { throw error("truncated UTF-8 sequence", at: index) }
            for offset in 1 ..< length {
                let continuation = bytes[index + offset]
                guard continuation & 0xC0 == 0x80 else { throw error("invalid UTF-8 sequence", at: index) }
                code = code << 6 | UInt32(continuation & 0x3F)
            }
            guard code >= minimum, code <= 0x10FFFF, !(0xD800 ... 0xDFFF).contains(code) else {
                throw error("invalid UTF-8 sequence", at: index)
            }
            index += length
        }
    }

    // MARK: Numbers

    private mutating func parseNumber() throws(JSONSyntaxError) -> JSONNumber {
        let start = position
        if bytes[position] == UInt8(ascii: "-") { position += 1 }
        let integerStart = position
        guard position < bytes.count, isDigit(bytes[position]) else {
            throw error("expected a digit in a number, found \(describeNext())")
        }
        if bytes[position] == UInt8(ascii: "0") {
            position += 1
            if position < bytes.count, isDigit(bytes[position]) {
                throw error("a number must not start with 0 followed by more digits", at: start)
            }
        } else {
            while position < bytes.count, isDigit(bytes[position]) { position += 1 }
        }
        let integerDigits = position - integerStart
        var isPlainInteger = true
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            isPlainInteger = false
            position += 1
            guard position < bytes.count, isDigit(bytes[position]) else {
                throw error("expected a digit after the decimal point, found \(describeNext())")
            }
            while position < bytes.count, isDigit(bytes[position]) { position += 1 }
        }
        if position < bytes.count, bytes[position] | 0x20 == UInt8(ascii: "e") {
            isPlainInteger = false
            position += 1
            if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
                position += 1
            }
            guard position < bytes.count, isDigit(bytes[position]) else {
                throw error("expected a digit in the exponent, found \(describeNext())")
            }
            while position < bytes.count, isDigit(bytes[position]) { position += 1 }
        }
        if isPlainInteger && integerDigits <= 18 {
            var value: Int64 = 0
            for index in integerStart ..< position {
                value = value * 10 + Int64(bytes[index] - UInt8(ascii: "0"))
            }
            return JSONNumber(bytes[start] == UInt8(ascii: "-") ? -value : value)
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start ..< position]), as: UTF8.self)
        if isPlainInteger, let exact = Int64(text) { return JSONNumber(exact) }
        guard let number = JSONNumber(decimalText: text) else { throw error("number out of range", at: start) }
        return number
    }

    private func isDigit(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "0") < 10
    }

    // MARK: Positions and errors

    private mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    private func peek() -> UInt8? {
        position < bytes.count ? bytes[position] : nil
    }

    private func describeNext() -> String {
        guard position < bytes.count else { return "the end of the text" }
        let byte = bytes[position]
        if byte >= 0x20 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        if byte >= 0x80 { return "a non-ASCII character" }
        return "the control character \(hex(byte))"
    }

    private func hex(_ byte: UInt8) -> String {
        "0x" + (byte < 0x10 ? "0" : "") + String(byte, radix: 16, uppercase: true)
    }

    private func error(_ problem: String, at offset: Int? = nil) -> JSONSyntaxError {
        let offset = min(offset ?? position, bytes.count)
        var line = firstLine
        var column = 1
        for index in 0 ..< offset {
            let byte = bytes[index]
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return JSONSyntaxError(line: line, column: column, byteOffset: offset, problem: problem)
    }
}
