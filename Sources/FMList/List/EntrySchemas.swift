import FMSchema
import Foundation

/// The schemas a list's entries are checked by, each compiled once: the built-in `entry` and
/// `dataset`, and the schema files the list's categories name in `.fmadd.yml` (`schema:`,
/// relative to the configuration). `fmadd add` checks a draft with them, `fmadd check` every
/// entry of the list.
public struct EntrySchemas: Sendable {
    public let configuration: Configuration
    private let validators: [String: Validator]

    /// The schemas of `registry` for the configuration's categories: a category's `schema:`
    /// when the registry holds it, the built-in one of its kind otherwise.
    public init(configuration: Configuration, registry: SchemaRegistry) {
        self.configuration = configuration
        let names = Set(["entry", "dataset"] + configuration.categories.compactMap(\.schema).filter { registry.document($0) != nil })
        validators = Dictionary(uniqueKeysWithValues: names.compactMap { name in
            (try? Validator(schema: name, registry: registry)).map { (name, $0) }
        })
    }

    /// The built-in schemas with the schema files the configuration's categories name, each
    /// registered under the name `schema:` gives it.
    public static func registry(for configuration: Configuration) throws(SchemaError) -> SchemaRegistry {
        var registry = try SchemaRegistry.builtIn
        let folder = configuration.source.map { URL(fileURLWithPath: $0).deletingLastPathComponent() }
            ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        for name in Set(configuration.categories.compactMap(\.schema)).sorted() {
            let url = name.hasPrefix("/") ? URL(fileURLWithPath: name) : folder.appendingPathComponent(name)
            // A built-in name (`entry`) is not a file.
            if registry.document(name) != nil && !FileManager.default.fileExists(atPath: url.path) { continue }
            registry = try registry.adding(contentsOf: url, name: name)
        }
        return registry
    }

    /// The schemas of a list: its own where it names them.
    public init(configuration: Configuration) throws(SchemaError) {
        self.init(configuration: configuration, registry: try Self.registry(for: configuration))
    }

    /// The name of the schema that checks a draft of `category`, of the built-in `schemaName` kind.
    public func schemaName(forCategory category: String, kind schemaName: String) -> String {
        configuration.category(category)?.schema.flatMap { validators[$0] != nil ? $0 : nil } ?? schemaName
    }

    /// The schema's findings for `draft`.
    public func validate(_ draft: Draft) -> [SchemaFinding] {
        validate(draft.json, category: draft.category, kind: draft.schemaName)
    }

    /// The schema's findings for an instance of `category`, of the built-in `kind` (`entry`,
    /// `dataset`).
    public func validate(_ instance: JSONValue, category: String, kind: String) -> [SchemaFinding] {
        validators[schemaName(forCategory: category, kind: kind)]?.validate(instance) ?? []
    }
}
