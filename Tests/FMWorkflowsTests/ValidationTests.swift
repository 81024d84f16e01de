import Foundation
import FMSchema
import FMTestSupport
import Testing
@testable import FMWorkflows

/// Submitted entries validated against a schema, in process.
@Suite struct ValidationTests {
    func write(_ text: String, named name: String) throws -> String {
        let file = try TemporaryFolder.make().appendingPathComponent(name)
        try Data(text.utf8).write(to: file)
        return file.path
    }

    @Test func eachLineOfJSONLinesIsAnInstance() throws {
        let file = try write("""
            {"category":"vfm","year":2024,"title":"A title.","links":{"paper":"https://arxiv.org/abs/2401.00001"}}
            {"category":"vfm","year":2024,"title":"Bad ](link","links":{"paper":"javascript:alert(1)"}}
            not json

            """, named: "entries.jsonl")
        let outcome = try Validation(schema: "entry", assertFormats: false).validate(file: file)
        #expect(outcome.summary.description == "checked 3 instances: 2 invalid, 0 with warnings only")
        #expect(Set(outcome.report.findings.map(\.line)) == [2, 3])
        #expect(outcome.report.findings.allSatisfy { $0.ruleID == "entry" })
        #expect(outcome.report.findings.contains { $0.line == 3 && $0.message.hasPrefix("not JSON") })
    }

    @Test func aYAMLOrJSONFileIsOneInstance() throws {
        let validation = try Validation(schema: "entry", assertFormats: false)
        let yaml = try validation.validate(file: try write("category: mfm\nyear: 2023\ntitle: Good title.\nlinks:\n  paper: https://a.org/x\n",
                                                           named: "entry.yml"))
        #expect(yaml.report.findings.isEmpty && yaml.summary.instances == 1 && yaml.summary.invalid == 0)
        let json = try validation.validate(file: try write(#"{"category":"mfm","year":2023,"title":"Good title.","links":{"paper":"http://a.org/x"}}"#,
                                                           named: "entry.json"))
        #expect(json.summary.warningsOnly == 1 && json.report.findings.first?.severity == .warning)
        #expect((yaml.summary + json.summary).instances == 2)
    }

    @Test func aSchemaFileIsNamedByItsFileName() throws {
        let schema = try write(#"{"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object","required":["name"]}"#,
                               named: "own.schema.json")
        let validation = try Validation(schema: schema, assertFormats: false)
        #expect(validation.schemaName == "own")
        let outcome = try validation.validate(file: try write("{}", named: "data.json"))
        #expect(outcome.report.findings.first?.message.contains("name: is required") == true)
    }

    @Test func aFileThatCannotBeReadOrIsNotUTF8IsAFailure() throws {
        let validation = try Validation(schema: "entry", assertFormats: false)
        #expect(throws: WorkflowFailure.self) { try validation.validate(file: "/nonexistent/entry.json") }
        let file = try TemporaryFolder.make().appendingPathComponent("entry.json")
        try Data([0x7B, 0xFF, 0x7D]).write(to: file)
        do {
            _ = try validation.validate(file: file.path)
            Issue.record("not refused")
        } catch {
            #expect(error.description.contains("is not valid UTF-8 at byte offset 1"))
        }
        #expect(throws: WorkflowFailure.self) { try Validation(schema: "no-such-schema", assertFormats: false) }
    }
}
