import Compiler
import FrontEnd
import Glibc
import Runtime

/// `import`: the built-in modules, made on first import and kept in `sys.modules`.
enum Modules {
    nonisolated(unsafe) static var mainGlobals = Value.null
    nonisolated(unsafe) static var builders: [String: () throws(PythonError) -> Value] = [:]
    nonisolated(unsafe) static var arguments: [String] = []

    static func install() {
        VM.modules = Dict.make()
        builders = [
            "sys": makeSys, "math": makeMath, "time": makeTime, "random": RandomObjects.makeModule,
            "collections": { () throws(PythonError) in
                let collections = try python("collections", CollectionsSource.text, natives: [
                    ("deque", Deques.makeType), ("_odict_iterator", OrderedDicts.makeIteratorType),
                ])
                // CPython's are C types, whose messages say `collections.defaultdict`.
                for name in ["defaultdict", "OrderedDict"] {
                    let type = try Dict.get(InterpreterObjects.fields(collections).pointee.a, Interned.str(name))
                    type.fields(TypeObject.self).pointee.name = Str.make("collections." + name)
                    type.header.pointee.flags.insert(.moduleInName)
                }
                return collections
            },
            "builtins": { () throws(PythonError) in module("builtins", VM.builtins) },
            "__future__": { () throws(PythonError) in try python("__future__", FutureSource.text) },
        ]
        for (name, builder) in NativeModules.builders { builders[name] = builder }
    }

    static func module(_ name: String, _ dict: Value) -> Value {
        InterpreterObjects.make(.module, type: InterpreterTypes.module, a: dict, b: Interned.str(name))
    }

    static func importModule(_ name: Value, fromList: Value) throws(PythonError) -> Value {
        let existing = try Dict.get(VM.modules, name)
        if !existing.isNull { return existing }
        let text = Str.swiftString(name)
        guard let builder = builders[text] else {
            let error = Exceptions.make(BuiltinException.moduleNotFoundError.type, arguments: [Str.make("No module named '\(text)'")])
            // CPython's import machinery passes `name=`: `e.name` is the module asked for.
            try Dict.set(Attributes.attributeDict(error, at: \ExceptionObject.attributes), Interned.str("name"), name)
            throw PythonError(exception: error)
        }
        let made = try builder()
        try Dict.set(VM.modules, name, made)
        return made
    }

    static func importFrom(_ module: Value, _ name: Value) throws(PythonError) -> Value {
        let found = try Attributes.find(module, name)
        if !found.isNull { return found }
        let moduleName = InterpreterObjects.tag(module) == .module ? Str.swiftString(InterpreterObjects.fields(module).pointee.b) : "?"
        let error = Exceptions.make(BuiltinException.importError.type, arguments: [
            Str.make("cannot import name '\(Str.swiftString(name))' from '\(moduleName)' (unknown location)"),
        ])
        throw PythonError(exception: error)
    }

    static func importStar(_ module: Value, into namespace: Value) throws(PythonError) {
        guard InterpreterObjects.tag(module) == .module else { return }
        try Dict.forEach(InterpreterObjects.fields(module).pointee.a) { key, value throws(PythonError) in
            if !Str.swiftString(key).hasPrefix("_") { try Dict.set(namespace, key, value) }
        }
    }

    /// A module written in Python: its source is compiled and run in the module's namespace,
    /// which holds the `natives` (types written in Swift) already.
    static func python(_ name: String, _ source: String, natives: [(String, () -> Value)] = []) throws(PythonError) -> Value {
        let dict = Dict.make()
        try Dict.set(dict, Interned.str("__name__"), Interned.str(name))
        for (native, make) in natives { try Dict.set(dict, Interned.str(native), make()) }
        let module = module(name, dict)
        try run(source, as: name, in: module)
        return module
    }

    /// Runs Python `source` with `module`'s namespace as its globals: the part of a native
    /// module that is written in Python.
    static func run(_ source: String, as name: String, in module: Value) throws(PythonError) {
        let code: CodeObject
        do throws(SyntaxErrorInfo) {
            code = try compileSource(try SourceText(fileName: "<\(name)>", text: source))
        } catch {
            throw PythonError(.systemError, "the \(name) module does not compile: \(error.message)")
        }
        let dict = InterpreterObjects.fields(module).pointee.a
        let function = Callables.makeFunction(
            code: code.word, globals: dict, name: Interned.str("<module>"), qualifiedName: Interned.str("<module>"))
        let fp = VM.stackTop + VM.headerSlots
        let frameEnd = fp + code.slotCount + code.maxStackDepth
        guard frameEnd < VM.stackLimit else { throw Calls.recursionError() }
        fp[-3] = function
        fp[-2] = dict
        fp[-1] = dict
        let savedTop = VM.stackTop
        VM.stackTop = frameEnd
        defer { VM.stackTop = savedTop }
        var exit = FrameExit.returned
        _ = try execute(code, fp: fp, exit: &exit)
    }

    /// A module whose functions are natives. Constants are made one at a time as they go into
    /// the module's dict, so that none waits unrooted while the next is allocated.
    static func native(_ name: String, _ functions: [(String, NativeBody)], constants: [(String, () -> Value)] = []) -> Value {
        let dict = Dict.make()
        try? Dict.set(dict, Interned.str("__name__"), Interned.str(name))
        for (function, body) in functions { try? Dict.set(dict, Interned.str(function), Natives.make(function, body)) }
        for (constant, make) in constants {
            let key = Interned.str(constant)
            try? Dict.set(dict, key, make())
        }
        return module(name, dict)
    }

    // MARK: sys

    private static func makeSys() throws(PythonError) -> Value {
        let sys = native("sys", [
            ("exit", { args throws(PythonError) in throw SystemExits.error(args.positionalCount > 0 ? args[0] : BuiltinTypes.none) }),
            ("getrecursionlimit", { _ throws(PythonError) in Value(smallInt: VM.recursionLimit) }),
            ("setrecursionlimit", { args throws(PythonError) in
                try args.expect(1...1)
                let limit = try Ints.index(args[0])
                guard limit.isSmallInt, limit.smallInt >= 1 else { throw PythonError(.valueError, "recursion limit must be greater or equal than 1") }
                VM.recursionLimit = limit.smallInt
                return BuiltinTypes.none
            }),
            ("set_int_max_str_digits", { args throws(PythonError) in
                try args.expect(1...1, keywords: ["maxdigits"])
                let limit = Ints.unbool(args.argument(0, "maxdigits")!)
                guard limit.isSmallInt, limit.smallInt == 0 || limit.smallInt >= 640 else {
                    throw PythonError(.valueError, "maxdigits must be 0 or larger than 640")
                }
                Ints.maxStrDigitsSetting = limit.smallInt
                return BuiltinTypes.none
            }),
            ("get_int_max_str_digits", { _ throws(PythonError) in Value(smallInt: Ints.maxStrDigitsSetting) }),
            ("exc_info", { _ throws(PythonError) in
                let e = VM.handledException
                if e.isNull { return Tuple.make(BuiltinTypes.none, BuiltinTypes.none, BuiltinTypes.none) }
                return Tuple.make(e.type, e, Tracebacks.object(for: e))
            }),
            ("intern", { args throws(PythonError) in args[0] }),
            ("exception", { _ throws(PythonError) in VM.handledException.isNull ? BuiltinTypes.none : VM.handledException }),
        ], constants: [
            ("argv", {
                let argv = List.make()
                for argument in arguments { List.append(argv, Str.make(argument)) }
                return argv
            }),
            ("stdin", { Output.standardStreams[0] }),
            ("stdout", { Output.standardStreams[1] }), ("stderr", { Output.standardStreams[2] }),
            ("int_info", {
                let type = NativeTypes.structSequence("int_info", reprName: "sys.int_info", fields: [
                    "bits_per_digit", "sizeof_digit", "default_max_str_digits", "str_digits_check_threshold",
                ])
                return NativeTypes.structSequenceValue(type, [
                    { Value(smallInt: 30) }, { Value(smallInt: 4) }, { Value(smallInt: 4300) }, { Value(smallInt: 640) },
                ])
            }),
            ("hash_info", {
                let type = NativeTypes.structSequence("hash_info", reprName: "sys.hash_info", fields: [
                    "width", "modulus", "inf", "nan", "imag", "algorithm", "hash_bits", "seed_bits", "cutoff",
                ])
                return NativeTypes.structSequenceValue(type, [
                    { Value(smallInt: 64) }, { Ints.make(Floats.hashModulus) }, { Value(smallInt: 314_159) }, { Value(smallInt: 0) },
                    { Value(smallInt: 1_000_003) }, { Interned.str("siphash13") }, { Value(smallInt: 64) }, { Value(smallInt: 128) },
                    { Value(smallInt: 0) },
                ])
            }),
            ("maxsize", { Ints.make(Int.max) }), ("version", { Str.make("3.11.0 (jitbench interpreter)") }),
            ("platform", { Interned.str("linux") }), ("byteorder", { Interned.str("little") }),
            ("modules", { VM.modules }),
            ("version_info", {
                let type = NativeTypes.structSequence(
                    "version_info", reprName: "sys.version_info", fields: ["major", "minor", "micro", "releaselevel", "serial"])
                return NativeTypes.structSequenceValue(type, [
                    { Value(smallInt: 3) }, { Value(smallInt: 11) }, { Value(smallInt: 0) }, { Interned.str("final") }, { Value(smallInt: 0) },
                ])
            }),
            ("float_info", {
                let type = NativeTypes.structSequence("float_info", reprName: "sys.float_info", fields: [
                    "max", "max_exp", "max_10_exp", "min", "min_exp", "min_10_exp", "dig", "mant_dig", "epsilon", "radix", "rounds",
                ])
                return NativeTypes.structSequenceValue(type, [
                    { Floats.make(Double.greatestFiniteMagnitude) }, { Value(smallInt: 1024) }, { Value(smallInt: 308) },
                    { Floats.make(Double.leastNormalMagnitude) }, { Value(smallInt: -1021) }, { Value(smallInt: -307) },
                    { Value(smallInt: 15) }, { Value(smallInt: 53) }, { Floats.make(Double.ulpOfOne) }, { Value(smallInt: 2) },
                    { Value(smallInt: 1) },
                ])
            }),
        ])
        // `sys.__stdout__` and the others are the streams the program started with.
        let dict = InterpreterObjects.fields(sys).pointee.a
        for name in ["stdin", "stdout", "stderr"] {
            try Dict.set(dict, Interned.str("__\(name)__"), try Dict.get(dict, Interned.str(name)))
        }
        return sys
    }

    // MARK: math

    private static func makeMath() throws(PythonError) -> Value {
        let names = ["sqrt", "exp", "exp2", "expm1", "log1p", "sin", "cos", "tan", "asin", "acos", "atan", "sinh", "cosh",
                     "tanh", "asinh", "acosh", "atanh", "fabs", "cbrt", "erf", "erfc", "log", "log2", "log10", "floor",
                     "ceil", "trunc", "factorial", "gcd", "lcm", "isqrt", "comb", "perm", "pow", "fmod", "atan2",
                     "copysign", "degrees", "radians", "isnan", "isinf", "isfinite", "modf", "frexp", "ldexp", "remainder",
                     "gamma", "lgamma"]
        var functions: [(String, NativeBody)] = names.map { name in
            (name, { args throws(PythonError) in
                try args.expect(0...Int.max)
                if (0..<args.positionalCount).allSatisfy({ !ObjectHooks.isUserObject(args[$0]) }) {
                    return try MathModule.call(name, Array(UnsafeBufferPointer(start: args.base, count: args.positionalCount)))
                }
                return try mathOfUserObjects(name, args)
            })
        }
        for name in ["fsum", "prod", "dist", "hypot", "nextafter", "ulp"] {
            functions.append((name, { args throws(PythonError) in
                // The runtime iterates builtin containers only; anything else becomes a list here,
                // kept in a heap list while the next is made.
                let converted = List.make()
                for i in 0..<args.positionalCount {
                    let v = args[i]
                    let isContainer = [.list, .tuple, .str, .range, .dict, .set, .frozenset].contains(v.kind)
                    let simple = v.isSmallInt || isContainer || v.kind == .float || v.kind == .int || v.kind == .bool
                    List.append(converted, simple ? v : try Iteration.list(v))
                }
                let positional = Array(UnsafeBufferPointer(start: List.items(converted), count: List.count(converted)))
                var keywords: [(String, Value)] = []
                for j in 0..<args.keywordCount {
                    keywords.append((Str.swiftString(Tuple.items(args.keywordNames)[j]), args[args.positionalCount + j]))
                }
                return try Collector.withProtected(positional) { () throws(PythonError) -> Value in
                    try MathModule.call(name, positional, keywords: keywords)
                }
            }))
        }
        functions.append(("isclose", { args throws(PythonError) in
            try args.expect(2...2, keywords: ["rel_tol", "abs_tol"])
            let a = try MathModule.realArgument(args[0]), b = try MathModule.realArgument(args[1])
            let relative = try args.keyword("rel_tol").map { v throws(PythonError) in try MathModule.realArgument(v) } ?? 1e-9
            let absolute = try args.keyword("abs_tol").map { v throws(PythonError) in try MathModule.realArgument(v) } ?? 0
            guard relative >= 0 && absolute >= 0 else { throw PythonError(.valueError, "tolerances must be non-negative") }
            if a == b { return BuiltinTypes.trueValue }
            if a.isInfinite || b.isInfinite { return BuiltinTypes.falseValue }
            let difference = Swift.abs(b - a)
            return Value.bool(difference <= Swift.abs(relative * b) || difference <= Swift.abs(relative * a) || difference <= absolute)
        }))
        let constants = MathModule.constants.map { constant in (constant.0, { Floats.make(constant.1) }) }
        return native("math", functions, constants: constants)
    }

    /// A math function given objects defined in Python: `floor`, `ceil` and `trunc` call
    /// their methods; otherwise each becomes what the runtime takes, an int by `__index__`
    /// where CPython wants an integer, else a float by `__float__` (`PyFloat_AsDouble`).
    private static func mathOfUserObjects(_ name: String, _ args: NativeArguments) throws(PythonError) -> Value {
        if ["floor", "ceil", "trunc"].contains(name) && args.positionalCount == 1 && ObjectHooks.isUserObject(args[0]) {
            if let method = try Attributes.userSpecial(args[0], "__\(name)__") { return try Calls.call(method, args[0]) }
            if name == "trunc" && args[0].kind != .int && args[0].kind != .float {
                throw PythonError(.typeError, "type \(TypeObjects.name(args[0].type)) doesn't define __trunc__ method")
            }
        }
        let integers: Set = ["factorial", "gcd", "lcm", "isqrt", "comb", "perm"]
        // The converted values live in a heap list while the next is made.
        let converted = List.make()
        for i in 0..<args.positionalCount {
            let v = args[i]
            if !ObjectHooks.isUserObject(v) || v.kind == .int || v.kind == .float {
                List.append(converted, v)
            } else if integers.contains(name) {
                List.append(converted, try Ints.index(v))
            } else {
                List.append(converted, try Operators.userFloat(v) ?? v)
            }
        }
        return try MathModule.call(name, Array(UnsafeBufferPointer(start: List.items(converted), count: List.count(converted))))
    }

    // MARK: time

    private static func makeTime() throws(PythonError) -> Value {
        func clock(_ id: clockid_t) -> Double {
            var spec = timespec()
            clock_gettime(id, &spec)
            return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
        }
        return native("time", [
            ("time", { _ throws(PythonError) in Floats.make(clock(CLOCK_REALTIME)) }),
            ("perf_counter", { _ throws(PythonError) in Floats.make(clock(CLOCK_MONOTONIC)) }),
            ("monotonic", { _ throws(PythonError) in Floats.make(clock(CLOCK_MONOTONIC)) }),
            ("process_time", { _ throws(PythonError) in Floats.make(clock(CLOCK_PROCESS_CPUTIME_ID)) }),
            ("perf_counter_ns", { _ throws(PythonError) in Ints.make(Int(clock(CLOCK_MONOTONIC) * 1e9)) }),
            ("time_ns", { _ throws(PythonError) in Ints.make(Int(clock(CLOCK_REALTIME) * 1e9)) }),
            ("sleep", { args throws(PythonError) in
                let seconds = try MathModule.realArgument(args[0])
                if seconds > 0 { usleep(useconds_t(min(seconds, 3600) * 1e6)) }
                return BuiltinTypes.none
            }),
        ])
    }
}
