import ArgumentParser
import FMWorkflows

extension StatsFormat: ExpressibleByArgument {}
extension StatsBreakdown: ExpressibleByArgument {}

extension Fmadd {
    struct Stats: WorkflowCommand {
        static let configuration = CommandConfiguration(
            commandName: "stats",
            abstract: "Count a list's entries by category and year, with code links, top venues and preprints.",
            discussion: """
                An entry is an item of a configured category read as a paper, or a row of a category's \
                table; several files are counted together. `markdown` prints tables to paste into a \
                README, `svg` a stacked bar chart of the entries per year and category (the same bytes \
                for the same list). --badge prints the shields.io badge line of the number of papers, \
                which `fmadd fix` then keeps up to date. --by chooses the tables: `category`, `year` \
                or `venue` (top ten) alone, or `category,year` for one table of years by category; \
                JSON then holds only those counts.
                Exit status: 0, 2 when a file cannot be read, 64 on a usage error.
                """)

        @OptionGroup var list: ListOptions

        @Option(help: ArgumentHelp("Output format (default: text).", valueName: "format"))
        var format: StatsFormat?

        @Option(parsing: .singleValue, help: ArgumentHelp("What to count by: category, year, venue, or several (`category,year`). Default: all.", valueName: "breakdown"),
                transform: { text in
                    try text.split(separator: ",").map { part in
                        guard let breakdown = StatsBreakdown(rawValue: String(part)) else {
                            throw ValidationError("--by takes category, year or venue, not '\(part)'")
                        }
                        return breakdown
                    }
                })
        var by: [[StatsBreakdown]] = []

        @Flag(help: "Print the count badge line (`![papers](https://img.shields.io/badge/papers-N-blue) <!-- fmadd:count -->`) instead.")
        var badge = false

        func validate() throws {
            if badge && format != nil { throw ValidationError("--badge goes without --format") }
            if !by.isEmpty && (badge || format == .svg) { throw ValidationError("--by goes with --format text, json or markdown (the chart is always years by category)") }
        }

        func execute() throws(WorkflowFailure) -> ExitStatus {
            let statistics = try ListStats.statistics(of: list.resolveAll())
            StandardOutput.write(badge ? StatsReport.badge(statistics) : StatsReport.render(statistics, as: format ?? .text, by: Set(by.joined())))
            return .success
        }
    }
}
