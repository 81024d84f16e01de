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
    /// How a link is written: `[[Paper]](u)`, `[[paper](u)]` or `[paper](u)`, as the section writes them.
    public var labelForm: ListConventions.LabelForm = .doubleBracket
    /// The label the list gives the paper's link, when it is not `paper` (`pdf`).
    public var paperLabel: String?

    public static func learn(from view: ListView, category: String, near neighbour: Entry?) -> EntryStyle {
        ListFacts(view: view).learn(category: category, section: neighbour?.section, near: neighbour)
    }

    /// What the style of every entry of a list draws on, read once for many entries.
    struct ListFacts: Sendable {
        let labels: [String: String]
        /// Per section, the spelling it has settled on: a section that writes `[[paper]]` keeps
        /// it, though the list at large writes `[[Paper]]`.
        let sectionLabels: [Int: [String: String]]
        let separators: [String: String]
        /// Per category: its last entry, how many entries it has, how many end with a period.
        let categories: [String: (last: Entry, count: Int, withPeriod: Int)]
        let conventions: ListConventions

        init(view: ListView) {
            conventions = view.conventions
            labels = MixedLabelCaseRule.canonicalLabels(in: view)
            sectionLabels = MixedLabelCaseRule.settledLabels(in: view)
            separators = LinkSpacingRule.separators(in: view)
            var categories: [String: (last: Entry, count: Int, withPeriod: Int)] = [:]
            for entry in view.entries where entry.shape == .entry {
                guard let category = entry.category else { continue }
                let known = categories[category]
                categories[category] = (entry, (known?.count ?? 0) + 1,
                                        (known?.withPeriod ?? 0) + (entry.title?.hasSuffix(".") == true ? 1 : 0))
            }
            self.categories = categories
        }

        func learn(category: String, section: Int?, near neighbour: Entry?) -> EntryStyle {
            let facts = categories[category]
            let labels = self.labels.merging(section.flatMap { sectionLabels[$0] } ?? [:]) { _, local in local }
            // An item that is no entry (an authors line under an entry) is not a model.
            let model = neighbour.flatMap { $0.shape == .entry ? $0 : nil } ?? facts?.last ?? neighbour
            let count = facts?.count ?? 0
            return EntryStyle(indent: model?.indent ?? "", marker: model.map { Self.marker(after: $0) } ?? "-", labels: labels,
                              separator: separators[category] ?? " ",
                              titlesEndWithPeriod: count == 0 || (facts?.withPeriod ?? 0) * 2 >= count,
                              labelForm: conventions.labelForm(inSection: section), paperLabel: conventions.paperLabel)
        }

        /// The marker of an item that follows `entry`: the same bullet, or the next number of an
        /// ordered list (`3.` after `2.`).
        static func marker(after entry: Entry) -> String {
            guard let delimiter = entry.marker.last, delimiter == "." || delimiter == ")",
                  let number = Int(entry.marker.dropLast()) else { return entry.marker }
            return "\(number + 1)\(delimiter)"
        }
    }

    /// The entry as one line of the list.
    public func line(for draft: PaperDraft) -> String {
        var title = draft.title
        if titlesEndWithPeriod && !title.hasSuffix(".") && !title.hasSuffix("?") && !title.hasSuffix("!") { title += "." }
        var text = indent + marker + " "
        if let venue = draft.venue, !venue.isEmpty { text += "[\(venue)] " }
        text += title + " "
        text += draft.links.map { labelForm.link(label: label(for: $0.key), url: $0.url) }.joined(separator: separator)
        return text
    }

    /// A label key as the list spells it: `paper` → `Paper`, an unknown key capitalised.
    public func label(for key: String) -> String {
        let key = key.lowercased() == "paper" ? paperLabel ?? "paper" : key
        return labels[key.lowercased()] ?? key.prefix(1).uppercased() + key.dropFirst()
    }
}
