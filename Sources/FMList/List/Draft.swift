import FMSchema

/// A paper a contributor is adding, before it is written.
public struct PaperDraft: Hashable, Sendable {
    public var category: String
    public var year: Int?
    public var venue: String?
    public var title: String
    /// Links by label key (`paper`, `code`, `project`, …), in the order they are written (the
    /// paper's first, unless a record gives another order).
    public var links: [Link]
    /// What a paper table's row says beyond the year: its date (`2024-06`, `2024-06-30`), its
    /// authors (`A. Author et al.`, also the authors item a list writes under each entry:
    /// `- A. Author and B. Author. *ICML 2019*`), and its other cells by their column's header key.
    public var date: String?
    public var authors: String?
    public var cells: [Cell] = []
    /// What the list says of the entry after its links (`[[repo]](u): various benchmark tasks`).
    public var note: String?
    /// The entry links no paper: it lists code, a model, a dataset or a blog post for itself.
    /// The schema then asks for no paper link, and for one link at least.
    public var resource = false
    /// Where `fmadd export` saw the entry among its section's entries (`listed.index`), from 0:
    /// an entry added back goes there when that place is in its year group.
    public var position: Int?
    /// The line `fmadd export` saw the entry on (`listed.line`): which side of a heading it
    /// stood on, when its place lies between two entries that a heading parts.
    public var listedLine: Int?
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
            // Labels are ASCII, but for a few: read as bytes, without Unicode's tables.
            if label.utf8.allSatisfy({ $0 < 0x80 }) {
                let bytes = label.utf8.compactMap { byte -> UInt8? in
                    switch byte {
                    case UInt8(ascii: "A")...UInt8(ascii: "Z"): return byte + 0x20
                    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"): return byte
                    default: return nil
                    }
                }
                return String(decoding: bytes, as: UTF8.self)
            }
            return label.lowercased().filter { $0.isLetter || $0.isNumber || $0 == "-" }
        }
    }

    /// A cell of a paper table's row that no field holds (`Model`, `Key Feature`), by the key of its header.
    public struct Cell: Hashable, Sendable {
        public var key: String
        public var text: String
        public init(key: String, text: String) {
            self.key = key
            self.text = text
        }
    }

    public init(category: String, year: Int?, venue: String?, title: String, links: [Link]) {
        self.category = category
        self.year = year
        self.venue = venue
        self.title = title
        self.links = links
    }

    /// The year its venue states, as a word of four digits between 1900 and 2099 (`ICLR 2024`;
    /// `MICCAI'23` states none).
    public var venueYear: Int? {
        guard let venue, venue.utf8.contains(where: { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else { return nil }
        return venue.split { !$0.isNumber }.reversed().lazy.compactMap { word -> Int? in
            guard word.count == 4, let value = Int(word), (1900...2099).contains(value) else { return nil }
            return value
        }.first
    }

    /// What is wrong with its year beside its venue: a paper first appears at the latest in the
    /// year of its venue.
    public var yearConflict: String? {
        guard let year, let stated = venueYear, year > stated else { return nil }
        return "year: \(year) is later than the year its venue states, \(stated); give the year the paper first appeared, or correct the venue"
    }

    /// The draft as the entry schema sees it.
    public var json: JSONValue { .object(JSONObject(jsonMembers())) }

    /// The members of `json`, in order, with room for `extra` more.
    func jsonMembers(extra: Int = 0) -> [JSONObject.Member] {
        var members: [JSONObject.Member] = []
        members.reserveCapacity(8 + extra)
        members.append((key: "category", value: .string(category)))
        if let year { members.append((key: "year", value: .number(JSONNumber(year)))) }
        if let date { members.append((key: "date", value: .string(date))) }
        if let venue { members.append((key: "venue", value: .string(venue))) }
        members.append((key: "title", value: .string(title)))
        if let authors { members.append((key: "authors", value: .string(authors))) }
        members.append((key: "links", value: .object(JSONObject(links.map { (key: $0.key, value: JSONValue.string($0.url)) }))))
        if let note { members.append((key: "note", value: .string(note))) }
        if !cells.isEmpty { members.append((key: "cells", value: .object(JSONObject(cells.map { (key: $0.key, value: JSONValue.string($0.text)) })))) }
        if resource { members.append((key: "resource", value: .bool(true))) }
        return members
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

    public var json: JSONValue { .object(JSONObject(jsonMembers())) }

    /// The members of `json`, in order, with room for `extra` more.
    func jsonMembers(extra: Int = 0) -> [JSONObject.Member] {
        var members: [JSONObject.Member] = [(key: "category", value: .string(category)), (key: "name", value: .string(name))]
        members.reserveCapacity(7 + extra)
        for (key, value) in [("paper", paper), ("link", link), ("modality", modality), ("scale", scale), ("task", task)] {
            if let value { members.append((key: key, value: .string(value))) }
        }
        return members
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

    public var json: JSONValue { .object(JSONObject(jsonMembers())) }

    /// The members of `json`, in order, with room for `extra` more.
    func jsonMembers(extra: Int = 0) -> [JSONObject.Member] {
        switch self {
        case .paper(let paper): return paper.jsonMembers(extra: extra)
        case .dataset(let dataset): return dataset.jsonMembers(extra: extra)
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
