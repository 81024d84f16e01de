import Foundation

/// What Crossref's `/works/DOI` says of one work.
public struct CrossrefWork: Hashable, Sendable {
    public var doi: DOI
    public var title: String
    /// The journal or proceedings, then its short names (`Nature Medicine`, `Nat Med`).
    public var containerTitles: [String]
    /// The year of the earliest of its dates (print, online, posted, issued).
    public var year: Int?
    /// `journal-article`, `proceedings-article`, `posted-content` (a preprint), …
    public var type: String
    /// A preprint's server (`bioRxiv`, `medRxiv`), from its institution or group title.
    public var server: String?
    /// The published versions of a preprint (`relation.is-preprint-of`).
    public var preprintOf: [DOI]

    public var isPreprint: Bool { type == "posted-content" }

    static func read(_ data: Data, doi: DOI) throws(ServiceError) -> CrossrefWork {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let message = object["message"] as? [String: Any] else {
            throw .malformed(service: "Crossref", reason: "not a work in JSON")
        }
        func strings(_ key: String) -> [String] {
            ((message[key] as? [Any]) ?? []).compactMap { $0 as? String }.map(ArxivEntry.oneLine).filter { !$0.isEmpty }
        }
        let years = ["published-print", "published-online", "published", "posted", "issued"].compactMap { key -> Int? in
            guard let date = message[key] as? [String: Any], let parts = date["date-parts"] as? [[Any]], let first = parts.first?.first else { return nil }
            return (first as? Int) ?? (first as? NSNumber)?.intValue
        }
        let relations = (message["relation"] as? [String: Any])?["is-preprint-of"] as? [[String: Any]] ?? []
        let institutions = ((message["institution"] as? [[String: Any]]) ?? []).compactMap { $0["name"] as? String }
        let server = (institutions + [message["group-title"] as? String].compactMap { $0 })
            .first { ["biorxiv", "medrxiv"].contains($0.lowercased()) }
        var titles = strings("container-title")
        for short in strings("short-container-title") where !titles.contains(short) { titles.append(short) }
        return CrossrefWork(
            doi: doi, title: strings("title").first ?? "", containerTitles: titles, year: years.min(),
            type: message["type"] as? String ?? "", server: server,
            preprintOf: relations.filter { ($0["id-type"] as? String)?.lowercased() == "doi" }.compactMap { ($0["id"] as? String).flatMap(DOI.init) })
    }
}
