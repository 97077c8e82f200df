import Compiler
import Runtime

/// `functools.total_ordering`: given a class with one ordering method, adds the other three,
/// each derived from that root method and `==` / `!=`.
enum FunctoolsOrdering {
    /// How a derived comparison turns the root's result `r` into its own.
    private enum Derivation {
        case not            // not r
        case orEqual        // r or self == other
        case notOrEqual     // not r or self == other
        case andNotEqual    // r and self != other
        case notAndNotEqual // not r and self != other
    }

    /// The root methods in order of preference, and what each derives.
    private static let derivations: [(root: String, derived: [(String, Derivation)])] = [
        ("__lt__", [("__gt__", .notAndNotEqual), ("__le__", .orEqual), ("__ge__", .not)]),
        ("__le__", [("__ge__", .notOrEqual), ("__lt__", .andNotEqual), ("__gt__", .not)]),
        ("__gt__", [("__lt__", .notAndNotEqual), ("__ge__", .orEqual), ("__le__", .not)]),
        ("__ge__", [("__le__", .notOrEqual), ("__gt__", .andNotEqual), ("__lt__", .not)]),
    ]

    static func totalOrdering(_ args: NativeArguments) throws(PythonError) -> Value {
        try args.expect(1...1)
        let type = args[0]
        guard type.kind == .type else { throw PythonError(.typeError, "total_ordering() needs a class") }
        var defined: [String] = []
        for (root, _) in derivations {
            let found = try Attributes.lookup(type, Interned.str(root))
            let inherited = try Attributes.lookup(BuiltinTypes.object, Interned.str(root))
            if !found.isNull && !found.is(inherited) { defined.append(root) }
        }
        guard let (root, derived) = derivations.first(where: { defined.contains($0.root) }) else {
            throw PythonError(.valueError, "must define at least one ordering operation: < > <= >=")
        }
        let dict = type.fields(TypeObject.self).pointee.dict
        for (name, derivation) in derived where !defined.contains(name) {
            try Dict.set(dict, Interned.str(name), NativeTypes.specialMethod(name) { args throws(PythonError) in
                try args.expect(2...2)
                return try compare(args[0], args[1], root: root, derivation)
            })
        }
        VM.typeEpoch &+= 1
        return type
    }

    private static func compare(_ object: Value, _ other: Value, root: String, _ derivation: Derivation) throws(PythonError) -> Value {
        // `type(self).__lt__(self, other)`: the class's root, not an instance attribute.
        let method = try Attributes.lookup(object.type, Interned.str(root))
        let result = try Calls.call(method, object, other)
        if result.is(BuiltinTypes.notImplemented) { return result }
        let truth = try Operators.isTrue(result)
        switch derivation {
        case .not:
            return Value.bool(!truth)
        case .orEqual:
            return truth ? result : try Operators.compare(object, other, .equal)
        case .notOrEqual:
            return !truth ? BuiltinTypes.trueValue : try Operators.compare(object, other, .equal)
        case .andNotEqual:
            return !truth ? result : try Operators.compare(object, other, .notEqual)
        case .notAndNotEqual:
            return truth ? BuiltinTypes.falseValue : try Operators.compare(object, other, .notEqual)
        }
    }
}
