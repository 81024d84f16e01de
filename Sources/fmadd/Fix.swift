import ArgumentParser
import Foundation
import FMEditor
import FMGit
import FMList
import FMRules

extension Fmadd {
    struct Fix: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "fix",
            abstract: "Apply the fixes the rules offer: align tables, respell labels, remove placeholders, order years.",
            discussion: """
                Formatting fixes are checked against GitHub's rendering: when one would change what \
                GitHub shows, nothing is written. A fix never drops an entry that has a title.
                Exit status: 0 when done (or nothing to do), 1 with --check when something would change,
                2 when the file cannot be read or a fix is refused, 64 on a usage error.
                """)

        @OptionGroup var list: ListOptions

        @Flag(help: "Write nothing; exit 1 when a fix would change the file.")
        var check = false

        @Flag(help: "Print a unified diff of the fixes and write nothing.")
        var diff = false

        @Option(help: ArgumentHelp("Apply only these rules' fixes (comma-separated ids).", valueName: "ids"))
        var select: String?

        @Option(help: ArgumentHelp("Skip these rules' fixes (comma-separated ids).", valueName: "ids"))
        var ignore: String?

        @Flag(help: "Commit the fixed list (only it, whatever else is staged) through git.")
        var commit = false

        func validate() throws {
            for id in ids(select).union(ids(ignore)) where RuleRegistry.description(of: id) == nil {
                throw ValidationError("unknown rule '\(id)'; `fmadd rules` lists them")
            }
        }

        private func ids(_ list: String?) -> Set<String> {
            Set((list ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
        }

        func run() throws {
            var changedAny = false
            for (path, configuration) in try reportingFailures({ try list.resolveAll() }) {
                changedAny = try fix(path, configuration) || changedAny
            }
            exitNow(changedAny && check ? Exit.findings : .success)
        }

        /// Fixes one list; whether it changed (or, with --check or --diff, would change).
        private func fix(_ path: String, _ configuration: Configuration) throws -> Bool {
            var clock = PhaseClock()
            // A fix that writes holds the list from reading it to the end of the write or commit.
            let lock = check || diff ? nil : try reportingFailures { try ListLock(list: path) }
            defer { lock?.release() }
            let document = try reportingFailures { try Document(contentsOf: path) }
            clock.mark("parse")
            defer { clock.mark("report") }
            let linter = Linter(select: select == nil ? nil : ids(select), ignore: ids(ignore))
            let result: Fixer.Result
            do {
                result = try Fixer(linter: linter, configuration: configuration).fix(document, path: path)
            } catch {
                printError("fmadd: error: \(error)")
                throw Exit.failure
            }
            clock.mark("fix")
            if diff {
                FileHandle.standardOutput.write(Data(UnifiedDiff.make(old: document.bytes, new: result.bytes, path: path).utf8))
            }
            if check || diff {
                if result.changed {
                    printError("\(path): \(result.applied.count) fix\(result.applied.count == 1 ? "" : "es") would change the file; run `fmadd fix`")
                }
                return result.changed
            }
            if result.changed && commit {
                let options = Publisher.Settings(commit: true, branch: false, branchName: nil, push: false, remote: "origin")
                let rules = Set(result.applied.map(\.ruleID)).sorted()
                let message = "Apply fmadd fix: \(result.applied.count) fix\(result.applied.count == 1 ? "" : "es") (\(rules.joined(separator: ", ")))"
                let published = try Publisher(options: options).publish(path: path, old: document.bytes, new: result.bytes, message: message,
                                                                        branchTitle: "fix", additions: [])
                print(Publisher.describe(published), terminator: "")
            } else if result.changed {
                try reportingFailures { try AtomicFile.write(result.bytes, to: path) }
                clock.mark("write")
            }
            let selected = Set(linter.rules.map(\.id))
            let left = result.remaining.filter { $0.fix == nil || !selected.contains($0.ruleID) }
            var summary = "\(path): \(result.applied.count) fix\(result.applied.count == 1 ? "" : "es") applied"
            if !left.isEmpty {
                summary += "; \(left.count) finding\(left.count == 1 ? "" : "s") need\(left.count == 1 ? "s" : "") a person (`fmadd check` lists \(left.count == 1 ? "it" : "them"), with any duplicates)"
            }
            FileHandle.standardOutput.write(Data((summary + "\n").utf8))
            return result.changed
        }
    }
}
