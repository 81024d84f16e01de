import ArgumentParser
import Foundation
import FMList
import FMRules

enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

extension Fmadd {
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Report what is wrong with a list, one finding a line.",
            discussion: "Exit status: 0 without errors, 1 with errors, 2 when the file cannot be read, 64 on a usage error.")

        @OptionGroup var list: ListOptions

        @Option(help: "Output format: \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
        var format: ReportFormat = .text

        func run() throws {
            var clock = PhaseClock()
            let report = try reportingFailures {
                let (path, configuration) = try list.resolve()
                let document = try Document(contentsOf: path)
                clock.mark("parse")
                let view = ListView(document: document, configuration: configuration)
                clock.mark("view")
                let findings = Linter().findings(in: view)
                clock.mark("rules")
                return Report(file: path, findings: findings)
            }
            let output: String
            switch format {
            case .text: output = TextReporter().render([report])
            case .json: output = JSONReporter().render([report])
            }
            FileHandle.standardOutput.write(Data(output.utf8))
            clock.mark("report")
            // Leave without tearing down the list model: the operating system frees it at once.
            exitNow(report.errorCount > 0 ? Exit.findings : .success)
        }
    }
}
