import ArgumentParser
import Foundation
import FMGit
import FMList
import FMRules
import FMSchema

/// Options every command that reads a list shares.
struct ListOptions: ParsableArguments {
    @Argument(help: "The list files (default: the configured list file of the repository around the current folder, README.md).")
    var files: [String] = []

    @Option(name: .long, help: "A configuration file to use instead of the .fmadd.yml found beside the list.")
    var config: String?

    /// Each list file with its configuration. Leftovers of an interrupted write beside each
    /// list are cleared on the way.
    func resolveAll() throws(ListError) -> [(path: String, configuration: Configuration)] {
        let lists = try resolveConfigured()
        var warned = Set<String>()
        for (_, configuration) in lists where warned.insert(configuration.source ?? "").inserted {
            Self.warnAboutUnknownRules(in: configuration)
        }
        for (path, _) in lists {
            let url = URL(fileURLWithPath: path)
            AtomicFile.removeLeftovers(in: url.deletingLastPathComponent().path, for: url.lastPathComponent)
        }
        return lists
    }

    /// A rule id in `rules:` that no rule has would silently change nothing: say so, with the
    /// nearest id.
    static func warnAboutUnknownRules(in configuration: Configuration) {
        let known = RuleRegistry.all.map { $0.description.id }
        for id in configuration.rules.keys.sorted() where !known.contains(id) {
            let nearest = Spelling.closest(to: id, among: known) ?? known.first { $0.contains(id) || id.contains($0) }
            let hint = nearest.map { "did you mean '\($0)'?" } ?? "`fmadd rules` lists them"
            printError("fmadd: warning: \(configuration.source ?? ".fmadd.yml"): `rules:` names an unknown rule '\(id)'; \(hint)")
        }
    }

    private func resolveConfigured() throws(ListError) -> [(path: String, configuration: Configuration)] {
        let cwd = FileManager.default.currentDirectoryPath
        if let config {
            let configuration = try Configuration.load(path: config)
            let paths = files.isEmpty ? [try Self.defaultPath(for: configuration, near: cwd)] : files
            return paths.map { ($0, configuration) }
        }
        if files.isEmpty {
            let configuration = try Configuration.discover(from: cwd)
            return [(try Self.defaultPath(for: configuration, near: cwd), configuration)]
        }
        var result: [(path: String, configuration: Configuration)] = []
        for file in files {
            let folder = URL(fileURLWithPath: file).deletingLastPathComponent().path
            result.append((file, try Configuration.discover(from: folder)))
        }
        return result
    }

    /// The configured list file, relative to the configuration's folder (and inside its
    /// repository) or the repository's top.
    private static func defaultPath(for configuration: Configuration, near cwd: String) throws(ListError) -> String {
        if let path = try configuration.configuredListPath() { return path }
        var url = URL(fileURLWithPath: cwd)
        while true {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent(".git").path) {
                return relative(url.appendingPathComponent(configuration.listFile).path, to: cwd)
            }
            let parent = url.deletingLastPathComponent()
            if parent.path == url.path { return configuration.listFile }
            url = parent
        }
    }

    private static func relative(_ path: String, to cwd: String) -> String {
        let prefix = cwd.hasSuffix("/") ? cwd : cwd + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}

/// Exit codes: 0 clean, 1 errors found, 2 the tool failed, 64 a usage error.
enum Exit {
    static let findings = ExitCode(1)
    static let failure = ExitCode(2)
}

/// Runs `body`, turning a tool failure (the list, git or a schema) into its message on standard
/// error and exit 2; usage errors pass through to the argument parser.
func reportingFailures<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as ListError {
        printError("fmadd: error: \(error)")
        throw Exit.failure
    } catch let error as GitError {
        printError("fmadd: error: \(error)")
        throw Exit.failure
    } catch let error as SchemaError {
        printError("fmadd: error: \(error)")
        throw Exit.failure
    }
}

/// Ends the process with `code` after flushing standard output, skipping the teardown of large
/// in-memory models (which can take longer than the work itself on a big list).
func exitNow(_ code: ExitCode) -> Never {
    fflush(nil)
    exit(code.rawValue)
}

/// Prints a message on standard error, control characters from the list or a file name shown
/// as escapes: only the message's own line breaks and tabs reach the terminal.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((ControlCharacters.escaped(message, keeping: ["\n", "\t"]) + "\n").utf8))
}
