import FMList
import FMSchema

/// One question of the guided add.
public struct Question: Hashable, Sendable {
    public var label: String
    /// What the schema says of the field: shown before the question.
    public var hint: String?
    /// Offered in brackets; an empty answer takes it.
    public var defaultAnswer: String?
    public var optional: Bool

    public init(label: String, hint: String?, defaultAnswer: String?, optional: Bool) {
        self.label = label
        self.hint = hint
        self.defaultAnswer = defaultAnswer
        self.optional = optional
    }
}

/// Asks and tells: the terminal in `fmadd`, a script in tests.
public protocol Prompter {
    /// The answer, or nil at the end of input (which abandons the entry).
    mutating func ask(_ question: Question) -> String?
    mutating func say(_ text: String)
}

/// What is known of a paper from the link or identifier a contributor typed: offered as the
/// defaults of the questions that follow.
public struct FoundPaper: Hashable, Sendable {
    /// The paper link, completed (`2507.05201` → `https://arxiv.org/abs/2507.05201`).
    public var link: String
    public var title: String?
    public var venue: String?
    public var year: Int?
    public var code: String?
    /// Why nothing more than the link is known (the service is down, the id unknown).
    public var note: String?

    public init(link: String, title: String? = nil, venue: String? = nil, year: Int? = nil, code: String? = nil, note: String? = nil) {
        self.link = link
        self.title = title
        self.venue = venue
        self.year = year
        self.code = code
        self.note = note
    }
}

/// Looks a typed paper link up: an arXiv id, a DOI, or a link to either.
public protocol PaperFinder {
    /// What is known of `answer`, or nil when it is not an identifier.
    func find(_ answer: String) -> FoundPaper?
}

/// The guided add as a state machine over a `Prompter`: each field the category's schema defines
/// is asked in turn and checked at once, the same paper already in the list is named, and the
/// line is shown where it will go before anything is written.
public struct GuidedAdd {
    public struct Result: Sendable {
        public var draft: Draft
        /// The contributor chose to add a paper that is already listed.
        public var allowDuplicate: Bool
    }

    let adder: Adder
    let document: Document
    var category: String?
    /// When given, the paper link is asked first and what it finds is offered for the rest.
    var finder: (any PaperFinder)?

    public init(adder: Adder, document: Document, category: String?, finder: (any PaperFinder)? = nil) {
        self.adder = adder
        self.document = document
        self.category = category
        self.finder = finder
    }

    public func run(with prompter: inout some Prompter) -> Result? {
        let configuration = adder.configuration
        var key = category
        while key == nil || configuration.category(key!) == nil {
            if let key { prompter.say("There is no category \(key).") }
            let keys = configuration.categories.map(\.key)
            guard let answer = prompter.ask(Question(label: "Category", hint: "one of: " + keys.joined(separator: ", "),
                                                     defaultAnswer: nil, optional: false)) else { return nil }
            key = answer.trimmingWhitespace()
        }
        let chosen = configuration.category(key!)!
        var allowDuplicate = false
        let draft: Draft
        if chosen.kind == .datasets {
            guard let dataset = askDataset(chosen.key, &prompter) else { return nil }
            draft = .dataset(dataset)
        } else {
            let written = Placement(view: ListView(document: document, configuration: configuration)).writtenFields(ofCategory: chosen.key)
            guard let paper = askPaper(chosen.key, asking: written, &prompter) else { return nil }
            let hits = adder.duplicates(paper, ListView(document: document, configuration: configuration))
            if !hits.isEmpty {
                for hit in hits { prompter.say("Already in the list at \(hit)") }
                guard let answer = prompter.ask(Question(label: "Add it anyway? [y/N]", hint: nil, defaultAnswer: nil, optional: true)),
                      answer.lowercased().hasPrefix("y") else { return nil }
                allowDuplicate = true
            }
            draft = .paper(paper)
        }
        let outcome: Adder.Outcome
        do { outcome = try adder.add(draft, to: document, allowDuplicate: allowDuplicate) } catch {
            prompter.say("Cannot add it: \(error)")
            return nil
        }
        let place = outcome.insertion
        prompter.say("It will be written on line \(place.line), in \(place.section)\(place.year.map { ", \($0)" } ?? "")\(place.createsYearGroup ? " (a new year group)" : ""):")
        if let before = place.before { prompter.say("    " + before.trimmingWhitespace()) }
        // An entry of several lines (a card) with each line under the first.
        prompter.say("  + " + place.text.trimmingWhitespace().split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n    "))
        if let after = place.after { prompter.say("    " + after.trimmingWhitespace()) }
        for warning in outcome.warnings { prompter.say("Note: " + warning) }
        guard let answer = prompter.ask(Question(label: "Write it? [Y/n]", hint: nil, defaultAnswer: nil, optional: true)),
              !answer.lowercased().hasPrefix("n") else { return nil }
        return Result(draft: draft, allowDuplicate: allowDuplicate)
    }

    /// What came back for one field.
    private enum Reply {
        case answer(String)
        /// An optional field left empty.
        case skipped
        /// The end of input: the entry is abandoned.
        case ended
    }

    /// `asking` says which fields the section writes beyond the schema's required ones.
    private func askPaper(_ category: String, asking written: Placement.WrittenFields, _ prompter: inout some Prompter) -> PaperDraft? {
        var draft = PaperDraft(category: category, year: nil, venue: nil, title: "", links: [])
        var found: FoundPaper?
        // A section of talks or blog posts is asked for the link its entries start with.
        let first = written.firstLink ?? "paper"
        if let finder, first == "paper" {
            var looked: FoundPaper?
            switch ask("paper link", ["links", "paper"], optional: false, &prompter, orNone: true,
                       hint: "An arXiv id (2507.05201), a DOI, or the paper's link; an id or a link without https:// is completed.",
                       complete: { answer in
                           looked = finder.find(answer)
                           return looked?.link ?? LinkCompletion.completed(answer) ?? answer
                       },
                       check: { var d = draft; d.links = [.init(key: "paper", url: $0)]; return .paper(d) }) {
            case .answer(let paper): draft.links = [.init(key: "paper", url: paper)]
            case .skipped: draft.resource = true
            case .ended: return nil
            }
            found = looked
            if let note = found?.note { prompter.say(note) }
        }
        guard case .answer(let title) = ask("title", ["title"], optional: false, &prompter, defaultAnswer: found?.title,
                                            check: { var d = draft; d.title = $0; return .paper(d) })
        else { return nil }
        draft.title = title
        if draft.links.isEmpty && !draft.resource {
            switch ask("\(first) link", ["links", first], optional: false, &prompter, orNone: first == "paper",
                       check: { var d = draft; d.links = [.init(key: first, url: $0)]; return .paper(d) }) {
            case .answer(let link): draft.links = [.init(key: first, url: link)]
            case .skipped: draft.resource = true
            case .ended: return nil
            }
        }
        if draft.resource {
            // Its one link, labelled by where it points: code, a model or a dataset.
            guard case .answer(let link) = ask("link", ["links"], optional: false, &prompter,
                                               hint: "The link of the code, model or dataset (https://github.com/…, https://huggingface.co/…).",
                                               check: { var d = draft; d.links = [.init(key: Self.resourceKey(of: $0), url: $0)]; return .paper(d) })
            else { return nil }
            draft.links = [.init(key: Self.resourceKey(of: link), url: link)]
        }
        let paper = draft.links[0].url
        if draft.links[0].key != "code" {
            switch ask("code link", ["links", "code"], optional: true, &prompter, defaultAnswer: found?.code, check: {
                var d = draft; d.links.append(.init(key: "code", url: $0)); return .paper(d)
            }) {
            case .answer(let code): draft.links.append(.init(key: "code", url: code))
            case .skipped: break
            case .ended: return nil
            }
        }
        switch ask("venue", ["venue"], optional: true, &prompter, defaultAnswer: found?.venue, schemaDefault: written.venue, check: { var d = draft; d.venue = $0; return .paper(d) }) {
        case .answer(let venue): draft.venue = venue
        case .skipped: break
        case .ended: return nil
        }
        if written.authors {
            switch ask("authors", ["authors"], optional: true, &prompter, check: { var d = draft; d.authors = $0; return .paper(d) }) {
            case .answer(let authors): draft.authors = authors
            case .skipped: break
            case .ended: return nil
            }
        }
        if written.date {
            switch ask("date", ["date"], optional: true, &prompter, check: { var d = draft; d.date = $0; return .paper(d) }) {
            case .answer(let date): draft.date = date
            case .skipped: break
            case .ended: return nil
            }
        }
        let hint = (draft.date.flatMap { Int($0.prefix(4)) } ?? found?.year ?? YearHint.year(fromLink: paper)).map(String.init)
        guard case .answer(let year) = ask("year", ["year"], optional: false, &prompter, defaultAnswer: hint, check: {
            var d = draft; d.year = Int($0) ?? -1; return .paper(d)
        }), let value = Int(year) else { return nil }
        draft.year = value
        return draft
    }

    /// How the paper link's question says that a resource has none.
    static let noneHint = "`none` for code, a model or a dataset listed without a paper (a resource)."

    /// The label of a resource's link, by where it points.
    static func resourceKey(of link: String) -> String {
        let host = ListStatistics.host(of: link) ?? ""
        if ["github.com", "gitlab.com", "bitbucket.org"].contains(host) { return "code" }
        if host.hasSuffix("huggingface.co") { return link.contains("huggingface.co/datasets/") ? "dataset" : "model" }
        return "project"
    }

    private func askDataset(_ category: String, _ prompter: inout some Prompter) -> DatasetDraft? {
        var draft = DatasetDraft(category: category, name: "")
        func filled(_ key: String, _ value: String?) -> DatasetDraft {
            var d = draft
            switch key {
            case "name": d.name = value ?? ""
            case "paper": d.paper = value
            case "link": d.link = value
            case "modality": d.modality = value
            case "scale": d.scale = value
            default: d.task = value
            }
            return d
        }
        for (key, optional) in [("name", false), ("paper", true), ("link", true), ("modality", false), ("scale", true), ("task", false)] {
            switch ask(key, [key], optional: optional, &prompter, schema: "dataset", check: { .dataset(filled(key, $0)) }) {
            case .answer(let value): draft = filled(key, value)
            case .skipped: break
            case .ended: return nil
            }
        }
        return draft
    }

    /// Asks for one field until its answer passes the schema.
    private func ask(_ label: String, _ path: [String], optional: Bool, _ prompter: inout some Prompter,
                     defaultAnswer: String? = nil, schemaDefault: Bool = true, schema: String = "entry", orNone: Bool = false, hint: String? = nil,
                     complete: ((String) -> String)? = nil, check: (String) -> Draft) -> Reply {
        // A link is taken as `add` will write it: `github.com/a/b` with its https://.
        let isLink = path.first == "links" || (schema == "dataset" && (path == ["paper"] || path == ["link"]))
        let complete = complete ?? (isLink ? { LinkCompletion.completed($0) ?? $0 } : { $0 })
        let annotations = adder.registry.annotations(schema: schema, property: path)
        let offered = defaultAnswer ?? (schemaDefault ? annotations?.defaultValue?.stringValue : nil)
        let field = path.joined(separator: ".")
        while true {
            guard let raw = prompter.ask(Question(label: label.prefix(1).uppercased() + label.dropFirst(), hint: (hint ?? annotations?.description).map { orNone ? $0 + " " + Self.noneHint : $0 },
                                                  defaultAnswer: offered, optional: optional)) else { return .ended }
            var answer = raw.trimmingWhitespace()
            // `none`: a resource, which links no paper.
            if orNone && answer.lowercased() == "none" { return .skipped }
            if !answer.isEmpty { answer = complete(answer) }
            if answer.isEmpty, let offered { answer = offered }
            if answer.isEmpty {
                if optional { return .skipped }
                prompter.say("  ✗ \(field): is required" + (orNone ? "; " + Self.noneHint : ""))
                continue
            }
            let findings = adder.validate(check(answer)).filter { finding in
                finding.severity == .error && (finding.propertyPath == field || finding.propertyPath.hasPrefix(field + "."))
            }
            if findings.isEmpty { return .answer(answer) }
            for finding in findings { prompter.say("  ✗ " + finding.message) }
        }
    }
}
