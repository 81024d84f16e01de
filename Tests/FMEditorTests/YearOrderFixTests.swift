import FMList
import FMRules
import Testing
@testable import FMEditor

/// `fix` keeps a list in its own year order: an oldest-first list stays oldest first, and only
/// `yearOrder:` in the configuration turns it around.
@Suite struct YearOrderFixTests {
    static let years = [2019, 2020, 2021, 2022]
    static let list = "## VFM methods\n" + years.map { "**\($0)**\n- Title \($0). [[Paper]](https://a.org/\($0))\n" }.joined(separator: "\n")

    static func fixedYears(_ configuration: Configuration) throws -> [Int] {
        let result = try Fixer(linter: Linter(), configuration: configuration).fix(try Document(bytes: Array(list.utf8)), path: "list.md")
        return ListView(document: try Document(bytes: result.bytes), configuration: configuration).yearGroups.map(\.year)
    }

    @Test func anOldestFirstListIsNotReversed() throws {
        #expect(try Self.fixedYears(.healthcareDefault) == Self.years)
    }

    @Test func theConfigurationsOrderWins() throws {
        var configuration = Configuration.healthcareDefault
        configuration.yearOrder = .newestFirst
        #expect(try Self.fixedYears(configuration) == Self.years.reversed())
    }
}
