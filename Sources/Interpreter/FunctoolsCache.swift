import Runtime

/// `functools.lru_cache` and `functools.cache`. A wrapper keeps its results in a dict whose
/// insertion order is the recency order: a hit moves its key to the end, and a bounded cache
/// that is full evicts the first key.
/// Wrapper fields: `a` the function, `b` the cache dict, `c` maxsize (None or a small int),
/// `d` typed; `i` hits, `j` misses.
enum FunctoolsCache {
    nonisolated(unsafe) static var wrapperType = Value.null
    nonisolated(unsafe) static var decoratorType = Value.null
    nonisolated(unsafe) static var cacheInfoType = Value.null

    /// `lru_cache(maxsize=128, typed=False)`, or `@lru_cache` straight on a function.
    static func lruCache(_ args: NativeArguments) throws(PythonError) -> Value {
        try args.expect(0...2, keywords: ["maxsize", "typed"])
        makeTypesOnce()
        let typed = args.argument(1, "typed") ?? BuiltinTypes.falseValue
        let first = args.argument(0, "maxsize") ?? Value(smallInt: 128)
        if Ints.isInt(first) {
            let n = Ints.unbool(first)
            let maxsize = n.isSmallInt ? Value(smallInt: max(0, n.smallInt)) : BuiltinTypes.none
            return NativeTypes.object(decoratorType, a: maxsize, b: typed)
        }
        if first.is(BuiltinTypes.none) { return NativeTypes.object(decoratorType, a: first, b: typed) }
        if try Functools.isCallable(first), args.positionalCount == 1 {
            return try wrap(first, maxsize: Value(smallInt: 128), typed: typed)
        }
        throw PythonError(.typeError, "Expected first argument to be an integer, a callable, or None")
    }

    /// `cache(f)`: an unbounded lru_cache.
    static func cache(_ args: NativeArguments) throws(PythonError) -> Value {
        try args.expect(1...1)
        makeTypesOnce()
        return try wrap(args[0], maxsize: BuiltinTypes.none, typed: BuiltinTypes.falseValue)
    }

    /// The wrapper passes for the function it wraps: `update_wrapper` copies the function's
    /// name, docstring and attributes into the wrapper's own dict, as CPython's does.
    private static func wrap(_ function: Value, maxsize: Value, typed: Value) throws(PythonError) -> Value {
        let wrapper = NativeTypes.objectWithAttributes(wrapperType, a: function, b: Dict.make(), c: maxsize, d: typed)
        return try Collector.withProtected([wrapper]) { () throws(PythonError) -> Value in
            try Functools.update(wrapper: wrapper, wrapped: function)
        }
    }

    private static func makeTypesOnce() {
        guard wrapperType.isNull else { return }
        decoratorType = NativeTypes.make("_lru_cache_decorator")
        Natives.method(decoratorType, "__call__") { args throws(PythonError) in
            try args.expect(2...2)
            let fields = NativeTypes.fields(args[0])
            return try wrap(args[1], maxsize: fields.pointee.a, typed: fields.pointee.b)
        }
        cacheInfoType = makeCacheInfoType()
        wrapperType = NativeTypes.make("_lru_cache_wrapper")
        for type in [decoratorType, cacheInfoType, wrapperType] { NativeTypes.setModule(type, "functools") }
        Natives.method(wrapperType, "__call__", callCached)
        NativeTypes.bindsAsMethod(wrapperType)
        Natives.method(wrapperType, "cache_info") { args throws(PythonError) in
            try args.expect(1...1)
            return cacheInfo(args[0])
        }
        Natives.method(wrapperType, "cache_clear") { args throws(PythonError) in
            try args.expect(1...1)
            let fields = NativeTypes.fields(args[0])
            Dict.clear(fields.pointee.b)
            fields.pointee.i = 0
            fields.pointee.j = 0
            return BuiltinTypes.none
        }
        Natives.method(wrapperType, "cache_parameters") { args throws(PythonError) in
            let fields = NativeTypes.fields(args[0])
            let parameters = Dict.make()
            try Dict.set(parameters, Interned.str("maxsize"), fields.pointee.c)
            try Dict.set(parameters, Interned.str("typed"), fields.pointee.d)
            return parameters
        }
        NativeTypes.setRepr(wrapperType) { v throws(PythonError) in
            "<functools._lru_cache_wrapper object at 0x\(String(UInt(v.bits &- 1), radix: 16))>"
        }
    }

    // MARK: Calls

    private static func callCached(_ args: NativeArguments) throws(PythonError) -> Value {
        let wrapper = args[0]
        let fields = NativeTypes.fields(wrapper)
        let function = fields.pointee.a
        let maxsize = fields.pointee.c
        if maxsize.isSmallInt && maxsize.smallInt == 0 {
            fields.pointee.j += 1
            return try callThrough(function, args)
        }
        let key = try makeKey(args, typed: try Operators.isTrue(fields.pointee.d))
        let cache = fields.pointee.b
        let cached = try Dict.get(cache, key)
        if !cached.isNull {
            fields.pointee.i += 1
            if maxsize.isSmallInt {
                try Dict.remove(cache, key)
                try Dict.set(cache, key, cached)
            }
            return cached
        }
        fields.pointee.j += 1
        let result = try callThrough(function, args)
        // A recursive call may have stored this key meanwhile; then it stays where it is.
        if !(try Dict.get(cache, key)).isNull { return result }
        if maxsize.isSmallInt && Dict.count(cache) >= maxsize.smallInt { try evictOldest(cache) }
        try Dict.set(cache, key, result)
        return result
    }

    /// Calls the function with the wrapper's own arguments, keywords included.
    private static func callThrough(_ function: Value, _ args: NativeArguments) throws(PythonError) -> Value {
        try Calls.call(function, args.base + 1, args.count - 1, keywordNames: args.keywordNames, stackTop: args.stackTop)
    }

    /// The positional arguments, then a marker and each keyword's name and value. A lone int
    /// or str argument is its own key, which saves a tuple on the commonest calls.
    /// CPython's `_make_key`: the arguments, a marker and the keyword items, then with `typed`
    /// the types of all argument values; a lone int or str untyped is its own key.
    private static func makeKey(_ args: NativeArguments, typed: Bool) throws(PythonError) -> Value {
        let positional = args.positionalCount - 1
        if positional == 1 && args.keywordCount == 0 && !typed {
            let only = args[1]
            if only.isSmallInt || only.type.is(BuiltinTypes.int) || only.type.is(BuiltinTypes.str) { return only }
        }
        let extra = args.keywordCount == 0 ? 0 : 1 + 2 * args.keywordCount
        let types = typed ? positional + args.keywordCount : 0
        let key = Tuple.allocate(count: positional + extra + types)
        let items = Tuple.items(key)
        for k in 0..<positional { items[k] = args[1 + k] }
        if extra > 0 {
            // The wrapper type is a permanent object no argument list will contain.
            items[positional] = wrapperType
            for k in 0..<args.keywordCount {
                items[positional + 1 + 2 * k] = Tuple.items(args.keywordNames)[k]
                items[positional + 2 + 2 * k] = args[args.positionalCount + k]
            }
        }
        for k in 0..<types {
            items[positional + extra + k] = k < positional ? args[1 + k].type : args[args.positionalCount + k - positional].type
        }
        return key
    }

    /// The cache's order is recency (a hit moves its key to the end), so the first key is
    /// the least recently used.
    private static func evictOldest(_ cache: Value) throws(PythonError) {
        let oldest = Dict.firstKey(cache)
        if !oldest.isNull { try Dict.remove(cache, oldest) }
    }

    // MARK: CacheInfo: a tuple of a type of its own, printed like CPython's namedtuple

    private static func makeCacheInfoType() -> Value {
        NativeTypes.structSequence("CacheInfo", reprName: "CacheInfo", fields: ["hits", "misses", "maxsize", "currsize"])
    }

    private static func cacheInfo(_ wrapper: Value) -> Value {
        let fields = NativeTypes.fields(wrapper)
        return NativeTypes.structSequenceValue(cacheInfoType, [
            { Value(smallInt: fields.pointee.i) }, { Value(smallInt: fields.pointee.j) }, { fields.pointee.c },
            { Value(smallInt: Dict.count(fields.pointee.b)) },
        ])
    }
}
