/// Everything a person needs to know about a rule: it is the rule's documentation
/// (`fmadd rules --explain`, CONTRIBUTING.md) and its test, one and the same.
public struct RuleDescription: Sendable {
    /// Kebab-case id; also the rule's key in `.fmadd.yml` and in disable comments.
    public var id: String
    public var summary: String
    public var rationale: String
    public var severity: Severity
    /// Lists on which the rule finds nothing.
    public var passing: [String]
    /// Lists on which it must find something; `↓` marks where each finding points.
    public var failing: [String]
    /// Fixes, input to output: applying the rule's fixes to the first gives the second.
    public var fixes: [(before: String, after: String)]

    // What the fixer and the contribution editor need to know of a rule, said here and nowhere
    // else: adding a rule touches its file and the registry.

    /// Its fixes change the block structure (a marker split off, a heading merged), after which
    /// other rules may find more: the fixer reads the list again.
    public var restructures: Bool
    /// It compares each entry with the list's majority (label spelling, link spacing): a new
    /// entry, written in the list's style, is not checked against a neighbourhood's majority.
    public var comparesWithMajority: Bool
    /// Its fix rewrites whole table rows to realign the columns.
    public var realignsTables: Bool
    /// What its fix does on a table row, realigning the row does too (white space, tabs).
    public var doneByTableRealignment: Bool
    /// It checks each entry as `fmadd add` checks a draft before placing it (against its
    /// schema, its year beside its venue's): the check of the list after an add leaves it out, the draft's schema warnings
    /// being reported already.
    public var checksEntriesAsDrafts: Bool

    public init(id: String, summary: String, rationale: String, severity: Severity,
                passing: [String], failing: [String], fixes: [(before: String, after: String)] = [],
                restructures: Bool = false, comparesWithMajority: Bool = false,
                realignsTables: Bool = false, doneByTableRealignment: Bool = false, checksEntriesAsDrafts: Bool = false) {
        self.id = id
        self.summary = summary
        self.rationale = rationale
        self.severity = severity
        self.passing = passing
        self.failing = failing
        self.fixes = fixes
        self.restructures = restructures
        self.comparesWithMajority = comparesWithMajority
        self.realignsTables = realignsTables
        self.doneByTableRealignment = doneByTableRealignment
        self.checksEntriesAsDrafts = checksEntriesAsDrafts
    }

    /// The marker that shows, in a failing example, where a finding must point.
    public static let marker: Character = "↓"
}

/// A check over a list. A rule reports findings; it never prints and never writes.
public protocol Rule: Sendable {
    static var description: RuleDescription { get }
    /// Whether the rule reads `RuleContext.duplicates`, which the linter then finds first, on all
    /// cores, rather than inside one rule's turn.
    static var readsDuplicates: Bool { get }
    init()
    func check(_ context: RuleContext) -> [Finding]
}

extension Rule {
    public static var readsDuplicates: Bool { false }
    public var id: String { Self.description.id }

    /// A finding of this rule at its default severity; the configuration may change it later.
    public func finding(_ message: String, line: Int, column: Int = 1, fix: Fix? = nil) -> Finding {
        Finding(ruleID: Self.description.id, severity: Self.description.severity, message: message,
                line: line, column: column, fix: fix)
    }
}
