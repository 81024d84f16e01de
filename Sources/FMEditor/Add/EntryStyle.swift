import FMList
import FMRules

/// How a list writes its entries, learnt from the entries around the place a new one goes.
public struct EntryStyle: Sendable {
    public var indent: String
    public var marker: String
    /// Label spelling by key: `paper` → `Paper`.
    public var labels: [String: String]
    /// What stands between two links.
    public var separator: String
    /// Whether titles end with a period, as most of the category's do.
    public var titlesEndWithPeriod: Bool

    public static func learn(from view: ListView, category: String, near neighbour: Entry?) -> EntryStyle {
        let entries = view.entries.filter { $0.category == category && $0.shape == .entry }
        let model = neighbour ?? entries.last
        let withPeriod = entries.filter { $0.title?.hasSuffix(".") == true }.count
        return EntryStyle(indent: model?.indent ?? "", marker: model?.marker ?? "-",
                          labels: MixedLabelCaseRule.canonicalLabels(in: view),
                          separator: LinkSpacingRule.separators(in: view)[category] ?? " ",
                          titlesEndWithPeriod: entries.isEmpty || withPeriod * 2 >= entries.count)
    }

    /// The entry as one line of the list.
    public func line(for draft: PaperDraft) -> String {
        var title = draft.title
        if titlesEndWithPeriod && !title.hasSuffix(".") && !title.hasSuffix("?") && !title.hasSuffix("!") { title += "." }
        var text = indent + marker + " "
        if let venue = draft.venue, !venue.isEmpty { text += "[\(venue)] " }
        text += title + " "
        text += draft.links.map { "[[\(label(for: $0.key))]](\($0.url))" }.joined(separator: separator)
        return text
    }

    /// A label key as the list spells it: `paper` → `Paper`, an unknown key capitalised.
    public func label(for key: String) -> String {
        labels[key.lowercased()] ?? key.prefix(1).uppercased() + key.dropFirst()
    }
}
