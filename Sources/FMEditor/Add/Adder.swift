import Foundation
import FMDedupe
import FMList
import FMRules
import FMSchema

/// Adds one entry to a list: checks it against its schema, looks for the same paper in the list,
/// places it, and makes sure `fmadd check` finds nothing new. It returns the new bytes; writing
/// them is the caller's.
public struct Adder: Sendable {
    public let configuration: Configuration
    public let linter: Linter
    public let registry: SchemaRegistry
    /// Finds the entries of the list that are the same paper as a draft.
    public let duplicates: @Sendable (PaperDraft, ListView) -> [DuplicateHit]
    private let schemas: EntrySchemas

    public init(configuration: Configuration, linter: Linter = Linter(), registry: SchemaRegistry,
                duplicates: @escaping @Sendable (PaperDraft, ListView) -> [DuplicateHit] = ListedPaper.hits) {
        self.configuration = configuration
        self.linter = linter
        self.registry = registry
        self.duplicates = duplicates
        // Each schema is compiled once, not once per answer or entry.
        schemas = EntrySchemas(configuration: configuration, registry: registry)
    }

    public struct Outcome: Sendable {
        public var bytes: [UInt8]
        public var insertion: Insertion
        /// The same paper already in the list, when the caller allowed a duplicate.
        public var duplicates: [DuplicateHit]
        /// Warnings of the schema (a plain http link, say): reported, not refused.
        public var warnings: [String]

        public init(bytes: [UInt8], insertion: Insertion, duplicates: [DuplicateHit], warnings: [String]) {
            self.bytes = bytes
            self.insertion = insertion
            self.duplicates = duplicates
            self.warnings = warnings
        }
    }

    /// What to tell of the heading a category was found under, when it is not the one the
    /// configuration names nor an alias of it.
    public static func headingNote(_ category: String, in view: ListView) -> String? {
        guard let found = view.categoryHeadings.fuzzy[category], let named = view.configuration.category(category)?.heading else { return nil }
        return "category \(category): the list has no heading \"\(named)\"; the entry went under \"\(found)\", which reads the same; "
            + "add it to the category's aliases in .fmadd.yml, or rename the heading"
    }

    /// The draft as it will be written: each link completed (`github.com/a/b` gets its
    /// `https://`, a pasted `<…>` or `[text](…)` loses its wrapping) and with the characters that
    /// could end a Markdown link or a table cell percent-encoded, so that a link stays one link.
    public func prepared(_ draft: Draft) -> Draft {
        let link = { (url: String) in EntryText.safeLink(LinkCompletion.completed(url) ?? url) }
        switch draft {
        case .paper(var paper):
            paper.links = paper.links.map { .init(key: $0.key, url: link($0.url)) }
            return .paper(paper)
        case .dataset(var dataset):
            dataset.paper = dataset.paper.map(link)
            dataset.link = dataset.link.map(link)
            return .dataset(dataset)
        }
    }

    /// What a refusal says of a finding: a missing paper link names the way to list code, a
    /// model or a dataset without a paper.
    public static func refusal(_ finding: SchemaFinding) -> String {
        guard finding.instanceLocation == "/links/paper" && finding.keyword == "required" else { return finding.message }
        return finding.message + "; code, a model or a dataset listed without a paper is a resource: say so with --resource (resource: true)"
    }

    /// What `prepared` completes in a draft's links, said so that the contributor sees it.
    static func completionNotes(_ draft: Draft) -> [String] {
        let links: [(String, String)]
        switch draft {
        case .paper(let paper): links = paper.links.map { ("links." + $0.key, $0.url) }
        case .dataset(let dataset): links = [("paper", dataset.paper), ("link", dataset.link)].compactMap { key, url in url.map { (key, $0) } }
        }
        return links.compactMap { key, url in
            LinkCompletion.completed(url).map { "\(key): \(JSONValue.string(url).jsonText) was taken as \($0)" }
        }
    }

    /// The schema's findings for a draft (as prepared), and an error for each invisible
    /// character of its text, with its position.
    public func validate(_ draft: Draft) -> [SchemaFinding] {
        findings(ofPrepared: prepared(draft))
    }

    /// `validate` for a draft bound for `document`, as `add` holds it there: a paper bound for a
    /// paper table that links no paper needs no paper link, nor one bound for the part of a
    /// section that is in no year group a year.
    public func validate(_ draft: Draft, in document: Document) -> [SchemaFinding] {
        let view = ListView(document: document, configuration: configuration)
        let found = Self.withoutNeedlessYear(validate(draft), of: draft, in: view)
        guard found.contains(where: { $0.instanceLocation == "/links/paper" && $0.keyword == "required" }) else { return found }
        let unlinked = UnlinkedPapers(view: view, drafts: [draft])
        return found.filter { !unlinked.excuses($0, of: draft) }
    }

    /// `validate` of a draft already prepared: `add` prepares each once.
    private func findings(ofPrepared draft: Draft) -> [SchemaFinding] {
        var findings = schemas.validate(draft)
        var fields: [(String, String)] = [(draft.schemaName == "entry" ? "title" : "name", draft.title)]
        if case .paper(let paper) = draft {
            if let venue = paper.venue { fields.append(("venue", venue)) }
            if let authors = paper.authors { fields.append(("authors", authors)) }
            if let note = paper.note { fields.append(("note", note)) }
            fields += paper.cells.map { ("cells." + $0.key, $0.text) }
            if let conflict = paper.yearConflict {
                findings.append(SchemaFinding(instanceLocation: "/year", propertyPath: "year", schemaLocation: "", keyword: "x-venue-year",
                                              severity: .error, message: conflict))
            }
        }
        for (field, value) in fields {
            for message in EntryText.invisibleCharacters(in: value, field: field) {
                findings.append(SchemaFinding(instanceLocation: "/" + field.replacingOccurrences(of: ".", with: "/"), propertyPath: field,
                                              schemaLocation: "", keyword: "x-visible",
                                              severity: .error, message: message))
            }
        }
        return findings
    }

    public func add(_ draft: Draft, to document: Document, allowDuplicate: Bool) throws(AddError) -> Outcome {
        let completions = Self.completionNotes(draft)
        let draft = prepared(draft)
        let view = ListView(document: document, configuration: configuration)
        let configuration = view.configuration
        guard configuration.category(draft.category) != nil else {
            throw .unknownCategory(draft.category, known: configuration.categories.map(\.key))
        }
        let findings = Self.withoutNeedlessYear(findings(ofPrepared: draft), of: draft, in: view)
        let unlinkedPapers = UnlinkedPapers(view: view, drafts: [draft])
        let errors = findings.filter { $0.severity == .error && !unlinkedPapers.excuses($0, of: draft) }.map(Self.refusal)
        if !errors.isEmpty { throw .invalid(errors) }
        var hits: [DuplicateHit] = []
        if case .paper(let paper) = draft {
            hits = duplicates(paper, view)
            if let first = hits.first, !allowDuplicate { throw .duplicate(first.description) }
        }
        var insertion = try Placement(view: view).insertion(for: draft)
        try checkRendering(of: insertion, for: draft, in: view)
        do {
            try checkNothingNew(before: view, insertion: insertion, allowDuplicate: allowDuplicate)
        } catch .changesSurroundings {
            // Written against a block that would read it as its own (a table right below): a
            // blank line between them keeps both.
            guard let spaced = Self.separated(insertion, in: document) else { throw .changesSurroundings }
            insertion = spaced
            try checkNothingNew(before: view, insertion: insertion, allowDuplicate: allowDuplicate)
        }
        let bytes = Self.keepingCountBadge(document.applying(insertion.edits), configuration: configuration)
        return Outcome(bytes: bytes, insertion: insertion, duplicates: hits,
                       warnings: (Self.headingNote(draft.category, in: view).map { [$0] } ?? []) + completions
                           + findings.filter { $0.severity == .warning }.map(\.message))
    }

    /// Many entries at once (`add --from`), in about the time of two checks of the list however
    /// many there are: each is placed in the list as it was, entries bound for one place keep
    /// their order (and share a year group made for them), all are written in one pass, and the
    /// new list is checked once. The insertions carry their final lines.
    public func addAll(_ drafts: [Draft], to document: Document, allowDuplicate: Bool) throws(AddError) -> (bytes: [UInt8], insertions: [Insertion], warnings: [String]) {
        let completions = drafts.enumerated().flatMap { number, draft in
            Self.completionNotes(draft).map { drafts.count > 1 ? "entry \(number + 1): \($0)" : $0 }
        }
        var added = try addAllPrepared(drafts.map(prepared), to: document, allowDuplicate: allowDuplicate)
        added.warnings = completions + added.warnings
        return added
    }

    private func addAllPrepared(_ drafts: [Draft], to document: Document, allowDuplicate: Bool) throws(AddError) -> (bytes: [UInt8], insertions: [Insertion], warnings: [String]) {
        let view = ListView(document: document, configuration: configuration)
        let configuration = view.configuration
        let unlinkedPapers = UnlinkedPapers(view: view, drafts: drafts)
        let contextBefore = RuleContext(view: view)
        // The schema's findings, on a worker while this thread places the entries. One loop: in
        // parallel loops the shared compiled schemas' reference counts would be contended. The
        // list's own fingerprints for the duplicate search are read there too, once the drafts
        // are checked: placing takes this thread longer.
        let validations = BackgroundWork {
            let findings = drafts.map(findings(ofPrepared:))
            if !allowDuplicate { contextBefore.prepareDuplicates() }
            return findings
        }
        // Not left running when this returns early.
        defer { _ = validations.value }
        // A draft's own problems come first, in order: the first entry in error is reported.
        func checkDrafts() throws(AddError) -> [String] {
            var warnings: [String] = []
            for (number, (draft, found)) in zip(1..., zip(drafts, validations.value)) {
                guard configuration.category(draft.category) != nil else {
                    throw .unknownCategory(draft.category, known: configuration.categories.map(\.key))
                }
                let findings = Self.withoutNeedlessYear(found, of: draft, in: view)
                let errors = findings.filter { $0.severity == .error && !unlinkedPapers.excuses($0, of: draft) }.map(Self.refusal)
                if !errors.isEmpty { throw .invalidEntry(number: number, errors) }
                warnings += findings.filter { $0.severity == .warning }.map(\.message)
            }
            return warnings
        }
        var insertions: [Insertion] = []
        var edits: [LineEdit] = []
        do throws(AddError) {
            let placement = Placement(view: view)
            for draft in drafts { insertions.append(try placement.insertion(for: draft)) }
            // Papers are read by GitHub's parser together, on all cores; rows one by one.
            var papers: [(index: Int, line: String, links: [String], title: String, venue: String?)] = []
            for (index, draft) in drafts.enumerated() {
                if case .paper(let paper) = draft, !insertions[index].text.hasPrefix("|") {
                    papers.append((index, insertions[index].text, paper.links.map(\.url), paper.title, paper.venue.flatMap { $0.isEmpty ? nil : $0 }))
                } else {
                    do { try checkRendering(of: insertions[index], for: draft, in: view) } catch .invalid(let messages) {
                        throw .invalidEntry(number: index + 1, messages)
                    }
                }
            }
            for (paper, problem) in zip(papers, EntryText.renderingProblems(ofEntries: papers.map { ($0.line, $0.links, $0.title, $0.venue) },
                                                                                   allowingBold: view.conventions.boldEntries)) {
                if let problem { throw .invalidEntry(number: paper.index + 1, ["the entry \(paper.line.trimmingWhitespace()): \(problem)"]) }
            }
            guard let (merged, finalLines) = Self.merged(insertions, order: view.conventions.yearOrder) else {
                _ = try checkDrafts()
                return try addOneByOne(drafts, to: document, allowDuplicate: allowDuplicate)
            }
            edits = merged
            for index in insertions.indices { insertions[index].line = finalLines[index] }
        } catch {
            // A problem of the schema is the one to report; placing needs only a category.
            _ = try checkDrafts()
            throw error
        }
        let warnings = Set(drafts.map(\.category)).sorted().compactMap { Self.headingNote($0, in: view) } + (try checkDrafts())
        let bytes = document.applying(edits)
        guard let after = try? Document(bytes: bytes) else { throw .invalid(["the list would not read back as UTF-8"]) }
        guard document.blocksAround(insertions: edits.map { ($0.lines.lowerBound, $0.replacement.count) }, keptIn: after,
                                    rows: insertions.contains { $0.text.trimmingWhitespace().hasPrefix("|") }) else {
            throw .changesSurroundings
        }
        try checkNothingNew(in: ListView(document: after, configuration: configuration), madeFrom: contextBefore, by: edits,
                            allowDuplicate: allowDuplicate)
        return (Self.keepingCountBadge(bytes, configuration: configuration), insertions, warnings)
    }

    /// `findings` without the one that asks for a year, when the draft's section holds entries
    /// outside any year group: the list does not group that part by year, and the entry goes
    /// after those entries, in no year. So does an entry that `fmadd export` saw in no year
    /// group (its record has a place and no year), though its section is empty now.
    static func withoutNeedlessYear(_ findings: [SchemaFinding], of draft: Draft, in view: ListView) -> [SchemaFinding] {
        guard case .paper(let paper) = draft, paper.year == nil,
              findings.contains(where: { $0.keyword == "required" && $0.instanceLocation == "/year" }),
              let section = view.section(forCategory: paper.category),
              paper.position != nil
                || view.entries.contains(where: { $0.section == section && $0.shape == .entry && $0.yearGroup == nil }) else { return findings }
        return findings.filter { !($0.keyword == "required" && $0.instanceLocation == "/year") }
    }

    /// The list with its count badge (`<!-- fmadd:count -->`, see `CountBadgeRule`) set to its
    /// number of papers: an added paper is counted at once. The badge's line is replaced in
    /// place, so every other line keeps its number.
    static func keepingCountBadge(_ bytes: [UInt8], configuration: Configuration) -> [UInt8] {
        guard bytes.containsSequence(CountBadgeRule.marker.utf8), let document = try? Document(bytes: bytes) else { return bytes }
        let findings = CountBadgeRule().check(RuleContext(view: ListView(document: document, configuration: configuration)))
        let edits = findings.compactMap(\.fix).flatMap(\.edits)
        return edits.isEmpty ? bytes : document.applying(edits.sorted { $0.lines.lowerBound < $1.lines.lowerBound })
    }

    /// Each entry placed in the list as the one before it left it: for rows that realign their table.
    private func addOneByOne(_ drafts: [Draft], to document: Document, allowDuplicate: Bool) throws(AddError) -> (bytes: [UInt8], insertions: [Insertion], warnings: [String]) {
        var current = document
        var insertions: [Insertion] = []
        var warnings: [String] = []
        for draft in drafts {
            let outcome = try add(draft, to: current, allowDuplicate: allowDuplicate)
            insertions.append(outcome.insertion)
            warnings += outcome.warnings
            guard let next = try? Document(bytes: outcome.bytes) else { throw .invalid(["the list would not read back as UTF-8"]) }
            current = next
        }
        return (current.bytes, insertions, warnings)
    }

    /// The insertions as non-overlapping edits: those at one line joined in order (entries of the
    /// group above first, then new year groups), a year group that several entries make written
    /// once. With each insertion's line in the new list; nil when an insertion replaces lines (a
    /// table realigned for a wider row), which cannot be joined with others.
    static func merged(_ insertions: [Insertion], order: ListConventions.YearOrder) -> (edits: [LineEdit], lines: [Int])? {
        struct NewGroup { var key: String; var year: Int; var prefix: [String]; var entries: [Int]; var suffix: [String] }
        struct Slot { var entries: [Int] = []; var groups: [NewGroup] = [] }
        guard insertions.allSatisfy({ $0.edits.count == 1 && $0.edits[0].lines.isEmpty }) else { return nil }
        var slots: [Int: Slot] = [:]
        for (index, insertion) in insertions.enumerated() {
            let edit = insertion.edits[0]
            let at = edit.lines.lowerBound
            guard insertion.createsYearGroup else { slots[at, default: Slot()].entries.append(index); continue }
            let key = insertion.section + "\u{0}" + String(insertion.year ?? 0)
            if let existing = slots[at]?.groups.firstIndex(where: { $0.key == key }) {
                slots[at]!.groups[existing].entries.append(index)
            } else {
                let k = insertion.line - at
                slots[at, default: Slot()].groups.append(NewGroup(key: key, year: insertion.year ?? 0, prefix: Array(edit.replacement[..<k]), entries: [index],
                                                                  suffix: Array(edit.replacement[(k + insertion.lineCount)...])))
            }
        }
        var edits: [LineEdit] = []
        var lines = insertions.map(\.line)
        var shift = 0
        for at in slots.keys.sorted() {
            let slot = slots[at]!
            var block: [String] = []
            func place(_ index: Int) {
                lines[index] = at + shift + block.count
                block += insertions[index].textLines
            }
            // An entry in a group keeps the blank line that sets it apart from its neighbours.
            for index in slot.entries {
                lines[index] = at + shift + block.count + insertions[index].line - at
                block += insertions[index].edits[0].replacement
            }
            // New groups made at one place go in the list's year order.
            for group in slot.groups.sorted(by: { order.allows($0.year, before: $1.year) }) {
                block += group.prefix
                group.entries.forEach(place)
                block += group.suffix
            }
            edits.append(.insert(block, before: at))
            shift += block.count
        }
        return (edits, lines)
    }

    /// Refuses when the list after all insertions has a finding it did not have before, finding
    /// compared by rule and the text of its line (not by line number, which the insertions move).
    ///
    /// The new list is checked first, its duplicate search reusing the fingerprints of the
    /// entries the insertions left as they were; the list before is checked only by the rules
    /// that found something in the new one (no other rule's findings can match).
    private func checkNothingNew(in view: ListView, madeFrom contextBefore: RuleContext, by edits: [LineEdit], allowDuplicate: Bool) throws(AddError) {
        let local = comparingLinter(allowDuplicate: allowDuplicate)
        let earlier = contextBefore.view
        let earlierLines = Self.earlierLines(after: edits, in: earlier.document)
        let context = RuleContext(view: view, reusingFingerprintsOf: contextBefore) { line in
            line <= earlierLines.count ? earlierLines[line - 1] : nil
        }
        let findings = local.findings(in: context)
        guard !findings.isEmpty else { return }
        let found = Set(findings.map(\.ruleID))
        let before = Linter(rules: local.rules.filter { found.contains($0.id) }).findings(in: contextBefore)
        let fresh = Self.unknown(findings, in: view.document, known: Self.findingKeys(before, in: earlier.document)) { $0 }
        if !fresh.isEmpty { throw .wouldAddFindings(fresh) }
    }

    /// The linter that judges an insertion: without the rules that compare an entry with the
    /// list's majority (the entry takes the list's), and without the duplicate rules when the
    /// contributor chose to add a duplicate (theirs to answer for, not a refusal). The count
    /// badge is not asked either: the insertion sets it (`keepingCountBadge`).
    private func comparingLinter(allowDuplicate: Bool) -> Linter {
        let skipped = linter.ids { $0.comparesWithMajority || $0.checksEntriesAsDrafts }.union(allowDuplicate ? linter.duplicateRuleIDs : [])
            .union([CountBadgeRule.description.id])
        return Linter(rules: linter.rules.filter { !skipped.contains($0.id) })
    }

    /// The findings in `document` that `known` (counted by `findingKeys`) does not account for,
    /// as messages; `line` turns a finding's line into the one to name.
    static func unknown(_ findings: [Finding], in document: Document, known: [String: Int], line: (Int) -> Int) -> [String] {
        var known = known
        let owners = blockStarts(of: document)
        var fresh: [String] = []
        for finding in findings {
            let key = findingKey(finding, in: document, owners: owners)
            if let count = known[key], count > 0 { known[key] = count - 1; continue }
            fresh.append("line \(line(finding.line)): \(finding.message) [\(finding.ruleID)]")
        }
        return fresh
    }

    /// For each line of the list after `edits` (insertions, in order of their lines), its line in
    /// `document`; nil for an inserted line.
    static func earlierLines(after edits: [LineEdit], in document: Document) -> [Int?] {
        var lines: [Int?] = []
        lines.reserveCapacity(document.lines.count + edits.reduce(0) { $0 + $1.replacement.count })
        var next = 0
        for line in 1...(document.lines.count + 1) {
            while next < edits.count, edits[next].lines.lowerBound == line {
                lines += [Int?](repeating: nil, count: edits[next].replacement.count)
                next += 1
            }
            if line <= document.lines.count { lines.append(line) }
        }
        return lines
    }

    /// Refuses an entry that GitHub would not show as one entry (or row) whose text is the
    /// fields' and whose links are exactly the draft's, before a byte is written.
    private func checkRendering(of insertion: Insertion, for draft: Draft, in view: ListView) throws(AddError) {
        let problem: String?
        let table = view.tables.first { $0.lines.contains(insertion.line - 1) || $0.lines.upperBound + 1 == insertion.line }
        let document = view.document
        switch draft {
        case .paper(let paper):
            if insertion.text.hasPrefix("|"), let table, table.rows.count >= 2 {
                // A paper table's row: its links in the order its cells hold them.
                let links = paper.links.map(\.url).sorted {
                    (insertion.text.range(of: "](\($0))")?.lowerBound ?? insertion.text.endIndex) < (insertion.text.range(of: "](\($1))")?.lowerBound ?? insertion.text.endIndex)
                }
                problem = EntryText.renderingProblem(ofRow: insertion.text, header: document.lineText(table.rows[0].line),
                                                     delimiter: document.lineText(table.rows[1].line), links: links, allowingBold: true)
            } else {
                problem = EntryText.renderingProblem(ofEntry: insertion.text, links: paper.links.map(\.url), allowingBold: view.conventions.boldEntries)
            }
        case .dataset(let dataset):
            guard let table, table.rows.count >= 2 else { return }
            problem = EntryText.renderingProblem(ofRow: insertion.text, header: document.lineText(table.rows[0].line),
                                                 delimiter: document.lineText(table.rows[1].line),
                                                 links: [dataset.paper, dataset.link].compactMap { $0 })
        }
        if let problem { throw .invalid(["the entry \(insertion.text.trimmingWhitespace()): \(problem)"]) }
    }

    /// The insertion with a blank line after it (and before it, after a paragraph), where the
    /// lines around it are not blank; nil when they already are.
    static func separated(_ insertion: Insertion, in document: Document) -> Insertion? {
        guard insertion.edits.count == 1, insertion.edits[0].lines.isEmpty else { return nil }
        let at = insertion.edits[0].lines.lowerBound
        var lines = insertion.edits[0].replacement
        var spaced = insertion
        if at <= document.lines.count, !document.isBlank(at), lines.last?.isEmpty == false { lines.append("") }
        if at > 1, !document.isBlank(at - 1), lines.first?.isEmpty == false,
           document.blocks.contains(where: { $0.kind == .paragraph && $0.lines.upperBound == at - 1 && $0.depth == 0 }) {
            lines.insert("", at: 0)
            spaced.line += 1
        }
        guard lines != insertion.edits[0].replacement else { return nil }
        spaced.edits = [.insert(lines, before: at)]
        return spaced
    }

    /// What each finding is about, counted: its rule and its line's text, or for a line of a
    /// table the table's header, so that a finding on a table's last row is the same finding
    /// when a new row becomes the last.
    static func findingKeys(_ findings: [Finding], in document: Document) -> [String: Int] {
        let owners = blockStarts(of: document)
        return findings.reduce(into: [:]) { counts, finding in counts[findingKey(finding, in: document, owners: owners), default: 0] += 1 }
    }

    static func findingKey(_ finding: Finding, in document: Document, owners: [Int]) -> String {
        let line = finding.line >= 1 && finding.line <= owners.count ? owners[finding.line - 1] : finding.line
        return finding.ruleID + "\u{0}" + document.lineText(line).trimmingWhitespace()
    }

    /// For each line, itself, or the first line of the table that holds it.
    static func blockStarts(of document: Document) -> [Int] {
        var owners = Array(1...max(1, document.lines.count))
        for block in document.blocks where block.kind == .table {
            for line in block.lines where line <= owners.count { owners[line - 1] = block.lines.lowerBound }
        }
        return owners
    }

    /// Refuses when the list after the insertion has a finding it did not have before.
    ///
    /// Only the neighbourhood is read again: the blocks around the insertion, under the
    /// section's heading. Lines elsewhere are unchanged, and the entry is written in the list's
    /// majority style, so it cannot change what a rule finds there. The rules that compare an
    /// entry with the whole list's majority (label spelling, link spacing) are left out here:
    /// a neighbourhood's majority is not the list's, and the entry takes the list's.
    private func checkNothingNew(before view: ListView, insertion: Insertion, allowDuplicate: Bool) throws(AddError) {
        let document = view.document
        let start = insertion.edits.map(\.lines.lowerBound).min() ?? insertion.line
        let removed = insertion.edits.reduce(0) { $0 + $1.lines.count }
        var region = Fixer.enclosingBlocks(of: start..<(start + removed), in: document)
        // One more block on each side: a marker right after the entry, a blank line before it.
        if let first = Fixer.topLevelIndex(containing: max(1, region.lowerBound - 1), in: document) {
            region = min(region.lowerBound, document.blocks[first].lines.lowerBound)...region.upperBound
        }
        if region.upperBound < document.lines.count, let last = Fixer.topLevelIndex(containing: region.upperBound + 1, in: document) {
            region = region.lowerBound...max(region.upperBound, document.blocks[last].lines.upperBound)
        }
        let heading = view.section(containing: region.lowerBound).map { view.sections[$0] }
        var headingLines: [UInt8] = []
        if let heading, heading.lines.lowerBound < region.lowerBound {
            var index = heading.parent
            var chain = [heading]
            while let parent = index { chain.insert(view.sections[parent], at: 0); index = view.sections[parent].parent }
            for section in chain { headingLines += document.bytes[document.lines.fullRange(section.lines.lowerBound)] }
        }
        let headingCount = headingLines.reduce(0) { $0 + ($1 == Byte.lineFeed ? 1 : 0) }
        let old = headingLines + Array(document.bytes[document.lines.byteRange(region)])
        let inside = insertion.edits.map { LineEdit(lines: ($0.lines.lowerBound - region.lowerBound + 1 + headingCount)..<($0.lines.upperBound - region.lowerBound + 1 + headingCount),
                                                   replacement: $0.replacement) }
        guard let oldDocument = try? Document(bytes: old) else {
            throw .invalid(["the list would not read back as UTF-8"])
        }
        let new = oldDocument.applying(inside)
        guard let newDocument = try? Document(bytes: new) else { throw .invalid(["the list would not read back as UTF-8"]) }
        if inside.count == 1, inside[0].lines.isEmpty,
           !oldDocument.blocksAround(insertions: [(inside[0].lines.lowerBound, inside[0].replacement.count)], keptIn: newDocument,
                                     rows: insertion.text.trimmingWhitespace().hasPrefix("|")) {
            throw .changesSurroundings
        }
        let local = comparingLinter(allowDuplicate: allowDuplicate)
        // A finding is known by its rule and the text of its line, not its number, which the
        // insertion moves: a warning that was there before is not new one line further down.
        // The neighbourhood is read with the list's conventions: its own few year groups do not
        // say the list's year order.
        let conventions = view.conventions
        let known = Self.findingKeys(local.findings(in: ListView(document: oldDocument, configuration: view.configuration, conventions: conventions)),
                                     in: oldDocument)
        let fresh = Self.unknown(local.findings(in: ListView(document: newDocument, configuration: view.configuration, conventions: conventions)),
                                 in: newDocument,
                                 known: known) { $0 - headingCount - 1 + region.lowerBound }
        if !fresh.isEmpty { throw .wouldAddFindings(fresh) }
    }
}

/// The categories whose papers are rows of a paper table that links none of them (a table of
/// models with their code and weights), or entries most of which link none (talks, blog posts,
/// laws): a paper added there needs no paper link.
struct UnlinkedPapers {
    let categories: Set<String>

    init(view: ListView, drafts: [Draft]) {
        var categories = Set<String>()
        for table in view.tables {
            guard let key = table.category, !categories.contains(key), let paperTable = PaperTable(table, configuration: view.configuration),
                  !paperTable.linksPapers(in: view), let section = view.section(forCategory: key),
                  view.sections[section].lines.contains(table.lines.lowerBound),
                  view.tables.first(where: { view.sections[section].lines.contains($0.lines.lowerBound) && PaperTable($0, configuration: view.configuration) != nil }) == table
            else { continue }
            categories.insert(key)
        }
        // Read only when a draft has no paper link to give and is no resource (which needs
        // none): it reads every entry.
        if drafts.contains(where: { draft in
            if case .paper(let paper) = draft { return !paper.resource && !paper.links.contains { $0.key == "paper" } }
            return false
        }) {
            categories.formUnion(ListedEntry.categoriesLinkingNoPaper(ListedEntry.all(in: view)))
        }
        self.categories = categories
    }

    /// Whether the finding is the missing paper link of a draft bound for such a table.
    func excuses(_ finding: SchemaFinding, of draft: Draft) -> Bool {
        finding.instanceLocation == "/links/paper" && finding.keyword == "required" && categories.contains(draft.category)
    }
}

/// An entry of the list that is the same paper as a draft, and why.
public struct DuplicateHit: Hashable, Sendable, CustomStringConvertible {
    public var line: Int
    public var text: String
    public var reason: String

    public init(line: Int, text: String, reason: String) {
        self.line = line
        self.text = text
        self.reason = reason
    }

    public var description: String { "line \(line), \(reason): \(text)" }
}

/// The list's duplicate finder asked about a draft: the same title, arXiv id, DOI, code
/// repository or paper address, in any of their spellings, anywhere in the list.
public enum ListedPaper {
    @Sendable public static func hits(for draft: PaperDraft, in view: ListView) -> [DuplicateHit] {
        let candidate = CandidateEntry(title: draft.title, links: draft.links.map(\.url), category: draft.category)
        return DuplicateFinder(configuration: view.configuration).matches(for: candidate, in: view, scope: .list).map { match in
            var reason = match.evidence.confidence.rawValue + ", " + match.evidence.key.rawValue
            if let value = match.evidence.value { reason += " " + value }
            return DuplicateHit(line: match.entry.line, text: match.entry.text.trimmingWhitespace(), reason: reason)
        }
    }
}
