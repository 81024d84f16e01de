import ArgumentParser
import Foundation
import FMEditor
import FMGit
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
            commandName: "check",
            abstract: "Report what is wrong with a list, one finding a line.",
            discussion: "Exit status: 0 without errors, 1 with errors, 2 when the file cannot be read, 64 on a usage error.")

        @OptionGroup var list: ListOptions

        @Option(help: "Output format: \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
        var format: ReportFormat = .text

        @Flag(help: "Check the list as it is staged for the next commit, as the pre-commit hook does; only what the commit adds or changes, unless --all.")
        var staged = false

        @Flag(help: "With --staged: check the whole staged list, not only the lines the commit adds or changes.")
        var all = false

        func validate() throws {
            if all && !staged { throw ValidationError("--all goes with --staged") }
        }

        func run() throws {
            if staged { try checkStaged() }
            var clock = PhaseClock()
            var reports: [Report] = []
            for (path, configuration) in try reportingFailures({ try list.resolveAll() }) {
                reports.append(try reportingFailures {
                    let document = try Document(contentsOf: path)
                    clock.mark("parse")
                    let view = ListView(document: document, configuration: configuration)
                    clock.mark("view")
                    let findings = Linter().findings(in: view, timings: clock.ruleTimer)
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

        /// The staged list, read from the index: the commit's content, not the work tree's.
        private func checkStaged() throws -> Never {
            let repository = try reportingFailures { try Repository() }
            guard let workTree = repository.workTree else {
                printError("fmadd: error: --staged needs a repository with a work tree")
                throw Exit.failure
            }
            let configuration = try reportingFailures {
                try list.config.map { try Configuration.load(path: $0) } ?? Configuration.discover(from: workTree)
            }
            let file = list.files.first ?? configuration.listFile
            let relative = try reportingFailures {
                try repository.relativePath(ofFile: file.hasPrefix("/") ? file : workTree + "/" + file)
            }
            guard let stagedBytes = try reportingFailures({ try repository.stagedContent(of: relative) }) else {
                exitNow(.success)  // the list is not in the index: nothing of it is committed
            }
            let headBytes = try reportingFailures { try repository.headContent(of: relative) } ?? []
            if !all && stagedBytes == headBytes { exitNow(.success) }
            let document = try reportingFailures { try Document(bytes: stagedBytes, path: relative) }
            var findings = Linter().findings(in: ListView(document: document, configuration: configuration))
            if !all {
                let changed = ChangedLines.of(old: headBytes, new: stagedBytes)
                findings = findings.filter { changed.contains($0.line) }
            }
            let report = Report(file: relative, findings: findings)
            FileHandle.standardOutput.write(Data(format.reporter.render([report]).utf8))
            exitNow(report.errorCount > 0 ? Exit.findings : .success)
        }
    }
}
