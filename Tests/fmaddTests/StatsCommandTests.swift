import Foundation
import FMSchema
import FMTestSupport
import Testing

/// `fmadd stats` as a user runs it, and its chart drawn by a renderer other than a browser.
@Suite struct StatsCommandTests {
    static let example = Paths.repository.appendingPathComponent("Examples/healthcare-list.md").path

    @Test func eachFormatIsPrinted() throws {
        for format in ["text", "json", "markdown", "svg"] {
            let result = try Fmadd.run(["stats", "--format", format, Self.example])
            #expect(result.status == 0, "\(format): \(result.stderr)")
            #expect(!result.stdout.isEmpty && result.stderr.isEmpty, "\(format)")
        }
        #expect(try Fmadd.run(["stats", Self.example]).stdout == (try Fmadd.run(["stats", "--format", "text", Self.example]).stdout))
    }

    @Test func theBadgeIsTheJSONsPaperCount() throws {
        let json = try Fmadd.run(["stats", "--format", "json", Self.example])
        let papers = try #require(json.stdout.firstMatch(of: /"papers":(\d+)/)?.output.1)
        let badge = try Fmadd.run(["stats", "--badge", Self.example])
        #expect(badge.status == 0)
        #expect(badge.stdout == "![papers](https://img.shields.io/badge/papers-\(papers)-blue) <!-- fmadd:count -->\n")
    }

    @Test func badgeAndFormatAreAUsageError() throws {
        let result = try Fmadd.run(["stats", "--badge", "--format", "json", Self.example])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--badge goes without --format"))
    }

    /// `--by year` keeps the years and leaves the rest out; `--by category,year` is one table whose
    /// cells are the JSON's counts of each year and category.
    @Test func byChoosesTheBreakdown() throws {
        let full = try JSONValue(jsonText: try Fmadd.run(["stats", "--format", "json", Self.example]).stdout)
        let byYear = try JSONValue(jsonText: try Fmadd.run(["stats", "--format", "json", "--by", "year", Self.example]).stdout)
        #expect(byYear["years"] == full["years"] && byYear["years"] != nil)
        #expect(byYear["categories"] == nil && byYear["topVenues"] == nil && byYear["entries"] == full["entries"])

        let table = try Fmadd.run(["stats", "--format", "markdown", "--by", "category,year", Self.example])
        #expect(table.status == 0, "\(table.stderr)")
        let rows = table.stdout.split(separator: "\n").filter { $0.hasPrefix("| ") }.map {
            $0.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
        }
        let headings = try #require(rows.first)
        let categories = try #require(full["categories"]?.arrayValue)
        var checked = 0
        for year in try #require(full["years"]?.arrayValue) {
            let row = try #require(rows.first { $0.first == String(year["year"]?.intValue ?? -1) })
            for category in categories where (category["entries"]?.intValue ?? 0) > 0 {
                let column = try #require(headings.firstIndex(of: category["heading"]?.stringValue ?? ""))
                let count = year["categories"]?[category["key"]?.stringValue ?? ""]?.intValue ?? 0
                #expect(row[column] == String(count))
                checked += 1
            }
        }
        #expect(checked > 0)
        #expect(!table.stdout.contains("| Venue |"))
    }

    @Test func byTakesKnownBreakdownsAndNotTheChart() throws {
        let unknown = try Fmadd.run(["stats", "--by", "author", Self.example])
        #expect(unknown.status == 64 && unknown.stderr.contains("--by takes category, year or venue, not 'author'"))
        let chart = try Fmadd.run(["stats", "--by", "year", "--format", "svg", Self.example])
        #expect(chart.status == 64 && chart.stderr.contains("--by goes with --format text, json or markdown"))
    }

    @Test func anUnreadableListFails() throws {
        let result = try Fmadd.run(["stats", "/nonexistent/list.md"])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("fmadd: error:"))
    }

    @Test func fixSetsTheCountBadge() throws {
        let folder = try TemporaryFolder.make()
        let list = folder.appendingPathComponent("README.md")
        let text = try String(contentsOfFile: Self.example, encoding: .utf8)
        try Data(("![papers](https://img.shields.io/badge/papers-1-blue) <!-- fmadd:count -->\n\n" + text).utf8).write(to: list)
        let badge = try Fmadd.run(["stats", "--badge", list.path]).stdout
        #expect(try Fmadd.run(["fix", list.path], in: folder).status == 0)
        let fixed = try String(contentsOf: list, encoding: .utf8)
        #expect(fixed == badge + "\n" + text)
    }

    // MARK: The chart, drawn

    /// The width and height of a PNG, from its header (`IHDR`, the first chunk).
    static func pngSize(_ data: Data) throws -> (width: Int, height: Int) {
        let bytes = [UInt8](data)
        try #require(bytes.count > 24 && bytes.prefix(8) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "not a PNG")
        try #require(bytes[12..<16] == Array("IHDR".utf8)[...], "a PNG without its header first")
        func big(_ at: Int) -> Int { bytes[at..<(at + 4)].reduce(0) { $0 << 8 | Int($1) } }
        return (big(16), big(20))
    }

    static func render(_ svg: URL, background: String) throws -> Data {
        let png = svg.deletingPathExtension().appendingPathExtension("\(background.dropFirst()).png")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(Needs.rsvgConvertPath, "\(Needs.rsvgConvertReason)"))
        process.arguments = ["--background-color", background, "--output", png.path, svg.path]
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "rsvg-convert could not draw \(svg.lastPathComponent)")
        return try Data(contentsOf: png)
    }

    /// rsvg-convert draws the chart at the size it says, and draws something: on a light and on a
    /// dark background it differs from an empty image of that size drawn the same way (and, with
    /// more than one colour, compresses less well).
    @Test(.enabled(if: Needs.rsvgConvert, Comment(rawValue: Needs.rsvgConvertReason)))
    func theChartRendersAsAPicture() throws {
        let result = try Fmadd.run(["stats", "--format", "svg", Self.example])
        #expect(result.status == 0)
        let width = try #require(result.stdout.firstMatch(of: /<svg [^>]*width="(\d+)"/)?.output.1).flatMap { Int($0) }
        let height = try #require(result.stdout.firstMatch(of: /<svg [^>]*height="(\d+)"/)?.output.1).flatMap { Int($0) }
        let folder = try TemporaryFolder.make()
        let chart = folder.appendingPathComponent("chart.svg")
        try Data(result.stdout.utf8).write(to: chart)
        let empty = folder.appendingPathComponent("empty.svg")
        try Data(#"<svg xmlns="http://www.w3.org/2000/svg" width="\#(width!)" height="\#(height!)"></svg>"#.utf8).write(to: empty)
        for background in ["#ffffff", "#0d1117"] {
            let drawn = try Self.render(chart, background: background)
            let blank = try Self.render(empty, background: background)
            let size = try Self.pngSize(drawn)
            #expect(size.width == width && size.height == height)
            #expect(try Self.pngSize(blank) == size)
            #expect(drawn != blank && drawn.count > blank.count * 2, "the chart on \(background) draws next to nothing")
        }
    }
}
