import FMList
import FMSchema
import Testing

@Suite struct JSONValueYAMLTests {
    @Test func yamlMapsToTheSameJSONValues() throws {
        let yaml = """
            list: README.md
            year: 2024
            threshold: 0.9
            hex: 0x1F
            pad: true
            none: ~
            empty:
            quoted: "123"
            rules:
              label-case: off
              trailing-whitespace: warning
            norway: no
            date: 2024-05-01
            distinct:
              - [a, b]
              - ["c", 'd']
            """
        let value = try JSONValue(yaml: yaml)
        let expected: JSONValue = [
            "list": "README.md", "year": 2024, "threshold": 0.9, "hex": 31, "pad": true, "none": nil, "empty": nil,
            "quoted": "123", "rules": ["label-case": "off", "trailing-whitespace": "warning"], "norway": "no",
            "date": "2024-05-01", "distinct": [["a", "b"], ["c", "d"]],
        ]
        #expect(value == expected)
        #expect(value.objectValue?.keys == expected.objectValue?.keys)
        #expect(value["year"]?.numberValue?.exactInteger == 2024)
        #expect(value["threshold"]?.numberValue?.isInteger == false)
    }

    @Test func anchorsAndAliasesAreResolved() throws {
        let value = try JSONValue(yaml: "base: &b {heading: X}\ncopy: *b\n")
        #expect(value["copy"] == ["heading": "X"])
    }

    @Test func errorsGiveTheLine() {
        let cases: [(String, Int)] = [
            ("a: 1\nb: [1, 2\nc: 3\n", 3),
            ("a: 1\na: 2\n", 2),
            ("a: 1\n? [x]\n: 2\n", 2),
            ("a: 1\nb: .inf\n", 2),
            ("a:\n  - x\n - y\n", 3),
        ]
        for (yaml, line) in cases {
            do {
                _ = try JSONValue(yaml: yaml)
                Issue.record("\(yaml) should not parse")
            } catch {
                #expect(error.line == line, "\(error)")
            }
        }
    }

    @Test func aRepeatedKeyIsReportedWhereItRepeats() {
        #expect(throws: YAMLSyntaxError(line: 3, column: 1, problem: #"duplicate key "list" (first on line 1)"#)) {
            try JSONValue(yaml: "list: a.md\nyearMarker: bold\nlist: b.md\n")
        }
    }

    @Test func theConfigSchemaValidatesYAML() throws {
        let config = try JSONValue(yaml: "list: README.md\nyearMarker: Bold\nrules:\n  label-case: off\n")
        let findings = try Validator(schema: "config", registry: .builtIn).validate(config)
        #expect(findings.map(\.message) == [#"yearMarker: must be one of "bold", "heading", got "Bold""#])
    }

    @Test func anEmptyDocumentIsNull() throws {
        #expect(try JSONValue(yaml: "") == .null)
        #expect(try JSONValue(yaml: "# only a comment\n") == .null)
    }

    /// Guards YAML numbers beyond a Double's range: kept exactly and shown as written, as JSON's are.
    @Test func numbersBeyondTheRangeAreKeptAsWritten() throws {
        let value = try JSONValue(yaml: "big: 1e400\nbigger: 1e401\nhuge: 123456789012345678901234567890\n")
        guard case .number(let big) = value["big"], case .number(let bigger) = value["bigger"], case .number(let huge) = value["huge"] else {
            Issue.record("not numbers: \(value)")
            return
        }
        #expect(big.description == "1e400" && big < bigger)
        #expect(huge.isInteger)
        #expect(throws: YAMLSyntaxError.self) { try JSONValue(yaml: "n: .inf\n") }
    }
}
