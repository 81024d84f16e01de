import Foundation
import FMEditor
import FMList
import FMSchema
import FMTestSupport
import Testing
@testable import FMWorkflows

/// The issue form made from the entry schema, and the bodies GitHub renders from it added as the
/// guided add adds the same answers.
@Suite struct IssueFormTests {
    let configuration = Configuration.healthcareDefault
    var form: IssueForm { get throws { IssueForm(configuration: configuration, registry: try SchemaRegistry.builtIn) } }

    /// Answers to the guided add's questions, in its order: title, paper link, code link, venue,
    /// year (empty: skipped, or its default).
    static let answerSets: [[String]] = [
        ["A multimodal model of everything", "https://arxiv.org/abs/2503.01234", "", "", ""],
        ["Foundation models for retinal images", "https://www.nature.com/articles/s41586-099-00001-x", "https://github.com/example/retina-fm", "Nature", "2023"],
        ["A model read from a preprint", "https://arxiv.org/abs/2401.04321", "https://github.com/a/preprint", "", "2024"],
    ]

    /// The body GitHub renders from the form for these answers: `### Label`, a blank line, the
    /// answer or `_No response_`; with `crlf`, every line ends in CRLF, and the title carries a
    /// trailing space as a browser may leave it.
    func body(category: String, answers: [String], crlf: Bool) throws -> String {
        let form = try self.form
        let byPath: [[String]: String] = [["title"]: answers[0] + (crlf ? " " : ""), ["links", "paper"]: answers[1],
                                          ["links", "code"]: answers[2], ["venue"]: answers[3], ["year"]: answers[4]]
        let option = try #require(form.fields.first { $0.path == ["category"] }?.options.first { $0.hasPrefix(category + ":") })
        var text = ""
        for field in form.fields {
            let value = field.path == ["category"] ? option : (byPath[field.path] ?? "")
            text += "### \(field.label)\n\n\(value.isEmpty ? "_No response_" : value)\n\n"
        }
        return crlf ? text.replacingOccurrences(of: "\n", with: "\r\n") : text
    }

    func dryRun(_ source: AddWorkflow.Source, in repo: GitRepository) throws -> PlacedEntries? {
        guard case .dryRun(let placed, _, _) = try AddWorkflow(list: try repo.list(), dryRun: true, publishing: .commitOnly).run(source) else {
            return nil
        }
        return placed
    }

    @Test(arguments: answerSets, [false, true])
    func anIssueAddsWhatTheGuidedAddAddsForTheSameAnswers(_ answers: [String], crlf: Bool) throws {
        let repo = try GitRepository(list: Lists.upstream)
        let guided = ScriptedPrompter(answers: answers + ["y"])
        let fromGuided = try #require(try dryRun(.guided(category: "mfm", prompter: guided), in: repo))
        let fromIssue = try #require(try dryRun(.issue(body: try body(category: "mfm", answers: answers, crlf: crlf)), in: repo))
        #expect(fromIssue.new == fromGuided.new)
        #expect(fromIssue.entries.map(\.insertion.text) == fromGuided.entries.map(\.insertion.text))
        #expect(fromIssue.entries.map(\.insertion.line) == fromGuided.entries.map(\.insertion.line))
        #expect(fromIssue.entries.first?.insertion.text.contains(answers[0] + ".") == true)
    }

    @Test func anEmptyRequiredAnswerSaysWhichFieldToFillIn() throws {
        let repo = try GitRepository(list: Lists.upstream)
        let text = try body(category: "mfm", answers: ["", "https://arxiv.org/abs/2503.01234", "", "", ""], crlf: false)
        guard case .usage(let message) = try AddWorkflow(list: try repo.list(), dryRun: true, publishing: .commitOnly).run(.issue(body: text)) else {
            Issue.record("not refused")
            return
        }
        #expect(message.contains("“Title” is empty"))
    }

    /// A body edited by hand may name the category by its key or its heading, in any case; an
    /// unknown name is refused with the form's options.
    @Test(arguments: ["mfm: MFM methods", "mfm", "MFM", "MFM methods", "mfm Methods"])
    func theCategoryMayBeNamedByItsKeyOrHeading(_ name: String) throws {
        let form = try self.form
        let text = try body(category: "mfm", answers: Self.answerSets[0], crlf: false)
            .replacingOccurrences(of: "### Category\n\nmfm: MFM methods\n", with: "### Category\n\n\(name)\n")
        #expect(try form.entry(fromBody: text)["category"]?.stringValue == "mfm")
    }

    @Test func anUnknownCategoryIsRefusedWithTheOptions() throws {
        let form = try self.form
        let text = try body(category: "mfm", answers: Self.answerSets[0], crlf: false)
            .replacingOccurrences(of: "### Category\n\nmfm: MFM methods\n", with: "### Category\n\nMultimodal\n")
        #expect(throws: IssueForm.Problem.unknownCategory("Multimodal", options: form.fields.first { $0.path == ["category"] }?.options ?? [])) {
            try form.entry(fromBody: text)
        }
    }

    @Test func aBodyNotFromTheFormIsRefused() throws {
        #expect(throws: IssueForm.Problem.notAnIssue) { try form.entry(fromBody: "I would like to add a paper, please.") }
    }

    /// The keys GitHub documents for issue forms ("Syntax for issue forms" and "Syntax for
    /// GitHub's form schema" in GitHub's documentation).
    static let topLevelKeys: Set<String> = ["name", "description", "body", "assignees", "labels", "title", "projects", "type"]
    static let elementKeys: Set<String> = ["type", "id", "attributes", "validations"]
    static let attributeKeys: [String: Set<String>] = [
        "markdown": ["value"],
        "input": ["label", "description", "placeholder", "value"],
        "textarea": ["label", "description", "placeholder", "value", "render"],
        "dropdown": ["label", "description", "multiple", "options", "default"],
        "checkboxes": ["label", "description", "options"],
    ]

    @Test func theFormHasGitHubsDocumentedShapeAndTheSchemasFields() throws {
        let form = try self.form
        let value = try JSONValue(yaml: form.yaml)
        let top = try #require(value.objectValue)
        #expect(Set(top.keys).isSubset(of: Self.topLevelKeys), "\(top.keys)")
        for key in ["name", "description"] { #expect(top[key]?.stringValue?.isEmpty == false) }
        let body = try #require(top["body"]?.arrayValue)
        var ids = Set<String>(), labels = Set<String>()
        for element in body {
            let object = try #require(element.objectValue)
            #expect(Set(object.keys).isSubset(of: Self.elementKeys), "\(object.keys)")
            let type = try #require(object["type"]?.stringValue)
            let allowed = try #require(Self.attributeKeys[type], "unknown type \(type)")
            let attributes = try #require(object["attributes"]?.objectValue)
            #expect(Set(attributes.keys).isSubset(of: allowed), "\(type): \(attributes.keys)")
            if let validations = object["validations"]?.objectValue { #expect(Set(validations.keys) == ["required"]) }
            guard type != "markdown" else { continue }
            let id = try #require(object["id"]?.stringValue)
            #expect(ids.insert(id).inserted, "id \(id) twice")
            #expect(id.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
            let label = try #require(attributes["label"]?.stringValue)
            #expect(labels.insert(label).inserted, "label \(label) twice")
        }

        // A dropdown of the paper categories; one field per property of the schema, required as it says.
        let registry = try SchemaRegistry.builtIn
        let schema = try #require(registry.document("entry"))
        let category = try #require(body.first { $0["id"]?.stringValue == "category" })
        #expect(category["type"]?.stringValue == "dropdown")
        let options = category["attributes"]?["options"]?.arrayValue?.compactMap(\.stringValue) ?? []
        #expect(options.count == configuration.categories.filter { $0.kind == .papers }.count)
        for key in configuration.categories.filter({ $0.kind == .papers }).map(\.key) {
            #expect(options.contains { $0.hasPrefix(key + ":") })
        }
        let required = Set(schema["required"]?.arrayValue?.compactMap(\.stringValue) ?? [])
        // What a paper links, the schema requires unless it is a resource (its `else`); the form is for papers.
        let linksRequired = Set(schema["else"]?["properties"]?["links"]?["required"]?.arrayValue?.compactMap(\.stringValue) ?? [])
        #expect(linksRequired == ["paper"])
        var expected: [String: Bool] = [:]
        for key in schema["properties"]?.objectValue?.keys ?? [] where !["listed", "links", "note", "resource"].contains(key) { expected[key] = required.contains(key) }
        for key in schema["properties"]?["links"]?["properties"]?.objectValue?.keys ?? [] { expected["links-" + key] = linksRequired.contains(key) }
        var found: [String: Bool] = [:]
        for element in body where element["type"]?.stringValue != "markdown" {
            found[element["id"]?.stringValue ?? ""] = element["validations"]?["required"]?.boolValue ?? false
        }
        #expect(found == expected)
        for element in body where element["type"]?.stringValue != "markdown" {
            let id = element["id"]?.stringValue ?? ""
            let path = id.hasPrefix("links-") ? ["links", String(id.dropFirst(6))] : [id]
            let description = registry.annotations(schema: "entry", property: path)?.description
            #expect(element["attributes"]?["description"]?.stringValue == description, "\(id)")
        }
    }

    @Test func theFormPassesGitHubsIssueFormSchema() throws {
        let tool = Peers.bin.appendingPathComponent("check-jsonschema")
        try #require(FileManager.default.isExecutableFile(atPath: tool.path), "check-jsonschema is not in .build/peers-venv")
        let folder = try TemporaryFolder.make()
        let file = folder.appendingPathComponent("add-paper.yml")
        try Data(try form.yaml.utf8).write(to: file)
        let result = try Command.run(tool, ["--builtin-schema", "vendor.github-issue-forms", file.path], in: folder)
        #expect(result.status == 0, "\(result.output)")
        // The same check refuses a form without a field's label.
        let broken = try form.yaml.replacingOccurrences(of: "      label: \"Title\"\n", with: "")
        try Data(broken.utf8).write(to: file)
        #expect(try Command.run(tool, ["--builtin-schema", "vendor.github-issue-forms", file.path], in: folder).status != 0)
    }
}
