import Foundation
import Testing

@testable import FMGit

@Suite struct HookInstallerTests {
    /// fmadd's hook as the command would give it: it records that it ran, and fails when
    /// `FAIL_FMADD` exists in the work tree.
    private func fmaddScript(log: String) -> String {
        """
        #!/bin/sh
        echo fmadd >> "\(log)"
        if [ -e FAIL_FMADD ]; then exit 1; fi
        exit 0
        """
    }

    private func foreignScript(log: String) -> String {
        """
        #!/bin/sh
        echo foreign >> "\(log)"
        if [ -e FAIL_FOREIGN ]; then exit 1; fi
        exit 0
        """
    }

    /// Makes a commit with the real `git commit` and returns which hooks ran, in order.
    private func commitRunsHooks(_ fixture: TestRepository, log: String, in folder: String? = nil) throws -> (committed: Bool, ran: [String]) {
        try? FileManager.default.removeItem(atPath: log)
        let before = try fixture.gitStatus("rev-parse", "HEAD", in: folder).output
        let result = try fixture.gitStatus("commit", "-q", "--allow-empty", "-m", "hooked", in: folder)
        let after = try fixture.gitStatus("rev-parse", "HEAD", in: folder).output
        let ran = (try? String(contentsOfFile: log, encoding: .utf8))?.split(separator: "\n").map(String.init) ?? []
        return (result.status == 0 && before != after, ran)
    }

    private func writeHook(_ text: String, at path: String) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        try run("/bin/chmod", ["+x", path], in: "/")
    }

    @Test func installsWhereGitRunsHooksAndGitRunsIt() throws {
        let fixture = try TestRepository()
        let log = fixture.sandbox + "/hooks.log"
        let installer = try HookInstaller(repository: try fixture.open())
        #expect(installer.hooksDirectory == (try fixture.value("rev-parse", "--path-format=absolute", "--git-path", "hooks")))

        #expect(try installer.install(script: fmaddScript(log: log)) == .installed)

        let installed = try String(contentsOfFile: installer.hookPath, encoding: .utf8)
        #expect(installed.hasPrefix("#!/bin/sh\n\(HookInstaller.marker)"))
        #expect(FileManager.default.isExecutableFile(atPath: installer.hookPath))
        #expect(try commitRunsHooks(fixture, log: log) == (true, ["fmadd"]))
        try fixture.write("FAIL_FMADD", "")
        #expect(try commitRunsHooks(fixture, log: log) == (false, ["fmadd"]))
    }

    @Test func keepsAForeignHookUnlessForcedThenChainsAndRestoresIt() throws {
        let fixture = try TestRepository()
        let log = fixture.sandbox + "/hooks.log"
        let installer = try HookInstaller(repository: try fixture.open())
        let foreign = foreignScript(log: log)
        try writeHook(foreign, at: installer.hookPath)

        let error = #expect(throws: GitError.self) { try installer.install(script: fmaddScript(log: log)) }
        #expect(error == .foreignHook(path: installer.hookPath))
        #expect(error?.description.contains("--force") == true)
        #expect(try String(contentsOfFile: installer.hookPath, encoding: .utf8) == foreign)
        #expect(!FileManager.default.fileExists(atPath: installer.chainedHookPath))

        #expect(try installer.install(script: fmaddScript(log: log), force: true) == .installedChaining)
        #expect(try String(contentsOfFile: installer.chainedHookPath, encoding: .utf8) == foreign)
        #expect(try commitRunsHooks(fixture, log: log) == (true, ["foreign", "fmadd"]))
        try fixture.write("FAIL_FOREIGN", "")
        #expect(try commitRunsHooks(fixture, log: log) == (false, ["foreign"]))
        try FileManager.default.removeItem(atPath: fixture.path + "/FAIL_FOREIGN")

        // Installing again updates fmadd's hook and keeps the chained one.
        #expect(try installer.install(script: fmaddScript(log: log) + "\n# v2\n") == .updated)
        #expect(try String(contentsOfFile: installer.chainedHookPath, encoding: .utf8) == foreign)
        #expect(try commitRunsHooks(fixture, log: log) == (true, ["foreign", "fmadd"]))

        #expect(try installer.uninstall() == .removedAndRestored)
        #expect(try String(contentsOfFile: installer.hookPath, encoding: .utf8) == foreign)
        #expect(!FileManager.default.fileExists(atPath: installer.chainedHookPath))
        #expect(try commitRunsHooks(fixture, log: log) == (true, ["foreign"]))

        #expect(throws: GitError.notFmaddHook(path: installer.hookPath)) { try installer.uninstall() }
        #expect(try String(contentsOfFile: installer.hookPath, encoding: .utf8) == foreign)
    }

    @Test func refusesToChainOverAnEarlierChainedHook() throws {
        let fixture = try TestRepository()
        let installer = try HookInstaller(repository: try fixture.open())
        try writeHook(foreignScript(log: "/dev/null"), at: installer.hookPath)
        try writeHook("#!/bin/sh\n# kept from before\n", at: installer.chainedHookPath)
        #expect(throws: GitError.chainedHookExists(path: installer.chainedHookPath)) {
            try installer.install(script: fmaddScript(log: "/dev/null"), force: true)
        }
        #expect(try String(contentsOfFile: installer.hookPath, encoding: .utf8) == foreignScript(log: "/dev/null"))
    }

    @Test func uninstallsWhatItInstalled() throws {
        let fixture = try TestRepository()
        let installer = try HookInstaller(repository: try fixture.open())
        #expect(try installer.uninstall() == .notInstalled)
        try installer.install(script: fmaddScript(log: "/dev/null"))
        #expect(try installer.uninstall() == .removed)
        #expect(!FileManager.default.fileExists(atPath: installer.hookPath))
    }

    @Test func followsARelativeCoreHooksPath() throws {
        let fixture = try TestRepository()
        let log = fixture.sandbox + "/hooks.log"
        try fixture.git("config", "core.hooksPath", ".githooks")
        try FileManager.default.createDirectory(atPath: fixture.path + "/docs", withIntermediateDirectories: true)
        let installer = try HookInstaller(repository: try fixture.open(from: "docs"))
        #expect(installer.hooksDirectory == fixture.path + "/.githooks")

        try installer.install(script: fmaddScript(log: log))

        #expect(FileManager.default.fileExists(atPath: fixture.path + "/.githooks/pre-commit"))
        #expect(!FileManager.default.fileExists(atPath: fixture.path + "/.git/hooks/pre-commit"))
        #expect(try commitRunsHooks(fixture, log: log, in: fixture.path + "/docs") == (true, ["fmadd"]))
    }

    @Test func installsInTheSharedHooksFolderFromALinkedWorkTree() throws {
        let fixture = try TestRepository()
        let log = fixture.sandbox + "/hooks.log"
        try fixture.commitAll("first", "README.md", "# List\n")
        let linked = fixture.sandbox + "/linked"
        try fixture.git("worktree", "add", "-q", "-b", "feature", linked)
        let foreign = foreignScript(log: log)
        try writeHook(foreign, at: fixture.path + "/.git/hooks/pre-commit")

        let installer = try HookInstaller(repository: try Repository(discoveringFrom: linked))
        #expect(installer.hooksDirectory == fixture.path + "/.git/hooks")
        #expect(installer.hooksDirectory == (try fixture.git("rev-parse", "--path-format=absolute", "--git-common-dir", in: linked)
            .trimmingCharacters(in: .newlines) + "/hooks"))
        try installer.install(script: fmaddScript(log: log), force: true)

        #expect(try commitRunsHooks(fixture, log: log, in: linked) == (true, ["foreign", "fmadd"]))
        #expect(try commitRunsHooks(fixture, log: log) == (true, ["foreign", "fmadd"]))
        try installer.uninstall()
        #expect(try commitRunsHooks(fixture, log: log, in: linked) == (true, ["foreign"]))
    }

    @Test func takesOnlyShellScripts() throws {
        #expect(throws: GitError.hookScriptNotShell) { try HookInstaller.installedScript("#!/usr/bin/env python3\nprint()\n") }
        #expect(throws: GitError.hookScriptNotShell) { try HookInstaller.installedScript("echo no shebang\n") }
        #expect(try HookInstaller.installedScript("#!/usr/bin/env bash\nexit 0\n").hasSuffix("\nexit 0\n"))
        #expect(try HookInstaller.installedScript("#!/bin/dash -e\nexit 0").contains(HookInstaller.marker))
    }
}
