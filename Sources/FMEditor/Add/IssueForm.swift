import FMList
import FMSchema

/// The GitHub issue form that proposes a paper (`.github/ISSUE_TEMPLATE/add-paper.yml`), made
/// from the entry schema and the list's paper categories, and the body GitHub renders from it
/// (`### Label`, a blank line, the answer; `_No response_` for an empty one) read back as the
/// entry `fmadd add --from` adds.
public struct IssueForm: Sendable {
    /// One question of the form: a schema property (a link is one of `links`).
    public struct Field: Hashable, Sendable {
        /// The property's path in the entry: `["title"]`, `["links", "code"]`.
        public var path: [String]
        public var label: String
        public var description: String?
        public var required: Bool
        /// What the schema gives when the answer is empty (`arXiv` for the venue).
        public var defaultValue: String?
        /// The dropdown's options; empty for a text field.
        public var options: [String]
        public var placeholder: String?

        /// The field's id in the form: its path joined by `-`.
        public var id: String { path.joined(separator: "-") }
    }

    /// The label GitHub gives the issues the form opens; the workflow template answers those.
    public static let label = "add-paper"
    /// Where the form lives in the list's repository.
    public static let path = ".github/ISSUE_TEMPLATE/add-paper.yml"
    /// What GitHub writes for an answer left empty.
    static let noResponse = "_No response_"

    public let fields: [Field]
    let categories: [(key: String, heading: String, option: String)]

    /// The form of the list's paper categories and their entry schema (the list's own, where
    /// `.fmadd.yml` names one for the first paper category).
    public init(configuration: Configuration, registry: SchemaRegistry) {
        let papers = configuration.categories.filter { $0.kind == .papers }
        categories = papers.map { ($0.key, $0.heading, "\($0.key): \($0.heading)") }
        let schema = EntrySchemas(configuration: configuration, registry: registry)
            .schemaName(forCategory: papers.first?.key ?? "", kind: "entry")
        let document = registry.document(schema)
        func required(_ object: JSONValue?) -> Set<String> {
            Set(object?["required"]?.arrayValue?.compactMap(\.stringValue) ?? [])
        }
        func field(_ path: [String], label fallback: String, required: Bool, options: [String] = []) -> Field {
            let annotations = registry.annotations(schema: schema, property: path)
            // A link's examples are those of every link: no placeholder for one of them.
            let examples = path.first == "links" ? [] : (annotations?.examples ?? []).map { $0.stringValue ?? $0.jsonText }
            let title = path.count == 1 ? annotations?.title : nil
            return Field(path: path, label: title ?? fallback, description: annotations?.description, required: required,
                         defaultValue: annotations?.defaultValue?.stringValue, options: options,
                         placeholder: options.isEmpty ? examples.first : nil)
        }
        let top = required(document)
        let properties = document?["properties"]?.objectValue?.keys ?? []
        // The order of the guided add; properties a list's own schema adds come after.
        let order = ["category", "title", "links", "venue", "year"]
        var fields: [Field] = []
        for key in order.filter(properties.contains) + properties.filter({ !order.contains($0) && $0 != "listed" && $0 != "resource" && $0 != "note" }) {
            switch key {
            case "category":
                fields.append(field([key], label: "Category", required: true, options: categories.map(\.option)))
            case "links":
                let links = document?["properties"]?["links"]
                // What a paper (not a resource) must link, the schema says in its `else`.
                let needed = required(links).union(required(document?["else"]?["properties"]?["links"]))
                let keys = links?["properties"]?.objectValue?.keys ?? ["paper"]
                for link in keys {
                    fields.append(field(["links", link], label: link.prefix(1).uppercased() + link.dropFirst() + " link",
                                        required: needed.contains(link)))
                }
            default:
                fields.append(field([key], label: key.prefix(1).uppercased() + key.dropFirst(), required: top.contains(key)))
            }
        }
        self.fields = fields
    }

    // MARK: The form

    /// The form as GitHub reads it (YAML; every text quoted).
    public var yaml: String {
        func quoted(_ text: String) -> String { JSONValue.string(text).jsonText }
        var out = """
            # A GitHub issue form, written by `fmadd issue-form` from the entry schema and the categories
            # of .fmadd.yml: run it again when they change (`fmadd issue-form --check` says when).
            name: Add a paper
            description: Propose a paper for the list. fmadd checks it and answers in a comment.
            title: \(quoted("Add paper: "))
            labels: [\(quoted(Self.label))]
            body:
              - type: markdown
                attributes:
                  value: \(quoted("Fill in the paper's fields. fmadd checks them as `fmadd add` would and answers with the line it would add and where; edit the issue to correct it. A maintainer then comments `/approve` to open the pull request."))

            """
        for field in fields {
            out += "  - type: \(field.options.isEmpty ? "input" : "dropdown")\n"
            out += "    id: \(field.id)\n"
            out += "    attributes:\n"
            out += "      label: \(quoted(field.label))\n"
            if let description = field.description { out += "      description: \(quoted(description))\n" }
            if let placeholder = field.placeholder { out += "      placeholder: \(quoted(placeholder))\n" }
            if !field.options.isEmpty {
                out += "      options:\n"
                for option in field.options { out += "        - \(quoted(option))\n" }
            }
            out += "    validations:\n"
            out += "      required: \(field.required)\n"
        }
        return out
    }

    // MARK: The body

    /// Why an issue's body is not an entry, said so that its author knows what to change.
    public enum Problem: Error, Equatable, Sendable, CustomStringConvertible {
        case missing(label: String)
        case unknownCategory(String, options: [String])
        case notAYear(String)
        case notAnIssue

        public var description: String {
            switch self {
            case .missing(let label): return "“\(label)” is empty; fill it in"
            case .unknownCategory(let value, let options):
                return "“Category” is \(value), which is not one of the list's: choose one of \(options.joined(separator: ", "))"
            case .notAYear(let value): return "“Year” is \(value); write a year such as 2024"
            case .notAnIssue:
                return "the text is not an issue of the add-paper form (no `### Label` sections); open the issue with that form"
            }
        }
    }

    /// The answers of a body GitHub rendered from the form, by label: line ends of any kind,
    /// trailing spaces and the blank lines around an answer removed, `_No response_` as nil.
    static func answers(in body: String) -> [String: String?] {
        let lines = body.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false)
        var answers: [String: String?] = [:]
        var label: String?
        var value: [Substring] = []
        func finish() {
            guard let label else { return }
            var lines = value.map { String($0).trimmingWhitespace() }
            while lines.first?.isEmpty == true { lines.removeFirst() }
            while lines.last?.isEmpty == true { lines.removeLast() }
            let text = lines.joined(separator: "\n")
            answers[label] = text.isEmpty || text == noResponse ? String?.none : text
        }
        for line in lines {
            if line.hasPrefix("### ") {
                finish()
                label = String(line.dropFirst(4)).trimmingWhitespace()
                value = []
            } else {
                value.append(line)
            }
        }
        finish()
        return answers
    }

    /// The entry an issue's body proposes, in the shape `fmadd add --from` reads: an empty
    /// answer takes the schema's default (as the guided add offers it), and a year left empty is
    /// read from an arXiv link there.
    public func entry(fromBody body: String) throws(Problem) -> JSONValue {
        let answers = Self.answers(in: body)
        guard !answers.isEmpty else { throw .notAnIssue }
        var members: [JSONObject.Member] = []
        var links: [JSONObject.Member] = []
        for field in fields {
            guard let answer = (answers[field.label] ?? nil) ?? field.defaultValue else {
                if field.required && !(field.path == ["year"]) { throw .missing(label: field.label) }
                continue
            }
            switch field.path {
            case ["category"]:
                // The dropdown gives the option; a body edited by hand may name the key or the heading.
                let key = categories.first {
                    $0.option == answer || [$0.key, $0.heading].contains { $0.caseInsensitiveCompare(answer) == .orderedSame }
                }?.key
                guard let key else { throw .unknownCategory(answer, options: categories.map(\.option)) }
                members.append((key: "category", value: .string(key)))
            case ["year"]:
                guard let year = Int(answer) else { throw .notAYear(answer) }
                members.append((key: "year", value: .number(JSONNumber(year))))
            case let path where path.count == 2 && path[0] == "links":
                links.append((key: path[1], value: .string(answer)))
            default:
                members.append((key: field.path.joined(separator: "."), value: .string(answer)))
            }
        }
        if !links.isEmpty { members.append((key: "links", value: .object(JSONObject(links)))) }
        return .object(JSONObject(members))
    }
}
