import Foundation
import Testing
@testable import FMSchema

@Suite struct ValidatorTests {
    @Test func messagesNameThePropertyAndTheValue() throws {
        let schema: JSONValue = [
            "type": "object",
            "properties": [
                "name": ["type": "string", "minLength": 1],
                "tags": ["type": "array", "items": ["type": "string"], "uniqueItems": true, "maxItems": 3],
                "size": ["type": "integer", "exclusiveMinimum": 0, "multipleOf": 2],
                "kind": ["enum": ["a", "b"]],
                "date": ["format": "date"],
                "my label": ["const": 1],
            ],
            "required": ["id"],
        ]
        let validator = try Validator(schemaDocument: schema, assertFormats: true)
        let instance: JSONValue = [
            "name": "", "tags": ["x", 1, "x", "y"], "size": 3, "kind": "c", "date": "2024-02-30", "my label": 2,
        ]
        #expect(validator.validate(instance).map(\.message) == [
            "id: is required",
            "name: must not be empty",
            "tags[1]: must be a string, got 1",
            "tags: must have at most 3 items, got 4",
            "tags: must not contain duplicates: items 0 and 2 are equal",
            "size: must be a multiple of 2, got 3",
            #"kind: must be one of "a", "b", got "c""#,
            #"date: must be a date written YYYY-MM-DD, got "2024-02-30""#,
            #"["my label"]: must be 1, got 2"#,
        ])
        #expect(validator.validate(instance).first?.instanceLocation == "/id")
        #expect(validator.validate("text").map(\.message) == [#"must be an object, got "text""#])
    }

    @Test func formatsAreAnnotationsUnlessAsserted() throws {
        let schema: JSONValue = ["format": "email"]
        #expect(try Validator(schemaDocument: schema).isValid("not an address"))
        #expect(try !Validator(schemaDocument: schema, assertFormats: true).isValid("not an address"))
    }

    @Test func anyOfAndOneOfExplainTheAlternatives() throws {
        let validator = try Validator(schemaDocument: [
            "properties": [
                "a": ["anyOf": [["type": "string"], ["type": "null"]]],
                "b": ["oneOf": [["type": "integer"], ["minimum": 0]]],
                "c": ["not": ["pattern": "^x"]],
            ],
        ])
        #expect(validator.validate(["a": 3, "b": 5, "c": "xy"]).map(\.message) == [
            "a: must match at least one of: must be a string, got 3; or must be null, got 3",
            "b: must match exactly one alternative, but matches 2 (#0 and #1)",
            "c: must not match the pattern ^x",
        ])
    }

    @Test func xMessageReplacesAndXSeverityDowngrades() throws {
        let validator = try Validator(schemaDocument: [
            "properties": [
                "code": [
                    "type": "string",
                    "pattern": "^[A-Z]{3}$",
                    "x-message": "must be three capital letters, got {value}",
                ],
                "note": ["maxLength": 5, "x-severity": "warning"],
            ],
        ])
        let findings = validator.validate(["code": "ab", "note": "too long"])
        #expect(findings.map(\.description) == [
            #"error: code: must be three capital letters, got "ab""#,
            "warning: note: must be at most 5 characters long, got 8",
        ])
        #expect(findings.first?.keyword == "pattern")
        #expect(validator.isValid(["note": "too long"]))
    }

    @Test func schemaErrorsSayWhatToDo() {
        let cases: [(JSONValue, String)] = [
            (["$ref": "#/$defs/missing"], "the $ref \"#/$defs/missing\" at fmadd:/schemas/anonymous.json#/$ref points to no registered schema"),
            (["$defs": ["a": ["$ref": "#/$defs/b"], "b": ["allOf": [["$ref": "#/$defs/a"]]]], "$ref": "#/$defs/a"],
             "refers to itself through $ref without matching anything"),
            (["minLength": "three"], "the keyword \"minLength\" at fmadd:/schemas/anonymous.json#/minLength must be a non-negative integer"),
            (["type": "text"], "the keyword \"type\" at fmadd:/schemas/anonymous.json#/type must be a type name"),
            (["x-severity": "info"], "must be \"warning\" or \"error\""),
        ]
        for (schema, expected) in cases {
            do {
                _ = try Validator(schemaDocument: schema)
                Issue.record("\(schema) should not compile")
            } catch {
                #expect(error.description.contains(expected), "\(error.description)")
            }
        }
    }

    @Test func anUnknownSchemaNameListsTheKnownOnes() throws {
        #expect(throws: SchemaError.unknownSchema("entries", known: ["config", "dataset", "entry"])) {
            try Validator(schema: "entries", registry: .builtIn)
        }
    }

    @Test func aSubschemaCanBeValidatedAlone() throws {
        let title = try Validator(schema: "entry#/properties/title", registry: .builtIn)
        #expect(title.validate("A | B").map(\.message) == [#"must not contain "|" (it would break a table)"#])
        let link = try Validator(schema: "https://fmadd.dev/schemas/entry.schema.json#/$defs/link", registry: .builtIn)
        #expect(link.isValid("https://arxiv.org/abs/2304.06975"))
    }

    /// A link destination holds parentheses in pairs (`…/PIIS2589-7500(23)00048-1/…`, as
    /// publishers write them); one without its pair, or a pair inside another, could end it.
    @Test func aLinkMayHoldParenthesesInPairs() throws {
        let link = try Validator(schema: "https://fmadd.dev/schemas/entry.schema.json#/$defs/link", registry: .builtIn)
        #expect(link.validate("https://www.thelancet.com/journals/landig/article/PIIS2589-7500(23)00048-1/fulltext").isEmpty)
        #expect(link.validate("https://en.wikipedia.org/wiki/Transformer_(deep_learning)_(model)").isEmpty)
        for unsafe in ["https://a.org/x)(y", "https://a.org/(x", "https://a.org/((x))", "https://a.org/x)[y](javascript:z"] {
            #expect(!link.validate(.string(unsafe)).filter { $0.severity == .error }.isEmpty, "\(unsafe)")
        }
        let unpaired = link.validate("https://a.org/x)y").map(\.message)
        #expect(unpaired.contains { $0.contains("without its pair") }, "\(unpaired)")
    }

    @Test func aListMayReplaceABuiltInSchemaByNameOrByID() throws {
        let builtIn = try SchemaRegistry.builtIn
        // By name: the list's own entry schema, under another $id, now answers to "entry"…
        let own: JSONValue = [
            "$id": "https://example.org/list/entry.json",
            "allOf": [["$ref": "https://fmadd.dev/schemas/entry.schema.json"]],
            "properties": ["venue": ["enum": ["arXiv", "Nature"]]],
        ]
        let byName = try builtIn.adding(own, name: "entry")
        let entry: JSONValue = [
            "category": "lfm", "year": 2024, "venue": "MICCAI", "title": "A model",
            "links": ["paper": "https://arxiv.org/abs/1"],
        ]
        #expect(try Validator(schema: "entry", registry: builtIn).isValid(entry))
        #expect(try !Validator(schema: "entry", registry: byName).isValid(entry))
        // …while the built-in $id still names the built-in schema.
        #expect(try Validator(schema: "https://fmadd.dev/schemas/entry.schema.json", registry: byName).isValid(entry))

        // By $id: references from other schemas reach the replacement.
        let link: JSONValue = [
            "$id": "https://fmadd.dev/schemas/entry.schema.json",
            "$defs": ["link": ["type": "string", "pattern": "^https://example\\.org/"]],
        ]
        let byID = try builtIn.adding(link)
        let row: JSONValue = ["category": "vfm-data", "name": "X", "link": "https://other.org/x"]
        #expect(try Validator(schema: "dataset", registry: builtIn).isValid(row))
        #expect(try !Validator(schema: "dataset", registry: byID).isValid(row))
    }

    @Test func jsonLinesAreValidatedLineByLine() throws {
        let validator = try Validator(schemaDocument: [
            "properties": ["n": ["type": "integer"], "w": ["maxLength": 1, "x-severity": "warning"]],
        ])
        let text = "{\"n\": 1}\n{\"n\": \"x\"}\n\n{\"w\": \"ab\"}\n{oops}\n"
        var reported: [String] = []
        let summary = validator.validate(jsonLines: Data(text.utf8)) { line, outcome in
            switch outcome {
            case .success(let findings): reported += findings.map { "\(line): \($0)" }
            case .failure(let error): reported.append("\(line): \(error)")
            }
        }
        #expect(reported == [
            #"2: error: n: must be an integer, got "x""#,
            "4: warning: w: must be at most 1 character long, got 2",
            "5: line 5, column 2: expected a string key in double quotes, found 'o'",
        ])
        #expect(summary.description == "checked 4 instances: 2 invalid, 1 with warnings only")
    }

    @Test func aSchemaFileIsRegisteredUnderItsFileName() throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "fmschema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appending(path: "paper.schema.json")
        try Data(#"{"type": "object", "required": ["doi"]}"#.utf8).write(to: file)
        let registry = try SchemaRegistry().adding(contentsOf: file)
        #expect(registry.names == ["paper"])
        #expect(try Validator(schema: "paper", registry: registry).validate([:]).map(\.message) == ["doi: is required"])

        let broken = folder.appending(path: "broken.json")
        try Data("{\n  \"type\": \"object\",\n}".utf8).write(to: broken)
        do {
            _ = try SchemaRegistry().adding(contentsOf: broken)
            Issue.record("a broken file should not register")
        } catch {
            #expect(error.description.contains("line 3, column 1"))
        }
        #expect(throws: SchemaError.self) { try SchemaRegistry().adding(contentsOf: folder.appending(path: "none.json")) }
        #expect(throws: SchemaError.missingIdentifier(source: "document")) { try SchemaRegistry().adding(["type": "object"]) }
    }
}
