import Foundation

/// The configuration's `distinct` lists: each names entries (by title or by a link) that are
/// different papers however alike they look, such as `["CTFold", "CTFold++"]`.
struct DistinctRules: Sendable {
    /// A name of one list: a normalised compact title, or the identity of a link.
    private struct Name: Sendable {
        var group: Int
        var item: Int
        var compactTitle: String
        var identities: [String]
    }

    private let names: [Name]

    init(_ lists: [[String]]) {
        var names: [Name] = []
        for (group, list) in lists.enumerated() {
            for (item, text) in list.enumerated() {
                names.append(Name(group: group, item: item,
                                  compactTitle: TitleNormalizer.compact(EntryKeys.normalizedTitle(text)),
                                  identities: Self.identities(of: text)))
            }
        }
        self.names = names
    }

    var isEmpty: Bool { names.isEmpty }

    /// The `(list, item)` names that an entry answers to.
    func memberships(of fingerprint: Fingerprint) -> Set<Membership> {
        guard !names.isEmpty else { return [] }
        let identities = Self.identities(of: fingerprint.keys)
        var result = Set<Membership>()
        for name in names {
            let byTitle = !name.compactTitle.isEmpty && name.compactTitle == fingerprint.keys.compactTitle
            if byTitle || name.identities.contains(where: identities.contains) {
                result.insert(Membership(group: name.group, item: name.item))
            }
        }
        return result
    }

    /// Whether entries answering to `a` and to `b` are declared different papers.
    static func areDistinct(_ a: Set<Membership>, _ b: Set<Membership>) -> Bool {
        for x in a {
            for y in b where x.group == y.group && x.item != y.item && !a.contains(y) && !b.contains(x) {
                return true
            }
        }
        return false
    }

    struct Membership: Hashable, Sendable {
        var group: Int
        var item: Int
    }

    /// A name written as a link, or as a bare arXiv id or DOI.
    private static func identities(of text: String) -> [String] {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        var result: [String] = []
        if let identity = EntryKeys.identity(ofLink: trimmed) { result.append(identity) }
        if let id = EntryKeys.arXivIdentifier(trimmed) { result.append("arxiv:" + id) }
        if trimmed.hasPrefix("10."), trimmed.contains("/") { result.append("doi:" + trimmed.lowercased()) }
        return result
    }

    private static func identities(of keys: EntryKeys) -> Set<String> {
        var result = Set<String>()
        for id in keys.arXivIDs { result.insert("arxiv:" + id) }
        for doi in keys.dois { result.insert("doi:" + doi) }
        for repository in keys.repositories { result.insert("code:" + repository) }
        for url in keys.urls { result.insert("url:" + url) }
        return result
    }
}
