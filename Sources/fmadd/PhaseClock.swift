import Foundation

/// Prints how long each phase took to standard error when `FMADD_TIMING` is set, in wall-clock
/// time and in processor time over all cores (their ratio shows how well the phase spreads): the
/// benchmark reads it to show where the time goes.
struct PhaseClock {
    private let enabled = ProcessInfo.processInfo.environment["FMADD_TIMING"] != nil
    private var last = DispatchTime.now()
    private var lastProcessor = PhaseClock.processorSeconds()

    mutating func mark(_ phase: String) {
        guard enabled else { return }
        let now = DispatchTime.now(), processor = Self.processorSeconds()
        StandardError.write(String(format: "fmadd-timing %@ %.3f s (processor %.3f s)", phase,
                          Double(now.uptimeNanoseconds - last.uptimeNanoseconds) / 1e9, processor - lastProcessor))
        last = now
        lastProcessor = processor
    }

    /// Reports each rule's running time, when timing is on.
    var ruleTimer: (@Sendable (String, Double) -> Void)? {
        guard enabled else { return nil }
        return { rule, seconds in StandardError.write(String(format: "fmadd-timing   rule %@ %.3f s", rule, seconds)) }
    }

    private static func processorSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }
}
