import ArgumentParser
import Foundation
import FMDedupe
import FMEditor
import FMList

extension Configuration.DedupeScope: ExpressibleByArgument {}

extension Fmadd {
    struct Dedupe: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "dedupe",
            abstract: "Find the same paper listed twice, under other spellings and other links; merge with --apply.",
            discussion: """
                Each cluster shows its entries (line, section, year, text), why they match (the shared \
                key, or how alike the titles are) and a confidence: duplicate, likely or possible. \
                --apply merges the duplicate clusters (and the likely ones with --include-likely): the \
                most complete entry stays in its place, the links of the others are added to it.
                Exit status: 0 with no duplicate cluster, 1 with one, 2 when the list cannot be read.
                """)

        @OptionGroup var list: ListOptions

        @Flag(help: "Print the clusters as JSON.")
        var json = false

        @Option(help: "Where to look: within a section, a category, or the whole list (default: the configuration's).")
        var scope: Configuration.DedupeScope?

        @Flag(help: "Merge each duplicate cluster into its most complete entry.")
        var apply = false

        @Flag(name: .customLong("include-likely"), help: "With --apply, merge the likely clusters too.")
        var includeLikely = false

        @Flag(help: "Ask for each cluster: merge, keep both, or keep both and remember (written to distinct: in .fmadd.yml).")
        var interactive = false

        @Flag(help: "With --apply or --interactive, commit the merged list (only it) through git.")
        var commit = false

        func run() throws {
            let lists = try reportingFailures { try list.resolveAll() }
            guard let (path, configuration) = lists.first, lists.count == 1 else { throw ValidationError("dedupe reads one list") }
            // A run that may write holds the list from reading it to the end of the write or commit.
            let lock = apply || interactive ? try reportingFailures { try ListLock(list: path) } : nil
            defer { lock?.release() }
            let document = try reportingFailures { try Document(contentsOf: path) }
            let view = ListView(document: document, configuration: configuration)
            let clusters = DuplicateFinder(configuration: configuration).clusters(in: view, scope: scope)
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                let data = (try? encoder.encode(DuplicateReport(clusters: clusters))) ?? Data("{}".utf8)
                FileHandle.standardOutput.write(Data((ControlCharacters.escapedJSON(String(decoding: data, as: UTF8.self)) + "\n").utf8))
            } else if !interactive {
                FileHandle.standardOutput.write(Data(Self.describe(clusters, path: path).utf8))
            }
            var toMerge: [DuplicateCluster] = []
            if interactive {
                var prompter = TerminalPrompter()
                var remembered: [[String]] = []
                for cluster in clusters {
                    prompter.say(Self.describe([cluster], path: path))
                    guard let answer = prompter.ask(Question(label: "Merge (m), keep both (k), keep both and remember (r)? [k]",
                                                             hint: nil, defaultAnswer: nil, optional: true)) else { break }
                    switch answer.lowercased().first {
                    case "m": toMerge.append(cluster)
                    case "r": remembered.append(cluster.entries.map { view.entries[$0.index].title ?? $0.text })
                    default: break
                    }
                }
                if !remembered.isEmpty { try remember(remembered, configuration: configuration, listPath: path) }
            } else if apply {
                toMerge = clusters.filter { $0.confidence == .duplicate || (includeLikely && $0.confidence == .likely) }
            }
            if !toMerge.isEmpty {
                let merged = document.applying(MergePlan.edits(for: toMerge, in: view))
                let settings = Publisher.Settings(commit: commit, branch: false, branchName: nil, push: false, remote: "origin")
                let outcome = try Publisher(options: settings).publish(path: path, old: document.bytes, new: merged,
                                                                       message: "Merge \(toMerge.count) duplicate entr\(toMerge.count == 1 ? "y" : "ies") with fmadd dedupe",
                                                                       branchTitle: "dedupe", additions: [])
                print("Merged \(toMerge.count) cluster\(toMerge.count == 1 ? "" : "s") in \(ControlCharacters.escaped(path))")
                print(Publisher.describe(outcome), terminator: "")
            }
            exitNow(clusters.contains { $0.confidence == .duplicate } && toMerge.isEmpty ? Exit.findings : .success)
        }

        /// The clusters as text for a terminal; a title's or a file name's control characters
        /// are shown as escapes, never sent to the terminal.
        static func describe(_ clusters: [DuplicateCluster], path: String) -> String {
            let path = ControlCharacters.escaped(path, keeping: ["\t"])
            guard !clusters.isEmpty else { return "\(path): no duplicates\n" }
            var out = ""
            for cluster in clusters {
                let reasons = cluster.reasons.map { reason in
                    var text = "\(reason.firstLine)~\(reason.secondLine): \(reason.evidence.key.rawValue)"
                    if let value = reason.evidence.value { text += " " + ControlCharacters.escaped(value, keeping: ["\t"]) }
                    return text + String(format: ", title similarity %.2f", reason.evidence.similarity)
                }
                out += "\(cluster.confidence.rawValue) (\(reasons.joined(separator: "; "))):\n"
                for entry in cluster.entries {
                    let place = [entry.section, entry.year.map(String.init)].compactMap { $0 }.joined(separator: ", ")
                    out += "  \(path):\(entry.line) [\(ControlCharacters.escaped(place, keeping: ["\t"]))] \(ControlCharacters.escaped(entry.text.trimmingWhitespace(), keeping: ["\t"]))\n"
                }
            }
            let count = { (c: DuplicateConfidence) in clusters.filter { $0.confidence == c }.count }
            out += "\(path): \(clusters.count) cluster\(clusters.count == 1 ? "" : "s"): \(count(.duplicate)) duplicate, \(count(.likely)) likely, \(count(.possible)) possible\n"
            return out
        }

        /// Adds pairs to `distinct:` in the list's .fmadd.yml, making the file when there is none.
        private func remember(_ groups: [[String]], configuration: Configuration, listPath: String) throws {
            let file = configuration.source ?? URL(fileURLWithPath: listPath).deletingLastPathComponent().appendingPathComponent(Configuration.fileName).path
            let text = (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
            // `distinct:` holds pairs: a cluster of three is remembered as its three pairs.
            var pairs: [[String]] = []
            for group in groups {
                for (offset, first) in group.enumerated() {
                    for second in group.dropFirst(offset + 1) where !pairs.contains([first, second]) { pairs.append([first, second]) }
                }
            }
            let updated = try reportingFailures { try DistinctPairs.adding(pairs, to: text, path: file) }
            try reportingFailures { try AtomicFile.write(Array(updated.utf8), to: file) }
            print("Remembered \(pairs.count) pair\(pairs.count == 1 ? "" : "s") in \(ControlCharacters.escaped(file))")
        }
    }
}
