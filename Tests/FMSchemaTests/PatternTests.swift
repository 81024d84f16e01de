import Foundation
import Testing
@testable import FMSchema

@Suite struct PatternTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let pattern: String
        let text: String
        let matches: Bool
        var testDescription: String { "/\(pattern)/ on \(JSONValue.string(text).jsonText)" }
        init(_ pattern: String, _ text: String, _ matches: Bool) {
            self.pattern = pattern
            self.text = text
            self.matches = matches
        }
    }

    /// ECMA-262 semantics, which differ from ICU's (NSRegularExpression) in several of these.
    static let cases: [Case] = [
        Case("a+", "xaay", true),  // not anchored
        Case("^a+$", "aa", true),
        Case("^a+$", "aa\n", false),  // `$` is the end only (ICU also matches before a final \n)
        Case("^\\d+$", "123", true),
        Case("^\\d+$", "১২৩", false),  // \d is ASCII only
        Case("^\\w+$", "café", false),  // \w is ASCII only
        Case("^.$", "\n", false),
        Case("^.$", "\u{2028}", false),
        Case("^.$", "\u{85}", true),  // U+0085 is not an ECMA-262 line terminator
        Case("^\\s$", "\u{FEFF}", true),
        Case("^🐲*$", "🐲🐲", true),  // code points, not UTF-16 units
        Case("^.$", "🐲", true),
        Case("^[\\u{1F600}-\\u{1F64F}]$", "🙂", true),
        Case("^\\ud83d\\ude00$", "😀", true),
        Case("^(ab|cd){2,3}$", "abcdab", true),
        Case("^(ab|cd){2,3}$", "ab", false),
        Case("^a{2}b?$", "aab", true),
        Case("x{", "ax{", true),  // a lone { is a literal (Annex B)
        Case("[^a-c\\-]", "abc-", false),
        Case("[^a-c\\-]", "abcd", true),
        Case("\\bfoo\\b", "a foo.", true),
        Case("\\bfoo\\b", "afoo", false),
        Case("\\]\\(", "see [x](y)", true),
        Case("^https?://[^/?#\\s]", "https://x.org", true),
        Case("^https?://[^/?#\\s]", "https:// x.org", false),
        // Text without any code point a match can begin with is refused before the program runs.
        Case("<[A-Za-z!?/]", "a < b", false),
        Case("<[A-Za-z!?/]", "a <b> c", true),
        Case("a*b", "xxb", true),
        Case("a*b", "xxa", false),
        Case("(a|)c", "xc", true),
        Case("a{0}b", "b", true),
        Case("\\bx", "y x", true),
        Case("(^|\\S)$", "", true),
        Case("(a|b?)", "", true),
        Case("(?=a)a", "a", true),  // lookahead: handled by NSRegularExpression
        Case("^\\p{Letter}+$", "héllo", true),  // \p{…}: handled by NSRegularExpression
    ]

    @Test(arguments: cases)
    func patternsMatchAsECMA262Says(_ example: Case) throws {
        #expect(try Pattern(example.pattern).matches(example.text) == example.matches)
    }

    /// A backtracking engine takes exponential time here; the Pike VM's time is linear by
    /// construction, so the answer comes at all.
    @Test func aHostilePatternGetsAnAnswer() throws {
        let pattern = try Pattern("^(a+)+$")
        #expect(!pattern.matches(String(repeating: "a", count: 20_000) + "b"))
        #expect(pattern.matches(String(repeating: "a", count: 20_000)))
    }

    @Test func anInvalidPatternIsASchemaError() {
        #expect(throws: SchemaError.self) {
            try Validator(schemaDocument: ["pattern": "a(b"])
        }
        do {
            _ = try Validator(schemaDocument: ["properties": ["x": ["pattern": "[z-a]"]]])
            Issue.record("an invalid range should not compile")
        } catch {
            guard case .invalidPattern(let pattern, let location, _) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(pattern == "[z-a]")
            #expect(location == "fmadd:/schemas/anonymous.json#/properties/x/pattern")
        }
    }
}
