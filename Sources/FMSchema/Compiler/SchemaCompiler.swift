/// Turns a schema document into a `CompiledSchema`: resolves `$id` bases and `$ref`s through a
/// `ResourceIndex`, compiles patterns, checks keyword values, and refuses reference cycles.
struct SchemaCompiler {
    private let index: ResourceIndex
    private let assertFormats: Bool
    private var schema = CompiledSchema()
    /// Node of each compiled location (`base#pointer`), so a subschema reached twice (or
    /// recursively) is compiled once.
    private var compiled: [String: NodeID] = [:]

    static func compile(_ location: ResourceIndex.Location, index: ResourceIndex,
                        assertFormats: Bool) throws(SchemaError) -> CompiledSchema {
        var compiler = SchemaCompiler(index: index, assertFormats: assertFormats)
        compiler.schema.root = try compiler.compile(location.schema, base: location.base, pointer: location.pointer)
        try ReferenceCycleCheck.verify(compiler.schema)
        return compiler.schema
    }

    private init(index: ResourceIndex, assertFormats: Bool) {
        self.index = index
        self.assertFormats = assertFormats
    }

    private mutating func compile(_ value: JSONValue, base: String, pointer: String) throws(SchemaError) -> NodeID {
        var base = base
        var pointer = pointer
        if case .string(let id)? = value["$id"] {
            base = URIReference(base).resolving(id).withoutFragment
            pointer = ""
        }
        let location = base + "#" + pointer
        if let existing = compiled[location] { return existing }
        let id = schema.nodes.count
        schema.nodes.append(SchemaNode(body: .accept, isWarning: false))
        schema.locations.append(location)
        schema.messages.append(nil)
        compiled[location] = id
        switch value {
        case .bool(let flag):
            schema.nodes[id].body = flag ? .accept : .reject
        case .object(let object):
            let context = KeywordContext(object: object, base: base, pointer: pointer, location: location)
            let checks = try compileChecks(context)
            let start = schema.checks.count
            schema.checks += checks.map(\.kind)
            schema.keywords += checks.map(\.keyword)
            schema.nodes[id].body = checks.isEmpty ? .accept : .checks(start ..< schema.checks.count)
            schema.messages[id] = try context.string("x-message")
            switch try context.string("x-severity") {
            case nil, "error": break
            case "warning": schema.nodes[id].isWarning = true
            default: throw context.invalid("x-severity", expected: "\"warning\" or \"error\"")
            }
        default:
            throw SchemaError.invalidKeyword("schema", at: location, expected: "an object or a boolean")
        }
        return id
    }

    private mutating func child(_ value: JSONValue, _ context: KeywordContext, _ path: String...) throws(SchemaError) -> NodeID {
        let suffix = path.map { "/" + JSONPointer.escape($0) }.joined()
        return try compile(value, base: context.base, pointer: context.pointer + suffix)
    }

    /// Appends to a side table and returns the range the new elements take.
    private static func append<Element>(_ elements: [Element], to table: inout [Element]) -> Range<Int> {
        let start = table.count
        table += elements
        return start ..< table.count
    }

    // MARK: Keywords

    /// The checks of a schema object, cheap and type-deciding ones first.
    private mutating func compileChecks(_ context: KeywordContext) throws(SchemaError) -> [(keyword: String, kind: CheckKind)] {
        var checks: [(keyword: String, kind: CheckKind)] = []
        let object = context.object

        if let type = object["type"] {
            checks.append(("type", .type(try typeSet(type, context))))
        }
        if let value = object["const"] {
            checks.append(("const", .constant(value: Self.append([value], to: &schema.values).lowerBound)))
        }
        if let value = object["enum"] {
            guard case .array(let values) = value else { throw context.invalid("enum", expected: "an array") }
            checks.append(("enum", .enumeration(values: Self.append(values, to: &schema.values))))
        }

        // Strings
        if let value = try context.count("minLength") { checks.append(("minLength", .minLength(value))) }
        if let value = try context.count("maxLength") { checks.append(("maxLength", .maxLength(value))) }
        if let source = try context.string("pattern") {
            checks.append(("pattern", .pattern(try pattern(source, context, "pattern"))))
        }
        if let name = try context.string("format"), assertFormats, let format = Format(rawValue: name) {
            checks.append(("format", .format(format)))
        }

        // Numbers
        if let value = try context.number("minimum") { checks.append(("minimum", .minimum(value))) }
        if let value = try context.number("maximum") { checks.append(("maximum", .maximum(value))) }
        if let value = try context.number("exclusiveMinimum") { checks.append(("exclusiveMinimum", .exclusiveMinimum(value))) }
        if let value = try context.number("exclusiveMaximum") { checks.append(("exclusiveMaximum", .exclusiveMaximum(value))) }
        if let value = try context.number("multipleOf") {
            guard JSONNumber(0) < value else { throw context.invalid("multipleOf", expected: "a number greater than 0") }
            checks.append(("multipleOf", .multipleOf(value)))
        }

        // Objects
        if let names = try context.strings("required"), !names.isEmpty {
            checks.append(("required", .required(names: Self.append(names, to: &schema.names))))
        }
        if let rules = try memberRules(context) {
            checks.append(("properties", .members(Self.append([rules], to: &schema.memberRules).lowerBound)))
        }
        if let value = object["propertyNames"] {
            checks.append(("propertyNames", .propertyNames(try child(value, context, "propertyNames"))))
        }
        if let value = object["dependentRequired"] {
            guard case .object(let map) = value else { throw context.invalid("dependentRequired", expected: "an object") }
            var dependencies: [(property: String, required: Range<Int>)] = []
            for member in map {
                guard let names = member.value.arrayValue?.compactMap(\.stringValue),
                      names.count == member.value.arrayValue?.count else {
                    throw context.invalid("dependentRequired", expected: "an object of arrays of strings")
                }
                dependencies.append((member.key, Self.append(names, to: &schema.names)))
            }
            checks.append(("dependentRequired", .dependentRequired(Self.append(dependencies, to: &schema.dependentRequired))))
        }
        if let value = object["dependentSchemas"] {
            guard case .object(let map) = value else { throw context.invalid("dependentSchemas", expected: "an object") }
            var dependencies: [(property: String, schema: NodeID)] = []
            for member in map {
                dependencies.append((member.key, try child(member.value, context, "dependentSchemas", member.key)))
            }
            checks.append(("dependentSchemas", .dependentSchemas(Self.append(dependencies, to: &schema.dependentSchemas))))
        }
        if let value = try context.count("minProperties") { checks.append(("minProperties", .minProperties(value))) }
        if let value = try context.count("maxProperties") { checks.append(("maxProperties", .maxProperties(value))) }

        // Arrays
        let prefix = try schemaList("prefixItems", context) ?? []
        let rest = try object["items"].map { value throws(SchemaError) in try child(value, context, "items") }
        if !prefix.isEmpty || rest != nil {
            let prefixRange = Self.append(prefix, to: &schema.nodeLists)
            checks.append((prefix.isEmpty ? "items" : "prefixItems", .items(prefix: prefixRange, rest: rest)))
        }
        if let value = object["contains"] {
            let node = try child(value, context, "contains")
            let minimum = try context.count("minContains") ?? 1
            let maximum = try context.count("maxContains")
            checks.append(("contains", .contains(node, minimum: minimum, maximum: maximum)))
        }
        if let value = try context.count("minItems") { checks.append(("minItems", .minItems(value))) }
        if let value = try context.count("maxItems") { checks.append(("maxItems", .maxItems(value))) }
        if try context.bool("uniqueItems") == true { checks.append(("uniqueItems", .uniqueItems)) }

        // Applicators that keep the instance
        if let reference = try context.string("$ref") {
            let target = URIReference(context.base).resolving(reference)
            guard let location = index.locate(target) else {
                throw SchemaError.unresolvableReference(reference, at: context.location + "/$ref")
            }
            checks.append(("$ref", .reference(try compile(location.schema, base: location.base, pointer: location.pointer))))
        }
        for keyword in ["allOf", "anyOf", "oneOf"] {
            guard let nodes = try schemaList(keyword, context) else { continue }
            guard !nodes.isEmpty else { throw context.invalid(keyword, expected: "a non-empty array of schemas") }
            let range = Self.append(nodes, to: &schema.nodeLists)
            let kind: CheckKind = switch keyword {
            case "allOf": .allOf(range)
            case "anyOf": .anyOf(range)
            default: .oneOf(range)
            }
            checks.append((keyword, kind))
        }
        if let value = object["not"] { checks.append(("not", .not(try child(value, context, "not")))) }
        if let condition = object["if"] {
            let conditionNode = try child(condition, context, "if")
            let thenNode = try object["then"].map { value throws(SchemaError) in try child(value, context, "then") }
            let elseNode = try object["else"].map { value throws(SchemaError) in try child(value, context, "else") }
            if thenNode != nil || elseNode != nil {
                checks.append(("if", .conditional(condition: conditionNode, then: thenNode, else: elseNode)))
            }
        }
        // Subschemas only reachable by `$ref` (`$defs`) are compiled when referenced.
        return checks
    }

    private mutating func memberRules(_ context: KeywordContext) throws(SchemaError) -> MemberRules? {
        let object = context.object
        guard object["properties"] != nil || object["patternProperties"] != nil
            || object["additionalProperties"] != nil else { return nil }
        var names: [String] = []
        var nodes: [NodeID] = []
        var patterns: [(pattern: Int, schema: NodeID)] = []
        if let value = object["properties"] {
            guard case .object(let properties) = value else { throw context.invalid("properties", expected: "an object") }
            for member in properties {
                names.append(member.key)
                nodes.append(try child(member.value, context, "properties", member.key))
            }
        }
        if let value = object["patternProperties"] {
            guard case .object(let map) = value else { throw context.invalid("patternProperties", expected: "an object") }
            for member in map {
                let compiledPattern = try pattern(member.key, context, "patternProperties")
                patterns.append((compiledPattern, try child(member.value, context, "patternProperties", member.key)))
            }
        }
        let additional = try object["additionalProperties"].map { value throws(SchemaError) in
            try child(value, context, "additionalProperties")
        }
        return MemberRules(names: names, nodes: nodes, patterns: patterns, additional: additional)
    }

    private mutating func schemaList(_ keyword: String, _ context: KeywordContext) throws(SchemaError) -> [NodeID]? {
        guard let value = context.object[keyword] else { return nil }
        guard case .array(let elements) = value else { throw context.invalid(keyword, expected: "an array of schemas") }
        var nodes: [NodeID] = []
        for (offset, element) in elements.enumerated() {
            nodes.append(try child(element, context, keyword, String(offset)))
        }
        return nodes
    }

    private func typeSet(_ value: JSONValue, _ context: KeywordContext) throws(SchemaError) -> JSONTypeSet {
        let names: [JSONValue] = if case .array(let names) = value { names } else { [value] }
        var set: JSONTypeSet = []
        for name in names {
            guard let text = name.stringValue, let type = JSONTypeSet(name: text) else {
                throw context.invalid("type", expected: "a type name (\(JSONTypeSet.names.map(\.name).joined(separator: ", "))) or an array of them")
            }
            set.insert(type)
        }
        return set
    }

    /// Compiles a pattern into the table; its index.
    private mutating func pattern(_ source: String, _ context: KeywordContext, _ keyword: String) throws(SchemaError) -> Int {
        do {
            return Self.append([try Pattern(source)], to: &schema.patterns).lowerBound
        } catch {
            throw SchemaError.invalidPattern(source, at: context.location + "/" + keyword, reason: error.reason)
        }
    }
}

/// Typed reads of one schema object's keywords, with errors that name the keyword.
private struct KeywordContext {
    let object: JSONObject
    let base: String
    let pointer: String
    let location: String

    func invalid(_ keyword: String, expected: String) -> SchemaError {
        .invalidKeyword(keyword, at: location + "/" + JSONPointer.escape(keyword), expected: expected)
    }

    func string(_ keyword: String) throws(SchemaError) -> String? {
        guard let value = object[keyword] else { return nil }
        guard case .string(let text) = value else { throw invalid(keyword, expected: "a string") }
        return text
    }

    func strings(_ keyword: String) throws(SchemaError) -> [String]? {
        guard let value = object[keyword] else { return nil }
        guard case .array(let elements) = value else { throw invalid(keyword, expected: "an array of strings") }
        var strings: [String] = []
        for element in elements {
            guard case .string(let text) = element else { throw invalid(keyword, expected: "an array of strings") }
            strings.append(text)
        }
        return strings
    }

    func number(_ keyword: String) throws(SchemaError) -> JSONNumber? {
        guard let value = object[keyword] else { return nil }
        guard case .number(let number) = value else { throw invalid(keyword, expected: "a number") }
        return number
    }

    /// A non-negative integer (`2.0` counts).
    func count(_ keyword: String) throws(SchemaError) -> Int? {
        guard let value = object[keyword] else { return nil }
        guard let number = value.intValue, number >= 0 else {
            throw invalid(keyword, expected: "a non-negative integer")
        }
        return number
    }

    func bool(_ keyword: String) throws(SchemaError) -> Bool? {
        guard let value = object[keyword] else { return nil }
        guard case .bool(let flag) = value else { throw invalid(keyword, expected: "true or false") }
        return flag
    }
}
