import Foundation
import Testing
@testable import FMSchema

@Suite struct JSONValueTests {
    @Test func objectsKeepTheirKeyOrder() throws {
        let value = try JSONValue(jsonText: #"{"z": 1, "a": [true, null, "x"], "m": {"b": 2.5, "a": -3}}"#)
        #expect(value.objectValue?.keys == ["z", "a", "m"])
        #expect(value["m"]?.objectValue?.keys == ["b", "a"])
        #expect(value.jsonText == #"{"z":1,"a":[true,null,"x"],"m":{"b":2.5,"a":-3}}"#)
    }

    @Test func numbersWithoutAFractionAreIntegers() throws {
        for text in ["1", "1.0", "-0", "1e2", "12345678901234567890123", "9007199254740993"] {
            #expect(try JSONValue(jsonText: text).numberValue?.isInteger == true, "\(text)")
        }
        for text in ["1.5", "1e-2", "-0.0001"] {
            #expect(try JSONValue(jsonText: text).numberValue?.isInteger == false, "\(text)")
        }
        #expect(try JSONValue(jsonText: "9007199254740993") != JSONValue(jsonText: "9007199254740992"))
        #expect(try JSONValue(jsonText: "9223372036854775807").intValue == Int.max)
        #expect(try JSONValue(jsonText: "1.0").intValue == 1)
    }

    @Test func multiplesAreExactOnDecimals() {
        #expect(JSONNumber(0.0075).isMultiple(of: JSONNumber(0.0001)))
        #expect(!JSONNumber(0.00751).isMultiple(of: JSONNumber(0.0001)))
        #expect(JSONNumber(19.99).isMultiple(of: JSONNumber(0.01)))
        #expect(!JSONNumber(1e308).isMultiple(of: JSONNumber(0.123456789)))
        #expect(JSONNumber(Int64.max).isMultiple(of: JSONNumber(Int64(7))))
    }

    @Test func equalityFollowsJSONSchema() throws {
        #expect(JSONValue.number(JSONNumber(1)) == .number(JSONNumber(1.0)))
        #expect(JSONValue.bool(false) != 0)
        #expect(try JSONValue(jsonText: #"{"a": 1, "b": 2}"#) == JSONValue(jsonText: #"{"b": 2, "a": 1}"#))
        // Code points, not canonical equivalence: "ä" is not "a" + U+0308.
        #expect(JSONValue.string("\u{E4}") != .string("a\u{308}"))
        #expect(Set<JSONValue>([1, 1.0, "1", [1], ["a": 1]]).count == 4)
    }

    @Test func escapesAndUnicodeDecode() throws {
        let value = try JSONValue(jsonText: #""tab\t quote\" slash\/ e\u00e9 face\ud83d\ude00 nul\u0000""#)
        #expect(value == .string("tab\t quote\" slash/ e\u{E9} face\u{1F600} nul\u{0}"))
        #expect(try JSONValue(jsonText: "\"日本語 🙂\"") == .string("日本語 🙂"))
        #expect(JSONValue.string("a\nb\u{1}\u{2028}é").jsonText == #""a\nb\u0001\u2028é""#)
    }

    /// A string that needs no escape is written as it is; one character that does, anywhere
    /// (the C1 controls and the separators are several bytes in UTF-8), and it is escaped.
    @Test func eachCharacterThatNeedsAnEscapeIsFoundInATextThatIsOtherwisePlain() throws {
        let plain = "A title – with 日本語, 🩺, \u{A0}\u{2027}\u{202A}\u{C280} and 'quotes'"
        #expect(JSONValue.string(plain).jsonText == "\"" + plain + "\"")
        let escaped: [(Character, String)] = [("\"", #"\""#), ("\\", #"\\"#), ("\u{7F}", #"\u007F"#), ("\u{85}", #"\u0085"#),
                                              ("\u{9F}", #"\u009F"#), ("\u{2028}", #"\u2028"#), ("\u{2029}", #"\u2029"#), ("\u{1F}", #"\u001F"#)]
        for (character, escape) in escaped {
            for text in [String(character), "before " + String(character), String(character) + " after", plain + String(character)] {
                let json = JSONValue.string(text).jsonText
                #expect(json.contains(escape), "\(json)")
                #expect(try JSONValue(jsonText: json) == .string(text))
            }
        }
    }

    @Test func literalsBuildValues() {
        let value: JSONValue = ["title": "x", "year": 2024, "tags": ["a", nil], "score": 0.5, "ok": true]
        #expect(value.objectValue?.keys == ["title", "year", "tags", "score", "ok"])
        #expect(value["year"]?.intValue == 2024)
        #expect(value["tags"]?.arrayValue == ["a", .null])
    }

    struct SyntaxCase: Sendable, CustomTestStringConvertible {
        let text: String
        let line: Int
        let column: Int
        let problem: String
        var testDescription: String { problem }
    }

    static let syntaxCases: [SyntaxCase] = [
        SyntaxCase(text: "{\n  \"a\": 1,\n  \"b\" 2\n}", line: 3, column: 7,
                   problem: #"expected ':' after the object key "b", found '2'"#),
        SyntaxCase(text: "[1, 2,]", line: 1, column: 7, problem: "expected a JSON value, found ']'"),
        SyntaxCase(text: "{\"a\": 1,}", line: 1, column: 9, problem: "expected a string key in double quotes, found '}'"),
        SyntaxCase(text: "{\"a\": 1, \"a\": 2}", line: 1, column: 10, problem: #"duplicate key "a" in one object"#),
        SyntaxCase(text: "\"abc", line: 1, column: 1, problem: "unterminated string"),
        SyntaxCase(text: "\"a\tb\"", line: 1, column: 3, problem: "control character 0x09 inside a string (write it as an escape)"),
        SyntaxCase(text: #""\x""#, line: 1, column: 2, problem: #"invalid escape '\x' in a string"#),
        SyntaxCase(text: #""\ud800""#, line: 1, column: 2, problem: #"lone surrogate \uD800 in a string"#),
        SyntaxCase(text: "01", line: 1, column: 1, problem: "a number must not start with 0 followed by more digits"),
        SyntaxCase(text: "1.", line: 1, column: 3, problem: "expected a digit after the decimal point, found the end of the text"),
        SyntaxCase(text: "tru", line: 1, column: 1, problem: "expected a JSON value, found 't'"),
        SyntaxCase(text: "{} x", line: 1, column: 4, problem: "unexpected 'x' after the JSON value"),
        SyntaxCase(text: "", line: 1, column: 1, problem: "unexpected end of text, expected a JSON value"),
        SyntaxCase(text: "[\"é\", ?]", line: 1, column: 7, problem: "expected a JSON value, found '?'"),
        SyntaxCase(text: String(repeating: "[", count: 600), line: 1, column: 513, problem: "nesting deeper than 512 levels"),
    ]

    @Test(arguments: syntaxCases)
    func syntaxErrorsSayWhereAndWhat(_ syntax: SyntaxCase) {
        #expect(throws: JSONSyntaxError(line: syntax.line, column: syntax.column,
                                        byteOffset: Self.offset(of: syntax), problem: syntax.problem)) {
            try JSONValue(jsonText: syntax.text)
        }
    }

    private static func offset(of syntax: SyntaxCase) -> Int {
        let lines = syntax.text.split(separator: "\n", omittingEmptySubsequences: false)
        let before = lines.prefix(syntax.line - 1).reduce(0) { $0 + $1.utf8.count + 1 }
        let line = lines[syntax.line - 1]
        return before + String(line.unicodeScalars.prefix(syntax.column - 1)).utf8.count
    }

    @Test func invalidUTF8IsRefused() {
        let data = Data([0x22, 0x61, 0xC3, 0x28, 0x22])
        #expect(throws: JSONSyntaxError.self) { try JSONValue(jsonData: data) }
    }

    @Test func jsonLinesReportsEachLineWithItsNumber() throws {
        let text = "{\"a\": 1}\n\n  \n[1, 2]\r\n{\"b\": }\n\"last\""
        let lines = Array(JSONLines(Data(text.utf8)))
        #expect(lines.map(\.number) == [1, 4, 5, 6])
        #expect(try lines[1].value.get() == [1, 2])
        guard case .failure(let error) = lines[2].value else {
            Issue.record("line 5 should fail")
            return
        }
        #expect(error.line == 5)
        #expect(error.column == 7)
        #expect(try lines[3].value.get() == "last")
    }
}
