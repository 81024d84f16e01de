import ArgumentParser
import Foundation
import FMWorkflows

extension Fmadd {
    struct Hook: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "hook",
            abstract: "Install or remove fmadd's git pre-commit hook.",
            subcommands: [Install.self, Uninstall.self])

        struct Install: WorkflowCommand {
            static let configuration = CommandConfiguration(
                commandName: "install",
                abstract: "Install the pre-commit hook where git runs it (core.hooksPath, or the repository's hooks folder).",
                discussion: "An existing hook that is not fmadd's is kept and run first, with --force; without it, nothing is changed.")

            @Flag(help: "Keep an existing pre-commit hook and run it before fmadd's.")
            var force = false

            func execute() throws(WorkflowFailure) -> ExitStatus {
                let hook = try HookWorkflow(folder: FileManager.default.currentDirectoryPath)
                let installer = hook.installer
                switch try hook.install(force: force) {
                case .installed: StandardOutput.write("Installed the pre-commit hook at \(installer.hookPath)\n")
                case .updated: StandardOutput.write("Updated the pre-commit hook at \(installer.hookPath)\n")
                case .installedChaining:
                    StandardOutput.write("Installed the pre-commit hook at \(installer.hookPath); the hook that was there runs first (\(installer.chainedHookPath))\n")
                }
                return .success
            }
        }

        struct Uninstall: WorkflowCommand {
            static let configuration = CommandConfiguration(commandName: "uninstall", abstract: "Remove fmadd's pre-commit hook, and put back the hook it kept.")

            func execute() throws(WorkflowFailure) -> ExitStatus {
                let hook = try HookWorkflow(folder: FileManager.default.currentDirectoryPath)
                switch try hook.uninstall() {
                case .removed: StandardOutput.write("Removed the pre-commit hook at \(hook.installer.hookPath)\n")
                case .removedAndRestored: StandardOutput.write("Removed fmadd's pre-commit hook and put back the one that was there\n")
                case .notInstalled: StandardOutput.write("fmadd's pre-commit hook is not installed\n")
                }
                return .success
            }
        }
    }
}
