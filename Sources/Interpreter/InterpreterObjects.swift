import Runtime

/// The layout of every object the interpreter defines beyond the runtime's kinds: iterators,
/// generators, modules, properties, `super` objects. Four traced value fields and two raw
/// integers are enough for all of them; `tag` says which one it is, so dispatch is a switch
/// on one load, and the Python type says how it prints.
struct InterpreterObject {
    var header: ObjectHeader
    var tag: InterpreterKind
    var a: Value
    var b: Value
    var c: Value
    var d: Value
    var i: Int
    var j: Int
}

enum InterpreterKind: Int {
    case listIterator, tupleIterator, strIterator, rangeIterator, setIterator, reversedIterator, enumerate, zip, map, filter
    case callableIterator, generator, module, property, staticMethod, classMethod, superObject
    case nativeIterator, textStream, sequenceIterator
}

enum InterpreterObjects {
    nonisolated(unsafe) static var tracerID: UInt32 = 0

    static func registerTracer() {
        tracerID = registerLayout()
    }

    /// Registers this layout once more, under a new `aux`, for objects that must not pass for
    /// the interpreter's own kinds (the native modules' objects), optionally with a finalizer.
    static func registerLayout(finalizer: ((Value) -> Void)? = nil) -> UInt32 {
        ForeignKinds.register(tracer: { object in
            let fields = object.address.assumingMemoryBound(to: InterpreterObject.self)
            Collector.mark(fields.pointee.a)
            Collector.mark(fields.pointee.b)
            Collector.mark(fields.pointee.c)
            Collector.mark(fields.pointee.d)
        }, finalizer: finalizer, size: MemoryLayout<InterpreterObject>.size)
    }

    static func make(
        _ tag: InterpreterKind, type: Value, a: Value = BuiltinTypes.none, b: Value = BuiltinTypes.none,
        c: Value = BuiltinTypes.none, d: Value = BuiltinTypes.none, i: Int = 0, j: Int = 0, aux: UInt32? = nil
    ) -> Value {
        let raw = Heap.allocate(.foreign, type: type, size: MemoryLayout<InterpreterObject>.size)
        raw.assumingMemoryBound(to: ObjectHeader.self).pointee.aux = aux ?? tracerID
        let fields = raw.assumingMemoryBound(to: InterpreterObject.self)
        fields.pointee.tag = tag
        fields.pointee.a = a
        fields.pointee.b = b
        fields.pointee.c = c
        fields.pointee.d = d
        fields.pointee.i = i
        fields.pointee.j = j
        return Value(object: raw)
    }

    @inline(__always)
    static func fields(_ v: Value) -> UnsafeMutablePointer<InterpreterObject> {
        v.address.assumingMemoryBound(to: InterpreterObject.self)
    }

    /// The tag of an interpreter object, or nil for anything else.
    @inline(__always)
    static func tag(_ v: Value) -> InterpreterKind? {
        guard v.isObject, !v.isNull, v.header.pointee.kind == .foreign, v.header.pointee.aux == tracerID else { return nil }
        return fields(v).pointee.tag
    }
}

/// The interpreter's own builtin types.
enum InterpreterTypes {
    nonisolated(unsafe) static var listIterator = Value.null
    nonisolated(unsafe) static var tupleIterator = Value.null
    nonisolated(unsafe) static var strIterator = Value.null
    nonisolated(unsafe) static var rangeIterator = Value.null
    nonisolated(unsafe) static var setIterator = Value.null
    nonisolated(unsafe) static var reversed = Value.null
    /// What `reversed` gives for a list and for a dict or its views: the `reversed` layout
    /// under CPython's type names.
    nonisolated(unsafe) static var listReverseIterator = Value.null
    nonisolated(unsafe) static var dictReverseIterators: [Value] = []
    nonisolated(unsafe) static var enumerate = Value.null
    nonisolated(unsafe) static var zip = Value.null
    nonisolated(unsafe) static var map = Value.null
    nonisolated(unsafe) static var filter = Value.null
    nonisolated(unsafe) static var callableIterator = Value.null
    nonisolated(unsafe) static var generator = Value.null
    nonisolated(unsafe) static var module = Value.null
    nonisolated(unsafe) static var property = Value.null
    nonisolated(unsafe) static var staticMethod = Value.null
    nonisolated(unsafe) static var classMethod = Value.null
    nonisolated(unsafe) static var superType = Value.null
    nonisolated(unsafe) static var nativeIterator = Value.null
    nonisolated(unsafe) static var textStream = Value.null
    nonisolated(unsafe) static var sequenceIterator = Value.null

    /// Type objects are permanent roots, so keeping them here is safe.
    static func create() {
        func make(_ name: String) -> Value {
            TypeObjects.make(name: name, base: BuiltinTypes.object, instances: .foreign)
        }
        listIterator = make("list_iterator")
        tupleIterator = make("tuple_iterator")
        strIterator = make("str_ascii_iterator")
        rangeIterator = make("range_iterator")
        setIterator = make("set_iterator")
        reversed = make("reversed")
        listReverseIterator = make("list_reverseiterator")
        dictReverseIterators = ["dict_reversekeyiterator", "dict_reversevalueiterator", "dict_reverseitemiterator"].map(make)
        enumerate = make("enumerate")
        zip = make("zip")
        map = make("map")
        filter = make("filter")
        callableIterator = make("callable_iterator")
        generator = make("generator")
        module = make("module")
        property = make("property")
        staticMethod = make("staticmethod")
        classMethod = make("classmethod")
        superType = make("super")
        nativeIterator = make("iterator")
        textStream = make("TextIOWrapper")
        sequenceIterator = make("iterator")
    }
}
