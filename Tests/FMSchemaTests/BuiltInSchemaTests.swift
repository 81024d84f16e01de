import Foundation
import Testing
@testable import FMSchema

/// The schemas of `Schemas/`: embedded as they are, usable, documented, and their examples valid.
@Suite struct BuiltInSchemaTests {
    static let names = ["config", "dataset", "entry"]

    @Test func theBinaryHoldsEachSchemaFileByteForByte() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: TestPaths.schemas.path)
            .filter { $0.hasSuffix(".json") }
            .sorted()
        #expect(BuiltInSchemas.all.map(\.name) == files)
        for schema in BuiltInSchemas.all {
            let onDisk = try Data(contentsOf: TestPaths.schemas.appending(path: schema.name))
            #expect(Data(schema.text.utf8) == onDisk, "\(schema.name) differs from Schemas/\(schema.name)")
        }
    }

    @Test func theBuiltInRegistryNamesEachSchema() throws {
        let registry = try SchemaRegistry.builtIn
        #expect(registry.names == Self.names)
        #expect(registry.document("https://fmadd.dev/schemas/entry.schema.json") == registry.document("entry"))
    }

    @Test(arguments: names)
    func eachSchemaHasAnIDATitleADescriptionAndValidExamples(name: String) throws {
        let registry = try SchemaRegistry.builtIn
        let document = try #require(registry.document(name))
        #expect(document["$id"]?.stringValue == "https://fmadd.dev/schemas/\(name).schema.json")
        #expect(document["title"]?.stringValue?.isEmpty == false)
        #expect(document["description"]?.stringValue?.isEmpty == false)
        let examples = try #require(document["examples"]?.arrayValue)
        #expect(!examples.isEmpty)
        let validator = try Validator(schema: name, registry: registry, assertFormats: true)
        for example in examples {
            let errors = validator.validate(example).filter { $0.severity == .error }
            #expect(errors.isEmpty, "an example of \(name) fails: \(errors)")
        }
    }

    @Test(arguments: names)
    func eachPropertyHasADescriptionAndValidExamples(name: String) throws {
        let registry = try SchemaRegistry.builtIn
        let properties = try #require(registry.document(name)?["properties"]?.objectValue)
        for property in properties {
            let annotations = try #require(registry.annotations(schema: name, property: [property.key]))
            #expect(annotations.description?.isEmpty == false, "\(name).\(property.key) has no description")
            let validator = try Validator(schema: "\(name)#/properties/\(property.key)", registry: registry)
            for example in annotations.examples + [annotations.defaultValue].compactMap({ $0 }) {
                #expect(validator.validate(example).isEmpty, "\(name).\(property.key): example \(example) fails")
            }
        }
    }

    @Test func annotationsFollowReferencesAndPreferTheProperty() throws {
        let registry = try SchemaRegistry.builtIn
        let paper = try #require(registry.annotations(schema: "entry", property: ["links", "paper"]))
        #expect(paper.title == "Link")
        #expect(paper.description?.hasPrefix("The paper itself") == true)
        #expect(paper.examples.contains("https://arxiv.org/abs/2304.06975"))
        let other = try #require(registry.annotations(schema: "entry", property: ["links", "huggingface"]))
        #expect(other.description?.hasPrefix("An https URL") == true)
        #expect(registry.annotations(schema: "entry", property: ["abstract"]) == nil)
        #expect(registry.annotations(schema: "config", property: ["list"])?.defaultValue == "README.md")
    }
}
