import FMEditor
import FMList
import FMServices

/// For each entry of a list tagged as a preprint, asks arXiv (its journal reference and DOI) or
/// Crossref (a bioRxiv or medRxiv DOI's `is-preprint-of`) whether it has been published, and
/// proposes the new venue tag and paper link. A title that does not match the service's closely
/// enough is reported, never changed.
public struct RefreshWorkflow {
    public enum Mode: Sendable {
        /// Write nothing; give the diff.
        case diff
        /// Write the refreshed list.
        case apply
        /// Write the refreshed list and commit it (only it).
        case commit
    }

    public var list: ListFile
    public var mode: Mode
    public var lookup: PaperLookup

    public init(list: ListFile, mode: Mode, lookup: PaperLookup) {
        self.list = list
        self.mode = mode
        self.lookup = lookup
    }

    /// One entry found published.
    public struct Change: Hashable, Sendable {
        public var line: Int
        public var title: String
        public var identifier: PaperLookup.Identifier
        public var venue: String
        public var oldVenue: String
        /// The published version's link, replacing the preprint's (`oldLink`); nil to keep it.
        public var link: String?
        public var oldLink: String
        /// Where the preprint's link starts in the line.
        var linkOffset: Int
    }

    /// An entry whose title is not the one the service gives for its identifier.
    public struct Mismatch: Hashable, Sendable {
        public var line: Int
        public var identifier: PaperLookup.Identifier
        public var listed: String
        public var found: String
    }

    public struct Outcome: Sendable {
        /// Entries tagged as preprints with an identifier fmadd can ask about.
        public var checked: Int
        public var changes: [Change]
        public var mismatches: [Mismatch]
        /// Identifiers the services do not know, with the entry's line.
        public var unknown: [(line: Int, identifier: PaperLookup.Identifier)]
        public var diff: String
        public var written: FixWorkflow.Written
    }

    /// What a preprint entry is and where its identifier stands.
    struct Candidate {
        var entry: Entry
        var identifier: PaperLookup.Identifier
        var link: EntryLink
    }

    /// Refreshes the list; `progress` is told how many of how many entries are checked.
    public func run(progress: (Int, Int) -> Void = { _, _ in }) throws(WorkflowFailure) -> Outcome {
        let path = list.path
        let writes = mode != .diff
        let lock = writes ? try tryList { () throws(ListError) in try ListLock(list: path) } : nil
        defer { lock?.release() }
        let document = try tryList { () throws(ListError) in try Document(contentsOf: path) }
        let view = ListView(document: document, configuration: list.configuration)
        let venues = VenueVocabulary(view: view)
        let candidates = Self.candidates(in: view)
        var outcome = Outcome(checked: candidates.count, changes: [], mismatches: [], unknown: [], diff: "", written: .nothing)
        var done = 0
        progress(0, candidates.count)

        func judge(_ candidate: Candidate, title found: String, venue: String?, link: String?) {
            guard let venue, venue != candidate.entry.venue else { return }
            let listed = candidate.entry.title ?? ""
            guard TitleMatch.close(listed, found) else {
                outcome.mismatches.append(Mismatch(line: candidate.entry.line, identifier: candidate.identifier, listed: listed, found: found))
                return
            }
            outcome.changes.append(Change(line: candidate.entry.line, title: listed, identifier: candidate.identifier, venue: venue,
                                          oldVenue: candidate.entry.venue ?? "", link: link, oldLink: candidate.link.url,
                                          linkOffset: candidate.link.offset))
        }

        let arxivCandidates = candidates.filter { if case .arxiv = $0.identifier { return true } else { return false } }
        let ids = arxivCandidates.compactMap { if case .arxiv(let id) = $0.identifier { return id } else { return nil } }
        var start = 0
        while start < ids.count {
            let chunk = Array(ids[start..<min(ids.count, start + ArxivClient.batch)])
            let found: [ArxivID: ArxivEntry]
            do { found = try lookup.arxiv.entries(chunk) } catch { throw .service(error) }
            for candidate in arxivCandidates[start..<(start + chunk.count)] {
                guard case .arxiv(let id) = candidate.identifier, let entry = found[id] else {
                    outcome.unknown.append((candidate.entry.line, candidate.identifier))
                    continue
                }
                if entry.journalRef != nil || entry.doi != nil {
                    judge(candidate, title: entry.title, venue: lookup.publishedVenue(of: entry, venues: venues), link: entry.doi.flatMap(DOI.init)?.link)
                }
            }
            start += chunk.count
            done += chunk.count
            progress(done, candidates.count)
        }
        for candidate in candidates {
            guard case .doi(let doi) = candidate.identifier else { continue }
            do {
                if let work = try lookup.crossref.work(doi) {
                    if let published = work.preprintOf.first, let version = try lookup.crossref.work(published) {
                        judge(candidate, title: version.title, venue: lookup.venue(of: version, venues: venues), link: published.link)
                    }
                } else {
                    outcome.unknown.append((candidate.entry.line, candidate.identifier))
                }
            } catch {
                throw .service(error)
            }
            done += 1
            progress(done, candidates.count)
        }
        outcome.changes.sort { $0.line < $1.line }
        let edits = outcome.changes.map { LineEdit.replace(line: $0.line, with: Self.refreshed(document.lineText($0.line), $0)) }
        guard !edits.isEmpty else { return outcome }
        let new = document.applying(edits)
        try Self.check(new, changes: outcome.changes, before: view, path: path, configuration: list.configuration)
        outcome.diff = UnifiedDiff.make(old: document.bytes, new: new, path: path)
        switch mode {
        case .diff:
            break
        case .apply:
            try tryList { () throws(ListError) in try AtomicFile.write(new, to: path) }
            outcome.written = .written
        case .commit:
            let count = outcome.changes.count
            let message = "Refresh \(count) preprint\(count == 1 ? "" : "s") since published"
            outcome.written = .published(Publisher(options: .commitOnly).publish(path: path, old: document.bytes, new: new, message: message,
                                                                                 branchTitle: "refresh", additions: []))
        }
        return outcome
    }

    /// The entries tagged as preprints whose paper link is an arXiv id or a bioRxiv or medRxiv DOI.
    static func candidates(in view: ListView) -> [Candidate] {
        view.entries.compactMap { entry in
            guard entry.shape == .entry, ListStatistics.isPreprintVenue(entry.venue) else { return nil }
            for link in entry.links {
                if let id = ArxivID(link.url) { return Candidate(entry: entry, identifier: .arxiv(id), link: link) }
                if let doi = DOI(link.url), doi.isPreprintServers { return Candidate(entry: entry, identifier: .doi(doi), link: link) }
            }
            return nil
        }
    }

    /// The entry's line with its venue tag and the preprint's link replaced.
    static func refreshed(_ line: String, _ change: Change) -> String {
        var bytes = Array(line.utf8)
        if let link = change.link, let old = bytes.firstRange(of: Array(change.oldLink.utf8), from: change.linkOffset) {
            bytes.replaceSubrange(old, with: Array(link.utf8))
        }
        let old = Array("[\(change.oldVenue)]".utf8)
        if let tag = bytes.firstRange(of: old, from: 0) { bytes.replaceSubrange(tag, with: Array("[\(change.venue)]".utf8)) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The refreshed list read again: as many entries as before, each changed one with its
    /// title and links and the new venue. Otherwise nothing is written.
    static func check(_ bytes: [UInt8], changes: [Change], before: ListView, path: String, configuration: Configuration) throws(WorkflowFailure) {
        let document = try tryList { () throws(ListError) in try Document(bytes: bytes, path: path) }
        let after = ListView(document: document, configuration: configuration)
        let byLine = Dictionary(after.entries.map { ($0.line, $0) }, uniquingKeysWith: { first, _ in first })
        let old = Dictionary(before.entries.map { ($0.line, $0) }, uniquingKeysWith: { first, _ in first })
        guard after.entries.count == before.entries.count else { throw .refreshRefused(line: changes.first?.line ?? 0) }
        for change in changes {
            guard let entry = byLine[change.line], let was = old[change.line], entry.venue == change.venue, entry.title == was.title,
                  entry.links.count == was.links.count else { throw .refreshRefused(line: change.line) }
        }
    }
}

/// Whether two spellings of a title name the same paper: the same words, give or take a few.
enum TitleMatch {
    static func close(_ a: String, _ b: String) -> Bool {
        let left = words(a), right = words(b)
        guard !left.isEmpty, !right.isEmpty else { return false }
        if left == right { return true }
        let common = Set(left).intersection(right).count
        return Double(common) / Double(Set(left).union(right).count) >= 0.8
    }

    static func words(_ title: String) -> [String] {
        title.lowercased().split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }
}

extension Array where Element == UInt8 {
    func firstRange(of needle: [UInt8], from start: Int) -> Range<Int>? {
        guard !needle.isEmpty, count >= needle.count, start <= count - needle.count else { return nil }
        for k in Swift.max(0, start)...(count - needle.count) where self[k..<(k + needle.count)].elementsEqual(needle) {
            return k..<(k + needle.count)
        }
        return nil
    }
}
