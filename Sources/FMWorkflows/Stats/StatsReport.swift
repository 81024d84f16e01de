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

/// The statistics as text, JSON, Markdown or SVG: the same statistics give the same bytes.
public enum StatsReport {
    public static func render(_ statistics: ListStatistics, as format: StatsFormat) -> String {
        switch format {
        case .text: return text(statistics)
        case .json: return json(statistics).jsonText + "\n"
        case .markdown: return markdown(statistics)
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

    static func text(_ s: ListStatistics) -> String {
        var out = summary(s) + "\n"
        let tallyHeader = ["entries", "with code", "preprints"]
        func cells(_ tally: ListStatistics.Tally) -> [String] { [String(tally.entries), String(tally.withCode), String(tally.preprints)] }
        out += "\n" + columns([["category"] + tallyHeader] + s.categories.map { [$0.heading] + cells($0.tally) })
        var years = s.years.reversed().map { [String($0.year)] + cells($0.tally) }
        if s.undated.entries > 0 { years.append(["no year"] + cells(s.undated)) }
        out += "\n" + columns([["year"] + tallyHeader] + years)
        if !s.venues.isEmpty {
            out += "\n" + columns([["venue (top ten)", "entries"]] + s.topVenues().map { [$0.name, String($0.entries)] })
        }
        return out
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

    static func markdown(_ s: ListStatistics) -> String {
        let shown = s.categories.filter { $0.tally.entries > 0 }
        var out = summary(s) + ".\n\n"
        var rows: [[String]] = [["Year"] + shown.map(\.heading) + ["Total", "With code"]]
        rows.append([":---"] + Array(repeating: "---:", count: shown.count + 2))
        for year in s.years.reversed() {
            rows.append([String(year.year)] + shown.map { String(year.entriesByCategory[$0.key] ?? 0) }
                        + [String(year.tally.entries), String(year.tally.withCode)])
        }
        if s.undated.entries > 0 {
            let dated = Dictionary(s.years.flatMap { $0.entriesByCategory.map { ($0.key, $0.value) } }, uniquingKeysWith: +)
            rows.append(["No year"] + shown.map { String($0.tally.entries - (dated[$0.key] ?? 0)) }
                        + [String(s.undated.entries), String(s.undated.withCode)])
        }
        rows.append(["**Total**"] + shown.map { "**\($0.tally.entries)**" } + ["**\(s.total.entries)**", "**\(s.total.withCode)**"])
        out += table(rows)
        if !s.venues.isEmpty {
            out += "\n" + table([["Venue", "Entries"], [":---", "---:"]] + s.topVenues().map { [escapeCell($0.name), String($0.entries)] })
        }
        return out
    }

    static func table(_ rows: [[String]]) -> String {
        rows.map { "| " + $0.joined(separator: " | ") + " |" }.joined(separator: "\n") + "\n"
    }

    /// A cell's text with its pipes escaped, so that it stays one cell.
    static func escapeCell(_ text: String) -> String { text.replacingAll("|", with: "\\|") }

    // MARK: JSON

    static func json(_ s: ListStatistics) -> JSONValue {
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
        return .object(JSONObject(tally(s.total) + [
            ("preprintShare", .number(JSONNumber((s.preprintShare * 1000).rounded() / 1000))),
            ("papers", .number(JSONNumber(s.paperCount))),
            ("categories", .array(categories)),
            ("years", .array(years)),
            ("undated", .object(JSONObject(tally(s.undated)))),
            ("topVenues", .array(venues)),
        ]))
    }
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for character in self { if character == target { out += replacement } else { out.append(character) } }
        return out
    }
}
