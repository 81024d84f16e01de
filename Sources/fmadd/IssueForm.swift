import ArgumentParser
import FMWorkflows

extension Fmadd {
    struct IssueForm: WorkflowCommand {
        static let configuration = CommandConfiguration(
            commandName: "issue-form",
            abstract: "Write the GitHub issue form that proposes a paper, from the entry schema and the list's categories.",
            discussion: """
                Writes .github/ISSUE_TEMPLATE/add-paper.yml at the top of the list's repository: a dropdown \
                of the paper categories, then one field per property of the entry schema, with its \
                description, required where the schema requires it. Issues opened with it carry the label \
                add-paper; `fmadd add --from-issue` reads their body.
                Exit status: 0 when written or up to date, 1 with --check when the form is missing or stale, \
                2 when the repository or the schema cannot be used, 64 on a usage error.
                """)

        @OptionGroup var list: ListOptions

        @Flag(help: "Write nothing; exit 1 when the form is missing or differs from the one fmadd writes.")
        var check = false

        @Flag(help: "Print the form instead of writing it (no repository needed).")
        var stdout = false

        func execute() throws(WorkflowFailure) -> ExitStatus {
            let lists = try list.resolveAll()
            guard let list = lists.first, lists.count == 1 else { return usage("issue-form reads one list: give one file") }
            guard !(check && stdout) else { return usage("--check and --stdout: give one of them") }
            switch try IssueFormWorkflow(list: list, check: check, printing: stdout).run() {
            case .printed(let text):
                StandardOutput.write(text)
                return .success
            case .written(let path):
                StandardOutput.write("Wrote \(path)\n")
                return .success
            case .current(let path):
                StandardOutput.write("\(path) is up to date\n")
                return .success
            case .stale(let path):
                StandardError.error("\(path) is missing or stale; run `fmadd issue-form` and commit it")
                return .findings
            }
        }
    }
}
