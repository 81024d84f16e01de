/// The findings for one file, as reporters receive them.
public struct Report: Sendable {
    public var file: String
    public var findings: [Finding]

    public init(file: String, findings: [Finding]) {
        self.file = file
        self.findings = findings
    }

    public var errorCount: Int { findings.count { $0.severity == .error } }
    public var warningCount: Int { findings.count { $0.severity == .warning } }
}

/// Turns reports into text for a terminal, a CI log or another program.
public protocol Reporter: Sendable {
    func render(_ reports: [Report]) -> String
}
