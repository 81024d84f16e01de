/// The generated wording of findings (without the property path, which the finding adds).
/// A schema replaces it with `x-message` where a contributor deserves better words.
enum Messages {
    /// `x-message` with `{value}` replaced by the instance, quoted as JSON.
    static func render(_ template: String, value: JSONValue) -> String {
        guard template.contains("{value}") else { return template }
        return template.replacingAll("{value}", with: value.quoted())
    }

    static func type(_ expected: JSONTypeSet, got value: JSONValue) -> String {
        let names = expected.names.map(withArticle)
        return "must be \(list(names, conjunction: "or")), got \(describe(value))"
    }

    static func enumeration(_ allowed: ArraySlice<JSONValue>, got value: JSONValue) -> String {
        let shown = allowed.prefix(10).map { $0.quoted(limit: 40) }
        let more = allowed.count > 10 ? " (or \(allowed.count - 10) more)" : ""
        return "must be one of \(shown.joined(separator: ", "))\(more), got \(value.quoted())"
    }

    static func constant(_ expected: JSONValue, got value: JSONValue) -> String {
        "must be \(expected.quoted()), got \(value.quoted())"
    }

    static func minLength(_ minimum: Int, length: Int) -> String {
        minimum == 1 ? "must not be empty" : "must be at least \(count(minimum, "character")) long, got \(length)"
    }

    static func maxLength(_ maximum: Int, length: Int) -> String {
        "must be at most \(count(maximum, "character")) long, got \(length)"
    }

    static func pattern(_ pattern: Pattern, got value: JSONValue) -> String {
        "must match the pattern \(pattern.source), got \(value.quoted())"
    }

    static func format(_ format: Format, got value: JSONValue) -> String {
        "must be \(format.explanation), got \(value.quoted())"
    }

    static func unknownProperty(_ name: String, declared: [String]) -> String {
        guard !declared.isEmpty else { return "is not allowed here" }
        var text = "is not allowed"
        if let suggestion = closest(to: name, among: declared) { text += " (did you mean \"\(suggestion)\"?)" }
        return text + "; allowed: " + declared.joined(separator: ", ")
    }

    static func count(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }

    /// What a `not` subschema forbids, when it is a simple one.
    static func forbidden(by node: NodeID, in schema: CompiledSchema) -> String {
        let otherwise = "must not match the schema at \(schema.locations[node])"
        guard case .checks(let range) = schema.nodes[node].body, range.count == 1 else { return otherwise }
        switch schema.checks[range.lowerBound] {
        case .pattern(let pattern): return "must not match the pattern \(schema.patterns[pattern].source)"
        case .constant(let value): return "must not be \(schema.values[value].quoted())"
        case .enumeration(let values):
            return "must not be any of \(schema.values[values].map { $0.quoted(limit: 40) }.joined(separator: ", "))"
        case .type(let types): return "must not be \(list(types.names.map(withArticle), conjunction: "or"))"
        case .required(let names): return "must not have \(list(schema.names[names].map { "\"\($0)\"" }, conjunction: "and"))"
        default: return otherwise
        }
    }

    /// The value in a few words: strings and numbers quoted, containers by kind.
    static func describe(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool(let flag): flag ? "true" : "false"
        case .number, .string: value.quoted()
        case .array(let elements): elements.isEmpty ? "an empty array" : "an array"
        case .object(let object): object.isEmpty ? "an empty object" : "an object"
        }
    }

    static func list(_ items: [String], conjunction: String) -> String {
        switch items.count {
        case 0: ""
        case 1: items[0]
        default: items.dropLast().joined(separator: ", ") + " \(conjunction) " + (items.last ?? "")
        }
    }

    /// `a string`, `an object`, `null`.
    private static func withArticle(_ typeName: String) -> String {
        switch typeName {
        case "integer", "array", "object": "an " + typeName
        case "null": typeName
        default: "a " + typeName
        }
    }

    /// A declared name the unknown one was probably meant to be: same letters in another case,
    /// or at most two edits away.
    static func closest(to name: String, among candidates: [String]) -> String? {
        Spelling.closest(to: name, among: candidates)
    }
}

private extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        var result = ""
        var rest = self[...]
        while let range = rest.firstRange(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
