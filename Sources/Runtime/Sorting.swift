/// `list.sort`: CPython's timsort, written to make the same comparisons in the same order,
/// so that results are identical and stable, a comparison that raises is the one CPython's
/// raises first, and the list is left in the same partial order after it raises.
///
/// The list looks empty while it sorts, as in CPython: a comparison (user code, later) that
/// changes it is found afterwards and reported as "list modified during sort".
public enum Sorting {
    public typealias LessThan = (Value, Value) throws(PythonError) -> Bool

    /// `list.sort(reverse=reverse)` with Python's `<` on the builtin types.
    public static func sort(list: Value, reverse: Bool = false) throws(PythonError) {
        try sort(list: list, lessThan: { a, b throws(PythonError) in try Objects.compare(a, b, .less) }, reverse: reverse)
    }

    public static func sort(list: Value, lessThan: LessThan, reverse: Bool) throws(PythonError) {
        try sort(list: list, keys: nil, lessThan: lessThan, reverse: reverse)
    }

    /// `list.sort(key=..., reverse=...)` once the caller has computed the keys into `keys`,
    /// a list of the same length: items are ordered by their keys, which are permuted along.
    public static func sort(list: Value, keys: Value, lessThan: LessThan, reverse: Bool) throws(PythonError) {
        precondition(List.count(keys) == List.count(list), "one key per item")
        try sort(list: list, keys: Optional(keys), lessThan: lessThan, reverse: reverse)
    }

    static func sort(list: Value, keys: Value?, lessThan: LessThan, reverse: Bool) throws(PythonError) {
        let fields = list.fields(ListObject.self)
        let count = fields.pointee.count, storage = fields.pointee.storage
        guard count > 1 else { return }
        let sortKeys = keys.map { List.items($0) } ?? Storage.values(storage)
        let sortValues = keys == nil ? nil : Storage.values(storage)
        let items = SortSlice(keys: sortKeys, values: sortValues)
        // Merges move at most half the items aside; short lists are sorted without merging,
        // and then `temporary` is never touched.
        let needsTemporary = count >= Timsort.largestMinimumRun
        let temporaryKeys = needsTemporary ? Storage.allocateValues(capacity: (count + 1) / 2) : Value(smallInt: 0)
        let temporaryValues = needsTemporary && keys != nil ? Storage.allocateValues(capacity: (count + 1) / 2) : Value(smallInt: 0)
        let temporary = needsTemporary
            ? SortSlice(keys: Storage.values(temporaryKeys), values: keys == nil ? nil : Storage.values(temporaryValues))
            : items
        fields.pointee.count = 0
        fields.pointee.storage = Value(smallInt: 0)
        var failure: PythonError?
        do {
            try Collector.withProtected([storage, temporaryKeys, temporaryValues]) { () throws(PythonError) in
                if reverse { items.reverse(count) }
                try withoutActuallyEscaping(lessThan) { (lessThan) throws(PythonError) in
                    var timsort = Timsort(items: items, count: count, temporary: temporary, lessThan: lessThan)
                    try timsort.sort()
                }
            }
        } catch {
            failure = error
        }
        if reverse { items.reverse(count) }
        let modified = fields.pointee.count != 0 || !fields.pointee.storage.isSmallInt
        fields.pointee.count = count
        fields.pointee.storage = storage
        if let failure { throw failure }
        if modified { throw PythonError(.valueError, "list modified during sort") }
    }
}

/// Parallel runs of keys and of the values they order (none when the keys are the values),
/// moved together, as CPython's `sortslice`.
struct SortSlice {
    var keys: UnsafeMutablePointer<Value>
    var values: UnsafeMutablePointer<Value>?

    static func + (slice: SortSlice, offset: Int) -> SortSlice {
        SortSlice(keys: slice.keys + offset, values: slice.values.map { $0 + offset })
    }

    static func - (slice: SortSlice, offset: Int) -> SortSlice { slice + -offset }

    var key: Value { keys[0] }

    /// Copies `count` items from `source`; the two may overlap.
    func copy(_ count: Int, from source: SortSlice) {
        guard count > 0 else { return }
        let bytes = count * MemoryLayout<Value>.stride
        UnsafeMutableRawPointer(keys).copyMemory(from: source.keys, byteCount: bytes)
        if let values, let sourceValues = source.values { UnsafeMutableRawPointer(values).copyMemory(from: sourceValues, byteCount: bytes) }
    }

    func reverse(_ count: Int) {
        var keyBuffer = UnsafeMutableBufferPointer(start: keys, count: count)
        keyBuffer.reverse()
        if let values {
            var valueBuffer = UnsafeMutableBufferPointer(start: values, count: count)
            valueBuffer.reverse()
        }
    }
}

/// One sort's state: the pending runs and how eagerly merges gallop.
struct Timsort {
    static let largestMinimumRun = 64
    /// Galloping starts after this many wins in a row by one run; `minGallop` adapts it.
    static let initialMinimumGallop = 7

    let items: SortSlice
    let count: Int
    /// Room for half the items, where merges move the shorter run.
    let temporary: SortSlice
    let lessThan: Sorting.LessThan
    /// Runs found and not yet merged, left to right; `power` is the powersort depth of the
    /// boundary after the run, which decides when it merges.
    var runs: [(start: Int, length: Int, power: Int)] = []
    var minimumGallop = initialMinimumGallop

    init(items: SortSlice, count: Int, temporary: SortSlice, lessThan: @escaping Sorting.LessThan) {
        self.items = items
        self.count = count
        self.temporary = temporary
        self.lessThan = lessThan
    }

    mutating func sort() throws(PythonError) {
        let minimumRun = Self.minimumRunLength(count)
        var start = 0
        while start < count {
            var (length, descending) = try naturalRun(from: start)
            if descending { (items + start).reverse(length) }
            if length < minimumRun {
                let forced = min(count - start, minimumRun)
                try insertionSort(start, end: start + forced, sortedEnd: start + length)
                length = forced
            }
            try mergeBefore(newRunOf: length)
            runs.append((start, length, 0))
            start += length
        }
        while runs.count > 1 {
            var i = runs.count - 2
            if i > 0 && runs[i - 1].length < runs[i + 1].length { i -= 1 }
            try merge(at: i)
        }
    }

    /// The shortest run worth merging: n itself below 64, else between 32 and 64, chosen so
    /// that n divided by it is a power of two or a little less.
    static func minimumRunLength(_ n: Int) -> Int {
        var n = n, anyBitShiftedOut = 0
        while n >= largestMinimumRun {
            anyBitShiftedOut |= n & 1
            n >>= 1
        }
        return n + anyBitShiftedOut
    }

    /// The run starting at `start`: ascending (each item not less than the one before) or
    /// strictly descending, which the caller reverses; strictness keeps the sort stable.
    func naturalRun(from start: Int) throws(PythonError) -> (length: Int, descending: Bool) {
        let keys = items.keys
        var end = start + 1
        if end == count { return (1, false) }
        let descending = try lessThan(keys[end], keys[end - 1])
        end += 1
        while end < count, try lessThan(keys[end], keys[end - 1]) == descending { end += 1 }
        return (end - start, descending)
    }

    /// Binary insertion sort of `start..<end`, whose prefix up to `sortedEnd` is sorted.
    /// Each item goes after the equal ones already placed, which keeps it stable.
    func insertionSort(_ start: Int, end: Int, sortedEnd: Int) throws(PythonError) {
        let keys = items.keys
        for next in max(sortedEnd, start + 1)..<end {
            let pivot = keys[next]
            var low = start, high = next
            repeat {
                let middle = low + (high - low) >> 1
                if try lessThan(pivot, keys[middle]) { high = middle } else { low = middle + 1 }
            } while low < high
            let value = items.values?[next]
            (items + low + 1).copy(next - low, from: items + low)
            keys[low] = pivot
            if let value { items.values![low] = value }
        }
    }

    /// Powersort: the depth in a balanced merge tree of the boundary between the top run
    /// and a new run of `length` after it. Runs above deeper boundaries merge first.
    mutating func mergeBefore(newRunOf length: Int) throws(PythonError) {
        guard let top = runs.last else { return }
        let power = Self.boundaryPower(start: top.start, firstLength: top.length, secondLength: length, total: count)
        while runs.count > 1 && runs[runs.count - 2].power > power { try merge(at: runs.count - 2) }
        runs[runs.count - 1].power = power
    }

    /// The first bit at which the midpoints of two adjacent runs, as fractions of the whole
    /// list, differ, computed on twice the midpoints so that they stay integers.
    static func boundaryPower(start: Int, firstLength: Int, secondLength: Int, total: Int) -> Int {
        var a = 2 * start + firstLength
        var b = a + firstLength + secondLength
        var power = 0
        while true {
            power += 1
            if a >= total {
                a -= total
                b -= total
            } else if b >= total {
                return power
            }
            a <<= 1
            b <<= 1
        }
    }

    /// Merges runs `i` and `i + 1`, first trimming what is already in place at either end.
    mutating func merge(at i: Int) throws(PythonError) {
        var a = items + runs[i].start, lengthA = runs[i].length
        let b = items + runs[i + 1].start
        var lengthB = runs[i + 1].length
        runs[i].length = lengthA + lengthB
        runs.remove(at: i + 1)
        let inPlace = try gallopRight(b.key, a, lengthA, hint: 0)
        a = a + inPlace
        lengthA -= inPlace
        if lengthA == 0 { return }
        lengthB = try gallopLeft(a.keys[lengthA - 1], b, lengthB, hint: lengthB - 1)
        if lengthB == 0 { return }
        if lengthA <= lengthB {
            try mergeLow(a, lengthA, b, lengthB)
        } else {
            try mergeHigh(a, lengthA, b, lengthB)
        }
    }
}
