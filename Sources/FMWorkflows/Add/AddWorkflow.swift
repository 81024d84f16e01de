import FMEditor
import FMGit
import FMList
import FMSchema

/// Adds entries to a list and publishes it: the list is held from reading it to the end of the
/// commit, every entry is checked before any is placed, and the commit is asked for before
/// anything is written.
public struct AddWorkflow {
    /// Where the entries come from.
    public enum Source {
        /// A YAML or JSON file: one entry or a list.
        case file(String)
        /// One entry's fields, as flags give them.
        case fields(DraftFields)
        /// Each field asked in turn, by `prompter`.
        case guided(category: String?, prompter: any Prompter)
        /// The body GitHub renders from the issue form (`fmadd issue-form`).
        case issue(body: String)
    }

    public var list: ListFile
    /// Add a paper even when it is already listed.
    public var allowDuplicate = false
    /// Place the entries and say what would change; write nothing.
    public var dryRun = false
    public var publishing: Publisher.Settings
    /// Where a paper's fields are looked up from its identifier (`--arxiv`, `--doi`).
    public var lookup: PaperLookup?

    public init(list: ListFile, allowDuplicate: Bool = false, dryRun: Bool = false, publishing: Publisher.Settings, lookup: PaperLookup? = nil) {
        self.list = list
        self.lookup = lookup
        self.allowDuplicate = allowDuplicate
        self.dryRun = dryRun
        self.publishing = publishing
    }

    public func run(_ source: Source) throws(WorkflowFailure) -> AddOutcome {
        let path = list.path
        var configuration = list.configuration
        let registry: SchemaRegistry
        do { registry = try EntrySchemas.registry(for: configuration) } catch { throw .schema(error) }
        // Held from reading the list to the end of the commit: a second add waits for this one.
        let lock = dryRun ? nil : try tryList { () throws(ListError) in try ListLock(list: path) }
        defer { lock?.release() }
        // A file of entries is read while the list is parsed: for ten thousand entries, a tenth
        // of the time. Categories read from the list are known only once it is parsed.
        func reader(_ file: String, _ configuration: Configuration) -> BackgroundWork<Result<[Draft], DraftReader.Problem>> {
            BackgroundWork { Result { () throws(DraftReader.Problem) in try DraftReader.read(file: file, configuration: configuration) } }
        }
        var reading: BackgroundWork<Result<[Draft], DraftReader.Problem>>?
        if case .file(let file) = source, !configuration.categoriesFromList { reading = reader(file, configuration) }
        let document = try tryList { () throws(ListError) in try Document(contentsOf: path) }
        configuration = configuration.resolvingCategories(in: document)
        if case .file(let file) = source, reading == nil { reading = reader(file, configuration) }
        let adder = Adder(configuration: configuration, registry: registry)
        var allowed = allowDuplicate
        let drafts: [Draft]
        switch source {
        case .file:
            do { drafts = try reading!.value.get() } catch {
                switch error {
                case .missingField, .unknownCategory: return .usage(error.description + "; nothing was written")
                case .unreadable: throw .draftFile(error)
                case .notYAML, .wrongType: return .unreadableEntries(error)
                }
            }
        case .fields(var fields):
            do {
                if let id = try fields.identifier() {
                    guard let lookup else { return .usage("looking up \(id) needs the services; give the fields by hand") }
                    let venues = VenueVocabulary(view: ListView(document: document, configuration: configuration))
                    fields = fields.filled(with: try lookup.paper(id, venues: venues))
                }
            } catch {
                return .lookupFailed(error)
            }
            do { drafts = [try fields.draft(configuration: configuration)] } catch { return .usage(error.description) }
        case .issue(let body):
            let entry: JSONValue
            do { entry = try IssueForm(configuration: configuration, registry: registry).entry(fromBody: body) } catch {
                return .usage(error.description + "; nothing was written")
            }
            do { drafts = try DraftReader.drafts(in: entry, configuration: configuration) } catch {
                return .usage(error.description + "; nothing was written")
            }
        case .guided(let category, var prompter):
            let finder = lookup.map { ServicePaperFinder(lookup: $0, venues: VenueVocabulary(view: ListView(document: document, configuration: configuration))) }
            guard let result = GuidedAdd(adder: adder, document: document, category: category, finder: finder).run(with: &prompter) else {
                return .cancelled
            }
            drafts = [result.draft]
            allowed = allowed || result.allowDuplicate
        }
        // Every entry is checked before any is placed: a bad third entry writes nothing.
        for draft in drafts where configuration.category(draft.category) == nil {
            return .usage(AddError.unknownCategory(draft.category, known: configuration.categories.map(\.key)).description)
        }
        // Many entries are validated once, as they are placed (all before anything is written).
        if drafts.count == 1 {
            let errors = adder.validate(drafts[0], in: document).filter { $0.severity == .error }
            if !errors.isEmpty { return .invalid(.invalid(errors.map(Adder.refusal))) }
        }
        let placed: PlacedEntries
        do { placed = try place(drafts, in: document, with: adder, allowDuplicate: allowed) } catch { return .notAdded(error) }
        let publisher = Publisher(options: publishing)
        if dryRun {
            let diff = UnifiedDiff.make(old: placed.old, new: placed.new, path: path)
            return .dryRun(placed, diff: diff, refusal: publisher.refusal(path: path, old: placed.old, branchTitle: drafts[0].title))
        }
        let additions = zip(drafts, placed.entries).map { draft, entry in
            PullRequest.Addition(title: draft.title, entry: entry.insertion.text, file: path,
                                 section: entry.insertion.section, year: entry.insertion.year, line: entry.insertion.line)
        }
        let message = drafts.count == 1
            ? Self.commitMessage(configuration.commitMessage, drafts[0], placed.entries[0].insertion)
            : "Add \(drafts.count) entries to the list"
        let outcome = publisher.publish(path: path, old: placed.old, new: placed.new, message: message,
                                        branchTitle: drafts[0].title, additions: additions)
        return .published(placed, outcome)
    }

    private func place(_ drafts: [Draft], in document: Document, with adder: Adder, allowDuplicate: Bool) throws(AddError) -> PlacedEntries {
        if drafts.count == 1 {
            let outcome = try adder.add(drafts[0], to: document, allowDuplicate: allowDuplicate)
            return PlacedEntries(path: list.path, old: document.bytes, new: outcome.bytes, entries: [outcome])
        }
        // Placed together, in one pass: as fast for ten thousand entries as for ten.
        let batch = try adder.addAll(drafts, to: document, allowDuplicate: allowDuplicate)
        var entries = batch.insertions.map { Adder.Outcome(bytes: batch.bytes, insertion: $0, duplicates: [], warnings: []) }
        entries[0].warnings = batch.warnings
        return PlacedEntries(path: list.path, old: document.bytes, new: batch.bytes, entries: entries)
    }

    /// The commit message from the configuration's template.
    public static func commitMessage(_ template: String, _ draft: Draft, _ insertion: Insertion) -> String {
        template.replacingOccurrences(of: "{title}", with: draft.title)
            .replacingOccurrences(of: "{section}", with: insertion.section)
            .replacingOccurrences(of: "{category}", with: draft.category)
            .replacingOccurrences(of: "{year}", with: insertion.year.map(String.init) ?? "")
            .replacingOccurrences(of: " ()", with: "")
    }
}

/// The entries as placed in the list, before it is written.
public struct PlacedEntries: Sendable {
    public var path: String
    /// The list as it was read, and with the entries.
    public var old: [UInt8]
    public var new: [UInt8]
    /// Each entry where it goes, with what it warns of.
    public var entries: [Adder.Outcome]

    public var warnings: [String] { entries.flatMap(\.warnings) }
    /// Where the same paper is already listed (added anyway, as asked).
    public var duplicates: [DuplicateHit] { entries.flatMap(\.duplicates) }
}

/// What an add did.
public enum AddOutcome: Sendable {
    /// The fields or the file do not say what to add (a usage error); nothing was written.
    case usage(String)
    /// The guided add was left before its last answer; nothing was written.
    case cancelled
    /// The file of entries is not entries; nothing was written.
    case unreadableEntries(DraftReader.Problem)
    /// The paper could not be looked up from its identifier; nothing was written.
    case lookupFailed(PaperLookup.Problem)
    /// The entry is not valid; nothing was written.
    case invalid(AddError)
    /// The entries could not be placed; nothing was written.
    case notAdded(AddError)
    /// Placed and shown, not written: the diff, and why the commit would be refused.
    case dryRun(PlacedEntries, diff: String, refusal: GitError?)
    /// Placed, then written and committed, or refused.
    case published(PlacedEntries, Publisher.Outcome)
}
