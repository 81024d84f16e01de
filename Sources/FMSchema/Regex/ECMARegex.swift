/// A regular expression of the `RegexParser` subset, compiled to a program for a Pike VM (a
/// Thompson NFA simulation): one pass over the text, time proportional to text length × program
/// size, never the exponential backtracking a hostile pattern can cause. A class: matching it
/// through `Pattern` takes one reference, not one for each of its arrays.
final class ECMARegex: Sendable {
    private enum Instruction: Sendable {
        case scalar(UInt32)
        case set(Int)
        case split(Int, Int)
        case jump(Int)
        case assertStart
        case assertEnd
        case wordBoundary(negated: Bool)
        case match
    }

    /// Patterns simple enough to need no program.
    private enum Shortcut: Sendable {
        /// A plain string, optionally anchored: a byte search.
        case literal(bytes: [UInt8], atStart: Bool, atEnd: Bool)
        /// One character class, not anchored: does any code point of the text belong to it?
        case anyScalar(ScalarSet)
        /// `^[…]*$` or `^[…]+$`: do all code points of the text belong to the class?
        case allScalars(ScalarSet, nonEmpty: Bool)
    }

    private let program: [Instruction]
    private let sets: [ScalarSet]
    private let anchoredAtStart: Bool
    /// Run on the reversed text: set for a pattern anchored at the end but not at the start,
    /// whose reversal is anchored at the start, so matching stops after a few code points.
    private let runsBackwards: Bool
    private let shortcut: Shortcut?
    /// The code points a match can begin with, for a pattern that cannot match the empty text:
    /// text with none of them is refused without running the program (`<[A-Za-z!?/]` on a
    /// title without `<`).
    private let firstScalars: ScalarSet?

    private static let maximumProgramSize = 20_000

    /// Nil when the pattern is outside the subset (or would make too large a program).
    init?(_ pattern: String) {
        guard let parsed = RegexParser.parse(pattern) else { return nil }
        runsBackwards = !Self.startsWithAnchor(parsed) && Self.startsWithAnchor(Self.reversed(parsed))
        let tree = runsBackwards ? Self.reversed(parsed) : parsed
        var builder = ProgramBuilder()
        guard builder.emit(tree) else { return nil }
        builder.program.append(.match)
        program = builder.program
        sets = builder.sets
        anchoredAtStart = Self.startsWithAnchor(tree)
        shortcut = Self.shortcut(for: parsed)
        let first = Self.firstScalars(of: parsed)
        firstScalars = first.nullable ? nil : first.set
    }

    func matches(_ text: String) -> Bool {
        switch shortcut {
        case .literal(let bytes, let atStart, let atEnd):
            return Self.matches(literal: bytes, atStart: atStart, atEnd: atEnd, in: text)
        case .anyScalar(let set):
            return Self.firstScalar(of: text) { set.contains($0) } != nil
        case .allScalars(let set, let nonEmpty):
            return (!nonEmpty || !text.isEmpty) && Self.firstScalar(of: text) { !set.contains($0) } == nil
        case nil:
            if let firstScalars, Self.firstScalar(of: text, where: { firstScalars.contains($0) }) == nil { return false }
            return runsBackwards ? run(on: text.unicodeScalars.reversed()) : run(on: text.unicodeScalars)
        }
    }

    // MARK: Compilation

    private struct ProgramBuilder {
        var program: [Instruction] = []
        var sets: [ScalarSet] = []

        /// False when the program grows past the limit.
        mutating func emit(_ node: RegexNode) -> Bool {
            guard program.count < ECMARegex.maximumProgramSize else { return false }
            switch node {
            case .empty:
                return true
            case .set(let set):
                if let single = set.single {
                    program.append(.scalar(single))
                } else {
                    sets.append(set)
                    program.append(.set(sets.count - 1))
                }
                return true
            case .start:
                program.append(.assertStart)
                return true
            case .end:
                program.append(.assertEnd)
                return true
            case .wordBoundary(let negated):
                program.append(.wordBoundary(negated: negated))
                return true
            case .sequence(let nodes):
                return nodes.allSatisfy { emit($0) }
            case .alternation(let alternatives):
                var jumpsToEnd: [Int] = []
                for (offset, alternative) in alternatives.enumerated() {
                    let isLast = offset == alternatives.count - 1
                    let split = program.count
                    if !isLast { program.append(.split(split + 1, -1)) }
                    guard emit(alternative) else { return false }
                    if !isLast {
                        jumpsToEnd.append(program.count)
                        program.append(.jump(-1))
                        program[split] = .split(split + 1, program.count)
                    }
                }
                for jump in jumpsToEnd { program[jump] = .jump(program.count) }
                return true
            case .repetition(let body, let minimum, let maximum):
                for _ in 0 ..< minimum {
                    guard emit(body) else { return false }
                }
                guard let maximum else {
                    let loop = program.count
                    program.append(.split(loop + 1, -1))
                    guard emit(body) else { return false }
                    program.append(.jump(loop))
                    program[loop] = .split(loop + 1, program.count)
                    return true
                }
                var exits: [Int] = []
                for _ in minimum ..< maximum {
                    exits.append(program.count)
                    program.append(.split(program.count + 1, -1))
                    guard emit(body) else { return false }
                }
                for exit in exits {
                    if case .split(let next, _) = program[exit] { program[exit] = .split(next, program.count) }
                }
                return true
            }
        }
    }

    /// Whether every match must begin at the start of the text.
    private static func startsWithAnchor(_ node: RegexNode) -> Bool {
        switch node {
        case .start: true
        case .sequence(let nodes): nodes.first.map(startsWithAnchor) ?? false
        case .alternation(let alternatives): alternatives.allSatisfy(startsWithAnchor)
        default: false
        }
    }

    /// The code points that can be the first one a match of `node` consumes, and whether it can
    /// match consuming none. Assertions consume nothing.
    private static func firstScalars(of node: RegexNode) -> (set: ScalarSet, nullable: Bool) {
        switch node {
        case .empty, .start, .end, .wordBoundary:
            return (ScalarSet([]), true)
        case .set(let set):
            return (set, false)
        case .sequence(let nodes):
            var set = ScalarSet([])
            for node in nodes {
                let first = firstScalars(of: node)
                set = set.union(first.set)
                if !first.nullable { return (set, false) }
            }
            return (set, true)
        case .alternation(let alternatives):
            let firsts = alternatives.map(firstScalars(of:))
            return (firsts.reduce(ScalarSet([])) { $0.union($1.set) }, firsts.contains { $0.nullable })
        case .repetition(let body, let minimum, let maximum):
            if maximum == 0 { return (ScalarSet([]), true) }
            let first = firstScalars(of: body)
            return (first.set, minimum == 0 || first.nullable)
        }
    }

    /// The same pattern read from right to left (`^` and `$` trade places).
    private static func reversed(_ node: RegexNode) -> RegexNode {
        switch node {
        case .empty, .set, .wordBoundary: node
        case .start: .end
        case .end: .start
        case .sequence(let nodes): .sequence(nodes.reversed().map(reversed))
        case .alternation(let alternatives): .alternation(alternatives.map(reversed))
        case .repetition(let body, let minimum, let maximum): .repetition(reversed(body), min: minimum, max: maximum)
        }
    }

    private static func shortcut(for node: RegexNode) -> Shortcut? {
        if case .set(let set) = node, set.single == nil { return .anyScalar(set) }
        if case .sequence(let nodes) = node, nodes.count == 3, nodes[0] == .start, nodes[2] == .end,
           case .repetition(.set(let set), let minimum, nil) = nodes[1], minimum <= 1 {
            return .allScalars(set, nonEmpty: minimum == 1)
        }
        var nodes: [RegexNode]
        if case .sequence(let sequence) = node { nodes = sequence } else { nodes = [node] }
        let atStart = nodes.first == .start
        if atStart { nodes.removeFirst() }
        let atEnd = nodes.last == .end
        if atEnd { nodes.removeLast() }
        var scalars = String.UnicodeScalarView()
        for node in nodes {
            guard case .set(let set) = node, let single = set.single, let scalar = Unicode.Scalar(single) else {
                return nil
            }
            scalars.append(scalar)
        }
        return .literal(bytes: Array(String(scalars).utf8), atStart: atStart, atEnd: atEnd)
    }

    // MARK: Matching

    private static func matches(literal needle: [UInt8], atStart: Bool, atEnd: Bool, in text: String) -> Bool {
        text.withUTF8Bytes { bytes in
            guard needle.count <= bytes.count else { return false }
            switch (atStart, atEnd) {
            case (true, true): return bytes.elementsEqual(needle)
            case (true, false): return bytes.starts(with: needle)
            case (false, true): return bytes.suffix(needle.count).elementsEqual(needle)
            case (false, false):
                guard let first = needle.first else { return true }
                var start = 0
                let last = bytes.count - needle.count
                while start <= last {
                    if bytes[start] == first && bytes[start ..< start + needle.count].elementsEqual(needle) {
                        return true
                    }
                    start += 1
                }
                return false
            }
        }
    }

    /// The first code point of `text` that satisfies `condition`, decoding UTF-8 only
    /// beyond ASCII.
    private static func firstScalar(of text: String, where condition: (UInt32) -> Bool) -> UInt32? {
        text.withUTF8Bytes { bytes in
            var index = 0
            while index < bytes.count {
                let lead = bytes[index]
                if lead < 0x80 {
                    if condition(UInt32(lead)) { return UInt32(lead) }
                    index += 1
                    continue
                }
                var value = UInt32(lead)
                var length = 1
                if lead >= 0xF0 {
                    value = UInt32(lead & 0x07)
                    length = 4
                } else if lead >= 0xE0 {
                    value = UInt32(lead & 0x0F)
                    length = 3
                } else if lead >= 0xC0 {
                    value = UInt32(lead & 0x1F)
                    length = 2
                }
                for offset in 1 ..< length where index + offset < bytes.count {
                    value = value << 6 | UInt32(bytes[index + offset] & 0x3F)
                }
                if condition(value) { return value }
                index += length
            }
            return nil
        }
    }

    /// Runs all threads in lock step over the code points. Each list holds the program counters
    /// waiting at a consuming instruction; `marks` stamps what a step already added with the
    /// step's number.
    private func run(on scalars: some Sequence<Unicode.Scalar>) -> Bool {
        let size = program.count
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: size * 4) { buffer in
            guard let base = buffer.baseAddress else { return false }
            // The lists and the stack are written before they are read; only the marks need a start value.
            var current = base
            var next = base + size
            let marks = base + 2 * size
            marks.initialize(repeating: 0, count: size)
            let stack = base + 3 * size
            var currentCount = 0
            var nextCount = 0
            var generation = 1
            var iterator = scalars.makeIterator()
            var scalar = iterator.next()
            if addClosure(from: 0, to: current, &currentCount, marks, generation, stack, previous: nil, following: scalar) {
                return true
            }
            while let consumed = scalar {
                let following = iterator.next()
                generation += 1
                nextCount = 0
                for position in 0 ..< currentCount {
                    let counter = current[position]
                    let accepts = switch program[counter] {
                    case .scalar(let value): value == consumed.value
                    case .set(let index): sets[index].contains(consumed.value)
                    default: false
                    }
                    if accepts && addClosure(from: counter + 1, to: next, &nextCount, marks, generation, stack,
                                             previous: consumed, following: following) {
                        return true
                    }
                }
                if !anchoredAtStart && addClosure(from: 0, to: next, &nextCount, marks, generation, stack,
                                                  previous: consumed, following: following) {
                    return true
                }
                swap(&current, &next)
                currentCount = nextCount
                if currentCount == 0 && anchoredAtStart { return false }
                scalar = following
            }
            return false
        }
    }

    /// Adds `start` and what it reaches without consuming to `list`; true when that reaches `match`.
    private func addClosure(from start: Int, to list: UnsafeMutablePointer<Int>, _ count: inout Int,
                            _ marks: UnsafeMutablePointer<Int>, _ generation: Int, _ stack: UnsafeMutablePointer<Int>,
                            previous: Unicode.Scalar?, following: Unicode.Scalar?) -> Bool {
        guard marks[start] != generation else { return false }
        marks[start] = generation
        stack[0] = start
        var depth = 1
        while depth > 0 {
            depth -= 1
            let counter = stack[depth]
            var targets = (first: -1, second: -1)
            switch program[counter] {
            case .scalar, .set:
                list[count] = counter
                count += 1
            case .match:
                return true
            case .jump(let target):
                targets.first = target
            case .split(let first, let second):
                targets = (second, first)
            case .assertStart:
                if previous == nil { targets.first = counter + 1 }
            case .assertEnd:
                if following == nil { targets.first = counter + 1 }
            case .wordBoundary(let negated):
                if (Self.isWordCharacter(previous) != Self.isWordCharacter(following)) != negated {
                    targets.first = counter + 1
                }
            }
            if targets.first >= 0 && marks[targets.first] != generation {
                marks[targets.first] = generation
                stack[depth] = targets.first
                depth += 1
            }
            if targets.second >= 0 && marks[targets.second] != generation {
                marks[targets.second] = generation
                stack[depth] = targets.second
                depth += 1
            }
        }
        return false
    }

    private static func isWordCharacter(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return false }
        return ScalarSet.wordCharacters.contains(scalar.value)
    }
}
