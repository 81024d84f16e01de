import FMEditor
import FMList
import FMServices

/// The fields of one entry as `fmadd add` takes them from its flags.
public struct DraftFields: Sendable, Equatable {
    public var category: String?
    public var title: String?
    public var paper: String?
    public var code: String?
    /// Other links, each `label=url`.
    public var links: [String] = []
    public var venue: String?
    public var year: Int?
    /// The authors, as the list writes them (`A. Vaswani et al.`).
    public var authors: String?
    /// The day or month it appeared (`2024-06-30`, `2024-06`), which states its year.
    public var date: String?
    public var name: String?
    public var datasetLink: String?
    public var modality: String?
    public var scale: String?
    public var task: String?
    /// An arXiv id or link, or a DOI, to fill the other fields from.
    public var arxiv: String?
    public var doi: String?
    /// Code, a model or a dataset listed for itself: no paper link is asked for.
    public var resource = false

    public init(category: String? = nil, title: String? = nil, paper: String? = nil, code: String? = nil, links: [String] = [],
                venue: String? = nil, year: Int? = nil, name: String? = nil, datasetLink: String? = nil,
                modality: String? = nil, scale: String? = nil, task: String? = nil, arxiv: String? = nil, doi: String? = nil,
                authors: String? = nil, date: String? = nil, resource: Bool = false) {
        self.category = category
        self.title = title
        self.paper = paper
        self.code = code
        self.links = links
        self.venue = venue
        self.year = year
        self.name = name
        self.datasetLink = datasetLink
        self.modality = modality
        self.scale = scale
        self.task = task
        self.arxiv = arxiv
        self.doi = doi
        self.authors = authors
        self.date = date
        self.resource = resource
    }

    /// The identifier to look the paper up by, from `arxiv` or `doi`; nil when neither is given.
    public func identifier() throws(PaperLookup.Problem) -> PaperLookup.Identifier? {
        if let arxiv {
            guard let id = ArxivID(arxiv) else { throw .notAnIdentifier(arxiv, kind: "arXiv") }
            return .arxiv(id)
        }
        if let doi {
            guard let value = DOI(doi) else { throw .notAnIdentifier(doi, kind: "DOI") }
            return .doi(value)
        }
        return nil
    }

    /// These fields, with what a service gave where they give nothing: the fields given win.
    public func filled(with paper: PaperLookup.Paper) -> DraftFields {
        var fields = self
        fields.title = title ?? paper.title
        fields.paper = self.paper ?? paper.link
        fields.venue = venue ?? paper.venue
        fields.year = year ?? paper.year
        let codeGiven = code != nil || links.contains { $0.lowercased().hasPrefix("code=") }
        if !codeGiven { fields.code = paper.code }
        return fields
    }

    /// No title, name or paper: nothing to make an entry of (a terminal asks for each field).
    public var isEmpty: Bool { title == nil && name == nil && paper == nil && arxiv == nil && doi == nil }

    /// What is missing or wrong in the fields, said as a usage error of `fmadd add`.
    public struct Problem: Error, Equatable, CustomStringConvertible {
        public var description: String
    }

    /// The entry these fields describe in a list of `configuration`.
    public func draft(configuration: Configuration) throws(Problem) -> Draft {
        let keys = configuration.categories.map(\.key)
        guard !isEmpty else {
            guard let category else {
                throw Problem(description: "missing category; give it with --category (one of \(keys.joined(separator: ", ")))")
            }
            let field = configuration.category(category)?.kind == .datasets ? "name" : "title"
            throw Problem(description: "missing \(field); give it with --\(field) (or run fmadd add --category \(category) on a terminal to be asked for each field)")
        }
        guard let category else { throw Problem(description: "missing category; give it with --category") }
        guard let kind = configuration.category(category)?.kind else {
            throw Problem(description: AddError.unknownCategory(category, known: keys).description)
        }
        if kind == .datasets {
            guard let name = name ?? title else { throw Problem(description: "missing name; give it with --name") }
            return .dataset(DatasetDraft(category: category, name: name, paper: paper, link: datasetLink,
                                         modality: modality, scale: scale, task: task))
        }
        guard let title else { throw Problem(description: "missing title; give it with --title") }
        // --paper and --code are --link paper= and --link code=; each label once.
        var links: [PaperDraft.Link] = []
        for (flag, key, url) in [("--paper", "paper", paper), ("--code", "code", code)] + self.links.map({ ("--link", "", $0) }) {
            guard let url else { continue }
            var key = key, value = url
            if flag == "--link" {
                let parts = url.split(separator: "=", maxSplits: 1).map(String.init)
                guard parts.count == 2 else { throw Problem(description: "--link takes label=url, got \(url)") }
                (key, value) = (parts[0].lowercased(), parts[1])
            }
            guard !links.contains(where: { $0.key == key }) else {
                throw Problem(description: "the \(key) link is given twice (\(flag) and --\(key) or --link \(key)=); give it once")
            }
            links.append(.init(key: key, url: value))
        }
        // Other links without a paper's (a talk's slides) go to `add`, which takes them where the
        // section links no paper.
        guard !links.isEmpty else {
            throw Problem(description: resource ? "a resource needs a link; give it with --code or --link label=url" : "missing paper; give it with --paper")
        }
        let paper = links.first(where: { $0.key == "paper" })?.url
        links.sort { ($0.key == "paper" ? 0 : 1) < ($1.key == "paper" ? 0 : 1) }
        guard let year = year ?? date.flatMap({ TableDateForm.read($0)?.year }) ?? paper.flatMap(YearHint.year(fromLink:)) else {
            throw Problem(description: "missing year; give it with --year (it could not be read from the paper link)")
        }
        var draft = PaperDraft(category: category, year: year, venue: venue, title: title, links: links)
        draft.authors = authors
        draft.date = date
        draft.resource = resource
        return .paper(draft)
    }
}
