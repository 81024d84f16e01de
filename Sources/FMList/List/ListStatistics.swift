/// What a list holds, counted: its entries by category and by year, how many link their code,
/// how many are preprints, and the venues they appeared at.
///
/// An entry is an item of a configured category read as one paper (`Entry.Shape.entry`), or a
/// row of a table in a category (a dataset); rows carry no year. Items outside the configured
/// categories (a related-work section, the contents) are not counted.
public struct ListStatistics: Sendable, Equatable {
    /// How many entries, and of them how many link their code and how many are preprints.
    public struct Tally: Sendable, Equatable {
        public var entries = 0
        public var withCode = 0
        public var preprints = 0

        public init(entries: Int = 0, withCode: Int = 0, preprints: Int = 0) {
            self.entries = entries
            self.withCode = withCode
            self.preprints = preprints
        }

        static func + (a: Tally, b: Tally) -> Tally {
            Tally(entries: a.entries + b.entries, withCode: a.withCode + b.withCode, preprints: a.preprints + b.preprints)
        }
    }

    public struct Category: Sendable, Equatable {
        public var key: String
        public var heading: String
        public var kind: Configuration.CategoryKind
        public var tally: Tally
    }

    public struct Year: Sendable, Equatable {
        public var year: Int
        public var tally: Tally
        /// The entries of the year in each category, by category key (categories without one
        /// are absent).
        public var entriesByCategory: [String: Int]
    }

    public struct Venue: Sendable, Equatable {
        public var name: String
        public var entries: Int
    }

    /// Every configured category, in the configuration's order, also those without an entry.
    public var categories: [Category]
    /// The years that have an entry, oldest first.
    public var years: [Year]
    /// The entries outside any year group (table rows, items above the first year marker).
    public var undated: Tally
    /// Every venue named, the most entries first, then by name.
    public var venues: [Venue]
    public var total: Tally
    /// The entries of the categories of papers (not datasets): the number a count badge shows.
    public var paperCount: Int

    /// The first `count` venues.
    public func topVenues(_ count: Int = 10) -> ArraySlice<Venue> { venues.prefix(count) }

    /// The share of preprints among all entries, 0 for a list without entries.
    public var preprintShare: Double { total.entries == 0 ? 0 : Double(total.preprints) / Double(total.entries) }

    init(categories: [Category], years: [Year], undated: Tally, venues: [Venue], total: Tally, paperCount: Int) {
        self.categories = categories
        self.years = years
        self.undated = undated
        self.venues = venues
        self.total = total
        self.paperCount = paperCount
    }

    public init(view: ListView) {
        var counter = Counter(configuration: view.configuration)
        for entry in view.entries where entry.shape == .entry {
            guard let category = entry.category else { continue }
            var year = entry.yearGroup.map { view.yearGroups[$0].year }
            var venue = entry.venue
            // A card states its year and venue on a line of its own.
            if let card = PaperCard.of(entry, in: view.document) {
                year = year ?? card.year
                venue = card.venue
            }
            let labelsAndTargets = entry.links.lazy.map { ($0.label, $0.url) }
            counter.add(category: category, year: year, venue: venue,
                        code: labelsAndTargets.contains { Self.isCodeLink(label: $0.0, target: $0.1) },
                        preprint: Self.isPreprintVenue(venue) || entry.links.contains { Self.isPreprintLink($0.url) })
        }
        for table in view.tables {
            guard let category = table.category else { continue }
            // A paper table's row states its year (its date) and its venue.
            let paperTable = PaperTable(table, configuration: view.configuration)
            for row in table.body {
                let links = view.linksByLine[row.line - 1]
                let paper = paperTable.map { PaperTable.draft(of: row, in: table, columns: $0.columns, category: category, view: view) }
                counter.add(category: category, year: paper?.year, venue: paper?.venue,
                            code: links.contains { Self.isCodeLink(label: $0.label ?? $0.text, target: $0.target) },
                            preprint: Self.isPreprintVenue(paper?.venue) || links.contains { Self.isPreprintLink($0.target) })
            }
        }
        self = counter.statistics
    }

    /// The statistics of several lists together: categories by key (in the order they are first
    /// seen), years and venues summed.
    public static func combining(_ all: [ListStatistics]) -> ListStatistics {
        guard all.count != 1 else { return all[0] }
        var counter = Counter(configuration: nil)
        for statistics in all {
            for category in statistics.categories { counter.addCategory(category) }
            for year in statistics.years { counter.addYear(year) }
            counter.undated = counter.undated + statistics.undated
            for venue in statistics.venues { counter.venues[venue.name, default: 0] += venue.entries }
            counter.paperCount += statistics.paperCount
        }
        return counter.statistics
    }

    // MARK: What a link says

    /// A link to the paper's code: its label says code or GitHub, or it points at github.com.
    public static func isCodeLink(label: String, target: String) -> Bool {
        let label = label.lowercased()
        if label.contains("code") || label.contains("github") { return true }
        return host(of: target).map { $0 == "github.com" || $0.hasSuffix(".github.com") } ?? false
    }

    static let preprintServers = ["arxiv", "biorxiv", "medrxiv"]

    /// A venue that is a preprint server: `arXiv`, `bioRxiv`, `medRxiv` (`arXiv 2024` too).
    public static func isPreprintVenue(_ venue: String?) -> Bool {
        guard let venue = venue?.lowercased() else { return false }
        return preprintServers.contains { venue.contains($0) }
    }

    /// A link to arxiv.org, biorxiv.org or medrxiv.org.
    public static func isPreprintLink(_ target: String) -> Bool {
        guard let host = host(of: target) else { return false }
        return preprintServers.contains { host == $0 + ".org" || host.hasSuffix("." + $0 + ".org") }
    }

    /// The lower-case host of an http(s) address, without `www.`.
    public static func host(of target: String) -> String? {
        let lower = target.lowercased()
        let rest: Substring
        if lower.hasPrefix("https://") { rest = lower.dropFirst(8) } else if lower.hasPrefix("http://") { rest = lower.dropFirst(7) } else { return nil }
        var host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" && $0 != ":" }
        if host.hasPrefix("www.") { host = host.dropFirst(4) }
        return String(host)
    }
}

/// Adds entries up, then says them in a fixed order: the same list gives the same statistics.
private struct Counter {
    var categoryOrder: [String] = []
    var categories: [String: ListStatistics.Category] = [:]
    var years: [Int: ListStatistics.Year] = [:]
    var undated = ListStatistics.Tally()
    var venues: [String: Int] = [:]
    var paperCount = 0
    let configuration: Configuration?

    init(configuration: Configuration?) {
        self.configuration = configuration
        for category in configuration?.categories ?? [] {
            addCategory(ListStatistics.Category(key: category.key, heading: category.heading, kind: category.kind, tally: .init()))
        }
    }

    mutating func addCategory(_ category: ListStatistics.Category) {
        if let known = categories[category.key] {
            categories[category.key]!.tally = known.tally + category.tally
        } else {
            categoryOrder.append(category.key)
            categories[category.key] = category
        }
    }

    mutating func addYear(_ year: ListStatistics.Year) {
        if let known = years[year.year] {
            years[year.year] = ListStatistics.Year(year: year.year, tally: known.tally + year.tally,
                                                   entriesByCategory: known.entriesByCategory.merging(year.entriesByCategory, uniquingKeysWith: +))
        } else {
            years[year.year] = year
        }
    }

    mutating func add(category: String, year: Int?, venue: String?, code: Bool, preprint: Bool) {
        guard let known = categories[category] else { return }
        let one = ListStatistics.Tally(entries: 1, withCode: code ? 1 : 0, preprints: preprint ? 1 : 0)
        categories[category]!.tally = known.tally + one
        if known.kind == .papers { paperCount += 1 }
        if let year {
            addYear(ListStatistics.Year(year: year, tally: one, entriesByCategory: [category: 1]))
        } else {
            undated = undated + one
        }
        if let venue {
            let name = venue.trimmingWhitespace()
            if !name.isEmpty { venues[name, default: 0] += 1 }
        }
    }

    var statistics: ListStatistics {
        let categories = categoryOrder.map { self.categories[$0]! }
        return ListStatistics(
            categories: categories,
            years: years.keys.sorted().map { years[$0]! },
            undated: undated,
            venues: venues.map { ListStatistics.Venue(name: $0.key, entries: $0.value) }
                .sorted { ($1.entries, $0.name) < ($0.entries, $1.name) },
            total: categories.reduce(ListStatistics.Tally()) { $0 + $1.tally },
            paperCount: paperCount)
    }
}
