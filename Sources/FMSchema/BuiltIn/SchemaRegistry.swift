import Foundation

/// Schema documents that may refer to each other, by `$id` and by short name.
///
/// `builtIn` holds the schemas of the package's `Schemas/` folder, compiled into the binary
/// (`entry`, `dataset`, `config`). A list's repository adds its own documents with
/// `adding(_:name:source:)` or `adding(contentsOf:name:)`: a document with the `$id` of a registered
/// one replaces it (so references to that `$id` now reach the new document), and a short name
/// always names the document added last under it (so `Validator(schema: "entry", …)` uses the
/// list's own entry schema, while other schemas' references to the built-in `$id` still work).
public struct SchemaRegistry: Sendable {
    private var documents: [String: JSONValue] = [:]
    private var namedURIs: [String: String] = [:]
    private(set) var index = ResourceIndex()

    /// A registry with no document.
    public init() {}

    /// The schemas compiled into the binary. Throws only if one of them is broken, which the
    /// package's tests rule out.
    public static var builtIn: SchemaRegistry {
        get throws(SchemaError) { try builtInRegistry.get() }
    }

    private static let builtInRegistry = Result { () throws(SchemaError) -> SchemaRegistry in
        var registry = SchemaRegistry()
        for schema in BuiltInSchemas.all {
            registry = try registry.adding(text: schema.text, name: shortName(ofFile: schema.name), source: schema.name)
        }
        return registry
    }

    /// The short names, sorted: `config`, `dataset`, `entry`, and those added.
    public var names: [String] { namedURIs.keys.sorted() }

    /// A registry with `document` added (see the type's description for replacement). Its name
    /// is `name`, or the last path segment of its `$id` without `.schema.json` or `.json`.
    public func adding(_ document: JSONValue, name: String? = nil, source: String = "document") throws(SchemaError) -> SchemaRegistry {
        let uri: String
        if case .string(let id)? = document["$id"] {
            uri = URIReference(Self.defaultBase).resolving(id).withoutFragment
        } else if let name {
            uri = Self.defaultBase + name
        } else {
            throw SchemaError.missingIdentifier(source: source)
        }
        var copy = self
        copy.documents[uri] = document
        if let shortName = name ?? Self.shortName(ofURI: uri) { copy.namedURIs[shortName] = uri }
        copy.index = ResourceIndex()
        for (documentURI, registered) in copy.documents.sorted(by: { $0.key < $1.key }) {
            copy.index.add(registered, base: registered["$id"] == nil ? documentURI : Self.defaultBase)
        }
        return copy
    }

    /// A registry with the JSON schema file at `url` added, named `name` or after the file
    /// (`entry.schema.json` is `entry`).
    public func adding(contentsOf url: URL, name: String? = nil) throws(SchemaError) -> SchemaRegistry {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw SchemaError.unreadableFile(path: url.path, reason: error.localizedDescription)
        }
        let document: JSONValue
        do {
            document = try JSONValue(jsonData: data)
        } catch {
            throw SchemaError.invalidJSON(source: url.path, error)
        }
        return try adding(document, name: name ?? Self.shortName(ofFile: url.lastPathComponent), source: url.path)
    }

    private func adding(text: String, name: String, source: String) throws(SchemaError) -> SchemaRegistry {
        let document: JSONValue
        do {
            document = try JSONValue(jsonText: text)
        } catch {
            throw SchemaError.invalidJSON(source: source, error)
        }
        return try adding(document, name: name, source: source)
    }

    /// The document registered under a short name or an `$id`.
    public func document(_ nameOrURI: String) -> JSONValue? {
        uri(for: nameOrURI).flatMap { index.locate(URIReference($0))?.schema }
    }

    /// The absolute URI for a short name (keeping a `#fragment` after it) or a URI.
    func uri(for nameOrURI: String) -> String? {
        let reference = URIReference(nameOrURI)
        let base = reference.withoutFragment
        let fragment = reference.fragment.map { "#" + $0 } ?? ""
        if let uri = namedURIs[base] { return uri + fragment }
        let absolute = URIReference(Self.defaultBase).resolving(base).withoutFragment
        return index.resources[absolute] != nil ? absolute + fragment : nil
    }

    /// The base of documents without an `$id`, and of relative `$id`s.
    static let defaultBase = "fmadd:/schemas/"

    static func shortName(ofFile fileName: String) -> String {
        for suffix in [".schema.json", ".json"] where fileName.hasSuffix(suffix) {
            return String(fileName.dropLast(suffix.count))
        }
        return fileName
    }

    private static func shortName(ofURI uri: String) -> String? {
        guard let last = URIReference(uri).path.split(separator: "/").last else { return nil }
        return shortName(ofFile: String(last))
    }
}
