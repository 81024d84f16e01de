import Foundation
import FMTestSupport

/// Runs the real `fmadd` binary, as a user would.
enum Fmadd {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The binary beside the test bundle (`swift build` puts both in one folder), or `FMADD_BIN`.
    static let binary: URL = {
        if let path = ProcessInfo.processInfo.environment["FMADD_BIN"] { return URL(fileURLWithPath: path) }
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while folder.path != "/" {
            let candidate = folder.appendingPathComponent("fmadd")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return Paths.repository.appendingPathComponent(".build/debug/fmadd")
    }()

    @discardableResult
    static func run(_ arguments: [String], in folder: URL? = nil, stdin: Data? = nil, environment extra: [String: String] = [:],
                    timeout: TimeInterval? = nil) throws -> Result {
        let process = configured(arguments, in: folder, environment: extra)
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        // A run that hangs is ended, so that the test fails instead of waiting forever.
        let watchdog = timeout.map { seconds in
            let pid = process.processIdentifier
            let timer = DispatchSource.makeTimerSource()
            timer.schedule(deadline: .now() + seconds)
            timer.setEventHandler { kill(pid, SIGKILL) }
            timer.resume()
            return timer
        }
        defer { watchdog?.cancel() }
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        // Read both pipes before waiting, so a large report cannot block the child.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Starts the binary without waiting for it, its output discarded.
    static func start(_ arguments: [String], in folder: URL? = nil, environment extra: [String: String] = [:]) throws -> Process {
        let process = configured(arguments, in: folder, environment: extra)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return process
    }

    private static func configured(_ arguments: [String], in folder: URL?, environment extra: [String: String]) -> Process {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        // A home of its own: the machine's git configuration (identities, URL rewrites) stays out.
        environment["HOME"] = emptyHome.path
        environment.merge(extra) { $1 }
        process.environment = environment
        return process
    }

    static let emptyHome: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("fmadd-test-home-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    /// A new empty folder.
    static func temporaryFolder() throws -> URL { try TemporaryFolder.make() }
}
