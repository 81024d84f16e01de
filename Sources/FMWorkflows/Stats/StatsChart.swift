import FMList

/// The entries per year and category as a stacked bar chart in SVG: the years along the bottom,
/// one colour a category (stacked in the configuration's order, the first at the bottom), a
/// legend with each category's entries in the chart, each bar's count above it and each segment's inside it when it fits.
///
/// Self-contained (no script, no external font, image or link) and the same bytes for the same
/// statistics. The background is left transparent and the text is a mid grey, refined by a
/// `prefers-color-scheme` style, so that it reads on GitHub's light and dark themes alike.
/// Each segment is `entries × unit` high; the root element says the unit in `data-unit`, and
/// each segment its year and category in `data-year` and `data-category`.
public enum StatsChart {
    /// Colours that read on white and on GitHub's dark grey (Tableau 10).
    static let palette = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"]

    static let plotHeight = 220.0
    static let barWidth = 32.0
    static let gap = 14.0
    static let left = 48.0, top = 44.0, bottom = 32.0
    static let legendRow = 20.0

    public static func svg(_ statistics: ListStatistics) -> String {
        let years = statistics.years
        let shown = statistics.categories.filter { category in years.contains { $0.entriesByCategory[category.key] != nil } }
        let highest = years.map(\.tally.entries).max() ?? 0
        let scaleTop = niceCeiling(max(highest, 1))
        let unit = plotHeight / Double(scaleTop)
        let plotWidth = Double(max(years.count, 1)) * (barWidth + gap) + gap
        let legendX = left + plotWidth + 24
        let legend = shown.map { category in "\(category.heading) (\(years.reduce(0) { $0 + ($1.entriesByCategory[category.key] ?? 0) }))" }
        let legendWidth = Double(legend.map { DisplayWidth.of($0) }.max() ?? 10) * 7.5 + 24
        let width = (legendX + legendWidth + 8).rounded(.up)
        let height = max(top + plotHeight + bottom, top + Double(shown.count) * legendRow + 8).rounded(.up)
        let baseline = top + plotHeight

        var out = """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(number(width))" height="\(number(height))" \
            viewBox="0 0 \(number(width)) \(number(height))" role="img" aria-labelledby="title" data-unit="\(number(unit, places: 6))">
            <title id="title">Entries per year and category: \(statistics.total.entries) entries</title>
            <style>
            text { fill: #767676; font-family: sans-serif; font-size: 12px; }
            .axis { stroke: #767676; stroke-width: 1; }
            .grid { stroke: #767676; stroke-width: 0.5; stroke-opacity: 0.35; }
            .count { fill: #1f2328; font-size: 10px; }
            @media (prefers-color-scheme: light) { text { fill: #59636e; } .count { fill: #1f2328; } }
            @media (prefers-color-scheme: dark) { text { fill: #9198a1; } .count { fill: #1f2328; } }
            </style>
            <text x="\(number(left))" y="20" font-size="14" font-weight="bold">Entries per year and category</text>

            """
        // The scale: a line every step, labelled on the left.
        let step = niceStep(scaleTop)
        var tick = 0
        while tick <= scaleTop {
            let y = baseline - Double(tick) * unit
            if tick > 0 {
                out += "<line class=\"grid\" x1=\"\(number(left))\" y1=\"\(number(y))\" x2=\"\(number(left + plotWidth))\" y2=\"\(number(y))\"/>\n"
            }
            out += "<text x=\"\(number(left - 6))\" y=\"\(number(y + 4))\" text-anchor=\"end\">\(tick)</text>\n"
            tick += step
        }
        if years.isEmpty {
            out += "<text x=\"\(number(left + plotWidth / 2))\" y=\"\(number(baseline - plotHeight / 2))\" text-anchor=\"middle\">no entry has a year</text>\n"
        }
        for (index, year) in years.enumerated() {
            let x = left + gap + Double(index) * (barWidth + gap)
            var y = baseline
            for (colour, category) in zip(colours(shown.count), shown) {
                guard let count = year.entriesByCategory[category.key], count > 0 else { continue }
                let segment = Double(count) * unit
                y -= segment
                out += "<rect x=\"\(number(x))\" y=\"\(number(y))\" width=\"\(number(barWidth))\" height=\"\(number(segment))\" fill=\"\(colour)\" "
                    + "data-year=\"\(year.year)\" data-category=\"\(escape(category.key))\"><title>\(escape(category.heading)), \(year.year): \(count)</title></rect>\n"
                if segment >= 13 {
                    out += "<text class=\"count\" x=\"\(number(x + barWidth / 2))\" y=\"\(number(y + segment / 2 + 3.5))\" text-anchor=\"middle\">\(count)</text>\n"
                }
            }
            out += "<text x=\"\(number(x + barWidth / 2))\" y=\"\(number(y - 5))\" text-anchor=\"middle\" font-weight=\"bold\">\(year.tally.entries)</text>\n"
            out += "<text x=\"\(number(x + barWidth / 2))\" y=\"\(number(baseline + 18))\" text-anchor=\"middle\">\(year.year)</text>\n"
        }
        out += "<line class=\"axis\" x1=\"\(number(left))\" y1=\"\(number(baseline))\" x2=\"\(number(left + plotWidth))\" y2=\"\(number(baseline))\"/>\n"
        for (index, (colour, text)) in zip(colours(shown.count), legend).enumerated() {
            let y = top + Double(index) * legendRow
            out += "<rect x=\"\(number(legendX))\" y=\"\(number(y))\" width=\"12\" height=\"12\" fill=\"\(colour)\"/>\n"
            out += "<text x=\"\(number(legendX + 18))\" y=\"\(number(y + 10.5))\">\(escape(text))</text>\n"
        }
        return out + "</svg>\n"
    }

    /// A colour for each of `count` categories; past the palette, its colours again.
    static func colours(_ count: Int) -> [String] { (0..<count).map { palette[$0 % palette.count] } }

    /// The top of the scale: `value` rounded up to a whole number of steps.
    static func niceCeiling(_ value: Int) -> Int {
        let step = niceStep(value)
        return (value + step - 1) / step * step
    }

    /// The first of 1, 2, 5, 10, 20, 50, … that cuts a scale up to `value` in at most five steps.
    static func niceStep(_ value: Int) -> Int {
        var magnitude = 1
        while true {
            for step in [magnitude, 2 * magnitude, 5 * magnitude] where (value + step - 1) / step <= 5 { return step }
            magnitude *= 10
        }
    }

    /// A coordinate with at most `places` decimals and no trailing zeros, the same on every machine.
    static func number(_ value: Double, places: Int = 2) -> String {
        var scale = 1
        for _ in 0..<places { scale *= 10 }
        let scaled = Int((value * Double(scale)).rounded())
        let sign = scaled < 0 ? "-" : ""
        let whole = abs(scaled) / scale
        var fraction = String(abs(scaled) % scale)
        guard fraction != "0" else { return sign + String(whole) }
        fraction = String(repeating: "0", count: places - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return sign + String(whole) + "." + fraction
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default: out.append(character)
            }
        }
        return out
    }
}
