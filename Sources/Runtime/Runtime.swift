import CGMP

/// The runtime's entry points for the layers above.
public enum Runtime {
    nonisolated(unsafe) static var initialized = false

    /// Sets up the heap, GMP's allocator and the builtin types. Idempotent.
    public static func initialize() {
        guard !initialized else { return }
        initialized = true
        bigz_install_counting_allocator()
        Heap.initialize()
        BuiltinTypes.create()
        Shapes.createDictionaryShape()
    }
}

/// What the collector and the heap have done so far, for the harness and for tests.
public struct HeapStatistics {
    public var allocatedBytes: Int
    public var liveBytesAfterLastCollection: Int
    public var peakLiveBytes: Int
    public var collections: Int
    public var totalPauseNanoseconds: Int
    public var maxPauseNanoseconds: Int
    /// Pages in use, in bytes.
    public var heapBytes: Int
    /// Bytes GMP holds for big-int limbs.
    public var bigIntBytes: Int

    public static var current: HeapStatistics {
        HeapStatistics(
            allocatedBytes: space.allocatedBytes,
            liveBytesAfterLastCollection: gc.liveBytesAfterLastCollection,
            peakLiveBytes: gc.peakLiveBytes,
            collections: gc.collections,
            totalPauseNanoseconds: gc.totalPauseNanoseconds,
            maxPauseNanoseconds: gc.maxPauseNanoseconds,
            heapBytes: space.usedPages << Heap.pageShift,
            bigIntBytes: bigz_allocated_bytes)
    }
}
