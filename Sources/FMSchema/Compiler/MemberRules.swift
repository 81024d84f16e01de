/// The member keywords of one schema. A class, so that evaluation shares it rather than copies.
final class MemberRules: Sendable {
    /// `properties`: names and their nodes, in order (a linear search beats hashing for the few
    /// properties a schema usually has; `index` takes over beyond that).
    let names: [String]
    let nodes: [NodeID]
    private let index: [ExactString: NodeID]?
    let patterns: [(pattern: Int, schema: NodeID)]
    let additional: NodeID?

    private static let indexedCount = 12

    init(names: [String], nodes: [NodeID], patterns: [(pattern: Int, schema: NodeID)], additional: NodeID?) {
        self.names = names
        self.nodes = nodes
        self.patterns = patterns
        self.additional = additional
        index = names.count > Self.indexedCount
            ? Dictionary(zip(names.map(ExactString.init), nodes), uniquingKeysWith: { first, _ in first })
            : nil
    }

    /// The `properties` node for a member name.
    func node(for name: String) -> NodeID? {
        if let index { return index[ExactString(name)] }
        for offset in names.indices where names[offset].isIdentical(to: name) { return nodes[offset] }
        return nil
    }
}
