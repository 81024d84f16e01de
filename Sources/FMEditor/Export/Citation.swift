import FMDedupe
import FMList

/// A paper as a reference manager takes it: what `fmadd export --format bibtex|csl-json` writes,
/// one for each paper, however many sections list it.
public struct Citation: Hashable, Sendable {
    /// What the venue says the paper is.
    public enum Kind: Sendable {
        /// On a preprint server (`arXiv`, `bioRxiv`, `medRxiv`), or no venue but an arXiv id.
        case preprint
        case journal
        /// At a conference or a workshop: `booktitle` in BibTeX.
        case conference
        /// No venue and no preprint: a web page.
        case other
    }

    /// Unique within one export and the same for the same list: the arXiv id (`2507.05201`,
    /// `astro-ph-0601001`), else the title's first word and the year (`towards2024`), with `a`,
    /// `b`, … after a key that is already taken.
    public var key: String
    public var kind: Kind
    public var title: String
    public var year: Int?
    /// The paper's own page: its `paper` link, else its first link that is not code.
    public var url: String?
    public var arXivID: String?
    public var doi: String?
    /// The journal, conference or preprint server, as the list names it.
    public var venue: String?
    /// The headings of the sections that list the paper, in the list's order.
    public var categories: [String]

    /// One citation for each paper among `entries` (dataset rows are left out), in the order
    /// the papers first appear. Entries with the same title that name the same arXiv id, DOI
    /// or paper address, or no link, are one paper listed in several sections.
    public static func all(from entries: [ListedEntry]) -> [Citation] {
        var citations: [Citation] = []
        var byIdentity: [String: Int] = [:]
        for entry in entries {
            guard case .paper(let draft) = entry.draft else { continue }
            let citation = Citation(draft, section: entry.listing.section)
            let identity = citation.identity
            if let known = byIdentity[identity] {
                citations[known].merge(citation)
            } else {
                byIdentity[identity] = citations.count
                citations.append(citation)
            }
        }
        var taken = Set<String>()
        for index in citations.indices {
            let base = citations[index].arXivID.map { $0.replacingSlashes() } ?? citations[index].titleKey
            var key = base
            var suffix = 0
            while taken.contains(key) {
                key = base + Self.suffix(suffix)
                suffix += 1
            }
            taken.insert(key)
            citations[index].key = key
        }
        return citations
    }

    init(_ draft: PaperDraft, section: String) {
        let urls = draft.links.map(\.url)
        arXivID = urls.lazy.compactMap(EntryKeys.arXivID(in:)).first
        doi = urls.lazy.compactMap(EntryKeys.doi(in:)).first
        let paper = draft.links.first { $0.key == "paper" }
            ?? draft.links.first { EntryKeys.repository(in: $0.url) == nil && !$0.key.contains("code") }
        url = paper?.url
        // The list ends its titles with a full stop; a reference manager adds its own.
        title = draft.title.hasSuffix(".") && !draft.title.hasSuffix("..") ? String(draft.title.dropLast()) : draft.title
        venue = draft.venue.map { $0.trimmingWhitespace() }.flatMap { $0.isEmpty ? nil : $0 }
        year = draft.year ?? url.flatMap(YearHint.year(fromLink:))
        categories = [section]
        key = ""
        kind = Self.kind(venue: venue, arXivID: arXivID)
    }

    /// The key that says two entries are one paper: the same title (normalised) at the same
    /// arXiv id, DOI or address. One link under two titles is a wrong link, not one paper.
    var identity: String {
        let title = EntryKeys.normalizedTitle(title)
        if let arXivID { return "arxiv:" + arXivID + " " + title }
        if let doi { return "doi:" + doi + " " + title }
        if let url, let link = EntryKeys.identity(ofLink: url) { return link + " " + title }
        return "title:" + title
    }

    /// The same paper listed again: its sections are added, and what the first listing left out
    /// is taken from this one.
    mutating func merge(_ other: Citation) {
        for category in other.categories where !categories.contains(category) { categories.append(category) }
        if venue == nil, other.venue != nil {
            venue = other.venue
            kind = other.kind
        }
        year = year ?? other.year
        doi = doi ?? other.doi
        url = url ?? other.url
    }

    /// The title's first word, without diacritics or punctuation (`R&D` is `rd`), and the
    /// year: what a key is made of when there is no arXiv id. Articles are skipped (`The …`).
    var titleKey: String {
        let words = title.split(whereSeparator: \.isWhitespace)
        let word = words.first { !["a", "an", "the"].contains($0.lowercased()) } ?? words.first
        let letters = String(String.UnicodeScalarView(EntryKeys.normalizedTitle(String(word ?? "")).unicodeScalars.filter {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))
        }))
        return (letters.isEmpty ? "paper" : letters) + (year.map(String.init) ?? "")
    }

    static func suffix(_ index: Int) -> String {
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        var index = index
        var suffix = ""
        repeat {
            suffix = String(letters[index % 26]) + suffix
            index = index / 26 - 1
        } while index >= 0
        return suffix
    }

    /// Words in a venue that say it is a conference or a workshop, and the names of the
    /// conferences that lists name without saying so.
    static let conferenceWords = ["conference", "proceedings", "workshop", "symposium", "congress", "meeting"]
    static let conferences: Set<String> = [
        "aaai", "acl", "aistats", "bmvc", "chil", "cikm", "coling", "colm", "corl", "cvpr", "eccv", "emnlp", "iccv",
        "iclr", "icml", "ijcai", "ipmi", "isbi", "kdd", "miccai", "midl", "ml4h", "mlhc", "naacl", "neurips", "nips",
        "sigir", "uai", "wacv", "www",
    ]

    static func kind(venue: String?, arXivID: String?) -> Kind {
        guard let venue else { return arXivID == nil ? .other : .preprint }
        if ListStatistics.isPreprintVenue(venue) { return .preprint }
        let lower = venue.lowercased()
        if conferenceWords.contains(where: { lower.contains($0) }) { return .conference }
        // `MICCAI 2023`, `CVPR'24`, `NeurIPS Workshop`: the first word, without its year.
        let firstWord = lower.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).first.map {
            String($0.prefix { $0.isLetter })
        }
        return firstWord.map(conferences.contains) == true ? .conference : .journal
    }
}

extension String {
    /// An old-style arXiv id as a key: `astro-ph/0601001` → `astro-ph-0601001`.
    fileprivate func replacingSlashes() -> String {
        String(map { $0 == "/" ? "-" : $0 })
    }
}
