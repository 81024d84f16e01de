import Foundation
import FMSchema
import FMTestSupport
import Testing

/// A list written as a paper table, through the commands: `export` gives each row as an entry,
/// `add --from` puts an exported row back as it was, `dedupe` reports the repeated row and the
/// dataset rows that share an arXiv id, and `check` finds no fault with the table's own style.
@Suite struct PaperTableCommandTests {
    static let folder = Paths.fixtures.appendingPathComponent("paper-table")

    static func repository() throws -> GitRepository {
        let repo = try GitRepository(list: folder.appendingPathComponent("README.md"))
        try Data(contentsOf: folder.appendingPathComponent(".fmadd.yml")).write(to: repo.folder.appendingPathComponent(".fmadd.yml"))
        return repo
    }

    static func lines() throws -> [String] {
        String(decoding: try Data(contentsOf: folder.appendingPathComponent("README.md")), as: UTF8.self).components(separatedBy: "\n")
    }

    @Test func eachRowIsExportedAndComesBackThroughAddFrom() throws {
        let repo = try Self.repository()
        let before = try repo.readmeText()
        let exported = try Fmadd.run(["export", "README.md"], in: repo.folder)
        #expect(exported.status == 0, "\(exported.stderr)")
        let records = try exported.stdout.split(separator: "\n").map { try JSONValue(jsonText: String($0)) }
        let lines = try Self.lines()
        let rows = lines.indices.filter { lines[$0].hasPrefix("|") && lines[$0].contains("](") }.map { $0 + 1 }
        #expect(records.compactMap { $0["listed"]?["line"]?.intValue } == rows)
        let paperRows = records.filter { $0["title"] != nil }
        #expect(paperRows.allSatisfy { $0["date"]?.stringValue != nil && $0["authors"]?.stringValue != nil })

        // The row of MedSAM3 taken out, and added back from its record.
        let record = try #require(exported.stdout.split(separator: "\n").first { $0.contains("MedSAM3") })
        let entries = repo.folder.appendingPathComponent("entries.json")
        try Data(record.utf8).write(to: entries)
        let line = try #require(lines.firstIndex { $0.contains("MedSAM3") })
        var without = before.components(separatedBy: "\n")
        without.remove(at: line)
        try Data(without.joined(separator: "\n").utf8).write(to: repo.readme)
        let added = try Fmadd.run(["add", "--no-commit", "--from", entries.path, "README.md"], in: repo.folder)
        #expect(added.status == 0, "\(added.stderr)")
        #expect(try repo.readmeText() == before)
    }

    @Test func dedupeReportsTheRepeatedRowAndTheSharedArXivId() throws {
        let repo = try Self.repository()
        let result = try Fmadd.run(["dedupe", "--json", "README.md"], in: repo.folder)
        #expect(result.status == 1, "\(result.stderr)")
        let clusters = try #require(try JSONValue(jsonText: result.stdout)["clusters"]?.arrayValue)
        let lines = try Self.lines()
        func numbers(_ text: String) -> Set<Int> { Set(lines.indices.filter { lines[$0].contains(text) }.map { $0 + 1 }) }
        let clustered = clusters.map { cluster in Set((cluster["entries"]?.arrayValue ?? []).compactMap { $0["line"]?.intValue }) }
        #expect(clustered.contains(numbers("Self-Prompt SAM")))
        #expect(clustered.contains(numbers("2402.13253")))
        #expect(clustered.count == 2, "\(result.stdout)")
    }

    @Test func checkFindsNoFaultWithTheTablesOwnStyle() throws {
        let repo = try Self.repository()
        let result = try Fmadd.run(["check", "--format", "json", "README.md"], in: repo.folder)
        let files = try #require(try JSONValue(jsonText: result.stdout)["files"]?.arrayValue, "\(result.stdout)\(result.stderr)")
        let rules = Set(files.flatMap { $0["findings"]?.arrayValue ?? [] }.compactMap { $0["rule"]?.stringValue })
        // The repeated row and the shared arXiv id are what is wrong with the list, and all.
        #expect(rules.isSubset(of: ["duplicate-entry", "possible-duplicate"]), "\(result.stdout)")
        #expect(!rules.isEmpty)
    }
}
