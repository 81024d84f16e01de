import Dispatch
import FMList

/// Runs the rules over a list and returns their findings, sorted, with the configuration's
/// severities and the list's disable comments applied.
public struct Linter: Sendable {
    public let rules: [any Rule]

    public init(rules: [any Rule] = RuleRegistry.all.map { $0.init() }) {
        self.rules = rules
    }

    /// Only the rules whose ids are in `select` (all when nil), minus those in `ignore`.
    public init(select: Set<String>?, ignore: Set<String>) {
        self.init(rules: RuleRegistry.all.filter { type in
            let id = type.description.id
            return (select?.contains(id) ?? true) && !ignore.contains(id)
        }.map { $0.init() })
    }

    /// The findings in `view`. With `timings`, each rule's own running time in seconds is
    /// reported to it (rules run at once, so they add up to more than the wall time).
    public func findings(in view: ListView, timings: (@Sendable (String, Double) -> Void)? = nil) -> [Finding] {
        let context = RuleContext(view: view)
        let settings = view.configuration.rules
        let active = rules.filter { settings[$0.id] != .off }
        // The duplicate search spreads over all cores itself; inside the rules' own parallel run
        // it would get one.
        if active.contains(where: { type(of: $0).readsDuplicates }) { _ = context.duplicates }
        // Rules are independent: they run on all cores.
        let results = active.parallelMap { rule in
            guard let timings else { return rule.check(context) }
            let start = DispatchTime.now().uptimeNanoseconds
            let found = rule.check(context)
            timings(rule.id, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            return found
        }
        var all: [Finding] = []
        for (index, rule) in active.enumerated() {
            var found = results[index]
            if let setting = settings[rule.id], setting != .off {
                let severity: Severity = setting == .error ? .error : .warning
                for k in found.indices { found[k].severity = severity }
            }
            all.append(contentsOf: found)
        }
        // Disable comments live in HTML; only code blocks hide them.
        let suppressions = Suppressions(document: view.document, isCode: context.isCode)
        if !suppressions.isEmpty {
            all.removeAll { suppressions.silences(rule: $0.ruleID, line: $0.line) }
        }
        all.sort(by: Finding.reportOrder)
        return all
    }
}
