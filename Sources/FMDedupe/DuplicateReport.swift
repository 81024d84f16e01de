/// The clusters as `fmadd dedupe --json` prints them:
///
///     {"clusters": [{"confidence": "duplicate",
///                    "entries": [{"line": 28, "section": "VFM methods", "category": "vfm", "year": 2023,
///                                 "text": "- [arXiv] STU-Net: …"}, …],
///                    "reasons": [{"lines": [28, 45], "key": "arxiv", "value": "2304.06716",
///                                 "similarity": 1, "confidence": "duplicate"}]}]}
///
/// `section`, `category`, `year` and `value` are left out when there is none.
public struct DuplicateReport: Encodable, Sendable {
    public var clusters: [DuplicateCluster]

    public init(clusters: [DuplicateCluster]) {
        self.clusters = clusters
    }
}

extension DuplicateCluster: Encodable {
    private enum CodingKeys: String, CodingKey { case confidence, entries, reasons }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(confidence, forKey: .confidence)
        try container.encode(entries, forKey: .entries)
        try container.encode(reasons, forKey: .reasons)
    }
}

extension DuplicateCluster.Entry: Encodable {
    private enum CodingKeys: String, CodingKey { case line, section, category, year, text }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(line, forKey: .line)
        try container.encodeIfPresent(section, forKey: .section)
        try container.encodeIfPresent(category, forKey: .category)
        try container.encodeIfPresent(year, forKey: .year)
        try container.encode(text, forKey: .text)
    }
}

extension DuplicateCluster.Reason: Encodable {
    private enum CodingKeys: String, CodingKey { case lines, key, value, similarity, confidence }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode([firstLine, secondLine], forKey: .lines)
        try container.encode(evidence.key, forKey: .key)
        try container.encodeIfPresent(evidence.value, forKey: .value)
        try container.encode((evidence.similarity * 1000).rounded() / 1000, forKey: .similarity)
        try container.encode(evidence.confidence, forKey: .confidence)
    }
}
