/// What a schema says about a property for the people filling it in: its title, description
/// (a guided prompt shows it as the hint), default and examples.
public struct SchemaAnnotations: Sendable, Hashable {
    public var title: String?
    public var description: String?
    public var defaultValue: JSONValue?
    public var examples: [JSONValue]

    public init(title: String? = nil, description: String? = nil, defaultValue: JSONValue? = nil, examples: [JSONValue] = []) {
        self.title = title
        self.description = description
        self.defaultValue = defaultValue
        self.examples = examples
    }
}

extension SchemaRegistry {
    /// The annotations of the property at `path` (e.g. `["links", "paper"]`; `[]` for the
    /// schema itself) of a registered schema, following `properties`, then
    /// `additionalProperties`, and `$ref`s on the way. What the property's own subschema says
    /// wins over what its `$ref` target says. Nil when the schema is unknown or does not allow
    /// the property.
    public func annotations(schema nameOrURI: String, property path: [String] = []) -> SchemaAnnotations? {
        guard let uri = uri(for: nameOrURI), var location = index.locate(URIReference(uri)) else { return nil }
        for key in path {
            let schemas = referenceChain(from: location)
            let next = schemas.lazy.compactMap { schema in
                schema.properties[key] ?? schema.additional
            }.first
            guard let next, next.schema != false else { return nil }
            location = next
        }
        var annotations = SchemaAnnotations()
        for schema in referenceChain(from: location).reversed() {
            guard case .object(let object) = schema.location.schema else { continue }
            if case .string(let title)? = object["title"] { annotations.title = title }
            if case .string(let description)? = object["description"] { annotations.description = description }
            if let value = object["default"] { annotations.defaultValue = value }
            if case .array(let examples)? = object["examples"] { annotations.examples = examples }
        }
        return annotations
    }

    /// A subschema and those its `$ref`s lead to, in order, with each one's `properties` and
    /// `additionalProperties` located.
    private func referenceChain(from start: ResourceIndex.Location) -> [ChainedSchema] {
        var chain: [ChainedSchema] = []
        var next: ResourceIndex.Location? = start
        while let location = next, chain.count < 32 {
            guard case .object(let object) = location.schema else { break }
            var base = location.base
            var pointer = location.pointer
            if case .string(let id)? = object["$id"] {
                base = URIReference(base).resolving(id).withoutFragment
                pointer = ""
            }
            var properties: [String: ResourceIndex.Location] = [:]
            for member in object["properties"]?.objectValue ?? JSONObject() {
                properties[member.key] = .init(schema: member.value, base: base,
                                               pointer: pointer + "/properties/" + JSONPointer.escape(member.key))
            }
            let additional = object["additionalProperties"].map {
                ResourceIndex.Location(schema: $0, base: base, pointer: pointer + "/additionalProperties")
            }
            chain.append(ChainedSchema(location: location, properties: properties, additional: additional))
            next = object["$ref"]?.stringValue.flatMap { index.locate(URIReference(base).resolving($0)) }
        }
        return chain
    }
}

private struct ChainedSchema {
    let location: ResourceIndex.Location
    let properties: [String: ResourceIndex.Location]
    let additional: ResourceIndex.Location?
}
