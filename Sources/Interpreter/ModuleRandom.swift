import Runtime

/// The `random` module and its `Random` class. The generators and their algorithms are the
/// runtime's (`RandomModule`); a `Random` object holds the slot of its own generator, which
/// its finalizer gives back.
enum RandomObjects {
    /// The `aux` of `Random` objects: the native-object layout, with a finalizer.
    nonisolated(unsafe) static var layout: UInt32 = 0
    nonisolated(unsafe) static var randomType = Value.null

    static func makeModule() throws(PythonError) -> Value {
        installOnce()
        let functions: [(String, NativeBody)] = RandomModule.functionNames.map { name in
            (name, { args throws(PythonError) in try call(name, args, from: 0, slot: 0) })
        }
        return Modules.native("random", functions, constants: [("Random", { randomType })])
    }

    private static func installOnce() {
        guard randomType.isNull else { return }
        layout = InterpreterObjects.registerLayout { object in
            RandomModule.releaseGenerator(InterpreterObjects.fields(object).pointee.i)
        }
        randomType = NativeTypes.make("Random")
        // As CPython's: `__new__` makes the generator, `__init__(x=None)` seeds it, so a
        // subclass may take other arguments and call `super().__init__(seed)`.
        NativeTypes.special(randomType, "__new__") { args throws(PythonError) in
            guard args.positionalCount >= 1, args[0].kind == .type, TypeObjects.isSubtype(args[0], of: randomType) else {
                throw PythonError(.typeError, "Random.__new__(X): X is not a subtype of Random")
            }
            return make(type: args[0])
        }
        NativeTypes.special(randomType, "__init__") { args throws(PythonError) in
            try args.expect(1...2)
            guard isRandom(args[0]) else { throw PythonError(.typeError, "descriptor '__init__' requires a 'random.Random' object") }
            let seed = args.positionalCount == 2 ? args[1] : BuiltinTypes.none
            _ = try RandomModule.call("seed", [seed], generator: InterpreterObjects.fields(args[0]).pointee.i)
            return BuiltinTypes.none
        }
        NativeTypes.setModule(randomType, "random")
        Collector.addPermanentRoot(randomType)
        for name in RandomModule.functionNames {
            Natives.method(randomType, name) { args throws(PythonError) in
                guard args.count > 0, isRandom(args[0]) else {
                    throw PythonError(.typeError, "descriptor '\(name)' requires a 'random.Random' object")
                }
                return try call(name, args, from: 1, slot: InterpreterObjects.fields(args[0]).pointee.i)
            }
        }
    }

    /// A new `Random` of `type` with a generator of its own; a subclass's instance gets an
    /// attribute dict.
    private static func make(type: Value) -> Value {
        let size = MemoryLayout<InterpreterObject>.size
        let exact = type.is(randomType)
        let raw = Heap.allocate(.foreign, type: type, size: exact ? size : size + MemoryLayout<Value>.size)
        let header = raw.assumingMemoryBound(to: ObjectHeader.self)
        header.pointee.aux = layout
        header.pointee.flags.insert(.needsFinalizer)
        if !exact {
            header.pointee.flags.insert(.attributeDict)
            (raw + size).assumingMemoryBound(to: Value.self).pointee = BuiltinTypes.none
        }
        let fields = raw.assumingMemoryBound(to: InterpreterObject.self)
        fields.pointee = InterpreterObject(
            header: header.pointee, tag: .nativeIterator, a: BuiltinTypes.none, b: BuiltinTypes.none, c: BuiltinTypes.none,
            d: BuiltinTypes.none, i: RandomModule.makeGenerator(), j: 0)
        return Value(object: raw)
    }

    static func isRandom(_ v: Value) -> Bool {
        v.isObject && !v.isNull && v.header.pointee.kind == .foreign && v.header.pointee.aux == layout
    }

    /// Calls the runtime's function `name` with the arguments from `first` on. A population
    /// that is not a sequence is copied to a list first, into its argument slot, where the
    /// collector sees it.
    private static func call(_ name: String, _ args: NativeArguments, from first: Int, slot: Int) throws(PythonError) -> Value {
        var positional = Array(UnsafeBufferPointer(start: args.base + first, count: args.positionalCount - first))
        let takesPopulation = name == "shuffle" || name == "choice" || name == "sample" || name == "choices"
        if takesPopulation, let population = positional.first, ![.list, .tuple, .str, .range].contains(population.kind) {
            if name == "sample" && (population.kind == .set || population.kind == .frozenset) {
                throw PythonError(.typeError, "Population must be a sequence.  For dicts or sets, use sorted(d).")
            }
            args.base[first] = try Iteration.list(population)
            positional[0] = args.base[first]
        }
        let keywords = args.keywords.map { (Str.swiftString($0.0), $0.1) }
        return try Collector.withProtected(positional) { () throws(PythonError) -> Value in
            try RandomModule.call(name, positional, keywords: keywords, generator: slot)
        }
    }
}
