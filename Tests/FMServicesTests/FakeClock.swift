import Foundation
import FMServices

/// A clock whose waits take no time: each is recorded and moves the clock on.
final class FakeClock: ServiceClock, @unchecked Sendable {
    private let lock = NSLock()
    private var time: Double = 1000
    private var waits: [Double] = []
    /// When each request reached the transport, by this clock.
    private var sends: [Double] = []

    func now() -> Double {
        lock.lock()
        defer { lock.unlock() }
        return time
    }

    func sleep(_ seconds: Double) {
        lock.lock()
        defer { lock.unlock() }
        waits.append(seconds)
        time += seconds
    }

    /// Lets time pass without a wait (the work between two requests).
    func advance(_ seconds: Double) {
        lock.lock()
        defer { lock.unlock() }
        time += seconds
    }

    var slept: [Double] {
        lock.lock()
        defer { lock.unlock() }
        return waits
    }
}

/// A transport that notes the fake time of each request before handing it to the real one.
struct TimedTransport: HTTPTransport {
    let clock: FakeClock
    let times: TimeLog
    let inner = URLSessionTransport()

    func send(_ request: HTTPRequest, timeout: TimeInterval) throws(TransportError) -> HTTPResponse {
        times.note(clock.now())
        return try inner.send(request, timeout: timeout)
    }
}

final class TimeLog: @unchecked Sendable {
    private let lock = NSLock()
    private var times: [Double] = []
    func note(_ time: Double) {
        lock.lock()
        times.append(time)
        lock.unlock()
    }
    var all: [Double] {
        lock.lock()
        defer { lock.unlock() }
        return times
    }
}
