import FMList
import FMRules

/// Checks a list file against its rules.
public enum ListCheck {
    /// The findings in `list`. `phase` is told when each phase (parse, view, rules) ends, and
    /// `ruleTimes` how long each rule took, for a run that is timed.
    public static func report(_ list: ListFile, phase: (String) -> Void = { _ in },
                              ruleTimes: (@Sendable (String, Double) -> Void)? = nil) throws(WorkflowFailure) -> Report {
        let document = try tryList { () throws(ListError) in try Document(contentsOf: list.path) }
        phase("parse")
        let view = ListView(document: document, configuration: list.configuration)
        phase("view")
        let findings = Linter().findings(in: view, timings: ruleTimes)
        phase("rules")
        return Report(file: list.name, findings: findings)
    }
}
