import Foundation
import FMList
import FMRules
import FMSchema

/// Writes what fmadd reads of a list as a commented `.fmadd.yml` beside it: its categories (the
/// headings whose sections hold entries), how its years are grouped and ordered, what the
/// columns of its paper tables hold, and how it spells its link labels. The maintainers edit it and commit it.
public struct InitWorkflow {
    public var listPath: String
    /// Replace a `.fmadd.yml` that is there already.
    public var force = false
    /// Give the configuration back instead of writing it.
    public var dryRun = false

    public init(listPath: String, force: Bool = false, dryRun: Bool = false) {
        self.listPath = listPath
        self.force = force
        self.dryRun = dryRun
    }

    public enum Outcome: Sendable, Equatable {
        /// The configuration was written at `path`.
        case written(path: String, text: String)
        /// The configuration, not written (`--stdout`).
        case printed(text: String)
        /// A configuration is there already; nothing was written.
        case exists(path: String)
    }

    /// Where the configuration of the list goes: beside it.
    public var configurationPath: String {
        URL(fileURLWithPath: listPath).deletingLastPathComponent().appendingPathComponent(Configuration.fileName).path
    }

    public func run(phase: (String) -> Void = { _ in }) throws(WorkflowFailure) -> Outcome {
        let path = configurationPath
        if !dryRun && !force && FileManager.default.fileExists(atPath: path) { return .exists(path: path) }
        let document = try tryList { () throws(ListError) in try Document(contentsOf: listPath) }
        phase("parse")
        let view = ListView(document: document, configuration: .builtIn)
        phase("view")
        let text = Self.yaml(of: view, listFile: URL(fileURLWithPath: listPath).lastPathComponent)
        phase("model")
        if dryRun { return .printed(text: text) }
        try tryList { () throws(ListError) in try AtomicFile.write(Array(text.utf8), to: path) }
        return .written(path: path, text: text)
    }

    /// The configuration that states what `view` read from its list.
    public static func yaml(of view: ListView, listFile: String) -> String {
        var out = """
            # fmadd's configuration for \(listFile), as `fmadd init` read it from the list.
            # Edit it and commit it: where it speaks, it wins over what fmadd reads from the list.
            # `fmadd schema config` describes every key.

            list: \(quoted(listFile))

            # The sections entries go in. The key is what `fmadd add --category` takes; `heading`
            # is the section's heading as the list writes it; `aliases` are other texts of the
            # heading (an older name) that still mean the category.
            categories:

            """
        let found = view.configuration.categories.filter { !view.categoryHeadings.missing.contains($0.key) }
        if found.isEmpty { out = out.replacingOccurrences(of: "categories:\n", with: "categories: {}  # no heading holds entries yet\n") }
        for category in found {
            var heading = category.heading
            var aliases = category.aliases
            if let listed = view.categoryHeadings.fuzzy[category.key] {
                aliases.insert(heading, at: 0)
                heading = listed
            }
            let items = view.section(forCategory: category.key).map { section in view.entries.count { $0.section == section } } ?? 0
            let rows = view.tables.filter { $0.category == category.key && PaperTable($0, configuration: view.configuration) != nil }
                .reduce(0) { $0 + $1.body.count }
            let entries = items + rows
            let held = category.kind == .datasets ? "a table" : entries == 1 ? "1 entry" : "\(entries) entries"
            out += "  \(category.key):  # \(held)\n"
            out += "    heading: \(quoted(heading))\n"
            out += "    kind: \(category.kind.rawValue)\n"
            if !aliases.isEmpty { out += "    aliases: [\(aliases.map(quoted).joined(separator: ", "))]\n" }
            if let schema = category.schema { out += "    schema: \(quoted(schema))\n" }
        }
        let groups = view.yearGroups.filter { $0.section != nil }
        if !groups.isEmpty {
            let headings = groups.count { $0.style == .heading }
            let marker: Configuration.YearMarkerStyle = headings * 2 > groups.count ? .heading : .bold
            out += """

                # How the entries are grouped by year: bold (a line `**2024**`) or heading (`#### 2024`),
                # and in which order the groups follow each other.
                yearMarker: \(marker.rawValue)
                yearOrder: \(view.conventions.yearOrder.rawValue)

                """
        }
        let columns = tableColumns(in: view)
        if !columns.isEmpty {
            out += """

                # What the columns of the paper tables hold (each row is an entry), by header text:
                # title, paper, code, date, venue, authors, or other (a cell of its own).
                table:
                  columns:

                """
            for (header, column) in columns { out += "    \(quoted(header)): \(column.rawValue)\n" }
        }
        let labels = listLabels(in: view)
        if !labels.isEmpty {
            out += "\n# How the list spells each link label, by the label in lower case.\nlabels:\n"
            for (key, spelling) in labels { out += "  \(key): \(quoted(spelling))\n" }
        }
        return out
    }

    /// What each header of the list's paper tables was read as, where every table with that
    /// header reads it alike (a header read two ways is left to be read table by table), in
    /// the order the headers first appear.
    static func tableColumns(in view: ListView) -> [(String, PaperColumn)] {
        var order: [String] = [], written: [String: String] = [:], read: [String: Set<PaperColumn>] = [:]
        for table in view.tables where table.category != nil {
            guard let paper = PaperTable(table, configuration: view.configuration) else { continue }
            for (cell, column) in zip(table.header.cells, paper.columns) {
                let name = PaperColumn.headerName(cell)
                guard !name.isEmpty, !name.contains(where: \.isNewline) else { continue }
                if read[name] == nil {
                    order.append(name)
                    written[name] = PaperColumn.headerText(cell)
                }
                read[name, default: []].insert(column)
            }
        }
        return order.compactMap { name in
            guard let columns = read[name], columns.count == 1, let column = columns.first, let header = written[name] else { return nil }
            return (header, column)
        }
    }

    /// The spelling most of the list's entries give each label they use three times or more,
    /// for the labels a configuration can name.
    static func listLabels(in view: ListView) -> [(String, String)] {
        var uses: [String: Int] = [:]
        for entry in view.entries where entry.category != nil {
            for link in entry.links { uses[link.label.lowercased(), default: 0] += 1 }
        }
        let canonical = MixedLabelCaseRule.canonicalLabels(in: view)
        // A link a title or two carries (`[SimCLR](…)`) is not a label of the list.
        return uses.filter { $0.value >= 3 }.keys.sorted().compactMap { key in
            guard let spelling = canonical[key], isLabelKey(key),
                  !spelling.contains(where: { "[]|\n\r".contains($0) }) else { return nil }
            return (key, spelling)
        }
    }

    /// `^[a-z][a-z0-9]*(-[a-z0-9]+)*$`, as the schema has it.
    private static func isLabelKey(_ key: String) -> Bool {
        let parts = key.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = key.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return parts.allSatisfy { part in !part.isEmpty && part.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) } }
    }

    /// A YAML scalar in double quotes (JSON's string syntax, which YAML reads the same).
    private static func quoted(_ text: String) -> String {
        JSONValue.string(text).jsonText
    }
}
