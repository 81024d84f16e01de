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
        for (line, start) in Self.lines(holding: "<!-- fmadd-", in: document) where !isCode(line) {
            let bytes = document.lineBytes(line)
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

    /// Each line that holds `needle`, with the index in the document's bytes of its first occurrence.
    private static func lines(holding needle: StaticString, in document: Document) -> [(line: Int, start: Int)] {
        var found: [(line: Int, start: Int)] = []
        var offset = 0
        // One search over the whole file: directives are rare, lines are many.
        while let at = document.bytes.firstOffset(of: needle, from: offset) {
            let line = document.lines.line(containingByte: at)
            if found.last?.line != line { found.append((line, at)) }
            offset = at + 1
        }
        return found
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
