import Runtime

/// The machinery the native modules (itertools, functools, operator) share: their types,
/// their objects, iterator dispatch, reprs, and special methods that the interpreter's
/// special-method lookup will see.
///
/// Every type made here is flagged as a heap type, because the runtime asks the repr hook
/// only about heap types' instances. A heap type is constructed through its `__new__`, so the
/// constructor goes there. The interpreter's `userSpecial` ignores builtin functions (they
/// stand for the runtime's own behaviour), so a special method such as `__lt__` is stored as
/// a small callable object that forwards to the builtin instead.
enum NativeTypes {
    /// `next` of each iterator type, by the type's bits; the types are permanent, so are the keys.
    nonisolated(unsafe) static var nextBodies: [UInt64: (Value) throws(PythonError) -> Value] = [:]
    /// The repr of each type that has its own, by the type's bits (the repr hook asks here).
    nonisolated(unsafe) static var reprBodies: [UInt64: (Value) throws(PythonError) -> String] = [:]
    /// The `aux` of objects that are not iterators (partial, itemgetter, lru_cache wrappers...).
    nonisolated(unsafe) static var objectTracer: UInt32 = 0
    /// The type of the callable objects that stand in for special methods.
    nonisolated(unsafe) static var specialMethodType = Value.null
    nonisolated(unsafe) static var installed = false

    static func installOnce() {
        guard !installed else { return }
        installed = true
        objectTracer = InterpreterObjects.registerLayout()
        specialMethodType = TypeObjects.make(name: "wrapper_descriptor", base: BuiltinTypes.object, instances: .foreign)
        Natives.method(specialMethodType, "__call__") { args throws(PythonError) in
            let function = InterpreterObjects.fields(args[0]).pointee.a
            return try Calls.call(function, args.base + 1, args.count - 1, keywordNames: args.keywordNames, stackTop: args.stackTop)
        }
        bindsAsMethod(specialMethodType)
    }

    // MARK: Types

    /// A type whose instances are native objects, built by `new` from the call's arguments.
    static func make(_ name: String, base: Value = BuiltinTypes.object, instances: ObjectKind = .foreign,
                     new: NativeBody? = nil) -> Value {
        installOnce()
        let type = TypeObjects.make(name: name, base: base, instances: instances)
        type.header.pointee.flags.insert(.heapType)
        if let new {
            special(type, "__new__") { args throws(PythonError) in
                // The class comes first, as for any `__new__`; the constructors do not need it.
                try new(NativeArguments(base: args.base + 1, count: args.count - 1, keywordNames: args.keywordNames,
                                        stackTop: args.stackTop, name: .text(name)))
            }
        } else {
            special(type, "__new__") { _ throws(PythonError) in
                throw PythonError(.typeError, "cannot create '\(name)' instances")
            }
        }
        return type
    }

    /// An iterator type: `next` returns null when exhausted.
    static func iteratorType(_ name: String, new: NativeBody? = nil, next: @escaping (Value) throws(PythonError) -> Value) -> Value {
        let type = make(name, new: new)
        nextBodies[type.bits] = next
        Natives.method(type, "__iter__") { args throws(PythonError) in args[0] }
        Natives.method(type, "__next__") { args throws(PythonError) in
            let item = try next(args[0])
            if item.isNull { throw PythonError(exception: Exceptions.make(BuiltinException.stopIteration.type, arguments: [])) }
            return item
        }
        return type
    }

    /// Module constants that are types of `module`: each is made as it goes into the module
    /// and says where it lives, so its repr reads `<class 'itertools.count'>`.
    static func inModule(_ module: String, _ constants: [(String, () -> Value)]) -> [(String, () -> Value)] {
        constants.map { name, make in
            (name, {
                let value = make()
                if value.kind == .type { setModule(value, module) }
                return value
            })
        }
    }

    static func setModule(_ type: Value, _ module: String) {
        try? Dict.set(type.fields(TypeObject.self).pointee.dict, Interned.str("__module__"), Interned.str(module))
    }

    /// Names `type` as CPython names a type of a C module: `module.name` in messages
    /// (`'collections.deque' object is not callable`), `name` as its `__name__`.
    static func nameInModule(_ type: Value, _ module: String) {
        setModule(type, module)
        type.fields(TypeObject.self).pointee.name = Str.make("\(module).\(TypeObjects.name(type))")
        type.header.pointee.flags.insert(.moduleInName)
    }

    /// `__get__`, so that a callable of `type` stored in a class binds to instances like a
    /// function does, wherever attribute lookup honours the descriptor protocol.
    static func bindsAsMethod(_ type: Value) {
        Natives.method(type, "__get__") { args throws(PythonError) in
            try args.expect(2...3)
            if args[1].is(BuiltinTypes.none) { return args[0] }
            return Callables.makeBoundMethod(args[0], receiver: args[1])
        }
    }

    /// A tuple type whose items are also attributes, printed `reprName(field=value, ...)`:
    /// CPython's struct sequences (`sys.float_info`) and small named results (`CacheInfo`).
    static func structSequence(_ name: String, reprName: String, fields: [String]) -> Value {
        let type = make(name, base: BuiltinTypes.tuple, instances: .tuple)
        for (index, field) in fields.enumerated() {
            getter(type, field) { v throws(PythonError) in Tuple.items(v)[index] }
        }
        setRepr(type) { v throws(PythonError) in
            var parts: [String] = []
            for (index, field) in fields.enumerated() { parts.append("\(field)=\(try Objects.repr(Tuple.items(v)[index]))") }
            return "\(reprName)(\(parts.joined(separator: ", ")))"
        }
        return type
    }

    /// A value of a struct sequence type; each item is made as it goes into the tuple, where
    /// the collector sees it.
    static func structSequenceValue(_ type: Value, _ items: [() -> Value]) -> Value {
        let tuple = Tuple.allocate(count: items.count)
        for (i, make) in items.enumerated() { Tuple.items(tuple)[i] = make() }
        tuple.header.pointee.type = type
        return tuple
    }

    static func setRepr(_ type: Value, _ body: @escaping (Value) throws(PythonError) -> String) {
        reprBodies[type.bits] = body
    }

    /// A special method (`__lt__`, `__call__`...) that the interpreter's lookup will use.
    static func special(_ type: Value, _ name: String, _ body: @escaping NativeBody) {
        try? Dict.set(type.fields(TypeObject.self).pointee.dict, Interned.str(name), specialMethod(name, body))
    }

    /// A callable object, not a builtin function, that calls `body` with its arguments.
    static func specialMethod(_ name: String, _ body: @escaping NativeBody) -> Value {
        let function = Natives.make(name, body)
        return object(specialMethodType, a: function)
    }

    /// A read-only attribute computed from the object.
    static func getter(_ type: Value, _ name: String, _ body: @escaping (Value) throws(PythonError) -> Value) {
        let function = Natives.make(name) { args throws(PythonError) in try body(args[0]) }
        let property = InterpreterObjects.make(.property, type: InterpreterTypes.property, a: function)
        try? Dict.set(type.fields(TypeObject.self).pointee.dict, Interned.str(name), property)
    }

    // MARK: Objects

    /// An iterator: the interpreter's iteration returns it as its own iterator and asks
    /// `next` here.
    static func iterator(
        _ type: Value, a: Value = BuiltinTypes.none, b: Value = BuiltinTypes.none, c: Value = BuiltinTypes.none,
        d: Value = BuiltinTypes.none, i: Int = 0, j: Int = 0
    ) -> Value {
        InterpreterObjects.make(.nativeIterator, type: type, a: a, b: b, c: c, d: d, i: i, j: j)
    }

    /// A native object that also has an attribute dict, as CPython's `partial` and
    /// `_lru_cache_wrapper` have (`update_wrapper` fills it).
    static func objectWithAttributes(_ type: Value, a: Value, b: Value, c: Value, d: Value) -> Value {
        let size = MemoryLayout<InterpreterObject>.size
        let raw = Heap.allocate(.foreign, type: type, size: size + MemoryLayout<Value>.size)
        let header = raw.assumingMemoryBound(to: ObjectHeader.self)
        header.pointee.aux = objectTracer
        header.pointee.flags.insert(.attributeDict)
        (raw + size).assumingMemoryBound(to: Value.self).pointee = BuiltinTypes.none
        let fields = raw.assumingMemoryBound(to: InterpreterObject.self)
        fields.pointee = InterpreterObject(header: header.pointee, tag: .nativeIterator, a: a, b: b, c: c, d: d, i: 0, j: 0)
        return Value(object: raw)
    }

    /// Any other native object: same layout, its own tracer, so the interpreter does not take
    /// it for one of its own kinds.
    static func object(
        _ type: Value, a: Value = BuiltinTypes.none, b: Value = BuiltinTypes.none, c: Value = BuiltinTypes.none,
        d: Value = BuiltinTypes.none, i: Int = 0, j: Int = 0
    ) -> Value {
        InterpreterObjects.make(.nativeIterator, type: type, a: a, b: b, c: c, d: d, i: i, j: j, aux: objectTracer)
    }

    @inline(__always)
    static func fields(_ v: Value) -> UnsafeMutablePointer<InterpreterObject> {
        v.address.assumingMemoryBound(to: InterpreterObject.self)
    }

    /// Whether `v` is a native object (not an iterator) of `type`.
    static func isObject(_ v: Value, of type: Value) -> Bool {
        v.isObject && !v.isNull && v.header.pointee.kind == .foreign && v.header.pointee.aux == objectTracer && v.type.is(type)
    }

    /// `next` for the `.nativeIterator` objects made here.
    static func next(_ it: Value) throws(PythonError) -> Value {
        guard let body = nextBodies[it.type.bits] else {
            throw PythonError(.typeError, "'\(TypeObjects.name(it.type))' object is not an iterator")
        }
        return try body(it)
    }

    // MARK: Argument helpers

    /// A non-negative machine int argument, with `message` as the ValueError otherwise.
    static func index(_ v: Value, _ message: String) throws(PythonError) -> Int {
        let n = try Ints.index(v)
        guard n.isSmallInt else { throw PythonError(.overflowError, "Python int too large to convert to C ssize_t") }
        guard n.smallInt >= 0 else { throw PythonError(.valueError, message) }
        return n.smallInt
    }

    /// The positional arguments from `start` on, as a tuple.
    static func positionalTuple(_ args: NativeArguments, from start: Int = 0) -> Value {
        let n = max(0, args.positionalCount - start)
        let tuple = Tuple.allocate(count: n)
        for k in 0..<n { Tuple.items(tuple)[k] = args[start + k] }
        return tuple
    }

    /// The keyword arguments as a new dict.
    static func keywordDict(_ args: NativeArguments) throws(PythonError) -> Value {
        let dict = Dict.make()
        for k in 0..<args.keywordCount {
            try Dict.set(dict, Tuple.items(args.keywordNames)[k], args[args.positionalCount + k])
        }
        return dict
    }
}
