import FMList

/// A link label spelled differently from the rest of its section or list: `[[paper]]` beside `[[Paper]]`.
public struct MixedLabelCaseRule: Rule {
    public static let description = RuleDescription(
        id: "mixed-label-case",
        summary: "Each link label has one spelling in its section, and across the list.",
        rationale: """
            Readers scan a column of `[[Paper]]` links; a `[[paper]]` among them reads as a different \
            kind of link. A section, or a subsection or year heading within it, that has settled on a spelling (nine in ten of at least three \
            labels) keeps it, and one whose labels nearly all share a case \
            (`[[pdf]] [[code]] [[project]]`, two keys at least) keeps that case for every label it has not \
            settled otherwise; elsewhere the list's spelling holds: the configured one (`labels:` in \
            `.fmadd.yml`) or, when the list mostly uses another, the one most of its entries use.
            """,
        severity: .warning,
        passing: ["## LFM methods\n**2024**\n- [arXiv] A. [[Paper]](https://a.org/1)\n- [arXiv] B. [[Paper]](https://a.org/2)\n"],
        failing: [
            "## LFM methods\n**2024**\n- [arXiv] A. [[Paper]](https://a.org/1)\n- [arXiv] B. [[Paper]](https://a.org/2)\n- [arXiv] C. ↓[[paper]](https://a.org/3)\n",
            "## LFM methods\n**2024**\n- [arXiv] A. [[Paper]](https://a.org/1)\n- [arXiv] 医学🩺. ↓[[PAPER]](https://a.org/3)\n",
        ],
        fixes: [
            (before: "## LFM methods\n**2024**\n- [arXiv] A. [[Paper]](https://a.org/1) [[Code]](https://github.com/a/b)\n- [arXiv] B. [[paper]](https://a.org/2) [[code]](https://github.com/c/d)\n",
             after: "## LFM methods\n**2024**\n- [arXiv] A. [[Paper]](https://a.org/1) [[Code]](https://github.com/a/b)\n- [arXiv] B. [[Paper]](https://a.org/2) [[Code]](https://github.com/c/d)\n"),
        ],
        comparesWithMajority: true)

    public init() {}

    /// The spelling each label should have, keyed by its lower-case form.
    public static func canonicalLabels(in view: ListView) -> [String: String] {
        // A list spells its labels a handful of ways: count the spellings, then fold them.
        var spellings: [String: Int] = [:]
        let counted = countedLinks(in: view)
        for entry in view.entries {
            for link in entry.links where counted(link) { spellings[link.label, default: 0] += 1 }
        }
        var counts: [String: [String: Int]] = [:]
        for (label, count) in spellings { counts[label.lowercased(), default: [:]][label] = count }
        var canonical = view.configuration.labels
        for (key, spellings) in counts {
            let configured = view.configuration.labels[key]
            let best = spellings.max { a, b in (a.value, a.key == configured ? 1 : 0) < (b.value, b.key == configured ? 1 : 0) }
            if let configured, (spellings[configured] ?? 0) >= (best?.value ?? 0) {
                canonical[key] = configured
            } else if let best {
                canonical[key] = best.key
            }
        }
        return canonical
    }

    /// The links whose labels are counted: bracketed labels (`[[Paper]](u)`, `[[paper](u)]`), and
    /// every entry link in a list whose labels are plain links (`[pdf](u)`).
    private static func countedLinks(in view: ListView) -> @Sendable (EntryLink) -> Bool {
        let plain = view.conventions.labelForm == .plain
        return { plain || $0.doubleBracket || $0.wrapped }
    }

    /// The spellings that sections have settled on, keyed by section and the label's
    /// lower-case form: nine in ten of at least three labels of that key in the section. An
    /// entry counts in its category's section and in the innermost one that holds it (a
    /// `### General Domain` of its own spelling, a year heading).
    /// A section whose labels are nearly all in lower case (`[[pdf]] [[code]] [[project]]`), or
    /// all capitalised, has settled on that case for every key it has not settled otherwise: its
    /// one `[[project]]` is its own way, though the list elsewhere writes `[[Project]]`.
    /// `innermost` is the list's `innermostSections()`, when the caller has it already.
    public static func settledLabels(in view: ListView, innermost: [Int?]? = nil) -> [Int: [String: String]] {
        var counts: [Int: [String: [String: Int]]] = [:]
        var listWide: [String: [String: Int]] = [:]
        let counted = countedLinks(in: view)
        let innermost = innermost ?? view.innermostSections()
        for entry in view.entries {
            guard let section = entry.section else { continue }
            let inner = entry.line < innermost.count ? innermost[entry.line] : nil
            for link in entry.links where counted(link) {
                counts[section, default: [:]][link.label.lowercased(), default: [:]][link.label, default: 0] += 1
                if let inner, inner != section { counts[inner, default: [:]][link.label.lowercased(), default: [:]][link.label, default: 0] += 1 }
                listWide[link.label.lowercased(), default: [:]][link.label, default: 0] += 1
            }
        }
        func settled(_ spellings: [String: Int]) -> String? {
            let total = spellings.values.reduce(0, +)
            guard total >= 3, let best = spellings.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }),
                  best.value * 10 >= total * 9 else { return nil }
            return best.key
        }
        let mostUsed = listWide.compactMapValues { $0.max(by: { ($0.value, $1.key) < ($1.value, $0.key) })?.key }
        return counts.mapValues { keys in
            var spellings = keys.compactMapValues(settled)
            // The case of the section's labels, over all keys: the first letter of each. Two keys
            // at least must show it, or it is one key's spelling, not the section's case.
            var cases: [String: Int] = [:]
            var keysOfCase: [String: Set<String>] = [:]
            for (key, labels) in keys {
                for (label, count) in labels {
                    guard let first = label.unicodeScalars.first, first.properties.isLowercase || first.properties.isUppercase else { continue }
                    let letterCase = first.properties.isLowercase ? "lower" : "upper"
                    cases[letterCase, default: 0] += count
                    keysOfCase[letterCase, default: []].insert(key)
                }
            }
            guard let style = settled(cases), keysOfCase[style, default: []].count >= 2 else { return spellings }
            for (key, spelling) in mostUsed where spellings[key] == nil {
                let cased = style == "lower" ? spelling.lowercased() : spelling.prefix(1).uppercased() + spelling.dropFirst()
                if cased.lowercased() == key { spellings[key] = cased }
            }
            return spellings
        }.filter { !$0.value.isEmpty }
    }

    public func check(_ context: RuleContext) -> [Finding] {
        let listWide = Self.canonicalLabels(in: context.view)
        let innermost = context.view.innermostSections()
        let settled = Self.settledLabels(in: context.view, innermost: innermost)
        // Merged once per pair of sections, not per entry.
        struct Place: Hashable { let section: Int?, inner: Int? }
        var spellingsOfPlace: [Place: [String: String]] = [:]
        var findings: [Finding] = []
        for entry in context.view.entries {
            let place = Place(section: entry.section, inner: entry.line < innermost.count ? innermost[entry.line] : nil)
            let canonical = spellingsOfPlace[place] ?? Self.spellings(listWide: listWide, settled: settled, section: place.section, innermost: place.inner)
            spellingsOfPlace[place] = canonical
            func respelling(_ label: String) -> String? {
                canonical[label.lowercased()].flatMap { $0 != label ? $0 : nil }
            }
            let wrong = entry.links.filter { link in link.doubleBracket && respelling(link.label) != nil }
            guard !wrong.isEmpty else { continue }
            var lines: [Int: String] = [:]
            for link in wrong {
                let text = lines[link.line] ?? context.document.lineText(link.line)
                lines[link.line] = Self.respell(text, column: link.column, label: link.label, as: canonical[link.label.lowercased()] ?? link.label)
            }
            let edits = lines.sorted { $0.key < $1.key }.map { LineEdit.replace(line: $0.key, with: $0.value) }
            for link in wrong {
                let want = canonical[link.label.lowercased()] ?? link.label
                findings.append(finding("label [[\(link.label)]] is spelled [[\(want)]] in this list",
                                        line: link.line, column: link.column,
                                        fix: Fix("spell the label [[\(want)]]", edits: edits)))
            }
        }
        return findings
    }

    /// The spelling of each label for an entry of `section` inside `innermost`: the innermost
    /// section's settled one, else its category section's, else the list's.
    public static func spellings(listWide: [String: String], settled: [Int: [String: String]], section: Int?, innermost: Int?) -> [String: String] {
        var spellings = listWide
        for index in [section, innermost] { if let index, let local = settled[index] { spellings.merge(local) { _, local in local } } }
        return spellings
    }

    /// `text` with the label of the link at `column` respelled.
    static func respell(_ text: String, column: Int, label: String, as replacement: String) -> String {
        var bytes = Array(text.utf8)
        var offset = 0, scalars = 1
        while offset < bytes.count && scalars < column {  // the column's byte offset
            offset += 1
            while offset < bytes.count && Byte.isContinuation(bytes[offset]) { offset += 1 }
            scalars += 1
        }
        let start = offset + 2  // after "[["
        let old = Array(label.utf8)
        guard start + old.count <= bytes.count, bytes[start..<(start + old.count)].elementsEqual(old) else { return text }
        bytes.replaceSubrange(start..<(start + old.count), with: replacement.utf8)
        return String(decoding: bytes, as: UTF8.self)
    }
}
