/// A small XML reader for the Atom feeds arXiv sends: elements (names with their prefixes, as
/// `arxiv:doi`), attributes, text with entities and CDATA. No DTDs, no namespaces resolved.
/// Written here so the binary needs no libxml2 (which FoundationXML links dynamically).
public struct XMLElement: Sendable, Equatable {
    public var name: String
    public var attributes: [String: String]
    public var children: [XMLElement]
    /// The element's own text, its children's left out.
    public var text: String

    public func first(_ name: String) -> XMLElement? { children.first { $0.name == name } }
    public func all(_ name: String) -> [XMLElement] { children.filter { $0.name == name } }

    public struct Problem: Error, Sendable, Equatable {
        public var reason: String
        public var offset: Int
    }

    /// The document's root element.
    public static func parse(_ bytes: [UInt8]) throws(Problem) -> XMLElement {
        var reader = Reader(bytes: bytes)
        return try reader.document()
    }
}

private struct Reader {
    let bytes: [UInt8]
    var at = 0

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    mutating func document() throws(XMLElement.Problem) -> XMLElement {
        var stack: [XMLElement] = []
        var root: XMLElement?
        while at < bytes.count {
            if bytes[at] != UInt8(ascii: "<") {
                let start = at
                while at < bytes.count && bytes[at] != UInt8(ascii: "<") { at += 1 }
                if !stack.isEmpty { stack[stack.count - 1].text += try decode(bytes[start..<at]) }
                continue
            }
            if starts("<?") { try skip(past: "?>"); continue }
            if starts("<!--") { try skip(past: "-->"); continue }
            if starts("<![CDATA[") {
                at += 9
                let start = at
                try skip(past: "]]>")
                if !stack.isEmpty { stack[stack.count - 1].text += String(decoding: bytes[start..<(at - 3)], as: UTF8.self) }
                continue
            }
            if starts("<!") { try skip(past: ">"); continue }
            if starts("</") {
                at += 2
                let name = readName()
                try skip(past: ">")
                guard let element = stack.popLast(), element.name == name else { throw problem("</\(name)> closes no open element") }
                if stack.isEmpty { root = element } else { stack[stack.count - 1].children.append(element) }
                continue
            }
            at += 1
            var element = XMLElement(name: readName(), attributes: [:], children: [], text: "")
            guard !element.name.isEmpty else { throw problem("an element without a name") }
            while true {
                skipSpace()
                guard at < bytes.count else { throw problem("the document ends inside <\(element.name)>") }
                if bytes[at] == UInt8(ascii: ">") { at += 1; stack.append(element); break }
                if starts("/>") {
                    at += 2
                    if stack.isEmpty { root = element } else { stack[stack.count - 1].children.append(element) }
                    break
                }
                let name = readName()
                skipSpace()
                guard !name.isEmpty, at < bytes.count, bytes[at] == UInt8(ascii: "=") else { throw problem("a malformed attribute in <\(element.name)>") }
                at += 1
                skipSpace()
                guard at < bytes.count, bytes[at] == UInt8(ascii: "\"") || bytes[at] == UInt8(ascii: "'") else {
                    throw problem("an unquoted attribute in <\(element.name)>")
                }
                let quote = bytes[at]
                at += 1
                let start = at
                while at < bytes.count && bytes[at] != quote { at += 1 }
                guard at < bytes.count else { throw problem("the document ends inside an attribute") }
                element.attributes[name] = try decode(bytes[start..<at])
                at += 1
            }
            if root != nil { break }
        }
        guard let root, stack.isEmpty else { throw problem("the document ends before its root element is closed") }
        return root
    }

    func problem(_ reason: String) -> XMLElement.Problem { XMLElement.Problem(reason: reason, offset: at) }

    func starts(_ text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        guard at + count <= bytes.count else { return false }
        return text.withUTF8Buffer { bytes[at..<(at + count)].elementsEqual($0) }
    }

    mutating func skip(past end: StaticString) throws(XMLElement.Problem) {
        while at < bytes.count && !starts(end) { at += 1 }
        guard at < bytes.count else { throw problem("the document ends before \(end)") }
        at += end.utf8CodeUnitCount
    }

    mutating func skipSpace() {
        while at < bytes.count && [0x20, 0x09, 0x0A, 0x0D].contains(bytes[at]) { at += 1 }
    }

    mutating func readName() -> String {
        let start = at
        while at < bytes.count, !([0x20, 0x09, 0x0A, 0x0D] as [UInt8]).contains(bytes[at]),
              ![UInt8(ascii: ">"), UInt8(ascii: "/"), UInt8(ascii: "=")].contains(bytes[at]) { at += 1 }
        return String(decoding: bytes[start..<at], as: UTF8.self)
    }

    /// Text with its five named entities and character references replaced.
    func decode(_ slice: ArraySlice<UInt8>) throws(XMLElement.Problem) -> String {
        let text = String(decoding: slice, as: UTF8.self)
        guard text.contains("&") else { return text }
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            guard let semicolon = rest[amp...].firstIndex(of: ";") else { throw problem("an unended entity") }
            let name = rest[rest.index(after: amp)..<semicolon]
            switch name {
            case "amp": out += "&"
            case "lt": out += "<"
            case "gt": out += ">"
            case "quot": out += "\""
            case "apos": out += "'"
            default:
                let value: UInt32?
                if name.hasPrefix("#x") || name.hasPrefix("#X") { value = UInt32(name.dropFirst(2), radix: 16) }
                else if name.hasPrefix("#") { value = UInt32(name.dropFirst()) }
                else { value = nil }
                guard let value, let scalar = Unicode.Scalar(value) else { throw problem("an unknown entity &\(name);") }
                out.unicodeScalars.append(scalar)
            }
            rest = rest[rest.index(after: semicolon)...]
        }
        return out + rest
    }
}
