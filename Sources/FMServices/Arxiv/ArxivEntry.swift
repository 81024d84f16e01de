import Foundation

/// What arXiv's Atom feed says of one paper.
public struct ArxivEntry: Hashable, Sendable {
    public var id: ArxivID
    /// The title on one line.
    public var title: String
    /// The year of the first version.
    public var year: Int?
    /// Where it was published, as the authors wrote it (`Phys.Lett.B573:94-100,2003`).
    public var journalRef: String?
    /// The DOI of the published version.
    public var doi: String?
    public var comment: String?
    public var summary: String
    /// A code repository named in the comment or the abstract.
    public var code: String?

    /// The entries of a feed, and the message of an error entry (arXiv's answer to a malformed id).
    static func read(feed bytes: [UInt8]) throws(ServiceError) -> (entries: [ArxivEntry], error: String?) {
        let root: XMLElement
        do { root = try XMLElement.parse(bytes) } catch {
            throw .malformed(service: "arXiv", reason: "\(error.reason) at byte \(error.offset)")
        }
        guard root.name == "feed" else { throw .malformed(service: "arXiv", reason: "not an Atom feed") }
        var entries: [ArxivEntry] = []
        for element in root.all("entry") {
            let link = oneLine(element.first("id")?.text ?? "")
            if link.contains("/api/errors") { return ([], oneLine(element.first("summary")?.text ?? "error")) }
            guard let id = ArxivID(link) else { continue }
            let summary = oneLine(element.first("summary")?.text ?? "")
            let comment = element.first("arxiv:comment").map { oneLine($0.text) }
            entries.append(ArxivEntry(
                id: id, title: oneLine(element.first("title")?.text ?? ""),
                year: element.first("published").flatMap { Int($0.text.trimmingCharacters(in: .whitespaces).prefix(4)) },
                journalRef: element.first("arxiv:journal_ref").map { oneLine($0.text) }.flatMap { $0.isEmpty ? nil : $0 },
                doi: element.first("arxiv:doi").map { oneLine($0.text) }.flatMap { $0.isEmpty ? nil : $0 },
                comment: comment, summary: summary, code: codeLink(in: [comment ?? "", summary])))
        }
        return (entries, nil)
    }

    /// White space runs as one space, trimmed.
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// `https://github.com/owner/repo` for the first GitHub repository named in `texts`.
    static func codeLink(in texts: [String]) -> String? {
        for text in texts {
            if let match = text.firstMatch(of: /github\.com\/([A-Za-z0-9_.\-]+)\/([A-Za-z0-9_.\-]+)/) {
                var repository = String(match.2)
                while repository.hasSuffix(".") { repository.removeLast() }
                if repository.hasSuffix(".git") { repository.removeLast(4) }
                guard !repository.isEmpty else { continue }
                return "https://github.com/\(match.1)/\(repository)"
            }
        }
        return nil
    }
}
