/// Decides whether two entries are the same paper, and how sure that is.
///
/// - A shared arXiv id, DOI or address, the same normalised title, or a shared repository makes a
///   `duplicate` when the titles agree (same words mostly, or one is a part of the other); when
///   they disagree it is only `possible`: more often one entry carries a link copied from another
///   than one paper is listed under two unrelated titles, and a repository may hold several papers.
/// - Without a shared key, one title being the other's subtitle, or titles whose word similarity
///   reaches the threshold, make a `likely` duplicate; a short title equal to the part before the
///   other's colon makes a `possible` one.
/// - Titles that differ in a number or a version of a name (`DoctorDino`, `DoctorDino2`) are never
///   alike, however many other words they share.
/// - Two different arXiv ids, or two different DOIs, lower the confidence one level (a shared key
///   keeps the pair at least `possible`, so that the shared link is reported).
struct PairJudge: Sendable {
    /// Word similarity from which titles alone make a likely duplicate.
    let threshold: Double
    /// Word similarity from which titles agree enough to confirm a shared key.
    static let agreement = 0.5

    func evidence(_ a: Fingerprint, _ b: Fingerprint) -> MatchEvidence? {
        let similarity = TitleSimilarity.jaccard(a.words, b.words)
        let otherVersion = TitleSimilarity.differInVersion(a.words, b.words)
        let sameTitle = a.hasTitle && a.title == b.title && a.keys.compactTitle == b.keys.compactTitle
        let subtitle = Self.isSubtitle(a, of: b) || Self.isSubtitle(b, of: a)
        let head = Self.isHead(a, of: b) || Self.isHead(b, of: a)
        let titlesAgree = sameTitle || subtitle || head || !a.hasTitle || !b.hasTitle
            || (!otherVersion && similarity >= Self.agreement)
        let shared = Self.sharedKey(a.keys, b.keys, sameTitle: sameTitle)

        var evidence: MatchEvidence
        if let (key, value) = shared {
            evidence = MatchEvidence(confidence: titlesAgree ? .duplicate : .possible, key: key, value: value,
                                     similarity: similarity)
        } else if subtitle {
            evidence = MatchEvidence(confidence: .likely, key: .subtitle, value: Self.shorterTitle(a, b),
                                     similarity: similarity)
        } else if similarity >= threshold && !otherVersion {
            evidence = MatchEvidence(confidence: .likely, key: .titleSimilarity, value: nil, similarity: similarity)
        } else if head {
            evidence = MatchEvidence(confidence: .possible, key: .titleHead, value: Self.shorterTitle(a, b),
                                     similarity: similarity)
        } else {
            return nil
        }
        if Self.identitiesConflict(a.keys, b.keys) {
            guard let lowered = evidence.confidence.lowered else { return shared == nil ? nil : evidence }
            evidence.confidence = lowered
        }
        return evidence
    }

    /// The strongest key both entries have, with its value: arXiv id, DOI, address, title, repository.
    private static func sharedKey(_ a: EntryKeys, _ b: EntryKeys, sameTitle: Bool) -> (MatchKey, String)? {
        if let id = a.arXivIDs.first(where: b.arXivIDs.contains) { return (.arXiv, id) }
        if let doi = a.dois.first(where: b.dois.contains) { return (.doi, doi) }
        if let url = a.urls.first(where: b.urls.contains) { return (.url, url) }
        if sameTitle { return (.title, a.title) }
        if let repository = a.repositories.first(where: b.repositories.contains) { return (.code, repository) }
        return nil
    }

    /// Different arXiv ids, or different DOIs: two papers, unless a link is wrong.
    private static func identitiesConflict(_ a: EntryKeys, _ b: EntryKeys) -> Bool {
        func conflict(_ x: [String], _ y: [String]) -> Bool {
            !x.isEmpty && !y.isEmpty && !x.contains(where: y.contains)
        }
        return conflict(a.arXivIDs, b.arXivIDs) || conflict(a.dois, b.dois)
    }

    private static func isSubtitle(_ a: Fingerprint, of b: Fingerprint) -> Bool {
        b.tail != 0 && b.tail == a.title && b.keys.titleTail.map(TitleNormalizer.compact) == a.keys.compactTitle
    }

    private static func isHead(_ a: Fingerprint, of b: Fingerprint) -> Bool {
        b.head != 0 && b.head == a.title && b.keys.titleHead.map(TitleNormalizer.compact) == a.keys.compactTitle
    }

    private static func shorterTitle(_ a: Fingerprint, _ b: Fingerprint) -> String {
        a.keys.title.utf8.count <= b.keys.title.utf8.count ? a.keys.title : b.keys.title
    }
}
