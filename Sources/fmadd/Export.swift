import ArgumentParser
import FMEditor
import FMList
import FMWorkflows

extension Fmadd {
    struct Export: WorkflowCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Print every entry of a list as JSON, in the shape `fmadd add --from` reads, or its papers as BibTeX or CSL-JSON.",
            discussion: """
                One JSON object for each paper entry and dataset row, in the list's order: its fields \
                as `add --from` reads them (category, year from its year group, venue, title, links \
                by label; for a row name, paper, link, modality, scale, task), and under `listed`, \
                from which `add --from` reads a paper's index and line, where it stands: the file, the section's heading, the \
                line (and lastLine for an entry of several lines), its index in the section from 0, \
                and the line as written.
                `--format bibtex` and `--format csl-json` give one record for each paper (a paper \
                listed in several sections once), for a reference manager: a key that is the \
                arXiv id, or the title's first word and the year (`a`, `b`, … when taken), the \
                title, year, address, arXiv id, DOI (read from the links), journal or conference \
                from the venue, and the sections in `note`.
                Exit status: 0 when exported, 2 when a list cannot be read (or is not UTF-8), 64 on \
                a usage error.
                """)

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case jsonl, json, bibtex
            case cslJSON = "csl-json"
        }

        @OptionGroup var list: ListOptions

        @Option(help: "jsonl (one entry a line), json (one array), bibtex or csl-json (one record a paper).")
        var format: Format = .jsonl

        func execute() throws(WorkflowFailure) -> ExitStatus {
            var clock = PhaseClock()
            // Every list is read before anything is written: a list that cannot be read leaves
            // no half of an export.
            var lists: [(path: String, entries: [ListedEntry])] = []
            for list in try list.resolveAll() {
                lists.append((list.name, try ListExport.entries(of: list, phase: { clock.mark($0) })))
            }
            if format == .bibtex || format == .cslJSON {
                let citations = Citation.all(from: lists.flatMap(\.entries))
                StandardOutput.write(format == .bibtex ? BibTeX.render(citations) : CSLJSON.render(citations))
                clock.mark(format.rawValue)
                return .success
            }
            let json = format == .json
            if json { StandardOutput.write("[") }
            var written = 0
            for (path, entries) in lists {
                let before = written
                // Written on all cores as JSON text straight into bytes, and a piece at a time:
                // the text of a large list is never held whole.
                for start in stride(from: 0, to: entries.count, by: 8192) {
                    let ranges = workRanges(count: min(8192, entries.count - start), minimumSize: 512)
                    let pieces = parallelArray(count: ranges.count, minimumPiece: 1) { k in
                        var bytes: [UInt8] = []
                        for index in (start + ranges[k].lowerBound)..<(start + ranges[k].upperBound) {
                            if json { bytes.append(contentsOf: (before + index == 0 ? "\n" : ",\n").utf8) }
                            entries[index].json(file: path).appendJSON(to: &bytes)
                            if !json { bytes.append(UInt8(ascii: "\n")) }
                        }
                        return bytes
                    }
                    for piece in pieces { StandardOutput.write(bytes: piece) }
                }
                written += entries.count
            }
            if json { StandardOutput.write(written == 0 ? "]\n" : "\n]\n") }
            clock.mark("json")
            return .success
        }
    }
}
