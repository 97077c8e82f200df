import Runtime

/// The objects that type hints evaluate to, now that annotations are evaluated: `list[int]`
/// (a `types.GenericAlias`), `int | None` (a `types.UnionType`), and `C[x]` for a class with
/// `__class_getitem__`. They print as CPython prints them; `isinstance` accepts a union.
enum TypeHints {
    nonisolated(unsafe) static var genericAlias = Value.null
    nonisolated(unsafe) static var unionType = Value.null

    /// The builtin classes that `cls[...]` makes a generic alias of.
    static var generics: [Value] {
        [BuiltinTypes.list, BuiltinTypes.dict, BuiltinTypes.tuple, BuiltinTypes.set, BuiltinTypes.frozenset, BuiltinTypes.type,
         Deques.type]
    }

    static func install() {
        genericAlias = NativeTypes.make("GenericAlias")
        unionType = NativeTypes.make("UnionType")
        for type in [genericAlias, unionType] {
            NativeTypes.setModule(type, "types")
            Collector.addPermanentRoot(type)
        }
        NativeTypes.getter(genericAlias, "__origin__") { v throws(PythonError) in NativeTypes.fields(v).pointee.a }
        NativeTypes.getter(genericAlias, "__args__") { v throws(PythonError) in NativeTypes.fields(v).pointee.b }
        NativeTypes.getter(unionType, "__args__") { v throws(PythonError) in NativeTypes.fields(v).pointee.a }
        NativeTypes.setRepr(genericAlias) { v throws(PythonError) in
            let fields = NativeTypes.fields(v)
            let args = fields.pointee.b
            let parts = try (0..<Tuple.count(args)).map { i throws(PythonError) in try hintRepr(Tuple.items(args)[i]) }
            return "\(try hintRepr(fields.pointee.a))[\(parts.joined(separator: ", "))]"
        }
        NativeTypes.setRepr(unionType) { v throws(PythonError) in
            let args = NativeTypes.fields(v).pointee.a
            return try (0..<Tuple.count(args)).map { i throws(PythonError) in try hintRepr(Tuple.items(args)[i]) }
                .joined(separator: " | ")
        }
        // Calling `list[int]()` makes a list.
        NativeTypes.special(genericAlias, "__call__") { args throws(PythonError) in
            try Calls.call(NativeTypes.fields(args[0]).pointee.a, args.base + 1, args.count - 1,
                           keywordNames: args.keywordNames, stackTop: args.stackTop)
        }
    }

    /// A class as a hint prints by name (`int`, `collections.deque`); `None` and `...` as
    /// themselves; anything else by its repr.
    private static func hintRepr(_ v: Value) throws(PythonError) -> String {
        if v.is(BuiltinTypes.none) || v.is(BuiltinTypes.noneType) { return "None" }
        if v.is(BuiltinTypes.ellipsis) { return "..." }
        guard v.kind == .type else { return try Objects.repr(v) }
        let qualified = Str.swiftString(try BuiltinAttributes.typeAttribute(v, Interned.str("__qualname__")))
        let module = try Dict.get(v.fields(TypeObject.self).pointee.dict, Interned.str("__module__"))
        guard !module.isNull, module.kind == .str, Str.swiftString(module) != "builtins" else { return qualified }
        return "\(Str.swiftString(module)).\(qualified)"
    }

    /// `cls[index]`: the class's `__class_getitem__`, or a generic alias of a builtin container.
    static func parameterize(_ type: Value, _ index: Value) throws(PythonError) -> Value {
        let hook = try Attributes.lookup(type, Interned.str("__class_getitem__"))
        if !hook.isNull {
            let function = InterpreterObjects.tag(hook) == .classMethod ? InterpreterObjects.fields(hook).pointee.a : hook
            return try Calls.call(function, type, index)
        }
        guard generics.contains(where: { $0.is(type) }) else {
            throw PythonError(.typeError, "type '\(TypeObjects.name(type))' is not subscriptable")
        }
        let args = index.kind == .tuple ? index : Tuple.make(index)
        return NativeTypes.object(genericAlias, a: type, b: args)
    }

    /// Whether `v` can stand in a `X | Y` union: a class, None, or a hint object.
    static func isHint(_ v: Value) -> Bool {
        v.kind == .type || v.is(BuiltinTypes.none) || NativeTypes.isObject(v, of: genericAlias) || NativeTypes.isObject(v, of: unionType)
    }

    /// `a | b` of two hints: their members, flattened, each once, in order.
    static func union(_ a: Value, _ b: Value) -> Value {
        var members: [Value] = []
        for v in [a, b] {
            if NativeTypes.isObject(v, of: unionType) {
                let args = NativeTypes.fields(v).pointee.a
                members += (0..<Tuple.count(args)).map { Tuple.items(args)[$0] }
            } else {
                members.append(v.is(BuiltinTypes.none) ? BuiltinTypes.noneType : v)
            }
        }
        var unique: [Value] = []
        for member in members where !unique.contains(where: { $0.is(member) }) { unique.append(member) }
        if unique.count == 1 { return unique[0] }
        return NativeTypes.object(unionType, a: Tuple.make(unique))
    }

    /// The classes of a union, for `isinstance(x, int | str)`; nil for anything else.
    static func unionMembers(_ v: Value) -> Value? {
        NativeTypes.isObject(v, of: unionType) ? NativeTypes.fields(v).pointee.a : nil
    }
}
