import Compiler
import Runtime

/// The special methods of the builtin types as attributes, for code that names them:
/// `int.__add__` passed to `reduce`, `(2.5).__round__()`, `str.__len__` as a key, `list.__getitem__`.
/// The interpreter's own dispatch never goes through them (the runtime implements the
/// builtin types' operators directly), so they only need CPython's results, NotImplemented
/// included: a binary method of a number returns it for an operand of another type.
enum BuiltinSpecialMethods {
    static func install() {
        installNumbers()
        installContainers()
        installIterators()
    }

    private static func installNumbers() {
        for type in [BuiltinTypes.int, BuiltinTypes.float] {
            // int's methods take ints only; float's take ints too.
            let isOperand: (Value) -> Bool = type.is(BuiltinTypes.int) ? { Ints.isInt($0) } : { Operators.isNumber($0) }
            for operation in BinaryOperation.allCases where !operation.isInPlace && operation != .matrixMultiply {
                let stem = operation.methodStem
                Natives.method(type, "__\(stem)__") { args throws(PythonError) in
                    try args.expect(2...2)
                    guard isOperand(args[1]) else { return BuiltinTypes.notImplemented }
                    return try Operators.binary(operation, args[0], args[1])
                }
                Natives.method(type, "__r\(stem)__") { args throws(PythonError) in
                    try args.expect(2...2)
                    guard isOperand(args[1]) else { return BuiltinTypes.notImplemented }
                    return try Operators.binary(operation, args[1], args[0])
                }
            }
            for comparison in Comparison.allCases where comparison != .equal && comparison != .notEqual {
                Natives.method(type, comparison.methodName) { args throws(PythonError) in
                    try args.expect(2...2)
                    guard isOperand(args[1]) else { return BuiltinTypes.notImplemented }
                    return try Operators.compare(args[0], args[1], comparison)
                }
            }
            let unary: [(String, (Value) throws(PythonError) -> Value)] = [
                ("__neg__", Operators.negative), ("__pos__", Operators.positive),
                ("__abs__", { v throws(PythonError) in try Arithmetic.absolute(v) }),
                ("__bool__", { v throws(PythonError) in Value.bool(try Operators.isTrue(v)) }),
                ("__int__", { v throws(PythonError) in try MathModule.call("trunc", [v]) }),
                ("__trunc__", { v throws(PythonError) in try MathModule.call("trunc", [v]) }),
                ("__floor__", { v throws(PythonError) in try MathModule.call("floor", [v]) }),
                ("__ceil__", { v throws(PythonError) in try MathModule.call("ceil", [v]) }),
                ("__float__", { v throws(PythonError) in try Calls.call(BuiltinTypes.float, v) }),
            ]
            for (name, body) in unary {
                Natives.method(type, name) { args throws(PythonError) in
                    try args.expect(1...1)
                    return try body(args[0])
                }
            }
            Natives.method(type, "__divmod__") { args throws(PythonError) in
                try args.expect(2...2)
                guard isOperand(args[1]) else { return BuiltinTypes.notImplemented }
                return try Arithmetic.divmod(args[0], args[1])
            }
            Natives.method(type, "__rdivmod__") { args throws(PythonError) in
                try args.expect(2...2)
                guard isOperand(args[1]) else { return BuiltinTypes.notImplemented }
                return try Arithmetic.divmod(args[1], args[0])
            }
            Natives.method(type, "__round__") { args throws(PythonError) in
                try args.expect(1...2)
                let digits = args.argument(1)
                return try Arithmetic.round(args[0], digits: digits.flatMap { $0.is(BuiltinTypes.none) ? nil : $0 })
            }
        }
    }

    private static func installContainers() {
        for type in [BuiltinTypes.str, BuiltinTypes.list, BuiltinTypes.tuple, BuiltinTypes.dict, BuiltinTypes.set, BuiltinTypes.frozenset] {
            Natives.method(type, "__len__") { args throws(PythonError) in
                try args.expect(1...1)
                return Value(smallInt: try Operators.length(args[0]))
            }
            Natives.method(type, "__contains__") { args throws(PythonError) in
                try args.expect(2...2)
                return Value.bool(try Operators.contains(args[0], args[1]))
            }
        }
        for type in [BuiltinTypes.str, BuiltinTypes.list, BuiltinTypes.tuple] {
            if try! Dict.get(type.fields(TypeObject.self).pointee.dict, SpecialNames.getitem).isNull {
                Natives.method(type, "__getitem__") { args throws(PythonError) in
                    try args.expect(2...2)
                    return try Operators.getItem(args[0], args[1])
                }
            }
            for (stem, operation) in [("add", BinaryOperation.add), ("mul", .multiply)] {
                Natives.method(type, "__\(stem)__") { args throws(PythonError) in
                    try args.expect(2...2)
                    return try Operators.binary(operation, args[0], args[1])
                }
            }
            Natives.method(type, "__rmul__") { args throws(PythonError) in
                try args.expect(2...2)
                guard Ints.isInt(args[1]) else { return BuiltinTypes.notImplemented }
                return try Operators.binary(.multiply, args[0], args[1])
            }
        }
    }

    /// `__iter__` and `__next__` of the builtin iterators: `it.__next__()`.
    private static func installIterators() {
        let types = [
            InterpreterTypes.listIterator, InterpreterTypes.tupleIterator, InterpreterTypes.strIterator, InterpreterTypes.rangeIterator,
            InterpreterTypes.setIterator, InterpreterTypes.reversed, InterpreterTypes.enumerate, InterpreterTypes.zip,
            InterpreterTypes.map, InterpreterTypes.filter, InterpreterTypes.callableIterator, InterpreterTypes.sequenceIterator,
        ] + BuiltinTypes.dictIterators
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
