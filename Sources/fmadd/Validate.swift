import ArgumentParser
import Foundation
import FMRules
import FMSchema
import FMWorkflows

extension Fmadd {
    struct Validate: WorkflowCommand {
        static let configuration = CommandConfiguration(
            commandName: "validate",
            abstract: "Validate JSON, YAML or JSON Lines files against a schema, as bots and maintainers do with submitted entries.",
            discussion: """
                A `.jsonl` file holds one instance a line; other files hold one instance each \
                (YAML for .yml/.yaml, JSON otherwise). Findings are reported as `fmadd check` \
                reports them, then a summary: `checked N instances: X invalid, Y with warnings only`.
                Exit status: 0 when every instance is valid, 1 when one is not, 2 when a file cannot be read \
                or is not UTF-8.
                """)

        @Option(help: ArgumentHelp("A built-in schema (entry, dataset, config) or a schema file.", valueName: "schema"))
        var schema: String

        @Flag(help: "Assert the formats uri, uri-reference, date and email instead of treating them as notes.")
        var assertFormats = false

        @Option(help: ArgumentHelp(ReportFormat.help))
        var format: ReportFormat = .text

        @Argument(help: "The files to validate.")
        var files: [String]

        func execute() throws(WorkflowFailure) -> ExitStatus {
            let validation = try Validation(schema: schema, assertFormats: assertFormats)
            var summary = ValidationSummary()
            var reports: [Report] = []
            var out = StandardOutput()
            for file in files {
                let outcome = try validation.validate(file: file)
                summary = summary + outcome.summary
                // As a file's findings are known: a million of them are not held until the end.
                if format == .text { out.append(TextReporter(color: false).findingLines([outcome.report])) } else { reports.append(outcome.report) }
            }
            out.append(format == .text ? "\(summary)\n" : format.reporter.render(reports))
            out.flush()
            return summary.invalid > 0 ? .findings : .success
        }
    }
}
