import FMList
import FMRules
import FMSchema

/// How `fmadd stats` shows a list's statistics.
public enum StatsFormat: String, CaseIterable, Sendable {
    /// Aligned columns for a terminal.
    case text
    /// One JSON object, for scripts.
    case json
    /// Tables to paste into a README.
    case markdown
    /// A stacked bar chart of the entries per year and category (`StatsChart`).
    case svg
}

/// What `fmadd stats --by` breaks the counts down by. One gives its own table; `category` and
/// `year` together give one table of years by category.
public enum StatsBreakdown: String, CaseIterable, Sendable {
    case category, year, venue
}

/// The statistics as text, JSON, Markdown or SVG: the same statistics give the same bytes.
public enum StatsReport {
    /// The statistics in `format`, broken down by `by` (every breakdown when empty; the chart is
    /// always years by category).
    public static func render(_ statistics: ListStatistics, as format: StatsFormat, by: Set<StatsBreakdown> = []) -> String {
        switch format {
        case .text: return text(statistics, by: by)
        case .json: return json(statistics, by: by).jsonText + "\n"
        case .markdown: return markdown(statistics, by: by)
        case .svg: return StatsChart.svg(statistics)
        }
    }

    /// The badge line that shows the number of papers: what `count-badge` keeps up to date.
    public static func badge(_ statistics: ListStatistics) -> String {
        CountBadgeRule.badge(count: statistics.paperCount) + "\n"
    }

    /// `part` of `whole` as a percentage with one decimal, `0.0%` of nothing.
    static func percent(_ part: Int, of whole: Int) -> String {
        guard whole > 0 else { return "0.0%" }
        let tenths = (part * 1000 + whole / 2) / whole
        return "\(tenths / 10).\(tenths % 10)%"
    }

    static func summary(_ s: ListStatistics) -> String {
        "\(s.total.entries) entries (\(s.paperCount) papers), \(s.total.withCode) with code (\(percent(s.total.withCode, of: s.total.entries))), "
            + "\(s.total.preprints) preprints (\(percent(s.total.preprints, of: s.total.entries)))"
    }

    // MARK: Text

    static func text(_ s: ListStatistics, by: Set<StatsBreakdown>) -> String {
        var out = summary(s) + "\n"
        let tallyHeader = ["entries", "with code", "preprints"]
        func cells(_ tally: ListStatistics.Tally) -> [String] { [String(tally.entries), String(tally.withCode), String(tally.preprints)] }
        if by.contains(.category) && by.contains(.year) {
            out += "\n" + columns(crossRows(s, header: "year", total: "total", withCode: "with code", noYear: "no year", bold: false))
        } else {
            if by.isEmpty || by.contains(.category) {
                out += "\n" + columns([["category"] + tallyHeader] + s.categories.map { [$0.heading] + cells($0.tally) })
            }
            if by.isEmpty || by.contains(.year) {
                var years = s.years.reversed().map { [String($0.year)] + cells($0.tally) }
                if s.undated.entries > 0 { years.append(["no year"] + cells(s.undated)) }
                out += "\n" + columns([["year"] + tallyHeader] + years)
            }
        }
        if (by.isEmpty || by.contains(.venue)) && !s.venues.isEmpty {
            out += "\n" + columns([["venue (top ten)", "entries"]] + s.topVenues().map { [$0.name, String($0.entries)] })
        }
        return out
    }

    /// Years (newest first, then the entries without one) by the categories that have entries,
    /// with each year's total and entries with code, and a last row of totals.
    static func crossRows(_ s: ListStatistics, header: String, total: String, withCode: String, noYear: String, bold: Bool) -> [[String]] {
        let shown = s.categories.filter { $0.tally.entries > 0 }
        func strong(_ text: String) -> String { bold ? "**\(text)**" : text }
        var rows: [[String]] = [[header] + shown.map(\.heading) + [total, withCode]]
        for year in s.years.reversed() {
            rows.append([String(year.year)] + shown.map { String(year.entriesByCategory[$0.key] ?? 0) }
                        + [String(year.tally.entries), String(year.tally.withCode)])
        }
        if s.undated.entries > 0 {
            let dated = Dictionary(s.years.flatMap { $0.entriesByCategory.map { ($0.key, $0.value) } }, uniquingKeysWith: +)
            rows.append([noYear] + shown.map { String($0.tally.entries - (dated[$0.key] ?? 0)) }
                        + [String(s.undated.entries), String(s.undated.withCode)])
        }
        rows.append([strong(total.prefix(1).uppercased() + total.dropFirst())] + shown.map { strong(String($0.tally.entries)) }
                    + [strong(String(s.total.entries)), strong(String(s.total.withCode))])
        return rows
    }

    /// Rows in columns two spaces apart, the first column left-aligned and the others right.
    static func columns(_ rows: [[String]]) -> String {
        var widths: [Int] = []
        for row in rows {
            for (index, cell) in row.enumerated() {
                let width = DisplayWidth.of(cell)
                if index < widths.count { widths[index] = max(widths[index], width) } else { widths.append(width) }
            }
        }
        return rows.map { row in
            row.enumerated().map { index, cell in
                let padding = String(repeating: " ", count: widths[index] - DisplayWidth.of(cell))
                return index == 0 ? cell + padding : padding + cell
            }.joined(separator: "  ").trimmingWhitespace()
        }.joined(separator: "\n") + "\n"
    }

    // MARK: Markdown

    static func markdown(_ s: ListStatistics, by: Set<StatsBreakdown>) -> String {
        var out = summary(s) + ".\n\n"
        func tallyRows(_ first: String, _ rows: [(String, ListStatistics.Tally)]) -> [[String]] {
            [[first, "Entries", "With code", "Preprints"], [":---", "---:", "---:", "---:"]]
                + rows.map { [escapeCell($0.0), String($0.1.entries), String($0.1.withCode), String($0.1.preprints)] }
        }
        var tables: [[[String]]] = []
        if by.isEmpty || (by.contains(.category) && by.contains(.year)) {
            var rows = crossRows(s, header: "Year", total: "Total", withCode: "With code", noYear: "No year", bold: true)
            rows[0] = rows[0].map(escapeCell)
            rows.insert([":---"] + Array(repeating: "---:", count: rows[0].count - 1), at: 1)
            tables.append(rows)
        } else {
            if by.contains(.category) { tables.append(tallyRows("Category", s.categories.map { ($0.heading, $0.tally) })) }
            if by.contains(.year) {
                tables.append(tallyRows("Year", s.years.reversed().map { (String($0.year), $0.tally) }
                                        + (s.undated.entries > 0 ? [("No year", s.undated)] : [])))
            }
        }
        if (by.isEmpty || by.contains(.venue)) && !s.venues.isEmpty {
            tables.append([["Venue", "Entries"], [":---", "---:"]] + s.topVenues().map { [escapeCell($0.name), String($0.entries)] })
        }
        out += tables.map(table).joined(separator: "\n")
        return out
    }

    static func table(_ rows: [[String]]) -> String {
        rows.map { "| " + $0.joined(separator: " | ") + " |" }.joined(separator: "\n") + "\n"
    }

    /// A cell's text with its pipes escaped, so that it stays one cell.
    static func escapeCell(_ text: String) -> String { text.replacingAll("|", with: "\\|") }

    // MARK: JSON

    static func json(_ s: ListStatistics, by: Set<StatsBreakdown>) -> JSONValue {
        func tally(_ t: ListStatistics.Tally) -> [JSONObject.Member] {
            [("entries", .number(JSONNumber(t.entries))), ("withCode", .number(JSONNumber(t.withCode))),
             ("preprints", .number(JSONNumber(t.preprints)))]
        }
        let categories: [JSONValue] = s.categories.map { category in
            .object(JSONObject([("key", .string(category.key)), ("heading", .string(category.heading)),
                                ("kind", .string(category.kind.rawValue))] + tally(category.tally)))
        }
        let years: [JSONValue] = s.years.map { year in
            let byCategory = s.categories.compactMap { category in
                year.entriesByCategory[category.key].map { (key: category.key, value: JSONValue.number(JSONNumber($0))) }
            }
            return .object(JSONObject([("year", .number(JSONNumber(year.year)))] + tally(year.tally) + [("categories", .object(JSONObject(byCategory)))]))
        }
        let venues: [JSONValue] = s.topVenues().map { .object(JSONObject([("venue", .string($0.name)), ("entries", .number(JSONNumber($0.entries)))])) }
        var members: [JSONObject.Member] = tally(s.total) + [
            ("preprintShare", .number(JSONNumber((s.preprintShare * 1000).rounded() / 1000))),
            ("papers", .number(JSONNumber(s.paperCount))),
        ]
        if by.isEmpty || by.contains(.category) { members.append(("categories", .array(categories))) }
        if by.isEmpty || by.contains(.year) {
            members.append(("years", .array(years)))
            members.append(("undated", .object(JSONObject(tally(s.undated)))))
        }
        if by.isEmpty || by.contains(.venue) { members.append(("topVenues", .array(venues))) }
        return .object(JSONObject(members))
    }
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for character in self { if character == target { out += replacement } else { out.append(character) } }
        return out
    }
}
