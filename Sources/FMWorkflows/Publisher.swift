import Foundation
import FMGit
import FMList

/// Writes a list and commits it, putting the old bytes back when the commit is refused, so that a
/// refusal changes nothing.
public struct Publisher {
    /// What happens after a list is written: the commit, the branch, the push.
    public struct Settings: Sendable {
        public var commit: Bool
        public var branch: Bool
        public var branchName: String?
        public var push: Bool
        public var remote: String
        public var runHooks: Bool

        public init(commit: Bool, branch: Bool = false, branchName: String? = nil, push: Bool = false,
                    remote: String = "origin", runHooks: Bool = true) {
            self.commit = commit
            self.branch = branch
            self.branchName = branchName
            self.push = push
            self.remote = remote
            self.runHooks = runHooks
        }

        /// Write the list, commit nothing.
        public static let writeOnly = Settings(commit: false)
        /// Write the list and commit it (only it) on the current branch.
        public static let commitOnly = Settings(commit: true)
    }

    /// The list as written, and what was made of it.
    public struct Publication: Sendable {
        /// The commit, when one was asked for.
        public var commit: CommitResult?
        /// The pull request's text, when the commit is on a new branch.
        public var pullRequest: PullRequest?
        /// The page that opens the pull request, when the branch was pushed to a GitHub remote.
        public var compareURL: String?

        public init(commit: CommitResult? = nil, pullRequest: PullRequest? = nil, compareURL: String? = nil) {
            self.commit = commit
            self.pullRequest = pullRequest
            self.compareURL = compareURL
        }
    }

    /// Why the commit was not made, and what became of the list.
    public struct Refusal: Error, Sendable, CustomStringConvertible {
        public enum ListState: Sendable {
            /// Refused before anything was written.
            case untouched
            /// Written, then put back as it was.
            case putBack
            /// Written, then changed by another hand: left as it is now.
            case changedMeanwhile
        }

        public var reason: GitError
        public var list: ListState

        /// The reason, then what became of the list.
        public var description: String {
            switch list {
            case .untouched: return "\(reason)\nnothing was written"
            case .putBack: return "\(reason)\nthe list was put back as it was"
            case .changedMeanwhile: return "\(reason)\nthe list was changed meanwhile, so it is left as it is now"
            }
        }
    }

    public enum Outcome: Sendable {
        /// Written, and committed and pushed as the settings ask.
        case published(Publication)
        /// The commit was refused; the list is as it was, unless another hand changed it.
        case refused(Refusal)
        /// The list could not be written, or the commit that was made could not be pushed.
        case failed(WorkflowFailure)
    }

    public let options: Settings

    public init(options: Settings) {
        self.options = options
    }

    /// Writes `new` over `old` at `path` and commits it as the settings ask.
    public func publish(path: String, old: [UInt8], new: [UInt8], message: String, branchTitle: String,
                        additions: [PullRequest.Addition]) -> Outcome {
        // With a commit to make, everything that would refuse it is asked before anything is
        // written: the commit holds fmadd's change to the list as staged, nothing else.
        var committing: Commit?
        if options.commit {
            do { committing = try preflight(path: path, old: old, branchTitle: branchTitle) } catch {
                return .refused(Refusal(reason: error, list: .untouched))
            }
        }
        do { try AtomicFile.write(new, to: path) } catch { return .failed(.list(error)) }
        guard let (repository, relative, branch) = committing else { return .published(Publication()) }
        let result: CommitResult
        do {
            result = try repository.commit(path: relative, content: new, message: message, branch: branch, base: old,
                                           runHooks: options.runHooks)
        } catch {
            // Put back only what this run wrote: another hand may have changed the file since.
            let current = try? Document.read(path)
            if current == new, (try? AtomicFile.write(old, to: path)) != nil {
                return .refused(Refusal(reason: error, list: .putBack))
            }
            return .refused(Refusal(reason: error, list: .changedMeanwhile))
        }
        var publication = Publication(commit: result)
        if options.branch {
            let request = PullRequest(additions: additions, check: .init(passed: true, summary: "no new findings"))
            publication.pullRequest = request
            if options.push {
                do { try repository.push(branch: result.branch, remote: options.remote) } catch { return .failed(.git(error)) }
                let base = (try? repository.defaultBase(remote: options.remote))??.name ?? "main"
                // The URL as configured: a rewrite (`url.<base>.insteadOf`) points elsewhere than GitHub.
                if let url = try? repository.configValue("remote.\(options.remote).url") {
                    publication.compareURL = PullRequest.compareURL(remoteURL: url, base: base, branch: result.branch)
                }
            }
        }
        return .published(publication)
    }

    /// Why the commit that `publish` would make would be refused, for a dry run; nil when it
    /// would be made (or none is to be made).
    public func refusal(path: String, old: [UInt8], branchTitle: String) -> GitError? {
        guard options.commit else { return nil }
        do { _ = try preflight(path: path, old: old, branchTitle: branchTitle) } catch { return error }
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
}
