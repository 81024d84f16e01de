import Foundation
import FMList
import FMSchema

/// Reads the entries of a `--from` file: YAML or JSON, one entry or a list, each with its
/// category. A paper's links are under `links:` or given as `paper:`, `code:`, …. An entry may
/// carry `listed:`, where `fmadd export` says where the entry stood in its list; of it, a paper's
/// `index` is read as the place to put it back in, so that an exported entry can be added as it is.
public enum DraftReader {
    // The cases are the ones `fmadd add` maps to exit codes (AddWorkflow switches over all of
    // them): a file that cannot be used is `unreadable`, content that is not entries `notYAML`.
    public enum Problem: Error, Equatable, CustomStringConvertible {
        /// The file cannot be used (exit 2): it cannot be read, or, with `because`, is not UTF-8.
        case unreadable(String, because: ListError? = nil)
        /// The file's content is not entries (exit 1): not YAML or JSON, expanding too far through
        /// aliases, or an entry with a field no entry has. The text is the whole message.
        case notYAML(String)
        case missingField(entry: Int, field: String)
        case wrongType(entry: Int, field: String, expected: String)
        case unknownCategory(entry: Int, key: String, known: [String])

        public var description: String {
            switch self {
            case .unreadable(let path, let because):
                return because?.description ?? "cannot read \(path); check that the file exists and is readable"
            case .notYAML(let message): return message
            case .missingField(let entry, let field): return "entry \(entry): missing \(field)"
            case .wrongType(let entry, let field, let expected): return "entry \(entry): \(field) must be \(expected)"
            case .unknownCategory(let entry, let key, let known):
                return "entry \(entry): unknown category '\(key)'; the list's categories are \(known.joined(separator: ", "))"
            }
        }

        static func notEntries(_ reason: String) -> Problem { .notYAML("the file is not YAML or JSON: \(reason)") }

        static func unknownField(_ field: String, entry: Int, known: [String]) -> Problem {
            let suggestion = Spelling.closest(to: field, among: known).map { "did you mean '\($0)'?" }
                ?? "the fields are \(known.joined(separator: ", "))"
            return .notYAML("unknown field '\(field)' in entry \(entry); \(suggestion)")
        }
    }

    /// The fields of a paper entry and of a dataset entry; any other is refused with its name.
    /// `listed` (what `fmadd export` adds) is taken; only a paper's `listed.index` is read.
    static let paperFields = ["category", "title", "authors", "venue", "year", "date", "paper", "code", "project", "dataset", "links", "cells",
                              "note", "resource", "listed"]
    static let datasetFields = ["category", "name", "paper", "link", "modality", "scale", "task", "listed"]

    public static func read(file path: String, configuration: Configuration) throws(Problem) -> [Draft] {
        guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(path) }
        // Read as it is, or not at all: a byte that is not UTF-8 would become U+FFFD in the list.
        if let offset = firstInvalidUTF8Offset(in: data) { throw .unreadable(path, because: .invalidUTF8(path: path, offset: offset)) }
        let value: JSONValue
        // JSON (what scripts and bots write) is read by the JSON parser, many times faster than
        // YAML's for the same value; anything else, or JSON it refuses, is read as YAML.
        let first = data.first { $0 != Byte.space && $0 != Byte.lineFeed && $0 != Byte.carriageReturn && $0 != Byte.tab }
        if first == UInt8(ascii: "{") || first == UInt8(ascii: "["), let json = try? JSONValue(jsonData: data) {
            value = json
        } else {
            do { value = try JSONValue(yaml: String(decoding: data, as: UTF8.self)) } catch {
                throw error.expansionLimit == nil ? .notEntries("\(error)") : .notYAML(error.describing(file: path))
            }
        }
        return try drafts(in: value, configuration: configuration)
    }

    /// The entries of a value read already: one entry (a mapping) or a list of them.
    public static func drafts(in value: JSONValue, configuration: Configuration) throws(Problem) -> [Draft] {
        let items: [JSONValue]
        switch value {
        case .array(let array): items = array
        case .object: items = [value]
        default: throw .notEntries("expected an entry (a mapping) or a list of entries")
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
        // A misspelt field ("vneue") would otherwise be dropped without a word.
        let known = kind == .datasets ? datasetFields : paperFields
        if let unknown = object.keys.first(where: { !known.contains($0) }) {
            throw .unknownField(unknown, entry: number, known: known)
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
        // A paper table's row (with a date, authors or other cells) may have no paper link: some
        // tables link none; nor may an entry with other links (a talk's slides): some sections
        // link none; nor a resource (`resource: true`). `add` refuses it where the table or the
        // section links papers and it is no resource.
        let paper = links.first { $0.key == "paper" }
        guard !links.isEmpty || ["date", "authors", "cells"].contains(where: { object[$0] != nil }) else {
            throw .missingField(entry: number, field: "paper")
        }
        // `links:` are written in the order given (an exported entry's order is its line's); a
        // paper given as `paper:` goes first.
        if let paper, object["links"]?.objectValue?["paper"] == nil {
            links.removeAll { $0.key == "paper" }
            links.insert(paper, at: 0)
        }
        var year: Int?
        if let value = object["year"] {
            guard let given = value.intValue else { throw .wrongType(entry: number, field: "year", expected: "a number such as 2024") }
            year = given
        }
        // A row's date (`2024-06`) states its year. Without any year, `add` decides whether the
        // list needs one where the entry goes.
        let date = try string("date")
        let yearOfDate = date.flatMap { TableDateForm.read($0)?.year }
        // An exported entry without a year stood in no year group (a section's `#### Benchmarks`
        // above its years): it goes back there, not into the year its arXiv id hints at.
        let listed = object["listed"]?.objectValue
        let hinted = listed == nil ? paper.flatMap({ YearHint.year(fromLink: $0.url) }) : nil
        var draft = PaperDraft(category: category, year: year ?? yearOfDate ?? hinted,
                               venue: try string("venue"), title: title, links: links)
        draft.date = date
        draft.authors = try string("authors")
        draft.note = try string("note")
        if let given = object["cells"] {
            guard let members = given.objectValue else { throw .wrongType(entry: number, field: "cells", expected: "a mapping of column to text") }
            draft.cells = try members.map { member throws(Problem) in
                guard let text = member.value.stringValue else { throw .wrongType(entry: number, field: "cells.\(member.key)", expected: "text") }
                return PaperDraft.Cell(key: member.key, text: text)
            }
        }
        if let given = object["resource"] {
            guard case .bool(let resource) = given else { throw .wrongType(entry: number, field: "resource", expected: "true or false") }
            draft.resource = resource
        }
        draft.position = listed?["index"]?.intValue
        draft.listedLine = listed?["line"]?.intValue
        return .paper(draft)
    }
}
