import Foundation
import FMSchema
import FMTestSupport
import Testing

@Suite struct ExportCommandTests {
    let upstream = Paths.healthcareList.path
    let example = Paths.repository.appendingPathComponent("Examples/healthcare-list.md").path

    /// JSON Lines (the default) and a JSON array say the same, one record for each entry, in the
    /// list's order, each naming its file.
    @Test func jsonLinesAndAJSONArrayParseBackAndAreEqual() throws {
        let lines = try Fmadd.run(["export", upstream])
        #expect(lines.status == 0, "\(lines.stderr)")
        #expect(lines.stdout.hasSuffix("}\n"))
        let records = try lines.stdout.split(separator: "\n").map { try JSONValue(jsonText: String($0)) }
        let array = try Fmadd.run(["export", "--format", "json", upstream])
        #expect(array.status == 0, "\(array.stderr)")
        #expect(try JSONValue(jsonText: array.stdout) == .array(records))
        #expect(records.count > 200)
        let numbers = records.compactMap { $0["listed"]?["line"]?.intValue }
        #expect(numbers.count == records.count && numbers == numbers.sorted())
        #expect(records.allSatisfy { $0["listed"]?["file"] == .string(upstream) && $0["category"]?.stringValue != nil })
        #expect(records.contains { $0["name"] != nil } && records.contains { $0["title"] != nil })
    }

    @Test func aListWithoutEntriesIsAnEmptyArray() throws {
        let folder = try Fmadd.temporaryFolder()
        let list = folder.appendingPathComponent("README.md")
        try Data("# A list\n\nNothing yet.\n".utf8).write(to: list)
        let json = try Fmadd.run(["export", "--format", "json", list.path])
        #expect(json.status == 0 && json.stdout == "[]\n", "\(json.stderr)")
        let lines = try Fmadd.run(["export", list.path])
        #expect(lines.status == 0 && lines.stdout.isEmpty, "\(lines.stderr)")
    }

    /// A record of the export, its line taken out of the list, is added back by `add --from`
    /// where it was, as it was.
    @Test func anExportedRecordIsAddedBackByAddFrom() throws {
        let repo = try GitRepository(list: URL(fileURLWithPath: example))
        let before = try repo.readmeText()
        let exported = try Fmadd.run(["export", "README.md"], in: repo.folder)
        #expect(exported.status == 0, "\(exported.stderr)")
        let record = try #require(exported.stdout.split(separator: "\n").first { $0.contains(#""line":24,"#) })
        let entries = repo.folder.appendingPathComponent("entries.json")
        try Data(record.utf8).write(to: entries)
        var lines = before.components(separatedBy: "\n")
        lines.remove(at: 23)
        try Data(lines.joined(separator: "\n").utf8).write(to: repo.readme)
        let added = try Fmadd.run(["add", "--no-commit", "--from", entries.path, "README.md"], in: repo.folder)
        #expect(added.status == 0, "\(added.stderr)")
        #expect(try repo.readmeText() == before)
    }

    @Test func aListThatCannotBeReadOrIsNotUTF8ExitsTwo() throws {
        let folder = try Fmadd.temporaryFolder()
        let missing = try Fmadd.run(["export", folder.appendingPathComponent("none.md").path])
        #expect(missing.status == 2 && missing.stderr.contains("cannot read") && missing.stdout.isEmpty, "\(missing.stderr)")
        let latin1 = folder.appendingPathComponent("README.md")
        try Data(Array("# List\n## LFM methods\n**2024**\n- [arXiv] Caf".utf8) + [0xE9, 0x0A]).write(to: latin1)
        let invalid = try Fmadd.run(["export", latin1.path])
        #expect(invalid.status == 2 && invalid.stderr.contains("is not valid UTF-8 at byte offset 44") && invalid.stdout.isEmpty, "\(invalid.stderr)")
        let usage = try Fmadd.run(["export", "--format", "yaml", example])
        #expect(usage.status == 64, "\(usage.stderr)")
    }
}

extension GitRepository {
    func readmeText() throws -> String { String(decoding: try readmeBytes(), as: UTF8.self) }
}
