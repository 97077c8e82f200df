import Compiler
import Runtime

/// The `operator` module: the operators as functions, and the callable getters itemgetter,
/// attrgetter and methodcaller.
enum OperatorModule {
    nonisolated(unsafe) static var itemgetter = Value.null
    nonisolated(unsafe) static var attrgetter = Value.null
    nonisolated(unsafe) static var methodcaller = Value.null

    static func module() throws(PythonError) -> Value {
        var functions = binaryFunctions() + comparisonFunctions() + unaryFunctions() + sequenceFunctions()
        // The dunder aliases (`operator.__add__`) name the same operations.
        let withoutDunder: Set = ["is_", "is_not", "truth", "countOf", "indexOf"]
        functions += functions.filter { !withoutDunder.contains($0.0) }
            .map { ("__\($0.0.hasSuffix("_") ? String($0.0.dropLast()) : $0.0)__", $0.1) }
        return Modules.native("operator", functions, constants: NativeTypes.inModule("operator", [
            ("itemgetter", makeItemgetterType), ("attrgetter", makeAttrgetterType), ("methodcaller", makeMethodcallerType),
        ]))
    }

    private static func two(_ name: String, _ body: @escaping (Value, Value) throws(PythonError) -> Value) -> (String, NativeBody) {
        (name, { args throws(PythonError) in
            try args.expect(2...2)
            return try body(args[0], args[1])
        })
    }

    private static func one(_ name: String, _ body: @escaping (Value) throws(PythonError) -> Value) -> (String, NativeBody) {
        (name, { args throws(PythonError) in
            try args.expect(1...1)
            return try body(args[0])
        })
    }

    // MARK: Operators

    private static func binaryFunctions() -> [(String, NativeBody)] {
        let operations: [(String, BinaryOperation)] = [
            ("add", .add), ("sub", .subtract), ("mul", .multiply), ("truediv", .trueDivide), ("floordiv", .floorDivide),
            ("mod", .remainder), ("pow", .power), ("lshift", .leftShift), ("rshift", .rightShift), ("and_", .bitAnd),
            ("or_", .bitOr), ("xor", .bitXor), ("matmul", .matrixMultiply),
            ("iadd", .inPlaceAdd), ("isub", .inPlaceSubtract), ("imul", .inPlaceMultiply), ("itruediv", .inPlaceTrueDivide),
            ("ifloordiv", .inPlaceFloorDivide), ("imod", .inPlaceRemainder), ("ipow", .inPlacePower),
            ("ilshift", .inPlaceLeftShift), ("irshift", .inPlaceRightShift), ("iand", .inPlaceBitAnd), ("ior", .inPlaceBitOr),
            ("ixor", .inPlaceBitXor), ("imatmul", .inPlaceMatrixMultiply),
        ]
        return operations.map { name, operation in two(name) { a, b throws(PythonError) in try Operators.binary(operation, a, b) } }
    }

    private static func comparisonFunctions() -> [(String, NativeBody)] {
        let comparisons: [(String, Comparison)] = [
            ("lt", .less), ("le", .lessEqual), ("eq", .equal), ("ne", .notEqual), ("gt", .greater), ("ge", .greaterEqual),
        ]
        return comparisons.map { name, comparison in two(name) { a, b throws(PythonError) in try Operators.compare(a, b, comparison) } }
    }

    private static func unaryFunctions() -> [(String, NativeBody)] {
        [
            one("neg") { v throws(PythonError) in try Operators.negative(v) },
            one("pos") { v throws(PythonError) in try Operators.positive(v) },
            one("invert") { v throws(PythonError) in try Operators.invert(v) },
            one("inv") { v throws(PythonError) in try Operators.invert(v) },
            one("abs") { v throws(PythonError) in
                if let method = try Attributes.userSpecial(v, interned: SpecialNames.abs) { return try Calls.call(method, v) }
                return try Arithmetic.absolute(v)
            },
            one("not_") { v throws(PythonError) in Value.bool(!(try Operators.isTrue(v))) },
            one("truth") { v throws(PythonError) in Value.bool(try Operators.isTrue(v)) },
            one("index") { v throws(PythonError) in try Ints.index(v) },
            ("length_hint", { args throws(PythonError) in
                // The length if the object has one, else `__length_hint__`, else the default.
                try args.expect(1...2)
                let v = args[0]
                if v.kind == .str || v.kind == .list || v.kind == .tuple || v.kind == .dict || v.kind == .set
                    || v.kind == .frozenset || v.kind == .range || v.kind == .dictView {
                    return Value(smallInt: try Operators.length(v))
                }
                if try Attributes.userSpecial(v, interned: SpecialNames.len) != nil { return Value(smallInt: try Operators.length(v)) }
                if let hint = try Attributes.userSpecial(v, "__length_hint__") {
                    let result = try Calls.call(hint, v)
                    if !result.is(BuiltinTypes.notImplemented) { return result }
                }
                return args.positionalCount > 1 ? args[1] : Value(smallInt: 0)
            }),
            two("is_") { a, b throws(PythonError) in Value.bool(a.is(b)) },
            two("is_not") { a, b throws(PythonError) in Value.bool(!a.is(b)) },
            ("call", { args throws(PythonError) in
                guard args.positionalCount > 0 else { throw PythonError(.typeError, "call() missing required argument 'obj'") }
                return try Calls.call(args[0], args.base + 1, args.count - 1, keywordNames: args.keywordNames, stackTop: args.stackTop)
            }),
        ]
    }

    private static func sequenceFunctions() -> [(String, NativeBody)] {
        [
            two("contains") { a, b throws(PythonError) in Value.bool(try Operators.contains(a, b)) },
            two("getitem") { a, b throws(PythonError) in try Operators.getItem(a, b) },
            two("concat") { a, b throws(PythonError) in try concatenate(a, b, .add) },
            two("iconcat") { a, b throws(PythonError) in try concatenate(a, b, .inPlaceAdd) },
            two("countOf") { a, b throws(PythonError) in
                var count = 0
                try Iteration.forEach(a) { item throws(PythonError) in
                    if item.is(b) { count += 1 } else if try Objects.equal(item, b) { count += 1 }
                }
                return Value(smallInt: count)
            },
            two("indexOf") { a, b throws(PythonError) in
                var position = 0, found = -1
                try Iteration.forEachUntil(a) { item throws(PythonError) in
                    if item.is(b) { found = position } else if try Objects.equal(item, b) { found = position }
                    position += 1
                    return found >= 0
                }
                guard found >= 0 else { throw PythonError(.valueError, "sequence.index(x): x not in sequence") }
                return Value(smallInt: found)
            },
            ("setitem", { args throws(PythonError) in
                try args.expect(3...3)
                try Operators.setItem(args[0], args[1], args[2])
                return BuiltinTypes.none
            }),
            two("delitem") { a, b throws(PythonError) in
                try Operators.deleteItem(a, b)
                return BuiltinTypes.none
            },
        ]
    }

    /// `a + b` for sequences only: numbers cannot be concatenated.
    private static func concatenate(_ a: Value, _ b: Value, _ operation: BinaryOperation) throws(PythonError) -> Value {
        let isSequence = [.list, .tuple, .str].contains(a.kind) || (ObjectHooks.isUserObject(a) && a.kind == .instance)
        guard !a.isSmallInt, isSequence else {
            throw PythonError(.typeError, "'\(TypeObjects.name(a.type))' object can't be concatenated")
        }
        return try Operators.binary(operation, a, b)
    }

    // MARK: itemgetter(*items): `a` the tuple of items

    private static func makeItemgetterType() -> Value {
        itemgetter = NativeTypes.make("itemgetter", new: { args throws(PythonError) in
            guard args.positionalCount > 0 else { throw PythonError(.typeError, "itemgetter expected 1 argument, got 0") }
            try args.expect(1...Int.max)
            return NativeTypes.object(itemgetter, a: NativeTypes.positionalTuple(args))
        })
        Natives.method(itemgetter, "__call__") { args throws(PythonError) in
            try args.expect(2...2)
            let items = NativeTypes.fields(args[0]).pointee.a
            let n = Tuple.count(items)
            if n == 1 { return try Operators.getItem(args[1], Tuple.items(items)[0]) }
            let result = Tuple.allocate(count: n)
            for k in 0..<n { Tuple.items(result)[k] = BuiltinTypes.none }
            for k in 0..<n { Tuple.items(result)[k] = try Operators.getItem(args[1], Tuple.items(items)[k]) }
            return result
        }
        NativeTypes.setRepr(itemgetter) { v throws(PythonError) in
            "operator.itemgetter(\(try argumentList(NativeTypes.fields(v).pointee.a)))"
        }
        return itemgetter
    }

    /// The reprs of a tuple's items, comma-separated.
    private static func argumentList(_ tuple: Value) throws(PythonError) -> String {
        var parts: [String] = []
        for k in 0..<Tuple.count(tuple) { parts.append(try Objects.repr(Tuple.items(tuple)[k])) }
        return parts.joined(separator: ", ")
    }

    // MARK: attrgetter(*names): `a` the names, `b` for each a tuple of its dotted parts

    private static func makeAttrgetterType() -> Value {
        attrgetter = NativeTypes.make("attrgetter", new: { args throws(PythonError) in
            guard args.positionalCount > 0 else { throw PythonError(.typeError, "attrgetter expected 1 argument, got 0") }
            try args.expect(1...Int.max)
            let names = NativeTypes.positionalTuple(args)
            let paths = Tuple.allocate(count: Tuple.count(names))
            for k in 0..<Tuple.count(paths) { Tuple.items(paths)[k] = BuiltinTypes.none }
            for k in 0..<Tuple.count(names) {
                let name = Tuple.items(names)[k]
                guard name.kind == .str else { throw PythonError(.typeError, "attribute name must be a string") }
                let parts = Str.swiftString(name).split(separator: ".", omittingEmptySubsequences: false)
                Tuple.items(paths)[k] = Tuple.make(parts.map { Interned.str(String($0)) })
            }
            return NativeTypes.object(attrgetter, a: names, b: paths)
        })
        Natives.method(attrgetter, "__call__") { args throws(PythonError) in
            try args.expect(2...2)
            let paths = NativeTypes.fields(args[0]).pointee.b
            let n = Tuple.count(paths)
            if n == 1 { return try follow(args[1], Tuple.items(paths)[0]) }
            let result = Tuple.allocate(count: n)
            for k in 0..<n { Tuple.items(result)[k] = BuiltinTypes.none }
            for k in 0..<n { Tuple.items(result)[k] = try follow(args[1], Tuple.items(paths)[k]) }
            return result
        }
        NativeTypes.setRepr(attrgetter) { v throws(PythonError) in
            "operator.attrgetter(\(try argumentList(NativeTypes.fields(v).pointee.a)))"
        }
        return attrgetter
    }

    /// `object.part1.part2...`
    private static func follow(_ object: Value, _ path: Value) throws(PythonError) -> Value {
        var current = object
        for k in 0..<Tuple.count(path) { current = try Attributes.get(current, Tuple.items(path)[k]) }
        return current
    }

    // MARK: methodcaller(name, *args, **kwargs): `a` the name, `b` the arguments, `c` the keywords

    private static func makeMethodcallerType() -> Value {
        methodcaller = NativeTypes.make("methodcaller", new: { args throws(PythonError) in
            guard args.positionalCount > 0 else { throw PythonError(.typeError, "methodcaller needs at least one argument, the method name") }
            guard args[0].kind == .str else { throw PythonError(.typeError, "method name must be a string") }
            let keywords = try NativeTypes.keywordDict(args)
            return NativeTypes.object(methodcaller, a: args[0], b: NativeTypes.positionalTuple(args, from: 1), c: keywords)
        })
        Natives.method(methodcaller, "__call__") { args throws(PythonError) in
            try args.expect(2...2)
            let fields = NativeTypes.fields(args[0])
            let method = try Attributes.get(args[1], fields.pointee.a)
            let keywords = Dict.count(fields.pointee.c) == 0 ? Value.null : fields.pointee.c
            return try Calls.callExtended(method, fields.pointee.b, keywords, stackTop: args.stackTop)
        }
        NativeTypes.setRepr(methodcaller) { v throws(PythonError) in
            let fields = NativeTypes.fields(v)
            var parts = [try Objects.repr(fields.pointee.a)]
            if Tuple.count(fields.pointee.b) > 0 { parts.append(try argumentList(fields.pointee.b)) }
            try Dict.forEach(fields.pointee.c) { key, value throws(PythonError) in
                parts.append("\(Str.swiftString(key))=\(try Objects.repr(value))")
            }
            return "operator.methodcaller(\(parts.joined(separator: ", ")))"
        }
        return methodcaller
    }
}
