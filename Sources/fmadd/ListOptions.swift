import ArgumentParser
import Foundation
import FMWorkflows

/// The configuration file a command reads instead of the one it would find.
struct ConfigOption: ParsableArguments {
    @Option(name: .long, help: "A configuration file to use instead of the .fmadd.yml found beside the list.")
    var config: String?
}

/// The remote a command pushes to.
struct RemoteOption: ParsableArguments {
    @Option(help: ArgumentHelp("The remote to push to.", valueName: "remote"))
    var remote = "origin"
}

/// Options every command that reads a list shares.
struct ListOptions: ParsableArguments {
    @Argument(help: "The list files (default: the configured list file of the repository around the current folder, README.md).")
    var files: [String] = []

    @OptionGroup var configOption: ConfigOption

    var config: String? { configOption.config }

    /// Each list file with its configuration; what is wrong with a configuration is said on
    /// the way.
    func resolveAll() throws(WorkflowFailure) -> [ListFile] {
        let resolved = try ListFiles.resolve(files: files, config: config)
        for warning in resolved.warnings { StandardError.warning(warning) }
        return resolved.lists
    }
}

/// What happens after a list is written: the commit, the branch, the push.
struct PublishOptions: ParsableArguments {
    @Flag(name: .customLong("no-commit"), help: "Write the list and leave committing to you.")
    var noCommit = false

    @Flag(help: "Commit on a new branch from HEAD (add/<title>, or --branch-name), ready for a pull request.")
    var branch = false

    @Option(name: .customLong("branch-name"), help: ArgumentHelp("The new branch's name (implies --branch).", valueName: "name"))
    var branchName: String?

    @Flag(help: "Push the branch to --remote and print the pull request's text and link.")
    var push = false

    @OptionGroup var remote: RemoteOption

    @Flag(name: .customLong("no-verify"), help: "Commit without running the repository's pre-commit hook.")
    var noVerify = false

    var settings: Publisher.Settings {
        Publisher.Settings(commit: !noCommit, branch: branch || branchName != nil || push, branchName: branchName, push: push,
                           remote: remote.remote, runHooks: !noVerify)
    }
}

extension Publisher.Publication {
    /// The commit and pull request, as the user reads them.
    var text: String {
        guard let commit else { return "" }
        var text = "Committed \(commit.commit.prefix(7)) on \(commit.branch)\(commit.createdBranch ? " (new branch)" : "")\n"
        if let pullRequest {
            text += "\nPull request title:\n\(pullRequest.title)\n\nPull request body:\n\(pullRequest.body)"
        }
        if let compareURL { text += "\nOpen the pull request: \(compareURL)\n" }
        return text
    }
}

extension WorkflowCommand {
    /// The commit said on standard output, or why the list was not published on standard
    /// error; `success` when it was published.
    func report(_ outcome: Publisher.Outcome) -> ExitStatus {
        switch outcome {
        case .published(let publication):
            StandardOutput.write(publication.text)
            return .success
        case .refused(let refusal):
            StandardError.error(refusal)
            return .failure
        case .failed(let failure):
            return fail(failure)
        }
    }
}
