import Compiler
import Runtime

/// The `functools` module: reduce, partial, wraps and update_wrapper, cmp_to_key here;
/// total_ordering in FunctoolsOrdering.swift, lru_cache and cache in FunctoolsCache.swift;
/// cached_property, partialmethod and singledispatch in Python (PythonModules/FunctoolsSource.swift).
enum Functools {
    nonisolated(unsafe) static var partial = Value.null
    nonisolated(unsafe) static var keyWrapper = Value.null
    nonisolated(unsafe) static var updateWrapperEntry = 0

    static let wrapperAssignments = ["__module__", "__name__", "__qualname__", "__doc__", "__annotations__"]
    static let wrapperUpdates = ["__dict__"]

    static func module() throws(PythonError) -> Value {
        let constants: [(String, () -> Value)] = [
            ("partial", makePartialType),
            ("WRAPPER_ASSIGNMENTS", { Tuple.make(wrapperAssignments.map { Interned.str($0) }) }),
            ("WRAPPER_UPDATES", { Tuple.make(wrapperUpdates.map { Interned.str($0) }) }),
        ]
        let module = Modules.native("functools", [
            ("reduce", reduce), ("cmp_to_key", cmpToKey), ("total_ordering", FunctoolsOrdering.totalOrdering), ("wraps", wraps),
            ("update_wrapper", updateWrapper), ("lru_cache", FunctoolsCache.lruCache), ("cache", FunctoolsCache.cache),
        ], constants: NativeTypes.inModule("functools", constants))
        let updateWrapperFunction = try Attributes.get(module, Interned.str("update_wrapper"))
        updateWrapperEntry = updateWrapperFunction.fields(NativeFunctionObject.self).pointee.entry.smallInt
        try Modules.run(FunctoolsSource.text, as: "functools", in: module)
        return module
    }

    /// `wraps(f)` is `partial(update_wrapper, wrapped=f)`; a fresh function object for the
    /// builtin's table entry stands for update_wrapper, since no value may sit in a static.
    private static func wraps(_ args: NativeArguments) throws(PythonError) -> Value {
        try args.expect(1...3, keywords: ["wrapped", "assigned", "updated"])
        let keywords = try NativeTypes.keywordDict(args)
        let names = ["wrapped", "assigned", "updated"]
        for k in 0..<args.positionalCount { try Dict.set(keywords, Interned.str(names[k]), args[k]) }
        let updateWrapper = Natives.object(entry: updateWrapperEntry, receiver: Value.null)
        return NativeTypes.object(partial, a: updateWrapper, b: Tuple.make(), c: keywords)
    }

    static func isCallable(_ v: Value) throws(PythonError) -> Bool {
        let kind = v.kind
        if kind == .function || kind == .nativeFunction || kind == .boundMethod || kind == .type { return true }
        return try Attributes.lookupSpecial(v, interned: SpecialNames.call) != nil
    }

    // MARK: reduce(function, iterable[, initial])

    private static func reduce(_ args: NativeArguments) throws(PythonError) -> Value {
        try args.expect(2...3)
        let function = args[0]
        let items = try Iteration.iterator(args[1])
        var accumulated = args.positionalCount == 3 ? args[2] : try Iteration.next(items)
        if accumulated.isNull { throw PythonError(.typeError, "reduce() of empty iterable with no initial value") }
        while true {
            let item = try Iteration.next(items)
            if item.isNull { return accumulated }
            accumulated = try Calls.call(function, accumulated, item)
        }
    }

    // MARK: partial(func, *args, **keywords): `a` the function, `b` the arguments, `c` the keywords

    private static func makePartialType() -> Value {
        partial = NativeTypes.make("partial", new: { args throws(PythonError) in
            guard args.positionalCount > 0 else { throw PythonError(.typeError, "type 'partial' takes at least one argument") }
            var function = args[0]
            guard try isCallable(function) else { throw PythonError(.typeError, "the first argument must be callable") }
            var arguments = NativeTypes.positionalTuple(args, from: 1)
            var keywords = try NativeTypes.keywordDict(args)
            // A partial of a partial is flattened into one.
            if NativeTypes.isObject(function, of: partial) {
                let inner = NativeTypes.fields(function)
                arguments = try Operators.binary(.add, inner.pointee.b, arguments)
                let merged = try Dict.copy(inner.pointee.c)
                try Dict.update(merged, with: keywords)
                keywords = merged
                function = inner.pointee.a
            }
            return NativeTypes.objectWithAttributes(partial, a: function, b: arguments, c: keywords, d: BuiltinTypes.none)
        })
        Natives.method(partial, "__call__", callPartial)
        NativeTypes.getter(partial, "func") { v throws(PythonError) in NativeTypes.fields(v).pointee.a }
        NativeTypes.getter(partial, "args") { v throws(PythonError) in NativeTypes.fields(v).pointee.b }
        NativeTypes.getter(partial, "keywords") { v throws(PythonError) in NativeTypes.fields(v).pointee.c }
        NativeTypes.setRepr(partial, reprPartial)
        return partial
    }

    private static func callPartial(_ args: NativeArguments) throws(PythonError) -> Value {
        let fields = NativeTypes.fields(args[0])
        let positional = try Operators.binary(.add, fields.pointee.b, NativeTypes.positionalTuple(args, from: 1))
        var keywords = fields.pointee.c
        if args.keywordCount > 0 {
            keywords = try Dict.copy(keywords)
            try Dict.update(keywords, with: try NativeTypes.keywordDict(args))
        }
        return try Calls.callExtended(fields.pointee.a, positional, Dict.count(keywords) == 0 ? Value.null : keywords,
                                      stackTop: args.stackTop)
    }

    private static func reprPartial(_ v: Value) throws(PythonError) -> String {
        let fields = NativeTypes.fields(v)
        var parts = [try Objects.repr(fields.pointee.a)]
        for k in 0..<Tuple.count(fields.pointee.b) { parts.append(try Objects.repr(Tuple.items(fields.pointee.b)[k])) }
        try Dict.forEach(fields.pointee.c) { key, value throws(PythonError) in
            parts.append("\(Str.swiftString(key))=\(try Objects.repr(value))")
        }
        return "functools.partial(\(parts.joined(separator: ", ")))"
    }

    // MARK: update_wrapper(wrapper, wrapped, assigned=..., updated=...)

    private static func updateWrapper(_ args: NativeArguments) throws(PythonError) -> Value {
        try args.expect(0...4, keywords: ["wrapper", "wrapped", "assigned", "updated"])
        guard let wrapper = args.argument(0, "wrapper"), let wrapped = args.argument(1, "wrapped") else {
            throw PythonError(.typeError, "update_wrapper() missing required argument")
        }
        let assigned = try names(args.argument(2, "assigned"), default: wrapperAssignments)
        let updated = try names(args.argument(3, "updated"), default: wrapperUpdates)
        return try update(wrapper: wrapper, wrapped: wrapped, assigned: assigned, updated: updated)
    }

    /// `update_wrapper`: the `assigned` attributes of `wrapped` set on `wrapper`, the dicts
    /// named by `updated` merged into its own, and `__wrapped__`.
    static func update(
        wrapper: Value, wrapped: Value, assigned: [String] = wrapperAssignments, updated: [String] = wrapperUpdates
    ) throws(PythonError) -> Value {
        for name in assigned {
            let value = try Attributes.find(wrapped, Interned.str(name))
            if !value.isNull { try Attributes.set(wrapper, Interned.str(name), value) }
        }
        for name in updated {
            let source = try attributeDict(wrapped, name)
            guard !source.isNull, source.kind == .dict else { continue }
            try Dict.forEach(try Dict.copy(source)) { key, value throws(PythonError) in try Attributes.set(wrapper, key, value) }
        }
        try Attributes.set(wrapper, Interned.str("__wrapped__"), wrapped)
        return wrapper
    }

    private static func names(_ given: Value?, default fallback: [String]) throws(PythonError) -> [String] {
        guard let given else { return fallback }
        var result: [String] = []
        try Iteration.forEach(given) { name throws(PythonError) in result.append(Str.swiftString(name)) }
        return result
    }

    /// A function's own attributes live in its attribute dict; anything else is asked for `name`.
    private static func attributeDict(_ object: Value, _ name: String) throws(PythonError) -> Value {
        if name == "__dict__" && object.kind == .function { return object.fields(FunctionObject.self).pointee.attributes }
        return try Attributes.find(object, Interned.str(name))
    }

    // MARK: cmp_to_key(mycmp): a KeyWrapper; called with an object it gives a key object that
    // orders by mycmp. `a` the comparison function, `b` the object (None until called).

    private static func makeKeyWrapperType() {
        keyWrapper = NativeTypes.make("KeyWrapper")
        NativeTypes.setModule(keyWrapper, "functools")
        Natives.method(keyWrapper, "__call__") { args throws(PythonError) in
            try args.expect(2...2, keywords: ["obj"])
            return NativeTypes.object(keyWrapper, a: NativeTypes.fields(args[0]).pointee.a, b: args[1])
        }
        NativeTypes.getter(keyWrapper, "obj") { v throws(PythonError) in NativeTypes.fields(v).pointee.b }
        for comparison in [Comparison.less, .lessEqual, .equal, .notEqual, .greater, .greaterEqual] {
            NativeTypes.special(keyWrapper, comparison.methodName) { args throws(PythonError) in
                try args.expect(2...2)
                guard NativeTypes.isObject(args[1], of: keyWrapper) else { throw PythonError(.typeError, "other argument must be K instance") }
                let mine = NativeTypes.fields(args[0]), theirs = NativeTypes.fields(args[1])
                let order = try Calls.call(mine.pointee.a, mine.pointee.b, theirs.pointee.b)
                return try Operators.compare(order, Value(smallInt: 0), comparison)
            }
        }
        // Key objects compare, they do not hash.
        try? Dict.set(keyWrapper.fields(TypeObject.self).pointee.dict, Interned.str("__hash__"), BuiltinTypes.none)
    }

    private static func cmpToKey(_ args: NativeArguments) throws(PythonError) -> Value {
        try args.expect(1...1, keywords: ["mycmp"])
        guard let comparison = args.argument(0, "mycmp") else { throw PythonError(.typeError, "cmp_to_key() missing required argument 'mycmp' (pos 1)") }
        if keyWrapper.isNull { makeKeyWrapperType() }
        return NativeTypes.object(keyWrapper, a: comparison)
    }
}
