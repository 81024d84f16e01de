import Foundation
import FMList
import FMSchema

/// Reads the entries of a `--from` file: YAML or JSON, one entry or a list, each with its
/// category. A paper's links are under `links:` or given as `paper:`, `code:`, ….
public enum DraftReader {
    public enum Problem: Error, Equatable, CustomStringConvertible {
        case unreadable(String)
        case notYAML(String)
        case missingField(entry: Int, field: String)
        case wrongType(entry: Int, field: String, expected: String)
        case unknownCategory(entry: Int, key: String, known: [String])

        public var description: String {
            switch self {
            case .unreadable(let path): return "cannot read \(path); check that the file exists and is readable"
            case .notYAML(let reason): return "the file is not YAML or JSON: \(reason)"
            case .missingField(let entry, let field): return "entry \(entry): missing \(field)"
            case .wrongType(let entry, let field, let expected): return "entry \(entry): \(field) must be \(expected)"
            case .unknownCategory(let entry, let key, let known):
                return "entry \(entry): unknown category '\(key)'; the list's categories are \(known.joined(separator: ", "))"
            }
        }
    }

    public static func read(file path: String, configuration: Configuration) throws(Problem) -> [Draft] {
        guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(path) }
        let value: JSONValue
        do { value = try JSONValue(yaml: String(decoding: data, as: UTF8.self)) } catch { throw .notYAML("\(error)") }
        let items: [JSONValue]
        switch value {
        case .array(let array): items = array
        case .object: items = [value]
        default: throw .notYAML("expected an entry (a mapping) or a list of entries")
        }
        return try items.enumerated().map { (index, item) throws(Problem) -> Draft in try draft(item, number: index + 1, configuration) }
    }

    static func draft(_ item: JSONValue, number: Int, _ configuration: Configuration) throws(Problem) -> Draft {
        guard let object = item.objectValue else { throw .wrongType(entry: number, field: "the entry", expected: "a mapping") }
        func string(_ key: String) throws(Problem) -> String? {
            guard let value = object[key] else { return nil }
            if let text = value.stringValue { return text }
            if let number = value.intValue { return String(number) }
            throw .wrongType(entry: number, field: key, expected: "text")
        }
        guard let category = try string("category") else { throw .missingField(entry: number, field: "category") }
        guard let kind = configuration.category(category)?.kind else {
            throw .unknownCategory(entry: number, key: category, known: configuration.categories.map(\.key))
        }
        if kind == .datasets {
            guard let name = try string("name") else { throw .missingField(entry: number, field: "name") }
            return .dataset(DatasetDraft(category: category, name: name, paper: try string("paper"), link: try string("link"),
                                         modality: try string("modality"), scale: try string("scale"), task: try string("task")))
        }
        guard let title = try string("title") else { throw .missingField(entry: number, field: "title") }
        var links: [PaperDraft.Link] = []
        if let given = object["links"] {
            guard let members = given.objectValue else { throw .wrongType(entry: number, field: "links", expected: "a mapping of label to URL") }
            for member in members {
                guard let url = member.value.stringValue else { throw .wrongType(entry: number, field: "links.\(member.key)", expected: "a URL") }
                links.append(.init(key: member.key, url: url))
            }
        }
        for key in ["paper", "code", "project", "dataset"] where !links.contains(where: { $0.key == key }) {
            if let url = try string(key) { links.append(.init(key: key, url: url)) }
        }
        guard let paper = links.first(where: { $0.key == "paper" }) else { throw .missingField(entry: number, field: "paper") }
        links.removeAll { $0.key == "paper" }
        links.insert(paper, at: 0)
        var year: Int?
        if let value = object["year"] {
            guard let given = value.intValue else { throw .wrongType(entry: number, field: "year", expected: "a number such as 2024") }
            year = given
        }
        guard let year = year ?? YearHint.year(fromLink: paper.url) else { throw .missingField(entry: number, field: "year") }
        return .paper(PaperDraft(category: category, year: year, venue: try string("venue"), title: title, links: links))
    }
}
