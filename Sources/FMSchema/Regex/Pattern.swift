import Foundation

/// A compiled `pattern` or `patternProperties` regular expression. Like all JSON Schema
/// patterns it is not anchored: it matches when it matches anywhere in the string.
///
/// Patterns within the ECMA-262 subset that `RegexParser` describes (almost every pattern a
/// schema uses) run on `ECMARegex`, with ECMA-262 semantics and code-point (`u` flag) matching.
/// Others (lookaround, backreferences, named groups, `\p{…}`) run on `NSRegularExpression`
/// (ICU), which differs from ECMA-262 in ways a schema author may notice:
/// - `$` also matches before a line terminator at the very end of the text;
/// - `\d`, `\w`, `\s` and `\b` are Unicode-aware (`\d` matches "৪", `\w` matches "é");
/// - `.` excludes more line terminators (also U+0085), and `\s` includes U+0085 but not U+FEFF;
/// - ICU accepts syntax that ECMA-262 refuses (possessive quantifiers, `\Q…\E`, `\a`, `\e`) and
///   has no Annex B leniency (a lone `{` or `]` is an error).
final class Pattern: Sendable {
    let source: String
    private let engine: Engine

    private enum Engine: Sendable {
        case ecma(ECMARegex)
        case icu(NSRegularExpression)
    }

    /// Throws the reason when neither engine accepts the pattern.
    init(_ source: String) throws(PatternSyntaxError) {
        self.source = source
        if let regex = ECMARegex(source) {
            engine = .ecma(regex)
            return
        }
        do {
            engine = .icu(try NSRegularExpression(pattern: source, options: []))
        } catch {
            throw PatternSyntaxError(reason: error.localizedDescription)
        }
    }

    func matches(_ text: String) -> Bool {
        switch engine {
        case .ecma(let regex):
            return regex.matches(text)
        case .icu(let regex):
            let range = NSRange(location: 0, length: text.utf16.count)
            return regex.firstMatch(in: text, options: [], range: range) != nil
        }
    }
}

struct PatternSyntaxError: Error {
    let reason: String
}
