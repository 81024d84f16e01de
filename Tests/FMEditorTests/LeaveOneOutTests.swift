import Foundation
import FMList
import FMRules
import FMSchema
import FMTestSupport
import FMWorkflows
import Testing
@testable import FMEditor

/// Every entry of a real list, taken out and added back from its own fields as `fmadd export`
/// reads them (venue, title, links, year, section), must land where it was, written as it was.
/// The round trip does the same with each whole record as `fmadd add --from` reads it (JSON text
/// read by `DraftReader`, `listed:` and its position included). Both tables are printed; the
/// targets that hold today (same section and same year group, 98 % of those added back) are
/// held over all lists together; the others are read off the tables. The same tables are
/// printed for every list of the corpus read with no `.fmadd.yml` (categories read from its
/// headings) and with the one `fmadd init` writes. `Benchmarks/leave-one-out.sh` runs it alone
/// and prints the tables. A line is identical up to trailing white space, and a table row up to
/// its cells' padding.
@Suite struct LeaveOneOutTests {
    struct Tally {
        var entries = 0, accepted = 0, sameSection = 0, sameYear = 0, sameSlot = 0, identical = 0, noNewFinding = 0, refused = 0, duplicates = 0
        static func + (a: Tally, b: Tally) -> Tally {
            Tally(entries: a.entries + b.entries, accepted: a.accepted + b.accepted, sameSection: a.sameSection + b.sameSection, sameYear: a.sameYear + b.sameYear,
                  sameSlot: a.sameSlot + b.sameSlot, identical: a.identical + b.identical, noNewFinding: a.noNewFinding + b.noNewFinding,
                  refused: a.refused + b.refused, duplicates: a.duplicates + b.duplicates)
        }
    }

    /// The lists with a category configuration: the example list (built-in configuration) and
    /// the corpus lists that `Tests/Fixtures/configs` configures.
    static func lists() -> [(name: String, file: URL, configuration: Configuration)] {
        var lists: [(String, URL, Configuration)] = [
            ("Examples/healthcare-list.md", Paths.repository.appendingPathComponent("Examples/healthcare-list.md"), .healthcareDefault),
        ]
        for file in Paths.corpusFiles() {
            let name = file.deletingPathExtension().lastPathComponent
            let config = Paths.fixtures.appendingPathComponent("configs/\(name).fmadd.yml")
            if name == "upstream-healthcare-fm" {
                lists.append((file.lastPathComponent, file, .healthcareDefault))
            } else if let configuration = try? Configuration.load(path: config.path) {
                lists.append((file.lastPathComponent, file, configuration))
            }
        }
        return lists
    }

    /// How the lists are configured: by the fixture configurations, by none (categories read
    /// from the list), or by the configuration `fmadd init` writes.
    enum Variant: String, CaseIterable, Sendable {
        case configured, inferred, initWritten = "init"

        var caption: String {
            switch self {
            case .configured: return "with the fixture configurations"
            case .inferred: return "every list with no .fmadd.yml"
            case .initWritten: return "every list with the .fmadd.yml that `fmadd init` writes"
            }
        }
    }

    /// Every list of the corpus and the example list, with no configuration or with the one
    /// `fmadd init` writes for it.
    static func allLists(_ variant: Variant) throws -> [(name: String, file: URL, configuration: Configuration)] {
        let files = [Paths.repository.appendingPathComponent("Examples/healthcare-list.md")] + Paths.corpusFiles()
        return try files.map { file in
            let name = file.lastPathComponent == "healthcare-list.md" ? "Examples/healthcare-list.md" : file.lastPathComponent
            guard variant == .initWritten else { return (name, file, .builtIn) }
            let view = ListView(document: try Document(bytes: try Paths.bytes(file)), configuration: .builtIn)
            return (name, file, try Configuration.parse(yaml: InitWorkflow.yaml(of: view, listFile: "README.md")))
        }
    }

    /// An entry taken out of its list and added back: where it went, or why it was refused.
    struct AddedBack {
        var entry: ListedEntry
        var insertion: Insertion?
        var refusal: AddError?
        /// Refused as a duplicate at first: the list holds the same paper elsewhere.
        var duplicate = false
        var sameSection = false, sameYear = false, sameSlot = false, identical = false
        /// What `fmadd check` reports on the list written that it did not report on the list before.
        var newFindings: [String] = []
    }

    /// What `check` reports on a list, for the rules the adder does not judge an insertion by
    /// (those comparing an entry with the list's majority or reading entries as drafts, and the
    /// count badge); by every other rule, the adder refuses what would add a finding, and the
    /// duplicate rules are tallied as true duplicates.
    struct FindingsBefore {
        static let linter: Linter = {
            let all = Linter()
            let unjudged = all.ids { $0.comparesWithMajority || $0.checksEntriesAsDrafts }.union([CountBadgeRule.description.id])
            return Linter(rules: all.rules.filter { unjudged.contains($0.id) })
        }()
        static let draftRules = linter.ids(where: \.checksEntriesAsDrafts)
        /// The findings by their rule and line's text; those on an entry's fields also by their
        /// message, which names the field: an entry written another way keeps its own findings.
        let keys: [String: Int], messages: [String: Int]

        init(_ document: Document, configuration: Configuration) {
            let findings = Self.linter.findings(in: ListView(document: document, configuration: configuration))
            keys = Adder.findingKeys(findings, in: document)
            messages = findings.filter { Self.draftRules.contains($0.ruleID) }.reduce(into: [:]) { $0[$1.ruleID + "\u{0}" + $1.message, default: 0] += 1 }
        }

        func fresh(in document: Document, configuration: Configuration) -> [String] {
            var keys = keys, messages = messages
            let owners = Adder.blockStarts(of: document)
            return Self.linter.findings(in: ListView(document: document, configuration: configuration)).compactMap { finding in
                let key = Adder.findingKey(finding, in: document, owners: owners), message = finding.ruleID + "\u{0}" + finding.message
                if let count = keys[key], count > 0 { keys[key] = count - 1; return nil }
                if let count = messages[message], count > 0 { messages[message] = count - 1; return nil }
                return "line \(finding.line): \(finding.message) [\(finding.ruleID)]"
            }
        }
    }

    /// Identical up to trailing white space; a table row up to its cells' padding, which does not
    /// render and which the row takes from the table it goes into.
    static func sameText(_ written: String, _ original: String) -> Bool {
        let written = written.trimmingWhitespace(), original = original.trimmingWhitespace()
        guard written.hasPrefix("|") && original.hasPrefix("|") else { return written == original }
        let cells = { (row: String) in TableSplitter.cells(ArraySlice(row.utf8)).map { $0.text.trimmingWhitespace() } }
        return cells(written) == cells(original)
    }

    /// Takes `listed` out of `document` (its lines) and adds `draft` back with `adder`; a draft
    /// refused as a duplicate is added again with the duplicate allowed.
    static func addBack(_ listed: ListedEntry, as draft: Draft, to document: Document, adder: Adder, groupsByYear: Bool = true,
                        findingsBefore: FindingsBefore? = nil) throws -> AddedBack {
        let lines = listed.listing.lines
        let removed = try Document(bytes: document.applying([LineEdit(lines: lines.lowerBound..<(lines.upperBound + 1), replacement: [])]))
        var result = AddedBack(entry: listed)
        let outcome: Adder.Outcome
        do {
            outcome = try adder.add(draft, to: removed, allowDuplicate: false)
        } catch .duplicate {
            result.duplicate = true
            do { outcome = try adder.add(draft, to: removed, allowDuplicate: true) } catch { result.refusal = error; return result }
        } catch {
            result.refusal = error
            return result
        }
        let insertion = outcome.insertion
        result.insertion = insertion
        result.sameSection = insertion.section == listed.listing.section
        // A list without year groups has one group for all, which an entry stays in unless a
        // year group is made for it (a card's or a row's year is in its text).
        if case .paper(let paper) = listed.draft {
            result.sameYear = groupsByYear ? insertion.year == paper.year : !insertion.createsYearGroup
        }
        let written = try Document(bytes: outcome.bytes)
        result.newFindings = findingsBefore?.fresh(in: written, configuration: adder.configuration) ?? []
        func neighbours(_ document: Document, _ line: Int, _ count: Int) -> (String?, String?) {
            var above = line - 1, below = line + count
            while above >= 1 && document.isBlank(above) { above -= 1 }
            while below <= document.lines.count && document.isBlank(below) { below += 1 }
            return (above >= 1 ? document.lineText(above) : nil, below <= document.lines.count ? document.lineText(below) : nil)
        }
        result.sameSlot = neighbours(written, insertion.line, insertion.lineCount) == neighbours(document, lines.lowerBound, lines.count)
        result.identical = Self.sameText(insertion.text, listed.listing.text)
        return result
    }

    /// The paper entries of a list as `fmadd export` gives them, each added back from its own
    /// fields, or (`roundTrip`) from its record read back as `add --from` reads it; in a list
    /// without year groups, with the year its venue states or any year: none is to be reported.
    static func tally(_ document: Document, configuration: Configuration, roundTrip: Bool = false, detailTag: String = "") throws -> Tally {
        let details = ProcessInfo.processInfo.environment["FMADD_LEAVE_ONE_OUT_DETAILS"] != nil
        // The test cases run in parallel: each detail line names its table.
        func print(_ text: String) { Swift.print(text.split(separator: "\n", omittingEmptySubsequences: false).map { detailTag + $0 }.joined(separator: "\n")) }
        var tally = Tally()
        let view = ListView(document: document, configuration: configuration)
        // Categories left to the list are read from it once, as `fmadd add` does.
        let configuration = view.configuration
        let adder = Adder(configuration: configuration, registry: try SchemaRegistry.builtIn)
        let findingsBefore = FindingsBefore(document, configuration: configuration)
        for listed in ListedEntry.all(in: view) {
            guard case .paper(var paper) = listed.draft, !paper.links.isEmpty else { continue }
            // An entry outside any year group of a list that has them has no year to give.
            if view.yearGroups.isEmpty { paper.year = paper.year ?? paper.venueYear ?? 2024 }
            tally.entries += 1
            let draft: Draft
            if roundTrip {
                var record = listed
                record.draft = .paper(paper)
                do {
                    let value = try JSONValue(jsonText: record.json(file: "README.md").jsonText)
                    draft = try #require(try DraftReader.drafts(in: value, configuration: configuration).first)
                } catch {
                    tally.refused += 1
                    if details { print("refused line \(listed.listing.lines.lowerBound): \(error)") }
                    continue
                }
            } else {
                draft = .paper(paper)
            }
            let added = try addBack(listed, as: draft, to: document, adder: adder, groupsByYear: !view.yearGroups.isEmpty,
                                    findingsBefore: findingsBefore)
            if added.duplicate { tally.duplicates += 1 }
            guard let insertion = added.insertion else {
                tally.refused += 1
                if details, !added.duplicate, let refusal = added.refusal { print("refused line \(listed.listing.lines.lowerBound): \(refusal)") }
                continue
            }
            tally.accepted += 1
            if added.newFindings.isEmpty {
                tally.noNewFinding += 1
            } else if details {
                print("new finding after line \(listed.listing.lines.lowerBound): \(added.newFindings.joined(separator: "; "))")
            }
            if added.sameSection { tally.sameSection += 1 }
            if added.sameYear { tally.sameYear += 1 }
            if added.sameSlot { tally.sameSlot += 1 }
            if added.identical {
                tally.identical += 1
            } else if details {
                print("written  \(insertion.text)\noriginal \(listed.listing.text)")
            }
        }
        return tally
    }

    static func percent(_ part: Int, _ whole: Int) -> String {
        whole == 0 ? "–" : String(format: "%.1f %%", 100 * Double(part) / Double(whole))
    }

    @Test(arguments: Variant.allCases, [false, true])
    func everyEntryAddedBackLandsWhereItWas(variant: Variant, roundTrip: Bool) throws {
        var rows = [(roundTrip ? "round trip (export, remove the line, add --from its record), " : "leave-one-out (added back from its own fields), ") + variant.caption + ":",
                    "| list | entries | same section | same year group | same slot | identical line | no new finding | refused | true duplicates |",
                    "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
        var total = Tally()
        // FMADD_LEAVE_ONE_OUT_LIST=xmindflow reads only the lists whose name holds it.
        let only = ProcessInfo.processInfo.environment["FMADD_LEAVE_ONE_OUT_LIST"]
        for list in variant == .configured ? Self.lists() : try Self.allLists(variant) where only.map(list.name.contains) ?? true {
            if ProcessInfo.processInfo.environment["FMADD_LEAVE_ONE_OUT_DETAILS"] != nil { print("list \(list.name)") }
            let tally = try Self.tally(try Document(bytes: try Paths.bytes(list.file)), configuration: list.configuration, roundTrip: roundTrip,
                                       detailTag: "[\(variant.rawValue)\(roundTrip ? " round trip" : "")] \(list.name): ")
            total = total + tally
            let t = tally
            rows.append("| \(list.name) | \(t.entries) | \(Self.percent(t.sameSection, t.accepted)) | \(Self.percent(t.sameYear, t.accepted)) | \(Self.percent(t.sameSlot, t.accepted)) | \(Self.percent(t.identical, t.accepted)) | \(Self.percent(t.noNewFinding, t.accepted)) | \(t.refused) | \(t.duplicates) |")
        }
        let t = total
        rows.append("| **all** | \(t.entries) | \(Self.percent(t.sameSection, t.accepted)) | \(Self.percent(t.sameYear, t.accepted)) | \(Self.percent(t.sameSlot, t.accepted)) | \(Self.percent(t.identical, t.accepted)) | \(Self.percent(t.noNewFinding, t.accepted)) | \(t.refused) | \(t.duplicates) |")
        // The counts behind the percentages a target is read from, which one decimal rounds.
        rows.append(String(format: "accepted %d of %d; same group %d, same slot %d, identical line %d (%.2f %%)", t.accepted, t.entries,
                           t.sameYear, t.sameSlot, t.identical, t.accepted == 0 ? 0 : 100 * Double(t.identical) / Double(t.accepted)))
        print(rows.joined(separator: "\n"))
        guard only == nil else { return }
        #expect(t.entries > 0)
        guard variant == .configured else { return }
        #expect(Double(t.sameSection) >= 0.98 * Double(t.accepted), "same section: \(Self.percent(t.sameSection, t.accepted))")
        #expect(Double(t.sameYear) >= 0.98 * Double(t.accepted), "same year group: \(Self.percent(t.sameYear, t.accepted))")
    }
}
