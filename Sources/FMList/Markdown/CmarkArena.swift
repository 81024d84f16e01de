import CCmarkGFM
import Foundation

/// The memory of cmark-gfm parses, taken from large chunks and given back all at once.
///
/// cmark-gfm makes a node and a buffer or two for every block and every inline, and frees them one
/// by one; fmadd reads the tree once and drops it. Bump allocation from chunks makes each
/// allocation a few instructions, keeps a parse's nodes next to each other (the tree is walked
/// several times), and turns freeing the tree into rewinding or unmapping a few chunks. A list is
/// parsed in pieces, and each thread's pieces reuse the same chunks: touching fresh memory (a page
/// fault and a page of zeros each time) costs more than parsing into it.
///
/// cmark-gfm's allocator hooks take no context, so the arena in use is the calling thread's.
enum CmarkArena {
    /// The allocator to give `cmark_parser_new_with_mem` inside `withArena`. Never written after
    /// it is made.
    nonisolated(unsafe) static let allocator: UnsafeMutablePointer<cmark_mem> = {
        let pointer = UnsafeMutablePointer<cmark_mem>.allocate(capacity: 1)
        pointer.initialize(to: cmark_mem(calloc: { count, size in CmarkArena.allocate(count &* size, zeroed: true) },
                                         realloc: { old, size in CmarkArena.reallocate(old, size) },
                                         free: { _ in }))
        return pointer
    }()

    /// Runs `body` with an arena for the cmark-gfm parses it makes on this thread, then frees all
    /// their memory. `body` calls `recycle` between parses: the next parse reuses the memory of
    /// the ones before, whose trees are gone.
    static func withArena<T>(_ body: (_ recycle: () -> Void) -> T) -> T {
        let state = UnsafeMutablePointer<State>.allocate(capacity: 1)
        state.initialize(to: State())
        // An arena inside another (a parse while parsing) is its own; the outer one comes back.
        let outer = pthread_getspecific(key)
        pthread_setspecific(key, state)
        defer {
            pthread_setspecific(key, outer)
            var chunk = state.pointee.first
            while let current = chunk {
                chunk = Chunk.following(current)
                munmap(Chunk.mapping(current), Chunk.mappingLength(current))
            }
            state.deallocate()
        }
        return body {
            guard let first = state.pointee.first else { return }
            state.pointee.enter(first)
            state.pointee.recycled = true
        }
    }

    /// `(0..<count).map(work)` on all cores, each index to whichever core is free. Each core runs
    /// its share in one arena, recycled after every index: nothing of `work`'s parses may outlive it.
    static func map<T: Sendable>(count: Int, _ work: @Sendable (Int) -> T) -> [T] {
        let taken = WorkCounter(count: count)
        let results = ResultSlots<T>(count: count)
        onAllCores(atMost: count) {
            withArena { recycle in
                while let index = taken.take() {
                    results.set(index, work(index))
                    recycle()
                }
            }
        }
        return (0..<count).map { results.get($0)! }
    }

    // MARK: Allocation

    private struct State {
        /// The oldest chunk; each chunk's header points to the next.
        var first: UnsafeMutableRawPointer?
        var current: UnsafeMutableRawPointer?
        var next: UnsafeMutableRawPointer?
        var remaining = 0
        /// The newest allocation, which can grow in place.
        var last: UnsafeMutableRawPointer?
        var chunkSize = CmarkArena.firstChunk / 2
        /// Whether memory is handed out a second time, and must be zeroed for `calloc`.
        var recycled = false

        mutating func enter(_ chunk: UnsafeMutableRawPointer) {
            current = chunk
            next = chunk + CmarkArena.chunkHeader
            remaining = Chunk.size(chunk) - CmarkArena.chunkHeader
            last = nil
        }
    }

    /// A chunk starts with the next chunk, its mapping, the mapping's length and its own size.
    private enum Chunk {
        static func following(_ chunk: UnsafeMutableRawPointer) -> UnsafeMutableRawPointer? { chunk.load(as: UnsafeMutableRawPointer?.self) }
        static func mapping(_ chunk: UnsafeMutableRawPointer) -> UnsafeMutableRawPointer { chunk.load(fromByteOffset: 8, as: UnsafeMutableRawPointer.self) }
        static func mappingLength(_ chunk: UnsafeMutableRawPointer) -> Int { chunk.load(fromByteOffset: 16, as: Int.self) }
        static func size(_ chunk: UnsafeMutableRawPointer) -> Int { chunk.load(fromByteOffset: 24, as: Int.self) }
    }

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()

    /// Chunks start small, for the many small lists, and double up to `largestChunk`.
    private static let firstChunk = 1 << 18
    private static let largestChunk = 1 << 23
    /// Chunks of this size or more are asked to be backed by huge pages: fewer faults.
    private static let hugePage = 1 << 21
    /// cmark-gfm's structures hold pointers and integers, nothing wider.
    private static let alignment = 8
    private static let chunkHeader = 32
    /// Each allocation starts with its size, so that `reallocate` knows what to copy.
    private static let header = 8

    private static var state: UnsafeMutablePointer<State> {
        guard let raw = pthread_getspecific(key) else {
            fatalError("cmark-gfm allocated outside CmarkArena.withArena")
        }
        return raw.assumingMemoryBound(to: State.self)
    }

    private static func rounded(_ size: Int) -> Int { (size + alignment - 1) & ~(alignment - 1) }

    private static func allocate(_ size: Int, zeroed: Bool) -> UnsafeMutableRawPointer? {
        let state = state
        let needed = header + rounded(max(size, 1))
        if needed > state.pointee.remaining { advance(holding: needed, state) }
        let block = state.pointee.next!
        state.pointee.next = block + needed
        state.pointee.remaining -= needed
        block.storeBytes(of: size, as: Int.self)
        let memory = block + header
        state.pointee.last = memory
        // Fresh chunks are zeroed by the kernel; recycled ones hold the last parse's bytes.
        if zeroed && state.pointee.recycled { memset(memory, 0, size) }
        return memory
    }

    private static func reallocate(_ old: UnsafeMutableRawPointer?, _ size: Int) -> UnsafeMutableRawPointer? {
        guard let old else { return allocate(size, zeroed: false) }
        let state = state
        let oldSize = (old - header).load(as: Int.self)
        if size <= oldSize { return old }
        // The newest allocation grows where it is when its chunk has room.
        let growth = rounded(size) - rounded(max(oldSize, 1))
        if old == state.pointee.last, growth <= state.pointee.remaining {
            state.pointee.next! += growth
            state.pointee.remaining -= growth
            (old - header).storeBytes(of: size, as: Int.self)
            return old
        }
        guard let new = allocate(size, zeroed: false) else { return nil }
        new.copyMemory(from: old, byteCount: oldSize)
        return new
    }

    /// Moves on to the next chunk, reused when it is large enough, else a new one put after the
    /// current.
    private static func advance(holding needed: Int, _ state: UnsafeMutablePointer<State>) {
        let following = state.pointee.current.flatMap(Chunk.following)
        if let following, Chunk.size(following) - chunkHeader >= needed {
            state.pointee.enter(following)
            return
        }
        state.pointee.chunkSize = min(largestChunk, state.pointee.chunkSize * 2)
        let size = max(state.pointee.chunkSize, rounded(needed + chunkHeader))
        // Anonymous mappings are zeroed; a huge page must start on a 2 MB boundary.
        let huge = size >= hugePage
        let length = huge ? size + hugePage : size
        guard let mapping = mmap(nil, length, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
              mapping != MAP_FAILED else { fatalError("out of memory parsing Markdown") }
        var chunk = mapping
        if huge {
            chunk = UnsafeMutableRawPointer(bitPattern: (Int(bitPattern: mapping) + hugePage - 1) & ~(hugePage - 1))!
            madvise(chunk, size, MADV_HUGEPAGE)
        }
        chunk.storeBytes(of: following, as: UnsafeMutableRawPointer?.self)
        chunk.storeBytes(of: mapping, toByteOffset: 8, as: UnsafeMutableRawPointer.self)
        chunk.storeBytes(of: length, toByteOffset: 16, as: Int.self)
        chunk.storeBytes(of: size, toByteOffset: 24, as: Int.self)
        if let current = state.pointee.current {
            current.storeBytes(of: chunk, as: UnsafeMutableRawPointer?.self)
        } else {
            state.pointee.first = chunk
        }
        state.pointee.enter(chunk)
    }
}
