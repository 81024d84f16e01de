import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import FMTestSupport
import Testing

/// Guards every report of the real binary against a list whose file name holds a line break and
/// whose title holds an OSC 8 hyperlink (ESC ] 8 ;; url BEL), a DEL and a C1 CSI: none of them
/// reaches the terminal or the CI log raw, and GitHub annotations stay one a line.
@Suite struct ControlCharacterReportTests {
    static let title = "Evil \u{1B}]8;;http://evil\u{7}Click\u{1B}]8;;\u{7} \u{7F}\u{9B}31m model"

    static func list() throws -> (folder: URL, name: String) {
        let folder = try Fmadd.temporaryFolder()
        let name = "li\nst.md"
        let text = """
            # List

            ## VFM methods

            **2024**

            - [arXiv] \(title). [[Paper]](https://arxiv.org/abs/2401.00001) [[Code]]()
            - [arXiv] \(title). [[Paper]](https://arxiv.org/abs/2401.00001)

            """
        try Data(text.utf8).write(to: folder.appendingPathComponent(name))
        return (folder, name)
    }

    static func rawControls(_ text: String) -> [Unicode.Scalar] {
        text.unicodeScalars.filter { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) }
    }

    @Test(arguments: ["text", "json", "github", "sarif", "junit"])
    func checkReportsShowNoRawControlCharacter(_ format: String) throws {
        let (folder, name) = try Self.list()
        let result = try Fmadd.run(["check", "--format", format, name], in: folder)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(Self.rawControls(result.stdout).isEmpty, "\(result.stdout.debugDescription)")
        switch format {
        case "github":
            // One annotation a finding, each on its own line, however many the rules find.
            let lines = result.stdout.split(separator: "\n")
            let json = try Fmadd.run(["check", "--format", "json", name], in: folder)
            let files = try #require((try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])?["files"] as? [[String: Any]])
            let findings = files.flatMap { $0["findings"] as? [Any] ?? [] }
            #expect(lines.count == findings.count && lines.allSatisfy { $0.hasPrefix("::error file=li%0Ast.md,") }, "\(result.stdout)")
        case "junit":
            let parser = XMLParser(data: Data(result.stdout.utf8))
            #expect(parser.parse(), "\(result.stdout)")
        case "json", "sarif":
            // Still JSON, and the fix's replacement line keeps the title as it is in the list.
            let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
            #expect(format == "sarif" || "\(object)".contains("8;;http://evil"))
        default:
            #expect(result.stdout.hasPrefix("li\\u{A}st.md:7:"), "\(result.stdout)")
        }
    }

    @Test func dedupeShowsTitlesWithTheirControlCharactersEscaped() throws {
        let (folder, name) = try Self.list()
        let text = try Fmadd.run(["dedupe", name], in: folder)
        #expect(text.status == 1)
        #expect(Self.rawControls(text.stdout).isEmpty, "\(text.stdout.debugDescription)")
        #expect(text.stdout.contains("Evil \\u{1B}]8;;http://evil\\u{7}Click"), "\(text.stdout)")
        let json = try Fmadd.run(["dedupe", "--json", name], in: folder)
        #expect(Self.rawControls(json.stdout).isEmpty, "\(json.stdout.debugDescription)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let entries = try #require((object["clusters"] as? [[String: Any]])?.first?["entries"] as? [[String: Any]])
        #expect((entries.first?["text"] as? String)?.contains(Self.title) == true, "JSON keeps the title exactly")
    }

    @Test func exportEscapesControlCharactersAndKeepsTheTitleExactly() throws {
        let (folder, name) = try Self.list()
        let result = try Fmadd.run(["export", name], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Self.rawControls(result.stdout).isEmpty, "\(result.stdout.debugDescription)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(object["title"] as? String == Self.title + ".")
            #expect((object["listed"] as? [String: Any])?["file"] as? String == name)
        }
    }

    @Test func validateShowsTheInstanceAndTheFileNameEscaped() throws {
        let folder = try Fmadd.temporaryFolder()
        let name = "entry\n.json"
        try Data("{\"title\": \"\\u001b]8;;http://evil\\u0007x\", \"category\": 3}".utf8).write(to: folder.appendingPathComponent(name))
        let result = try Fmadd.run(["validate", "--schema", "entry", name], in: folder)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(Self.rawControls(result.stdout).isEmpty, "\(result.stdout.debugDescription)")
        #expect(result.stdout.hasPrefix("entry\\u{A}.json:1:1: error:"), "\(result.stdout)")
    }
}
