import ArgumentParser
import FMWorkflows

extension Fmadd {
    struct Init: WorkflowCommand {
        static let configuration = CommandConfiguration(
            commandName: "init",
            abstract: "Write a commented .fmadd.yml beside a list, from what fmadd reads of the list.",
            discussion: """
                The categories are the headings whose sections hold entries (list items with \
                links), each keyed by a short slug of its heading (the healthcare list keeps lfm, \
                vfm, bfm, mfm, …); then how the years are grouped and ordered, and how each link \
                label is spelled. Edit the file and commit it: where it speaks it wins over what \
                fmadd reads from the list. An existing .fmadd.yml is kept unless --force.
                Exit status: 0 when written, 1 when a .fmadd.yml is there already, 2 when the list \
                cannot be read or the file cannot be written, 64 on a usage error.
                """)

        @Argument(help: "The list file (default: the list of the repository around the current folder, README.md).")
        var file: String?

        @Flag(help: "Replace a .fmadd.yml that is there already.")
        var force = false

        @Flag(help: "Print the configuration instead of writing it.")
        var stdout = false

        func execute() throws(WorkflowFailure) -> ExitStatus {
            var clock = PhaseClock()
            let path = try ListFiles.resolve(files: file.map { [$0] } ?? [], config: nil).lists[0].path
            switch try InitWorkflow(listPath: path, force: force, dryRun: stdout).run(phase: { clock.mark($0) }) {
            case .printed(let text):
                StandardOutput.write(text)
                return .success
            case .written(let written, _):
                StandardError.note("wrote \(written); check it with `fmadd check`, then commit it")
                return .success
            case .exists(let existing):
                StandardError.error("\(existing) is there already; give --force to replace it, or --stdout to print the new one")
                return .findings
            }
        }
    }
}
