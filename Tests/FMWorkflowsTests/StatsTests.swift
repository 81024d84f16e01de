import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import FMList
import FMSchema
import FMTestSupport
import Testing
@testable import FMWorkflows

/// `fmadd stats` in process: the counts come from the list's entries, and each format says them.
@Suite struct StatsTests {
    static let example = Paths.repository.appendingPathComponent("Examples/healthcare-list.md").path
    static let lists = [example, Paths.healthcareList.path]

    static func view(_ path: String) throws -> ListView {
        ListView(document: try Document(contentsOf: path), configuration: .healthcareDefault)
    }

    static func statistics(_ paths: [String]) throws -> ListStatistics {
        try ListStats.statistics(of: paths.map { ListFile(path: $0, configuration: .healthcareDefault) })
    }

    @Test(arguments: lists)
    func countsAreTheListsEntries(_ path: String) throws {
        let view = try Self.view(path)
        let statistics = try Self.statistics([path])
        let papers = view.entries.filter { $0.shape == .entry && $0.category != nil }
        #expect(!papers.isEmpty)
        #expect(statistics.categories.map(\.key) == Configuration.healthcareDefault.categories.map(\.key))
        for category in statistics.categories {
            let items = papers.filter { $0.category == category.key }
            let rows = view.tables.filter { $0.category == category.key }.flatMap(\.body)
            #expect(category.tally.entries == items.count + rows.count, "\(category.key)")
            let coded = items.filter { $0.links.contains { $0.label.lowercased().contains("code") || $0.url.contains("github.com") } }
            let rowsWithCode = rows.filter { row in view.linksByLine[row.line - 1].contains { $0.target.contains("github.com") || $0.text.lowercased().contains("code") } }
            #expect(category.tally.withCode == coded.count + rowsWithCode.count, "\(category.key)")
        }
        #expect(statistics.paperCount == papers.filter { Configuration.healthcareDefault.category($0.category!)?.kind == .papers }.count)
        let byYear = Dictionary(grouping: papers.filter { $0.yearGroup != nil }) { view.yearGroups[$0.yearGroup!].year }
        #expect(statistics.years.map(\.year) == byYear.keys.sorted())
        for year in statistics.years {
            let entries = byYear[year.year] ?? []
            #expect(year.tally.entries == entries.count)
            #expect(year.entriesByCategory == Dictionary(grouping: entries) { $0.category! }.mapValues(\.count))
        }
        let preprints = papers.filter { entry in
            ["arxiv", "biorxiv", "medrxiv"].contains { server in
                entry.venue?.lowercased().contains(server) == true || entry.links.contains { $0.url.lowercased().contains(server + ".org/") }
            }
        }
        #expect(statistics.total.preprints - statistics.undated.preprints
                    == preprints.filter { $0.yearGroup != nil }.count)
        let venues = Dictionary(grouping: papers.compactMap(\.venue)) { $0 }.mapValues(\.count)
        #expect(statistics.venues.count == venues.count)
        for venue in statistics.topVenues() { #expect(venue.entries == venues[venue.name]) }
        #expect(statistics.topVenues().map(\.entries) == statistics.topVenues().map(\.entries).sorted(by: >))
        #expect(statistics.topVenues().count == min(10, venues.count))
    }

    @Test func whatALinkSays() {
        #expect(ListStatistics.isCodeLink(label: "Code", target: "https://example.org/x"))
        #expect(ListStatistics.isCodeLink(label: "GitHub", target: "https://gitlab.com/x"))
        #expect(ListStatistics.isCodeLink(label: "Paper", target: "https://www.GitHub.com/a/b"))
        #expect(!ListStatistics.isCodeLink(label: "Paper", target: "https://example.org/github.com"))
        #expect(ListStatistics.isPreprintLink("https://arxiv.org/abs/2401.00001"))
        #expect(ListStatistics.isPreprintLink("https://www.biorxiv.org/content/10.1101/x"))
        #expect(!ListStatistics.isPreprintLink("https://example.org/arxiv.org"))
        #expect(ListStatistics.isPreprintVenue("medRxiv"))
        #expect(!ListStatistics.isPreprintVenue("Nature"))
    }

    @Test func severalListsAreCountedTogether() throws {
        let one = try Self.statistics([Self.example])
        let other = try Self.statistics([Paths.healthcareList.path])
        let both = try Self.statistics(Self.lists)
        #expect(both.total.entries == one.total.entries + other.total.entries)
        #expect(both.paperCount == one.paperCount + other.paperCount)
        for category in both.categories {
            let parts = [one, other].compactMap { $0.categories.first { $0.key == category.key }?.tally.entries }
            #expect(category.tally.entries == parts.reduce(0, +))
        }
    }

    @Test(arguments: lists)
    func theJSONSaysTheCounts(_ path: String) throws {
        let statistics = try Self.statistics([path])
        let json = try JSONValue(jsonText: StatsReport.render(statistics, as: .json))
        #expect(json["entries"]?.intValue == statistics.total.entries)
        #expect(json["papers"]?.intValue == statistics.paperCount)
        #expect(json["withCode"]?.intValue == statistics.total.withCode)
        let categories = try #require(json["categories"]?.arrayValue)
        #expect(categories.map { $0["key"]?.stringValue } == statistics.categories.map(\.key))
        #expect(categories.map { $0["entries"]?.intValue } == statistics.categories.map(\.tally.entries))
        let years = try #require(json["years"]?.arrayValue)
        for (value, year) in zip(years, statistics.years) {
            #expect(value["year"]?.intValue == year.year)
            for (key, count) in year.entriesByCategory { #expect(value["categories"]?[key]?.intValue == count) }
        }
        #expect(json["topVenues"]?.arrayValue?.count == statistics.topVenues().count)
    }

    @Test func theMarkdownIsTablesGitHubReads() throws {
        let statistics = try Self.statistics([Paths.healthcareList.path])
        let markdown = StatsReport.render(statistics, as: .markdown)
        let view = ListView(document: try Document(bytes: Array(markdown.utf8)), configuration: .healthcareDefault)
        #expect(view.tables.count == 2)
        let years = try #require(view.tables.first)
        #expect(years.body.count == statistics.years.count + (statistics.undated.entries > 0 ? 1 : 0) + 1)
        #expect(years.rows.allSatisfy { $0.cells.count == years.header.cells.count })
        let total = try #require(years.body.last?.cells.dropLast().last?.text.trimmingWhitespace())
        #expect(total == "**\(statistics.total.entries)**")
    }

    @Test func theTextSaysTheTotals() throws {
        let statistics = try Self.statistics([Self.example])
        let text = StatsReport.render(statistics, as: .text)
        #expect(text.hasPrefix("\(statistics.total.entries) entries (\(statistics.paperCount) papers), \(statistics.total.withCode) with code"))
        for category in statistics.categories { #expect(text.contains(category.heading)) }
        #expect(StatsReport.percent(1, of: 3) == "33.3%" && StatsReport.percent(2, of: 3) == "66.7%" && StatsReport.percent(0, of: 0) == "0.0%")
    }

    @Test func theBadgeShowsThePapers() throws {
        let statistics = try Self.statistics([Self.example])
        #expect(StatsReport.badge(statistics) == "![papers](https://img.shields.io/badge/papers-\(statistics.paperCount)-blue) <!-- fmadd:count -->\n")
    }

    // MARK: The chart

    /// The elements of an SVG, each with its attributes, as an XML parser reads them.
    final class Elements: NSObject, XMLParserDelegate {
        var elements: [(name: String, attributes: [String: String])] = []
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            elements.append((name, attributes))
        }
    }

    static func parse(_ svg: String) throws -> [(name: String, attributes: [String: String])] {
        let parser = XMLParser(data: Data(svg.utf8))
        let elements = Elements()
        parser.delegate = elements
        let parsed = parser.parse()
        #expect(parsed, "the SVG is not well-formed XML: \(String(describing: parser.parserError))")
        return elements.elements
    }

    @Test(arguments: lists)
    func theChartIsXMLWithABarForEachYearAndCategory(_ path: String) throws {
        let svg = StatsReport.render(try Self.statistics([path]), as: .svg)
        #expect(StatsReport.render(try Self.statistics([path]), as: .svg) == svg, "the same list gives the same bytes")
        let elements = try Self.parse(svg)
        let root = try #require(elements.first)
        #expect(root.name == "svg" && root.attributes["xmlns"] == "http://www.w3.org/2000/svg")
        let unit = try #require(root.attributes["data-unit"].flatMap(Double.init))
        // The counts are those of the JSON, read back.
        let json = try JSONValue(jsonText: StatsReport.render(try Self.statistics([path]), as: .json))
        var expected: [String: Int] = [:]
        for year in json["years"]?.arrayValue ?? [] {
            for member in year["categories"]?.objectValue?.members ?? [] {
                expected["\(year["year"]!.intValue!) \(member.key)"] = member.value.intValue
            }
        }
        #expect(!expected.isEmpty)
        var drawn: [String: Int] = [:]
        for bar in elements where bar.name == "rect" && bar.attributes["data-year"] != nil {
            let height = try #require(bar.attributes["height"].flatMap(Double.init))
            let key = "\(bar.attributes["data-year"]!) \(bar.attributes["data-category"]!)"
            let count = try #require(expected[key], "a bar for \(key), which has no entry")
            #expect(abs(height / unit - Double(count)) < 0.05, "\(key): \(height) px at \(unit) px an entry is not \(count)")
            drawn[key] = count
        }
        #expect(drawn == expected)
        // Self-contained: nothing to run and nothing to fetch.
        #expect(!elements.contains { $0.name == "script" || $0.name == "image" || $0.name == "a" || $0.name == "foreignObject" })
        #expect(!elements.contains { $0.attributes.keys.contains { $0.hasPrefix("on") || $0.hasSuffix("href") } })
        #expect(!svg.contains("@import") && !svg.contains("url("))
        #expect(svg.contains("prefers-color-scheme: dark"))
    }

    @Test func aListWithoutYearsStillGivesAChart() throws {
        let view = ListView(document: try Document(bytes: Array("# Nothing here\n".utf8)), configuration: .healthcareDefault)
        let svg = StatsChart.svg(ListStatistics(view: view))
        #expect(try Self.parse(svg).first?.name == "svg")
        #expect(svg.contains("no entry has a year"))
    }

    @Test func scalesAndNumbers() {
        #expect(StatsChart.niceStep(4) == 1 && StatsChart.niceStep(7) == 2 && StatsChart.niceStep(23) == 5 && StatsChart.niceStep(9_876) == 2_000)
        #expect(StatsChart.niceCeiling(7) == 8 && StatsChart.niceCeiling(23) == 25 && StatsChart.niceCeiling(1) == 1)
        #expect(StatsChart.number(12.5) == "12.5" && StatsChart.number(3) == "3" && StatsChart.number(0.125, places: 6) == "0.125")
        #expect(StatsChart.escape("A & <B>") == "A &amp; &lt;B&gt;")
    }
}
