/// Evaluates instances against a `CompiledSchema`. Each keyword is implemented once, in
/// `check`, for both kinds of run:
/// - an answer (`isValid`) stops at the first failure and builds no message;
/// - a collection (`findings`) gathers every finding with its message and path; the branches of
///   `anyOf`, `oneOf`, `not`, `if` and `contains` are only tested, with answers.
///
/// Warnings: a subschema marked `x-severity: "warning"` reports its failures as warnings when it
/// applies to the instance directly (through `properties`, `items`, `allOf`, `$ref`, `then`, …).
/// Inside the branches that are only tested, it never fails. A strict answer counts a failing
/// warning subschema as a failure, so that "no finding at all" can be answered without
/// collecting.
///
/// A class: the closures of `check` capture it, and a struct holding the compiled schema's dozen
/// arrays would be copied, a dozen reference counts, at each.
final class Evaluator: Sendable {
    let schema: CompiledSchema

    init(schema: CompiledSchema) {
        self.schema = schema
    }

    /// One evaluation, answering or collecting.
    struct Run {
        /// False for an answer, which stops at the first failure.
        let collecting: Bool
        /// An answer's: whether a failing warning subschema counts.
        let strict: Bool
        /// A collection's: where in the instance it is, and what it found.
        var path: InstancePath = []
        var findings: [RawFinding] = []
    }

    func isValid(_ id: NodeID, _ value: JSONValue, strict: Bool) -> Bool {
        var run = Run(collecting: false, strict: strict)
        return evaluate(id, value, &run)
    }

    /// Every finding of `value` against node `id`, in schema order, with paths below `path`.
    func findings(_ id: NodeID, _ value: JSONValue, at path: InstancePath = []) -> [RawFinding] {
        var run = Run(collecting: true, strict: false, path: path)
        _ = evaluate(id, value, &run)
        return run.findings
    }

    private func evaluate(_ id: NodeID, _ value: JSONValue, _ run: inout Run) -> Bool {
        let node = schema.nodes[id]
        if node.isWarning && !run.collecting && !run.strict { return true }
        let start = run.findings.count
        var valid = true
        switch node.body {
        case .accept:
            return true
        case .reject:
            guard run.collecting else { return false }
            let text = schema.messages[id].map { Messages.render($0, value: value) } ?? "is not allowed here"
            run.findings.append(RawFinding(path: run.path, schemaLocation: schema.locations[id],
                                           keyword: Self.lastToken(of: schema.locations[id]), severity: .error, text: text))
            valid = false
        case .checks(let range):
            for index in range where !check(index, of: id, value, &run) {
                valid = false
                if !run.collecting { return false }
            }
            // A node's own message stands for all of its errors.
            if run.collecting, let template = schema.messages[id],
               let firstError = run.findings[start...].first(where: { $0.severity == .error }) {
                let replacement = RawFinding(path: run.path, schemaLocation: firstError.schemaLocation, keyword: firstError.keyword,
                                             severity: .error, text: Messages.render(template, value: value))
                run.findings.removeSubrange(start...)
                run.findings.append(replacement)
            }
        }
        if node.isWarning {
            for offset in start ..< run.findings.count { run.findings[offset].severity = .warning }
        }
        return valid
    }

    /// Check `index` of `node`; false when it fails (and, collecting, with its findings added).
    private func check(_ index: Int, of node: NodeID, _ value: JSONValue, _ run: inout Run) -> Bool {
        let here = (index, node)
        switch schema.checks[index] {
        case .type(let types):
            return types.contains(typeOf: value) || failure(&run, here) { Messages.type(types, got: value) }
        case .enumeration(let range):
            return schema.values[range].contains(value) || failure(&run, here) { Messages.enumeration(schema.values[range], got: value) }
        case .constant(let expected):
            return schema.values[expected] == value || failure(&run, here) { Messages.constant(schema.values[expected], got: value) }
        case .minLength(let minimum):
            guard case .string(let text) = value else { return true }
            // A code point takes 1 to 4 UTF-8 bytes: count code points only when that is not enough.
            let bytes = text.utf8.count
            return (bytes >= minimum && (bytes >= 4 * minimum || text.unicodeScalars.count >= minimum))
                || failure(&run, here) { Messages.minLength(minimum, length: text.unicodeScalars.count) }
        case .maxLength(let maximum):
            guard case .string(let text) = value else { return true }
            return text.utf8.count <= maximum || text.unicodeScalars.count <= maximum
                || failure(&run, here) { Messages.maxLength(maximum, length: text.unicodeScalars.count) }
        case .pattern(let pattern):
            guard case .string(let text) = value else { return true }
            return schema.patterns[pattern].matches(text) || failure(&run, here) { Messages.pattern(schema.patterns[pattern], got: value) }
        case .format(let format):
            guard case .string(let text) = value else { return true }
            return format.isValid(text) || failure(&run, here) { Messages.format(format, got: value) }
        case .minimum(let limit):
            guard case .number(let number) = value else { return true }
            return !(number < limit) || failure(&run, here) { "must be at least \(limit), got \(number)" }
        case .maximum(let limit):
            guard case .number(let number) = value else { return true }
            return !(limit < number) || failure(&run, here) { "must be at most \(limit), got \(number)" }
        case .exclusiveMinimum(let limit):
            guard case .number(let number) = value else { return true }
            return limit < number || failure(&run, here) { "must be greater than \(limit), got \(number)" }
        case .exclusiveMaximum(let limit):
            guard case .number(let number) = value else { return true }
            return number < limit || failure(&run, here) { "must be less than \(limit), got \(number)" }
        case .multipleOf(let divisor):
            guard case .number(let number) = value else { return true }
            return number.isMultiple(of: divisor) || failure(&run, here) { "must be a multiple of \(divisor), got \(number)" }
        case .required(let range):
            guard case .object(let object) = value else { return true }
            return all(schema.names[range], &run) { name, run in object.position(of: name) != nil || failure(&run, here, at: .key(name)) { "is required" } }
        case .members(let rules):
            guard case .object(let object) = value else { return true }
            return all(object.members, &run) { member, run in self.member(schema.memberRules[rules], member, &run) }
        case .propertyNames(let names):
            guard case .object(let object) = value else { return true }
            return all(object.members, &run) { member, run in
                guard run.collecting else { return evaluate(names, .string(member.key), &run) }
                run.path.append(.key(member.key))
                defer { run.path.removeLast() }
                let start = run.findings.count
                let valid = evaluate(names, .string(member.key), &run)
                if schema.messages[names] == nil {
                    for offset in start ..< run.findings.count { run.findings[offset].text = "the name " + run.findings[offset].text }
                }
                return valid
            }
        case .dependentRequired(let range):
            guard case .object(let object) = value else { return true }
            return all(schema.dependentRequired[range].filter { object.position(of: $0.property) != nil }, &run) { dependency, run in
                all(schema.names[dependency.required], &run) { name, run in
                    object.position(of: name) != nil || failure(&run, here, at: .key(name)) { "is required when \"\(dependency.property)\" is present" }
                }
            }
        case .dependentSchemas(let range):
            guard case .object(let object) = value else { return true }
            return all(schema.dependentSchemas[range].filter { object.position(of: $0.property) != nil }, &run) { dependency, run in
                evaluate(dependency.schema, value, &run)
            }
        case .minProperties(let minimum):
            guard case .object(let object) = value else { return true }
            return object.count >= minimum || failure(&run, here) { "must have at least \(Messages.count(minimum, "property")), got \(object.count)" }
        case .maxProperties(let maximum):
            guard case .object(let object) = value else { return true }
            return object.count <= maximum || failure(&run, here) { "must have at most \(Messages.count(maximum, "property")), got \(object.count)" }
        case .items(let prefix, let rest):
            guard case .array(let elements) = value else { return true }
            let checked = elements.enumerated().prefix(while: { offset, _ in offset < prefix.count || rest != nil })
            return all(checked, &run) { item, run in
                let (offset, element) = item
                let child = offset < prefix.count ? schema.nodeLists[prefix.lowerBound + offset] : rest!
                guard run.collecting else { return evaluate(child, element, &run) }
                run.path.append(.index(offset))
                defer { run.path.removeLast() }
                if case .reject = schema.nodes[child].body, schema.messages[child] == nil {
                    return failure(&run, here, keyword: "items") { "is not allowed: at most \(Messages.count(prefix.count, "item")) may be given" }
                }
                return evaluate(child, element, &run)
            }
        case .contains(let child, let minimum, let maximum):
            guard case .array(let elements) = value else { return true }
            if minimum == 0 && maximum == nil { return true }
            let matches = elements.count(where: { isValid(child, $0, strict: false) })
            if matches < minimum {
                return failure(&run, here, keyword: minimum == 1 ? "contains" : "minContains",
                               location: minimum == 1 ? nil : schema.locations[node] + "/minContains") {
                    "must contain at least \(Messages.count(minimum, "matching item")), found \(matches)"
                }
            }
            if let maximum, matches > maximum {
                return failure(&run, here, keyword: "maxContains", location: schema.locations[node] + "/maxContains") {
                    "must contain at most \(Messages.count(maximum, "matching item")), found \(matches)"
                }
            }
            return true
        case .minItems(let minimum):
            guard case .array(let elements) = value else { return true }
            return elements.count >= minimum || failure(&run, here) { "must have at least \(Messages.count(minimum, "item")), got \(elements.count)" }
        case .maxItems(let maximum):
            guard case .array(let elements) = value else { return true }
            return elements.count <= maximum || failure(&run, here) { "must have at most \(Messages.count(maximum, "item")), got \(elements.count)" }
        case .uniqueItems:
            guard case .array(let elements) = value, let (first, second) = Self.firstDuplicate(in: elements) else { return true }
            return failure(&run, here) { "must not contain duplicates: items \(first) and \(second) are equal" }
        case .reference(let target):
            return evaluate(target, value, &run)
        case .allOf(let range):
            return all(schema.nodeLists[range], &run) { child, run in evaluate(child, value, &run) }
        case .anyOf(let range):
            let children = schema.nodeLists[range], path = run.path
            return children.contains(where: { isValid($0, value, strict: false) })
                || failure(&run, here) { "must match at least one of: " + alternatives(children, value, path) }
        case .oneOf(let range):
            let children = schema.nodeLists[range], path = run.path
            var matching: [Int] = []
            for index in children.indices where isValid(children[index], value, strict: false) {
                matching.append(index)
                if matching.count > 1 && !run.collecting { return false }
            }
            if matching.isEmpty { return failure(&run, here) { "must match exactly one of: " + alternatives(children, value, path) } }
            if matching.count > 1 {
                let which = Messages.list(matching.map { "#\($0 - range.lowerBound)" }, conjunction: "and")
                return failure(&run, here) { "must match exactly one alternative, but matches \(matching.count) (\(which))" }
            }
            return true
        case .not(let child):
            return !isValid(child, value, strict: false) || failure(&run, here) { Messages.forbidden(by: child, in: schema) }
        case .conditional(let condition, let then, let otherwise):
            let branch = isValid(condition, value, strict: false) ? then : otherwise
            return branch.map { evaluate($0, value, &run) } ?? true
        }
    }

    /// A failure of check `here` (its index and node): for an answer, no; for a collection, a
    /// finding with the message `text` makes.
    private func failure(_ run: inout Run, _ here: (index: Int, node: NodeID), keyword: String? = nil, at extra: PathComponent? = nil,
                         location: String? = nil, _ text: () -> String) -> Bool {
        guard run.collecting else { return false }
        var path = run.path
        if let extra { path.append(extra) }
        let own = schema.keywords[here.index]
        run.findings.append(RawFinding(path: path, schemaLocation: location ?? schema.locations[here.node] + "/" + own,
                                       keyword: keyword ?? own, severity: .error, text: text()))
        return false
    }

    /// Each of `items` checked by `passes`: an answer stops at the first failure.
    private func all<S: Sequence>(_ items: S, _ run: inout Run, _ passes: (S.Element, inout Run) -> Bool) -> Bool {
        var valid = true
        for item in items where !passes(item, &run) {
            valid = false
            if !run.collecting { return false }
        }
        return valid
    }

    /// A member of an object against the schemas its name selects: its property's, those of the
    /// patterns it matches, or else the additional properties'.
    private func member(_ rules: MemberRules, _ member: JSONObject.Member, _ run: inout Run) -> Bool {
        if run.collecting { run.path.append(.key(member.key)) }
        defer { if run.collecting { run.path.removeLast() } }
        var declared = false
        var valid = true
        if let node = rules.node(for: member.key) {
            declared = true
            valid = evaluate(node, member.value, &run)
            if !valid && !run.collecting { return false }
        }
        for rule in rules.patterns where schema.patterns[rule.pattern].matches(member.key) {
            declared = true
            if !evaluate(rule.schema, member.value, &run) {
                valid = false
                if !run.collecting { return false }
            }
        }
        guard !declared, let additional = rules.additional else { return valid }
        if run.collecting, case .reject = schema.nodes[additional].body, schema.messages[additional] == nil {
            run.findings.append(RawFinding(path: run.path, schemaLocation: schema.locations[additional], keyword: "additionalProperties",
                                           severity: .error, text: Messages.unknownProperty(member.key, declared: rules.names)))
            return false
        }
        return evaluate(additional, member.value, &run)
    }

    /// Offsets of the first two equal elements.
    static func firstDuplicate(in elements: [JSONValue]) -> (Int, Int)? {
        var seen: [JSONValue: Int] = [:]
        for (offset, element) in elements.enumerated() {
            if let earlier = seen.updateValue(offset, forKey: element) { return (earlier, offset) }
        }
        return nil
    }

    /// The first finding of each alternative, for an `anyOf` or `oneOf` that none matches:
    /// `must be a string, got 3; or must be null`.
    private func alternatives(_ children: ArraySlice<NodeID>, _ value: JSONValue, _ path: InstancePath) -> String {
        var texts: [String] = []
        for child in children {
            let branchFindings = findings(child, value, at: path)
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
