import FMList

/// `<!-- fmadd-disable RULE -->`, `<!-- fmadd-enable RULE -->` and
/// `<!-- fmadd-disable-next-line RULE -->`, as in markdownlint. Without a rule id they apply to
/// every rule; several ids are separated by spaces or commas.
struct Suppressions {
    private enum Action { case disable, enable, disableNextLine }
    private struct Directive {
        var line: Int
        var action: Action
        var rules: Set<String>  // empty: every rule
    }
    private var directives: [Directive] = []

    init(document: Document, isCode: (Int) -> Bool) {
        let needle = Array("<!-- fmadd-".utf8)
        guard document.lines.count > 0 else { return }
        for line in 1...document.lines.count {
            let bytes = document.lineBytes(line)
            guard bytes.count >= needle.count, let start = Self.find(needle, in: bytes), !isCode(line) else { continue }
            let text = String(decoding: bytes[start...], as: UTF8.self)
            guard let close = text.range(of: "-->") else { continue }
            let body = text[text.index(text.startIndex, offsetBy: 5)..<close.lowerBound]
            let words = body.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" }).map(String.init)
            guard let verb = words.first else { continue }
            let action: Action
            switch verb {
            case "fmadd-disable": action = .disable
            case "fmadd-enable": action = .enable
            case "fmadd-disable-next-line": action = .disableNextLine
            default: continue
            }
            directives.append(Directive(line: line, action: action, rules: Set(words.dropFirst())))
        }
    }

    private static func find(_ needle: [UInt8], in bytes: ArraySlice<UInt8>) -> Int? {
        var i = bytes.startIndex
        while i + needle.count <= bytes.endIndex {
            if bytes[i] == needle[0] && bytes[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }

    var isEmpty: Bool { directives.isEmpty }

    /// Whether a finding of `rule` on `line` is silenced.
    func silences(rule: String, line: Int) -> Bool {
        var disabled = false
        for directive in directives {
            if directive.line > line { break }
            let applies = directive.rules.isEmpty || directive.rules.contains(rule)
            guard applies else { continue }
            switch directive.action {
            case .disable: disabled = true
            case .enable: disabled = false
            case .disableNextLine: if directive.line == line - 1 { return true }
            }
        }
        return disabled
    }
}
