/// Validates instances against one schema, compiled once.
///
/// ```swift
/// let validator = try Validator(schema: "entry", registry: .builtIn)
/// for finding in validator.validate(entry) { print(finding) }
/// ```
///
/// `format` is an annotation unless `assertFormats` is true; then `uri`, `uri-reference`,
/// `date` and `email` are checked (other formats stay annotations).
///
/// Two vendor keywords shape the findings (other validators ignore unknown keywords, so the
/// schemas stay standard): `x-message` on a subschema replaces the messages of its errors by one
/// message, with `{value}` replaced by the instance as JSON; `x-severity: "warning"` makes the
/// subschema's failures warnings, which do not make the instance invalid.
public struct Validator: Sendable {
    /// The absolute URI of the schema.
    public let schemaURI: String
    private let evaluator: Evaluator

    /// A validator for a registered schema: a short name (`entry`) or a URI, optionally with a
    /// fragment naming a subschema (`entry#/properties/title`).
    public init(schema nameOrURI: String, registry: SchemaRegistry, assertFormats: Bool = false) throws(SchemaError) {
        guard let uri = registry.uri(for: nameOrURI),
              let location = registry.index.locate(URIReference(uri)) else {
            throw SchemaError.unknownSchema(nameOrURI, known: registry.names)
        }
        schemaURI = uri
        evaluator = Evaluator(schema: try SchemaCompiler.compile(location, index: registry.index, assertFormats: assertFormats))
    }

    /// A validator for a schema given as a value; its `$ref`s may name documents of `registry`.
    public init(schemaDocument: JSONValue, registry: SchemaRegistry = SchemaRegistry(),
                assertFormats: Bool = false) throws(SchemaError) {
        let base: String
        if case .string(let id)? = schemaDocument["$id"] {
            base = SchemaRegistry.defaultBase
            schemaURI = URIReference(base).resolving(id).withoutFragment
        } else {
            base = SchemaRegistry.defaultBase + "anonymous.json"
            schemaURI = base
        }
        var index = registry.index
        index.add(schemaDocument, base: base)
        let location = ResourceIndex.Location(schema: schemaDocument, base: base, pointer: "")
        evaluator = Evaluator(schema: try SchemaCompiler.compile(location, index: index, assertFormats: assertFormats))
    }

    /// Every way `instance` fails the schema, errors and warnings, in schema order. Empty when
    /// it passes.
    public func validate(_ instance: JSONValue) -> [SchemaFinding] {
        let root = evaluator.schema.root
        if evaluator.isValid(root, instance, strict: true) { return [] }
        return evaluator.findings(root, instance).map(\.finding)
    }

    /// Whether `instance` passes: no error (warnings allowed).
    public func isValid(_ instance: JSONValue) -> Bool {
        evaluator.isValid(evaluator.schema.root, instance, strict: false)
    }
}
