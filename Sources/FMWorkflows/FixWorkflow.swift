import FMEditor
import FMList
import FMRules

/// Applies the fixes the rules offer to one list, and writes or commits it.
public struct FixWorkflow {
    public enum Mode: Sendable {
        /// Write the fixed list.
        case write
        /// Write the fixed list and commit it (only it).
        case commit
        /// Write nothing; say whether a fix would change the list.
        case check
        /// Write nothing; give the diff of the fixes.
        case diff
    }

    public var list: ListFile
    public var mode: Mode
    /// Apply only these rules' fixes (all rules' when nil).
    public var select: Set<String>?
    /// Skip these rules' fixes.
    public var ignore: Set<String>

    public init(list: ListFile, mode: Mode, select: Set<String>? = nil, ignore: Set<String> = []) {
        self.list = list
        self.mode = mode
        self.select = select
        self.ignore = ignore
    }

    /// What became of the fixed list.
    public enum Written: Sendable {
        /// Nothing was written: nothing changed, or the mode writes nothing.
        case nothing
        case written
        case published(Publisher.Outcome)
    }

    public struct Outcome: Sendable {
        public var result: Fixer.Result
        /// The diff of the fixes, in `diff` mode.
        public var diff: String?
        public var written: Written
        /// What is left for a person: findings without a fix, or of rules that were not selected.
        public var left: [Finding]
    }

    /// Fixes the list. `phase` is told when each phase (parse, fix, write) ends.
    public func run(phase: (String) -> Void = { _ in }) throws(WorkflowFailure) -> Outcome {
        let path = list.path
        let writes = mode == .write || mode == .commit
        // A fix that writes holds the list from reading it to the end of the write or commit.
        let lock = writes ? try tryList { () throws(ListError) in try ListLock(list: path) } : nil
        defer { lock?.release() }
        let document = try tryList { () throws(ListError) in try Document(contentsOf: path) }
        phase("parse")
        let linter = Linter(select: select, ignore: ignore)
        let result: Fixer.Result
        do { result = try Fixer(linter: linter, configuration: list.configuration).fix(document, path: path) } catch {
            throw .fix(error)
        }
        phase("fix")
        let selected = Set(linter.rules.map(\.id))
        var outcome = Outcome(result: result, diff: nil, written: .nothing,
                              left: result.remaining.filter { $0.fix == nil || !selected.contains($0.ruleID) })
        if mode == .diff { outcome.diff = UnifiedDiff.make(old: document.bytes, new: result.bytes, path: list.name) }
        guard writes && result.changed else { return outcome }
        if mode == .commit {
            let rules = Set(result.applied.map(\.ruleID)).sorted()
            let count = result.applied.count
            let message = "Apply fmadd fix: \(count) fix\(count == 1 ? "" : "es") (\(rules.joined(separator: ", ")))"
            outcome.written = .published(Publisher(options: .commitOnly).publish(path: path, old: document.bytes, new: result.bytes,
                                                                                 message: message, branchTitle: "fix", additions: []))
        } else {
            try tryList { () throws(ListError) in try AtomicFile.write(result.bytes, to: path) }
            phase("write")
            outcome.written = .written
        }
        return outcome
    }
}
