import Compiler
import Runtime

/// Generators as resumable frames. A suspended generator keeps its frame (slots and live
/// temporaries) in a tuple; resuming copies it onto the value stack, runs the code from the
/// saved instruction, and copies it back at the next `yield`. The interpreter therefore
/// always runs frames on the one stack, which the JIT relies on.
///
/// Fields: `a` the function, `b` the saved frame, `c` the name, `d` the serial number that
/// orders generators by creation; `i` the instruction to resume at (`notStarted` before the
/// first `next`, `finished` after the end), `j` the saved stack depth, and in its bit
/// `ownedByLoop` whether a `for` loop owns the generator.
enum Generators {
    static let notStarted = 0
    static let finished = -1
    static let running = -2
    private static let ownedByLoop = 1 << 62

    /// The generator made last and the depth of the frame whose call made it: the
    /// `getIterator 1` of `for x in gen():` claims a generator only when that call made it.
    nonisolated(unsafe) static var lastMade = Value.null
    nonisolated(unsafe) static var lastMadeDepth = 0

    static func make(function: Value, code: CodeObject, fp: UnsafeMutablePointer<Value>) -> Value {
        let frame = Tuple.allocate(count: code.slotCount + code.maxStackDepth)
        Tuple.items(frame).update(from: fp, count: code.slotCount)
        for i in code.slotCount..<(code.slotCount + code.maxStackDepth) { Tuple.items(frame)[i] = Value.null }
        let name = function.fields(FunctionObject.self).pointee.name
        if abandoned.count >= abandonedLimit { closeAbandoned() }
        serial += 1
        let generator = InterpreterObjects.make(
            .generator, type: InterpreterTypes.generator, a: function, b: frame, c: name, d: Value(smallInt: serial), i: notStarted)
        lastMade = generator
        lastMadeDepth = VM.depth
        if !code.exceptionTable.isEmpty { watched.append(generator.bits) }
        return generator
    }

    private static func savedDepth(_ fields: UnsafeMutablePointer<InterpreterObject>) -> Int {
        fields.pointee.j & (ownedByLoop - 1)
    }

    static func isGenerator(_ v: Value) -> Bool { InterpreterObjects.tag(v) == .generator }

    static func repr(_ generator: Value) throws(PythonError) -> String {
        "<generator object \(Str.swiftString(qualifiedName(generator))) at 0x\(String(UInt(generator.bits &- 1), radix: 16))>"
    }

    /// `__qualname__`: the function's, as when the generator was made.
    static func qualifiedName(_ generator: Value) -> Value {
        InterpreterObjects.fields(generator).pointee.a.fields(FunctionObject.self).pointee.qualifiedName
    }

    /// The next yielded value, or null when the generator returns.
    static func next(_ generator: Value) throws(PythonError) -> Value {
        var finished = false
        let value = try resume(generator, sending: BuiltinTypes.none, throwing: Value.null, finished: &finished)
        return finished ? Value.null : value
    }

    /// Runs the generator until it yields (the yielded value) or returns (its return value,
    /// with `finished` set).
    /// (Results come back through `finished`, not a tuple: Swift 6.3's release builds have
    /// mixed up tuple results of typed-throws calls here; docs/INTERPRETER.md.)
    static func resume(_ generator: Value, sending: Value, throwing: Value, finished: inout Bool) throws(PythonError) -> Value {
        var sending = sending, throwing = throwing
        if !throwing.isNull, let delegate = yieldFromIterator(generator) {
            // Suspended in `yield from`: the exception goes to the subiterator first.
            switch try throwIntoDelegate(delegate, throwing) {
            case .yielded(let value):
                finished = false
                return value
            case .returned(let value):
                // `yield from` evaluates to the value: resume after the loop, in the
                // iterator's stack slot.
                let fields = InterpreterObjects.fields(generator)
                let code = Functions.code(fields.pointee.a)
                let jumpToSend = code.instructions[fields.pointee.i]
                fields.pointee.i = Int(code.instructions[Int(jumpToSend.argument)].argument)
                fields.pointee.j -= 1
                (sending, throwing) = (value, Value.null)
            case .raised(let exception):
                throwing = exception
            }
        }
        let fields = InterpreterObjects.fields(generator)
        let state = fields.pointee.i
        if state == running { throw PythonError(.valueError, "generator already executing") }
        if state == Self.finished {
            if !throwing.isNull { throw PythonError(exception: throwing) }
            finished = true
            return Value.null
        }
        if state == notStarted && !throwing.isNull {
            fields.pointee.i = Self.finished
            throw PythonError(exception: throwing)
        }
        if state == notStarted && !sending.is(BuiltinTypes.none) {
            throw PythonError(.typeError, "can't send non-None value to a just-started generator")
        }
        let function = fields.pointee.a
        let code = Functions.code(function)
        let fp = VM.stackTop + VM.headerSlots
        let frameEnd = fp + code.slotCount + code.maxStackDepth
        guard frameEnd < VM.stackLimit, VM.depth < VM.recursionLimit else { throw Calls.recursionError() }
        fp[-3] = function
        fp[-2] = Value.null
        fp[-1] = function.fields(FunctionObject.self).pointee.globals
        let saved = fields.pointee.b
        var depth = savedDepth(fields)
        fp.update(from: Tuple.items(saved), count: code.slotCount + depth)
        if state != notStarted && throwing.isNull {
            fp[code.slotCount + depth] = sending
            depth += 1
        }
        let savedTop = VM.stackTop
        VM.stackTop = frameEnd
        VM.depth += 1
        defer {
            VM.stackTop = savedTop
            VM.depth -= 1
        }
        fields.pointee.i = running
        var exit = FrameExit.returned
        let result: Value
        do throws(PythonError) {
            result = try execute(code, fp: fp, start: max(state, 0), depth: depth, throwing: throwing, exit: &exit)
        } catch {
            InterpreterObjects.fields(generator).pointee.i = Self.finished
            if TypeObjects.isSubtype(error.exception.type, of: BuiltinException.stopIteration.type) {
                throw Raising.chained(PythonError(.runtimeError, "generator raised StopIteration"), from: error.exception)
            }
            throw error
        }
        let after = InterpreterObjects.fields(generator)
        switch exit {
        case .yielded(let resumeIndex, let stackDepth):
            after.pointee.i = resumeIndex
            after.pointee.j = after.pointee.j & ownedByLoop | stackDepth
            Tuple.items(after.pointee.b).update(from: fp, count: code.slotCount + stackDepth)
            finished = false
            return result
        case .returned:
            after.pointee.i = Self.finished
            finished = true
            return result
        }
    }

    /// The subiterator of the `yield from` the generator is suspended in, or nil. There the
    /// generator resumes at the jump back to the loop's `send`, with the iterator on top of
    /// its saved stack.
    static func yieldFromIterator(_ generator: Value) -> Value? {
        let fields = InterpreterObjects.fields(generator)
        let resumeIndex = fields.pointee.i
        guard resumeIndex > 0 else { return nil }
        let code = Functions.code(fields.pointee.a)
        let instruction = code.instructions[resumeIndex]
        guard instruction.opcode == .jump, code.instructions[Int(instruction.argument)].opcode == .send else { return nil }
        return Tuple.items(fields.pointee.b)[code.slotCount + savedDepth(fields) - 1]
    }

    enum DelegateOutcome {
        case yielded(Value), returned(Value), raised(Value)
    }

    /// `throw()` or `close()` passed on to a `yield from`'s subiterator, as PEP 380 says:
    /// GeneratorExit closes it and is then raised in the delegating generator; anything else
    /// goes to its `throw`, whose yield, return or exception the delegator takes over.
    static func throwIntoDelegate(_ delegate: Value, _ exception: Value) throws(PythonError) -> DelegateOutcome {
        if TypeObjects.isSubtype(exception.type, of: BuiltinException.generatorExit.type) {
            do throws(PythonError) {
                if let close = try Attributes.lookupSpecial(delegate, "close") { _ = try Calls.call(close, delegate) }
            } catch {
                return .raised(error.exception)
            }
            return .raised(exception)
        }
        do throws(PythonError) {
            if isGenerator(delegate) {
                var finished = false
                let value = try resume(delegate, sending: BuiltinTypes.none, throwing: exception, finished: &finished)
                return finished ? .returned(value.isNull ? BuiltinTypes.none : value) : .yielded(value)
            }
            guard let throwMethod = try Attributes.lookupSpecial(delegate, "throw") else { return .raised(exception) }
            return .yielded(try Calls.call(throwMethod, delegate, exception))
        } catch {
            if TypeObjects.isSubtype(error.exception.type, of: BuiltinException.stopIteration.type) {
                return .returned(try Attributes.get(error.exception, Interned.str("value")))
            }
            return .raised(error.exception)
        }
    }

    /// One step of `yield from`: the value the subiterator yields, or its return value.
    static func send(_ iterator: Value, _ value: Value, finished: inout Bool) throws(PythonError) -> Value {
        if isGenerator(iterator) {
            let result = try resume(iterator, sending: value, throwing: Value.null, finished: &finished)
            return finished && result.isNull ? BuiltinTypes.none : result
        }
        if value.is(BuiltinTypes.none) {
            let next = try Iteration.next(iterator)
            finished = next.isNull
            return next.isNull ? BuiltinTypes.none : next
        }
        guard let send = try Attributes.lookupSpecial(iterator, "send") else {
            throw PythonError(.attributeError, "'\(TypeObjects.name(iterator.type))' object has no attribute 'send'")
        }
        do throws(PythonError) {
            finished = false
            return try Calls.call(send, iterator, value)
        } catch {
            if TypeObjects.isSubtype(error.exception.type, of: BuiltinException.stopIteration.type) {
                finished = true
                return try Attributes.get(error.exception, Interned.str("value"))
            }
            throw error
        }
    }

    /// The generator's methods: `send`, `throw`, `close`, and the iterator protocol.
    static func installMethods() {
        let type = InterpreterTypes.generator
        NativeTypes.setRepr(type) { g throws(PythonError) in try repr(g) }
        Natives.method(type, "send") { args throws(PythonError) in
            try args.expect(2...2)
            var finished = false
            let value = try resume(args[0], sending: args[1], throwing: Value.null, finished: &finished)
            if finished { throw stopIteration(value) }
            return value
        }
        Natives.method(type, "__next__") { args throws(PythonError) in
            var finished = false
            let value = try resume(args[0], sending: BuiltinTypes.none, throwing: Value.null, finished: &finished)
            if finished { throw stopIteration(value) }
            return value
        }
        Natives.method(type, "__iter__") { args throws(PythonError) in args[0] }
        Natives.method(type, "throw") { args throws(PythonError) in
            try args.expect(2...4)
            let exception = try thrownException(args)
            var finished = false
            let value = try resume(args[0], sending: BuiltinTypes.none, throwing: exception, finished: &finished)
            if finished { throw stopIteration(value) }
            return value
        }
        Natives.method(type, "close") { args throws(PythonError) in
            try args.expect(1...1)
            try close(args[0])
            return BuiltinTypes.none
        }
    }

    /// The exception `generator.throw(type[, value[, traceback]])` raises, checked as CPython
    /// checks it: the value is the instance when it is one of the class, else its arguments.
    private static func thrownException(_ args: NativeArguments) throws(PythonError) -> Value {
        let thrown = args[1]
        let value = args.positionalCount >= 3 ? args[2] : BuiltinTypes.none
        if args.positionalCount >= 4 && !args[3].is(BuiltinTypes.none) && !args[3].type.is(Tracebacks.tracebackType) {
            throw PythonError(.typeError, "throw() third argument must be a traceback object")
        }
        if thrown.kind == .type && TypeObjects.isSubtype(thrown, of: BuiltinException.baseException.type) {
            if value.kind == .exception && TypeObjects.isSubtype(value.type, of: thrown) { return value }
            if value.is(BuiltinTypes.none) { return try Raising.instance(thrown) }
            return try Raising.instance(value.kind == .tuple
                ? try Calls.callExtended(thrown, value, Value.null, stackTop: args.stackTop) : try Calls.call(thrown, value))
        }
        guard thrown.kind == .exception else {
            throw PythonError(.typeError, "exceptions must be classes or instances deriving from BaseException, not \(TypeObjects.name(thrown.type))")
        }
        guard value.is(BuiltinTypes.none) else {
            throw PythonError(.typeError, "instance exception may not have a separate value")
        }
        return thrown
    }

    /// `generator.close()`: GeneratorExit raised at the suspended `yield`.
    static func close(_ generator: Value) throws(PythonError) {
        let fields = InterpreterObjects.fields(generator)
        if fields.pointee.i == notStarted || fields.pointee.i == Self.finished {
            fields.pointee.i = Self.finished
            return
        }
        let exit = Exceptions.make(BuiltinException.generatorExit.type, arguments: [])
        do throws(PythonError) {
            var finished = false
            _ = try resume(generator, sending: BuiltinTypes.none, throwing: exit, finished: &finished)
        } catch {
            if TypeObjects.isSubtype(error.exception.type, of: BuiltinException.generatorExit.type)
                || TypeObjects.isSubtype(error.exception.type, of: BuiltinException.stopIteration.type) {
                return
            }
            throw error
        }
        if InterpreterObjects.fields(generator).pointee.i != Self.finished {
            throw PythonError(.runtimeError, "generator ignored GeneratorExit")
        }
    }

    // MARK: Finalization

    // CPython closes a suspended generator when its last reference goes, so a `finally` or
    // `with` around its `yield` runs at that moment. A tracing collector does not know that
    // moment; these are the places where the interpreter does.

    /// `getIterator 1`: `iterable` is what the call just made returned. When that very call
    /// made this generator, nothing but the loop refers to it.
    static func claimForLoop(_ iterable: Value) {
        defer { lastMade = Value.null }
        guard iterable.bits == lastMade.bits, lastMadeDepth == VM.depth, isGenerator(iterable) else { return }
        InterpreterObjects.fields(iterable).pointee.j |= ownedByLoop
    }

    /// A loop's iterator is dropped before the generator is exhausted: by `break` or `return`
    /// (`popIterator`), or by an exception leaving the loop. A generator the loop owns is
    /// closed if it is suspended where closing runs code.
    static func releaseFromLoop(_ iterator: Value) {
        guard isGenerator(iterator), InterpreterObjects.fields(iterator).pointee.j & ownedByLoop != 0 else { return }
        finalize(iterator)
    }

    /// Whether closing `generator` would run code: it is suspended inside a `try` or `with`.
    private static func needsClosing(_ generator: Value) -> Bool {
        let fields = InterpreterObjects.fields(generator)
        let resumeIndex = fields.pointee.i
        return resumeIndex > 0 && Functions.code(fields.pointee.a).handler(at: resumeIndex) != nil
    }

    /// Closes a generator nothing refers to any more, if it is suspended inside a `try`
    /// or `with`. An exception from its cleanup cannot propagate: as in CPython, it is
    /// reported on stderr and ignored.
    static func finalize(_ generator: Value) {
        guard needsClosing(generator) else { return }
        do throws(PythonError) {
            try close(generator)
        } catch {
            Tracebacks.reportUnraisable(error, in: generator)
        }
    }

    // Anything else that drops the last reference to a suspended generator is seen only by
    // the collector. Generators whose code has a `try` or `with` are watched weakly; a
    // collection that finds one unreachable while closing it would run code keeps it alive
    // as abandoned, and the interpreter closes it where Python code may run: after a `del`
    // of a generator, when too many wait, and at exit. Closing in creation order makes the
    // output independent of when collections happen.

    /// Bits of the watched generators: invisible to the collector, so they do not keep them.
    nonisolated(unsafe) private static var watched: [UInt64] = []
    /// Generators found unreachable, kept alive until closed; `closing` those being closed.
    nonisolated(unsafe) private static var abandoned: [Value] = []
    nonisolated(unsafe) private static var closing: [Value] = []
    nonisolated(unsafe) private static var serial = 0
    private static let abandonedLimit = 1000

    static func installFinalization() {
        Collector.addRootScanner {
            for g in abandoned { Collector.mark(g) }
            for g in closing { Collector.mark(g) }
        }
        Collector.addWeakScanner(scanWatched)
    }

    private static func scanWatched() {
        var kept = 0
        for bits in watched {
            let generator = Value(bits: bits)
            if Collector.isMarked(generator) {
                if InterpreterObjects.fields(generator).pointee.i != finished {
                    watched[kept] = bits
                    kept += 1
                }
            } else if needsClosing(generator) {
                Collector.keepAlive(generator)
                abandoned.append(generator)
            }
        }
        watched.removeLast(watched.count - kept)
    }

    private static func serialNumber(_ generator: Value) -> Int { InterpreterObjects.fields(generator).pointee.d.smallInt }

    /// Closes the abandoned generators, oldest first.
    static func closeAbandoned() {
        while !abandoned.isEmpty {
            closing = abandoned.sorted { serialNumber($0) < serialNumber($1) }
            abandoned.removeAll()
            for generator in closing { finalize(generator) }
            closing.removeAll()
        }
    }

    /// `del name` dropped `value`. If it was a generator that closing would run code in,
    /// and nothing else refers to it, it is closed now, as CPython would close it. The
    /// temporaries above `stackTop` in the frame are dead and are cleared first, so that
    /// the collector does not find the generator there; nor does the native stack, where
    /// only the interpreter's own copy of it lingers. (A builtin that holds the suspended
    /// generator in Swift while Python code deletes its last name would see it closed.)
    static func deleted(_ value: Value, stackTop: UnsafeMutablePointer<Value>) {
        guard isGenerator(value), needsClosing(value) else { return }
        stackTop.update(repeating: Value.null, count: VM.stackTop - stackTop)
        Collector.collect(unpinning: value)
        closeAbandoned()
    }

    /// At the end of the program: every generator still suspended where closing runs code is
    /// closed, in creation order, with the module's globals still there, as CPython's
    /// shutdown collection closes them.
    static func finalizeAtExit(globals: Value) {
        guard !watched.isEmpty || !abandoned.isEmpty else { return }
        // The program's frames are gone: nothing on the VM stack is live.
        VM.stackBase.update(repeating: Value.null, count: VM.stackTop - VM.stackBase)
        _ = try? Collector.withProtected([globals]) { Collector.collect() }
        for bits in watched where needsClosing(Value(bits: bits)) { abandoned.append(Value(bits: bits)) }
        watched.removeAll()
        _ = try? Collector.withProtected([globals]) { closeAbandoned() }
    }

    static func stopIteration(_ value: Value) -> PythonError {
        let arguments = value.isNull || value.is(BuiltinTypes.none) ? [] : [value]
        return PythonError(exception: Exceptions.make(BuiltinException.stopIteration.type, arguments: arguments))
    }
}
