import Compiler
import Runtime

/// Generators as resumable frames. A suspended generator keeps its frame (slots and live
/// temporaries) in a tuple; resuming copies it onto the value stack, runs the code from the
/// saved instruction, and copies it back at the next `yield`. The interpreter therefore
/// always runs frames on the one stack, which the JIT relies on.
///
/// Fields: `a` the function, `b` the saved frame, `c` the name, `d` the value of the last
/// `return` (for `yield from`); `i` the instruction to resume at (`notStarted` before the
/// first `next`, `finished` after the end), `j` the saved stack depth.
enum Generators {
    static let notStarted = 0
    static let finished = -1
    static let running = -2

    static func make(function: Value, code: CodeObject, fp: UnsafeMutablePointer<Value>) -> Value {
        let frame = Tuple.allocate(count: code.slotCount + code.maxStackDepth)
        Tuple.items(frame).update(from: fp, count: code.slotCount)
        for i in code.slotCount..<(code.slotCount + code.maxStackDepth) { Tuple.items(frame)[i] = Value.null }
        let name = function.fields(FunctionObject.self).pointee.name
        return InterpreterObjects.make(.generator, type: InterpreterTypes.generator, a: function, b: frame, c: name, i: notStarted)
    }

    static func isGenerator(_ v: Value) -> Bool { InterpreterObjects.tag(v) == .generator }

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
        var depth = fields.pointee.j
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
                throw PythonError(.runtimeError, "generator raised StopIteration")
            }
            throw error
        }
        let after = InterpreterObjects.fields(generator)
        switch exit {
        case .yielded(let resumeIndex, let stackDepth):
            after.pointee.i = resumeIndex
            after.pointee.j = stackDepth
            Tuple.items(after.pointee.b).update(from: fp, count: code.slotCount + stackDepth)
            finished = false
            return result
        case .returned:
            after.pointee.i = Self.finished
            after.pointee.d = result
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
        return Tuple.items(fields.pointee.b)[code.slotCount + fields.pointee.j - 1]
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
            // throw(type, value): the value is the instance when it is one of the type.
            let given = args.positionalCount >= 3 ? args[2] : BuiltinTypes.none
            let exception: Value
            if args[1].kind == .type && given.kind == .exception && TypeObjects.isSubtype(given.type, of: args[1]) {
                exception = given
            } else if args[1].kind == .type && !given.is(BuiltinTypes.none) {
                exception = try Raising.instance(given.kind == .tuple ? try Calls.callExtended(args[1], given, Value.null, stackTop: args.stackTop)
                                                                     : try Calls.call(args[1], given))
            } else {
                exception = try Raising.instance(args[1])
            }
            var finished = false
            let value = try resume(args[0], sending: BuiltinTypes.none, throwing: exception, finished: &finished)
            if finished { throw stopIteration(value) }
            return value
        }
        Natives.method(type, "close") { args throws(PythonError) in
            let fields = InterpreterObjects.fields(args[0])
            if fields.pointee.i == notStarted || fields.pointee.i == Self.finished {
                fields.pointee.i = Self.finished
                return BuiltinTypes.none
            }
            let exit = Exceptions.make(BuiltinException.generatorExit.type, arguments: [])
            do throws(PythonError) {
                var finished = false
                _ = try resume(args[0], sending: BuiltinTypes.none, throwing: exit, finished: &finished)
            } catch {
                if TypeObjects.isSubtype(error.exception.type, of: BuiltinException.generatorExit.type)
                    || TypeObjects.isSubtype(error.exception.type, of: BuiltinException.stopIteration.type) {
                    return BuiltinTypes.none
                }
                throw error
            }
            if InterpreterObjects.fields(args[0]).pointee.i != Self.finished {
                throw PythonError(.runtimeError, "generator ignored GeneratorExit")
            }
            return BuiltinTypes.none
        }
    }

    static func stopIteration(_ value: Value) -> PythonError {
        let arguments = value.isNull || value.is(BuiltinTypes.none) ? [] : [value]
        return PythonError(exception: Exceptions.make(BuiltinException.stopIteration.type, arguments: arguments))
    }
}
