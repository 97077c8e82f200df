/// Type objects: the builtin ones, created at start-up, and the operations every type has.
public enum BuiltinTypes {
    // Constant initial values keep these globals static: reading one is a plain load.
    nonisolated(unsafe) public static var object = Value(bits: 1)
    nonisolated(unsafe) public static var type = Value(bits: 1)
    nonisolated(unsafe) public static var int = Value(bits: 1)
    nonisolated(unsafe) public static var bool = Value(bits: 1)
    nonisolated(unsafe) public static var float = Value(bits: 1)
    nonisolated(unsafe) public static var str = Value(bits: 1)
    nonisolated(unsafe) public static var tuple = Value(bits: 1)
    nonisolated(unsafe) public static var list = Value(bits: 1)
    nonisolated(unsafe) public static var dict = Value(bits: 1)
    nonisolated(unsafe) public static var set = Value(bits: 1)
    nonisolated(unsafe) public static var frozenset = Value(bits: 1)
    nonisolated(unsafe) public static var range = Value(bits: 1)
    nonisolated(unsafe) public static var slice = Value(bits: 1)
    nonisolated(unsafe) public static var function = Value(bits: 1)
    nonisolated(unsafe) public static var builtinFunction = Value(bits: 1)
    nonisolated(unsafe) public static var cell = Value(bits: 1)
    nonisolated(unsafe) public static var method = Value(bits: 1)
    nonisolated(unsafe) public static var noneType = Value(bits: 1)
    nonisolated(unsafe) public static var notImplementedType = Value(bits: 1)
    nonisolated(unsafe) public static var ellipsisType = Value(bits: 1)
    /// dict_keys, dict_values, dict_items, in `DictViews.Which` order.
    nonisolated(unsafe) public static var dictViews: [Value] = []
    /// dict_keyiterator, dict_valueiterator, dict_itemiterator, in `DictViews.Which` order.
    nonisolated(unsafe) public static var dictIterators: [Value] = []
    nonisolated(unsafe) public static var exceptions: [Value] = []

    nonisolated(unsafe) public static var none = Value(bits: 1)
    nonisolated(unsafe) public static var trueValue = Value(bits: 1)
    nonisolated(unsafe) public static var falseValue = Value(bits: 1)
    nonisolated(unsafe) public static var notImplemented = Value(bits: 1)
    nonisolated(unsafe) public static var ellipsis = Value(bits: 1)

    /// Creates the builtin types and singletons. `type`, `object`, `str`, `tuple` and
    /// `dict` come first as bare objects, because naming any type needs a str and a tuple.
    static func create() {
        type = bare(instances: .type)
        type.header.pointee.type = type
        object = bare(instances: .instance)
        str = bare(instances: .str)
        tuple = bare(instances: .tuple)
        dict = bare(instances: .dict)
        finish(object, name: "object", base: nil)
        finish(type, name: "type", base: object)
        finish(str, name: "str", base: object)
        finish(tuple, name: "tuple", base: object)
        finish(dict, name: "dict", base: object)
        int = TypeObjects.make(name: "int", base: object, instances: .int)
        bool = TypeObjects.make(name: "bool", base: int, instances: .bool)
        float = TypeObjects.make(name: "float", base: object, instances: .float)
        list = TypeObjects.make(name: "list", base: object, instances: .list)
        set = TypeObjects.make(name: "set", base: object, instances: .set)
        frozenset = TypeObjects.make(name: "frozenset", base: object, instances: .frozenset)
        range = TypeObjects.make(name: "range", base: object, instances: .range)
        slice = TypeObjects.make(name: "slice", base: object, instances: .slice)
        function = TypeObjects.make(name: "function", base: object, instances: .function)
        builtinFunction = TypeObjects.make(name: "builtin_function_or_method", base: object, instances: .nativeFunction)
        cell = TypeObjects.make(name: "cell", base: object, instances: .cell)
        method = TypeObjects.make(name: "method", base: object, instances: .boundMethod)
        noneType = TypeObjects.make(name: "NoneType", base: object, instances: .none)
        notImplementedType = TypeObjects.make(name: "NotImplementedType", base: object, instances: .notImplemented)
        ellipsisType = TypeObjects.make(name: "ellipsis", base: object, instances: .ellipsis)
        dictViews = ["dict_keys", "dict_values", "dict_items"].map { TypeObjects.make(name: $0, base: object, instances: .dictView) }
        dictIterators = ["dict_keyiterator", "dict_valueiterator", "dict_itemiterator"].map {
            TypeObjects.make(name: $0, base: object, instances: .dictIterator)
        }
        none = singleton(.none, noneType)
        trueValue = singleton(.bool, bool, aux: 1)
        falseValue = singleton(.bool, bool, aux: 0)
        notImplemented = singleton(.notImplemented, notImplementedType)
        ellipsis = singleton(.ellipsis, ellipsisType)
        exceptions = []
        for kind in BuiltinException.allCases {
            let base = kind.parent.map { exceptions[$0.rawValue] } ?? object
            exceptions.append(TypeObjects.make(name: kind.name, base: base, instances: .exception))
        }
    }

    static func bare(instances: ObjectKind) -> Value {
        let raw = Heap.allocate(.type, type: type, size: MemoryLayout<TypeObject>.size)
        let typeObject = Value(object: raw)
        Collector.addPermanentRoot(typeObject)
        typeObject.fields(TypeObject.self).pointee.instanceKind = Value(smallInt: Int(instances.rawValue))
        return typeObject
    }

    static func finish(_ t: Value, name: String, base: Value?) {
        let fields = t.fields(TypeObject.self)
        fields.pointee.header.type = type
        fields.pointee.version = Value(smallInt: 0)
        fields.pointee.rootShape = Value.null
        fields.pointee.name = Str.make(name)
        if let base {
            fields.pointee.base = base
            fields.pointee.bases = Tuple.make(base)
            let baseMRO = base.fields(TypeObject.self).pointee.mro
            let mro = Tuple.allocate(count: Tuple.count(baseMRO) + 1)
            Tuple.items(mro)[0] = t
            for i in 0..<Tuple.count(baseMRO) { Tuple.items(mro)[i + 1] = Tuple.items(baseMRO)[i] }
            t.fields(TypeObject.self).pointee.mro = mro
        } else {
            fields.pointee.base = Value(bits: 1)
            fields.pointee.bases = Tuple.make()
            t.fields(TypeObject.self).pointee.mro = Tuple.make(t)
        }
        t.fields(TypeObject.self).pointee.dict = Dict.make()
    }

    static func singleton(_ kind: ObjectKind, _ type: Value, aux: UInt32 = 0) -> Value {
        let raw = Heap.allocate(kind, type: type, size: MemoryLayout<ObjectHeader>.size)
        let value = Value(object: raw)
        value.header.pointee.aux = aux
        value.header.pointee.flags = .permanent
        Collector.addPermanentRoot(value)
        return value
    }
}

public enum TypeObjects {
    /// A new type with one base. `instances` is the layout its instances have.
    public static func make(name: String, base: Value, instances: ObjectKind) -> Value {
        let t = BuiltinTypes.bare(instances: instances)
        BuiltinTypes.finish(t, name: name, base: base)
        return t
    }

    /// The name error messages show: CPython's `tp_name`.
    public static func name(_ t: Value) -> String {
        Str.swiftString(t.fields(TypeObject.self).pointee.name)
    }

    /// `__name__`: the name without the module a `moduleInName` type carries in it.
    public static func shortName(_ t: Value) -> String {
        let name = Self.name(t)
        guard t.header.pointee.flags.contains(.moduleInName), let dot = name.lastIndex(of: ".") else { return name }
        return String(name[name.index(after: dot)...])
    }

    /// Whether `t` is `base` or inherits from it.
    public static func isSubtype(_ t: Value, of base: Value) -> Bool {
        let mro = t.fields(TypeObject.self).pointee.mro
        for i in 0..<Tuple.count(mro) where Tuple.items(mro)[i].is(base) { return true }
        return false
    }
}

public extension Value {
    /// Python's `bool` of a value known to be a bool.
    static func bool(_ b: Bool) -> Value { b ? BuiltinTypes.trueValue : BuiltinTypes.falseValue }
}
