import ArgumentParser
import Foundation
import FMList
import FMRules

enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, github, sarif, junit

    /// The reporter for this format; text is coloured on a terminal unless NO_COLOR is set.
    var reporter: any Reporter {
        switch self {
        case .text: return TextReporter(color: isatty(STDOUT_FILENO) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil)
        case .json: return JSONReporter()
        case .github: return GitHubReporter()
        case .sarif: return SARIFReporter(version: Fmadd.version)
        case .junit: return JUnitReporter()
        }
    }
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
            var reports: [Report] = []
            for (path, configuration) in try reportingFailures({ try list.resolveAll() }) {
                reports.append(try reportingFailures {
                    let document = try Document(contentsOf: path)
                    clock.mark("parse")
                    let view = ListView(document: document, configuration: configuration)
                    clock.mark("view")
                    let findings = Linter().findings(in: view)
                    clock.mark("rules")
                    return Report(file: path, findings: findings)
                })
            }
            let output = format.reporter.render(reports)
            FileHandle.standardOutput.write(Data(output.utf8))
            clock.mark("report")
            // Leave without tearing down the list model: the operating system frees it at once.
            exitNow(reports.contains { $0.errorCount > 0 } ? Exit.findings : .success)
        }
    }
}
