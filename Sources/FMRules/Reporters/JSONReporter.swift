import FMList
import Foundation

/// The findings as JSON, for bots and editors:
/// `{"files":[{"file":…,"findings":[{"rule":…,"severity":…,"message":…,"line":…,"column":…,"fix":…}]}],"errors":N,"warnings":N}`.
public struct JSONReporter: Reporter {
    public init() {}

    private struct Output: Encodable {
        struct File: Encodable {
            var file: String
            var findings: [Item]
        }
        struct Item: Encodable {
            var rule: String
            var severity: Severity
            var message: String
            var line: Int
            var column: Int
            var fix: Fix?
        }
        var files: [File]
        var errors: Int
        var warnings: Int
    }

    public func render(_ reports: [Report]) -> String {
        let output = Output(
            files: reports.map { report in
                .init(file: report.file, findings: report.findings.map {
                    .init(rule: $0.ruleID, severity: $0.severity, message: $0.message, line: $0.line, column: $0.column, fix: $0.fix)
                })
            },
            errors: reports.reduce(0) { $0 + $1.errorCount },
            warnings: reports.reduce(0) { $0 + $1.warningCount })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(output) else { return "{}\n" }
        return ControlCharacters.escapedJSON(String(decoding: data, as: UTF8.self)) + "\n"
    }
}
