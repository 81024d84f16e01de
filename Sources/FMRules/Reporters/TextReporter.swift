import FMList

/// `FILE:LINE:COL: error: message [rule-id]`, one finding a line, then a summary line: the form
/// compilers use, which editors and CI logs link to the line.
public struct TextReporter: Reporter {
    public var color: Bool

    public init(color: Bool = false) {
        self.color = color
    }

    public func render(_ reports: [Report]) -> String {
        var errors = 0, warnings = 0, fixable = 0
        for report in reports {
            fixable += report.findings.count { $0.fix != nil }
            errors += report.errorCount
            warnings += report.warningCount
        }
        return findingLines(reports) + Self.summary(errors: errors, warnings: warnings, fixable: fixable, files: reports.map(\.file))
    }

    /// One line a finding, `FILE:LINE:COLUMN: SEVERITY: MESSAGE [RULE]`, without the summary.
    public func findingLines(_ reports: [Report]) -> String {
        var out = ""
        for report in reports {
            // A file name or a message (which may quote a title) is shown, never acted on by the terminal.
            let file = ControlCharacters.escaped(report.file, keeping: ["\t"])
            for finding in report.findings {
                let severity = finding.severity.rawValue
                let painted = color ? (finding.severity == .error ? "\u{1B}[1;31m\(severity)\u{1B}[0m" : "\u{1B}[1;33m\(severity)\u{1B}[0m") : severity
                let message = ControlCharacters.escaped(finding.message, keeping: ["\t"])
                out += "\(file):\(finding.line):\(finding.column): \(painted): \(message) [\(ControlCharacters.escaped(finding.ruleID))]\n"
            }
        }
        return out
    }

    static func summary(errors: Int, warnings: Int, fixable: Int, files: [String]) -> String {
        let place = files.count == 1 ? ControlCharacters.escaped(files[0], keeping: ["\t"]) : "\(files.count) files"
        if errors == 0 && warnings == 0 { return "\(place): no problems\n" }
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        var line = "\(place): \(plural(errors, "error")), \(plural(warnings, "warning"))"
        if fixable > 0 { line += "; \(fixable) fixable with `fmadd fix`" }
        return line + "\n"
    }
}
