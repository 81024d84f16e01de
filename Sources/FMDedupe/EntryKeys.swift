/// What identifies the paper behind an entry: its normalised title and the keys its links carry.
/// Two entries that share one of these keys are the same paper, or one of them has a wrong link.
public struct EntryKeys: Hashable, Sendable {
    /// The normalised title (see `normalizedTitle(_:)`); empty when the entry has none.
    public var title: String
    /// Where the title's first colon was: the byte length of the normalised part before it.
    private(set) var colon: Int?
    public var arXivIDs: [String] = []
    public var dois: [String] = []
    public var repositories: [String] = []
    /// Normalised addresses of the links that carry no other key.
    public var urls: [String] = []

    public init(title: String?, urls links: some Sequence<String>) {
        let normalized = TitleNormalizer.analyze(title ?? "")
        self.title = normalized.title
        colon = normalized.colon
        for link in links {
            guard let address = WebAddress(link) else { continue }
            // One key a link: its arXiv id or DOI already names whatever its address would.
            if let repository = Self.repository(in: address) {
                Self.add(repository, to: &repositories)
            } else if let id = Self.arXivID(in: address) {
                Self.add(id, to: &arXivIDs)
            } else if let doi = Self.doi(in: address) {
                Self.add(doi, to: &dois)
            } else if address.hasPathOrQuery {
                // A bare host (`https://github.com/`) is a placeholder, not a paper's address.
                Self.add(Self.normalizedURL(of: address), to: &urls)
            }
        }
    }

    /// Unicode NFKC, case-folded, without diacritics or punctuation, white space collapsed:
    /// `"Über die Bild-Analyse."` → `"uber die bildanalyse"`. Hyphens and apostrophes join the
    /// parts of a word; `+` belongs to it (`CTFold++`).
    public static func normalizedTitle(_ title: String) -> String {
        TitleNormalizer.normalize(title)
    }

    /// The normalised parts before and after the title's first colon (`Models Genesis: Generic …`).
    public var titleHead: String? { colon.map { String(decoding: title.utf8.prefix($0), as: UTF8.self) } }
    public var titleTail: String? { colon.map { String(decoding: title.utf8.dropFirst($0 + 1), as: UTF8.self) } }

    /// The normalised title without its spaces: what two titles that differ only in where their
    /// words break (`multi institutional` and `multi-institutional`) have in common.
    public var compactTitle: String {
        TitleNormalizer.compact(title)
    }

    /// The key that stands for one link target: its arXiv id, DOI, repository or address, in that
    /// order; nil for a link without a web target. Two links with the same identity point to the
    /// same thing (`arxiv.org/abs/2304.06716` and `arxiv.org/pdf/2304.06716.pdf`).
    public static func identity(ofLink url: String) -> String? {
        guard let address = WebAddress(url) else { return nil }
        if let id = arXivID(in: address) { return "arxiv:" + id }
        if let doi = doi(in: address) { return "doi:" + doi }
        if let repository = repository(in: address) { return "code:" + repository }
        return "url:" + normalizedURL(of: address)
    }

    private static func add(_ key: String, to keys: inout [String]) {
        if !keys.contains(key) { keys.append(key) }
    }
}
