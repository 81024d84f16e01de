import Foundation

/// Installs fmadd's pre-commit hook where git runs hooks: `core.hooksPath` when set, else the
/// `hooks` folder shared by all work trees. A pre-commit hook that is not fmadd's is never
/// overwritten: with `force` it is kept as `pre-commit.fmadd-chained` and run first by
/// fmadd's hook, and uninstalling puts it back.
public struct HookInstaller: Equatable, Sendable {
    /// The line that marks a hook as fmadd's.
    public static let marker = "# fmadd-hook"
    public static let hookName = "pre-commit"
    public static let chainedHookName = "pre-commit.fmadd-chained"

    /// The folder git runs hooks from.
    public let hooksDirectory: String
    public var hookPath: String { hooksDirectory + "/" + HookInstaller.hookName }
    /// Where a pre-commit hook found at install time is kept.
    public var chainedHookPath: String { hooksDirectory + "/" + HookInstaller.chainedHookName }

    public enum Installation: Equatable, Sendable {
        case installed
        /// fmadd's hook was there and is replaced by the given script.
        case updated
        /// The hook that was there is kept at `chainedHookPath` and runs first.
        case installedChaining
    }

    public enum Removal: Equatable, Sendable {
        case removed
        /// The hook kept at install time is back in place.
        case removedAndRestored
        case notInstalled
    }

    public init(hooksDirectory: String) {
        self.hooksDirectory = hooksDirectory
    }

    /// The installer for the hooks folder git uses in `repository` (`git rev-parse --git-path hooks`).
    public init(repository: Repository) throws(GitError) {
        guard let configured = try repository.configPath("core.hooksPath"), !configured.isEmpty else {
            self.init(hooksDirectory: repository.commonDirectory + "/hooks")
            return
        }
        // git runs hooks from the work tree root (the git folder when bare); a relative
        // core.hooksPath is taken from there.
        let base = repository.workTree ?? repository.gitDirectory
        self.init(hooksDirectory: configured.hasPrefix("/") ? configured : base + "/" + configured)
    }

    /// Installs `script` (a POSIX shell script) as the pre-commit hook.
    /// - Throws: `GitError.foreignHook` when another pre-commit hook is there and `force` is false.
    @discardableResult
    public func install(script: String, force: Bool = false) throws(GitError) -> Installation {
        let installed = try HookInstaller.installedScript(script)
        try createHooksDirectory()
        let outcome: Installation
        switch hookKind(at: hookPath) {
        case .none:
            outcome = .installed
        case .fmadd:
            outcome = .updated
        case .foreign:
            guard force else { throw GitError.foreignHook(path: hookPath) }
            guard hookKind(at: chainedHookPath) == .none else { throw GitError.chainedHookExists(path: chainedHookPath) }
            try move(hookPath, to: chainedHookPath)
            outcome = .installedChaining
        }
        do {
            try writeExecutable(installed, to: hookPath)
        } catch {
            // Without fmadd's hook in place, the kept hook goes back where it was.
            if outcome == .installedChaining { try? move(chainedHookPath, to: hookPath) }
            throw error
        }
        return outcome
    }

    /// Removes fmadd's pre-commit hook and puts back the hook kept at install time.
    /// - Throws: `GitError.notFmaddHook` when the pre-commit hook there is not fmadd's.
    @discardableResult
    public func uninstall() throws(GitError) -> Removal {
        let removed: Bool
        switch hookKind(at: hookPath) {
        case .foreign:
            throw GitError.notFmaddHook(path: hookPath)
        case .fmadd:
            guard unlink(hookPath) == 0 else { throw GitError.posix("remove", hookPath) }
            removed = true
        case .none:
            removed = false
        }
        if hookKind(at: chainedHookPath) != .none {
            try move(chainedHookPath, to: hookPath)
            return .removedAndRestored
        }
        return removed ? .removed : .notInstalled
    }

    /// `script` as installed: after its `#!` line, the marker and the call of the chained hook,
    /// which stops the commit when the chained hook fails (it does nothing when there is none).
    public static func installedScript(_ script: String) throws(GitError) -> String {
        let lines = script.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
        guard let shebang = lines.first, isPOSIXShell(shebang) else { throw GitError.hookScriptNotShell }
        let chainCall = """
            \(marker): installed by `fmadd hook install`, removed by `fmadd hook uninstall`.
            # The pre-commit hook that was here before runs first; when it fails, the commit stops.
            fmadd_chained="$(dirname -- "$0")/\(chainedHookName)"
            if [ -x "$fmadd_chained" ]; then "$fmadd_chained" "$@" || exit $?; fi
            """
        return ([String(shebang), chainCall] + lines.dropFirst().map(String.init)).joined(separator: "\n")
    }

    private static func isPOSIXShell(_ line: Substring) -> Bool {
        guard line.hasPrefix("#!") else { return false }
        let words = line.dropFirst(2).split(separator: " ")
        let program = words.first.map { $0.split(separator: "/").last ?? $0 }
        let interpreter = program == "env" ? words.dropFirst().first : program
        return ["sh", "bash", "dash", "ksh", "zsh"].contains(interpreter.map(String.init) ?? "")
    }

    private enum HookKind { case none, fmadd, foreign }

    private func hookKind(at path: String) -> HookKind {
        var status = stat()
        guard lstat(path, &status) == 0 else { return .none }
        guard let data = FileManager.default.contents(atPath: path) else { return .foreign }
        let text = String(decoding: data, as: UTF8.self)
        return text.split(separator: "\n").contains { $0.hasPrefix(HookInstaller.marker) } ? .fmadd : .foreign
    }

    private func createHooksDirectory() throws(GitError) {
        do {
            try FileManager.default.createDirectory(atPath: hooksDirectory, withIntermediateDirectories: true)
        } catch {
            throw GitError.fileSystem(operation: "create", path: hooksDirectory, reason: error.localizedDescription)
        }
    }

    private func move(_ source: String, to destination: String) throws(GitError) {
        guard rename(source, destination) == 0 else { throw GitError.posix("rename \(source) to", destination) }
    }

    /// Writes beside the destination, then renames: git never runs half a hook.
    private func writeExecutable(_ text: String, to path: String) throws(GitError) {
        let temporary = path + ".fmadd-new"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(text.utf8)) else {
            throw GitError.posix("write", temporary)
        }
        guard chmod(temporary, 0o755) == 0 else {
            unlink(temporary)
            throw GitError.posix("make executable", temporary)
        }
        guard rename(temporary, path) == 0 else {
            unlink(temporary)
            throw GitError.posix("install", path)
        }
    }
}
