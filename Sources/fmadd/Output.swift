import ArgumentParser
import Foundation
import FMList
import FMRules
import FMWorkflows

/// fmadd's exit statuses.
enum ExitStatus: Int32 {
    /// Done, and nothing is wrong.
    case success = 0
    /// Errors found, an entry refused, or a duplicate left.
    case findings = 1
    /// The tool could not do its work: a file, the repository or a schema could not be used.
    case failure = 2
    /// The arguments do not say what to do.
    case usage = 64

    /// Ends the process after flushing standard output, skipping the teardown of large
    /// in-memory models (which can take longer than the work itself on a big list).
    func exit() -> Never {
        fflush(nil)
        Foundation.exit(rawValue)
    }
}

/// A subcommand that runs a workflow, prints what it did, and says how it ends: the one place
/// each command decides its exit status.
protocol WorkflowCommand: ParsableCommand {
    func execute() throws(WorkflowFailure) -> ExitStatus
}

extension WorkflowCommand {
    func run() throws {
        do { try execute().exit() } catch { fail(error).exit() }
    }

    /// A usage error found once the list is read, printed with this command's usage (not the
    /// root command's, which the argument parser shows for an error thrown from `run`).
    func usage(_ message: String) -> ExitStatus {
        let name = Self.configuration.commandName ?? ""
        StandardError.write("Error: \(message)\nUsage: fmadd " + Self.usageString() + "\n  See 'fmadd \(name) --help' for more information.")
        return .usage
    }

    /// A failure of the tool, said on standard error.
    func fail(_ failure: WorkflowFailure) -> ExitStatus {
        StandardError.error(failure)
        return .failure
    }
}

/// What fmadd tells the user beside its output. Control characters from a list or a file name
/// are shown as escapes: only the message's own line breaks and tabs reach the terminal.
enum StandardError {
    /// `fmadd: error: …`
    static func error(_ message: some CustomStringConvertible) { write("fmadd: error: \(message)") }
    /// `fmadd: warning: …`
    static func warning(_ message: some CustomStringConvertible) { write("fmadd: warning: \(message)") }
    /// `fmadd: …`
    static func note(_ message: String) { write("fmadd: " + message) }

    static func write(_ message: String) {
        FileHandle.standardError.write(Data((ControlCharacters.escaped(message, keeping: ["\n", "\t"]) + "\n").utf8))
    }
}

/// Collects output and writes it in large pieces: a million findings should not be a million
/// system calls.
struct StandardOutput {
    private var text = ""

    mutating func append(_ piece: String) {
        text += piece
        if text.utf8.count >= 1 << 16 { flush() }
    }

    mutating func flush() {
        Self.write(text)
        text = ""
    }

    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func write(bytes: [UInt8]) {
        FileHandle.standardOutput.write(Data(bytes))
    }
}

/// The report formats of `check` and `validate`.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, github, sarif, junit

    static let help = "Output format: \(allCases.map(\.rawValue).joined(separator: ", "))."

    /// The reporter for this format; text is coloured on a terminal unless NO_COLOR is set.
    var reporter: any Reporter {
        switch self {
        case .text: return TextReporter(color: isatty(STDOUT_FILENO) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil)
        case .json: return JSONReporter()
        case .github: return GitHubReporter()
        case .sarif: return SARIFReporter(version: Fmadd.version)
        case .junit: return JUnitReporter()
        }
    }
}
