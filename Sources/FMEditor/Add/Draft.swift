import FMList
import FMSchema

/// A paper a contributor is adding, before it is written.
public struct PaperDraft: Hashable, Sendable {
    public var category: String
    public var year: Int?
    public var venue: String?
    public var title: String
    /// Links by label key (`paper`, `code`, `project`, …), the paper's first.
    public var links: [Link]

    public struct Link: Hashable, Sendable {
        public var key: String
        public var url: String
        public init(key: String, url: String) {
            self.key = key
            self.url = url
        }

        /// The key of a link the list labels `label`: `[[Paper]]` is `paper`, `[[Project Page]]`
        /// `projectpage`; empty for a label without letters or digits (`[*]`).
        public static func key(forLabel label: String) -> String {
            label.lowercased().filter { $0.isLetter || $0.isNumber || $0 == "-" }
        }
    }

    public init(category: String, year: Int?, venue: String?, title: String, links: [Link]) {
        self.category = category
        self.year = year
        self.venue = venue
        self.title = title
        self.links = links
    }

    /// The draft as the entry schema sees it.
    public var json: JSONValue {
        var object: [(String, JSONValue)] = [("category", .string(category))]
        if let year { object.append(("year", .number(JSONNumber(year)))) }
        if let venue { object.append(("venue", .string(venue))) }
        object.append(("title", .string(title)))
        object.append(("links", .object(JSONObject(links.map { (key: $0.key, value: JSONValue.string($0.url)) }))))
        return .object(JSONObject(object.map { (key: $0.0, value: $0.1) }))
    }
}

/// A dataset row a contributor is adding.
public struct DatasetDraft: Hashable, Sendable {
    public var category: String
    public var name: String
    public var paper: String?
    public var link: String?
    public var modality: String?
    public var scale: String?
    public var task: String?

    public init(category: String, name: String, paper: String? = nil, link: String? = nil,
                modality: String? = nil, scale: String? = nil, task: String? = nil) {
        self.category = category
        self.name = name
        self.paper = paper
        self.link = link
        self.modality = modality
        self.scale = scale
        self.task = task
    }

    public var json: JSONValue {
        var object: [(String, JSONValue)] = [("category", .string(category)), ("name", .string(name))]
        for (key, value) in [("paper", paper), ("link", link), ("modality", modality), ("scale", scale), ("task", task)] {
            if let value { object.append((key, .string(value))) }
        }
        return .object(JSONObject(object.map { (key: $0.0, value: $0.1) }))
    }
}

/// What is being added: a paper entry or a dataset row.
public enum Draft: Hashable, Sendable {
    case paper(PaperDraft)
    case dataset(DatasetDraft)

    public var category: String {
        switch self {
        case .paper(let paper): return paper.category
        case .dataset(let dataset): return dataset.category
        }
    }

    public var json: JSONValue {
        switch self {
        case .paper(let paper): return paper.json
        case .dataset(let dataset): return dataset.json
        }
    }

    /// The built-in schema that checks it.
    public var schemaName: String {
        switch self {
        case .paper: return "entry"
        case .dataset: return "dataset"
        }
    }

    public var title: String {
        switch self {
        case .paper(let paper): return paper.title
        case .dataset(let dataset): return dataset.name
        }
    }
}
