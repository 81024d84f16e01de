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

    @Flag(name: .customLong("no-verify"), help: "Commit without running the repository's pre-commit hook.")
    var noVerify = false

    var wantsBranch: Bool { branch || branchName != nil || push }

    var settings: Publisher.Settings {
        Publisher.Settings(commit: !noCommit, branch: wantsBranch, branchName: branchName, push: push, remote: remote, runHooks: !noVerify)
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
        var runHooks = true
    }

    let options: Settings

    struct Outcome {
        var commit: CommitResult?
        var pullRequest: PullRequest?
        var compareURL: String?
    }

    func publish(path: String, old: [UInt8], new: [UInt8], message: String, branchTitle: String,
                 additions: [PullRequest.Addition]) throws -> Outcome {
        // With a commit to make, everything that would refuse it is asked before anything is
        // written: the commit holds fmadd's change to the list as staged, nothing else.
        var committing: Commit?
        if options.commit {
            do { committing = try preflight(path: path, old: old, branchTitle: branchTitle) } catch {
                printError("fmadd: error: \(error)\nnothing was written")
                throw Exit.failure
            }
        }
        try reportingFailures { try AtomicFile.write(new, to: path) }
        guard let (repository, relative, branch) = committing else { return Outcome() }
        let result: CommitResult
        do {
            result = try repository.commit(path: relative, content: new, message: message, branch: branch, base: old,
                                           runHooks: options.runHooks)
        } catch {
            // Put back only what this run wrote: another hand may have changed the file since.
            let current = try? Document.read(path)
            if current == new, (try? AtomicFile.write(old, to: path)) != nil {
                printError("fmadd: error: \(error)\nthe list was put back as it was")
            } else {
                printError("fmadd: error: \(error)\nthe list was changed meanwhile, so it is left as it is now")
            }
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

    /// Why the commit that `publish` would make would be refused, for a dry run; nil when it
    /// would be made (or none is to be made).
    func refusal(path: String, old: [UInt8], branchTitle: String) -> String? {
        guard options.commit else { return nil }
        do { _ = try preflight(path: path, old: old, branchTitle: branchTitle) } catch { return "\(error)" }
        return nil
    }

    /// The commit to make of the list at `path`, once everything that would refuse it has been
    /// asked (`old` being the bytes the change was made from).
    private typealias Commit = (repository: Repository, relative: String, branch: String?)
    private func preflight(path: String, old: [UInt8], branchTitle: String) throws(GitError) -> Commit {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let repository = try Repository(discoveringFrom: folder.isEmpty ? "." : folder)
        let relative = try repository.relativePath(ofFile: path)
        let branch = options.branch ? (options.branchName ?? Repository.branchName(forTitle: branchTitle)) : nil
        try repository.preflightCommit(path: relative, base: old, branch: branch)
        return (repository, relative, branch)
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
