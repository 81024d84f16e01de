import ArgumentParser
import FMWorkflows

extension Fmadd {
    struct PR: WorkflowCommand {
        static let configuration = CommandConfiguration(
            commandName: "pr",
            abstract: "Write the pull request for the commits on this branch that change the list, and push it.",
            discussion: """
                Prints the pull request's title and body (what was added, where, the check result, a \
                checklist) and, for a GitHub remote, the link that opens it. --open pushes the branch \
                and opens the pull request through GitHub's REST API (GITHUB_API_URL, default \
                https://api.github.com) with the token in GITHUB_TOKEN, and prints its address; \
                --fork first forks the repository (for a contributor who cannot push to it), pushes \
                there, and opens the pull request from the fork. The token goes to the API's host \
                only, over https (or plain http to a loopback address).
                Exit status: 0, 1 when no commit on the branch changes the list, 2 when the \
                repository, the push or GitHub fails (the message says what to do), 64 on a usage error.
                """)

        @Option(help: ArgumentHelp("The branch the pull request goes into (default: the remote's default branch, or main).", valueName: "branch"))
        var base: String?

        @Flag(help: "Push the current branch to --remote first.")
        var push = false

        @OptionGroup var remote: RemoteOption

        @Option(name: .customLong("body-file"), help: ArgumentHelp("Also write the body to this file (for `gh pr create --body-file`).", valueName: "file"))
        var bodyFile: String?

        @Flag(help: "Push the branch and open the pull request on GitHub (needs GITHUB_TOKEN).")
        var open = false

        @Flag(help: "With --open: fork the repository, push to the fork, and open the pull request from it.")
        var fork = false

        @Option(help: ArgumentHelp("With --open: the GitHub repository the pull request goes to (default: GITHUB_REPOSITORY, then the remote's address).", valueName: "owner/repo"))
        var repo: String?

        @OptionGroup var config: ConfigOption

        func validate() throws {
            if fork && !open { throw ValidationError("--fork goes with --open") }
            if repo != nil && !open { throw ValidationError("--repo goes with --open") }
            if let repo, !PullRequest.isRepositoryName(repo) { throw ValidationError("--repo takes OWNER/REPO, not '\(repo)'") }
        }

        func execute() throws(WorkflowFailure) -> ExitStatus {
            let workflow = PullRequestWorkflow(base: base, push: push, remote: remote.remote, bodyFile: bodyFile, config: config.config,
                                               open: open ? .init(fork: fork, repository: repo) : nil)
            switch try workflow.run() {
            case .nothingToPropose(let list, let base):
                StandardError.note("no commit on this branch changes \(list) since \(base); add an entry first (`fmadd --category …`)")
                return .findings
            case .ready(let request, let compareURL):
                StandardOutput.write("\(request.title)\n\n\(request.body)" + (compareURL.map { "\nOpen the pull request: \($0)\n" } ?? ""))
                return .success
            case .opened(let request, let opened, let head):
                StandardOutput.write("Opened pull request #\(opened.number) from \(head): \(request.title)\n\(opened.url)\n")
                return .success
            }
        }
    }
}
