import CCmarkGFM
import Glibc

/// The memory of one cmark-gfm parse, taken from large chunks and given back all at once.
///
/// cmark-gfm makes a node and a buffer or two for every block and every inline, and frees them one
/// by one; fmadd reads the tree once and drops it. Bump allocation from chunks makes each
/// allocation a few instructions, keeps a parse's nodes next to each other (the tree is walked
/// several times), and turns freeing the tree into freeing a few chunks.
///
/// cmark-gfm's allocator hooks take no context, so the arena in use is the calling thread's: each
/// parse runs on one thread, between `begin()` and `end()`.
enum CmarkArena {
    /// The allocator to give `cmark_parser_new_with_mem` on a thread inside `withArena`. Never
    /// written after it is made.
    nonisolated(unsafe) static let allocator: UnsafeMutablePointer<cmark_mem> = {
        let pointer = UnsafeMutablePointer<cmark_mem>.allocate(capacity: 1)
        pointer.initialize(to: cmark_mem(calloc: { count, size in CmarkArena.allocate(count &* size) },
                                         realloc: { old, size in CmarkArena.reallocate(old, size) },
                                         free: { _ in }))
        return pointer
    }()

    /// Runs `body` with an arena for the cmark-gfm parses it makes on this thread, then frees all
    /// their memory. Nothing of the parse may be used after `body` returns.
    static func withArena<T>(_ body: () -> T) -> T {
        let state = UnsafeMutablePointer<State>.allocate(capacity: 1)
        state.initialize(to: State())
        pthread_setspecific(key, state)
        defer {
            pthread_setspecific(key, nil)
            var chunk = state.pointee.chunk
            while let current = chunk {
                chunk = current.load(as: UnsafeMutableRawPointer?.self)
                let mapping = current.load(fromByteOffset: 8, as: UnsafeMutableRawPointer.self)
                let length = current.load(fromByteOffset: 16, as: Int.self)
                munmap(mapping, length)
            }
            state.deallocate()
        }
        return body()
    }

    // MARK: Allocation

    private struct State {
        /// The newest chunk; its first word points at the one before.
        var chunk: UnsafeMutableRawPointer?
        var next: UnsafeMutableRawPointer?
        var remaining = 0
        /// The newest allocation, which can grow in place.
        var last: UnsafeMutableRawPointer?
        var chunkSize = CmarkArena.firstChunk / 2
    }

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()

    /// Chunks start small, for the many small lists, and double up to `largestChunk`.
    private static let firstChunk = 1 << 18
    private static let largestChunk = 1 << 23
    /// Chunks of this size or more are asked to be backed by huge pages: a parse of a large list
    /// touches hundreds of megabytes, and faulting them in 4 KB at a time costs more than parsing.
    private static let hugePage = 1 << 21
    /// cmark-gfm's structures hold pointers and integers, nothing wider.
    private static let alignment = 8
    /// A chunk starts with the one before it, its mapping and the mapping's length.
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

    /// Zeroed memory: chunks are fresh anonymous mappings and no byte of them is handed out twice.
    private static func allocate(_ size: Int) -> UnsafeMutableRawPointer? {
        let state = state
        let needed = header + rounded(max(size, 1))
        if needed > state.pointee.remaining { addChunk(holding: needed, to: state) }
        let block = state.pointee.next!
        state.pointee.next = block + needed
        state.pointee.remaining -= needed
        block.storeBytes(of: size, as: Int.self)
        let memory = block + header
        state.pointee.last = memory
        return memory
    }

    private static func reallocate(_ old: UnsafeMutableRawPointer?, _ size: Int) -> UnsafeMutableRawPointer? {
        guard let old else { return allocate(size) }
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
        guard let new = allocate(size) else { return nil }
        new.copyMemory(from: old, byteCount: oldSize)
        return new
    }

    private static func addChunk(holding needed: Int, to state: UnsafeMutablePointer<State>) {
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
        chunk.storeBytes(of: state.pointee.chunk, as: UnsafeMutableRawPointer?.self)
        chunk.storeBytes(of: mapping, toByteOffset: 8, as: UnsafeMutableRawPointer.self)
        chunk.storeBytes(of: length, toByteOffset: 16, as: Int.self)
        state.pointee.chunk = chunk
        state.pointee.next = chunk + chunkHeader
        state.pointee.remaining = size - chunkHeader
        state.pointee.last = nil
    }
}
