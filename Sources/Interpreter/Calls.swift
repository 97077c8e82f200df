import Compiler
import Runtime

/// Calling anything callable: Python functions (a new frame on the value stack), builtins,
/// bound methods, classes, and objects with `__call__`. Arguments arrive as a pointer into
/// the value stack, so a call copies nothing it does not have to. `stackTop` is the first
/// free slot above the arguments: where a new frame may start.
enum Calls {
    static func call(
        _ callable: Value, _ arguments: UnsafeMutablePointer<Value>, _ count: Int, keywordNames: Value = Value.null,
        stackTop: UnsafeMutablePointer<Value>
    ) throws(PythonError) -> Value {
        guard callable.isObject else { throw notCallable(callable) }
        switch callable.header.pointee.kind {
        case .function:
            return try callFunction(callable, arguments, count, keywordNames: keywordNames, stackTop: stackTop)
        case .nativeFunction:
            let receiver = callable.fields(NativeFunctionObject.self).pointee.receiver
            if receiver.isNull {
                return try Natives.call(callable, arguments, count, keywordNames: keywordNames, stackTop: stackTop)
            }
            return try withReceiver(receiver, arguments, count, stackTop) { args, n, top throws(PythonError) in
                try Natives.call(callable, args, n, keywordNames: keywordNames, stackTop: top)
            }
        case .boundMethod:
            let method = callable.fields(BoundMethodObject.self)
            let function = method.pointee.function
            return try withReceiver(method.pointee.receiver, arguments, count, stackTop) { args, n, top throws(PythonError) in
                try call(function, args, n, keywordNames: keywordNames, stackTop: top)
            }
        case .type:
            return try Classes.call(callable, arguments, count, keywordNames: keywordNames, stackTop: stackTop)
        default:
            guard let method = try Attributes.lookupSpecial(callable, interned: SpecialNames.call) else { throw notCallable(callable) }
            return try withReceiver(callable, arguments, count, stackTop) { args, n, top throws(PythonError) in
                try call(method, args, n, keywordNames: keywordNames, stackTop: top)
            }
        }
    }

    /// How CPython names a callable in argument errors: `__main__.f()`, `print()`, `list.append()`.
    static func description(of callable: Value) throws(PythonError) -> String {
        switch callable.kind {
        case .function:
            let fields = callable.fields(FunctionObject.self)
            let module = try Dict.get(fields.pointee.globals, Interned.str("__name__"))
            let prefix = module.isNull || module.kind != .str ? "" : Str.swiftString(module) + "."
            return "\(prefix)\(Str.swiftString(fields.pointee.qualifiedName))()"
        case .boundMethod:
            return try description(of: callable.fields(BoundMethodObject.self).pointee.function)
        case .nativeFunction, .type:
            return "\(Str.swiftString(try BuiltinAttributes.get(callable, Interned.str("__qualname__"))))()"
        default:
            return "\(TypeObjects.name(callable.type)) object"
        }
    }

    /// Calls with no keywords from Swift: the arguments go onto the value stack first.
    static func call(_ callable: Value, _ arguments: Value...) throws(PythonError) -> Value {
        try callWith(callable, arguments)
    }

    static func callWith(_ callable: Value, _ arguments: [Value], keywordNames: Value = Value.null) throws(PythonError) -> Value {
        let base = VM.stackTop
        let top = base + arguments.count
        guard top < VM.stackLimit else { throw recursionError() }
        for (i, argument) in arguments.enumerated() { base[i] = argument }
        VM.stackTop = top
        defer { VM.stackTop = base }
        return try call(callable, base, arguments.count, keywordNames: keywordNames, stackTop: top)
    }

    /// Runs `body` with `receiver` followed by the arguments, copied above `stackTop`.
    @inline(__always)
    static func withReceiver(
        _ receiver: Value, _ arguments: UnsafeMutablePointer<Value>, _ count: Int, _ stackTop: UnsafeMutablePointer<Value>,
        _ body: (UnsafeMutablePointer<Value>, Int, UnsafeMutablePointer<Value>) throws(PythonError) -> Value
    ) throws(PythonError) -> Value {
        let base = stackTop
        let top = base + count + 1
        guard top < VM.stackLimit else { throw recursionError() }
        base[0] = receiver
        (base + 1).update(from: arguments, count: count)
        let savedTop = VM.stackTop
        if VM.stackTop < top { VM.stackTop = top }
        defer { VM.stackTop = savedTop }
        return try body(base, count + 1, top)
    }

    /// `f(*args, **kwargs)`: positional is a tuple; keywords a dict or null.
    static func callExtended(
        _ callable: Value, _ positional: Value, _ keywords: Value, stackTop: UnsafeMutablePointer<Value>
    ) throws(PythonError) -> Value {
        var positional = positional
        if positional.kind != .tuple {
            guard try Iteration.isIterable(positional) else {
                throw PythonError(.typeError, "\(try description(of: callable)) argument after * must be an iterable, not \(TypeObjects.name(positional.type))")
            }
            let items = try Iteration.list(positional)
            positional = Tuple.make(Array(UnsafeBufferPointer(start: List.items(items), count: List.count(items))))
        }
        let count = Tuple.count(positional)
        let keywordCount = keywords.isNull ? 0 : Dict.count(keywords)
        let top = stackTop + count + keywordCount
        guard top < VM.stackLimit else { throw recursionError() }
        stackTop.update(from: Tuple.items(positional), count: count)
        var names = Value.null
        if keywordCount > 0 {
            names = Tuple.allocate(count: keywordCount)
            var i = 0
            try Dict.forEach(keywords) { key, value throws(PythonError) in
                guard key.kind == .str else { throw PythonError(.typeError, "keywords must be strings") }
                Tuple.items(names)[i] = key
                stackTop[count + i] = value
                i += 1
            }
        }
        let savedTop = VM.stackTop
        if VM.stackTop < top { VM.stackTop = top }
        defer { VM.stackTop = savedTop }
        return try call(callable, stackTop, count + keywordCount, keywordNames: names, stackTop: top)
    }

    // MARK: Python functions

    static func callFunction(
        _ function: Value, _ arguments: UnsafeMutablePointer<Value>, _ count: Int, keywordNames: Value,
        stackTop: UnsafeMutablePointer<Value>
    ) throws(PythonError) -> Value {
        let fields = function.fields(FunctionObject.self)
        let code = CodeObject.from(word: fields.pointee.code)
        let fp = stackTop + VM.headerSlots
        let frameEnd = fp + code.slotCount + code.maxStackDepth
        guard frameEnd < VM.stackLimit, VM.depth < VM.recursionLimit else { throw recursionError() }
        fp[-3] = function
        fp[-2] = Value.null
        fp[-1] = fields.pointee.globals
        let savedTop = VM.stackTop
        VM.stackTop = frameEnd
        defer { VM.stackTop = savedTop }
        if keywordNames.isNull && count == code.positionalCount && code.parameterCount == count {
            fp.update(from: arguments, count: count)
            for i in count..<code.slotCount { fp[i] = Value.null }
        } else {
            for i in 0..<code.slotCount { fp[i] = Value.null }
            try Arguments.bind(function, code, arguments, count, keywordNames: keywordNames, into: fp)
        }
        prepareCells(code, fields.pointee.closure, fp)
        if code.flags.contains(.generator) {
            return Generators.make(function: function, code: code, fp: fp)
        }
        VM.depth += 1
        defer { VM.depth -= 1 }
        var exit = FrameExit.returned
        return try execute(code, fp: fp, exit: &exit)
    }

    /// Wraps cell variables (moving a parameter's argument into its cell) and copies the
    /// closure's cells into the free-variable slots.
    @inline(__always)
    static func prepareCells(_ code: CodeObject, _ closure: Value, _ fp: UnsafeMutablePointer<Value>) {
        for slot in code.cellSlots { fp[Int(slot)] = Callables.makeCell(fp[Int(slot)]) }
        guard code.firstFreeSlot < code.slotCount else { return }
        let cells = Tuple.items(closure)
        for i in code.firstFreeSlot..<code.slotCount { fp[i] = cells[i - code.firstFreeSlot] }
    }

    static func notCallable(_ v: Value) -> PythonError {
        PythonError(.typeError, "'\(TypeObjects.name(v.type))' object is not callable")
    }

    static func recursionError() -> PythonError {
        PythonError(.recursionError, "maximum recursion depth exceeded")
    }
}

extension Callables {
    @inline(__always)
    static func cellContents(_ cell: Value) -> Value { cell.fields(CellObject.self).pointee.contents }

    @inline(__always)
    static func setCellContents(_ cell: Value, _ v: Value) { cell.fields(CellObject.self).pointee.contents = v }
}

/// Functions made by `def` and `lambda`.
enum Functions {
    static func make(code: CodeObject, globals: Value, flags: MakeFunctionFlags, popping sp: inout UnsafeMutablePointer<Value>) -> Value {
        var closure = BuiltinTypes.none, keywordDefaults = BuiltinTypes.none, defaults = BuiltinTypes.none
        var annotations = BuiltinTypes.none
        if flags.contains(.closure) { sp -= 1; closure = sp.pointee }
        if flags.contains(.annotations) { sp -= 1; annotations = sp.pointee }
        if flags.contains(.keywordDefaults) { sp -= 1; keywordDefaults = sp.pointee }
        if flags.contains(.defaults) { sp -= 1; defaults = sp.pointee }
        // The popped values stay in their stack slots, where the collector still sees them.
        let function = Callables.makeFunction(
            code: code.word, globals: globals, name: Interned.str(code.name), qualifiedName: Interned.str(code.qualifiedName))
        let fields = function.fields(FunctionObject.self)
        fields.pointee.closure = closure
        fields.pointee.keywordDefaults = keywordDefaults
        fields.pointee.defaults = defaults
        fields.pointee.annotations = annotations
        return function
    }

    static func code(_ function: Value) -> CodeObject {
        CodeObject.from(word: function.fields(FunctionObject.self).pointee.code)
    }
}
