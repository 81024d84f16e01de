import FMList
import FMRules

/// Checks a list file against its rules.
public enum ListCheck {
    /// What a check found: the rules' findings, and what the configuration and the list's
    /// headings do not agree on.
    public struct Outcome: Sendable {
        public var report: Report
        /// A configured category whose heading the list lacks (its entry rules check nothing),
        /// or found under another heading: said, with what to do.
        public var headingWarnings: [String]
    }

    /// The findings in `list`. `phase` is told when each phase (parse, view, rules) ends, and
    /// `ruleTimes` how long each rule took, for a run that is timed.
    public static func run(_ list: ListFile, phase: (String) -> Void = { _ in },
                           ruleTimes: (@Sendable (String, Double) -> Void)? = nil) throws(WorkflowFailure) -> Outcome {
        let document = try tryList { () throws(ListError) in try Document(contentsOf: list.path) }
        phase("parse")
        let view = ListView(document: document, configuration: list.configuration)
        phase("view")
        let findings = Linter().findings(in: view, timings: ruleTimes)
        phase("rules")
        return Outcome(report: Report(file: list.name, findings: findings),
                       headingWarnings: headingWarnings(view, name: list.name, configuration: list.configuration))
    }

    public static func report(_ list: ListFile, phase: (String) -> Void = { _ in },
                              ruleTimes: (@Sendable (String, Double) -> Void)? = nil) throws(WorkflowFailure) -> Report {
        try run(list, phase: phase, ruleTimes: ruleTimes).report
    }

    /// Only the categories a configuration file states are its maintainers' word: the built-in
    /// ones stand for the lists that have their headings, and need not all be there.
    static func headingWarnings(_ view: ListView, name: String, configuration: Configuration) -> [String] {
        let file = configuration.source ?? Configuration.fileName
        var warnings: [String] = []
        if configuration.source != nil && !configuration.categoriesFromList {
            for key in view.categoryHeadings.missing {
                let heading = view.configuration.category(key)?.heading ?? key
                warnings.append("\(name): category '\(key)' of \(file) names the heading \"\(heading)\", which the list does not have, "
                                + "so no entry rule checks it; write the list's heading in `categories:` (or in its `aliases:`), or add the section")
            }
        }
        for (key, found) in view.categoryHeadings.fuzzy.sorted(by: { $0.key < $1.key }) {
            let heading = view.configuration.category(key)?.heading ?? key
            warnings.append("\(name): category '\(key)' is read from the heading \"\(found)\", not \"\(heading)\"; "
                            + "add \"\(found)\" to its `aliases:` in \(file), or rename the heading")
        }
        return warnings
    }
}
