import Foundation
import FMWorkflows
import FMTestSupport
import Testing

/// The files made from other files, each with what makes it. A stale one fails here;
/// `Scripts/regenerate` (this suite with `FMADD_REGENERATE=1`) writes them all, to review in the
/// diff and commit.
@Suite struct GeneratedFilesTests {
    struct Generated: Sendable, CustomTestStringConvertible {
        /// The file, from the repository's top.
        let path: String
        /// Where it comes from, for the message.
        let source: String
        /// Its content as it should be.
        let make: @Sendable () throws -> String?
        var executable = false
        var testDescription: String { path }
    }

    static let regenerating = ProcessInfo.processInfo.environment["FMADD_REGENERATE"] == "1"

    static let files: [Generated] = [
        Generated(path: "Sources/FMSchema/BuiltIn/BuiltInSchemas.swift", source: "the files of Schemas/") {
            BuiltInSchemasSource.render(try BuiltInSchemasSource.schemaFiles())
        },
        Generated(path: "CONTRIBUTING.md", source: "`fmadd rules --markdown`, between the fmadd-rules markers") {
            try contributingWithRules()
        },
        Generated(path: "Hooks/pre-commit", source: "PreCommitHook.script, which `fmadd hook install` writes", make: { PreCommitHook.script },
                  executable: true),
        Generated(path: "Examples/healthcare-list-stats.svg", source: "`fmadd stats --format svg Examples/healthcare-list.md`, which README.md shows") {
            let chart = try Fmadd.run(["stats", "--format", "svg", "Examples/healthcare-list.md"], in: Paths.repository)
            return chart.status == 0 ? chart.stdout : nil
        },
    ] + HelpTests.commands.map { command in
        Generated(path: "Tests/Fixtures/help/" + HelpTests.file(command).lastPathComponent,
                  source: "`fmadd \((command + ["--help"]).joined(separator: " "))` at 80 columns") { try HelpTests.help(command) }
    }

    @Test(arguments: files)
    func isUpToDate(_ file: Generated) throws {
        try Self.check(file)
    }

    /// The width tables come from a Python package, in the tools' environment.
    @Test(.enabled(if: Needs.peers, Comment(rawValue: Needs.peersReason)))
    func widthTablesAreUpToDate() throws {
        try Self.check(Generated(path: "Sources/FMList/Text/DisplayWidthTables.swift",
                                 source: "Scripts/generate-width-tables.py and the wcwidth of .ci/requirements-peers.txt", make: Self.widthTables))
    }

    static func check(_ file: Generated) throws {
        let expected = try #require(try file.make(), "\(file.path): its generator did not run")
        let url = Paths.repository.appendingPathComponent(file.path)
        let current = try? String(contentsOf: url, encoding: .utf8)
        if Self.regenerating {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            if current != expected { try Data(expected.utf8).write(to: url, options: .atomic) }
            if file.executable { try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path) }
            return
        }
        #expect(current == expected, "\(file.path) is stale: it is made from \(file.source); run Scripts/regenerate and commit it")
        if file.executable {
            let mode = try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int
            #expect(mode.map { $0 & 0o111 != 0 } == true, "\(file.path) must be executable")
        }
    }

    static func contributingWithRules() throws -> String {
        let generated = try Fmadd.run(["rules", "--markdown"])
        #expect(generated.status == 0)
        let contributing = try String(contentsOf: Paths.repository.appendingPathComponent("CONTRIBUTING.md"), encoding: .utf8)
        let begin = try #require(contributing.range(of: "<!-- fmadd-rules:begin -->\n"))
        let end = try #require(contributing.range(of: "<!-- fmadd-rules:end -->"))
        return String(contributing[..<begin.upperBound]) + generated.stdout + String(contributing[end.lowerBound...])
    }

    /// The width tables as the script writes them from the wcwidth it pins.
    @Sendable static func widthTables() throws -> String? {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("fmadd-widths-\(UUID().uuidString).swift")
        defer { try? FileManager.default.removeItem(at: output) }
        let script = Process()
        script.executableURL = Peers.bin.appendingPathComponent("python")
        script.arguments = [Paths.repository.appendingPathComponent("Scripts/generate-width-tables.py").path, output.path]
        try script.run()
        script.waitUntilExit()
        guard script.terminationStatus == 0 else { return nil }
        return try String(contentsOf: output, encoding: .utf8)
    }
}
