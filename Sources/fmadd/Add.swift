import ArgumentParser
import Foundation
import FMWorkflows

extension Fmadd {
    struct Add: WorkflowCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add a paper or a dataset to the list: guided on a terminal, or from flags or a file.",
            discussion: """
                On a terminal, `fmadd --category mfm` asks for each field, checks it as you type, warns \
                when the paper is already listed, shows the line and where it goes, then writes it and \
                commits it. Without a terminal, give the fields as flags or in a YAML or JSON file \
                (--from), one entry or a list, each with its category.
                With --arxiv or --doi the title, venue, year and links are looked up (arXiv's API, \
                Crossref) and the flags given beside them win; answers are cached under \
                $XDG_CACHE_HOME/fmadd (~/.cache/fmadd) for a week. FMADD_ARXIV_API and \
                FMADD_CROSSREF_API point at other addresses (https, or http to loopback).
                Exit status: 0 when added, 1 when the entry is invalid or already listed or the \
                identifier unknown, 2 when a file, the repository or a service cannot be used, 64 \
                when a field is missing.
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
        @Flag(help: "Code, a model or a dataset listed for itself, without a paper: no paper link is asked for.")
        var resource = false
        @Option(help: "Where it was published (arXiv, Nature Medicine, MICCAI, …).")
        var venue: String?
        @Option(help: "The year it appeared (read from an arXiv link when not given).")
        var year: Int?
        @Option(help: "The authors, as the list writes them (A. Vaswani et al.), for a list whose entries name them.")
        var authors: String?
        @Option(help: ArgumentHelp("The day or month it appeared (2024-06-30, 2024-06), for a list that dates its entries; it states the year.", valueName: "date"))
        var date: String?

        @Option(help: ArgumentHelp("Fill the paper's fields from arXiv: an id (2507.05201, astro-ph/0601001) or a link, with or without https://.", valueName: "id|url"))
        var arxiv: String?
        @Option(help: ArgumentHelp("Fill the paper's fields from Crossref: a DOI or a doi.org link.", valueName: "doi|url"))
        var doi: String?
        @Flag(help: "Ask no service: look --arxiv and --doi up in the cache only.")
        var offline = false

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

        @Option(name: .customLong("from-issue"), help: ArgumentHelp("The entry an issue proposes: the body GitHub renders from the form `fmadd issue-form` writes (- for standard input).", valueName: "file"))
        var fromIssue: String?

        @Flag(name: .customLong("allow-duplicate"), help: "Add the paper even when it is already in the list.")
        var allowDuplicate = false
        @Flag(name: .customLong("dry-run"), help: "Print the diff and write nothing.")
        var dryRun = false
        @Flag(help: "Report what was inserted and where, as JSON.")
        var json = false
        @Option(help: ArgumentHelp("With --dry-run: markdown prints a reply for the issue (the line and where it goes, or what to change), on standard output whatever the outcome.", valueName: "format"))
        var format: AddFormat = .text

        enum AddFormat: String, ExpressibleByArgument, CaseIterable {
            case text, markdown
        }

        func validate() throws {
            if format == .markdown && !dryRun { throw ValidationError("--format markdown goes with --dry-run") }
            if from != nil && fromIssue != nil { throw ValidationError("give --from or --from-issue, not both") }
        }

        @OptionGroup var publish: PublishOptions

        func execute() throws(WorkflowFailure) -> ExitStatus {
            let lists = try list.resolveAll()
            guard let list = lists.first, lists.count == 1 else { return usage("add writes to one list: give one file") }
            let fields = DraftFields(category: category, title: title, paper: paper, code: code, links: link, venue: venue, year: year,
                                     name: name, datasetLink: datasetLink, modality: modality, scale: scale, task: task,
                                     arxiv: arxiv, doi: doi, authors: authors, date: date, resource: resource)
            let source: AddWorkflow.Source
            if let fromIssue {
                guard let body = Self.read(fromIssue) else {
                    return fail(.unreadableFile(path: fromIssue))
                }
                source = .issue(body: body)
            } else if let from {
                source = .file(from)
            } else if fields.isEmpty && isatty(STDIN_FILENO) != 0 {
                source = .guided(category: category, prompter: TerminalPrompter())
            } else {
                source = .fields(fields)
            }
            let guided = if case .guided = source { true } else { false }
            let lookup = arxiv == nil && doi == nil && !guided ? nil : try PaperLookup.forList(list, offline: offline)
            let workflow = AddWorkflow(list: list, allowDuplicate: allowDuplicate, dryRun: dryRun, publishing: publish.settings, lookup: lookup)
            let outcome = try workflow.run(source)
            if format == .markdown {
                StandardOutput.write(AddReport.markdown(outcome, file: list.name))
                return exitStatus(of: outcome)
            }
            return status(of: outcome)
        }

        /// A file's text, or standard input's for `-`.
        private static func read(_ path: String) -> String? {
            let data = path == "-" ? FileHandle.standardInput.readDataToEndOfFile() : FileManager.default.contents(atPath: path)
            return data.map { String(decoding: $0, as: UTF8.self) }
        }

        /// The exit status of an outcome whose words are said already.
        private func exitStatus(of outcome: AddOutcome) -> ExitStatus {
            switch outcome {
            case .usage: return .usage
            case .dryRun: return .success
            default: return .findings
            }
        }

        /// What the add did, said, and its exit status.
        private func status(of outcome: AddOutcome) -> ExitStatus {
            switch outcome {
            case .usage(let message):
                return usage(message)
            case .cancelled:
                StandardError.note("nothing was added; the list is as it was")
                return .findings
            case .unreadableEntries(let problem):
                StandardError.error("\(problem); nothing was written")
                return .findings
            case .lookupFailed(let problem):
                StandardError.error("\(problem)\nnothing was written")
                return problem.isWrongInput ? .findings : .failure
            case .invalid(let error):
                StandardError.note("\(error)\nnothing was written")
                return .findings
            case .notAdded(let error):
                let text = error.description
                StandardError.error(text + (text.hasSuffix("nothing was written") ? "" : "\nnothing was written"))
                return .findings
            case .dryRun(let placed, let diff, let refusal):
                warn(placed)
                StandardOutput.write(diff)
                if let refusal { StandardError.warning("without --dry-run the commit would be refused: \(refusal)") }
                return .success
            case .published(let placed, let outcome):
                warn(placed)
                guard case .published(let publication) = outcome else { return report(outcome) }
                if json {
                    StandardOutput.write(AddReport.json(placed, commit: publication.commit))
                } else {
                    StandardOutput.write(AddReport.text(placed) + publication.text + (publish.noCommit ? "Not committed (--no-commit).\n" : ""))
                }
                return .success
            }
        }

        private func warn(_ placed: PlacedEntries) {
            for warning in placed.warnings { StandardError.warning(warning) }
            for hit in placed.duplicates { StandardError.warning("already listed at \(hit)") }
        }
    }
}
