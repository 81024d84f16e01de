import ArgumentParser
import Foundation
import FMRules
import FMWorkflows

extension Fmadd {
    struct Fix: WorkflowCommand {
        static let configuration = CommandConfiguration(
            commandName: "fix",
            abstract: "Apply the fixes the rules offer: align tables, respell labels, remove placeholders, order years.",
            discussion: """
                Formatting fixes are checked against GitHub's rendering: when one would change what \
                GitHub shows, nothing is written. A fix never drops an entry that has a title.
                Exit status: 0 when done (or nothing to do), 1 with --check when something would change,
                2 when the file cannot be read or a fix is refused, 64 on a usage error.
                """)

        @OptionGroup var list: ListOptions

        @Flag(help: "Write nothing; exit 1 when a fix would change the file.")
        var check = false

        @Flag(help: "Print a unified diff of the fixes and write nothing.")
        var diff = false

        @Option(parsing: .singleValue, help: ArgumentHelp("Apply only these rules' fixes (ids, repeated or comma-separated).", valueName: "ids"),
                transform: ruleIDs)
        var select: [[String]] = []

        @Option(parsing: .singleValue, help: ArgumentHelp("Skip these rules' fixes (ids, repeated or comma-separated).", valueName: "ids"),
                transform: ruleIDs)
        var ignore: [[String]] = []

        @Flag(help: "Commit the fixed list (only it, whatever else is staged) through git.")
        var commit = false

        func validate() throws {
            for id in (select + ignore).joined() where RuleRegistry.description(of: id) == nil {
                throw ValidationError("unknown rule '\(id)'; `fmadd rules` lists them")
            }
        }

        func execute() throws(WorkflowFailure) -> ExitStatus {
            let mode: FixWorkflow.Mode = diff ? .diff : check ? .check : commit ? .commit : .write
            var changedAny = false
            for list in try list.resolveAll() {
                var clock = PhaseClock()
                let workflow = FixWorkflow(list: list, mode: mode, select: select.isEmpty ? nil : Set(select.joined()), ignore: Set(ignore.joined()))
                let outcome = try workflow.run { clock.mark($0) }
                defer { clock.mark("report") }
                let (path, result) = (list.name, outcome.result)
                changedAny = changedAny || result.changed
                if let diff = outcome.diff { StandardOutput.write(diff) }
                if mode == .check || mode == .diff {
                    if result.changed { StandardError.write("\(path): \(result.applied.count) fix\(result.applied.count == 1 ? "" : "es") would change the file; run `fmadd fix`") }
                    continue
                }
                if case .published(let publication) = outcome.written {
                    let status = report(publication)
                    if status != .success { return status }
                }
                var summary = "\(path): \(result.applied.count) fix\(result.applied.count == 1 ? "" : "es") applied"
                let left = outcome.left.count
                if left > 0 {
                    summary += "; \(left) finding\(left == 1 ? "" : "s") need\(left == 1 ? "s" : "") a person (`fmadd check` lists \(left == 1 ? "it" : "them"), with any duplicates)"
                }
                StandardOutput.write(summary + "\n")
            }
            return changedAny && check ? .findings : .success
        }
    }
}

/// Rule ids, as one option takes them: `--select a,b` or `--select a --select b`.
func ruleIDs(_ argument: String) -> [String] {
    argument.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
}
