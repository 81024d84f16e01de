import Foundation
import FMTestSupport
import Testing

/// Each command's `--help`, word for word, against `Tests/Fixtures/help/`: a changed option or
/// description shows in the diff of the file. `FMADD_UPDATE_GOLDEN=1` rewrites the files.
@Suite struct HelpTests {
    static let folder = Paths.fixtures.appendingPathComponent("help")
    static let updateVariable = "FMADD_UPDATE_GOLDEN"

    static let commands: [[String]] = [
        [], ["add"], ["check"], ["dedupe"], ["fix"], ["hook"], ["hook", "install"], ["hook", "uninstall"],
        ["pr"], ["rules"], ["schema"], ["validate"],
    ]

    /// `fmadd.txt` for the root command, `hook-install.txt` for `fmadd hook install`.
    static func file(_ command: [String]) -> URL {
        folder.appendingPathComponent((["fmadd"] + command).dropFirst(command.isEmpty ? 0 : 1).joined(separator: "-") + ".txt")
    }

    @Test(arguments: commands)
    func helpMatchesItsFile(_ command: [String]) throws {
        // A fixed width: the help is wrapped to the terminal's.
        let result = try Fmadd.run(command + ["--help"], environment: ["COLUMNS": "80"])
        #expect(result.status == 0, "\(result.stderr)")
        let file = Self.file(command)
        let expected = try? String(contentsOf: file, encoding: .utf8)
        if expected == result.stdout { return }
        if ProcessInfo.processInfo.environment[Self.updateVariable] == "1" {
            try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
            try Data(result.stdout.utf8).write(to: file, options: .atomic)
            print("wrote \(file.path)")
            return
        }
        Issue.record("""
            `fmadd \(command.joined(separator: " ")) --help` differs from Tests/Fixtures/help/\(file.lastPathComponent): \
            run `\(Self.updateVariable)=1 swift test --filter HelpTests`, then review and commit the files
            """)
    }

    @Test func noFileIsLeftOverFromACommandThatIsGone() throws {
        let expected = Set(Self.commands.map { Self.file($0).lastPathComponent })
        let files = Set((try? FileManager.default.contentsOfDirectory(atPath: Self.folder.path)) ?? [])
        if ProcessInfo.processInfo.environment[Self.updateVariable] == "1" {
            for name in files.subtracting(expected) { try FileManager.default.removeItem(at: Self.folder.appendingPathComponent(name)) }
            return
        }
        #expect(files.subtracting(expected).isEmpty, "no command has these help files: remove them")
    }
}
