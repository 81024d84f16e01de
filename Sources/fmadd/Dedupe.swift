import ArgumentParser
import Foundation
import FMDedupe
import FMEditor
import FMList
import FMWorkflows

extension Configuration.DedupeScope: ExpressibleByArgument {}

extension Fmadd {
    struct Dedupe: WorkflowCommand {
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

        func execute() throws(WorkflowFailure) -> ExitStatus {
            let lists = try list.resolveAll()
            guard let list = lists.first, lists.count == 1 else { return usage("dedupe reads one list") }
            let workflow = DedupeWorkflow(list: list, scope: scope, writes: apply || interactive, commit: commit)
            let outcome = try workflow.run { clusters in
                if json {
                    StandardOutput.write(DuplicateText.json(clusters))
                } else if !interactive {
                    StandardOutput.write(DuplicateText.describe(clusters, path: list.name))
                }
                if interactive { return ask(about: clusters, path: list.name) }
                return apply ? .byConfidence(clusters, includeLikely: includeLikely) : .init()
            }
            if let remembered = outcome.remembered {
                let count = remembered.pairs.count
                StandardOutput.write("Remembered \(count) pair\(count == 1 ? "" : "s") in \(ControlCharacters.escaped(remembered.file))\n")
            }
            if let merged = outcome.merged {
                guard case .published(let publication) = merged.publication else { return report(merged.publication) }
                let count = merged.clusters
                StandardOutput.write("Merged \(count) cluster\(count == 1 ? "" : "s") in \(ControlCharacters.escaped(list.path))\n" + publication.text)
            }
            return outcome.leftDuplicates ? .findings : .success
        }

        /// Each cluster shown, and what to do with it asked, until the answers end.
        private func ask(about clusters: [DuplicateCluster], path: String) -> DedupeWorkflow.Decisions {
            var prompter = TerminalPrompter()
            var decisions = DedupeWorkflow.Decisions()
            for cluster in clusters {
                prompter.say(DuplicateText.describe([cluster], path: path))
                guard let answer = prompter.ask(Question(label: "Merge (m), keep both (k), keep both and remember (r)? [k]",
                                                         hint: nil, defaultAnswer: nil, optional: true)) else { break }
                switch answer.lowercased().first {
                case "m": decisions.merge.append(cluster)
                case "r": decisions.remember.append(cluster)
                default: break
                }
            }
            return decisions
        }
    }
}
