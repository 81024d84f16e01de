import ArgumentParser
import FMWorkflows

extension StatsFormat: ExpressibleByArgument {}

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
                which `fmadd fix` then keeps up to date.
                Exit status: 0, 2 when a file cannot be read, 64 on a usage error.
                """)

        @OptionGroup var list: ListOptions

        @Option(help: ArgumentHelp("Output format (default: text).", valueName: "format"))
        var format: StatsFormat?

        @Flag(help: "Print the count badge line (`![papers](https://img.shields.io/badge/papers-N-blue) <!-- fmadd:count -->`) instead.")
        var badge = false

        func validate() throws {
            if badge && format != nil { throw ValidationError("--badge goes without --format") }
        }

        func execute() throws(WorkflowFailure) -> ExitStatus {
            let statistics = try ListStats.statistics(of: list.resolveAll())
            StandardOutput.write(badge ? StatsReport.badge(statistics) : StatsReport.render(statistics, as: format ?? .text))
            return .success
        }
    }
}
