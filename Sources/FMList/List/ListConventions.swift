/// How a list writes itself, read from the list in one pass: the order of its year groups and
/// the form of its entries. What most of the list does is the convention; `.fmadd.yml` wins
/// where it says otherwise.
public struct ListConventions: Sendable, Equatable {
    public enum YearOrder: String, Sendable, Codable, CaseIterable {
        case newestFirst = "newest-first", oldestFirst = "oldest-first"

        /// Whether a group of `later` may follow a group of `earlier` in this order.
        public func allows(_ earlier: Int, before later: Int) -> Bool {
            self == .newestFirst ? later < earlier : later > earlier
        }
    }

    /// How a link's label is written: `[[Paper]](u)`, `[[paper](u)]` or `[paper](u)`.
    public enum LabelForm: String, Sendable, Codable, CaseIterable {
        case doubleBracket = "double-bracket", wrapped, plain

        public func link(label: String, url: String) -> String {
            switch self {
            case .doubleBracket: return "[[\(label)]](\(url))"
            case .wrapped: return "[[\(label)](\(url))]"
            case .plain: return "[\(label)](\(url))"
            }
        }

        public init(_ link: EntryLink) {
            self = link.wrapped ? .wrapped : link.doubleBracket ? .doubleBracket : .plain
        }
    }

    public var yearOrder: YearOrder
    /// The label form most of the list's entry links have.
    public var labelForm: LabelForm
    /// Per section, the form most of its links have, where that differs from the list's.
    public var sectionLabelForms: [Int: LabelForm]
    /// Whether entries write their venue or title in bold (`[**Nature, 2023**] **Name**: …`), as
    /// most of the list's entries do: a new entry may then carry emphasis.
    public var boldEntries: Bool
    /// The label key of the paper's link when the list does not call it `paper`: `pdf` in a list
    /// whose entries link `[[pdf]](…)` first and most have no `paper` link.
    public var paperLabel: String?
    /// The label key of the code's link when the list calls it otherwise and never `code`:
    /// `github` in a list that links its repositories `[[GitHub](…)]`.
    public var codeLabel: String?

    public init(yearOrder: YearOrder = .newestFirst, labelForm: LabelForm = .doubleBracket,
                sectionLabelForms: [Int: LabelForm] = [:], boldEntries: Bool = false, paperLabel: String? = nil) {
        self.yearOrder = yearOrder
        self.labelForm = labelForm
        self.sectionLabelForms = sectionLabelForms
        self.boldEntries = boldEntries
        self.paperLabel = paperLabel
    }

    /// A label's key as records name it: lower-case letters, digits and `-` (`[[Project Page]]` is
    /// `projectpage`).
    public static func labelKey(_ label: String) -> String {
        label.lowercased().filter { ($0.isLetter || $0.isNumber || $0 == "-") }
    }

    /// Whether `label` is `Paper` in any case: read as bytes, as it is asked of every link.
    static func isPaperLabel(_ label: String) -> Bool { isLabel(label, "paper") }

    /// Whether `label` is `word` (lower-case letters) in any case.
    static func isLabel(_ label: String, _ word: StaticString) -> Bool {
        var utf8 = label.utf8.makeIterator()
        let letters = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        for letter in letters {
            guard let byte = utf8.next(), byte | 0x20 == letter else { return false }
        }
        return utf8.next() == nil
    }

    public func labelForm(inSection section: Int?) -> LabelForm {
        section.flatMap { sectionLabelForms[$0] } ?? labelForm
    }

    /// The conventions of `entries` and `yearGroups`, with what `configuration` states taking
    /// precedence.
    static func read(entries: [Entry], yearGroups: [YearGroup], configuration: Configuration) -> ListConventions {
        // Adjacent year groups of one section, counted by the way they step.
        var descending = 0, ascending = 0
        for k in yearGroups.indices.dropFirst() where yearGroups[k].section != nil && yearGroups[k].section == yearGroups[k - 1].section {
            if yearGroups[k].year < yearGroups[k - 1].year { descending += 1 }
            if yearGroups[k].year > yearGroups[k - 1].year { ascending += 1 }
        }
        var forms: [LabelForm: Int] = [:]
        var formsBySection: [Int: [LabelForm: Int]] = [:]
        var bold = 0, papers = 0, withPaperLink = 0
        var firstLinks: [String: Int] = [:]
        // The labels of the links to a repository that come after an entry's first link, as
        // written (their keys are read once, at the end).
        var repositoryLabels: [String: Int] = [:]
        let repository = Array("https://github.com/".utf8)
        var codeLabels = 0
        let stars = Array("**".utf8)
        for entry in entries where entry.shape == .entry && entry.category != nil {
            papers += 1
            if entry.links.contains(where: { isPaperLabel($0.label) }) {
                withPaperLink += 1
            } else if let first = entry.links.first {
                firstLinks[labelKey(first.label), default: 0] += 1
            }
            if entry.venue?.utf8.starts(with: stars) == true || entry.title?.utf8.starts(with: stars) == true { bold += 1 }
            for (index, link) in entry.links.enumerated() {
                if index > 0, link.url.utf8.starts(with: repository) { repositoryLabels[link.label, default: 0] += 1 }
                if isLabel(link.label, "code") { codeLabels += 1 }
                let form = LabelForm(link)
                forms[form, default: 0] += 1
                if let section = entry.section { formsBySection[section, default: [:]][form, default: 0] += 1 }
            }
        }
        func majority(_ counts: [LabelForm: Int]) -> LabelForm? {
            // Ties go to the first form of `allCases`.
            LabelForm.allCases.reduce(nil) { best, form in
                (counts[form] ?? 0) > (best.flatMap { counts[$0] } ?? 0) ? form : best
            }
        }
        let labelForm = majority(forms) ?? .doubleBracket
        // Oldest first takes more than one step up: a single group out of place is a finding.
        let yearOrder: YearOrder = ascending > descending && ascending >= 2 ? .oldestFirst : .newestFirst
        var conventions = ListConventions(yearOrder: yearOrder, labelForm: labelForm,
                                          sectionLabelForms: formsBySection.compactMapValues { counts in
                                              majority(counts).flatMap { $0 == labelForm ? nil : $0 }
                                          },
                                          boldEntries: papers > 0 && bold * 2 > papers)
        if withPaperLink * 2 < papers, let (key, count) = firstLinks.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }),
           count * 2 > papers, !key.isEmpty {
            conventions.paperLabel = key
        }
        let repositoryKeys = Dictionary(repositoryLabels.map { (labelKey($0.key), $0.value) }, uniquingKeysWith: +)
        let repositoryLinks = repositoryKeys.values.reduce(0, +)
        if codeLabels == 0, let (key, count) = repositoryKeys.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }),
           count * 2 > repositoryLinks, !key.isEmpty, key != conventions.paperLabel {
            conventions.codeLabel = key
        }
        if let order = configuration.yearOrder { conventions.yearOrder = order }
        return conventions
    }
}
