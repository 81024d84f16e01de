import Foundation

/// Prints how long each phase took to standard error when `FMADD_TIMING` is set: the benchmark
/// reads it to show where the time goes.
struct PhaseClock {
    private let enabled = ProcessInfo.processInfo.environment["FMADD_TIMING"] != nil
    private var last = DispatchTime.now()

    mutating func mark(_ phase: String) {
        guard enabled else { return }
        let now = DispatchTime.now()
        printError(String(format: "fmadd-timing %@ %.3f s", phase, Double(now.uptimeNanoseconds - last.uptimeNanoseconds) / 1e9))
        last = now
    }

    /// Reports each rule's running time, when timing is on.
    var ruleTimer: (@Sendable (String, Double) -> Void)? {
        guard enabled else { return nil }
        return { rule, seconds in printError(String(format: "fmadd-timing   rule %@ %.3f s", rule, seconds)) }
    }
}
