/// Python tuple: a fixed count of values inline after the header.
public enum Tuple {
    public static func allocate(count: Int) -> Value {
        let raw = Heap.allocate(.tuple, type: BuiltinTypes.tuple, size: Offsets.tupleItems + count * 8)
        raw.assumingMemoryBound(to: TupleObject.self).pointee.count = count
        return Value(object: raw)
    }

    // Items passed as arguments sit in registers or on the native stack, where the
    // collector sees them while the tuple is allocated.
    public static func make() -> Value { allocate(count: 0) }

    public static func make(_ a: Value) -> Value {
        let tuple = allocate(count: 1)
        items(tuple)[0] = a
        return tuple
    }

    public static func make(_ a: Value, _ b: Value) -> Value {
        let tuple = allocate(count: 2)
        items(tuple)[0] = a
        items(tuple)[1] = b
        return tuple
    }

    public static func make(_ a: Value, _ b: Value, _ c: Value) -> Value {
        let tuple = allocate(count: 3)
        items(tuple)[0] = a
        items(tuple)[1] = b
        items(tuple)[2] = c
        return tuple
    }

    /// A tuple of the values in a Swift array, whose buffer the collector cannot see:
    /// they are protected while the tuple is allocated.
    public static func make(_ values: [Value]) -> Value {
        let tuple = try! Collector.withProtected(values) { allocate(count: values.count) }
        for (i, item) in values.enumerated() { items(tuple)[i] = item }
        return tuple
    }

    @inline(__always)
    public static func count(_ t: Value) -> Int { t.fields(TupleObject.self).pointee.count }

    @inline(__always)
    public static func items(_ t: Value) -> UnsafeMutablePointer<Value> {
        (t.address + Offsets.tupleItems).assumingMemoryBound(to: Value.self)
    }

    /// CPython's tuple hash (xxHash's mixing of the items' hashes).
    public static func hash(_ t: Value) throws(PythonError) -> Int {
        let prime1: UInt = 11400714785074694791, prime2: UInt = 14029467366897019727
        let prime5: UInt = 2870177450012600261
        var acc = prime5
        let n = count(t)
        for i in 0..<n {
            let lane = UInt(bitPattern: try Objects.hash(items(t)[i]))
            acc = acc &+ lane &* prime2
            acc = (acc << 31) | (acc >> 33)
            acc = acc &* prime1
        }
        acc = acc &+ (UInt(n) ^ (prime5 ^ 3527539))
        return acc == UInt.max ? 1546275796 : Int(bitPattern: acc)
    }
}

/// Arrays of values owned by another object.
public enum Storage {
    public static func allocateValues(capacity: Int) -> Value {
        let raw = Heap.allocate(.valueStorage, type: BuiltinTypes.object, size: Offsets.storageItems + capacity * 8)
        raw.assumingMemoryBound(to: StorageObject.self).pointee.capacity = capacity
        return Value(object: raw)
    }

    static func allocateBytes(_ count: Int) -> Value {
        let raw = Heap.allocate(.byteStorage, type: BuiltinTypes.object, size: Offsets.storageItems + count)
        raw.assumingMemoryBound(to: StorageObject.self).pointee.capacity = count
        return Value(object: raw)
    }

    @inline(__always)
    public static func capacity(_ s: Value) -> Int { s.fields(StorageObject.self).pointee.capacity }

    @inline(__always)
    public static func values(_ s: Value) -> UnsafeMutablePointer<Value> {
        (s.address + Offsets.storageItems).assumingMemoryBound(to: Value.self)
    }

    @inline(__always)
    static func bytes(_ s: Value) -> UnsafeMutableRawPointer { s.address + Offsets.storageItems }
}
