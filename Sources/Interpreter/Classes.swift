import Compiler
import Runtime

/// Classes defined in Python: the `class` statement (`__build_class__`), C3 linearization,
/// and calling a class to make an instance (`__new__`, then `__init__`).
enum Classes {
    nonisolated(unsafe) static var buildClassFunction = Value.null

    static func install() {
        buildClassFunction = Natives.make("__build_class__") { args throws(PythonError) in
            try buildClass(args)
        }
        Collector.addPermanentRoot(buildClassFunction)
    }

    /// `__build_class__(body, name, *bases, **keywords)`: runs the body in a fresh namespace,
    /// then makes the class and fills its `__class__` cell.
    private static func buildClass(_ args: NativeArguments) throws(PythonError) -> Value {
        let body = args[0]
        let name = args[1]
        let bases = Tuple.allocate(count: args.positionalCount - 2)
        for i in 2..<args.positionalCount { Tuple.items(bases)[i - 2] = args[i] }
        let namespace = Dict.make()
        let cell = try runBody(body, namespace: namespace, stackTop: args.stackTop)
        let type = try make(name: name, bases: bases, namespace: namespace)
        if cell.kind == .cell { Callables.setCellContents(cell, type) }
        return type
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
        if baseList.isEmpty { baseList = [BuiltinTypes.object] }
        let layout = baseList.map { ObjectKind(rawValue: UInt8($0.fields(TypeObject.self).pointee.instanceKind.smallInt))! }
            .first { $0 != .instance } ?? .instance
        let type = TypeObjects.make(name: Str.swiftString(name), base: baseList[0], instances: layout)
        let fields = type.fields(TypeObject.self)
        fields.pointee.bases = Tuple.make(baseList)
        fields.pointee.mro = try linearize(type, baseList)
        fields.pointee.dict = namespace
        type.header.pointee.flags.insert(.heapType)
        VM.typeEpoch &+= 1
        return type
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
                let names = bases.map { TypeObjects.name($0) }.joined(separator: ", ")
                throw PythonError(.typeError, "Cannot create a consistent method resolution order (MRO) for bases \(names)")
            }
            result.append(head)
            for i in sequences.indices where sequences[i][0].is(head) { sequences[i].removeFirst() }
        }
        return Tuple.make(result)
    }

    // MARK: Instantiation

    static func call(
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
        if !new.isNull && new.kind != .nativeFunction {
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
        default:
            throw PythonError(.typeError, "subclassing '\(TypeObjects.name(type.fields(TypeObject.self).pointee.base))' is not supported yet")
        }
    }

    static func layout(of type: Value) -> ObjectKind {
        ObjectKind(rawValue: UInt8(type.fields(TypeObject.self).pointee.instanceKind.smallInt))!
    }
}
