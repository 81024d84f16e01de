import ArgumentParser
import FMWorkflows

extension Fmadd {
    struct PR: WorkflowCommand {
        static let configuration = CommandConfiguration(
            commandName: "pr",
            abstract: "Write the pull request for the commits on this branch that change the list, and push it.",
            discussion: "Prints the pull request's title and body (what was added, where, the check result, a checklist) and, for a GitHub remote, the link that opens it.")

        @Option(help: ArgumentHelp("The branch the pull request goes into (default: the remote's default branch, or main).", valueName: "branch"))
        var base: String?

        @Flag(help: "Push the current branch to --remote first.")
        var push = false

        @OptionGroup var remote: RemoteOption

        @Option(name: .customLong("body-file"), help: ArgumentHelp("Also write the body to this file (for `gh pr create --body-file`).", valueName: "file"))
        var bodyFile: String?

        @OptionGroup var config: ConfigOption

        func execute() throws(WorkflowFailure) -> ExitStatus {
            let workflow = PullRequestWorkflow(base: base, push: push, remote: remote.remote, bodyFile: bodyFile, config: config.config)
            switch try workflow.run() {
            case .nothingToPropose(let list, let base):
                StandardError.note("no commit on this branch changes \(list) since \(base); add an entry first (`fmadd --category …`)")
                return .findings
            case .ready(let request, let compareURL):
                StandardOutput.write("\(request.title)\n\n\(request.body)" + (compareURL.map { "\nOpen the pull request: \($0)\n" } ?? ""))
                return .success
            }
        }
    }
}
