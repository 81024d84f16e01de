import FMDedupe
import FMList

/// The same paper listed twice: a shared arXiv id, DOI, paper address or code repository with
/// agreeing titles.
public struct DuplicateEntryRule: Rule {
    public static let description = RuleDescription(
        id: "duplicate-entry",
        summary: "Each paper is listed once in its category.",
        rationale: """
            The same paper under two spellings or two links splits its readers and its updates. \
            fmadd matches arXiv ids in any URL form, DOIs (also read from nature.com, bioRxiv and \
            ACL Anthology addresses), code repositories and normalised titles. `fmadd dedupe \
            --apply` merges the entries, keeping every link. Papers a list repeats on purpose go \
            in `distinct:` in .fmadd.yml.
            """,
        severity: .error,
        passing: ["## VFM methods\n**2024**\n- [a] A model. [[Paper]](https://arxiv.org/abs/2401.00001)\n- [b] Another model. [[Paper]](https://arxiv.org/abs/2401.00002)\n"],
        failing: [
            "## VFM methods\n**2024**\n- [a] A model. [[Paper]](https://arxiv.org/abs/2401.00001)\n↓- [b] A model. [[Paper]](https://arxiv.org/pdf/2401.00001v2.pdf)\n",
            "## VFM methods\n**2024**\n- [a] 医学模型 🩺. [[Paper]](https://arxiv.org/abs/2401.00001)\n↓- [b] 医学模型 🩺. [[Paper]](https://www.arxiv.org/abs/2401.00001)\n",
        ])

    public static let readsDuplicates = true

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        DuplicateFindings.findings(of: self, in: context) { $0 == .duplicate }
    }
}

/// The findings of a duplicate rule: on each entry of a cluster after its first, pointing at it.
enum DuplicateFindings {
    static func findings(of rule: some Rule, in context: RuleContext, where confidence: (DuplicateConfidence) -> Bool) -> [Finding] {
        var findings: [Finding] = []
        for cluster in context.duplicates where confidence(cluster.confidence) {
            guard let first = cluster.entries.first else { continue }
            for entry in cluster.entries.dropFirst() {
                let reason = cluster.reasons.first { $0.secondLine == entry.line || $0.firstLine == entry.line }?.evidence
                var why = reason.map { $0.key.rawValue + ($0.value.map { " " + $0 } ?? "") } ?? "title"
                if let similarity = reason?.similarity, reason?.key == .titleSimilarity { why += String(format: ", similarity %.2f", similarity) }
                let indent = context.document.lineText(entry.line).prefix { $0 == " " || $0 == "\t" }.count
                findings.append(rule.finding("\(cluster.confidence == .duplicate ? "the same paper" : "possibly the same paper") as line \(first.line) (\(why)); merge them with `fmadd dedupe --apply`, or list the pair under `distinct:`",
                                             line: entry.line, column: indent + 1))
            }
        }
        return findings
    }
}
