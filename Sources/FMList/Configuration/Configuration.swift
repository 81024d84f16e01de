import FMSchema
import Foundation
import Yams

/// How fmadd reads one list: its file, its categories and its conventions.
///
/// Read from `.fmadd.yml` in the list's repository. Without `categories:` there, the categories
/// are read from the list's headings (`resolvingCategories(in:)`), except in a list that has the
/// headings of the built-in categories: those of the list "Awesome Foundation Models for
/// Advancing Healthcare".
public struct Configuration: Sendable, Equatable {
    public enum CategoryKind: String, Sendable, Codable { case papers, datasets }
    public enum YearMarkerStyle: String, Sendable, Codable { case bold, heading }
    public enum RuleSetting: String, Sendable, Codable { case off, warning, error }
    public enum DedupeScope: String, Sendable, Codable { case section, category, list }
    public enum Placement: String, Sendable, Codable { case append, alphabetical }

    public struct Category: Sendable, Equatable {
        public var key: String
        /// The text of the section heading that holds this category.
        public var heading: String
        public var kind: CategoryKind
        /// A schema file of the list's own for this category, relative to the configuration.
        public var schema: String?
        /// Other texts of the heading (an older one, a slightly different one) that still mean
        /// this category.
        public var aliases: [String] = []

        public init(key: String, heading: String, kind: CategoryKind = .papers, schema: String? = nil, aliases: [String] = []) {
            self.key = key
            self.heading = heading
            self.kind = kind
            self.schema = schema
            self.aliases = aliases
        }
    }

    public var listFile: String = "README.md"
    /// Categories in the order the list shows them.
    public var categories: [Category]
    /// Whether the categories are still to be read from the list: no `.fmadd.yml` states them.
    /// The built-in ones stand for a list that has their headings.
    public var categoriesFromList = false
    /// Canonical spelling of each link label, keyed by its lower-case form.
    public var labels: [String: String] = ["paper": "Paper", "code": "Code"]
    public var yearMarker: YearMarkerStyle = .bold
    /// The order of year groups, when the maintainers state it; otherwise read from the list.
    public var yearOrder: ListConventions.YearOrder?
    public var rules: [String: RuleSetting] = [:]
    public var dedupeScope: DedupeScope = .category
    public var dedupeThreshold: Double = 0.9
    public var distinct: [[String]] = []
    public var commitMessage: String = #"Add "{title}" to {section} ({year})"#
    /// The address Crossref is given with each request (its "polite" pool); git's `user.email` when nil.
    public var mailto: String?
    public var sortWithinYear: Placement = .append
    public var padLastColumn: Bool = true
    /// What the columns of paper tables hold, by header text, where the header alone does not
    /// say it (`Keywords: title`); other headers are recognised (`PaperColumn`).
    public var tableColumns: [String: PaperColumn] = [:]
    /// The file the configuration was read from, if any.
    public var source: String?

    /// The built-in configuration of the healthcare list.
    public static let healthcareDefault = Configuration(categories: [
        Category(key: "lfm", heading: "LFM methods", kind: .papers),
        Category(key: "vfm", heading: "VFM methods", kind: .papers),
        Category(key: "bfm", heading: "BFM methods", kind: .papers),
        Category(key: "mfm", heading: "MFM methods", kind: .papers),
        Category(key: "lfm-data", heading: "LFM datasets", kind: .datasets),
        Category(key: "vfm-data", heading: "VFM datasets", kind: .datasets),
        Category(key: "bfm-data", heading: "BFM datasets", kind: .datasets),
        Category(key: "mfm-data", heading: "MFM datasets", kind: .datasets),
    ])

    /// What fmadd knows without a configuration file: the healthcare list's settings, and
    /// categories read from the list unless it is that list.
    public static let builtIn: Configuration = {
        var configuration = healthcareDefault
        configuration.categoriesFromList = true
        return configuration
    }()

    public init(categories: [Category]) {
        self.categories = categories
    }

    public func category(_ key: String) -> Category? { categories.first { $0.key == key } }

    /// The configuration file's name, looked for in the list's folder and its parents.
    public static let fileName = ".fmadd.yml"

    /// Finds `.fmadd.yml` by walking up from `folder` (stopping at a repository's top), and
    /// reads it; without one, the built-in default.
    public static func discover(from folder: String) throws(ListError) -> Configuration {
        var url = URL(fileURLWithPath: folder).standardizedFileURL
        let fm = FileManager.default
        while true {
            let candidate = url.appendingPathComponent(fileName).path
            if fm.fileExists(atPath: candidate) { return try load(path: candidate) }
            if fm.fileExists(atPath: url.appendingPathComponent(".git").path) { break }
            let parent = url.deletingLastPathComponent()
            if parent.path == url.path { break }
            url = parent
        }
        return builtIn
    }

    public static func load(path: String) throws(ListError) -> Configuration {
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw .unreadable(path: path, reason: (error as NSError).localizedDescription)
        }
        var config = try parse(yaml: text, path: path)
        config.source = path
        return config
    }

    /// Parses the YAML text of a configuration; unknown keys are refused with their name.
    public static func parse(yaml: String, path: String = fileName) throws(ListError) -> Configuration {
        // The schema gives the messages a person can act on; the decoder then reads the values.
        let value: JSONValue
        do { value = try JSONValue(yaml: yaml.isEmpty ? "{}" : yaml) } catch {
            throw .configuration(path: path, reason: "\(error)")
        }
        if let validator = try? Validator(schema: "config", registry: .builtIn) {
            let errors = validator.validate(value).filter { $0.severity == .error }
            if !errors.isEmpty { throw .configuration(path: path, reason: errors.map(\.message).joined(separator: "; ")) }
        }
        let file: ConfigurationFile
        do {
            file = try YAMLDecoder().decode(ConfigurationFile.self, from: yaml.isEmpty ? "{}" : yaml)
        } catch let error as DecodingError {
            throw .configuration(path: path, reason: describe(error))
        } catch {
            throw .configuration(path: path, reason: "\(error)")
        }
        return file.resolved(over: builtIn)
    }

    private static func describe(_ error: DecodingError) -> String {
        func at(_ path: [CodingKey]) -> String {
            path.isEmpty ? "the top level" : path.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "\(at(context.codingPath)): \(context.debugDescription)"
        case .keyNotFound(let key, let context):
            return "\(at(context.codingPath + [key])) is required"
        case .dataCorrupted(let context):
            return "\(at(context.codingPath)): \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }
}

/// The file's shape: every key optional, unknown keys refused.
private struct ConfigurationFile: Decodable {
    struct CategoryEntry: Decodable {
        var heading: String
        var kind: Configuration.CategoryKind?
        var schema: String?
        var aliases: [String]?
    }
    struct Dedupe: Decodable {
        var scope: Configuration.DedupeScope?
        var threshold: Double?
    }
    struct Table: Decodable {
        var padLastColumn: Bool?
        var columns: [String: PaperColumn]?
    }

    var list: String?
    var categories: [(String, CategoryEntry)]?
    var labels: [String: String]?
    var yearMarker: Configuration.YearMarkerStyle?
    var yearOrder: ListConventions.YearOrder?
    var rules: [String: Configuration.RuleSetting]?
    var dedupe: Dedupe?
    var distinct: [[String]]?
    var commitMessage: String?
    var mailto: String?
    var sortWithinYear: Configuration.Placement?
    var table: Table?

    enum Key: String, CodingKey, CaseIterable {
        case list, categories, labels, yearMarker, yearOrder, rules, dedupe, distinct, commitMessage, mailto, sortWithinYear, table
    }

    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    init(from decoder: Decoder) throws {
        let any = try decoder.container(keyedBy: AnyKey.self)
        for key in any.allKeys where Key(rawValue: key.stringValue) == nil {
            throw DecodingError.dataCorrupted(.init(codingPath: [key],
                debugDescription: "unknown key; known keys are \(Key.allCases.map(\.rawValue).joined(separator: ", "))"))
        }
        let c = try decoder.container(keyedBy: Key.self)
        list = try c.decodeIfPresent(String.self, forKey: .list)
        if c.contains(.categories) {
            // Keep the file's order: it is the order the list shows its sections in.
            let nested = try c.nestedContainer(keyedBy: AnyKey.self, forKey: .categories)
            categories = try nested.allKeys.map { ($0.stringValue, try nested.decode(CategoryEntry.self, forKey: $0)) }
        }
        labels = try c.decodeIfPresent([String: String].self, forKey: .labels)
        yearMarker = try c.decodeIfPresent(Configuration.YearMarkerStyle.self, forKey: .yearMarker)
        yearOrder = try c.decodeIfPresent(ListConventions.YearOrder.self, forKey: .yearOrder)
        rules = try c.decodeIfPresent([String: Configuration.RuleSetting].self, forKey: .rules)
        dedupe = try c.decodeIfPresent(Dedupe.self, forKey: .dedupe)
        distinct = try c.decodeIfPresent([[String]].self, forKey: .distinct)
        commitMessage = try c.decodeIfPresent(String.self, forKey: .commitMessage)
        mailto = try c.decodeIfPresent(String.self, forKey: .mailto)
        sortWithinYear = try c.decodeIfPresent(Configuration.Placement.self, forKey: .sortWithinYear)
        table = try c.decodeIfPresent(Table.self, forKey: .table)
    }

    func resolved(over base: Configuration) -> Configuration {
        var config = base
        if let list { config.listFile = list }
        if let categories {
            config.categories = categories.map {
                Configuration.Category(key: $0.0, heading: $0.1.heading, kind: $0.1.kind ?? .papers, schema: $0.1.schema,
                                       aliases: $0.1.aliases ?? [])
            }
            config.categoriesFromList = false
        }
        if let labels {
            for (key, value) in labels { config.labels[key.lowercased()] = value }
        }
        if let yearMarker { config.yearMarker = yearMarker }
        if let yearOrder { config.yearOrder = yearOrder }
        if let rules { config.rules = rules }
        if let scope = dedupe?.scope { config.dedupeScope = scope }
        if let threshold = dedupe?.threshold { config.dedupeThreshold = threshold }
        if let distinct { config.distinct = distinct }
        if let commitMessage { config.commitMessage = commitMessage }
        if let mailto { config.mailto = mailto }
        if let sortWithinYear { config.sortWithinYear = sortWithinYear }
        if let pad = table?.padLastColumn { config.padLastColumn = pad }
        if let columns = table?.columns { config.tableColumns = columns }
        return config
    }
}
