/// One way an instance fails a schema: where in the instance, which keyword of which schema,
/// how bad, and a message a contributor understands.
public struct SchemaFinding: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Comparable {
        case warning
        case error

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs == .warning && rhs == .error
        }
    }

    /// JSON Pointer to the failing value, e.g. `/links/code` (`""` for the whole instance).
    /// For `required` and `dependentRequired` it points at the missing property.
    public let instanceLocation: String
    /// The same place in readable form, e.g. `links.code` or `authors[2]` (`""` for the whole
    /// instance).
    public let propertyPath: String
    /// Absolute location of the failing keyword: the schema's URI and a JSON Pointer,
    /// e.g. `https://fmadd.dev/schemas/entry.schema.json#/$defs/link/allOf/0/pattern`.
    public let schemaLocation: String
    /// The failing keyword, e.g. `pattern`.
    public let keyword: String
    public let severity: Severity
    /// Plain words, starting with the property path: `links.code: must be an https URL, got
    /// "github.com/x/y"`.
    public let message: String

    public init(instanceLocation: String, propertyPath: String, schemaLocation: String, keyword: String,
                severity: Severity, message: String) {
        self.instanceLocation = instanceLocation
        self.propertyPath = propertyPath
        self.schemaLocation = schemaLocation
        self.keyword = keyword
        self.severity = severity
        self.message = message
    }

    /// `error: links.code: must be an https URL, got "github.com/x/y"`
    public var description: String { "\(severity.rawValue): \(message)" }
}
