/// Where each schema resource and anchor of a set of documents is: every `$id` (the document's
/// and embedded ones) and every `$anchor`, found by walking the keywords that hold subschemas,
/// so that an `$id` inside `enum`, `const` or `examples` is data, not an identifier.
struct ResourceIndex: Sendable {
    /// A schema, with the base URI and pointer in effect where it sits: those its own `$id`,
    /// if it has one, is resolved against.
    struct Location: Sendable {
        let schema: JSONValue
        let base: String
        let pointer: String
    }

    private(set) var resources: [String: Location] = [:]
    private(set) var anchors: [String: Location] = [:]

    /// Keywords whose value is one subschema.
    static let schemaKeywords: Set<String> = [
        "additionalProperties", "propertyNames", "items", "contains", "not", "if", "then", "else",
        "unevaluatedItems", "unevaluatedProperties", "additionalItems",
    ]
    /// Keywords whose value is an array of subschemas.
    static let schemaArrayKeywords: Set<String> = ["prefixItems", "allOf", "anyOf", "oneOf"]
    /// Keywords whose value is an object of subschemas.
    static let schemaMapKeywords: Set<String> = [
        "properties", "patternProperties", "$defs", "definitions", "dependentSchemas",
    ]

    /// Records the resources and anchors of a document; `base` is the URI of a document
    /// without `$id`, and what a relative `$id` is resolved against.
    mutating func add(_ document: JSONValue, base: String) {
        if document["$id"]?.stringValue == nil {
            resources[base] = Location(schema: document, base: base, pointer: "")
        }
        scan(document, base: base, pointer: "")
    }

    private mutating func scan(_ schema: JSONValue, base outerBase: String, pointer outerPointer: String) {
        guard case .object(let object) = schema else { return }
        let here = Location(schema: schema, base: outerBase, pointer: outerPointer)
        var base = outerBase
        var pointer = outerPointer
        if case .string(let id)? = object["$id"] {
            base = URIReference(outerBase).resolving(id).withoutFragment
            pointer = ""
            resources[base] = here
        }
        for keyword in ["$anchor", "$dynamicAnchor"] {
            if case .string(let anchor)? = object[keyword] { anchors[base + "#" + anchor] = here }
        }
        for (keyword, value) in object {
            let keywordPointer = pointer + "/" + JSONPointer.escape(keyword)
            if Self.schemaKeywords.contains(keyword) {
                scan(value, base: base, pointer: keywordPointer)
            } else if Self.schemaArrayKeywords.contains(keyword), case .array(let elements) = value {
                for (index, element) in elements.enumerated() {
                    scan(element, base: base, pointer: keywordPointer + "/\(index)")
                }
            } else if Self.schemaMapKeywords.contains(keyword), case .object(let members) = value {
                for member in members {
                    scan(member.value, base: base, pointer: keywordPointer + "/" + JSONPointer.escape(member.key))
                }
            }
        }
    }

    /// The schema an absolute reference names: a resource, a JSON Pointer fragment within one,
    /// or an anchor. Nil when there is none.
    func locate(_ reference: URIReference) -> Location? {
        let resourceURI = reference.withoutFragment
        let fragment = URIReference.percentDecoded(reference.fragment ?? "")
        if fragment.isEmpty { return resources[resourceURI] }
        guard fragment.hasPrefix("/") else { return anchors[resourceURI + "#" + fragment] }
        guard let resource = resources[resourceURI], let tokens = JSONPointer.tokens(fragment) else { return nil }
        // Walk the pointer from the resource's root; an embedded `$id` on the way starts a new base.
        var schema = resource.schema
        var base = resourceURI
        var pointer = ""
        for (offset, token) in tokens.enumerated() {
            guard let child = JSONPointer.child(of: schema, token) else { return nil }
            schema = child
            pointer += "/" + JSONPointer.escape(token)
            let isTarget = offset == tokens.count - 1
            if !isTarget, case .string(let id)? = child["$id"] {
                base = URIReference(base).resolving(id).withoutFragment
                pointer = ""
            }
        }
        return Location(schema: schema, base: base, pointer: pointer)
    }
}
