/// The syntax tree of a regular expression in the ECMA-262 subset that `ECMARegex` runs.
/// Groups are not kept (nothing is captured) and greedy and lazy quantifiers are the same node,
/// as only "is there a match" is asked.
indirect enum RegexNode: Equatable {
    case empty
    case set(ScalarSet)
    case start
    case end
    case wordBoundary(negated: Bool)
    case sequence([RegexNode])
    case alternation([RegexNode])
    case repetition(RegexNode, min: Int, max: Int?)
}

/// Parses the subset, with code-point semantics (as ECMA-262's `u` flag): literals, `.`,
/// classes with ranges, `\d \D \w \W \s \S \b \B`, control and Unicode escapes, groups,
/// alternation, anchors and all quantifiers. Lookaround, backreferences, named groups and
/// `\p{…}` are outside it: `parse` returns nil and the caller uses another engine.
struct RegexParser {
    private let scalars: [Unicode.Scalar]
    private var index = 0

    /// Larger counted repetitions go to the other engine rather than a huge program.
    static let maximumCount = 1000

    private struct Unsupported: Error {}

    static func parse(_ pattern: String) -> RegexNode? {
        var parser = RegexParser(scalars: Array(pattern.unicodeScalars))
        do {
            let node = try parser.parseDisjunction()
            return parser.index == parser.scalars.count ? node : nil
        } catch {
            return nil
        }
    }

    private init(scalars: [Unicode.Scalar]) {
        self.scalars = scalars
    }

    private var next: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    private func peek(_ offset: Int) -> Unicode.Scalar? {
        index + offset < scalars.count ? scalars[index + offset] : nil
    }

    private mutating func parseDisjunction() throws(Unsupported) -> RegexNode {
        var alternatives = [try parseAlternative()]
        while next == "|" {
            index += 1
            alternatives.append(try parseAlternative())
        }
        return alternatives.count == 1 ? alternatives[0] : .alternation(alternatives)
    }

    private mutating func parseAlternative() throws(Unsupported) -> RegexNode {
        var terms: [RegexNode] = []
        while let scalar = next, scalar != "|", scalar != ")" {
            terms.append(try parseTerm())
        }
        switch terms.count {
        case 0: return .empty
        case 1: return terms[0]
        default: return .sequence(terms)
        }
    }

    private mutating func parseTerm() throws(Unsupported) -> RegexNode {
        guard let scalar = next else { throw Unsupported() }
        switch scalar {
        case "^":
            index += 1
            return .start
        case "$":
            index += 1
            return .end
        case "\\" where peek(1) == "b" || peek(1) == "B":
            let negated = peek(1) == "B"
            index += 2
            return .wordBoundary(negated: negated)
        default:
            let atom = try parseAtom()
            return try parseQuantifier(on: atom)
        }
    }

    private mutating func parseAtom() throws(Unsupported) -> RegexNode {
        guard let scalar = next else { throw Unsupported() }
        switch scalar {
        case ".":
            index += 1
            return .set(.notLineTerminator)
        case "(":
            index += 1
            if next == "?" {
                guard peek(1) == ":" else { throw Unsupported() }  // lookaround, named group
                index += 2
            }
            let inner = try parseDisjunction()
            guard next == ")" else { throw Unsupported() }
            index += 1
            return inner
        case "[":
            return .set(try parseClass())
        case "\\":
            index += 1
            return .set(try parseEscape(inClass: false))
        case "*", "+", "?", ")":
            throw Unsupported()
        case "{":
            if isQuantifierBrace() { throw Unsupported() }
            index += 1
            return .set(ScalarSet(scalar: scalar.value))
        default:
            index += 1
            return .set(ScalarSet(scalar: scalar.value))
        }
    }

    private mutating func parseQuantifier(on atom: RegexNode) throws(Unsupported) -> RegexNode {
        guard let scalar = next else { return atom }
        let bounds: (min: Int, max: Int?)
        switch scalar {
        case "*": index += 1; bounds = (0, nil)
        case "+": index += 1; bounds = (1, nil)
        case "?": index += 1; bounds = (0, 1)
        case "{" where isQuantifierBrace(): bounds = try parseBraces()
        default: return atom
        }
        if next == "?" { index += 1 }  // lazy: the same answer to "does it match"
        if let max = bounds.max, max < bounds.min { throw Unsupported() }
        return .repetition(atom, min: bounds.min, max: bounds.max)
    }

    /// Whether `{` starts `{n}`, `{n,}` or `{n,m}` (otherwise it is a literal, as in Annex B).
    private func isQuantifierBrace() -> Bool {
        var offset = 1
        var digits = 0
        while let scalar = peek(offset), ("0" ... "9").contains(scalar) { offset += 1; digits += 1 }
        guard digits > 0 else { return false }
        if peek(offset) == "," {
            offset += 1
            while let scalar = peek(offset), ("0" ... "9").contains(scalar) { offset += 1 }
        }
        return peek(offset) == "}"
    }

    private mutating func parseBraces() throws(Unsupported) -> (min: Int, max: Int?) {
        index += 1
        let minimum = try parseCount()
        var maximum: Int? = minimum
        if next == "," {
            index += 1
            maximum = next == "}" ? nil : try parseCount()
        }
        guard next == "}" else { throw Unsupported() }
        index += 1
        return (minimum, maximum)
    }

    private mutating func parseCount() throws(Unsupported) -> Int {
        var value = 0
        while let scalar = next, ("0" ... "9").contains(scalar) {
            value = value * 10 + Int(scalar.value - 0x30)
            guard value <= Self.maximumCount else { throw Unsupported() }
            index += 1
        }
        return value
    }

    // MARK: Classes and escapes

    private mutating func parseClass() throws(Unsupported) -> ScalarSet {
        index += 1
        let negated = next == "^"
        if negated { index += 1 }
        var ranges: [ClosedRange<UInt32>] = []
        while let scalar = next, scalar != "]" {
            let low = try parseClassAtom()
            if next == "-", let after = peek(1), after != "]" {
                index += 1
                let high = try parseClassAtom()
                if let lowValue = low.single, let highValue = high.single {
                    guard lowValue <= highValue else { throw Unsupported() }
                    ranges.append(lowValue ... highValue)
                } else {
                    // A class escape at either end makes '-' a literal (Annex B).
                    ranges += low.ranges + [0x2D ... 0x2D] + high.ranges
                }
            } else {
                ranges += low.ranges
            }
        }
        guard next == "]" else { throw Unsupported() }
        index += 1
        let set = ScalarSet(ranges)
        return negated ? set.inverted : set
    }

    private mutating func parseClassAtom() throws(Unsupported) -> ScalarSet {
        guard let scalar = next else { throw Unsupported() }
        index += 1
        if scalar == "\\" { return try parseEscape(inClass: true) }
        return ScalarSet(scalar: scalar.value)
    }

    /// After a backslash.
    private mutating func parseEscape(inClass: Bool) throws(Unsupported) -> ScalarSet {
        guard let letter = next else { throw Unsupported() }
        index += 1
        switch letter {
        case "d": return .digits
        case "D": return ScalarSet.digits.inverted
        case "w": return .wordCharacters
        case "W": return ScalarSet.wordCharacters.inverted
        case "s": return .whitespace
        case "S": return ScalarSet.whitespace.inverted
        case "t": return ScalarSet(scalar: 0x09)
        case "n": return ScalarSet(scalar: 0x0A)
        case "v": return ScalarSet(scalar: 0x0B)
        case "f": return ScalarSet(scalar: 0x0C)
        case "r": return ScalarSet(scalar: 0x0D)
        case "b" where inClass: return ScalarSet(scalar: 0x08)
        case "0" where !(next.map { ("0" ... "9").contains($0) } ?? false): return ScalarSet(scalar: 0)
        case "c":
            guard let control = next, ("a" ... "z").contains(control) || ("A" ... "Z").contains(control) else {
                throw Unsupported()
            }
            index += 1
            return ScalarSet(scalar: control.value % 32)
        case "x":
            return ScalarSet(scalar: try parseHex(count: 2))
        case "u":
            return ScalarSet(scalar: try parseUnicodeEscape())
        case "^", "$", "\\", ".", "*", "+", "?", "(", ")", "[", "]", "{", "}", "|", "/", "-":
            return ScalarSet(scalar: letter.value)
        default:
            throw Unsupported()  // backreferences, \p{…}, \k<…>, and escapes ECMA-262 refuses
        }
    }

    /// `\uHHHH` (a surrogate pair written as two escapes is one code point) or `\u{H…}`.
    private mutating func parseUnicodeEscape() throws(Unsupported) -> UInt32 {
        if next == "{" {
            index += 1
            var value: UInt32 = 0
            var digits = 0
            while let scalar = next, scalar != "}" {
                guard let digit = hexValue(scalar), digits < 6 else { throw Unsupported() }
                value = value << 4 | digit
                digits += 1
                index += 1
            }
            guard next == "}", digits > 0, value <= ScalarSet.maximum else { throw Unsupported() }
            index += 1
            return value
        }
        let value = try parseHex(count: 4)
        if (0xD800 ... 0xDBFF).contains(value), next == "\\", peek(1) == "u" {
            let saved = index
            index += 2
            if let low = try? parseHex(count: 4), (0xDC00 ... 0xDFFF).contains(low) {
                return 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
            }
            index = saved
        }
        guard !(0xD800 ... 0xDFFF).contains(value) else { throw Unsupported() }
        return value
    }

    private mutating func parseHex(count: Int) throws(Unsupported) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0 ..< count {
            guard let scalar = next, let digit = hexValue(scalar) else { throw Unsupported() }
            value = value << 4 | digit
            index += 1
        }
        return value
    }

    private func hexValue(_ scalar: Unicode.Scalar) -> UInt32? {
        switch scalar {
        case "0" ... "9": scalar.value - 0x30
        case "a" ... "f": scalar.value - 0x61 + 10
        case "A" ... "F": scalar.value - 0x41 + 10
        default: nil
        }
    }
}
