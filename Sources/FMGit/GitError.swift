import Foundation

/// What went wrong in the git layer; every message says what to do next.
public enum GitError: Error, Equatable, Sendable {
    case notARepository(path: String)
    /// The repository belongs to another user and is not listed in `safe.directory`.
    case unsafeRepository(path: String)
    case bareRepository(path: String)
    case missingIdentity
    case operationInProgress(RepositoryState)
    case indexLocked(lockFile: String)
    case detachedHead
    case stagedChangesWouldBeReplaced(path: String)
    case unmergedPaths([String])
    case invalidPath(String)
    case emptyCommitMessage
    case notARegularFile(path: String)
    case branchExists(String)
    case invalidBranchName(String)
    case branchNotFound(String)
    /// HEAD moved between reading it and committing on it.
    case headMoved
    case revisionNotFound(String)
    case remoteNotFound(String)
    case nonFastForward(branch: String, remote: String)
    case pushRejected(branch: String, remote: String, reason: String)
    case authenticationFailed(remote: String, url: String)
    /// The repository's pre-commit hook exited with `status`, printing `output`.
    case hookRefused(hook: String, status: Int32, output: String)
    /// `commit.gpgsign` asks for signed commits, which fmadd cannot make.
    case signingRequired
    /// The work tree's version of the file differs from the staged one: committing the file
    /// would commit the user's unstaged edits too.
    case unstagedChanges(path: String)
    /// A `GIT_AUTHOR_DATE` or `GIT_COMMITTER_DATE` that is no date git reads.
    case invalidDate(variable: String, value: String)
    /// A pre-commit hook that fmadd did not install is where fmadd's would go.
    case foreignHook(path: String)
    /// Uninstalling found a pre-commit hook that is not fmadd's.
    case notFmaddHook(path: String)
    case chainedHookExists(path: String)
    case hookScriptNotShell
    case fileSystem(operation: String, path: String, reason: String)
    /// A libgit2 call failed in a way fmadd has no more specific advice for.
    case libgit2(operation: String, code: Int32, message: String)
}

extension GitError: LocalizedError, CustomStringConvertible {
    public var errorDescription: String? { description }

    /// The message, with every credential a URL in it carries hidden (`Redaction`): URLs and
    /// libgit2's text (which can quote URLs) are shown, their passwords and tokens never.
    public var description: String {
        Redaction.text(unredactedDescription)
    }

    private var unredactedDescription: String {
        switch self {
        case .notARepository(let path):
            return "\(path) is not inside a git repository. Run fmadd from the list's work tree, "
                + "or make it a repository with `git init`."
        case .unsafeRepository(let path):
            return "The repository at \(path) is owned by another user, so git does not trust it. "
                + "If you trust it, run:\n  git config --global --add safe.directory \(path)"
        case .bareRepository(let path):
            return "The repository at \(path) has no work tree (it is bare). Run fmadd in a clone with a work tree."
        case .missingIdentity:
            return "git does not know who you are, so fmadd cannot author the commit. Set your name and email:\n"
                + "  git config --global user.name \"Your Name\"\n"
                + "  git config --global user.email \"you@example.com\""
        case .operationInProgress(let state):
            return "\(state.inProgress) Nothing was committed."
        case .indexLocked(let lockFile):
            return "The index is locked (\(lockFile) exists): another git process may be running. "
                + "Wait for it to finish; if none is running, remove the file (`rm \(lockFile)`) and run fmadd again."
        case .detachedHead:
            return "HEAD is detached (not on a branch), so the commit would belong to no branch. "
                + "Switch to a branch first (`git switch main`), or give fmadd a new branch to commit on."
        case .stagedChangesWouldBeReplaced(let path):
            return "The staged version of \(path) would be replaced by fmadd's. "
                + "Commit it or unstage it first (`git restore --staged \(path)`), then run fmadd again."
        case .unmergedPaths(let paths):
            return "These files have unresolved conflicts: \(paths.joined(separator: ", ")). "
                + "Resolve them and `git add` them (or `git restore --staged` them), then run fmadd again."
        case .invalidPath(let path):
            return "\(path) is not a file inside the repository's work tree."
        case .emptyCommitMessage:
            return "The commit message is empty; give one."
        case .notARegularFile(let path):
            return "\(path) is a symbolic link, folder or submodule in git, not a regular file; fmadd commits only regular files."
        case .branchExists(let name):
            return "A branch named \(name) already exists. Choose another name, or switch to it "
                + "(`git switch \(name)`) and run fmadd without a new branch."
        case .invalidBranchName(let name):
            return "\(name) is not a valid branch name (see `git check-ref-format --branch \(name)`)."
        case .branchNotFound(let name):
            return "There is no local branch named \(name). List the branches with `git branch`."
        case .headMoved:
            return "HEAD moved while fmadd was committing (another git command ran at the same time). "
                + "Nothing was committed; run fmadd again."
        case .revisionNotFound(let revision):
            return "\(revision) does not name a commit in this repository. Fetch it (`git fetch`) or name another base."
        case .remoteNotFound(let name):
            return "There is no remote named \(name). Add it with `git remote add \(name) URL`."
        case .nonFastForward(let branch, let remote):
            return "\(remote) rejected the push of \(branch): it has commits that your \(branch) lacks. "
                + "Nothing was lost locally. Bring them in (`git pull --rebase \(remote) \(branch)`) and push again."
        case .pushRejected(let branch, let remote, let reason):
            return "\(remote) refused \(branch): \(reason). Nothing was lost locally; your commits are still on \(branch)."
        case .authenticationFailed(let remote, let url):
            return "Could not authenticate to \(remote) (\(url)). For ssh, start an agent and add your key "
                + "(`eval \"$(ssh-agent)\" && ssh-add`); for https to github.com (or the host of GITHUB_SERVER_URL), "
                + "set GITHUB_TOKEN or FMADD_GIT_TOKEN to a token that may push. fmadd sends that token to no other "
                + "host and never over plain http; for another host, push with git (`git push \(remote)`), "
                + "which asks your credential helper."
        case .hookRefused(let hook, let status, let output):
            let shown = output.trimmingCharacters(in: .whitespacesAndNewlines)
            return "The pre-commit hook \(hook) refused the commit (exit \(status)), so nothing was committed."
                + (shown.isEmpty ? " It printed nothing.\n" : " It printed:\n\n" + shown + "\n\n")
                + "Fix what it reports and run fmadd again; or write the change with --no-commit and commit it "
                + "with git (`git commit --no-verify` skips the hook)."
        case .signingRequired:
            return "commit.gpgsign is set, and fmadd does not sign commits, so nothing was changed. "
                + "Write the change with --no-commit and commit it with git (`git commit -S`)."
        case .unstagedChanges(let path):
            return "\(path) has changes that are not staged; fmadd commits only its own change. "
                + "Stage and commit them, or `git stash` them, first; or write with --no-commit."
        case .invalidDate(let variable, let value):
            return "\(variable) is set to \"\(value)\", which is not a date git reads. Use a form such as "
                + "\"2005-04-07T22:13:13+02:00\", \"Thu, 07 Apr 2005 22:13:13 +0200\" or \"@1112911993 +0200\", or unset it."
        case .foreignHook(let path):
            return "\(path) is a pre-commit hook that fmadd did not install, and it is left as it is. "
                + "Run `fmadd hook install --force` to keep it as \(HookInstaller.chainedHookName), "
                + "run before fmadd's checks."
        case .notFmaddHook(let path):
            return "\(path) was not installed by fmadd, so it is left as it is."
        case .chainedHookExists(let path):
            return "\(path) already holds a hook kept from an earlier install. "
                + "Move it away or merge it into the current pre-commit hook, then run again."
        case .hookScriptNotShell:
            return "The hook script must start with a POSIX shell line such as `#!/bin/sh`."
        case .fileSystem(let operation, let path, let reason):
            return "Could not \(operation) \(path): \(reason)."
        case .libgit2(let operation, let code, let message):
            return "git could not \(operation): \(message) (libgit2 error \(code))."
        }
    }
}

extension GitError {
    /// A failed POSIX call, with the text of `errno`.
    static func posix(_ operation: String, _ path: String, errno code: Int32 = errno) -> GitError {
        .fileSystem(operation: operation, path: path, reason: String(cString: strerror(code)))
    }
}
