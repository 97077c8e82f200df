import Glibc

/// The GC heap: one reserved range of address space cut into 64 KiB pages.
///
/// A small object (up to 32 KiB) lives in a cell of a page that holds cells of one size
/// class; a large object owns a run of whole pages. Reserving one range up front makes
/// "is this word a heap pointer?" a range check, which the conservative stack scan asks
/// of every word. Objects never move, so machine code may keep raw pointers between
/// safepoints. Allocation pops a per-class free list; the collector (Collector.swift)
/// rebuilds the lists when it sweeps.
public enum Heap {
    static let pageShift = 16
    static let pageSize = 1 << pageShift
    static let reservedBytes = 1 << 36
    static let largestSmallCell = 32 * 1024
    static let headerSize = MemoryLayout<ObjectHeader>.size

    /// Allocates a zeroed object of `size` bytes (header included) and fills its header.
    /// May collect first: values held across this call must be reachable from a root,
    /// which a Swift local on the native stack is.
    @inline(__always)
    public static func allocate(_ kind: ObjectKind, type: Value, size: Int) -> UnsafeMutableRawPointer {
        let cell: UnsafeMutableRawPointer
        if _fastPath(size <= largestSmallCell) {
            let sizeClass = Int(space.classOfGranules[(size &+ 7) >> 3])
            if _slowPath(space.pressure >= space.threshold || space.freeLists[sizeClass] == nil) {
                cell = allocateSlow(sizeClass: sizeClass)
            } else {
                cell = space.freeLists[sizeClass].unsafelyUnwrapped
                space.freeLists[sizeClass] = cell.load(fromByteOffset: 8, as: UnsafeMutableRawPointer?.self)
            }
            // Zero only what the object uses: with `size` known where this is inlined, the
            // compiler emits a few stores instead of a call. Nothing reads past `size`.
            memset(cell, 0, size)
            let cellSize = Int(space.cellSizes[sizeClass])
            space.pressure &+= cellSize
            space.allocatedBytes &+= cellSize
        } else {
            cell = allocateLarge(size: size)
        }
        let header = cell.assumingMemoryBound(to: ObjectHeader.self)
        header.pointee.type = type
        header.pointee.kind = kind
        return cell
    }

    /// Collects when the pressure says so, then refills the class's free list from a page.
    @inline(never)
    static func allocateSlow(sizeClass: Int) -> UnsafeMutableRawPointer {
        if space.pressure >= space.threshold && Collector.shouldCollect() { Collector.collect() }
        if space.freeLists[sizeClass] == nil { carvePage(forClass: sizeClass) }
        let cell = space.freeLists[sizeClass].unsafelyUnwrapped
        space.freeLists[sizeClass] = cell.load(fromByteOffset: 8, as: UnsafeMutableRawPointer?.self)
        return cell
    }

    @inline(never)
    static func allocateLarge(size: Int) -> UnsafeMutableRawPointer {
        if space.pressure >= space.threshold && Collector.shouldCollect() { Collector.collect() }
        let pageCount = (size + pageSize - 1) >> pageShift
        let first = takePages(pageCount)
        space.pages[first] = PageInfo(state: .largeHead, sizeClass: 0, cellSize: UInt32(pageCount << pageShift), runLength: UInt32(pageCount))
        for i in 1..<pageCount {
            space.pages[first + i] = PageInfo(state: .largeTail, sizeClass: 0, cellSize: 0, runLength: UInt32(i))
        }
        let cell = pageAddress(first)
        memset(cell, 0, size)
        space.pressure &+= pageCount << pageShift
        space.allocatedBytes &+= pageCount << pageShift
        return cell
    }

    /// Threads every cell of a fresh page onto the class's free list.
    static func carvePage(forClass sizeClass: Int) {
        let index = takePages(1)
        let cellSize = Int(space.cellSizes[sizeClass])
        space.pages[index] = PageInfo(state: .small, sizeClass: UInt8(sizeClass), cellSize: UInt32(cellSize), runLength: 1)
        let page = pageAddress(index)
        var head = space.freeLists[sizeClass]
        var offset = (pageSize / cellSize - 1) * cellSize
        while offset >= 0 {
            let cell = page + offset
            cell.storeBytes(of: 0, as: UInt64.self)
            cell.storeBytes(of: head, toByteOffset: 8, as: UnsafeMutableRawPointer?.self)
            head = cell
            offset -= cellSize
        }
        space.freeLists[sizeClass] = head
    }

    /// Finds `count` consecutive unused pages, first fit, growing the used part of the
    /// reservation when none are free.
    static func takePages(_ count: Int) -> Int {
        var start = space.lowestUnusedPage
        var run = 0
        var index = start
        while index < space.pageHighWater && run < count {
            if space.pages[index].state.isFree {
                if run == 0 { start = index }
                run += 1
            } else {
                run = 0
            }
            index += 1
        }
        if run < count {
            if run == 0 { start = space.pageHighWater }
            let end = start + count
            guard end <= reservedBytes >> pageShift else { outOfMemory() }
            let newHighWater = max(space.pageHighWater, end)
            commit(from: space.pageHighWater, to: newHighWater)
            space.pageHighWater = newHighWater
        }
        for i in start..<(start + count) where space.pages[i].state == .released {
            space.releasedPages -= 1
        }
        if start == space.lowestUnusedPage { space.lowestUnusedPage = start + count }
        space.usedPages += count
        return start
    }

    /// Makes pages readable and writable. The reservation is PROT_NONE so that the kernel
    /// does not count untouched address space against the machine's memory.
    static func commit(from first: Int, to end: Int) {
        guard end > first else { return }
        let result = mprotect(pageAddress(first), (end - first) << pageShift, PROT_READ | PROT_WRITE)
        if result != 0 { outOfMemory() }
    }

    static func outOfMemory() -> Never {
        fputs("fatal: the GC heap's address space is exhausted\n", Glibc.stderr)
        abort()
    }

    @inline(__always)
    static func pageAddress(_ index: Int) -> UnsafeMutableRawPointer {
        space.base + (index << pageShift)
    }

    /// Whether `address` lies in the used part of the heap.
    @inline(__always)
    static func contains(_ address: UInt) -> Bool {
        address &- space.baseAddress < UInt(space.pageHighWater << pageShift)
    }
}

/// What the heap knows about one page.
struct PageInfo {
    enum State: UInt8 {
        /// Never handed out (zero-filled): the state of memory `mmap` gives.
        case unused = 0
        case small
        case largeHead
        /// A page of a large object after the first; `runLength` is the distance back to it.
        case largeTail
        /// Unused, and its memory returned to the kernel.
        case released
    }
    var state: State
    var sizeClass: UInt8
    var cellSize: UInt32
    var runLength: UInt32
    var liveCells: UInt32 = 0
}

extension PageInfo.State {
    var isFree: Bool { self == .unused || self == .released }
}

/// The heap's state. One VM per process, used from one thread.
///
/// Every field has a constant default so that the global below is laid out statically:
/// a global with a computed initial value would be initialised lazily, and every access on
/// the allocation path would pay for the check. `Heap.initialize()` fills the tables.
struct HeapSpace {
    var reservation: UnsafeMutableRawPointer? = nil
    var baseAddress: UInt = 0
    var pageTable: UnsafeMutablePointer<PageInfo>? = nil
    var pageHighWater = 0
    var lowestUnusedPage = 0
    var usedPages = 0
    var releasedPages = 0
    var freeListTable: UnsafeMutablePointer<UnsafeMutableRawPointer?>? = nil
    var cellSizeTable: UnsafeMutablePointer<UInt32>? = nil
    var classOfGranuleTable: UnsafeMutablePointer<UInt8>? = nil
    var classCount = 0
    /// Bytes allocated since the last collection, GMP's limbs included; a collection starts
    /// when it reaches `threshold`.
    var pressure = 0
    var threshold = 8 << 20
    var allocatedBytes = 0

    var base: UnsafeMutableRawPointer { reservation.unsafelyUnwrapped }
    var pages: UnsafeMutablePointer<PageInfo> { pageTable.unsafelyUnwrapped }
    var freeLists: UnsafeMutablePointer<UnsafeMutableRawPointer?> { freeListTable.unsafelyUnwrapped }
    var cellSizes: UnsafeMutablePointer<UInt32> { cellSizeTable.unsafelyUnwrapped }
    var classOfGranules: UnsafeMutablePointer<UInt8> { classOfGranuleTable.unsafelyUnwrapped }

    /// Cell sizes: every 8 bytes up to 128, then eight classes per doubling, each a multiple
    /// of 8, so no cell wastes more than about an eighth of itself.
    static func sizeClasses() -> [Int] {
        var sizes = Array(stride(from: 16, through: 128, by: 8))
        var step = 16
        while sizes.last! < Heap.largestSmallCell {
            for _ in 0..<8 { sizes.append(sizes.last! + step) }
            step *= 2
        }
        return sizes
    }
}

nonisolated(unsafe) var space = HeapSpace()

extension Heap {
    /// Reserves the address space and builds the size-class tables. Called once, by
    /// `Runtime.initialize()`, before anything is allocated.
    static func initialize() {
        guard space.reservation == nil else { return }
        space.reservation = mapOrDie(reservedBytes, protection: PROT_NONE)
        space.baseAddress = UInt(bitPattern: space.reservation)
        let pageCount = reservedBytes >> pageShift
        space.pageTable = mapOrDie(pageCount * MemoryLayout<PageInfo>.stride, protection: PROT_READ | PROT_WRITE)
            .bindMemory(to: PageInfo.self, capacity: pageCount)
        let sizes = HeapSpace.sizeClasses()
        space.classCount = sizes.count
        space.cellSizeTable = .allocate(capacity: sizes.count)
        space.cellSizeTable!.initialize(from: sizes.map(UInt32.init), count: sizes.count)
        space.freeListTable = .allocate(capacity: sizes.count)
        space.freeListTable!.initialize(repeating: nil, count: sizes.count)
        let granules = largestSmallCell / 8 + 1
        space.classOfGranuleTable = .allocate(capacity: granules)
        var sizeClass = 0
        for granule in 0..<granules {
            while sizes[sizeClass] < max(granule * 8, headerSize) { sizeClass += 1 }
            space.classOfGranuleTable![granule] = UInt8(sizeClass)
        }
    }

    /// Anonymous private memory, never backed until touched.
    static func mapOrDie(_ bytes: Int, protection: Int32) -> UnsafeMutableRawPointer {
        let mapped = mmap(nil, bytes, protection, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0)
        guard let mapped, mapped != UnsafeMutableRawPointer(bitPattern: -1) else { outOfMemory() }
        return mapped
    }
}
