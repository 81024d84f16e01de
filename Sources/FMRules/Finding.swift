import FMList

public enum Severity: String, Sendable, Codable, Comparable, CaseIterable {
    case warning, error

    public static func < (a: Severity, b: Severity) -> Bool { a == .warning && b == .error }
}

/// A fix: the line edits that resolve a finding, and what they do in words.
public struct Fix: Hashable, Sendable, Codable {
    public enum Kind: String, Hashable, Sendable, Codable {
        /// Changes only how the source looks (white space, padding, blank lines): what GitHub
        /// renders must stay the same, and `fmadd fix` checks that it does.
        case formatting
        /// Changes what the list says or shows (a removed placeholder, a respelled label).
        case content
    }

    public var summary: String
    public var edits: [LineEdit]
    public var kind: Kind

    public init(_ summary: String, edits: [LineEdit], kind: Kind = .content) {
        self.summary = summary
        self.edits = edits
        self.kind = kind
    }
}

/// What a rule found: a value, never printed by the rule itself.
public struct Finding: Hashable, Sendable, Codable {
    public var ruleID: String
    public var severity: Severity
    public var message: String
    public var line: Int
    /// 1-based, in Unicode scalars: an emoji or a CJK character counts one.
    public var column: Int
    public var fix: Fix?

    public init(ruleID: String, severity: Severity, message: String, line: Int, column: Int, fix: Fix? = nil) {
        self.ruleID = ruleID
        self.severity = severity
        self.message = message
        self.line = line
        self.column = column
        self.fix = fix
    }

    /// Findings in the order they are reported: by line, column, then rule.
    public static func reportOrder(_ a: Finding, _ b: Finding) -> Bool {
        (a.line, a.column, a.ruleID, a.message) < (b.line, b.column, b.ruleID, b.message)
    }
}
