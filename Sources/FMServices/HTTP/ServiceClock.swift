import Foundation

/// The time a client waits by: the real one, or a fake in tests that records each wait.
public protocol ServiceClock: Sendable {
    /// Seconds from a fixed origin, never going back.
    func now() -> Double
    func sleep(_ seconds: Double)
}

public struct SystemClock: ServiceClock {
    public init() {}
    public func now() -> Double { ProcessInfo.processInfo.systemUptime }
    public func sleep(_ seconds: Double) {
        if seconds > 0 { Thread.sleep(forTimeInterval: seconds) }
    }
}

/// Requests to one service spaced at least `interval` seconds apart, one at a time: a second
/// caller waits until the first one's answer has come.
public final class RateLimiter: @unchecked Sendable {
    private let lock = NSLock()
    private var interval: Double
    private var lastStart: Double?

    public init(interval: Double) {
        self.interval = interval
    }

    public var minimumInterval: Double {
        lock.lock()
        defer { lock.unlock() }
        return interval
    }

    /// Runs `body` when the interval since the last request has passed, holding the turn until it ends.
    func run<T, E: Error>(clock: any ServiceClock, _ body: () throws(E) -> T) throws(E) -> T {
        lock.lock()
        defer { lock.unlock() }
        if let lastStart {
            let wait = lastStart + interval - clock.now()
            if wait > 0 { clock.sleep(wait) }
        }
        lastStart = clock.now()
        return try body()
    }

    /// A service that says how fast it may be asked (Crossref's `X-Rate-Limit-*`) is asked no faster.
    func slow(to interval: Double) {
        lock.lock()
        defer { lock.unlock() }
        self.interval = max(self.interval, interval)
    }
}
