import CGMP

/// Instances of classes defined in Python that derive from a builtin type: the builtin's
/// layout with the class as the type, so every runtime operation on them works unchanged.
/// Dict, list, set, int, float and str subclasses get one more value after their layout for
/// the instance's attribute dict (flag `attributeDict`), and so do subclasses of upper layers'
/// foreign objects whose layout registered its size (`collections.deque`); tuple subclasses
/// (such as named tuples) have none, as CPython's have none with `__slots__ = ()`.
///
/// An int subclass instance holds its value in a `bigz` whatever its size, so it breaks the
/// rule that a heap int is never small: `Ints.unbool`, which every int operation applies
/// first, turns it back into the plain int.
public enum Subclasses {
    public static func makeDict(type: Value) -> Value {
        let dict = Value(object: allocate(.dict, type, MemoryLayout<DictObject>.size))
        Dict.resize(dict, slots: Dict.minimumSlots)
        return dict
    }

    public static func makeList(type: Value) -> Value {
        Value(object: allocate(.list, type, MemoryLayout<ListObject>.size))
    }

    public static func makeSet(type: Value, frozen: Bool) -> Value {
        let set = Value(object: allocate(frozen ? .frozenset : .set, type, MemoryLayout<SetObject>.size))
        Sets.installTable(set, slots: Sets.minimumSlots)
        return set
    }

    /// A tuple of `items` whose type is `type`.
    public static func makeTuple(type: Value, items: UnsafePointer<Value>, count: Int) -> Value {
        let tuple = Tuple.allocate(count: count)
        Tuple.items(tuple).update(from: items, count: count)
        tuple.header.pointee.type = type
        return tuple
    }

    /// An instance of int subclass `type` with the value of the plain int `value`.
    public static func makeInt(type: Value, value: Value) -> Value {
        let raw = allocate(.int, type, MemoryLayout<BigIntObject>.size)
        let object = raw.assumingMemoryBound(to: BigIntObject.self)
        object.pointee.header.flags.insert(.needsFinalizer)
        bigz_init(&object.pointee.z)
        if value.isSmallInt {
            bigz_set_si(&object.pointee.z, value.smallInt)
        } else {
            bigz_set(&object.pointee.z, Ints.mpz(of: value))
        }
        return Value(object: raw)
    }

    /// The value of the builtin type that a subclass instance of int, float or str stands
    /// for; any other value as it is.
    public static func plain(_ v: Value) -> Value {
        guard v.isObject, v.header.pointee.flags.contains(.attributeDict) else { return v }
        switch v.kind {
        case .int: return plainInt(v)
        case .float: return Floats.make(Floats.value(v))
        case .str: return Str.make(codePoints: (0..<Str.count(v)).map { Str.codePoint(v, at: $0) })
        default: return v
        }
    }

    /// The plain int an int subclass instance stands for.
    static func plainInt(_ v: Value) -> Value {
        var z = bigz()
        bigz_init(&z)
        bigz_set(&z, Ints.mpz(of: v))
        return Ints.make(consuming: &z)
    }

    public static func makeFloat(type: Value, value: Double) -> Value {
        let raw = allocate(.float, type, MemoryLayout<FloatObject>.size)
        raw.assumingMemoryBound(to: FloatObject.self).pointee.value = value
        return Value(object: raw)
    }

    /// An instance of str subclass `type` with the text of the plain str `value`.
    public static func makeStr(type: Value, value: Value) -> Value {
        let count = Str.count(value), width = Str.width(value)
        let raw = allocate(.str, type, strSize(count: count, width: width))
        let str = raw.assumingMemoryBound(to: StrObject.self)
        str.pointee.header.aux = UInt32(width)
        str.pointee.count = count
        str.pointee.hash = -1
        (raw + Offsets.strData).copyMemory(from: value.address + Offsets.strData, byteCount: count * width)
        return Value(object: raw)
    }

    /// A str's size with its code units, rounded up to a whole value for the attribute slot.
    private static func strSize(count: Int, width: Int) -> Int {
        (Offsets.strData + count * width + 7) & ~7
    }

    private static func allocate(_ kind: ObjectKind, _ type: Value, _ size: Int) -> UnsafeMutableRawPointer {
        let raw = Heap.allocate(kind, type: type, size: size + MemoryLayout<Value>.size)
        raw.assumingMemoryBound(to: ObjectHeader.self).pointee.flags.insert(.attributeDict)
        (raw + size).assumingMemoryBound(to: Value.self).pointee = BuiltinTypes.none
        return raw
    }

    /// Where the attribute dict of an object with the `attributeDict` flag lives.
    static func attributeSlot(_ object: Value) -> UnsafeMutablePointer<Value> {
        let size: Int
        switch object.header.pointee.kind {
        case .dict: size = MemoryLayout<DictObject>.size
        case .list: size = MemoryLayout<ListObject>.size
        case .int: size = MemoryLayout<BigIntObject>.size
        case .float: size = MemoryLayout<FloatObject>.size
        case .str: size = strSize(count: Str.count(object), width: Str.width(object))
        case .foreign: size = ForeignKinds.size(object)
        default: size = MemoryLayout<SetObject>.size
        }
        return (object.address + size).assumingMemoryBound(to: Value.self)
    }

    /// The attribute dict of a subclass instance, made on first use; nil for objects without one.
    public static func attributes(_ object: Value) -> Value? {
        guard object.isObject, !object.isNull, object.header.pointee.flags.contains(.attributeDict) else { return nil }
        let slot = attributeSlot(object)
        if slot.pointee.kind != .dict { slot.pointee = Dict.make() }
        return attributeSlot(object).pointee
    }
}
