import Foundation
import FMTestSupport
import Testing

/// Each command's `--help`, word for word, in `Tests/Fixtures/help/`: a changed option or
/// description shows in the diff of the file. `GeneratedFilesTests` compares them and
/// `Scripts/regenerate` writes them.
@Suite struct HelpTests {
    static let folder = Paths.fixtures.appendingPathComponent("help")

    static let commands: [[String]] = [
        [], ["add"], ["check"], ["dedupe"], ["export"], ["fix"], ["hook"], ["hook", "install"], ["hook", "uninstall"], ["init"],
        ["issue-form"], ["pr"], ["refresh"], ["rules"], ["schema"], ["stats"], ["validate"],
    ]

    /// `fmadd.txt` for the root command, `hook-install.txt` for `fmadd hook install`.
    static func file(_ command: [String]) -> URL {
        folder.appendingPathComponent((["fmadd"] + command).dropFirst(command.isEmpty ? 0 : 1).joined(separator: "-") + ".txt")
    }

    /// What `fmadd COMMAND --help` prints, at a fixed width (the help is wrapped to the terminal's).
    static func help(_ command: [String]) throws -> String {
        let result = try Fmadd.run(command + ["--help"], environment: ["COLUMNS": "80"])
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout
    }

    @Test func noFileIsLeftOverFromACommandThatIsGone() throws {
        let expected = Set(Self.commands.map { Self.file($0).lastPathComponent })
        let files = Set((try? FileManager.default.contentsOfDirectory(atPath: Self.folder.path)) ?? [])
        if GeneratedFilesTests.regenerating {
            for name in files.subtracting(expected) { try FileManager.default.removeItem(at: Self.folder.appendingPathComponent(name)) }
            return
        }
        #expect(files.subtracting(expected).isEmpty, "no command has these help files: remove them")
    }
}
