import FMList

/// The venues a list already names, so that a looked-up venue is written as the list spells it
/// (`Nature Medicine`, where Crossref may say `Nat Med`).
public struct VenueVocabulary: Sendable {
    /// The list's venues, the most used first.
    public let venues: [String]

    public init(venues: [String]) {
        self.venues = venues
    }

    public init(view: ListView) {
        var counts: [String: Int] = [:]
        for entry in view.entries {
            if let venue = entry.venue?.trimmingWhitespace(), !venue.isEmpty { counts[venue, default: 0] += 1 }
        }
        venues = counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map(\.key)
    }

    /// The list's spelling of the venue a service names by any of `candidates` (a container
    /// title and its short forms), or nil when the list names it nowhere.
    public func spelling(of candidates: [String]) -> String? {
        let wanted = Set(candidates.map(Self.normalized).filter { !$0.isEmpty })
        return venues.first { wanted.contains(Self.normalized($0)) }
    }

    /// The longest of the list's venues (not a preprint server) that a free-text reference
    /// names as whole words: `ICSTW` in "… Validation Workshops (ICSTW)".
    public func named(in reference: String) -> String? {
        let text = " " + Self.normalized(reference) + " "
        return venues.filter { venue in
            let name = Self.normalized(venue)
            return name.count >= 3 && !ListStatistics.isPreprintVenue(venue) && text.contains(" " + name + " ")
        }.max { Self.normalized($0).count < Self.normalized($1).count }
    }

    /// Lower case, letters and digits, one space between words, without a leading "the".
    static func normalized(_ venue: String) -> String {
        let words = venue.lowercased().split { !($0.isLetter || $0.isNumber) }
        return (words.first == "the" ? words.dropFirst() : words[...]).joined(separator: " ")
    }
}
