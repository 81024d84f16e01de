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

    /// The ids of this linter's rules whose description says `fact`.
    public func ids(where fact: (RuleDescription) -> Bool) -> Set<String> {
        Set(rules.map { type(of: $0).description }.filter(fact).map(\.id))
    }

    /// The ids of this linter's rules that read the list's duplicates.
    public var duplicateRuleIDs: Set<String> { Set(rules.filter { type(of: $0).readsDuplicates }.map(\.id)) }

    /// The findings in `view`. With `timings`, the running time in seconds of each rule (rules run
    /// at once, so they add up to more than the wall time) and of the shared work is reported.
    public func findings(in view: ListView, timings: (@Sendable (String, Double) -> Void)? = nil) -> [Finding] {
        findings(in: RuleContext(view: view), timings: timings)
    }

    /// The findings in the context's list.
    public func findings(in context: RuleContext, timings: (@Sendable (String, Double) -> Void)? = nil) -> [Finding] {
        func timed<T>(_ name: String, _ work: () -> T) -> T { Self.timed(name, timings, work) }
        let view = context.view
        let settings = view.configuration.rules
        let active = rules.filter { settings[$0.id] != .off }
        let check = { @Sendable (rule: any Rule) -> [Finding] in Self.timed(rule.id, timings) { rule.check(context) } }
        var results: [[Finding]]
        if active.contains(where: { type(of: $0).readsDuplicates }) {
            // The duplicate search spreads over all cores itself, from this thread (inside the rules'
            // own parallel run it would get one core): first the fingerprints, on all cores; then
            // the search, while the other rules run on a worker, which then joins the search.
            timed("(duplicate fingerprints)") { context.prepareDuplicates() }
            // This thread takes the other rules left when its search is done.
            let others = Array(active.indices.filter { !type(of: active[$0]).readsDuplicates })
            let taken = WorkCounter(count: others.count)
            let found = ResultSlots<[Finding]>(count: others.count)
            let runOthers = { @Sendable in
                while let k = taken.take() { found.set(k, check(active[others[k]])) }
            }
            let worker = BackgroundWork(runOthers)
            _ = timed("(duplicate search)") { context.duplicates }
            runOthers()
            worker.value
            results = active.map { type(of: $0).readsDuplicates ? check($0) : [] }
            for (k, index) in others.enumerated() { results[index] = found.get(k) ?? [] }
        } else {
            // Rules are independent: they run on all cores.
            results = active.parallelMap(check)
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
        return timed("(disable comments, order)") { () -> [Finding] in
            // Disable comments live in HTML; only code blocks hide them.
            let suppressions = Suppressions(document: view.document, isCode: context.isCode)
            if !suppressions.isEmpty {
                all.removeAll { suppressions.silences(rule: $0.ruleID, line: $0.line) }
            }
            // What a script writes, it writes again: a finding there is not the maintainers' to fix.
            if !view.generatedRegions.isEmpty {
                all.removeAll { view.generatedRegion(holding: $0.line) != nil }
            }
            all.sort(by: Finding.reportOrder)
            return all
        }
    }

    /// `work()`, its running time in seconds reported to `timings` under `name` when there is one.
    private static func timed<T>(_ name: String, _ timings: (@Sendable (String, Double) -> Void)?, _ work: () -> T) -> T {
        guard let timings else { return work() }
        let start = DispatchTime.now().uptimeNanoseconds
        defer { timings(name, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9) }
        return work()
    }
}
