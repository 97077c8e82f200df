/// Python list: a count and a storage that grows geometrically. CPython grows by an eighth
/// because realloc often extends in place; our storage moves on every growth (and the
/// collector sees each old one as garbage), so large lists grow by half instead.
public enum List {
    public static func make(capacity: Int = 0) -> Value {
        let raw = Heap.allocate(.list, type: BuiltinTypes.list, size: MemoryLayout<ListObject>.size)
        let list = Value(object: raw)
        if capacity > 0 {
            let storage = Storage.allocateValues(capacity: capacity)
            list.fields(ListObject.self).pointee.storage = storage
        }
        return list
    }

    @inline(__always)
    public static func count(_ l: Value) -> Int { l.fields(ListObject.self).pointee.count }

    @inline(__always)
    public static func items(_ l: Value) -> UnsafeMutablePointer<Value> {
        Storage.values(l.fields(ListObject.self).pointee.storage)
    }

    public static func item(_ l: Value, at index: Int) -> Value { items(l)[index] }

    @inline(__always)
    public static func append(_ l: Value, _ item: Value) {
        let list = l.fields(ListObject.self)
        let n = list.pointee.count
        if _slowPath(list.pointee.storage.isSmallInt || n == Storage.capacity(list.pointee.storage)) {
            grow(l, toHold: n + 1)
        }
        Storage.values(list.pointee.storage)[n] = item
        list.pointee.count = n + 1
    }

    /// Removes and returns the last item; the list must not be empty.
    public static func removeLast(_ l: Value) -> Value {
        let list = l.fields(ListObject.self)
        let n = list.pointee.count - 1
        let slot = Storage.values(list.pointee.storage) + n
        let item = slot.pointee
        slot.pointee = Value(smallInt: 0)
        list.pointee.count = n
        return item
    }

    @inline(never)
    static func grow(_ l: Value, toHold needed: Int) {
        let capacity = needed < 1024 ? needed + (needed >> 3) + (needed < 9 ? 3 : 6) : needed + (needed >> 1)
        let storage = Storage.allocateValues(capacity: capacity)
        let list = l.fields(ListObject.self)
        if !list.pointee.storage.isSmallInt {
            Storage.values(storage).update(from: Storage.values(list.pointee.storage), count: list.pointee.count)
        }
        list.pointee.storage = storage
    }
}

/// The methods of list, with CPython's results and errors.
extension List {
    /// `l.insert(i, x)`: i is clamped to the list, negative counting from the end.
    public static func insert(_ l: Value, at index: Int, _ item: Value) {
        let n = count(l)
        var i = index < 0 ? max(0, index + n) : min(index, n)
        append(l, item)
        let items = self.items(l)
        while i < n {
            swap(&items[i], &items[n])
            i += 1
        }
    }

    /// `l.pop(i)`.
    public static func pop(_ l: Value, at index: Int = -1) throws(PythonError) -> Value {
        let n = count(l)
        if n == 0 { throw PythonError(.indexError, "pop from empty list") }
        let i = index < 0 ? index + n : index
        guard i >= 0 && i < n else { throw PythonError(.indexError, "pop index out of range") }
        let items = self.items(l)
        let item = items[i]
        for k in i..<(n - 1) { items[k] = items[k + 1] }
        _ = removeLast(l)
        return item
    }

    /// `l.index(x)`: the first position of an equal item.
    /// `l.index(x, start, stop)`: the bounds clamp like a slice's.
    public static func index(_ l: Value, of item: Value, start: Int = 0, stop: Int = Int.max) throws(PythonError) -> Int {
        func clamp(_ bound: Int) -> Int { bound < 0 ? max(0, bound + count(l)) : bound }
        var i = clamp(start)
        while i < min(count(l), clamp(stop)) {
            if try Objects.equal(items(l)[i], item) { return i }
            i += 1
        }
        throw PythonError(.valueError, "\(try Objects.repr(item)) is not in list")
    }

    /// `l.remove(x)`: removes the first equal item.
    public static func remove(_ l: Value, _ item: Value) throws(PythonError) {
        var i = 0
        while i < count(l) {
            if try Objects.equal(items(l)[i], item) {
                _ = try pop(l, at: i)
                return
            }
            i += 1
        }
        throw PythonError(.valueError, "list.remove(x): x not in list")
    }

    /// `l.count(x)`.
    public static func occurrences(_ l: Value, of item: Value) throws(PythonError) -> Int {
        var n = 0, i = 0
        while i < count(l) {
            if try Objects.equal(items(l)[i], item) { n += 1 }
            i += 1
        }
        return n
    }

    public static func reverse(_ l: Value) {
        let n = count(l)
        guard n > 1 else { return }
        let items = self.items(l)
        for i in 0..<(n / 2) { swap(&items[i], &items[n - 1 - i]) }
    }

    /// `l.extend(other)` for a list or tuple (`l.extend(l)` doubles it).
    public static func extend(_ l: Value, with other: Value) {
        let n = other.kind == .tuple ? Tuple.count(other) : count(other)
        for i in 0..<n {
            // Re-read the source each time: appending may have moved `l`'s storage, and
            // `other` may be `l` itself.
            let item = other.kind == .tuple ? Tuple.items(other)[i] : items(other)[i]
            append(l, item)
        }
    }

    /// `l.clear()`.
    public static func clear(_ l: Value) {
        let list = l.fields(ListObject.self)
        list.pointee.count = 0
        list.pointee.storage = Value(smallInt: 0)
    }
}
