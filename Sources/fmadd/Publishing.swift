import ArgumentParser
import Foundation
import FMGit
import FMList

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

    @Option(help: ArgumentHelp("The remote to push to.", valueName: "remote"))
    var remote = "origin"

    var wantsBranch: Bool { branch || branchName != nil || push }

    var settings: Publisher.Settings {
        Publisher.Settings(commit: !noCommit, branch: wantsBranch, branchName: branchName, push: push, remote: remote)
    }
}

/// Writes a list and commits it, putting the old bytes back when the commit is refused, so that a
/// refusal changes nothing.
struct Publisher {
    struct Settings {
        var commit: Bool
        var branch: Bool
        var branchName: String?
        var push: Bool
        var remote: String
    }

    let options: Settings

    struct Outcome {
        var commit: CommitResult?
        var pullRequest: PullRequest?
        var compareURL: String?
    }

    func publish(path: String, old: [UInt8], new: [UInt8], message: String, branchTitle: String,
                 additions: [PullRequest.Addition]) throws -> Outcome {
        // With a commit to make, the repository must be usable before anything is written.
        var repository: Repository?
        if options.commit {
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
            repository = try reportingFailures { try Repository(discoveringFrom: folder.isEmpty ? "." : folder) }
        }
        try reportingFailures { try AtomicFile.write(new, to: path) }
        guard let repository else { return Outcome() }
        let relative: String
        let result: CommitResult
        do {
            relative = try repository.relativePath(ofFile: path)
            let branch = options.branch ? (options.branchName ?? Repository.branchName(forTitle: branchTitle)) : nil
            result = try repository.commit(path: relative, content: new, message: message, branch: branch)
        } catch {
            try? AtomicFile.write(old, to: path)
            printError("fmadd: error: \(error)\nthe list was put back as it was")
            throw Exit.failure
        }
        var outcome = Outcome(commit: result)
        if options.branch {
            let request = PullRequest(additions: additions, check: .init(passed: true, summary: "no new findings"))
            outcome.pullRequest = request
            if options.push {
                try reportingFailures { try repository.push(branch: result.branch, remote: options.remote) }
                let base = (try? repository.defaultBase(remote: options.remote))??.name ?? "main"
                // The URL as configured: a rewrite (`url.<base>.insteadOf`) points elsewhere than GitHub.
                if let url = try? repository.configValue("remote.\(options.remote).url") {
                    outcome.compareURL = PullRequest.compareURL(remoteURL: url, base: base, branch: result.branch)
                }
            }
        }
        return outcome
    }

    /// The commit and pull request, as the user reads them.
    static func describe(_ outcome: Outcome) -> String {
        guard let commit = outcome.commit else { return "" }
        var text = "Committed \(commit.commit.prefix(7)) on \(commit.branch)\(commit.createdBranch ? " (new branch)" : "")\n"
        if let request = outcome.pullRequest {
            text += "\nPull request title:\n\(request.title)\n\nPull request body:\n\(request.body)"
        }
        if let url = outcome.compareURL { text += "\nOpen the pull request: \(url)\n" }
        return text
    }
}
