import Foundation

/// Rule descriptions as text: `fmadd rules`, `fmadd rules --explain ID` and the rules section of
/// CONTRIBUTING.md all come from here.
public enum RuleDocumentation {
    /// One line a rule: id, severity, summary.
    public static func list() -> String {
        let width = RuleRegistry.all.map { $0.description.id.count }.max() ?? 0
        return RuleRegistry.all.map { type in
            let d = type.description
            return d.id.padding(toLength: width, withPad: " ", startingAt: 0) + "  "
                + d.severity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0) + " " + d.summary
        }.joined(separator: "\n") + "\n"
    }

    /// One rule with its rationale and examples, for a terminal.
    public static func explain(_ description: RuleDescription) -> String {
        var out = "\(description.id) (\(description.severity.rawValue)): \(description.summary)\n\n\(description.rationale)\n"
        out += "\nFound in:\n" + description.failing.map { indent(unmarked($0)) }.joined(separator: "\n")
        out += "\nNot found in:\n" + description.passing.map { indent($0) }.joined(separator: "\n")
        for fix in description.fixes {
            out += "\n`fmadd fix` turns\n" + indent(fix.before) + "into\n" + indent(fix.after)
        }
        out += "\nSwitch it off in .fmadd.yml with `rules: { \(description.id): off }`, or for one line with\n"
        out += "<!-- fmadd-disable-next-line \(description.id) -->\n"
        return out
    }

    /// The rules as a Markdown section, as CONTRIBUTING.md holds it.
    public static func markdown() -> String {
        var out = "| rule | severity | what it asks | `fmadd fix` |\n|---|---|---|---|\n"
        for type in RuleRegistry.all {
            let d = type.description
            out += "| [`\(d.id)`](#\(d.id)) | \(d.severity.rawValue) | \(d.summary) | \(d.fixes.isEmpty ? "no" : "yes") |\n"
        }
        for type in RuleRegistry.all {
            let d = type.description
            out += "\n### \(d.id)\n\n\(d.summary) \(d.rationale)\n\nFound in:\n\n"
            out += d.failing.map { fenced(unmarked($0)) }.joined(separator: "\n")
            if let fix = d.fixes.first {
                out += "\n`fmadd fix` turns\n\n" + fenced(fix.before) + "\ninto\n\n" + fenced(fix.after)
            }
        }
        return out
    }

    private static func unmarked(_ example: String) -> String {
        example.filter { $0 != RuleDescription.marker }
    }

    private static func indent(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).dropLast(text.hasSuffix("\n") ? 1 : 0)
            .map { $0.isEmpty ? "" : "    " + $0.replacingTabs() }.joined(separator: "\n") + "\n"
    }

    private static func fenced(_ text: String) -> String {
        "```markdown\n" + text + (text.hasSuffix("\n") ? "" : "\n") + "```\n"
    }
}

private extension Substring {
    /// Tabs shown as `→` so that an example about tabs stays readable.
    func replacingTabs() -> String { String(map { $0 == "\t" ? "→" : $0 }) }
}
