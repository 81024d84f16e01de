import Dispatch
import Foundation
import Synchronization

// The one place where fmadd runs work on all cores: every parallel loop is one of these.

extension Collection where Index == Int {
    /// `map` on all cores, in order. For work that is large and independent per element.
    public func parallelMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] where Self: Sendable {
        let count = self.count
        guard count > 1 else { return map(transform) }
        let slots = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
        slots.initialize(repeating: nil)
        defer { slots.deinitialize(); slots.deallocate() }
        let writer = SlotWriter(slots: slots)
        let base = startIndex
        DispatchQueue.concurrentPerform(iterations: count) { offset in
            writer.write(transform(self[base + offset]), at: offset)
        }
        return slots.map { $0! }
    }
}

/// `(0..<count).map(element)` on all cores, in contiguous pieces written straight into the result:
/// no per-piece arrays to join, which for large elements (a list's entries) is a second copy.
public func parallelArray<T: Sendable>(count: Int, minimumPiece: Int = 1024, _ element: @Sendable (Int) -> T) -> [T] {
    let pieces = workRanges(count: count, minimumSize: minimumPiece)
    guard pieces.count > 1 else { return (0..<count).map(element) }
    return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
        let writer = ElementWriter(base: buffer.baseAddress!)
        DispatchQueue.concurrentPerform(iterations: pieces.count) { piece in
            for index in pieces[piece] { writer.write(element(index), at: index) }
        }
        initialized = count
    }
}

/// Lets each worker initialise its own elements of a buffer that outlives the workers.
private struct ElementWriter<T>: @unchecked Sendable {
    let base: UnsafeMutablePointer<T>
    func write(_ value: T, at index: Int) { (base + index).initialize(to: value) }
}

/// Lets each worker write its own slot of a buffer that outlives the workers.
private struct SlotWriter<T>: @unchecked Sendable {
    let slots: UnsafeMutableBufferPointer<T?>
    func write(_ value: T, at index: Int) { slots[index] = value }
}

/// Splits `0..<count` into about `ProcessInfo.activeProcessorCount * 4` contiguous ranges, so that
/// a parallel map over them balances well.
public func workRanges(count: Int, minimumSize: Int = 2048) -> [Range<Int>] {
    let pieces = Swift.max(1, Swift.min(count / Swift.max(minimumSize, 1), 16))
    return (0..<pieces).map { k in (count * k / pieces)..<(count * (k + 1) / pieces) }
}

/// Runs `worker` on each core at once (on at most `limit` of them), and returns when all are
/// done: for work that its workers share out themselves, taking indices from a `WorkCounter`.
public func onAllCores(atMost limit: Int, _ worker: @Sendable () -> Void) {
    DispatchQueue.concurrentPerform(iterations: Swift.max(1, Swift.min(limit, ProcessInfo.processInfo.activeProcessorCount))) { _ in worker() }
}

/// Hands out the numbers `0..<count` to whichever core asks next, each once.
public final class WorkCounter: Sendable {
    private let next = Atomic<Int>(0)
    private let count: Int

    public init(count: Int) { self.count = count }

    public func take() -> Int? {
        let taken = next.wrappingAdd(1, ordering: .relaxed).oldValue
        return taken < count ? taken : nil
    }
}

/// Results written by the cores that make them, each once; read after all are done.
public final class ResultSlots<T: Sendable>: Sendable {
    private let slots: Mutex<[T?]>

    public init(count: Int) { slots = Mutex(Array(repeating: nil, count: count)) }
    public func set(_ index: Int, _ value: T) { slots.withLock { $0[index] = value } }
    public func get(_ index: Int) -> T? { slots.withLock { $0[index] } }
}

/// Work started on another core now, whose result this thread takes when it needs it (and
/// waits for, if it is not done): to overlap two pieces of work that do not depend on each other.
public final class BackgroundWork<T: Sendable>: Sendable {
    private let result = ResultSlots<T>(count: 1)
    private let group = DispatchGroup()

    public init(_ work: @escaping @Sendable () -> T) {
        let result = result
        DispatchQueue.global().async(group: group) { result.set(0, work()) }
    }

    /// The result, once the work is done.
    public var value: T {
        group.wait()
        return result.get(0)!
    }
}
