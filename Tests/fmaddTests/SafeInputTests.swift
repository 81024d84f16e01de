import Foundation
import FMTestSupport
import Testing

/// Guards what fmadd reads from files it is given: a YAML alias bomb, a misspelt field and bytes
/// that are not UTF-8 are each refused with a message that says what to do, and nothing is written.
@Suite struct SafeInputTests {
    let upstream = Paths.healthcareList

    /// Nine levels of nine aliases: 3 KB that stand for 9^9 values.
    static func bomb(prefix: String = "") -> String {
        let names = "abcdefghi".map(String.init)
        var text = prefix + "a: &a [" + Array(repeating: "\"x\"", count: 9).joined(separator: ", ") + "]\n"
        for level in 1..<9 {
            text += "\(names[level]): &\(names[level]) [" + Array(repeating: "*\(names[level - 1])", count: 9).joined(separator: ", ") + "]\n"
        }
        return text
    }

    static let expands = "expands to more than 10000 values through aliases (&anchor / *alias); write the values out or remove the aliases"

    // MARK: 6. alias bombs

    @Test func addFromAnAliasBombIsRefusedAndWritesNothing() throws {
        let repo = try GitRepository(list: upstream)
        let before = try repo.readmeBytes()
        let file = repo.folder.appendingPathComponent("entries.yml")
        try Data(Self.bomb(prefix: "category: lfm\ntitle: A model\n").utf8).write(to: file)
        let result = try Fmadd.run(["add", "--from", file.path], in: repo.folder)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("the YAML in \(file.path) expands to more than "), "\(result.stderr)")
        #expect(result.stderr.contains("values through aliases (&anchor / *alias); write the values out or remove the aliases"))
        #expect(try repo.readmeBytes() == before)
        #expect(try repo.git("log", "--format=%s") == "The list\n")
    }

    @Test func validateRefusesAnAliasBomb() throws {
        let folder = try Fmadd.temporaryFolder()
        try Data(Self.bomb().utf8).write(to: folder.appendingPathComponent("bomb.yml"))
        let result = try Fmadd.run(["validate", "--schema", "entry", "bomb.yml"], in: folder)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stdout.contains("bomb.yml:1:1: error: the YAML in bomb.yml expands to more than "), "\(result.stdout)")
    }

    @Test func checkRefusesAConfigurationThatIsAnAliasBomb() throws {
        let repo = try GitRepository(list: upstream)
        try Data(Self.bomb().utf8).write(to: repo.folder.appendingPathComponent(".fmadd.yml"))
        let before = try repo.readmeBytes()
        let result = try Fmadd.run(["check", "README.md"], in: repo.folder)
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains(".fmadd.yml") && result.stderr.contains("values through aliases (&anchor / *alias)"), "\(result.stderr)")
        #expect(try repo.readmeBytes() == before)
    }

    // MARK: 14. unknown fields

    @Test func aMisspeltFieldInAFromFileIsRefusedWithTheNearestField() throws {
        let repo = try GitRepository(list: upstream)
        let before = try repo.readmeBytes()
        let file = repo.folder.appendingPathComponent("entries.yml")
        try Data("""
            - category: lfm
              year: 2024
              title: First good model
              paper: https://arxiv.org/abs/2401.11111
            - category: lfm
              year: 2024
              title: Second good model
              paper: https://arxiv.org/abs/2401.22222
              vneue: Nature
              cod: https://github.com/a/b
            """.utf8).write(to: file)
        let result = try Fmadd.run(["add", "--from", file.path], in: repo.folder)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("unknown field 'vneue' in entry 2; did you mean 'venue'?"), "\(result.stderr)")
        #expect(result.stderr.contains("nothing was written"))
        #expect(try repo.readmeBytes() == before)
        try Data("{\"category\": \"lfm-data\", \"name\": \"Scans\", \"tsk\": \"Segmentation\"}".utf8).write(to: file)
        let dataset = try Fmadd.run(["add", "--from", file.path], in: repo.folder)
        #expect(dataset.status == 1 && dataset.stderr.contains("unknown field 'tsk' in entry 1; did you mean 'task'?"), "\(dataset.stderr)")
        try Data("{\"category\": \"lfm\", \"title\": \"A\", \"paper\": \"https://arxiv.org/abs/2401.1\", \"zzzzzzz\": 1}".utf8).write(to: file)
        let far = try Fmadd.run(["add", "--from", file.path], in: repo.folder)
        #expect(far.stderr.contains("unknown field 'zzzzzzz' in entry 1; the fields are category, title, authors, venue"), "\(far.stderr)")
        #expect(try repo.readmeBytes() == before)
    }

    // MARK: 15. bytes that are not UTF-8

    @Test func aFromFileThatIsNotUTF8IsRefusedWithTheOffset() throws {
        let repo = try GitRepository(list: upstream)
        let before = try repo.readmeBytes()
        let file = repo.folder.appendingPathComponent("entries.yml")
        let text = Array("category: lfm\nyear: 2024\ntitle: Caf".utf8) + [0xE9] + Array(" model\npaper: https://arxiv.org/abs/2401.11111\n".utf8)
        try Data(text).write(to: file)
        let result = try Fmadd.run(["add", "--from", file.path], in: repo.folder)
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("\(file.path) is not valid UTF-8 at byte offset 35"), "\(result.stderr)")
        #expect(try repo.readmeBytes() == before)
        #expect(try repo.git("log", "--format=%s") == "The list\n")
    }

    @Test(arguments: ["entry.json", "entry.yml", "entries.jsonl"])
    func validateRefusesAFileThatIsNotUTF8(_ name: String) throws {
        let folder = try Fmadd.temporaryFolder()
        let bytes = Array("{\"category\": \"lfm\", \"year\": 2024, \"title\": \"Caf".utf8) + [0xC3, 0x28]
            + Array("\", \"links\": {\"paper\": \"https://arxiv.org/abs/2401.11111\"}}\n".utf8)
        try Data(bytes).write(to: folder.appendingPathComponent(name))
        let result = try Fmadd.run(["validate", "--schema", "entry", name], in: folder)
        #expect(result.status == 2, "\(result.stdout) \(result.stderr)")
        #expect(result.stderr.contains("\(name) is not valid UTF-8 at byte offset 47"), "\(result.stderr)")
    }
}
