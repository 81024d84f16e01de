import CLibGit2
import FMGit
import Foundation

/// A command that exited with a failure status.
struct CommandFailed: Error, CustomStringConvertible {
    let command: String
    let status: Int32
    let output: String
    var description: String { "`\(command)` exited with \(status): \(output)" }
}

/// One git configuration for the whole test process, empty but for what a test adds, so the
/// machine's identity and settings never leak in: the `git` command gets it through `HOME` and
/// `GIT_CONFIG_GLOBAL`, libgit2 through its search paths (it reads `HOME` only once, at start).
enum TestEnvironment {
    static let home: String = {
        let home = makeTemporaryFolder("fmgit-home")
        precondition(FileManager.default.createFile(atPath: home + "/.gitconfig", contents: Data()))
        git_libgit2_init()
        for level in [GIT_CONFIG_LEVEL_GLOBAL, GIT_CONFIG_LEVEL_XDG, GIT_CONFIG_LEVEL_SYSTEM, GIT_CONFIG_LEVEL_PROGRAMDATA] {
            fmadd_git_set_search_path(level, home)
        }
        return home
    }()

    static let gitEnvironment: [String: String] = [
        "HOME": home, "GIT_CONFIG_GLOBAL": home + "/.gitconfig", "GIT_CONFIG_NOSYSTEM": "1",
        "PATH": "/usr/local/bin:/usr/bin:/bin", "LC_ALL": "C", "GIT_TERMINAL_PROMPT": "0",
    ]
}

func makeTemporaryFolder(_ prefix: String) -> String {
    let template = FileManager.default.temporaryDirectory.path + "/\(prefix)-XXXXXX"
    var bytes = Array(template.utf8CString)
    let made = bytes.withUnsafeMutableBufferPointer { buffer -> String? in
        guard let base = buffer.baseAddress else { return nil }
        return mkdtemp(base).map { String(cString: $0) }
    }
    guard let made else { preconditionFailure("cannot create a temporary folder from \(template)") }
    // Resolved, as git and libgit2 print paths (no symbolic links).
    return URL(fileURLWithPath: made).resolvingSymlinksInPath().path
}

/// Runs a program and returns its standard output; throws when it fails.
@discardableResult
func run(
    _ program: String, _ arguments: [String], in folder: String, environment: [String: String] = [:],
    allowFailure: Bool = false
) throws -> (status: Int32, output: String, errors: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: program)
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: folder)
    process.environment = TestEnvironment.gitEnvironment.merging(environment) { $1 }
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let outputData = output.fileHandleForReading.readDataToEndOfFile()
    let errorData = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let result = (
        process.terminationStatus, String(decoding: outputData, as: UTF8.self), String(decoding: errorData, as: UTF8.self)
    )
    if result.0 != 0 && !allowFailure {
        throw CommandFailed(command: ([program] + arguments).joined(separator: " "), status: result.0, output: result.1 + result.2)
    }
    return result
}

/// A git repository in a temporary folder, removed when the value goes away.
final class TestRepository {
    /// The folder that holds the work tree (and anything else a test makes beside it).
    let sandbox: String
    /// The work tree root.
    let path: String

    /// A new repository on `main`, with an identity in its own configuration unless told not to.
    init(identity: Bool = true, bare: Bool = false) throws {
        _ = TestEnvironment.home
        sandbox = makeTemporaryFolder("fmgit-test")
        path = sandbox + "/repo"
        try run("/usr/bin/git", ["init", "-q", "-b", "main"] + (bare ? ["--bare"] : []) + [path], in: sandbox)
        if identity {
            try git("config", "user.name", "Test Author")
            try git("config", "user.email", "author@example.com")
        }
    }

    deinit {
        // Tests may chown files to another user; root can remove them all the same.
        try? FileManager.default.removeItem(atPath: sandbox)
    }

    /// Runs `git` in the work tree and returns its standard output.
    @discardableResult
    func git(_ arguments: String..., in folder: String? = nil, environment: [String: String] = [:]) throws -> String {
        try run("/usr/bin/git", arguments, in: folder ?? path, environment: environment).output
    }

    /// Runs `git` and returns its exit status and all it printed, without throwing on failure.
    func gitStatus(_ arguments: String..., in folder: String? = nil) throws -> (status: Int32, output: String) {
        let result = try run("/usr/bin/git", arguments, in: folder ?? path, allowFailure: true)
        return (result.status, result.output + result.errors)
    }

    /// The trimmed output of a git command that prints one value.
    func value(_ arguments: String...) throws -> String {
        try run("/usr/bin/git", arguments, in: path).output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func write(_ file: String, _ text: String) throws {
        let url = URL(fileURLWithPath: path + "/" + file)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func read(_ file: String) throws -> String {
        try String(decoding: Data(contentsOf: URL(fileURLWithPath: path + "/" + file)), as: UTF8.self)
    }

    func exists(_ file: String) -> Bool {
        FileManager.default.fileExists(atPath: path + "/" + file)
    }

    /// Writes `text` to `file` in the work tree and returns it as the bytes to commit, the way
    /// `fmadd add` writes the list before committing it.
    func edit(_ file: String, _ text: String) throws -> [UInt8] {
        try write(file, text)
        return Array(text.utf8)
    }

    func open(from subfolder: String = "") throws -> Repository {
        try Repository(discoveringFrom: subfolder.isEmpty ? path : path + "/" + subfolder)
    }

    /// Commits everything staged, with `file` set to `text` first when given.
    @discardableResult
    func commitAll(_ message: String, _ file: String? = nil, _ text: String = "") throws -> String {
        if let file {
            try write(file, text)
            try git("add", file)
        }
        try git("commit", "-q", "--allow-empty", "-m", message)
        return try value("rev-parse", "HEAD")
    }

    /// Everything a refused commit must leave as it was: HEAD, every reference, the index,
    /// the work tree's status and the number of objects.
    func snapshot() throws -> [String] {
        [
            try gitStatus("rev-parse", "HEAD").output,
            try gitStatus("symbolic-ref", "-q", "HEAD").output,
            try git("for-each-ref"),
            try git("ls-files", "--stage"),
            try git("status", "--porcelain=v1", "--untracked-files=all"),
            try git("count-objects"),
            exists(".git/index.lock") ? "locked" : "unlocked",
        ]
    }
}
