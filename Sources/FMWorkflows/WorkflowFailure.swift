import FMEditor
import FMGit
import FMList
import FMSchema
import FMServices

/// Why a workflow could not do its work: what it had to use (a list, the repository, a schema, a
/// file) could not be used. Each message says what to do next. What a workflow finds or refuses
/// on the way (findings, an invalid entry, a refused commit) is not a failure but its outcome.
public enum WorkflowFailure: Error, CustomStringConvertible {
    case list(ListError)
    case git(GitError)
    case schema(SchemaError)
    case fix(FixError)
    /// A file of entries to add that cannot be read.
    case draftFile(DraftReader.Problem)
    /// A file to validate that cannot be read.
    case unreadableFile(path: String)
    /// `what` reads the work tree and the repository has none.
    case noWorkTree(needed: String)
    /// HEAD names no branch.
    case detachedHead
    /// A service (arXiv, Crossref) cannot be used: its address is refused.
    case service(ServiceError)
    /// A refreshed entry would not read back as meant; nothing was written.
    case refreshRefused(line: Int)
    /// GitHub's API refused what `pr --open` asked.
    case gitHub(GitHubError)
    /// `pr --open` does not know which GitHub repository the list is in.
    case noGitHubRepository(remote: String)
    /// The branch could not be pushed, so no pull request was opened.
    case pushRefusedBeforeOpening(GitError)

    public var description: String {
        switch self {
        case .list(let error): return "\(error)"
        case .git(let error): return "\(error)"
        case .schema(let error): return "\(error)"
        case .fix(let error): return "\(error)"
        case .draftFile(let problem): return "\(problem)"
        case .unreadableFile(let path):
            return "cannot read \(ControlCharacters.escaped(path)); check that the file exists and is readable"
        case .noWorkTree(let what): return "\(what) needs a repository with a work tree"
        case .detachedHead: return "HEAD is detached; check out the branch of the pull request"
        case .service(let error): return "\(error)"
        case .refreshRefused(let line):
            return "the refreshed entry on line \(line) would not read back as the same entry with its new venue; nothing was written (edit it by hand)"
        case .gitHub(let error): return "\(error)"
        case .noGitHubRepository(let remote):
            return "the remote \(remote) is not a GitHub repository: give --repo OWNER/REPO (the repository the pull request goes to)"
        case .pushRefusedBeforeOpening(let error):
            return "\(error); no pull request was opened (without push access to the repository, --fork opens it from a fork of yours)"
        }
    }
}

/// Runs `body`, a list's failure as a workflow's.
func tryList<T>(_ body: () throws(ListError) -> T) throws(WorkflowFailure) -> T {
    do { return try body() } catch { throw .list(error) }
}

/// Runs `body`, the repository's failure as a workflow's.
func tryGit<T>(_ body: () throws(GitError) -> T) throws(WorkflowFailure) -> T {
    do { return try body() } catch { throw .git(error) }
}
