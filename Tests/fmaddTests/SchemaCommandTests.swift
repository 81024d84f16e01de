import Foundation
import FMTestSupport
import Testing

@Suite struct SchemaCommandTests {
    func write(_ text: String, named name: String) throws -> URL {
        let file = try Fmadd.temporaryFolder().appendingPathComponent(name)
        try Data(text.utf8).write(to: file)
        return file
    }

    @Test func printsTheBuiltInSchemasAsTheFilesHoldThem() throws {
        for name in ["entry", "dataset", "config"] {
            let result = try Fmadd.run(["schema", name])
            #expect(result.status == 0)
            let file = Paths.repository.appendingPathComponent("Schemas/\(name).schema.json")
            #expect(result.stdout == (try String(contentsOf: file, encoding: .utf8)))
        }
        let unknown = try Fmadd.run(["schema", "nope"])
        #expect(unknown.status == 64 && unknown.stderr.contains("the built-in schemas are config, dataset, entry"))
    }

    @Test func validatesJSONLinesYAMLAndJSONAsCheckReports() throws {
        let lines = try write("""
            {"category":"vfm","year":2024,"title":"A title.","links":{"paper":"https://arxiv.org/abs/2401.00001"}}
            {"category":"vfm","year":2024,"title":"Bad ](link","links":{"paper":"javascript:alert(1)"}}
            not json

            """, named: "entries.jsonl")
        let result = try Fmadd.run(["validate", "--schema", "entry", lines.path])
        #expect(result.status == 1)
        let output = result.stdout.split(separator: "\n").map(String.init)
        #expect(output.last == "checked 3 instances: 2 invalid, 0 with warnings only")
        #expect(output.contains { $0.hasPrefix("\(lines.path):2:1: error: title: must not contain \"](\"") })
        #expect(output.contains { $0.hasPrefix("\(lines.path):2:1: error: links.paper:") })
        #expect(output.contains { $0.hasPrefix("\(lines.path):3:1: error: not JSON") })

        let yaml = try write("category: mfm\nyear: 2023\ntitle: Good title.\nlinks:\n  paper: https://a.org/x\n", named: "entry.yml")
        let good = try Fmadd.run(["validate", "--schema", "entry", yaml.path])
        #expect(good.status == 0 && good.stdout == "checked 1 instances: 0 invalid, 0 with warnings only\n")

        let json = try write(#"{"category":"mfm","year":2023,"title":"Good title.","links":{"paper":"http://a.org/x"}}"#, named: "entry.json")
        let warned = try Fmadd.run(["validate", "--schema", "entry", json.path])
        #expect(warned.status == 0)
        #expect(warned.stdout.contains("warning: links.paper: should be an https URL"))
    }

    @Test func validatesAgainstASchemaFileOfTheList() throws {
        let schema = try write(#"{"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object","required":["name"]}"#, named: "own.schema.json")
        let data = try write("{}", named: "data.json")
        let result = try Fmadd.run(["validate", "--schema", schema.path, data.path])
        #expect(result.status == 1 && result.stdout.contains("name: is required"))
    }

    @Test func aBadConfigurationIsExplainedByTheSchema() throws {
        let folder = try Fmadd.temporaryFolder()
        try Data("# List\n".utf8).write(to: folder.appendingPathComponent("README.md"))
        try Data("rules:\n  trailing-whitespace: of\n".utf8).write(to: folder.appendingPathComponent(".fmadd.yml"))
        let result = try Fmadd.run(["check", "README.md"], in: folder)
        #expect(result.status == 2)
        #expect(result.stderr.contains("rules.trailing-whitespace: must be off, warning or error, got \"of\""))
    }
}
