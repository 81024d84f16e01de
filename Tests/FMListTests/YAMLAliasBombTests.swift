import FMList
import FMSchema
import Testing

/// Guards the YAML reader against a "billion laughs": nine lines of nine aliases each stand for
/// 9^9 values, and converting them took all memory. The reader refuses a document that expands
/// past its budget before composing it, so the refusal comes at once (the tests assert the
/// refusal, not a time: the old code took all memory, then crashed).
@Suite struct YAMLAliasBombTests {
    /// `a: &a ["x", …]`, `b: &b [*a, …]`, … nine levels of nine: 3 KB that stand for 9^9 values.
    static func bomb(levels: Int = 9, width: Int = 9, prefix: String = "") -> String {
        let names = "abcdefghijklmnopqrstuvwxyz".map(String.init)
        var text = prefix
        text += "a: &a [" + Array(repeating: "\"x\"", count: width).joined(separator: ", ") + "]\n"
        for level in 1..<levels {
            text += "\(names[level]): &\(names[level]) [" + Array(repeating: "*\(names[level - 1])", count: width).joined(separator: ", ") + "]\n"
        }
        return text
    }

    @Test func aBillionLaughsIsRefusedWithTheBudget() throws {
        let yaml = Self.bomb()
        let limit = YAMLSyntaxError.expansionLimit(forBytes: yaml.utf8.count)
        #expect(limit == 10_000 || limit == 50 * yaml.utf8.count)
        let error = #expect(throws: YAMLSyntaxError.self) { try JSONValue(yaml: yaml) }
        #expect(error?.expansionLimit == limit)
        #expect(error?.describing(file: "entries.yml")
            == "the YAML in entries.yml expands to more than \(limit) values through aliases (&anchor / *alias); write the values out or remove the aliases")
    }

    @Test func aBombUsedAsAMappingKeyIsRefusedBeforeYamsHashesIt() {
        // Yams' duplicate-key check hashes each key: an alias of a huge list would be walked whole.
        let yaml = Self.bomb() + "j:\n  ? *i\n  : 1\n  ? *h\n  : 2\n"
        #expect(throws: YAMLSyntaxError.self) { try JSONValue(yaml: yaml) }
    }

    @Test func aliasesWithinTheBudgetAreExpanded() throws {
        // Three levels of nine: 819 values, well within the budget.
        let value = try JSONValue(yaml: Self.bomb(levels: 3))
        let c = try #require(value.objectValue?["c"]?.arrayValue)
        #expect(c.count == 9 && c.allSatisfy { $0.arrayValue?.count == 9 })
        #expect(c[0].arrayValue?[0].arrayValue?[0] == .string("x"))
    }

    @Test func syntaxErrorsStillNameTheirLine() {
        let error = #expect(throws: YAMLSyntaxError.self) { try JSONValue(yaml: "a: 1\nb: [unclosed\n") }
        #expect(error?.expansionLimit == nil)
        #expect(error?.describing(file: "x.yml").hasPrefix("x.yml: line ") == true)
    }
}
