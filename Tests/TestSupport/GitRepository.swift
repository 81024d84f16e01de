import Foundation

/// A real git repository in a temporary folder, holding a copy of a list as README.md.
public struct GitRepository {
    public let folder: URL
    public var readme: URL { folder.appendingPathComponent("README.md") }

    public init(list: URL) throws {
        folder = try TemporaryFolder.make()
        try Data(contentsOf: list).write(to: folder.appendingPathComponent("README.md"))
        try git("init", "-q", "-b", "main")
        try git("config", "user.name", "Test Contributor")
        try git("config", "user.email", "contributor@example.org")
        try git("add", "README.md")
        try git("commit", "-q", "-m", "The list")
    }

    @discardableResult
    public func git(_ arguments: String...) throws -> String {
        try run(arguments)
    }

    public func run(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = folder
        let out = Pipe()
        process.standardOutput = out
        process.standardError = Pipe()
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    public func readmeBytes() throws -> Data { try Data(contentsOf: readme) }
}

/// New empty folders for a test to work in.
public enum TemporaryFolder {
    /// A new empty folder in the system's temporary folder.
    public static func make() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("fmadd-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
