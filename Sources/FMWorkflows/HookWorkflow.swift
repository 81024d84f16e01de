import FMEditor
import FMGit

/// Installs or removes fmadd's pre-commit hook in the repository around a folder.
public struct HookWorkflow {
    /// Where git runs the hook from, and where a hook that was there is kept.
    public let installer: HookInstaller

    /// The hooks folder git uses in the repository around `folder`.
    public init(folder: String) throws(WorkflowFailure) {
        let repository = try tryGit { () throws(GitError) in try Repository(discoveringFrom: folder) }
        installer = try tryGit { () throws(GitError) in try HookInstaller(repository: repository) }
    }

    /// Installs the hook; with `force`, a hook that is not fmadd's is kept and run first.
    public func install(force: Bool) throws(WorkflowFailure) -> HookInstaller.Installation {
        try tryGit { () throws(GitError) in try installer.install(script: PreCommitHook.script, force: force) }
    }

    /// Removes fmadd's hook, and puts back the one it kept.
    public func uninstall() throws(WorkflowFailure) -> HookInstaller.Removal {
        try tryGit { () throws(GitError) in try installer.uninstall() }
    }
}
