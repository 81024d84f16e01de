import Foundation
import FMList
import FMSchema
import FMTestSupport
import Testing

/// `fmadd init` writes what it reads of a list as `.fmadd.yml`; the file validates, and `check`
/// with it finds no style rule's finding on a list that follows one style. A list without the
/// file has the categories of its headings, and `check` says when a configured heading is missing.
@Suite struct InitCommandTests {
    /// The rules that speak of how entries are written: on a list that writes its own way
    /// throughout, none fires (an item fmadd cannot read is only a finding where most items
    /// of its category are entries).
    static let styleRules: Set<String> = ["mixed-label-case", "link-spacing", "year-order", "unparsable-entry"]

    static func findings(_ repo: GitRepository) throws -> [JSONValue] {
        let check = try Fmadd.run(["check", "--format", "json", "README.md"], in: repo.folder)
        let report = try JSONValue(jsonText: check.stdout)
        return (report["files"]?.arrayValue ?? []).flatMap { $0["findings"]?.arrayValue ?? [] }
    }

    /// Two real lists whose entries follow one style each.
    @Test(.enabled(if: Needs.corpus, Comment(rawValue: Needs.corpusReason)),
          arguments: ["Hannibal046--Awesome-LLM.md", "JXLiu-AI--Awesome-Medical-LLM-in-Top-Journals.md"])
    func initWritesAConfigurationThatValidatesAndFindsNoStyleFinding(name: String) throws {
        let repo = try GitRepository(list: Paths.corpus.appendingPathComponent(name))
        let written = try Fmadd.run(["init"], in: repo.folder)
        #expect(written.status == 0, "\(written.stderr)")
        let config = repo.folder.appendingPathComponent(".fmadd.yml")
        let text = try String(contentsOf: config, encoding: .utf8)
        let validated = try Fmadd.run(["validate", "--schema", "config", ".fmadd.yml"], in: repo.folder)
        #expect(validated.status == 0, "\(validated.stdout)\(validated.stderr)")
        let value = try JSONValue(yaml: text)
        let categories = try #require(value["categories"]?.objectValue)
        #expect(!categories.members.isEmpty)
        // Every heading it names is one of the list's headings.
        let list = try String(contentsOf: repo.readme, encoding: .utf8)
        for (_, category) in categories {
            let heading = try #require(category["heading"]?.stringValue)
            #expect(list.split(separator: "\n").contains { $0.hasPrefix("#") && $0.contains(heading) }, "\(heading)")
        }
        let style = try Self.findings(repo).compactMap { $0["rule"]?.stringValue }.filter(Self.styleRules.contains)
        #expect(style.isEmpty, "\(style)")
        let check = try Fmadd.run(["check", "README.md"], in: repo.folder)
        #expect(!check.stderr.contains("warning"), "\(check.stderr)")
    }

    /// The headers of every table of a Markdown text: the row above each delimiter row.
    static func tableHeaders(in text: String) -> [String] {
        let lines = text.components(separatedBy: "\n")
        return lines.indices.dropFirst().filter { index in
            let line = lines[index].trimmingCharacters(in: .whitespaces)
            return line.hasPrefix("|") && line.contains("-") && line.allSatisfy { "|-: ".contains($0) }
        }.map { lines[$0 - 1] }
    }

    /// Lists of paper tables: `init` names what each column of their header holds, the list
    /// reads the same with that file as without it, and a column the maintainers name otherwise
    /// there is read as they say.
    @Test(.enabled(if: Needs.corpus, Comment(rawValue: Needs.corpusReason)),
          arguments: ["YichiZhang98--SAM4MIS.md", "PLM2233--Awesome-Medical-Foundation-Models.md"])
    func initNamesWhatTheColumnsOfPaperTablesHold(name: String) throws {
        let repo = try GitRepository(list: Paths.corpus.appendingPathComponent(name))
        let before = try Fmadd.run(["export", "README.md"], in: repo.folder)
        #expect(before.status == 0 && !before.stdout.isEmpty, "\(before.stderr)")
        #expect(try Fmadd.run(["init"], in: repo.folder).status == 0)
        let config = repo.folder.appendingPathComponent(".fmadd.yml")
        let text = try String(contentsOf: config, encoding: .utf8)
        let columns = try #require(try JSONValue(yaml: text)["table"]?["columns"]?.objectValue, "\(text)")
        let named = Set(columns.keys.map { $0.lowercased() })
        let list = try String(contentsOf: repo.readme, encoding: .utf8)
        for header in Self.tableHeaders(in: list) {
            let cells = header.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty }
            #expect(cells.allSatisfy(named.contains), "\(header) against \(named.sorted())")
        }
        #expect(columns.members.contains { $0.value.stringValue == "title" })
        #expect(try Fmadd.run(["validate", "--schema", "config", ".fmadd.yml"], in: repo.folder).status == 0)
        let after = try Fmadd.run(["export", "README.md"], in: repo.folder)
        #expect(after.stdout == before.stdout)

        // The maintainers' word wins: a date column said to be another cell gives no year.
        let date = try #require(columns.members.first { $0.value.stringValue == "date" }?.key)
        try Data(text.replacingOccurrences(of: "\(JSONValue.string(date).jsonText): date", with: "\(JSONValue.string(date).jsonText): other").utf8).write(to: config)
        let edited = try Fmadd.run(["export", "README.md"], in: repo.folder)
        #expect(edited.status == 0 && edited.stdout != before.stdout, "\(edited.stderr)")
        func years(_ jsonl: String) throws -> Int {
            try jsonl.split(separator: "\n").filter { try JSONValue(jsonText: String($0))["year"] != nil }.count
        }
        #expect(try years(before.stdout) > 0 && years(edited.stdout) == 0)
    }

    /// A list whose categories are mostly entries: the few items there that cannot be read are
    /// reported, while its lists of resources (links with no paper label) are not.
    @Test(.enabled(if: Needs.corpus, Comment(rawValue: Needs.corpusReason)))
    func anUnreadableItemAmongEntriesIsStillReported() throws {
        let repo = try GitRepository(list: Paths.corpus.appendingPathComponent("AI-in-Health--MedLLMsPracticalGuide.md"))
        let lines = try String(contentsOf: repo.readme, encoding: .utf8).components(separatedBy: "\n")
        let reported = try Self.findings(repo).filter { $0["rule"]?.stringValue == "unparsable-entry" }.compactMap { $0["line"]?.intValue }
        #expect(!reported.isEmpty)
        let resources = lines.indices.filter { lines[$0].hasPrefix("* **[") && lines[$0].hasSuffix(")**") }.map { $0 + 1 }
        #expect(!resources.isEmpty && Set(resources).isDisjoint(with: reported), "\(reported)")
    }

    @Test func initKeepsAnExistingConfigurationUnlessForced() throws {
        let repo = try GitRepository(list: Paths.repository.appendingPathComponent("Examples/healthcare-list.md"))
        let config = repo.folder.appendingPathComponent(".fmadd.yml")
        let mine = "# the maintainers' own\nlabels: { paper: Paper }\n"
        try Data(mine.utf8).write(to: config)
        let refused = try Fmadd.run(["init"], in: repo.folder)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains(".fmadd.yml") && refused.stderr.contains("--force"))
        #expect(try String(contentsOf: config, encoding: .utf8) == mine)
        let printed = try Fmadd.run(["init", "--stdout", "README.md"], in: repo.folder)
        #expect(printed.status == 0 && printed.stdout.contains("categories:"))
        #expect(try String(contentsOf: config, encoding: .utf8) == mine)
        let forced = try Fmadd.run(["init", "--force"], in: repo.folder)
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try String(contentsOf: config, encoding: .utf8) == printed.stdout)
        #expect(try FileManager.default.contentsOfDirectory(atPath: repo.folder.path).filter { $0.contains(".fmadd.yml") } == [".fmadd.yml"])
    }

    @Test func checkReportsAConfiguredHeadingTheListLacks() throws {
        let repo = try GitRepository(list: Paths.repository.appendingPathComponent("Examples/healthcare-list.md"))
        let config = "categories:\n  lfm: { heading: LFM methods }\n  vfm: { heading: VFM methodz }\n"
        try Data(config.utf8).write(to: repo.folder.appendingPathComponent(".fmadd.yml"))
        let check = try Fmadd.run(["check", "README.md"], in: repo.folder)
        #expect(check.stderr.contains("'vfm'") && check.stderr.contains("\"VFM methodz\""), "\(check.stderr)")
        #expect(!check.stderr.contains("'lfm'"))
        // The built-in categories stand for the lists that have them: none is missing there.
        try FileManager.default.removeItem(at: repo.folder.appendingPathComponent(".fmadd.yml"))
        #expect(!(try Fmadd.run(["check", "README.md"], in: repo.folder)).stderr.contains("warning"))
    }

    /// A list without `.fmadd.yml`: `--category` takes the key of one of its headings.
    @Test(.enabled(if: Needs.corpus, Comment(rawValue: Needs.corpusReason)))
    func aCategoryReadFromTheHeadingsPlacesAnEntry() throws {
        let repo = try GitRepository(list: Paths.corpus.appendingPathComponent("Jianing-Qiu--Awesome-Healthcare-Foundation-Models.md"))
        let title = "A careful imaging foundation model"
        let added = try Fmadd.run(["add", "--category", "medical-imaging", "--title", title, "--paper", "https://arxiv.org/abs/2501.01234",
                                   "--year", "2025", "--no-commit"], in: repo.folder)
        #expect(added.status == 0, "\(added.stderr)")
        let lines = try String(contentsOf: repo.readme, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        let line = try #require(lines.firstIndex { $0.contains(title) })
        let heading = try #require(lines[..<line].last { $0.hasPrefix("#") })
        #expect(heading == "### Medical Imaging")
    }
}
