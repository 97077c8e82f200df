import Compiler
import Runtime

/// Calling a builtin type: `int("12")`, `list(it)`, `property(f)`, `ValueError("x")`.
enum BuiltinConstructors {
    nonisolated(unsafe) static var constructors: [UInt64: NativeBody] = [:]

    static func call(
        _ type: Value, _ arguments: UnsafeMutablePointer<Value>, _ count: Int, keywordNames: Value,
        stackTop: UnsafeMutablePointer<Value>
    ) throws(PythonError) -> Value {
        let args = NativeArguments(
            base: arguments, count: count, keywordNames: keywordNames, stackTop: stackTop, name: .type(type))
        if let constructor = constructors[type.bits] { return try constructor(args) }
        if TypeObjects.isSubtype(type, of: BuiltinException.importError.type) { return try makeImportError(type, args) }
        if TypeObjects.isSubtype(type, of: BuiltinException.baseException.type) {
            try args.expect(0...Int.max)
            var made = type
            if type.is(BuiltinException.osError.type), (2...5).contains(count), arguments[0].isSmallInt,
               let subclass = Builtins.osErrorByNumber[arguments[0].smallInt] {
                made = subclass
            }
            return Exceptions.make(made, arguments: Array(UnsafeBufferPointer(start: arguments, count: count)))
        }
        throw PythonError(.typeError, "cannot create '\(TypeObjects.name(type))' instances")
    }

    /// `<super: <class 'C'>, <D object>>`: the class, and the receiver's type (the receiver
    /// itself when it is a class), by their `tp_name`s.
    private static func superRepr(_ object: Value) -> String {
        let fields = InterpreterObjects.fields(object)
        let receiver = fields.pointee.b
        let receiverType = receiver.kind == .type ? receiver : receiver.type
        return "<super: <class '\(TypeObjects.name(fields.pointee.a))'>, <\(TypeObjects.name(receiverType)) object>>"
    }

    /// `ImportError(*args, name=None, path=None)`: the two keywords become attributes (which
    /// default to None in `BuiltinAttributes`); any other keyword is refused as CPython does.
    private static func makeImportError(_ type: Value, _ args: NativeArguments) throws(PythonError) -> Value {
        let error = Exceptions.make(type, arguments: Array(UnsafeBufferPointer(start: args.base, count: args.positionalCount)))
        try setImportErrorFields(error, args)
        return error
    }

    /// The `name=` and `path=` of a call to ImportError or its `__init__`.
    static func setImportErrorFields(_ error: Value, _ args: NativeArguments) throws(PythonError) {
        for (keyword, _) in args.keywords where !["name", "path"].contains(Str.swiftString(keyword)) {
            throw PythonError(.typeError, "'\(Str.swiftString(keyword))' is an invalid keyword argument for ImportError()")
        }
        for (keyword, value) in args.keywords where !value.is(BuiltinTypes.none) {
            try Dict.set(Attributes.attributeDict(error, at: \ExceptionObject.attributes), keyword, value)
        }
    }

    static func install() {
        func define(_ type: Value, _ body: @escaping NativeBody) { constructors[type.bits] = body }
        define(BuiltinTypes.int, makeInt)
        define(BuiltinTypes.float, makeFloat)
        define(BuiltinTypes.str) { args throws(PythonError) in
            try args.expect(0...3, keywords: ["object", "encoding", "errors"])
            guard let object = args.argument(0, "object") else { return Interned.str("") }
            if args.count > 1 {
                // str(bytes, encoding): decoding needs bytes, which this interpreter lacks.
                throw PythonError(.typeError, object.kind == .str ? "decoding str is not supported"
                                  : "decoding to str: need a bytes-like object, \(TypeObjects.name(object.type)) found")
            }
            return Subclasses.plain(try Strings.str(object))
        }
        define(BuiltinTypes.bool) { args throws(PythonError) in
            try args.expect(0...1)
            guard args.positionalCount == 1 else { return BuiltinTypes.falseValue }
            return Value.bool(try Operators.isTrue(args[0]))
        }
        define(BuiltinTypes.list) { args throws(PythonError) in
            try args.expect(0...1)
            return args.positionalCount == 0 ? List.make() : try Iteration.list(args[0])
        }
        define(BuiltinTypes.tuple) { args throws(PythonError) in
            try args.expect(0...1)
            return args.positionalCount == 0 ? Tuple.make() : try Iteration.tuple(args[0])
        }
        define(BuiltinTypes.set) { args throws(PythonError) in try makeSet(args, frozen: false) }
        define(BuiltinTypes.frozenset) { args throws(PythonError) in try makeSet(args, frozen: true) }
        define(BuiltinTypes.dict) { args throws(PythonError) in
            try args.expect(0...1, keywords: (0..<args.keywordCount).map { Str.swiftString(Tuple.items(args.keywordNames)[$0]) })
            let dict = Dict.make()
            if args.positionalCount == 1 { try Mappings.update(dict, with: args[0]) }
            for j in 0..<args.keywordCount {
                try Dict.set(dict, Tuple.items(args.keywordNames)[j], args[args.positionalCount + j])
            }
            return dict
        }
        define(BuiltinTypes.range) { args throws(PythonError) in
            try args.expect(1...3)
            for i in 0..<args.positionalCount { args.base[i] = try Ints.index(args[i]) }
            switch args.positionalCount {
            case 1: return try Ranges.make(start: Value(smallInt: 0), stop: args[0], step: Value(smallInt: 1))
            case 2: return try Ranges.make(start: args[0], stop: args[1], step: Value(smallInt: 1))
            default: return try Ranges.make(start: args[0], stop: args[1], step: args[2])
            }
        }
        define(BuiltinTypes.slice) { args throws(PythonError) in
            try args.expect(1...3)
            let none = BuiltinTypes.none
            switch args.positionalCount {
            case 1: return Slices.make(start: none, stop: args[0], step: none)
            case 2: return Slices.make(start: args[0], stop: args[1], step: none)
            default: return Slices.make(start: args[0], stop: args[1], step: args[2])
            }
        }
        define(BuiltinTypes.object) { args throws(PythonError) in
            if args.count > 0 { throw PythonError(.typeError, "object() takes no arguments") }
            return Instances.make(BuiltinTypes.object)
        }
        define(BuiltinTypes.type) { args throws(PythonError) in
            if args.positionalCount == 1 { return args[0].type }
            guard args.positionalCount == 3 else { throw PythonError(.typeError, "type() takes 1 or 3 arguments") }
            try Classes.checkTypeArguments(args[0], args[1], args[2])
            let namespace = try Dict.copy(args[2])
            if (try Dict.get(namespace, Interned.str("__module__"))).isNull {
                try Dict.set(namespace, Interned.str("__module__"), Interned.str("__main__"))
            }
            return try Classes.create(metatype: BuiltinTypes.type, name: args[0], bases: args[1], namespace: namespace, keywords: args.keywords)
        }
        define(InterpreterTypes.property) { args throws(PythonError) in
            try args.expect(0...4, keywords: ["fget", "fset", "fdel", "doc"])
            let none = BuiltinTypes.none
            return InterpreterObjects.make(
                .property, type: InterpreterTypes.property, a: args.argument(0, "fget") ?? none,
                b: args.argument(1, "fset") ?? none, c: args.argument(2, "fdel") ?? none, d: args.argument(3, "doc") ?? none)
        }
        define(InterpreterTypes.staticMethod) { args throws(PythonError) in
            try args.expect(1...1)
            return InterpreterObjects.make(.staticMethod, type: InterpreterTypes.staticMethod, a: args[0])
        }
        define(InterpreterTypes.classMethod) { args throws(PythonError) in
            try args.expect(1...1)
            return InterpreterObjects.make(.classMethod, type: InterpreterTypes.classMethod, a: args[0])
        }
        define(InterpreterTypes.superType) { args throws(PythonError) in
            // The compiler supplies the class and the first argument of a method; anywhere else
            // there are none to find.
            if args.count == 0 { throw PythonError(.runtimeError, "super(): no arguments") }
            try args.expect(2...2)
            return InterpreterObjects.make(.superObject, type: InterpreterTypes.superType, a: args[0], b: args[1])
        }
        NativeTypes.setRepr(InterpreterTypes.superType, superRepr)
        define(InterpreterTypes.enumerate, BuiltinIterators.enumerate)
        define(InterpreterTypes.zip, BuiltinIterators.zip)
        define(InterpreterTypes.map, BuiltinIterators.map)
        define(InterpreterTypes.filter, BuiltinIterators.filter)
        define(InterpreterTypes.reversed, BuiltinIterators.reversed)
        installPropertyMethods()
    }

    private static func installPropertyMethods() {
        for (name, field) in [("setter", 1), ("getter", 0), ("deleter", 2)] {
            Natives.method(InterpreterTypes.property, name) { args throws(PythonError) in
                try args.expect(2...2)
                let old = InterpreterObjects.fields(args[0])
                var parts = [old.pointee.a, old.pointee.b, old.pointee.c]
                parts[field] = args[1]
                return InterpreterObjects.make(.property, type: InterpreterTypes.property, a: parts[0], b: parts[1], c: parts[2], d: old.pointee.d)
            }
        }
        for (name, field) in [("fget", \InterpreterObject.a), ("fset", \.b), ("fdel", \.c)] {
            NativeTypes.getter(InterpreterTypes.property, name) { v throws(PythonError) in InterpreterObjects.fields(v).pointee[keyPath: field] }
        }
        // The doc given, else the getter's docstring, as `property()` copies it.
        NativeTypes.getter(InterpreterTypes.property, "__doc__") { v throws(PythonError) in
            let fields = InterpreterObjects.fields(v)
            if !fields.pointee.d.is(BuiltinTypes.none) { return fields.pointee.d }
            let getter = fields.pointee.a
            return getter.is(BuiltinTypes.none) ? BuiltinTypes.none : try Attributes.get(getter, Interned.str("__doc__"))
        }
    }

    private static func makeInt(_ args: NativeArguments) throws(PythonError) -> Value {
        try args.expect(0...2, keywords: ["base"])
        if args.positionalCount == 0 { return Value(smallInt: 0) }
        let v = args[0]
        if let base = args.argument(1, "base") {
            guard v.kind == .str else { throw PythonError(.typeError, "int() can't convert non-string with explicit base") }
            return try Ints.parse(Str.swiftString(v), base: Ints.unbool(base).smallInt)
        }
        switch v.kind {
        case .int, .bool: return Ints.unbool(v)
        case .float: return try Ints.make(truncating: Floats.value(v))
        case .str:
            if let small = smallDecimal(v) { return small }
            return try Ints.parse(Str.swiftString(v), base: 10)
        default:
            for name in ["__int__", "__index__", "__trunc__"] {
                if let method = try Attributes.userSpecial(v, name) { return try Calls.call(method, v) }
            }
            throw PythonError(.typeError, "int() argument must be a string, a bytes-like object or a real number, not '\(TypeObjects.name(v.type))'")
        }
    }

    /// `int(text)` for a short run of ASCII digits, the common case, without the general parser.
    private static func smallDecimal(_ s: Value) -> Value? {
        let n = Str.count(s)
        guard n > 0 && n <= 18 else { return nil }
        var result = 0
        for i in 0..<n {
            let c = Str.codePoint(s, at: i)
            guard c >= 0x30 && c <= 0x39 else { return nil }
            result = result * 10 + Int(c - 0x30)
        }
        return Value(smallInt: result)
    }

    private static func makeFloat(_ args: NativeArguments) throws(PythonError) -> Value {
        try args.expect(0...1)
        if args.positionalCount == 0 { return Floats.make(0) }
        let v = args[0]
        // A class's own `__float__` (or `__index__`) comes before its builtin base's value.
        if let converted = try Operators.userFloat(v) { return converted }
        switch v.kind {
        case .float: return Subclasses.plain(v)
        case .int, .bool: return Floats.make(try Ints.toDouble(Ints.unbool(v)))
        case .str: return Floats.make(try Floats.parse(v))
        default:
            throw PythonError(.typeError, "float() argument must be a string or a real number, not '\(TypeObjects.name(v.type))'")
        }
    }

    private static func makeSet(_ args: NativeArguments, frozen: Bool) throws(PythonError) -> Value {
        try args.expect(0...1)
        if frozen, args.positionalCount == 1, args[0].type.is(BuiltinTypes.frozenset) { return args[0] }
        let set = Sets.make(frozen: frozen)
        if args.positionalCount == 1 { try Iteration.addAll(args[0], to: set) }
        return set
    }
}

/// Filling dicts from mappings and from `**` arguments.
enum Mappings {
    /// A dict, or anything with `keys` (what `**` accepts).
    static func isMapping(_ v: Value) throws(PythonError) -> Bool {
        if v.kind == .dict { return true }
        return try Attributes.lookupSpecial(v, "keys") != nil
    }

    /// `dict.update(other)`: a mapping (a dict, or anything with `keys`), or pairs.
    static func update(_ dict: Value, with other: Value) throws(PythonError) {
        // CPython copies a dict's entries directly only while its type iterates as dict does;
        // a subclass with its own `__iter__` is read through `keys()` and `__getitem__`.
        if other.kind == .dict, try Attributes.userSpecial(other, interned: SpecialNames.iter) == nil {
            try Dict.update(dict, with: other)
            return
        }
        if let keys = try Attributes.lookupSpecial(other, "keys") {
            try Iteration.forEach(try Calls.call(keys, other)) { key throws(PythonError) in
                try Dict.set(dict, key, try Operators.getItem(other, key))
            }
            return
        }
        var index = 0
        try Iteration.forEach(other) { pair throws(PythonError) in
            let items = try pairItems(pair, index)
            guard List.count(items) == 2 else {
                throw PythonError(.valueError, "dictionary update sequence element #\(index) has length \(List.count(items)); 2 is required")
            }
            try Dict.set(dict, List.items(items)[0], List.items(items)[1])
            index += 1
        }
    }

    /// An element of a sequence of pairs as a list; CPython words any TypeError on the way.
    private static func pairItems(_ pair: Value, _ index: Int) throws(PythonError) -> Value {
        do throws(PythonError) { return try Iteration.list(pair) } catch {
            guard TypeObjects.isSubtype(error.exception.type, of: BuiltinException.typeError.type) else { throw error }
            throw PythonError(.typeError, "cannot convert dictionary update sequence element #\(index) to a sequence")
        }
    }

    /// `f(**mapping)`: like update, but a repeated keyword is an error.
    static func merge(_ dict: Value, keywords: Value, callee: Value) throws(PythonError) {
        guard try isMapping(keywords) else {
            throw PythonError(.typeError, "\(try Calls.description(of: callee)) argument after ** must be a mapping, not \(TypeObjects.name(keywords.type))")
        }
        let source = Dict.make()
        try update(source, with: keywords)
        try Dict.forEach(source) { key, value throws(PythonError) in
            if !(try Dict.get(dict, key)).isNull {
                throw PythonError(.typeError, "\(try Calls.description(of: callee)) got multiple values for keyword argument '\(try Objects.str(key))'")
            }
            try Dict.set(dict, key, value)
        }
    }
}
