import CGMP
import CSupport
import Glibc

/// A non-moving mark-sweep collector.
///
/// Roots: the permanent objects (builtin types, None, True, False, interned strings), the
/// root scanners that upper layers register (the VM value stack, globals, constant pools),
/// and the native stack and callee-saved registers, scanned conservatively so that Swift
/// code may keep values in locals. Heap objects are traced precisely by kind
/// (`Tracing.swift`). Marking uses an explicit stack, so deep structures cannot overflow
/// the native one. The sweep frees dead cells, runs finalizers (big ints free their limbs),
/// gives wholly empty pages back to the page pool and, one collection later if they are
/// still unused, their memory back to the kernel.
public enum Collector {
    /// Runs a full collection now. Words on the native stack that point into `unpinned` do
    /// not keep it: for an object the caller is about to test for reachability, whose value
    /// may linger in a register or a dead stack slot of the caller's own frames.
    public static func collect(unpinning unpinned: Value = Value.null) {
        let start = monotonicNanoseconds()
        if gc.stackTop == 0 { gc.stackTop = native_stack_top() }
        gc.unpinned = unpinned.isObject && !unpinned.isNull ? UInt(unpinned.bits &- 1) : 0
        defer { gc.unpinned = 0 }
        markRoots()
        drainMarkStack()
        for scanner in gc.weakScanners { scanner() }
        let live = sweep()
        let pause = monotonicNanoseconds() - start
        gc.collections += 1
        gc.totalPauseNanoseconds += pause
        gc.maxPauseNanoseconds = max(gc.maxPauseNanoseconds, pause)
        gc.liveBytesAfterLastCollection = live
        gc.peakLiveBytes = max(gc.peakLiveBytes, live)
        space.pressure = 0
        space.threshold = gc.stress ? 0 : max(gc.minimumThreshold, live)
    }

    /// Collect at every allocation: the switch that flushes out values held where the
    /// collector cannot see them.
    public static var stress: Bool {
        get { gc.stress }
        set {
            gc.stress = newValue
            space.threshold = newValue ? 0 : gc.minimumThreshold
        }
    }

    /// Under the stress switch, collect at every `stressPeriod`-th allocation instead of every
    /// one (1, the default, is every allocation). Loops run their allocation sites over and
    /// over, so a period that is prime to the loop lengths still reaches every site, at a
    /// fraction of the cost; the corpus check uses that to finish in CI time.
    public static var stressPeriod: Int {
        get { gc.stressPeriod }
        set {
            gc.stressPeriod = max(1, newValue)
            gc.stressCountdown = gc.stressPeriod
        }
    }

    /// Whether an allocation that found the pressure over the threshold should collect now.
    @inline(__always)
    static func shouldCollect() -> Bool {
        guard gc.stress && gc.stressPeriod > 1 else { return true }
        gc.stressCountdown -= 1
        if gc.stressCountdown > 0 { return false }
        gc.stressCountdown = gc.stressPeriod
        return true
    }

    /// Keeps `value` alive for the rest of the process.
    public static func addPermanentRoot(_ value: Value) {
        gc.permanentRoots.append(value)
    }

    /// Registers a function that marks a root set of an upper layer (the VM stack, module
    /// globals) at every collection by calling `Collector.mark` on each value.
    public static func addRootScanner(_ scanner: @escaping () -> Void) {
        gc.rootScanners.append(scanner)
    }

    /// Registers a function that the collector calls between marking and sweeping, for an
    /// upper layer that holds objects weakly: it asks `isMarked` which of them survive and may
    /// `keepAlive` some that would not (PEP 442's resurrection: the interpreter rescues
    /// abandoned generators so as to close them where Python code can run).
    public static func addWeakScanner(_ scanner: @escaping () -> Void) {
        gc.weakScanners.append(scanner)
    }

    /// During a weak scan: whether the marking reached `value` (values that are not heap
    /// objects always survive).
    public static func isMarked(_ value: Value) -> Bool {
        guard value.isObject, Heap.contains(UInt(value.bits &- 1)) else { return true }
        return value.header.pointee.gcMark != 0
    }

    /// During a weak scan: keeps `value` and everything it reaches through this collection.
    public static func keepAlive(_ value: Value) {
        mark(value)
        drainMarkStack()
    }

    /// Runs `body` with `values` kept alive. For values that sit where the collector cannot
    /// see them, such as in a Swift array, whose buffer is not on the native stack.
    public static func withProtected<R>(_ values: [Value], _ body: () throws(PythonError) -> R) throws(PythonError) -> R {
        let depth = gc.protected.count
        for value in values { gc.protected.append(value) }
        defer { gc.protected.count = depth }
        return try body()
    }

    /// Marks a value found by a precise root scanner or tracer.
    @inline(__always)
    public static func mark(_ value: Value) {
        guard value.isObject else { return }
        markObject(at: UInt(value.bits &- 1))
    }

    /// Marks a range of values, such as a frame's slots.
    public static func mark(_ values: UnsafePointer<Value>, count: Int) {
        for i in 0..<count { mark(values[i]) }
    }

    @inline(__always)
    static func markObject(at address: UInt) {
        guard Heap.contains(address) else { return }
        let header = UnsafeMutablePointer<ObjectHeader>(bitPattern: address).unsafelyUnwrapped
        if header.pointee.gcMark != 0 { return }
        header.pointee.gcMark = 1
        gc.markStack.append(Value(bits: UInt64(address) | 1))
    }

    static func markRoots() {
        for i in 0..<gc.permanentRoots.count { mark(gc.permanentRoots[i]) }
        for i in 0..<gc.protected.count { mark(gc.protected[i]) }
        for scanner in gc.rootScanners { scanner() }
        native_stack_scan(gc.stackTop, nil) { _, low, high in
            var word = low.unsafelyUnwrapped
            while word < high.unsafelyUnwrapped {
                Collector.markConservatively(word.pointee, unless: gc.unpinned)
                word += 1
            }
        }
    }

    /// Marks every object that a word in `low..<high` points into: for memory of upper layers
    /// whose stale words may be dead values (the VM stack above the live temporaries).
    public static func markConservatively(from low: UnsafeRawPointer, to high: UnsafeRawPointer) {
        var word = low.assumingMemoryBound(to: UInt.self)
        let end = high.assumingMemoryBound(to: UInt.self)
        while word < end {
            markConservatively(word.pointee)
            word += 1
        }
    }

    /// Marks the object that `word` points into, if it points into a live heap object other
    /// than the one at `excluded`.
    static func markConservatively(_ word: UInt, unless excluded: UInt = 0) {
        guard Heap.contains(word) else { return }
        let pageIndex = Int((word &- space.baseAddress) >> UInt(Heap.pageShift))
        var info = space.pages[pageIndex]
        var start: UInt
        switch info.state {
        case .small:
            let pageStart = space.baseAddress + UInt(pageIndex << Heap.pageShift)
            let cellSize = UInt(info.cellSize)
            start = pageStart + (word - pageStart) / cellSize * cellSize
            if start + cellSize > pageStart + UInt(Heap.pageSize) { return }
        case .largeTail:
            let head = pageIndex - Int(info.runLength)
            info = space.pages[head]
            start = space.baseAddress + UInt(head << Heap.pageShift)
        case .largeHead:
            start = space.baseAddress + UInt(pageIndex << Heap.pageShift)
        case .unused, .released:
            return
        }
        let header = UnsafeMutablePointer<ObjectHeader>(bitPattern: start).unsafelyUnwrapped
        if header.pointee.isFree || start == excluded { return }
        markObject(at: start)
    }

    static func drainMarkStack() {
        while let object = gc.markStack.popLast() {
            Tracing.trace(object)
        }
    }

    /// Frees every unmarked object and clears the marks; returns the bytes that survive.
    static func sweep() -> Int {
        for c in 0..<space.classCount { space.freeLists[c] = nil }
        var liveBytes = 0
        var page = 0
        var releaseStart = -1
        while page < space.pageHighWater {
            let info = space.pages[page]
            var next = page + 1
            switch info.state {
            case .small:
                let live = sweepSmallPage(page, info)
                liveBytes += live * Int(info.cellSize)
            case .largeHead:
                let object = Heap.pageAddress(page).assumingMemoryBound(to: ObjectHeader.self)
                if object.pointee.gcMark != 0 {
                    object.pointee.gcMark = 0
                    liveBytes += Int(info.cellSize)
                } else {
                    finalize(object)
                    for i in page..<(page + Int(info.runLength)) { freePage(i) }
                }
                next = page + Int(info.runLength)
            case .unused:
                // Unused for a whole cycle: give its memory back to the kernel.
                if releaseStart < 0 { releaseStart = page }
                space.pages[page].state = .released
                space.releasedPages += 1
                if space.pages[next].state != .unused || next == space.pageHighWater {
                    releaseMemory(from: releaseStart, to: next)
                    releaseStart = -1
                }
                page = next
                continue
            case .largeTail, .released:
                break
            }
            if releaseStart >= 0 {
                releaseMemory(from: releaseStart, to: page)
                releaseStart = -1
            }
            page = next
        }
        return liveBytes
    }

    /// Sweeps the cells of one small page onto its class's free list, or frees the page when
    /// nothing in it survives. Returns the number of live cells.
    static func sweepSmallPage(_ page: Int, _ info: PageInfo) -> Int {
        let start = Heap.pageAddress(page)
        let cellSize = Int(info.cellSize)
        let cellCount = Heap.pageSize / cellSize
        var live = 0
        var freeHead = space.freeLists[Int(info.sizeClass)]
        let oldHead = freeHead
        for i in stride(from: cellCount - 1, through: 0, by: -1) {
            let cell = start + i * cellSize
            let header = cell.assumingMemoryBound(to: ObjectHeader.self)
            if !header.pointee.isFree {
                if header.pointee.gcMark != 0 {
                    header.pointee.gcMark = 0
                    live += 1
                    continue
                }
                finalize(header)
                cell.storeBytes(of: 0, as: UInt64.self)
                cell.storeBytes(of: 0, toByteOffset: 8, as: UInt64.self)
            }
            cell.storeBytes(of: freeHead, toByteOffset: 8, as: UnsafeMutableRawPointer?.self)
            freeHead = cell
        }
        if live == 0 {
            freePage(page)
            space.freeLists[Int(info.sizeClass)] = oldHead
        } else {
            space.freeLists[Int(info.sizeClass)] = freeHead
        }
        space.pages[page].liveCells = UInt32(live)
        return live
    }

    static func freePage(_ page: Int) {
        space.pages[page] = PageInfo(state: .unused, sizeClass: 0, cellSize: 0, runLength: 0)
        space.usedPages -= 1
        space.lowestUnusedPage = min(space.lowestUnusedPage, page)
    }

    static func releaseMemory(from first: Int, to end: Int) {
        madvise(Heap.pageAddress(first), (end - first) << Heap.pageShift, MADV_DONTNEED)
    }

    @inline(__always)
    static func finalize(_ header: UnsafeMutablePointer<ObjectHeader>) {
        if header.pointee.flags.contains(.needsFinalizer) {
            Tracing.finalize(header)
        }
    }
}

/// The collector's state; constant defaults keep the global statically laid out.
struct CollectorState {
    var stackTop: UInt = 0
    var stress = false
    var stressPeriod = 1
    var stressCountdown = 1
    var minimumThreshold = 8 << 20
    var collections = 0
    var totalPauseNanoseconds = 0
    var maxPauseNanoseconds = 0
    var liveBytesAfterLastCollection = 0
    var peakLiveBytes = 0
    var permanentRoots = ValueStack()
    var markStack = ValueStack()
    var protected = ValueStack()
    var rootScanners: [() -> Void] = []
    var weakScanners: [() -> Void] = []
    var unpinned: UInt = 0
}

nonisolated(unsafe) var gc = CollectorState()

/// A growable stack of values in malloc'd memory, invisible to the collector: for the
/// collector's own lists, whose contents it marks explicitly.
struct ValueStack {
    var items: UnsafeMutablePointer<Value>? = nil
    var count = 0
    var capacity = 0

    subscript(i: Int) -> Value { items.unsafelyUnwrapped[i] }

    mutating func append(_ value: Value) {
        if count == capacity {
            capacity = max(64, capacity * 2)
            items = realloc(items, capacity * 8)?.assumingMemoryBound(to: Value.self)
            if items == nil { Heap.outOfMemory() }
        }
        items.unsafelyUnwrapped[count] = value
        count += 1
    }

    mutating func popLast() -> Value? {
        guard count > 0 else { return nil }
        count -= 1
        return items.unsafelyUnwrapped[count]
    }
}

func monotonicNanoseconds() -> Int {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return ts.tv_sec * 1_000_000_000 + ts.tv_nsec
}
