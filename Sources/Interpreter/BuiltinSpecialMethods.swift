import Compiler
import Runtime

/// The special methods of the builtin types as attributes, for code that names them:
/// `int.__add__` passed to `reduce`, `(2.5).__round__()`, `str.__len__` as a key, and
/// `super().__add__(other)` in a subclass of int. The interpreter's own dispatch never goes
/// through them (the runtime implements the builtin types' operators directly). They work on
/// the builtin value itself, a subclass instance unwrapped, and call nothing a subclass
/// overrides, so that a subclass's method may call them through `super()` without coming
/// back to itself. A binary method of a number returns NotImplemented for an operand of
/// another type, as CPython's do.
enum BuiltinSpecialMethods {
    static func install() {
        installNumbers()
        installContainers()
        installListItems()
        installContainerOperators()
        installIterators()
    }

    private static func installNumbers() {
        for type in [BuiltinTypes.int, BuiltinTypes.float] {
            // int's methods take ints only; float's take ints too.
            let isOperand: (Value) -> Bool = type.is(BuiltinTypes.int) ? { Ints.isInt($0) } : { Ints.isInt($0) || $0.kind == .float }
            func binary(_ name: String, _ body: @escaping (Value, Value) throws(PythonError) -> Value) {
                Natives.method(type, name) { args throws(PythonError) in
                    try args.expect(2...2)
                    guard isOperand(args[1]) else { return BuiltinTypes.notImplemented }
                    return try body(Subclasses.plain(args[0]), Subclasses.plain(args[1]))
                }
            }
            for operation in BinaryOperation.allCases where !operation.isInPlace && operation != .matrixMultiply {
                let stem = operation.methodStem
                let runtimeOperator = Operators.runtimeOperator(operation)!
                binary("__\(stem)__") { a, b throws(PythonError) in try Arithmetic.binary(runtimeOperator, a, b) }
                binary("__r\(stem)__") { a, b throws(PythonError) in try Arithmetic.binary(runtimeOperator, b, a) }
            }
            binary("__divmod__") { a, b throws(PythonError) in try Arithmetic.divmod(a, b) }
            binary("__rdivmod__") { a, b throws(PythonError) in try Arithmetic.divmod(b, a) }
            for comparison in Comparison.allCases {
                binary(comparison.methodName) { a, b throws(PythonError) in
                    Value.bool(try Objects.compareLayouts(a, b, Operators.runtimeComparison(comparison)))
                }
            }
            let unary: [(String, (Value) throws(PythonError) -> Value)] = [
                ("__neg__", { v throws(PythonError) in try Arithmetic.negate(v) }),
                ("__pos__", { v throws(PythonError) in v }),
                ("__abs__", { v throws(PythonError) in try Arithmetic.absolute(v) }),
                ("__bool__", { v throws(PythonError) in Value.bool(Objects.isTrue(v)) }),
                ("__int__", { v throws(PythonError) in try MathModule.call("trunc", [v]) }),
                ("__trunc__", { v throws(PythonError) in try MathModule.call("trunc", [v]) }),
                ("__floor__", { v throws(PythonError) in try MathModule.call("floor", [v]) }),
                ("__ceil__", { v throws(PythonError) in try MathModule.call("ceil", [v]) }),
                ("__float__", { v throws(PythonError) in v.kind == .float ? v : Floats.make(try Ints.toDouble(v)) }),
                ("__hash__", { v throws(PythonError) in Ints.make(try Objects.hash(v)) }),
                ("__repr__", { v throws(PythonError) in Str.make(try Objects.builtinRepr(v)) }),
            ]
            for (name, body) in unary {
                Natives.method(type, name) { args throws(PythonError) in
                    try args.expect(1...1)
                    return try body(Subclasses.plain(args[0]))
                }
            }
            Natives.method(type, "__round__") { args throws(PythonError) in
                try args.expect(1...2)
                let digits = args.argument(1)
                return try Arithmetic.round(Subclasses.plain(args[0]), digits: digits.flatMap { $0.is(BuiltinTypes.none) ? nil : $0 })
            }
        }
    }

    private static func installContainers() {
        for type in [BuiltinTypes.str, BuiltinTypes.list, BuiltinTypes.tuple, BuiltinTypes.dict, BuiltinTypes.set, BuiltinTypes.frozenset] {
            Natives.method(type, "__len__") { args throws(PythonError) in
                try args.expect(1...1)
                return Value(smallInt: length(args[0]))
            }
            Natives.method(type, "__contains__") { args throws(PythonError) in
                try args.expect(2...2)
                return Value.bool(try contains(args[0], args[1]))
            }
        }
        for type in [BuiltinTypes.str, BuiltinTypes.list, BuiltinTypes.tuple] {
            if try! Dict.get(type.fields(TypeObject.self).pointee.dict, SpecialNames.getitem).isNull {
                Natives.method(type, "__getitem__") { args throws(PythonError) in
                    try args.expect(2...2)
                    return try Sequences.item(Subclasses.plain(args[0]), try Operators.sequenceIndex(args[1]))
                }
            }
            Natives.method(type, "__add__") { args throws(PythonError) in
                try args.expect(2...2)
                return try Sequences.concatenate(Subclasses.plain(args[0]), Subclasses.plain(args[1]))
            }
            for comparison in Comparison.allCases {
                Natives.method(type, comparison.methodName) { args throws(PythonError) in
                    try args.expect(2...2)
                    guard args[1].kind == args[0].kind else { return BuiltinTypes.notImplemented }
                    let result = try Objects.compareLayouts(
                        Subclasses.plain(args[0]), Subclasses.plain(args[1]), Operators.runtimeComparison(comparison))
                    return Value.bool(result)
                }
            }
            for name in ["__mul__", "__rmul__"] {
                Natives.method(type, name) { args throws(PythonError) in
                    try args.expect(2...2)
                    guard Ints.isInt(args[1]) else { return BuiltinTypes.notImplemented }
                    return try Sequences.repeated(Subclasses.plain(args[0]), Ints.unbool(args[1]))
                }
            }
        }
    }

    /// `list.__setitem__` and `list.__delitem__`, for subclasses that extend them.
    private static func installListItems() {
        Natives.method(BuiltinTypes.list, "__setitem__") { args throws(PythonError) in
            try args.expect(3...3)
            try Operators.setListItem(args[0], args[1], args[2])
            return BuiltinTypes.none
        }
        Natives.method(BuiltinTypes.list, "__delitem__") { args throws(PythonError) in
            try args.expect(2...2)
            try Operators.deleteListItem(args[0], args[1])
            return BuiltinTypes.none
        }
    }

    /// The operators of list, dict, set and frozenset as methods (`list.__iadd__`,
    /// `dict.__or__`, `set.__ior__`), with the operand types their operators take and
    /// NotImplemented for others, as CPython's slot wrappers.
    private static func installContainerOperators() {
        func define(_ type: Value, _ name: String, _ body: @escaping (Value, Value) throws(PythonError) -> Value?) {
            Natives.method(type, name) { args throws(PythonError) in
                try args.expect(2...2)
                return try body(args[0], args[1]) ?? BuiltinTypes.notImplemented
            }
        }
        define(BuiltinTypes.list, "__iadd__") { list, items throws(PythonError) in
            try Iteration.forEach(items) { item throws(PythonError) in List.append(list, item) }
            return list
        }
        define(BuiltinTypes.list, "__imul__") { list, times throws(PythonError) in
            guard let n = try Ints.indexValue(times) else { return nil }
            let repeated = try Sequences.repeated(Subclasses.plain(list), n)
            List.clear(list)
            List.extend(list, with: repeated)
            return list
        }
        define(BuiltinTypes.dict, "__or__") { a, b throws(PythonError) in
            guard b.kind == .dict else { return nil }
            let result = try Dict.copy(Subclasses.plain(a))
            try Mappings.update(result, with: b)
            return result
        }
        define(BuiltinTypes.dict, "__ror__") { a, b throws(PythonError) in
            guard b.kind == .dict else { return nil }
            let result = try Dict.copy(Subclasses.plain(b))
            try Mappings.update(result, with: a)
            return result
        }
        define(BuiltinTypes.dict, "__ior__") { a, b throws(PythonError) in
            try Mappings.update(a, with: b)
            return a
        }
        let setOperators: [(String, BinaryOperator)] = [("or", .or), ("and", .and), ("sub", .subtract), ("xor", .xor)]
        for type in [BuiltinTypes.set, BuiltinTypes.frozenset] {
            for (stem, op) in setOperators {
                define(type, "__\(stem)__") { a, b throws(PythonError) in try Sets.binary(op, a, b) }
                define(type, "__r\(stem)__") { a, b throws(PythonError) in try Sets.binary(op, b, a) }
            }
        }
        for (stem, op) in setOperators {
            define(BuiltinTypes.set, "__i\(stem)__") { a, b throws(PythonError) in try Sets.inPlace(op, a, b) }
        }
        Natives.method(BuiltinTypes.dict, "__delitem__") { args throws(PythonError) in
            try args.expect(2...2)
            if !(try Dict.remove(args[0], args[1])) {
                throw PythonError(exception: Exceptions.make(BuiltinException.keyError.type, arguments: [args[1]]))
            }
            return BuiltinTypes.none
        }
    }

    /// The length by the builtin layout, whatever a subclass says.
    private static func length(_ v: Value) -> Int {
        switch v.kind {
        case .str: return Str.count(v)
        case .list: return List.count(v)
        case .tuple: return Tuple.count(v)
        case .dict: return Dict.count(v)
        default: return Sets.count(v)
        }
    }

    /// `x in v` by the builtin layout, whatever a subclass says.
    private static func contains(_ v: Value, _ x: Value) throws(PythonError) -> Bool {
        switch v.kind {
        case .str:
            guard x.kind == .str else {
                throw PythonError(.typeError, "'in <string>' requires string as left operand, not \(TypeObjects.name(x.type))")
            }
            return try Sequences.contains(Subclasses.plain(v), Subclasses.plain(x))
        case .list, .tuple: return try Sequences.contains(v, x)
        case .dict: return !(try Dict.get(v, x)).isNull
        default: return try Sets.contains(v, x)
        }
    }

    /// `__iter__` and `__next__` of the builtin iterators: `it.__next__()`.
    private static func installIterators() {
        let types = [
            InterpreterTypes.listIterator, InterpreterTypes.tupleIterator, InterpreterTypes.strIterator, InterpreterTypes.rangeIterator,
            InterpreterTypes.setIterator, InterpreterTypes.reversed, InterpreterTypes.enumerate, InterpreterTypes.zip,
            InterpreterTypes.map, InterpreterTypes.filter, InterpreterTypes.callableIterator, InterpreterTypes.sequenceIterator,
            InterpreterTypes.listReverseIterator,
        ] + BuiltinTypes.dictIterators + InterpreterTypes.dictReverseIterators
        for type in types {
            Natives.method(type, "__iter__") { args throws(PythonError) in args[0] }
            Natives.method(type, "__next__") { args throws(PythonError) in
                let item = try Iteration.next(args[0])
                if item.isNull { throw Generators.stopIteration(Value.null) }
                return item
            }
        }
    }
}
