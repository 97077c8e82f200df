import Compiler
import Runtime

/// What a program can ask about its own functions and classes: `f.__code__` (a read-only
/// `code` object), `f.__closure__` and its cells' `cell_contents`, `cls.__subclasses__()`,
/// `cls.mro()`, and `dir()`.
enum Introspection {
    nonisolated(unsafe) static var codeType = Value.null
    /// The direct subclasses of each class, by the class's bits, in creation order. Classes
    /// are permanent roots, so neither the keys nor the lists' items can die.
    nonisolated(unsafe) static var subclasses: [UInt64: [Value]] = [:]

    static func install() {
        codeType = NativeTypes.make("code")
        Collector.addPermanentRoot(codeType)
        let attributes: [(String, (CodeObject) -> Value)] = [
            ("co_name", { Str.make($0.name) }),
            ("co_qualname", { Str.make($0.qualifiedName) }),
            ("co_filename", { Str.make($0.fileName) }),
            ("co_firstlineno", { Value(smallInt: $0.firstLine) }),
            ("co_argcount", { Value(smallInt: $0.positionalCount) }),
            ("co_posonlyargcount", { Value(smallInt: $0.positionalOnlyCount) }),
            ("co_kwonlyargcount", { Value(smallInt: $0.keywordOnlyCount) }),
            ("co_nlocals", { Value(smallInt: localNames($0).count) }),
            ("co_varnames", { names(localNames($0)) }),
            ("co_cellvars", { code in names(code.cellSlots.map { code.slotNames[Int($0)] }) }),
            ("co_freevars", { names(Array($0.slotNames[$0.firstFreeSlot...])) }),
            ("co_flags", { Value(smallInt: flags($0)) }),
        ]
        for (name, body) in attributes {
            NativeTypes.getter(codeType, name) { code throws(PythonError) in
                body(Functions.code(InterpreterObjects.fields(code).pointee.a))
            }
        }
        NativeTypes.setRepr(codeType) { code throws(PythonError) in
            let object = Functions.code(InterpreterObjects.fields(code).pointee.a)
            return "<code object \(object.name), file \"\(object.fileName)\", line \(object.firstLine)>"
        }
        let type = BuiltinTypes.type
        Natives.method(type, "__subclasses__") { args throws(PythonError) in
            try args.expect(1...1)
            return list(subclasses[args[0].bits] ?? [])
        }
        Natives.method(type, "mro") { args throws(PythonError) in
            try args.expect(1...1)
            let mro = args[0].fields(TypeObject.self).pointee.mro
            return list(Array(UnsafeBufferPointer(start: Tuple.items(mro), count: Tuple.count(mro))))
        }
    }

    /// What `dir(object())` lists in CPython 3.11: `object`'s own attributes, which ours
    /// only partly define.
    static let objectNames = [
        "__class__", "__delattr__", "__dir__", "__doc__", "__eq__", "__format__", "__ge__", "__getattribute__",
        "__getstate__", "__gt__", "__hash__", "__init__", "__init_subclass__", "__le__", "__lt__", "__ne__", "__new__",
        "__reduce__", "__reduce_ex__", "__repr__", "__setattr__", "__sizeof__", "__str__", "__subclasshook__",
    ]

    /// `locals()`, `vars()` and `dir()` with no arguments, read from the calling frame
    /// (`callFrameBuiltin`); nil when `callable` is not one of those builtins.
    static func frameBuiltin(_ callable: Value, code: CodeObject, fp: UnsafeMutablePointer<Value>) throws(PythonError) -> Value? {
        guard callable.kind == .nativeFunction, !Natives.isBound(callable) else { return nil }
        switch Natives.names[callable.fields(NativeFunctionObject.self).pointee.entry.smallInt] {
        case "locals", "vars": return try frameLocals(code: code, fp: fp)
        case "dir":
            let names = try Iteration.list(try frameLocals(code: code, fp: fp))
            try ListMethods.sort(names, key: nil, reverse: nil)
            return names
        default: return nil
        }
    }

    /// A module's or class body's namespace itself; a function's local variables, free
    /// variables included, in a new dict, as CPython 3.11's `locals()` gives them.
    static func frameLocals(code: CodeObject, fp: UnsafeMutablePointer<Value>) throws(PythonError) -> Value {
        if code.flags.contains(.usesNamespace) { return fp[-2].isNull ? fp[-1] : fp[-2] }
        let locals = Dict.make()
        let cells = Set(code.cellSlots.map(Int.init))
        for slot in 0..<code.slotCount {
            var value = fp[slot]
            if (cells.contains(slot) || slot >= code.firstFreeSlot) && !value.isNull { value = Callables.cellContents(value) }
            if !value.isNull { try Dict.set(locals, Interned.str(code.slotNames[slot]), value) }
        }
        return locals
    }

    /// `dir(object)`: the class's `__dir__` if it defines one, else the names of the object's
    /// own attributes and of its class's MRO (a module: its names), sorted.
    static func dir(_ object: Value) throws(PythonError) -> Value {
        if object.kind != .type, let custom = try Attributes.userSpecial(object, interned: Interned.str("__dir__")) {
            let names = try Iteration.list(try Calls.call(custom, object))
            try ListMethods.sort(names, key: nil, reverse: nil)
            return names
        }
        let names = Sets.make()
        func add(_ dict: Value) throws(PythonError) {
            try Dict.forEach(dict) { key, _ throws(PythonError) in try Sets.add(names, key) }
        }
        func addClass(_ type: Value) throws(PythonError) {
            for name in objectNames { try Sets.add(names, Interned.str(name)) }
            let mro = type.fields(TypeObject.self).pointee.mro
            for i in 0..<Tuple.count(mro) where !Tuple.items(mro)[i].is(BuiltinTypes.object) {
                let base = Tuple.items(mro)[i]
                try add(base.fields(TypeObject.self).pointee.dict)
                if base.header.pointee.flags.contains(.heapType) {
                    for name in ["__dict__", "__module__", "__weakref__"] { try Sets.add(names, Interned.str(name)) }
                }
            }
            _ = try Sets.discard(names, Interned.str("__qualname__"))
        }
        if InterpreterObjects.tag(object) == .module {
            try add(InterpreterObjects.fields(object).pointee.a)
        } else if object.kind == .type {
            try addClass(object)
        } else {
            try addClass(object.type)
            if object.kind == .instance {
                try Instances.forEachAttribute(object) { key, _ throws(PythonError) in try Sets.add(names, key) }
            } else if let attributes = Subclasses.attributes(object) {
                try add(attributes)
            }
        }
        let list = try Iteration.list(names)
        try ListMethods.sort(list, key: nil, reverse: nil)
        return list
    }

    static func recordSubclass(_ type: Value, of bases: Value) {
        for i in 0..<Tuple.count(bases) { subclasses[Tuple.items(bases)[i].bits, default: []].append(type) }
    }

    /// `f.__code__`: a view of the function's code object.
    static func code(of function: Value) -> Value {
        NativeTypes.object(codeType, a: function)
    }

    /// `f.__closure__`: the tuple of cells the function's free variables live in, or None.
    static func closure(of function: Value) -> Value {
        let closure = function.fields(FunctionObject.self).pointee.closure
        return closure.kind == .tuple && Tuple.count(closure) > 0 ? closure : BuiltinTypes.none
    }

    /// Parameters, then the other locals, as CPython's `co_varnames` lists them: every slot
    /// before the free variables but the cells that are not parameters.
    private static func localNames(_ code: CodeObject) -> [String] {
        let cells = Set(code.cellSlots.map { Int($0) })
        return (0..<code.firstFreeSlot).filter { $0 < code.parameterCount || !cells.contains($0) }.map { code.slotNames[$0] }
    }

    /// A tuple of new strs; each goes into the tuple as it is made, where the collector sees it.
    private static func names(_ list: [String]) -> Value {
        let tuple = Tuple.allocate(count: list.count)
        for (i, name) in list.enumerated() { Tuple.items(tuple)[i] = Str.make(name) }
        return tuple
    }

    /// A new list of values the collector already keeps alive (classes).
    private static func list(_ values: [Value]) -> Value {
        let list = List.make(capacity: values.count)
        for value in values { List.append(list, value) }
        return list
    }

    /// CPython's `co_flags` bits: optimized, new locals, *args, **kwargs, nested, generator.
    private static func flags(_ code: CodeObject) -> Int {
        var flags = 1 | 2
        if code.flags.contains(.variadic) { flags |= 4 }
        if code.flags.contains(.keywordVariadic) { flags |= 8 }
        if code.firstFreeSlot < code.slotCount { flags |= 16 }
        if code.flags.contains(.generator) { flags |= 32 }
        return flags
    }
}
