import FMDedupe
import FMList

/// Two entries that are likely or possibly the same paper: alike titles, a short title that is
/// the head of a longer one, or a shared link under titles that disagree.
public struct PossibleDuplicateRule: Rule {
    public static let description = RuleDescription(
        id: "possible-duplicate",
        summary: "Entries that look like one paper are checked by a person.",
        rationale: """
            A fuzzy match is a question, not a verdict: "Models Genesis." may be "Models Genesis: \
            Generic Autodidactic Models…", and a link shared by two different titles is often a \
            link pasted into the wrong entry. Titles that differ in a version or a number (CTFold \
            and CTFold++, -7B and -13B) are different models and are not reported.
            """,
        severity: .warning,
        passing: ["## VFM methods\n**2024**\n- [a] CTFold. [[Paper]](https://a.org/1)\n- [b] CTFold++. [[Paper]](https://a.org/2)\n"],
        failing: [
            "## VFM methods\n**2021**\n- [MedIA] Models Genesis. [[Paper]](https://a.org/1)\n↓- [MICCAI] Models Genesis: Generic Autodidactic Models for 3D Medical Image Analysis. [[Paper]](https://a.org/2)\n",
            "## VFM methods\n**2021**\n- [a] 医学 🩺 Models Genesis. [[Paper]](https://a.org/1)\n↓- [b] 医学 🩺 Models Genesis: Generic Autodidactic Models for 3D Medical Image Analysis. [[Paper]](https://a.org/2)\n",
        ])

    public static let readsDuplicates = true

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        DuplicateFindings.findings(of: self, in: context) { $0 != .duplicate }
    }
}
