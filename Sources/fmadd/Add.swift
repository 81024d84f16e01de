import ArgumentParser
import Foundation
import FMEditor
import FMGit
import FMList
import FMRules
import FMSchema

extension Fmadd {
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add a paper or a dataset to the list: guided on a terminal, or from flags or a file.",
            discussion: """
                On a terminal, `fmadd --category mfm` asks for each field, checks it as you type, warns \
                when the paper is already listed, shows the line and where it goes, then writes it and \
                commits it. Without a terminal, give the fields as flags or in a YAML or JSON file \
                (--from), one entry or a list, each with its category.
                Exit status: 0 when added, 1 when the entry is invalid or already listed, 2 when a file \
                or the repository cannot be used, 64 when a field is missing.
                """)

        @OptionGroup var list: ListOptions

        @Option(help: ArgumentHelp("The category: a key of the configuration (lfm, vfm, bfm, mfm, lfm-data, …).", valueName: "key"))
        var category: String?

        @Option(help: "The paper's title, or a dataset's name (with --name).")
        var title: String?
        @Option(help: ArgumentHelp("The paper's link (a dataset's paper, for a dataset).", valueName: "url"))
        var paper: String?
        @Option(help: ArgumentHelp("The code's link.", valueName: "url"))
        var code: String?
        @Option(help: ArgumentHelp("Another link, as label=url (project=https://…).", valueName: "label=url"))
        var link: [String] = []
        @Option(help: "Where it was published (arXiv, Nature Medicine, MICCAI, …).")
        var venue: String?
        @Option(help: "The year it appeared (read from an arXiv link when not given).")
        var year: Int?

        @Option(help: "A dataset's name.")
        var name: String?
        @Option(name: .customLong("dataset-link"), help: ArgumentHelp("Where a dataset is downloaded or requested.", valueName: "url"))
        var datasetLink: String?
        @Option(help: "A dataset's modality (3D CT, X-ray, …).")
        var modality: String?
        @Option(help: "A dataset's scale (1,204 volumes, …).")
        var scale: String?
        @Option(help: "A dataset's task (Segmentation, …).")
        var task: String?

        @Option(help: ArgumentHelp("Entries to add, from a YAML or JSON file: one entry or a list.", valueName: "file"))
        var from: String?

        @Flag(name: .customLong("allow-duplicate"), help: "Add the paper even when it is already in the list.")
        var allowDuplicate = false
        @Flag(name: .customLong("dry-run"), help: "Print the diff and write nothing.")
        var dryRun = false
        @Flag(help: "Report what was inserted and where, as JSON.")
        var json = false

        @OptionGroup var publish: PublishOptions

        func run() throws {
            let lists = try reportingFailures { try list.resolveAll() }
            guard let (path, configuration) = lists.first, lists.count == 1 else {
                throw Self.usage("add writes to one list: give one file")
            }
            let registry = try reportingFailures { try SchemaRegistry.builtIn }
            // Held from reading the list to the end of the commit: a second add waits for this one.
            let lock = dryRun ? nil : try reportingFailures { try ListLock(list: path) }
            let document = try reportingFailures { try Document(contentsOf: path) }
            var drafts: [Draft]
            var guidedAllowsDuplicate = false
            if let from {
                do { drafts = try DraftReader.read(file: from, configuration: configuration) } catch {
                    switch error {
                    case .missingField, .unknownCategory: throw Self.usage(error.description + "; nothing was written")
                    case .unreadable: printError("fmadd: error: \(error)"); throw Exit.failure
                    case .notYAML, .wrongType: printError("fmadd: error: \(error); nothing was written"); throw Exit.findings
                    }
                }
            } else if let draft = try draftFromFlags(configuration) {
                drafts = [draft]
            } else if isatty(STDIN_FILENO) != 0 {
                var terminal = TerminalPrompter()
                let guided = GuidedAdd(adder: Adder(configuration: configuration, registry: registry), document: document, category: category)
                guard let result = guided.run(with: &terminal) else {
                    printError("fmadd: nothing was added; the list is as it was")
                    throw Exit.findings
                }
                drafts = [result.draft]
                guidedAllowsDuplicate = result.allowDuplicate
            } else if let category {
                let field = configuration.category(category)?.kind == .datasets ? "name" : "title"
                throw Self.usage("missing \(field); give it with --\(field) (or run fmadd add --category \(category) on a terminal to be asked for each field)")
            } else {
                throw Self.usage("missing category; give it with --category (one of \(configuration.categories.map(\.key).joined(separator: ", ")))")
            }
            let adder = Adder(configuration: configuration, registry: registry)
            // Every entry is checked before any is placed: a bad third entry writes nothing.
            for (index, draft) in drafts.enumerated() {
                guard configuration.category(draft.category) != nil else {
                    throw Self.usage(AddError.unknownCategory(draft.category, known: configuration.categories.map(\.key)).description)
                }
                // Many entries are validated once, as they are placed (all before anything is written).
                guard drafts.count == 1 else { continue }
                let errors = adder.validate(draft).filter { $0.severity == .error }
                if !errors.isEmpty {
                    let prefix = drafts.count > 1 ? "entry \(index + 1): " : ""
                    printError("fmadd: " + prefix + AddError.invalid(errors.map(\.message)).description + "\nnothing was written")
                    throw Exit.findings
                }
            }
            var newBytes = document.bytes
            var outcomes: [Adder.Outcome] = []
            do {
                let allowed = allowDuplicate || guidedAllowsDuplicate
                if drafts.count == 1 {
                    outcomes = [try adder.add(drafts[0], to: document, allowDuplicate: allowed)]
                    newBytes = outcomes[0].bytes
                } else {
                    // Placed together, in one pass: as fast for ten thousand entries as for ten.
                    let batch = try adder.addAll(drafts, to: document, allowDuplicate: allowed)
                    newBytes = batch.bytes
                    outcomes = batch.insertions.map { Adder.Outcome(bytes: batch.bytes, insertion: $0, duplicates: [], warnings: []) }
                    outcomes[0].warnings = batch.warnings
                }
            } catch {
                let text = error.description
                printError("fmadd: error: " + text + (text.hasSuffix("nothing was written") ? "" : "\nnothing was written"))
                throw Exit.findings
            }
            for warning in outcomes.flatMap(\.warnings) { printError("fmadd: warning: \(warning)") }
            for hit in outcomes.flatMap(\.duplicates) { printError("fmadd: warning: already listed at \(hit)") }
            if dryRun {
                FileHandle.standardOutput.write(Data(UnifiedDiff.make(old: document.bytes, new: newBytes, path: path).utf8))
                if let refusal = Publisher(options: publish.settings).refusal(path: path, old: document.bytes, branchTitle: drafts[0].title) {
                    printError("fmadd: warning: without --dry-run the commit would be refused: \(refusal)")
                }
                exitNow(.success)
            }
            let additions = zip(drafts, outcomes).map { draft, outcome in
                PullRequest.Addition(title: draft.title, entry: outcome.insertion.text, file: path,
                                     section: outcome.insertion.section, year: outcome.insertion.year, line: outcome.insertion.line)
            }
            let message = drafts.count == 1
                ? Self.message(configuration.commitMessage, drafts[0], outcomes[0].insertion)
                : "Add \(drafts.count) entries to the list"
            let published = try Publisher(options: publish.settings).publish(path: path, old: document.bytes, new: newBytes,
                                                                    message: message, branchTitle: drafts[0].title, additions: additions)
            lock?.release()
            if json {
                FileHandle.standardOutput.write(Data(Self.json(path: path, outcomes: outcomes, commit: published.commit).utf8))
            } else {
                // One write for all: ten thousand entries print as fast as one.
                var report = ""
                for outcome in outcomes {
                    let place = outcome.insertion.section + (outcome.insertion.year.map { ", \($0)" } ?? "")
                    report += "Added to \(path):\(outcome.insertion.line) (\(place)\(outcome.insertion.createsYearGroup ? ", a new year group" : "")):\n"
                    report += "  " + outcome.insertion.text.trimmingWhitespace() + "\n"
                }
                FileHandle.standardOutput.write(Data(report.utf8))
                print(Publisher.describe(published), terminator: "")
                if publish.noCommit { print("Not committed (--no-commit).") }
            }
            exitNow(.success)
        }

        /// A usage error of `add`, printed with the usage of `add` (not the root command's, which
        /// the argument parser shows for an error thrown from `run`); exit 64.
        static func usage(_ message: String) -> ExitCode {
            printError("Error: \(message)\nUsage: fmadd " + usageString() + "\n  See 'fmadd add --help' for more information.")
            return ExitCode.validationFailure
        }

        /// The commit message from the configuration's template.
        static func message(_ template: String, _ draft: Draft, _ insertion: Insertion) -> String {
            template.replacingOccurrences(of: "{title}", with: draft.title)
                .replacingOccurrences(of: "{section}", with: insertion.section)
                .replacingOccurrences(of: "{category}", with: draft.category)
                .replacingOccurrences(of: "{year}", with: insertion.year.map(String.init) ?? "")
                .replacingOccurrences(of: " ()", with: "")
        }

        private func draftFromFlags(_ configuration: Configuration) throws -> Draft? {
            guard title != nil || name != nil || paper != nil else { return nil }
            guard let category else { throw Self.usage("missing category; give it with --category") }
            guard let kind = configuration.category(category)?.kind else {
                throw Self.usage(AddError.unknownCategory(category, known: configuration.categories.map(\.key)).description)
            }
            if kind == .datasets {
                guard let name = name ?? title else { throw Self.usage("missing name; give it with --name") }
                return .dataset(DatasetDraft(category: category, name: name, paper: paper, link: datasetLink,
                                             modality: modality, scale: scale, task: task))
            }
            guard let title else { throw Self.usage("missing title; give it with --title") }
            // --paper and --code are --link paper= and --link code=; each label once.
            var links: [PaperDraft.Link] = []
            for (flag, key, url) in [("--paper", "paper", paper), ("--code", "code", code)] + link.map({ ("--link", "", $0) }) {
                guard let url else { continue }
                var key = key, value = url
                if flag == "--link" {
                    let parts = url.split(separator: "=", maxSplits: 1).map(String.init)
                    guard parts.count == 2 else { throw Self.usage("--link takes label=url, got \(url)") }
                    (key, value) = (parts[0].lowercased(), parts[1])
                }
                guard !links.contains(where: { $0.key == key }) else {
                    throw Self.usage("the \(key) link is given twice (\(flag) and --\(key) or --link \(key)=); give it once")
                }
                links.append(.init(key: key, url: value))
            }
            guard let paper = links.first(where: { $0.key == "paper" })?.url else { throw Self.usage("missing paper; give it with --paper") }
            links.sort { ($0.key == "paper" ? 0 : 1) < ($1.key == "paper" ? 0 : 1) }
            guard let year = year ?? YearHint.year(fromLink: paper) else {
                throw Self.usage("missing year; give it with --year (it could not be read from the paper link)")
            }
            return .paper(PaperDraft(category: category, year: year, venue: venue, title: title, links: links))
        }

        static func json(path: String, outcomes: [Adder.Outcome], commit: CommitResult?) -> String {
            var items: [[String: Any]] = []
            for outcome in outcomes {
                var item: [String: Any] = ["file": path, "line": outcome.insertion.line, "text": outcome.insertion.text,
                                           "section": outcome.insertion.section, "newYearGroup": outcome.insertion.createsYearGroup]
                if let year = outcome.insertion.year { item["year"] = year }
                if let before = outcome.insertion.before { item["before"] = before }
                if let after = outcome.insertion.after { item["after"] = after }
                items.append(item)
            }
            var object: [String: Any] = ["added": items]
            if let commit { object["commit"] = ["id": commit.commit, "branch": commit.branch, "createdBranch": commit.createdBranch] }
            let data = (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
            return String(decoding: data, as: UTF8.self) + "\n"
        }
    }
}
