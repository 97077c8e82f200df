/// Instances of classes defined in Python that derive from a builtin container: the builtin's
/// layout with the class as the type, so every runtime operation on dicts, lists and sets
/// works on them unchanged. Dict, list and set subclasses get one more value after their
/// layout for the instance's attribute dict (flag `attributeDict`); tuple subclasses (such as
/// named tuples) have none, as CPython's have none with `__slots__ = ()`.
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
