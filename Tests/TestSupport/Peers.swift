import Foundation

/// The Python tools that `bash .ci/setup` installs in `.build/peers-venv`, for tests that compare
/// fmadd with them.
public enum Peers {
    public static let bin = Paths.repository.appendingPathComponent(".build/peers-venv/bin")

    /// Runs a tool of the virtual environment and returns its standard output.
    public static func run(_ tool: String, _ arguments: [String], stdin: String? = nil) throws -> String {
        let executable = bin.appendingPathComponent(tool)
        guard FileManager.default.isExecutableFile(atPath: executable.path) else {
            throw PeerMissing(tool: tool)
        }
        return try Command.run(executable, arguments, stdin: stdin).output
    }

    public struct PeerMissing: Error, CustomStringConvertible {
        public var tool: String
        public var description: String { "\(tool) is not installed in .build/peers-venv: run `bash .ci/setup` first" }
    }
}
