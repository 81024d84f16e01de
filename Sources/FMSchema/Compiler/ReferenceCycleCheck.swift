/// Finds subschemas that apply themselves to the same instance again (`$ref`, `allOf`,
/// `anyOf`, `oneOf`, `not`, `if`/`then`/`else`, `dependentSchemas` lead back to them without
/// descending into a property or an item): evaluating one would never end.
enum ReferenceCycleCheck {
    static func verify(_ schema: CompiledSchema) throws(SchemaError) {
        enum State { case unvisited, inProgress, done }
        var states = Array(repeating: State.unvisited, count: schema.nodes.count)
        for start in schema.nodes.indices where states[start] == .unvisited {
            // Iterative depth-first search: (node, next edge to follow).
            var stack: [(node: NodeID, edge: Int)] = [(start, 0)]
            states[start] = .inProgress
            while let (node, edge) = stack.last {
                let targets = sameInstanceTargets(of: node, in: schema)
                if edge < targets.count {
                    stack[stack.count - 1].edge += 1
                    let target = targets[edge]
                    switch states[target] {
                    case .inProgress: throw SchemaError.referenceCycle(at: schema.locations[target])
                    case .unvisited:
                        states[target] = .inProgress
                        stack.append((target, 0))
                    case .done: break
                    }
                } else {
                    states[node] = .done
                    stack.removeLast()
                }
            }
        }
    }

    private static func sameInstanceTargets(of node: NodeID, in schema: CompiledSchema) -> [NodeID] {
        guard case .checks(let checks) = schema.nodes[node].body else { return [] }
        var targets: [NodeID] = []
        for check in schema.checks[checks] {
            switch check {
            case .reference(let target), .not(let target): targets.append(target)
            case .allOf(let range), .anyOf(let range), .oneOf(let range): targets += schema.nodeLists[range]
            case .conditional(let condition, let then, let otherwise):
                targets.append(condition)
                targets += [then, otherwise].compactMap { $0 }
            case .dependentSchemas(let range): targets += schema.dependentSchemas[range].map(\.schema)
            default: break
            }
        }
        return targets
    }
}
