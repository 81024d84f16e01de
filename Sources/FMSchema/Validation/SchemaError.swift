import Foundation

/// A schema that cannot be used. Instances that fail a schema are not errors: they give
/// `SchemaFinding`s.
public enum SchemaError: Error, Sendable, Hashable, LocalizedError, CustomStringConvertible {
    /// A schema file could not be read.
    case unreadableFile(path: String, reason: String)
    /// A schema file or text is not JSON.
    case invalidJSON(source: String, JSONSyntaxError)
    /// No registered schema has this short name or `$id`.
    case unknownSchema(String, known: [String])
    /// A registered document has no `$id` and was given no name.
    case missingIdentifier(source: String)
    /// A `$ref` names no schema that is registered.
    case unresolvableReference(String, at: String)
    /// `$ref`s that lead back to themselves without descending into the instance.
    case referenceCycle(at: String)
    /// A `pattern` or `patternProperties` key is not a regular expression.
    case invalidPattern(String, at: String, reason: String)
    /// A keyword has a value of the wrong kind (`"minLength": "three"`).
    case invalidKeyword(String, at: String, expected: String)

    public var description: String {
        switch self {
        case .unreadableFile(let path, let reason):
            "cannot read the schema file \(path): \(reason); check the path (for a list's own schema, the `schema` entry of .fmadd.yml)"
        case .invalidJSON(let source, let error):
            "the schema \(source) is not valid JSON: \(error); fix the file at that line"
        case .unknownSchema(let name, let known):
            "no schema named \"\(name)\"; use one of \(known.joined(separator: ", ")), or register the file that defines it"
        case .missingIdentifier(let source):
            "the schema \(source) has no \"$id\"; add one (e.g. \"https://example.org/schemas/entry.schema.json\") or register it under a name"
        case .unresolvableReference(let reference, let location):
            "the $ref \"\(reference)\" at \(location) points to no registered schema; fix the reference or register the schema it names"
        case .referenceCycle(let location):
            "the schema at \(location) refers to itself through $ref without matching anything; break the cycle"
        case .invalidPattern(let pattern, let location, let reason):
            "the pattern \"\(pattern)\" at \(location) is not a valid regular expression (\(reason)); write it in ECMA-262 syntax"
        case .invalidKeyword(let keyword, let location, let expected):
            "the keyword \"\(keyword)\" at \(location) must be \(expected); fix the schema"
        }
    }

    public var errorDescription: String? { description }
}
