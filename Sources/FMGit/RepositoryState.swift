import CLibGit2
import Foundation

/// An operation git has begun and not finished, during which fmadd does not commit.
public enum RepositoryState: String, Equatable, Sendable {
    case merge, revert, cherryPick, bisect, rebase, applyMailbox

    /// What is going on and how to finish or abort it.
    public var inProgress: String {
        switch self {
        case .merge:
            "A merge is in progress. Finish it (`git commit`) or abort it (`git merge --abort`), then run fmadd again."
        case .revert:
            "A revert is in progress. Finish it (`git revert --continue`) or abort it (`git revert --abort`), then run fmadd again."
        case .cherryPick:
            "A cherry-pick is in progress. Finish it (`git cherry-pick --continue`) or abort it (`git cherry-pick --abort`), then run fmadd again."
        case .bisect:
            "A bisect is in progress. End it with `git bisect reset`, then run fmadd again."
        case .rebase:
            "A rebase is in progress. Finish it (`git rebase --continue`) or abort it (`git rebase --abort`), then run fmadd again."
        case .applyMailbox:
            "`git am` is in progress. Finish it (`git am --continue`) or abort it (`git am --abort`), then run fmadd again."
        }
    }

    init?(libgit2 state: Int32) {
        switch git_repository_state_t(UInt32(bitPattern: state)) {
        case GIT_REPOSITORY_STATE_MERGE: self = .merge
        case GIT_REPOSITORY_STATE_REVERT, GIT_REPOSITORY_STATE_REVERT_SEQUENCE: self = .revert
        case GIT_REPOSITORY_STATE_CHERRYPICK, GIT_REPOSITORY_STATE_CHERRYPICK_SEQUENCE: self = .cherryPick
        case GIT_REPOSITORY_STATE_BISECT: self = .bisect
        case GIT_REPOSITORY_STATE_REBASE, GIT_REPOSITORY_STATE_REBASE_INTERACTIVE,
            GIT_REPOSITORY_STATE_REBASE_MERGE, GIT_REPOSITORY_STATE_APPLY_MAILBOX_OR_REBASE:
            self = .rebase
        case GIT_REPOSITORY_STATE_APPLY_MAILBOX: self = .applyMailbox
        default: return nil
        }
    }
}

extension Repository {
    /// The operation in progress in this work tree, or nil when there is none.
    public var operationInProgress: RepositoryState? {
        if let state = RepositoryState(libgit2: git_repository_state(handle)) { return state }
        // git writes BISECT_LOG for the whole of a bisect; libgit2 may not report it as a state.
        let bisectLog = gitDirectory + "/BISECT_LOG"
        return FileManager.default.fileExists(atPath: bisectLog) ? .bisect : nil
    }
}
