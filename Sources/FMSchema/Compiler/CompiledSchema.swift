/// A schema compiled for evaluation. Every subschema reachable from the root is a node; each
/// keyword is a check whose arguments are prepared (patterns compiled, property tables built,
/// `$ref` resolved to a node index). Recursive schemas are cycles of indices.
///
/// The layout is flat: nodes and checks hold only plain values (indices, ranges, numbers), and
/// the strings, lists and tables they refer to sit in side tables. Walking a schema then copies
/// no reference-counted value, which keeps evaluation fast.
struct CompiledSchema: Sendable {
    var nodes: [SchemaNode] = []
    /// Per node: its absolute location, `https://…/entry.schema.json#/properties/title`.
    var locations: [String] = []
    /// Per node: `x-message`, which replaces the messages of the node's errors.
    var messages: [String?] = []

    var checks: [CheckKind] = []
    /// Per check: its keyword, as the schema location spells it.
    var keywords: [String] = []

    /// Lists of nodes (`allOf`, `anyOf`, `oneOf`, `prefixItems`).
    var nodeLists: [NodeID] = []
    /// Values of `const` and `enum`.
    var values: [JSONValue] = []
    /// Names of `required`.
    var names: [String] = []
    var patterns: [Pattern] = []
    var memberRules: [MemberRules] = []
    var dependentRequired: [(property: String, required: Range<Int>)] = []
    var dependentSchemas: [(property: String, schema: NodeID)] = []

    var root: NodeID = 0
}

typealias NodeID = Int

struct SchemaNode: Sendable {
    enum Body: Sendable {
        /// The schema `true` or `{}`.
        case accept
        /// The schema `false`.
        case reject
        /// Checks, by their range in `CompiledSchema.checks`.
        case checks(Range<Int>)
    }

    var body: Body
    /// `x-severity: "warning"`: this subschema's failures are warnings and do not make the
    /// instance invalid.
    var isWarning: Bool
}

/// One assertion or applicator keyword (or a few that only work together). Ranges and indices
/// point into the tables of `CompiledSchema`.
enum CheckKind: Sendable {
    case type(JSONTypeSet)
    case enumeration(values: Range<Int>)
    case constant(value: Int)

    case minLength(Int)
    case maxLength(Int)
    case pattern(Int)
    case format(Format)

    case minimum(JSONNumber)
    case maximum(JSONNumber)
    case exclusiveMinimum(JSONNumber)
    case exclusiveMaximum(JSONNumber)
    case multipleOf(JSONNumber)

    case required(names: Range<Int>)
    /// `properties`, `patternProperties` and `additionalProperties` of one schema, evaluated
    /// together because `additionalProperties` depends on the other two.
    case members(Int)
    case propertyNames(NodeID)
    case dependentRequired(Range<Int>)
    case dependentSchemas(Range<Int>)
    case minProperties(Int)
    case maxProperties(Int)

    /// `prefixItems` and `items` of one schema.
    case items(prefix: Range<Int>, rest: NodeID?)
    case contains(NodeID, minimum: Int, maximum: Int?)
    case minItems(Int)
    case maxItems(Int)
    case uniqueItems

    case reference(NodeID)
    case allOf(Range<Int>)
    case anyOf(Range<Int>)
    case oneOf(Range<Int>)
    case not(NodeID)
    case conditional(condition: NodeID, then: NodeID?, else: NodeID?)
}
