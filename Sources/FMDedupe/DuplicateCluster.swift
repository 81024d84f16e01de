/// How sure a match is.
public enum DuplicateConfidence: String, Sendable, Codable, CaseIterable, Comparable {
    /// Worth a look: a short title equal to the part before another's colon, or a shared link
    /// between entries whose titles differ (often a link copied into the wrong entry).
    case possible
    /// The titles say so (similar words, or one is the other's subtitle), no key does.
    case likely
    /// A shared key (arXiv id, DOI, address, title, repository) and titles that agree.
    case duplicate

    private var rank: Int {
        switch self {
        case .possible: 0
        case .likely: 1
        case .duplicate: 2
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }

    /// One level less sure; nil below `possible`.
    var lowered: DuplicateConfidence? {
        switch self {
        case .duplicate: .likely
        case .likely: .possible
        case .possible: nil
        }
    }
}

/// What two entries were found to share.
public enum MatchKey: String, Sendable, Codable, CaseIterable {
    case arXiv = "arxiv"
    case doi
    /// The normalised address of a link.
    case url
    /// The normalised title.
    case title
    /// A GitHub or GitLab repository.
    case code
    /// One title is the part after the other's colon: `MoCo pretraining improves …` and
    /// `MoCo-CXR: MoCo pretraining improves …`.
    case subtitle
    /// The titles' words are alike (see `TitleSimilarity`).
    case titleSimilarity = "title-similarity"
    /// One title is the part before the other's colon: `Models Genesis` and `Models Genesis: …`.
    case titleHead = "title-head"
}

/// Why two entries match: the strongest thing they share, and how alike their titles are.
public struct MatchEvidence: Hashable, Sendable {
    public var confidence: DuplicateConfidence
    public var key: MatchKey
    /// The shared value (`2304.06716`, `github.com/mrgiovanni/modelsgenesis`); nil for a similarity.
    public var value: String?
    /// Token similarity of the two titles, 0…1, whatever the key.
    public var similarity: Double
}

/// A group of entries that are the same paper, with the links that tie them.
public struct DuplicateCluster: Hashable, Sendable {
    /// One listed entry of a cluster.
    public struct Entry: Hashable, Sendable {
        /// The entry's index in `ListView.entries`; for a table's row (`isTableRow`), the count of
        /// those entries plus its place among the list's table rows.
        public var index: Int
        public var line: Int
        /// The heading text of the entry's section.
        public var section: String?
        public var category: String?
        public var year: Int?
        /// The entry's first line, without its indentation.
        public var text: String
        /// Its title (a dataset row's name), when it has one.
        public var title: String? = nil
        /// A row of a table: reported, never merged (the merge edits items).
        public var isTableRow: Bool = false
    }

    /// A matched pair of the cluster's entries.
    public struct Reason: Hashable, Sendable {
        /// The two entries' lines, the earlier first.
        public var firstLine: Int
        public var secondLine: Int
        public var evidence: MatchEvidence
    }

    /// The weakest link needed to hold the cluster together.
    public var confidence: DuplicateConfidence
    /// In line order.
    public var entries: [Entry]
    /// Every matched pair inside the cluster, strongest first.
    public var reasons: [Reason]
}

/// A listed entry that a not-yet-written entry matches.
public struct DuplicateMatch: Hashable, Sendable {
    public var entry: DuplicateCluster.Entry
    public var evidence: MatchEvidence
}

/// An entry a contributor is about to add: its title and the targets of its links.
public struct CandidateEntry: Hashable, Sendable {
    public var title: String
    public var links: [String]
    /// Where it will go: with a scope of `.category` or `.section`, only entries there are compared.
    public var category: String?
    public var section: Int?

    public init(title: String, links: [String], category: String? = nil, section: Int? = nil) {
        self.title = title
        self.links = links
        self.category = category
        self.section = section
    }
}
