import ArgumentParser
import FMList
import FMWorkflows

extension Fmadd {
    struct Export: WorkflowCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Print every entry of a list as JSON, in the shape `fmadd add --from` reads.",
            discussion: """
                One JSON object for each paper entry and dataset row, in the list's order: its fields \
                as `add --from` reads them (category, year from its year group, venue, title, links \
                by label; for a row name, paper, link, modality, scale, task), and under `listed`, \
                which `add --from` ignores, where it stands: the file, the section's heading, the \
                line (and lastLine for an entry of several lines), its index in the section from 0, \
                and the line as written.
                Exit status: 0 when exported, 2 when a list cannot be read (or is not UTF-8), 64 on \
                a usage error.
                """)

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case jsonl, json
        }

        @OptionGroup var list: ListOptions

        @Option(help: "jsonl (one entry a line) or json (one array).")
        var format: Format = .jsonl

        func execute() throws(WorkflowFailure) -> ExitStatus {
            var clock = PhaseClock()
            var out = StandardOutput()
            var first = true
            if format == .json { out.append("[") }
            for list in try list.resolveAll() {
                let entries = try ListExport.entries(of: list, phase: { clock.mark($0) })
                let path = list.path
                let lines = parallelArray(count: entries.count) { entries[$0].json(file: path).jsonText }
                for line in lines {
                    switch format {
                    case .jsonl: out.append(line + "\n")
                    case .json: out.append((first ? "\n" : ",\n") + line)
                    }
                    first = false
                }
                clock.mark("json")
            }
            if format == .json { out.append(first ? "]\n" : "\n]\n") }
            out.flush()
            clock.mark("write")
            return .success
        }
    }
}
