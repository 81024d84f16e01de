/// Decides whether two entries are the same paper, and how sure that is.
///
/// - A shared arXiv id, DOI, address or repository, or the same normalised title, makes a
///   `duplicate` when the titles agree (same words mostly, or one is a part of the other); when
///   they disagree it is only `possible`: more often one entry carries a link copied from another
///   than one paper is listed under two unrelated titles, and a repository may hold several papers.
/// - The same title with no shared link is weaker when the title is a bare name of one or two
///   words: names are chosen to be alike, sentences are not. The same name spelled alike is
///   `likely`; spelled with and without a hyphen or space (`PMC-Mamba`, `PMCMamba`) it is only
///   `possible`, since such names often tell apart models of one family.
/// - Without a shared key, one title being the other's subtitle, or titles whose word similarity
///   reaches the threshold, make a `likely` duplicate; a short title equal to the part before the
///   other's colon makes a `possible` one.
/// - Titles that differ in a number or a version of a name (`DoctorDino`, `DoctorDino2`), or that
///   give one description to two names (`DoctorDino: …`, `Meditron: …`), are never alike, however
///   many other words they share.
/// - Links that contradict each other lower the confidence one level: two different arXiv ids, two
///   different DOIs, or, when no link is shared, two different repositories (a paper has one
///   official repository). A shared link keeps the pair at least `possible`, so that it is reported.
struct PairJudge: Sendable {
    /// Word similarity from which titles alone make a likely duplicate.
    let threshold: Double
    /// Word similarity from which titles agree enough to confirm a shared key.
    static let agreement = 0.5
    /// Titles of fewer words are names, not sentences.
    static let sentenceWords = 3

    func evidence(_ a: Fingerprint, _ b: Fingerprint) -> MatchEvidence? {
        let similarity = TitleSimilarity.jaccard(a.words, b.words)
        let otherVersion = TitleSimilarity.differInVersion(a.words, b.words)
        let sameTitle = a.hasTitle && a.title == b.title && a.keys.compactTitle == b.keys.compactTitle
        let subtitle = Self.isSubtitle(a, of: b) || Self.isSubtitle(b, of: a)
        let head = Self.isHead(a, of: b) || Self.isHead(b, of: a)
        let titlesAgree = sameTitle || subtitle || head || !a.hasTitle || !b.hasTitle
            || (!otherVersion && similarity >= Self.agreement)
        let sharesLink = Self.sharesLink(a.keys, b.keys)

        var evidence: MatchEvidence
        if let (key, value) = Self.sharedKey(a.keys, b.keys, sameTitle: sameTitle) {
            var confidence = titlesAgree ? DuplicateConfidence.duplicate : .possible
            if key == .title && !sharesLink && a.nameSpelling != 0 {
                confidence = a.nameSpelling == b.nameSpelling ? .likely : .possible
            }
            evidence = MatchEvidence(confidence: confidence, key: key, value: value, similarity: similarity)
        } else if subtitle {
            evidence = MatchEvidence(confidence: .likely, key: .subtitle, value: Self.shorterTitle(a, b),
                                     similarity: similarity)
        } else if similarity >= threshold && !otherVersion && !Self.namesDiffer(a, b) {
            evidence = MatchEvidence(confidence: .likely, key: .titleSimilarity, value: nil, similarity: similarity)
        } else if head {
            evidence = MatchEvidence(confidence: .possible, key: .titleHead, value: Self.shorterTitle(a, b),
                                     similarity: similarity)
        } else {
            return nil
        }
        if Self.linksContradict(a.keys, b.keys, sharesLink: sharesLink) {
            guard let lowered = evidence.confidence.lowered else { return sharesLink ? evidence : nil }
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

    private static func sharesLink(_ a: EntryKeys, _ b: EntryKeys) -> Bool {
        a.arXivIDs.contains(where: b.arXivIDs.contains) || a.dois.contains(where: b.dois.contains)
            || a.urls.contains(where: b.urls.contains) || a.repositories.contains(where: b.repositories.contains)
    }

    /// Different arXiv ids or different DOIs: two papers, unless a link is wrong. Different
    /// repositories count only when nothing else is shared, since a paper may also link a port.
    private static func linksContradict(_ a: EntryKeys, _ b: EntryKeys, sharesLink: Bool) -> Bool {
        func differ(_ x: [String], _ y: [String]) -> Bool {
            !x.isEmpty && !y.isEmpty && !x.contains(where: y.contains)
        }
        return differ(a.arXivIDs, b.arXivIDs) || differ(a.dois, b.dois)
            || (!sharesLink && differ(a.repositories, b.repositories))
    }

    /// `DoctorDino: what it does` and `Meditron: what it does`: one description, two named models.
    private static func namesDiffer(_ a: Fingerprint, _ b: Fingerprint) -> Bool {
        a.head != 0 && b.head != 0 && a.head != b.head && a.keys.titleTail == b.keys.titleTail
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
