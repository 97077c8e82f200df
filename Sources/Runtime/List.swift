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
