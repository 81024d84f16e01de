/// A JSON object that keeps its members in the order they were written.
///
/// Equality ignores the order (two objects are equal when they have the same keys with equal
/// values), as JSON Schema's `const`, `enum` and `uniqueItems` require. Keys are unique and
/// compared by code points: setting an existing key replaces its value in place.
public struct JSONObject: Sendable, Hashable, Sequence, ExpressibleByDictionaryLiteral {
    public typealias Member = (key: String, value: JSONValue)

    /// The members, in order.
    public private(set) var members: [Member]
    /// Positions by key, kept only for objects large enough that a linear search would cost more.
    private var positions: [ExactString: Int]?

    private static let indexedCount = 16

    public init() {
        members = []
    }

    /// An object with these members; a repeated key keeps its first position and its last value.
    public init(_ members: some Sequence<Member>) {
        self.members = []
        self.members.reserveCapacity(members.underestimatedCount)
        for member in members {
            self[member.key] = member.value
        }
    }

    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init(elements.map { (key: $0.0, value: $0.1) })
    }

    /// Members known to have unique keys (the parser checks them).
    init(uniqueMembers: [Member]) {
        members = uniqueMembers
        if members.count > Self.indexedCount { positions = Self.positions(of: members) }
    }

    public var count: Int { members.count }
    public var isEmpty: Bool { members.isEmpty }
    public var keys: [String] { members.map(\.key) }

    public subscript(key: String) -> JSONValue? {
        get { position(of: key).map { members[$0].value } }
        set {
            if let position = position(of: key) {
                if let newValue {
                    members[position].value = newValue
                } else {
                    members.remove(at: position)
                    positions = members.count > Self.indexedCount ? Self.positions(of: members) : nil
                }
            } else if let newValue {
                members.append((key: key, value: newValue))
                if positions != nil {
                    positions?[ExactString(key)] = members.count - 1
                } else if members.count > Self.indexedCount {
                    positions = Self.positions(of: members)
                }
            }
        }
    }

    public func makeIterator() -> IndexingIterator<[Member]> {
        members.makeIterator()
    }

    func position(of key: String) -> Int? {
        if let positions { return positions[ExactString(key)] }
        return members.firstIndex { $0.key.isIdentical(to: key) }
    }

    private static func positions(of members: [Member]) -> [ExactString: Int] {
        var positions: [ExactString: Int] = [:]
        positions.reserveCapacity(members.count)
        for (offset, member) in members.enumerated() {
            positions[ExactString(member.key)] = offset
        }
        return positions
    }

    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        guard lhs.count == rhs.count else { return false }
        for member in lhs.members {
            guard let other = rhs[member.key], other == member.value else { return false }
        }
        return true
    }

    /// Combines the members' hashes in an order-independent way, consistent with `==`.
    public func hash(into hasher: inout Hasher) {
        var combined = 0
        for member in members {
            var memberHasher = Hasher()
            memberHasher.combine(member.key)
            memberHasher.combine(member.value)
            combined ^= memberHasher.finalize()
        }
        hasher.combine(count)
        hasher.combine(combined)
    }
}
