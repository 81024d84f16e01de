import ArgumentParser
import Foundation
import FMRules
import FMWorkflows

extension Fmadd {
    struct Check: WorkflowCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Report what is wrong with a list, one finding a line.",
            discussion: "Exit status: 0 without errors, 1 with errors (with --staged also when a staged list or configuration cannot be read, so the hook stops the commit), 2 when the file cannot be read, 64 on a usage error.")

        @OptionGroup var list: ListOptions

        @Option(help: ArgumentHelp(ReportFormat.help))
        var format: ReportFormat = .text

        @Flag(help: "Check the lists as they are staged for the next commit, as the pre-commit hook does: without FILE, every list a staged .fmadd.yml names and the one at the top; only what the commit adds or changes, unless --all.")
        var staged = false

        @Flag(help: "With --staged: check the whole staged list, not only the lines the commit adds or changes.")
        var all = false

        @Option(name: .customLong("diff-base"), help: ArgumentHelp("Report only the findings on the lines changed since this commit (a branch such as main or origin/main, a tag, an id), for CI on a pull request; files are named relative to the repository's top.", valueName: "ref"))
        var diffBase: String?

        func validate() throws {
            if all && !staged { throw ValidationError("--all goes with --staged") }
            if diffBase != nil && staged { throw ValidationError("--diff-base and --staged cannot be used together: --staged compares the index with HEAD") }
        }

        func execute() throws(WorkflowFailure) -> ExitStatus {
            if staged { return try checkStaged() }
            if let diffBase {
                let outcome = try DiffBaseCheck(lists: try list.resolveAll(), base: diffBase).run()
                for warning in outcome.headingWarnings { StandardError.warning(warning) }
                StandardOutput.write(format.reporter.render(outcome.reports))
                return outcome.reports.contains { $0.errorCount > 0 } ? .findings : .success
            }
            var clock = PhaseClock()
            let ruleTimes = clock.ruleTimer
            var reports: [Report] = []
            for list in try list.resolveAll() {
                let outcome = try ListCheck.run(list, phase: { clock.mark($0) }, ruleTimes: ruleTimes)
                for warning in outcome.headingWarnings { StandardError.warning(warning) }
                reports.append(outcome.report)
            }
            StandardOutput.write(format.reporter.render(reports))
            clock.mark("report")
            return reports.contains { $0.errorCount > 0 } ? .findings : .success
        }

        /// The staged lists, read from the index: a staged list or configuration that cannot be
        /// read is an error of the commit (exit 1, so the hook stops it).
        private func checkStaged() throws(WorkflowFailure) -> ExitStatus {
            let outcome = try StagedCheck(files: list.files, config: list.config, all: all).run()
            for problem in outcome.unreadable { StandardError.error(problem) }
            for warning in outcome.headingWarnings { StandardError.warning(warning) }
            if !outcome.reports.isEmpty { StandardOutput.write(format.reporter.render(outcome.reports)) }
            return outcome.blocksCommit ? .findings : .success
        }
    }
}
