/// Evaluates instances against a `CompiledSchema`, in two modes:
/// - `isValid` answers yes or no, stops at the first failure and builds no message;
/// - `collect` gathers every finding with its message; it uses `isValid` to test the branches
///   of `anyOf`, `oneOf`, `not`, `if` and `contains`.
///
/// Warnings: a subschema marked `x-severity: "warning"` reports its failures as warnings when it
/// applies to the instance directly (through `properties`, `items`, `allOf`, `$ref`, `then`, …).
/// Inside the branches that are only tested, it never fails. `isValid(strict: true)` counts a
/// failing warning subschema as a failure, so that "no finding at all" can be answered without
/// collecting.
struct Evaluator {
    let schema: CompiledSchema

    // MARK: Yes or no

    func isValid(_ id: NodeID, _ value: JSONValue, strict: Bool) -> Bool {
        let node = schema.nodes[id]
        if node.isWarning && !strict { return true }
        switch node.body {
        case .accept: return true
        case .reject: return false
        case .checks(let range):
            for index in range where !passes(schema.checks[index], value, strict: strict) { return false }
            return true
        }
    }

    private func passes(_ check: CheckKind, _ value: JSONValue, strict: Bool) -> Bool {
        switch check {
        case .type(let types):
            return types.contains(typeOf: value)
        case .enumeration(let range):
            return schema.values[range].contains(value)
        case .constant(let index):
            return schema.values[index] == value
        case .minLength(let minimum):
            guard case .string(let text) = value else { return true }
            // A code point takes 1 to 4 UTF-8 bytes: count code points only when that is not enough.
            let bytes = text.utf8.count
            return bytes >= minimum && (bytes >= 4 * minimum || text.unicodeScalars.count >= minimum)
        case .maxLength(let maximum):
            guard case .string(let text) = value else { return true }
            return text.utf8.count <= maximum || text.unicodeScalars.count <= maximum
        case .pattern(let index):
            guard case .string(let text) = value else { return true }
            return schema.patterns[index].matches(text)
        case .format(let format):
            guard case .string(let text) = value else { return true }
            return format.isValid(text)
        case .minimum(let limit):
            guard case .number(let number) = value else { return true }
            return !(number < limit)
        case .maximum(let limit):
            guard case .number(let number) = value else { return true }
            return !(limit < number)
        case .exclusiveMinimum(let limit):
            guard case .number(let number) = value else { return true }
            return limit < number
        case .exclusiveMaximum(let limit):
            guard case .number(let number) = value else { return true }
            return number < limit
        case .multipleOf(let divisor):
            guard case .number(let number) = value else { return true }
            return number.isMultiple(of: divisor)
        case .required(let range):
            guard case .object(let object) = value else { return true }
            for index in range where object.position(of: schema.names[index]) == nil { return false }
            return true
        case .members(let index):
            guard case .object(let object) = value else { return true }
            let rules = schema.memberRules[index]
            for member in object.members where !memberPasses(rules, member, strict: strict) { return false }
            return true
        case .propertyNames(let names):
            guard case .object(let object) = value else { return true }
            return object.members.allSatisfy { isValid(names, .string($0.key), strict: strict) }
        case .dependentRequired(let range):
            guard case .object(let object) = value else { return true }
            return schema.dependentRequired[range].allSatisfy { dependency in
                object.position(of: dependency.property) == nil
                    || schema.names[dependency.required].allSatisfy { object.position(of: $0) != nil }
            }
        case .dependentSchemas(let range):
            guard case .object(let object) = value else { return true }
            return schema.dependentSchemas[range].allSatisfy { dependency in
                object.position(of: dependency.property) == nil || isValid(dependency.schema, value, strict: strict)
            }
        case .minProperties(let minimum):
            guard case .object(let object) = value else { return true }
            return object.count >= minimum
        case .maxProperties(let maximum):
            guard case .object(let object) = value else { return true }
            return object.count <= maximum
        case .items(let prefix, let rest):
            guard case .array(let elements) = value else { return true }
            for (offset, element) in elements.enumerated() {
                let node = offset < prefix.count ? schema.nodeLists[prefix.lowerBound + offset] : rest
                guard let node else { break }
                if !isValid(node, element, strict: strict) { return false }
            }
            return true
        case .contains(let node, let minimum, let maximum):
            guard case .array(let elements) = value else { return true }
            if minimum == 0 && maximum == nil { return true }
            var matches = 0
            for element in elements where isValid(node, element, strict: false) {
                matches += 1
                if matches >= minimum && maximum == nil { return true }
                if let maximum, matches > maximum { return false }
            }
            return matches >= minimum
        case .minItems(let minimum):
            guard case .array(let elements) = value else { return true }
            return elements.count >= minimum
        case .maxItems(let maximum):
            guard case .array(let elements) = value else { return true }
            return elements.count <= maximum
        case .uniqueItems:
            guard case .array(let elements) = value else { return true }
            return Self.firstDuplicate(in: elements) == nil
        case .reference(let target):
            return isValid(target, value, strict: strict)
        case .allOf(let range):
            for index in range where !isValid(schema.nodeLists[index], value, strict: strict) { return false }
            return true
        case .anyOf(let range):
            for index in range where isValid(schema.nodeLists[index], value, strict: false) { return true }
            return false
        case .oneOf(let range):
            var matches = 0
            for index in range where isValid(schema.nodeLists[index], value, strict: false) {
                matches += 1
                if matches > 1 { return false }
            }
            return matches == 1
        case .not(let node):
            return !isValid(node, value, strict: false)
        case .conditional(let condition, let then, let otherwise):
            let branch = isValid(condition, value, strict: false) ? then : otherwise
            return branch.map { isValid($0, value, strict: strict) } ?? true
        }
    }

    private func memberPasses(_ rules: MemberRules, _ member: JSONObject.Member, strict: Bool) -> Bool {
        var declared = false
        if let node = rules.node(for: member.key) {
            declared = true
            if !isValid(node, member.value, strict: strict) { return false }
        }
        for rule in rules.patterns where schema.patterns[rule.pattern].matches(member.key) {
            declared = true
            if !isValid(rule.schema, member.value, strict: strict) { return false }
        }
        if !declared, let additional = rules.additional {
            return isValid(additional, member.value, strict: strict)
        }
        return true
    }

    /// Offsets of the first two equal elements.
    static func firstDuplicate(in elements: [JSONValue]) -> (Int, Int)? {
        var seen: [JSONValue: Int] = [:]
        for (offset, element) in elements.enumerated() {
            if let earlier = seen.updateValue(offset, forKey: element) { return (earlier, offset) }
        }
        return nil
    }

    // MARK: Findings

    func collect(_ id: NodeID, _ value: JSONValue, _ path: inout InstancePath, _ findings: inout [RawFinding]) {
        let node = schema.nodes[id]
        let start = findings.count
        switch node.body {
        case .accept:
            return
        case .reject:
            let text = schema.messages[id].map { Messages.render($0, value: value) } ?? "is not allowed here"
            findings.append(RawFinding(path: path, schemaLocation: schema.locations[id],
                                       keyword: Self.lastToken(of: schema.locations[id]), severity: .error, text: text))
        case .checks(let range):
            for index in range {
                collect(check: index, of: id, value, &path, &findings)
            }
            if let template = schema.messages[id],
               let firstError = findings[start...].first(where: { $0.severity == .error }) {
                let replacement = RawFinding(path: path, schemaLocation: firstError.schemaLocation, keyword: firstError.keyword,
                                             severity: .error, text: Messages.render(template, value: value))
                findings.removeSubrange(start...)
                findings.append(replacement)
            }
        }
        if node.isWarning {
            for offset in start ..< findings.count { findings[offset].severity = .warning }
        }
    }

    private func collect(check index: Int, of node: NodeID, _ value: JSONValue, _ path: inout InstancePath,
                         _ findings: inout [RawFinding]) {
        let keyword = schema.keywords[index]
        let location = schema.locations[node] + "/" + keyword
        func report(_ text: String, keyword: String = keyword, at extra: PathComponent? = nil, location: String = location) {
            var findingPath = path
            if let extra { findingPath.append(extra) }
            findings.append(RawFinding(path: findingPath, schemaLocation: location, keyword: keyword, severity: .error, text: text))
        }

        switch schema.checks[index] {
        case .type(let types):
            if !types.contains(typeOf: value) { report(Messages.type(types, got: value)) }
        case .enumeration(let range):
            if !schema.values[range].contains(value) { report(Messages.enumeration(schema.values[range], got: value)) }
        case .constant(let expected):
            if schema.values[expected] != value { report(Messages.constant(schema.values[expected], got: value)) }
        case .minLength(let minimum):
            if case .string(let text) = value, text.unicodeScalars.count < minimum {
                report(Messages.minLength(minimum, length: text.unicodeScalars.count))
            }
        case .maxLength(let maximum):
            if case .string(let text) = value, text.unicodeScalars.count > maximum {
                report(Messages.maxLength(maximum, length: text.unicodeScalars.count))
            }
        case .pattern(let pattern):
            if case .string(let text) = value, !schema.patterns[pattern].matches(text) {
                report(Messages.pattern(schema.patterns[pattern], got: value))
            }
        case .format(let format):
            if case .string(let text) = value, !format.isValid(text) { report(Messages.format(format, got: value)) }
        case .minimum(let limit):
            if case .number(let number) = value, number < limit { report("must be at least \(limit), got \(number)") }
        case .maximum(let limit):
            if case .number(let number) = value, limit < number { report("must be at most \(limit), got \(number)") }
        case .exclusiveMinimum(let limit):
            if case .number(let number) = value, !(limit < number) { report("must be greater than \(limit), got \(number)") }
        case .exclusiveMaximum(let limit):
            if case .number(let number) = value, !(number < limit) { report("must be less than \(limit), got \(number)") }
        case .multipleOf(let divisor):
            if case .number(let number) = value, !number.isMultiple(of: divisor) {
                report("must be a multiple of \(divisor), got \(number)")
            }
        case .required(let range):
            guard case .object(let object) = value else { return }
            for name in schema.names[range] where object.position(of: name) == nil { report("is required", at: .key(name)) }
        case .members(let rules):
            guard case .object(let object) = value else { return }
            for member in object.members { collectMember(schema.memberRules[rules], member, &path, &findings) }
        case .propertyNames(let names):
            guard case .object(let object) = value else { return }
            for member in object.members {
                path.append(.key(member.key))
                let start = findings.count
                collect(names, .string(member.key), &path, &findings)
                if schema.messages[names] == nil {
                    for offset in start ..< findings.count { findings[offset].text = "the name " + findings[offset].text }
                }
                path.removeLast()
            }
        case .dependentRequired(let range):
            guard case .object(let object) = value else { return }
            for dependency in schema.dependentRequired[range] where object.position(of: dependency.property) != nil {
                for name in schema.names[dependency.required] where object.position(of: name) == nil {
                    report("is required when \"\(dependency.property)\" is present", at: .key(name))
                }
            }
        case .dependentSchemas(let range):
            guard case .object(let object) = value else { return }
            for dependency in schema.dependentSchemas[range] where object.position(of: dependency.property) != nil {
                collect(dependency.schema, value, &path, &findings)
            }
        case .minProperties(let minimum):
            if case .object(let object) = value, object.count < minimum {
                report("must have at least \(Messages.count(minimum, "property")), got \(object.count)")
            }
        case .maxProperties(let maximum):
            if case .object(let object) = value, object.count > maximum {
                report("must have at most \(Messages.count(maximum, "property")), got \(object.count)")
            }
        case .items(let prefix, let rest):
            guard case .array(let elements) = value else { return }
            for (offset, element) in elements.enumerated() {
                let child = offset < prefix.count ? schema.nodeLists[prefix.lowerBound + offset] : rest
                guard let child else { break }
                path.append(.index(offset))
                if case .reject = schema.nodes[child].body, schema.messages[child] == nil {
                    report("is not allowed: at most \(Messages.count(prefix.count, "item")) may be given", keyword: "items")
                } else {
                    collect(child, element, &path, &findings)
                }
                path.removeLast()
            }
        case .contains(let child, let minimum, let maximum):
            guard case .array(let elements) = value else { return }
            if minimum == 0 && maximum == nil { return }
            let matches = elements.count(where: { isValid(child, $0, strict: false) })
            if matches < minimum {
                report("must contain at least \(Messages.count(minimum, "matching item")), found \(matches)",
                       keyword: minimum == 1 ? "contains" : "minContains",
                       location: minimum == 1 ? location : schema.locations[node] + "/minContains")
            } else if let maximum, matches > maximum {
                report("must contain at most \(Messages.count(maximum, "matching item")), found \(matches)",
                       keyword: "maxContains", location: schema.locations[node] + "/maxContains")
            }
        case .minItems(let minimum):
            if case .array(let elements) = value, elements.count < minimum {
                report("must have at least \(Messages.count(minimum, "item")), got \(elements.count)")
            }
        case .maxItems(let maximum):
            if case .array(let elements) = value, elements.count > maximum {
                report("must have at most \(Messages.count(maximum, "item")), got \(elements.count)")
            }
        case .uniqueItems:
            if case .array(let elements) = value, let (first, second) = Self.firstDuplicate(in: elements) {
                report("must not contain duplicates: items \(first) and \(second) are equal")
            }
        case .reference(let target):
            collect(target, value, &path, &findings)
        case .allOf(let range):
            for child in schema.nodeLists[range] { collect(child, value, &path, &findings) }
        case .anyOf(let range):
            let children = schema.nodeLists[range]
            if !children.contains(where: { isValid($0, value, strict: false) }) {
                report("must match at least one of: " + alternatives(children, value, path))
            }
        case .oneOf(let range):
            let children = schema.nodeLists[range]
            let matching = children.indices.filter { isValid(children[$0], value, strict: false) }
            if matching.isEmpty {
                report("must match exactly one of: " + alternatives(children, value, path))
            } else if matching.count > 1 {
                let which = Messages.list(matching.map { "#\($0 - range.lowerBound)" }, conjunction: "and")
                report("must match exactly one alternative, but matches \(matching.count) (\(which))")
            }
        case .not(let child):
            if isValid(child, value, strict: false) { report(Messages.forbidden(by: child, in: schema)) }
        case .conditional(let condition, let then, let otherwise):
            if isValid(condition, value, strict: false) {
                if let then { collect(then, value, &path, &findings) }
            } else if let otherwise {
                collect(otherwise, value, &path, &findings)
            }
        }
    }

    private func collectMember(_ rules: MemberRules, _ member: JSONObject.Member, _ path: inout InstancePath,
                               _ findings: inout [RawFinding]) {
        path.append(.key(member.key))
        defer { path.removeLast() }
        var declared = false
        if let node = rules.node(for: member.key) {
            declared = true
            collect(node, member.value, &path, &findings)
        }
        for rule in rules.patterns where schema.patterns[rule.pattern].matches(member.key) {
            declared = true
            collect(rule.schema, member.value, &path, &findings)
        }
        guard !declared, let additional = rules.additional else { return }
        if case .reject = schema.nodes[additional].body, schema.messages[additional] == nil {
            findings.append(RawFinding(path: path, schemaLocation: schema.locations[additional], keyword: "additionalProperties",
                                       severity: .error, text: Messages.unknownProperty(member.key, declared: rules.names)))
        } else {
            collect(additional, member.value, &path, &findings)
        }
    }

    /// The first finding of each alternative, for an `anyOf` or `oneOf` that none matches:
    /// `must be a string, got 3; or must be null`.
    private func alternatives(_ children: ArraySlice<NodeID>, _ value: JSONValue, _ path: InstancePath) -> String {
        var texts: [String] = []
        for child in children {
            var branchPath = path
            var branchFindings: [RawFinding] = []
            collect(child, value, &branchPath, &branchFindings)
            guard let first = branchFindings.first(where: { $0.severity == .error }) ?? branchFindings.first else { continue }
            let relative = InstancePath(first.path.dropFirst(path.count)).readable
            texts.append(relative.isEmpty ? first.text : relative + ": " + first.text)
        }
        return texts.isEmpty ? "the allowed forms" : texts.joined(separator: "; or ")
    }

    private static func lastToken(of location: String) -> String {
        guard let slash = location.lastIndex(of: "/") else { return "" }
        return String(location[location.index(after: slash)...])
    }
}
