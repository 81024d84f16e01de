import ArgumentParser
import Foundation
import FMWorkflows

extension Fmadd {
    struct Refresh: WorkflowCommand {
        static let configuration = CommandConfiguration(
            commandName: "refresh",
            abstract: "Find preprints that have since been published, and propose their new venue and link.",
            discussion: """
                For each entry tagged as a preprint (arXiv, bioRxiv, medRxiv), asks arXiv (its journal \
                reference and DOI) or Crossref (a bioRxiv or medRxiv DOI's published version) and \
                prints the diff of the new venue tags and paper links. --apply writes it, checking \
                that each refreshed entry reads back as the same entry; an entry whose title does \
                not match the service's is reported and never changed. arXiv is asked at most once \
                every 3 seconds, up to 50 ids a request; answers are cached for a week.
                Exit status: 0 when done, 1 when a title does not match or an id is unknown, 2 when \
                the file or a service cannot be used, 64 on a usage error.
                """)

        @OptionGroup var list: ListOptions

        @Flag(help: "Write the refreshed list (only the refreshed entries' lines change).")
        var apply = false

        @Flag(help: "Write the refreshed list and commit it (only it) through git.")
        var commit = false

        @Flag(help: "Ask no service: use the cached answers only.")
        var offline = false

        func execute() throws(WorkflowFailure) -> ExitStatus {
            let mode: RefreshWorkflow.Mode = commit ? .commit : apply ? .apply : .diff
            var status = ExitStatus.success
            for list in try list.resolveAll() {
                let workflow = RefreshWorkflow(list: list, mode: mode, lookup: try PaperLookup.forList(list, offline: offline))
                var meter = ProgressMeter(label: "checking \(list.path)")
                let outcome = try workflow.run { meter.show($0, of: $1) }
                meter.end()
                StandardOutput.write(outcome.diff)
                for mismatch in outcome.mismatches {
                    StandardError.warning("\(list.path):\(mismatch.line): not changed: the title is \"\(mismatch.listed)\", "
                                          + "but \(mismatch.identifier) is \"\(mismatch.found)\"; check the entry's link")
                }
                for (line, identifier) in outcome.unknown {
                    StandardError.warning("\(list.path):\(line): \(identifier) is not known to the service; check the entry's link")
                }
                if !outcome.mismatches.isEmpty || !outcome.unknown.isEmpty { status = .findings }
                let count = outcome.changes.count
                let summary = "\(list.path): \(outcome.checked) preprint\(outcome.checked == 1 ? "" : "s") checked, \(count) since published"
                switch outcome.written {
                case .nothing:
                    StandardError.note(summary + (count > 0 ? "; run `fmadd refresh --apply` to write \(count == 1 ? "it" : "them")" : ""))
                case .written:
                    StandardOutput.write(summary + ", written\n")
                case .published(let publication):
                    StandardOutput.write(summary + "\n")
                    let published = report(publication)
                    if published != .success { return published }
                }
            }
            return status
        }
    }
}

/// How far a long run is: a bar with the count and the time left on a terminal, plain lines
/// (every tenth) otherwise. On standard error, so that the diff alone is on standard output.
struct ProgressMeter {
    let label: String
    private let terminal = isatty(STDERR_FILENO) != 0
    private let started = Date()
    private var lastLine = -1
    private var drawn = false

    init(label: String) {
        self.label = label
    }

    mutating func show(_ done: Int, of total: Int) {
        guard total > 0 else { return }
        if terminal {
            let width = 30, filled = width * done / total
            let elapsed = Date().timeIntervalSince(started)
            let left = done > 0 ? Int((elapsed / Double(done) * Double(total - done)).rounded()) : nil
            let eta = left.map { " ETA \($0 / 60):" + String(format: "%02d", $0 % 60) } ?? ""
            FileHandle.standardError.write(Data("\r\(label) [\(String(repeating: "#", count: filled))\(String(repeating: " ", count: width - filled))] \(done)/\(total)\(eta) ".utf8))
            drawn = true
        } else if done == total || done * 10 / total > lastLine {
            lastLine = done * 10 / total
            StandardError.note("\(label): \(done) of \(total)")
        }
    }

    mutating func end() {
        if drawn { FileHandle.standardError.write(Data("\n".utf8)) }
        drawn = false
    }
}
