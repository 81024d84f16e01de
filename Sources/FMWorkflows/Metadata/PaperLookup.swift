import Foundation
import FMEditor
import FMGit
import FMServices

/// What arXiv and Crossref know of a paper, from its identifier, as the fields of an entry.
public struct PaperLookup: Sendable {
    public var arxiv: ArxivClient
    public var crossref: CrossrefClient

    public init(arxiv: ArxivClient, crossref: CrossrefClient) {
        self.arxiv = arxiv
        self.crossref = crossref
    }

    /// The clients at the addresses the environment names, with the disk cache; `mailto` is
    /// given to Crossref (from `git config user.email` when not given).
    public static func configured(offline: Bool, mailto: String?,
                                  environment: [String: String] = ProcessInfo.processInfo.environment) throws(ServiceError) -> PaperLookup {
        let cache = ResponseCache(folder: ResponseCache.defaultFolder(environment: environment))
        return PaperLookup(arxiv: try ArxivClient.configured(environment: environment, cache: cache, offline: offline),
                           crossref: try CrossrefClient.configured(environment: environment, cache: cache, offline: offline, mailto: mailto))
    }

    /// The clients for a list: Crossref's `mailto` is the configuration's, else the `user.email`
    /// of git's configuration around the list, when set.
    public static func forList(_ list: ListFile, offline: Bool) throws(WorkflowFailure) -> PaperLookup {
        let folder = (list.path as NSString).deletingLastPathComponent
        let email = list.configuration.mailto ?? (try? Repository(discoveringFrom: folder.isEmpty ? "." : folder)).flatMap { try? $0.configValue("user.email") }
        do { return try configured(offline: offline, mailto: email) } catch { throw .service(error) }
    }

    /// A paper's identifier: an arXiv id or a DOI, read from itself or a link.
    public enum Identifier: Hashable, Sendable, CustomStringConvertible {
        case arxiv(ArxivID)
        case doi(DOI)

        /// An arXiv id or link, else a DOI or doi.org link.
        public init?(_ text: String) {
            if let id = ArxivID(text) { self = .arxiv(id) } else if let doi = DOI(text) { self = .doi(doi) } else { return nil }
        }

        public var description: String {
            switch self {
            case .arxiv(let id): return "arXiv \(id)"
            case .doi(let doi): return "DOI \(doi)"
            }
        }

        /// The paper's link.
        public var link: String {
            switch self {
            case .arxiv(let id): return id.page
            case .doi(let doi): return doi.link
            }
        }
    }

    /// The fields a service gave.
    public struct Paper: Hashable, Sendable {
        public var title: String
        public var year: Int?
        public var venue: String?
        public var link: String
        public var code: String?
    }

    public enum Problem: Error, Sendable, Equatable, CustomStringConvertible {
        /// The text is not an identifier of `kind` (arXiv id, DOI).
        case notAnIdentifier(String, kind: String)
        /// The service knows no paper of this identifier.
        case unknown(Identifier)
        /// The service could not be asked.
        case service(ServiceError, Identifier)

        public var description: String {
            switch self {
            case .notAnIdentifier(let text, let kind):
                return "\(text) is not \(kind == "DOI" ? "a DOI (like 10.1038/s41591-024-02857-3)" : "an arXiv id (like 2507.05201 or astro-ph/0601001) or link"); check it"
            case .unknown(.arxiv(let id)):
                return "arXiv has no paper \(id); check the id (like 2507.05201 or astro-ph/0601001)"
            case .unknown(.doi(let doi)):
                return "Crossref has no work with the DOI \(doi); check the DOI"
            case .service(.offline, let id):
                return "\(id) is not in the cache and --offline asks no service; run without --offline, or give the fields by hand: "
                    + "--title, --year, --venue and --paper \(id.link)"
            case .service(.rejected(_, let message), let id):
                return "\(id) is not a valid identifier (\(message)); check it"
            case .service(let error, _):
                return "\(error)\n(or give the fields by hand: --title, --year, --venue and --paper)"
            }
        }

        /// The identifier is wrong, not the service.
        public var isWrongInput: Bool {
            switch self {
            case .notAnIdentifier, .unknown, .service(.rejected, _): return true
            case .service: return false
            }
        }
    }

    /// The paper `id` names, its venue in the list's spelling where `venues` has it.
    public func paper(_ id: Identifier, venues: VenueVocabulary) throws(Problem) -> Paper {
        switch id {
        case .arxiv(let arxivID):
            let entry: ArxivEntry?
            do { entry = try arxiv.entries([arxivID])[arxivID] } catch { throw .service(error, id) }
            guard let entry else { throw .unknown(id) }
            return Paper(title: entry.title, year: entry.year, venue: publishedVenue(of: entry, venues: venues) ?? "arXiv",
                         link: arxivID.page, code: entry.code)
        case .doi(let doi):
            let work: CrossrefWork?
            do { work = try crossref.work(doi) } catch { throw .service(error, id) }
            guard let work else { throw .unknown(id) }
            return Paper(title: work.title, year: work.year, venue: venue(of: work, venues: venues), link: doi.link, code: nil)
        }
    }

    /// Where an arXiv paper was published: its DOI's journal (asked of Crossref), else the list's
    /// venue its journal reference names, else the reference as written; nil when not published.
    public func publishedVenue(of entry: ArxivEntry, venues: VenueVocabulary) -> String? {
        if let doi = entry.doi.flatMap(DOI.init), let work = try? crossref.work(doi), let venue = venue(of: work, venues: venues) {
            return venue
        }
        guard let reference = entry.journalRef else { return nil }
        return venues.named(in: reference) ?? Self.tag(reference)
    }

    /// A work's venue: the preprint server, or its container in the list's spelling.
    public func venue(of work: CrossrefWork, venues: VenueVocabulary) -> String? {
        if work.isPreprint { return work.server ?? (work.doi.isPreprintServers ? "bioRxiv" : "preprint") }
        guard let first = work.containerTitles.first else { return nil }
        return venues.spelling(of: work.containerTitles) ?? Self.tag(first)
    }

    /// Text as a venue tag may hold it: no brackets, at most 100 characters.
    static func tag(_ text: String) -> String {
        let cleaned = text.replacingOccurrences(of: "[", with: "(").replacingOccurrences(of: "]", with: ")")
        return cleaned.count <= 100 ? cleaned : String(cleaned.prefix(99)) + "…"
    }
}

/// The guided add's paper link looked up through the services, the venue in the list's spelling.
struct ServicePaperFinder: PaperFinder {
    let lookup: PaperLookup
    let venues: VenueVocabulary

    func find(_ answer: String) -> FoundPaper? {
        guard let id = PaperLookup.Identifier(answer) else { return nil }
        do {
            let paper = try lookup.paper(id, venues: venues)
            return FoundPaper(link: paper.link, title: paper.title, venue: paper.venue, year: paper.year, code: paper.code,
                              note: "Found on \(id.service): \(paper.title)")
        } catch {
            return FoundPaper(link: id.link, note: "\(error.description.split(separator: "\n")[0]); type the fields")
        }
    }
}

extension PaperLookup.Identifier {
    /// The service that knows it.
    var service: String {
        switch self {
        case .arxiv: return "arXiv"
        case .doi: return "Crossref"
        }
    }
}
