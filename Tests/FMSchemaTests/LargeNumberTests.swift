import Testing
@testable import FMSchema

/// Guards numbers beyond a Double's range: `1e400` was shown as "got null" and `1e401` passed
/// `maximum: 1e400` (both were infinity). They now compare exactly and show as written.
@Suite struct LargeNumberTests {
    static func number(_ text: String) throws -> JSONNumber {
        guard case .number(let number) = try JSONValue(jsonText: text) else { throw JSONSyntaxError(line: 1, column: 1, byteOffset: 0, problem: "not a number") }
        return number
    }

    @Test func numbersBeyondTheRangeCompareExactly() throws {
        #expect(try Self.number("1e400") < Self.number("1e401"))
        #expect(try Self.number("1e400") == Self.number("10e399"))
        #expect(try Self.number("1.5e400") < Self.number("1.50001e400"))
        #expect(try Self.number("-1e401") < Self.number("-1e400"))
        #expect(try Self.number("-1e400") < Self.number("-1e300"))
        #expect(try Self.number("1e300") < Self.number("1e400"))
        // Below the range: not zero, and ordered among themselves.
        #expect(try Self.number("0") < Self.number("1e-400"))
        #expect(try Self.number("1e-401") < Self.number("1e-400"))
        #expect(try Self.number("-1e-400") < Self.number("0"))
        #expect(try Self.number("1e-400") != Self.number("0"))
    }

    @Test func theyAreShownAsWritten() throws {
        #expect(try Self.number("1e400").description == "1e400")
        #expect(try Self.number("-2.50E+400").description == "-2.50E+400")
        #expect(try JSONValue(jsonText: "[1e400, 1]").jsonText == "[1e400,1]")
    }

    @Test func schemaLimitsAndTypesHoldBeyondTheRange() throws {
        let validator = try Validator(schemaDocument: try JSONValue(jsonText: #"{"maximum": 1e400, "exclusiveMinimum": -1e400}"#))
        #expect(validator.validate(try JSONValue(jsonText: "1e400")).isEmpty)
        #expect(validator.validate(try JSONValue(jsonText: "1e401")).map(\.message) == ["must be at most 1e400, got 1e401"])
        #expect(validator.validate(try JSONValue(jsonText: "-1e400")).map(\.message) == ["must be greater than -1e400, got -1e400"])
        let string = try Validator(schemaDocument: ["type": "string"])
        #expect(string.validate(try JSONValue(jsonText: "1e400")).map(\.message) == ["must be a string, got 1e400"])
        let integer = try Validator(schemaDocument: ["type": "integer"])
        #expect(integer.validate(try JSONValue(jsonText: "1e400")).isEmpty, "1e400 has no fractional part")
        #expect(!integer.validate(try JSONValue(jsonText: "1e-400")).isEmpty)
    }

    @Test func multiplesBeyondTheRangeAreExact() throws {
        #expect(try Self.number("7e400").isMultiple(of: JSONNumber(7)))
        #expect(try !Self.number("1e400").isMultiple(of: JSONNumber(7)))
        #expect(try Self.number("1e400").isMultiple(of: JSONNumber(0.5)))
        #expect(try !Self.number("1e-400").isMultiple(of: JSONNumber(0.5)))
        #expect(try Self.number("3e-400").isMultiple(of: Self.number("1e-400")))
        #expect(try !Self.number("1e-400").isMultiple(of: Self.number("3e-400")))
        // A positive divisor below the range is still positive.
        #expect(throws: Never.self) { try Validator(schemaDocument: try JSONValue(jsonText: #"{"multipleOf": 1e-400}"#)) }
    }
}
