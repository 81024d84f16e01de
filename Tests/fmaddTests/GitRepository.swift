import Foundation

/// A real git repository in a temporary folder, holding a copy of a list as README.md.
struct GitRepository {
    let folder: URL
    var readme: URL { folder.appendingPathComponent("README.md") }

    init(list: URL) throws {
        folder = try Fmadd.temporaryFolder()
        try Data(contentsOf: list).write(to: folder.appendingPathComponent("README.md"))
        try git("init", "-q", "-b", "main")
        try git("config", "user.name", "Test Contributor")
        try git("config", "user.email", "contributor@example.org")
        try git("add", "README.md")
        try git("commit", "-q", "-m", "The list")
    }

    @discardableResult
    func git(_ arguments: String...) throws -> String {
        try run(arguments)
    }

    func run(_ arguments: [String]) throws -> String {
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

    func readmeBytes() throws -> Data { try Data(contentsOf: readme) }
}
