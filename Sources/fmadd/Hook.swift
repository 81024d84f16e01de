import ArgumentParser
import Foundation
import FMEditor
import FMGit

extension Fmadd {
    struct Hook: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "hook",
            abstract: "Install or remove fmadd's git pre-commit hook.",
            subcommands: [Install.self, Uninstall.self])

        struct Install: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "install",
                abstract: "Install the pre-commit hook where git runs it (core.hooksPath, or the repository's hooks folder).",
                discussion: "An existing hook that is not fmadd's is kept and run first, with --force; without it, nothing is changed.")

            @Flag(help: "Keep an existing pre-commit hook and run it before fmadd's.")
            var force = false

            func run() throws {
                let installer = try installerHere()
                switch try reportingFailures({ try installer.install(script: PreCommitHook.script, force: force) }) {
                case .installed: print("Installed the pre-commit hook at \(installer.hookPath)")
                case .updated: print("Updated the pre-commit hook at \(installer.hookPath)")
                case .installedChaining: print("Installed the pre-commit hook at \(installer.hookPath); the hook that was there runs first (\(installer.chainedHookPath))")
                }
            }
        }

        struct Uninstall: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "uninstall", abstract: "Remove fmadd's pre-commit hook, and put back the hook it kept.")

            func run() throws {
                let installer = try installerHere()
                switch try reportingFailures({ try installer.uninstall() }) {
                case .removed: print("Removed the pre-commit hook at \(installer.hookPath)")
                case .removedAndRestored: print("Removed fmadd's pre-commit hook and put back the one that was there")
                case .notInstalled: print("fmadd's pre-commit hook is not installed")
                }
            }
        }
    }
}

private func installerHere() throws -> HookInstaller {
    let repository = try reportingFailures { try Repository(discoveringFrom: FileManager.default.currentDirectoryPath) }
    return try reportingFailures { try HookInstaller(repository: repository) }
}
