import Compiler
import Runtime

/// Classes defined in Python: the `class` statement (`__build_class__`), metaclasses and
/// `type.__new__`, C3 linearization, and calling a class to make an instance (`__new__`,
/// then `__init__`).
enum Classes {
    nonisolated(unsafe) static var buildClassFunction = Value.null

    static func install() {
        buildClassFunction = Natives.make("__build_class__") { args throws(PythonError) in
            try buildClass(args)
        }
        Collector.addPermanentRoot(buildClassFunction)
        installTypeMethods()
    }

    /// `type.__new__`, `type.__init__` and `type.__call__`, for metaclasses that extend them
    /// with `super()`; and `object.__init_subclass__`, the end of every `super()` chain.
    private static func installTypeMethods() {
        let type = BuiltinTypes.type
        Natives.method(type, "__new__") { args throws(PythonError) in
            guard args.positionalCount == 4 else {
                throw PythonError(.typeError, "type.__new__() takes exactly 3 arguments (\(max(0, args.positionalCount - 1)) given)")
            }
            let metatype = args[0]
            guard metatype.kind == .type, TypeObjects.isSubtype(metatype, of: BuiltinTypes.type) else {
                let name = metatype.kind == .type ? TypeObjects.name(metatype) : try Objects.builtinRepr(metatype)
                throw PythonError(.typeError, "type.__new__(\(name)): \(name) is not a subtype of type")
            }
            try checkTypeArguments(args[1], args[2], args[3])
            return try create(metatype: metatype, name: args[1], bases: args[2], namespace: try Dict.copy(args[3]), keywords: args.keywords)
        }
        Natives.method(type, "__init__") { _ throws(PythonError) in BuiltinTypes.none }
        Natives.method(type, "__call__") { args throws(PythonError) in
            guard args.positionalCount >= 1, args[0].kind == .type else {
                throw PythonError(.typeError, "descriptor '__call__' of 'type' object needs an argument")
            }
            return try instantiate(args[0], args.base + 1, args.count - 1, keywordNames: args.keywordNames, stackTop: args.stackTop)
        }
        let initSubclass = Natives.make("__init_subclass__") { args throws(PythonError) in
            if args.keywordCount > 0 {
                let qualified = try BuiltinAttributes.typeAttribute(args[0], Interned.str("__qualname__"))
                throw PythonError(.typeError, "\(Str.swiftString(qualified)).__init_subclass__() takes no keyword arguments")
            }
            return BuiltinTypes.none
        }
        try! Dict.set(BuiltinTypes.object.fields(TypeObject.self).pointee.dict, SpecialNames.initSubclass,
                      InterpreterObjects.make(.classMethod, type: InterpreterTypes.classMethod, a: initSubclass))
    }

    /// `__build_class__(body, name, *bases, metaclass=M, **keywords)`: finds the metaclass,
    /// prepares the namespace, runs the body in it, makes the class through the metaclass and
    /// fills the body's `__class__` cell.
    private static func buildClass(_ args: NativeArguments) throws(PythonError) -> Value {
        let body = args[0]
        let name = args[1]
        let bases = Tuple.allocate(count: args.positionalCount - 2)
        for i in 2..<args.positionalCount { Tuple.items(bases)[i - 2] = args[i] }
        var keywords = args.keywords
        var metatype = BuiltinTypes.type
        if let index = keywords.firstIndex(where: { Str.swiftString($0.0) == "metaclass" }) {
            metatype = keywords.remove(at: index).1
        } else if Tuple.count(bases) > 0 {
            metatype = Tuple.items(bases)[0].type
        }
        if metatype.kind == .type { metatype = try mostDerivedMetatype(metatype, bases) }
        let namespace = try prepare(metatype, name, bases, keywords)
        let cell = try runBody(body, namespace: namespace, stackTop: args.stackTop)
        let type: Value
        if metatype.is(BuiltinTypes.type) {
            type = try create(metatype: metatype, name: name, bases: bases, namespace: namespace, keywords: keywords)
        } else {
            type = try Calls.callWith(metatype, [name, bases, namespace] + keywords.map { $0.1 },
                                      keywordNames: keywords.isEmpty ? Value.null : Tuple.make(keywords.map { $0.0 }))
        }
        if cell.kind == .cell { Callables.setCellContents(cell, type) }
        return type
    }

    /// `type(name, bases, namespace)` takes a str, a tuple and a dict.
    static func checkTypeArguments(_ name: Value, _ bases: Value, _ namespace: Value) throws(PythonError) {
        for (index, (value, kind, expected)) in [(name, ObjectKind.str, "str"), (bases, .tuple, "tuple"), (namespace, .dict, "dict")].enumerated()
        where value.kind != kind {
            throw PythonError(.typeError, "type.__new__() argument \(index + 1) must be \(expected), not \(TypeObjects.name(value.type))")
        }
    }

    /// The metaclass that is a subclass of every base's: CPython's "winner".
    private static func mostDerivedMetatype(_ declared: Value, _ bases: Value) throws(PythonError) -> Value {
        var winner = declared
        for i in 0..<Tuple.count(bases) {
            let candidate = Tuple.items(bases)[i].type
            if TypeObjects.isSubtype(winner, of: candidate) { continue }
            if TypeObjects.isSubtype(candidate, of: winner) { winner = candidate; continue }
            throw PythonError(.typeError, "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases")
        }
        return winner
    }

    /// The class body's namespace: a fresh dict, or what the metaclass's `__prepare__` gives.
    private static func prepare(_ metatype: Value, _ name: Value, _ bases: Value, _ keywords: [(Value, Value)]) throws(PythonError) -> Value {
        guard !metatype.is(BuiltinTypes.type), metatype.kind == .type else { return Dict.make() }
        let prepare = try Attributes.lookup(metatype, SpecialNames.prepare)
        guard !prepare.isNull else { return Dict.make() }
        let method = try Attributes.bind(prepare, to: metatype, type: metatype.type)
        return try Calls.callWith(method, [name, bases] + keywords.map { $0.1 },
                                  keywordNames: keywords.isEmpty ? Value.null : Tuple.make(keywords.map { $0.0 }))
    }

    private static func runBody(_ body: Value, namespace: Value, stackTop: UnsafeMutablePointer<Value>) throws(PythonError) -> Value {
        let fields = body.fields(FunctionObject.self)
        let code = CodeObject.from(word: fields.pointee.code)
        let fp = max(stackTop, VM.stackTop) + VM.headerSlots
        let frameEnd = fp + code.slotCount + code.maxStackDepth
        guard frameEnd < VM.stackLimit else { throw Calls.recursionError() }
        fp[-3] = body
        fp[-2] = namespace
        fp[-1] = fields.pointee.globals
        for i in 0..<code.slotCount { fp[i] = Value.null }
        let savedTop = VM.stackTop
        VM.stackTop = frameEnd
        defer { VM.stackTop = savedTop }
        Calls.prepareCells(code, fields.pointee.closure, fp)
        var exit = FrameExit.returned
        return try execute(code, fp: fp, exit: &exit)
    }

    /// `type.__new__(metatype, name, bases, namespace, **keywords)`: the class itself, then
    /// `__set_name__` on its attributes and `__init_subclass__` of its parent.
    static func create(metatype: Value, name: Value, bases: Value, namespace: Value, keywords: [(Value, Value)]) throws(PythonError) -> Value {
        let initSubclass = try Dict.get(namespace, SpecialNames.initSubclass)
        if !initSubclass.isNull, initSubclass.kind == .function {
            try Dict.set(namespace, SpecialNames.initSubclass,
                         InterpreterObjects.make(.classMethod, type: InterpreterTypes.classMethod, a: initSubclass))
        }
        // A class that defines `__eq__` but not `__hash__` has unhashable instances.
        if try !Dict.get(namespace, SpecialNames.eq).isNull, try Dict.get(namespace, SpecialNames.hash).isNull {
            try Dict.set(namespace, SpecialNames.hash, BuiltinTypes.none)
        }
        let type = try make(name: name, bases: bases, namespace: namespace)
        type.header.pointee.type = metatype
        try setNames(type, namespace)
        let parentSuper = InterpreterObjects.make(.superObject, type: InterpreterTypes.superType, a: type, b: type)
        let parentHook = try Attributes.get(parentSuper, SpecialNames.initSubclass)
        _ = try Calls.callWith(parentHook, keywords.map { $0.1 },
                               keywordNames: keywords.isEmpty ? Value.null : Tuple.make(keywords.map { $0.0 }))
        return type
    }

    /// Tells each attribute whose class has `__set_name__` the name it was bound to.
    private static func setNames(_ type: Value, _ namespace: Value) throws(PythonError) {
        var named: [(Value, Value, Value)] = []
        try Dict.forEach(namespace) { key, value throws(PythonError) in
            guard ObjectHooks.isUserObject(value) else { return }
            let hook = try Attributes.cachedLookup(value.type, SpecialNames.setName)
            if !hook.isNull { named.append((hook, value, key)) }
        }
        for (hook, value, key) in named { _ = try Calls.call(hook, value, type, key) }
    }

    /// A new class: its layout comes from the first base with one, its MRO from C3.
    static func make(name: Value, bases: Value, namespace: Value) throws(PythonError) -> Value {
        var baseList: [Value] = []
        for i in 0..<Tuple.count(bases) {
            let base = Tuple.items(bases)[i]
            guard base.kind == .type else {
                throw PythonError(.typeError, "bases must be types")
            }
            baseList.append(base)
        }
        for (i, base) in baseList.enumerated() where baseList[..<i].contains(where: { $0.is(base) }) {
            throw PythonError(.typeError, "duplicate base class \(TypeObjects.name(base))")
        }
        if let final = baseList.first(where: { $0.is(BuiltinTypes.bool) || $0.is(BuiltinTypes.range) || $0.is(BuiltinTypes.slice) }) {
            throw PythonError(.typeError, "type '\(TypeObjects.name(final))' is not an acceptable base type")
        }
        if baseList.isEmpty { baseList = [BuiltinTypes.object] }
        let layouts = baseList.map { ObjectKind(rawValue: UInt8($0.fields(TypeObject.self).pointee.instanceKind.smallInt))! }
            .filter { $0 != .instance }
        // An object has one layout: bases with two (list and deque, int and str) cannot mix.
        if let first = layouts.first, layouts.contains(where: { $0 != first }) {
            throw PythonError(.typeError, "multiple bases have instance lay-out conflict")
        }
        let layout = layouts.first ?? .instance
        try checkSlotsAgainstClassVariables(Str.swiftString(name), namespace)
        let type = TypeObjects.make(name: Str.swiftString(name), base: baseList[0], instances: layout)
        let fields = type.fields(TypeObject.self)
        fields.pointee.bases = Tuple.make(baseList)
        fields.pointee.mro = try linearize(type, baseList)
        fields.pointee.dict = namespace
        type.header.pointee.flags.insert(.heapType)
        Introspection.recordSubclass(type, of: fields.pointee.bases)
        VM.typeEpoch &+= 1
        return type
    }

    /// A name in `__slots__` may not also be a class variable: CPython makes each slot a
    /// descriptor in the class dict, where the two would collide. Private names are mangled.
    private static func checkSlotsAgainstClassVariables(_ className: String, _ namespace: Value) throws(PythonError) {
        let slots = try Dict.get(namespace, SpecialNames.slots)
        if slots.isNull { return }
        try Iteration.forEach(slots.kind == .str ? Tuple.make(slots) : slots) { slot throws(PythonError) in
            guard slot.kind == .str else { return }
            let text = Str.swiftString(slot)
            if text == "__dict__" || text == "__weakref__" { return }
            let stored = Str.make(mangled(text, in: className))
            if try !Dict.get(namespace, stored).isNull {
                throw PythonError(.valueError, "\(try Objects.repr(stored)) in __slots__ conflicts with class variable")
            }
        }
    }

    /// `__x` inside class `_C` is `_C__x`, as the compiler mangles private names.
    private static func mangled(_ name: String, in className: String) -> String {
        let stripped = className.drop { $0 == "_" }
        guard name.hasPrefix("__"), !name.hasSuffix("__"), !stripped.isEmpty else { return name }
        return "_\(stripped)\(name)"
    }

    /// C3: the class, then a merge of its bases' MROs and the bases themselves.
    private static func linearize(_ type: Value, _ bases: [Value]) throws(PythonError) -> Value {
        var sequences: [[Value]] = bases.map { base in
            let mro = base.fields(TypeObject.self).pointee.mro
            return Array(UnsafeBufferPointer(start: Tuple.items(mro), count: Tuple.count(mro)))
        }
        sequences.append(bases)
        var result = [type]
        while true {
            sequences.removeAll { $0.isEmpty }
            if sequences.isEmpty { break }
            guard let head = sequences.map({ $0[0] }).first(where: { candidate in
                !sequences.contains { $0.dropFirst().contains { $0.is(candidate) } }
            }) else {
                // The heads that could not be placed, each once, as CPython lists them.
                var heads: [Value] = []
                for sequence in sequences where !heads.contains(where: { $0.is(sequence[0]) }) { heads.append(sequence[0]) }
                let names = heads.map { TypeObjects.shortName($0) }.joined(separator: ", ")
                throw PythonError(.typeError, "Cannot create a consistent method resolution\norder (MRO) for bases \(names)")
            }
            result.append(head)
            for i in sequences.indices where sequences[i][0].is(head) { sequences[i].removeFirst() }
        }
        return Tuple.make(result)
    }

    // MARK: Instantiation

    /// Calling a class: its metaclass's `__call__` if one is defined in Python, else
    /// `type.__call__`.
    static func call(
        _ type: Value, _ arguments: UnsafeMutablePointer<Value>, _ count: Int, keywordNames: Value,
        stackTop: UnsafeMutablePointer<Value>
    ) throws(PythonError) -> Value {
        if let call = try Attributes.userSpecial(type, interned: SpecialNames.call) {
            return try Calls.withReceiver(type, arguments, count, stackTop) { args, n, top throws(PythonError) in
                try Calls.call(call, args, n, keywordNames: keywordNames, stackTop: top)
            }
        }
        return try instantiate(type, arguments, count, keywordNames: keywordNames, stackTop: stackTop)
    }

    /// `type.__call__(cls, ...)`: `__new__`, then `__init__` if `__new__` gave an instance
    /// of the class.
    static func instantiate(
        _ type: Value, _ arguments: UnsafeMutablePointer<Value>, _ count: Int, keywordNames: Value,
        stackTop: UnsafeMutablePointer<Value>
    ) throws(PythonError) -> Value {
        if !type.header.pointee.flags.contains(.heapType) {
            return try BuiltinConstructors.call(type, arguments, count, keywordNames: keywordNames, stackTop: stackTop)
        }
        let instance = try allocate(type, arguments, count, keywordNames: keywordNames, stackTop: stackTop)
        guard instance.type.is(type) || TypeObjects.isSubtype(instance.type, of: type) else { return instance }
        let initializer = try Attributes.cachedLookup(type, SpecialNames.initializer)
        guard !initializer.isNull else { return instance }
        let result = try Calls.withReceiver(instance, arguments, count, stackTop) { args, n, top throws(PythonError) in
            try Calls.call(initializer, args, n, keywordNames: keywordNames, stackTop: top)
        }
        guard result.is(BuiltinTypes.none) else {
            throw PythonError(.typeError, "__init__() should return None, not '\(TypeObjects.name(result.type))'")
        }
        return instance
    }

    /// `__new__` if the class defines one, else a blank object of the class's layout.
    private static func allocate(
        _ type: Value, _ arguments: UnsafeMutablePointer<Value>, _ count: Int, keywordNames: Value,
        stackTop: UnsafeMutablePointer<Value>
    ) throws(PythonError) -> Value {
        let new = try Attributes.cachedLookup(type, SpecialNames.constructor)
        if !new.isNull && (new.kind != .nativeFunction || layout(of: type) == .type) {
            let function = InterpreterObjects.tag(new) == .staticMethod ? InterpreterObjects.fields(new).pointee.a : new
            return try Calls.withReceiver(type, arguments, count, stackTop) { args, n, top throws(PythonError) in
                try Calls.call(function, args, n, keywordNames: keywordNames, stackTop: top)
            }
        }
        return try blank(type, arguments, count)
    }

    /// A new object of `type`'s layout, before `__init__`: what `object.__new__(cls)` and the
    /// builtins' `__new__` make.
    static func blank(_ type: Value, _ arguments: UnsafeMutablePointer<Value>, _ count: Int) throws(PythonError) -> Value {
        switch layout(of: type) {
        case .instance:
            return Instances.make(type)
        case .exception:
            return Exceptions.make(type, arguments: Array(UnsafeBufferPointer(start: arguments, count: count)))
        case .dict:
            return Subclasses.makeDict(type: type)
        case .list:
            return Subclasses.makeList(type: type)
        case .set:
            return Subclasses.makeSet(type: type, frozen: false)
        case .frozenset:
            let set = Subclasses.makeSet(type: type, frozen: true)
            if count > 0 { try Iteration.forEach(arguments[0]) { item throws(PythonError) in try Sets.add(set, item) } }
            return set
        case .tuple:
            let items = count > 0 ? try Iteration.list(arguments[0]) : List.make()
            return Subclasses.makeTuple(type: type, items: List.items(items), count: List.count(items))
        case .int, .float, .str:
            // The builtin makes the value from the arguments; a subclass instance wraps it.
            let builtin = [BuiltinTypes.int, BuiltinTypes.float, BuiltinTypes.str].first { TypeObjects.isSubtype(type, of: $0) }!
            let value = try Calls.callWith(builtin, Array(UnsafeBufferPointer(start: arguments, count: count)))
            if type.is(builtin) { return value }
            switch layout(of: type) {
            case .int: return Subclasses.makeInt(type: type, value: Ints.unbool(value))
            case .float: return Subclasses.makeFloat(type: type, value: Floats.value(value))
            default: return Subclasses.makeStr(type: type, value: value)
            }
        default:
            if !type.header.pointee.flags.contains(.heapType) {
                let name = TypeObjects.name(type)
                throw PythonError(.typeError, "object.__new__(\(name)) is not safe, use \(name).__new__()")
            }
            throw PythonError(.typeError, "subclassing '\(TypeObjects.name(type.fields(TypeObject.self).pointee.base))' is not supported yet")
        }
    }

    static func layout(of type: Value) -> ObjectKind {
        ObjectKind(rawValue: UInt8(type.fields(TypeObject.self).pointee.instanceKind.smallInt))!
    }
}
