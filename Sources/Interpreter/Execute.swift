import Compiler
import Runtime

/// Why `execute` returned.
enum FrameExit {
    case returned
    /// A generator's frame stopped at `yield`: `resumeIndex` and `stackDepth` say where.
    case yielded(resumeIndex: Int, stackDepth: Int)
}

/// The dispatch loop: runs `code` on the frame at `fp` from instruction `start` with `depth`
/// temporaries on the stack. The hot state (instruction pointer, stack pointer, code, constants)
/// lives in locals; nothing here touches a Swift class property per instruction.
/// `throwing` raises an exception at the resume point first (a generator's `throw()`).
func execute(
    _ code: CodeObject, fp: UnsafeMutablePointer<Value>, start: Int = 0, depth: Int = 0,
    throwing: Value = Value.null, exit: inout FrameExit
) throws(PythonError) -> Value {
    let instructions = code.instructions
    let constants = code.constantItems
    let names = code.nameItems
    let caches = code.caches
    let stackBottom = fp + code.slotCount
    var sp = stackBottom + depth
    var pc = start
    var keywordNames = Value.null
    var reraising = false

    if !throwing.isNull {
        let error = PythonError(exception: throwing)
        if !unwind(error, code, at: start - 1, reraising: false, stackBottom, &sp, &pc) { throw error }
    }

    while true {
        let instruction = instructions[pc]
        pc += 1
        let argument = Int(instruction.argument)
        do throws(PythonError) {
            switch instruction.opcode {
            case .nop:
                break
            case .popTop:
                sp -= 1
            case .copy:
                let pushed = sp[-argument]
                push(&sp, pushed)
            case .swap:
                let t = sp[-1]
                sp[-1] = sp[-argument]
                sp[-argument] = t
            case .pushNull:
                push(&sp, Value.null)

            case .loadConst:
                let pushed = constants[argument]
                push(&sp, pushed)
            case .loadFast:
                let v = fp[argument]
                if v.isNull { throw unboundLocal(code, argument) }
                push(&sp, v)
            case .storeFast:
                fp[argument] = pop(&sp)
            case .deleteFast:
                let deleted = fp[argument]
                if deleted.isNull { throw unboundLocal(code, argument) }
                fp[argument] = Value.null
                Generators.deleted(deleted, stackTop: sp)
            case .loadDeref:
                let v = Callables.cellContents(fp[argument])
                if v.isNull { throw unboundFree(code, argument) }
                push(&sp, v)
            case .storeDeref:
                Callables.setCellContents(fp[argument], pop(&sp))
            case .deleteDeref:
                if Callables.cellContents(fp[argument]).isNull { throw unboundFree(code, argument) }
                Callables.setCellContents(fp[argument], Value.null)
            case .loadClosure:
                let pushed = fp[argument]
                push(&sp, pushed)
            case .loadClassDeref:
                let name = Interned.str(code.slotNames[argument])
                let found = try Dict.get(fp[-2], name)
                if !found.isNull {
                    push(&sp, found)
                } else {
                    let v = Callables.cellContents(fp[argument])
                    if v.isNull { throw unboundFree(code, argument) }
                    push(&sp, v)
                }
            case .loadGlobal:
                let pushed = try Namespaces.loadGlobal(fp[-1], caches + argument)
                push(&sp, pushed)
            case .storeGlobal:
                try Dict.set(fp[-1], names[argument], pop(&sp))
            case .deleteGlobal:
                let deleted = try Dict.get(fp[-1], names[argument])
                if !(try Dict.remove(fp[-1], names[argument])) { throw nameError(names[argument]) }
                Generators.deleted(deleted, stackTop: sp)
            case .loadName:
                let pushed = try Namespaces.loadName(fp[-2], fp[-1], names[argument])
                push(&sp, pushed)
            case .storeName:
                try Namespaces.storeName(fp[-2], names[argument], pop(&sp))
            case .deleteName:
                let deleted = fp[-2].kind == .dict ? try Dict.get(fp[-2], names[argument]) : Value.null
                if !(try Namespaces.deleteName(fp[-2], names[argument])) { throw nameError(names[argument]) }
                Generators.deleted(deleted, stackTop: sp)

            case .loadAttr:
                sp[-1] = try Attributes.load(sp[-1], cache: caches + argument)
            case .storeAttr:
                let object = pop(&sp)
                let value = pop(&sp)
                try Attributes.store(object, value, cache: caches + argument)
            case .deleteAttr:
                try Attributes.delete(pop(&sp), names[argument])
            case .loadMethod:
                let receiver = sp[-1]
                var bound = false
                let method = try Attributes.loadMethod(receiver, cache: caches + argument, bound: &bound)
                // The slot above first, then the one below: docs/INTERPRETER.md, "A compiler hazard".
                sp[0] = bound ? receiver : Value.null
                sp[-1] = method
                sp += 1

            case .binaryOperation:
                let b = pop(&sp)
                let a = sp[-1]
                if a.isSmallInt && b.isSmallInt {
                    switch argument {
                    case 0, 13: sp[-1] = Ints.add(a, b); continue
                    case 1, 14: sp[-1] = Ints.subtract(a, b); continue
                    case 2, 15: sp[-1] = Ints.multiply(a, b); continue
                    default: break
                    }
                } else if !(a.isSmallInt && b.isSmallInt), let x = floatOperand(a), let y = floatOperand(b) {
                    // Float arithmetic, with an int on either side converted as Python does.
                    switch argument {
                    case 0, 13: sp[-1] = Floats.make(x + y); continue
                    case 1, 14: sp[-1] = Floats.make(x - y); continue
                    case 2, 15: sp[-1] = Floats.make(x * y); continue
                    case 4 where y != 0, 17 where y != 0: sp[-1] = Floats.make(x / y); continue
                    default: break
                    }
                }
                sp[-1] = try Operators.binary(BinaryOperation(rawValue: Int32(argument))!, a, b)
            case .compare:
                let b = pop(&sp)
                let a = sp[-1]
                if a.isObject && b.isObject && a.header.pointee.kind == .float && b.header.pointee.kind == .float
                    && a.header.pointee.type.is(BuiltinTypes.float) && b.header.pointee.type.is(BuiltinTypes.float) {
                    sp[-1] = Value.bool(holds(argument, Floats.value(a), Floats.value(b)))
                } else if a.isSmallInt && b.isSmallInt {
                    sp[-1] = Value.bool(holds(argument, a.smallInt, b.smallInt))
                } else {
                    sp[-1] = try Operators.compare(a, b, Comparison(rawValue: Int32(argument))!)
                }
            case .isOperation:
                let b = pop(&sp)
                sp[-1] = Value.bool(sp[-1].is(b) != (argument == 1))
            case .containsOperation:
                let container = pop(&sp)
                sp[-1] = Value.bool(try Operators.contains(container, sp[-1]) != (argument == 1))
            case .unaryNegative:
                sp[-1] = try Operators.negative(sp[-1])
            case .unaryPositive:
                sp[-1] = try Operators.positive(sp[-1])
            case .unaryInvert:
                sp[-1] = try Operators.invert(sp[-1])
            case .unaryNot:
                sp[-1] = Value.bool(!(try Operators.isTrue(sp[-1])))

            case .binarySubscript:
                let index = pop(&sp)
                sp[-1] = try Operators.getItem(sp[-1], index)
            case .storeSubscript:
                let index = pop(&sp)
                let object = pop(&sp)
                try Operators.setItem(object, index, pop(&sp))
            case .deleteSubscript:
                let index = pop(&sp)
                try Operators.deleteItem(pop(&sp), index)
            case .buildSlice:
                let step = argument == 3 ? pop(&sp) : BuiltinTypes.none
                let upper = pop(&sp)
                sp[-1] = Slices.make(start: sp[-1], stop: upper, step: step)

            case .buildTuple:
                let tuple = Tuple.allocate(count: argument)
                sp -= argument
                Tuple.items(tuple).update(from: sp, count: argument)
                push(&sp, tuple)
            case .buildList:
                let list = List.make(capacity: argument)
                sp -= argument
                for i in 0..<argument { List.append(list, sp[i]) }
                push(&sp, list)
            case .buildSet:
                let set = Sets.make()
                sp -= argument
                for i in 0..<argument { try Sets.add(set, sp[i]) }
                push(&sp, set)
            case .buildMap:
                let dict = Dict.make()
                sp -= 2 * argument
                for i in 0..<argument { try Dict.set(dict, sp[2 * i], sp[2 * i + 1]) }
                push(&sp, dict)
            case .buildString:
                sp -= argument
                let pushed = Strings.concatenate(sp, count: argument)
                push(&sp, pushed)
            case .listAppend:
                let v = pop(&sp)
                List.append(sp[-argument], v)
            case .setAdd:
                let v = pop(&sp)
                try Sets.add(sp[-argument], v)
            case .mapAdd:
                let value = pop(&sp)
                let key = pop(&sp)
                try Dict.set(sp[-argument], key, value)
            case .listExtend:
                let iterable = pop(&sp)
                guard try Iteration.isIterable(iterable) else {
                    throw PythonError(.typeError, "Value after * must be an iterable, not \(TypeObjects.name(iterable.type))")
                }
                try Iteration.forEach(iterable) { item throws(PythonError) in List.append(sp[-argument], item) }
            case .setUpdate:
                let iterable = pop(&sp)
                try Iteration.addAll(iterable, to: sp[-argument])
            case .dictUpdate:
                let mapping = pop(&sp)
                guard try Mappings.isMapping(mapping) else {
                    throw PythonError(.typeError, "'\(TypeObjects.name(mapping.type))' object is not a mapping")
                }
                try Mappings.update(sp[-argument], with: mapping)
            case .dictMerge:
                let mapping = pop(&sp)
                try Mappings.merge(sp[-argument], keywords: mapping, callee: sp[-argument - 3])
            case .listToTuple:
                sp[-1] = Tuple.make(Array(UnsafeBufferPointer(start: List.items(sp[-1]), count: List.count(sp[-1]))))
            case .unpackSequence:
                let sequence = pop(&sp)
                try Unpacking.unpack(sequence, count: argument, into: sp)
                sp += argument
            case .unpackExtended:
                let sequence = pop(&sp)
                let pushed = try Unpacking.unpackStarred(sequence, before: argument & 0xFF, after: argument >> 8, into: sp)
                sp += pushed

            case .jump:
                pc = argument
            case .popJumpIfFalse:
                let v = pop(&sp)
                if v.is(BuiltinTypes.falseValue) {
                    pc = argument
                } else if !v.is(BuiltinTypes.trueValue), !(try Operators.isTrue(v)) {
                    pc = argument
                }
            case .popJumpIfTrue:
                let v = pop(&sp)
                if v.is(BuiltinTypes.trueValue) {
                    pc = argument
                } else if !v.is(BuiltinTypes.falseValue), try Operators.isTrue(v) {
                    pc = argument
                }
            case .popJumpIfNone:
                if pop(&sp).is(BuiltinTypes.none) { pc = argument }
            case .popJumpIfNotNone:
                if !pop(&sp).is(BuiltinTypes.none) { pc = argument }
            case .jumpIfFalseOrPop:
                if try Operators.isTrue(sp[-1]) { sp -= 1 } else { pc = argument }
            case .jumpIfTrueOrPop:
                if try Operators.isTrue(sp[-1]) { pc = argument } else { sp -= 1 }
            case .getIterator:
                if argument != 0 { Generators.claimForLoop(sp[-1]) }
                sp[-1] = try Iteration.iterator(sp[-1])
            case .forIterator:
                let next = try Iteration.next(sp[-1])
                if next.isNull {
                    sp -= 1
                    pc = argument
                } else {
                    push(&sp, next)
                }
            case .popIterator:
                Generators.releaseFromLoop(pop(&sp))
            case .returnValue:
                exit = .returned
                return pop(&sp)

            case .forgetLastGenerator:
                Generators.lastMade = Value.null
            case .keywordNames:
                keywordNames = constants[argument]
            case .call:
                let base = sp - argument - 2

                let callable = base[0]
                let names = keywordNames
                keywordNames = Value.null
                let result: Value
                if base[1].isNull {
                    result = try Calls.call(callable, base + 2, argument, keywordNames: names, stackTop: sp)
                } else {
                    result = try Calls.call(callable, base + 1, argument + 1, keywordNames: names, stackTop: sp)
                }
                base[0] = result
                sp = base + 1
            case .callFrameBuiltin:
                let callable = sp[-2]
                var result = try Introspection.frameBuiltin(callable, code: code, fp: fp) ?? Value.null
                if result.isNull { result = try Calls.call(callable, sp, 0, keywordNames: Value.null, stackTop: sp) }
                sp[-2] = result
                sp -= 1
            case .callExtended:
                let keywords = pop(&sp)
                let positional = pop(&sp)
                sp -= 1
                sp[-1] = try Calls.callExtended(sp[-1], positional, keywords, stackTop: sp + 2)
            case .makeFunction:
                let function = Functions.make(
                    code: CodeObject.from(word: pop(&sp)), globals: fp[-1], flags: MakeFunctionFlags(rawValue: Int32(argument)),
                    popping: &sp)
                push(&sp, function)
            case .loadBuildClass:
                push(&sp, Classes.buildClassFunction)

            case .raise:
                // The operands are read and popped here: a throwing call that also changed `sp`
                // through inout is the shape the release build got wrong.
                let exception = argument >= 1 ? sp[-argument] : Value.null
                let cause = argument == 2 ? sp[-1] : Value.null
                sp -= argument
                throw try Raising.error(for: argument, exception: exception, cause: cause)
            case .reraise:
                reraising = true
                throw PythonError(exception: pop(&sp))
            case .pushExceptionInfo:
                // The slot above first, then the one below: docs/INTERPRETER.md, "A compiler hazard".
                let exception = sp[-1]
                let saved = VM.handledException.isNull ? BuiltinTypes.none : VM.handledException
                sp[0] = exception
                sp[-1] = saved
                sp += 1
                VM.handledException = exception
            case .popExcept:
                let saved = pop(&sp)
                VM.handledException = saved.is(BuiltinTypes.none) ? Value.null : saved
            case .checkExceptionMatch:
                let type = pop(&sp)
                sp[-1] = Value.bool(try Raising.matches(sp[-1], type))
            case .loadAssertionError:
                push(&sp, BuiltinException.assertionError.type)
            case .withExceptStart:
                let exception = sp[-1]
                let exitFunction = sp[-3]
                let pushed = try ContextManagers.exit(exitFunction, exception: exception, stackTop: sp)
                push(&sp, pushed)
            case .beforeWith:
                // The manager's slot receives `__exit__`; `__enter__`'s result goes above it.
                let entered = try ContextManagers.enter(sp[-1], exit: &sp[-1])
                push(&sp, entered)

            case .yieldValue:
                exit = .yielded(resumeIndex: pc, stackDepth: sp - stackBottom - 1)
                return pop(&sp)
            case .send:
                let value = pop(&sp)
                var finished = false
                let result = try Generators.send(sp[-1], value, finished: &finished)
                if finished {
                    sp[-1] = result
                    pc = argument
                } else {
                    push(&sp, result)
                }
            case .getYieldFromIterator:
                if sp[-1].kind != .foreign || !Generators.isGenerator(sp[-1]) {
                    sp[-1] = try Iteration.iterator(sp[-1])
                }

            case .formatValue:
                let spec = Int32(argument) & FormatFlags.hasSpec != 0 ? pop(&sp) : Value.null
                sp[-1] = try Strings.formatValue(sp[-1], conversion: Int32(argument) & FormatFlags.conversionMask, spec: spec)

            case .importName:
                let fromList = pop(&sp)
                sp -= 1
                let pushed = try Modules.importModule(names[argument], fromList: fromList)
                push(&sp, pushed)
            case .importFrom:
                let pushed = try Modules.importFrom(sp[-1], names[argument])
                push(&sp, pushed)
            case .importStar:
                try Modules.importStar(pop(&sp), into: fp[-2].isNull ? fp[-1] : fp[-2])
            }
        } catch {
            if !unwind(error, code, at: pc - 1, reraising: reraising, stackBottom, &sp, &pc) { throw error }
            reraising = false
        }
    }
}

/// Whether `x OP y` holds for the `Comparison` numbered `argument` (IEEE semantics for floats:
/// every comparison with a NaN is false but `!=`).
@inline(__always)
private func holds<T: Comparable>(_ argument: Int, _ x: T, _ y: T) -> Bool {
    switch argument {
    case 0: return x < y
    case 1: return x <= y
    case 2: return x == y
    case 3: return x != y
    case 4: return x > y
    default: return x >= y
    }
}

/// A float operand of the fast path: an exact float, or a small int beside one. Nil for
/// everything else, which takes the general path.
@inline(__always)
private func floatOperand(_ v: Value) -> Double? {
    if v.isSmallInt { return Double(v.smallInt) }
    guard v.header.pointee.type.is(BuiltinTypes.float) else { return nil }
    return Floats.value(v)
}

@inline(__always)
private func push(_ sp: inout UnsafeMutablePointer<Value>, _ v: Value) {
    sp.pointee = v
    sp += 1
}

@inline(__always)
private func pop(_ sp: inout UnsafeMutablePointer<Value>) -> Value {
    sp -= 1
    return sp.pointee
}

/// Sends an exception raised at instruction `failedAt` to its handler: the stack is cut back,
/// the exception pushed and `pc` set. False when the frame has no handler for it.
private func unwind(
    _ error: PythonError, _ code: CodeObject, at failedAt: Int, reraising: Bool,
    _ stackBottom: UnsafeMutablePointer<Value>, _ sp: inout UnsafeMutablePointer<Value>, _ pc: inout Int
) -> Bool {
    if !reraising {
        Raising.noteRaised(error.exception, code: code, instruction: failedAt)
        if error.exception.type.is(BuiltinException.nameError.type) {
            Suggestions.noteNameError(error.exception, code: code, globals: (stackBottom - code.slotCount)[-1])
        }
    }
    let handler = code.handler(at: failedAt)
    releaseLoopIterators(above: stackBottom + Int(handler?.depth ?? 0), sp)
    guard let handler else { return false }
    sp = stackBottom + Int(handler.depth)
    sp[0] = error.exception
    sp += 1
    pc = Int(handler.target)
    return true
}

/// The temporaries an exception discards may be iterators of the loops it leaves: innermost
/// (topmost) first, as CPython pops them.
private func releaseLoopIterators(above bottom: UnsafeMutablePointer<Value>, _ top: UnsafeMutablePointer<Value>) {
    var slot = top
    while slot > bottom {
        slot -= 1
        Generators.releaseFromLoop(slot.pointee)
    }
}

private func unboundLocal(_ code: CodeObject, _ slot: Int) -> PythonError {
    PythonError(.unboundLocalError, "cannot access local variable '\(code.slotNames[slot])' where it is not associated with a value")
}

private func unboundFree(_ code: CodeObject, _ slot: Int) -> PythonError {
    PythonError(.nameError, "cannot access free variable '\(code.slotNames[slot])' where it is not associated with a value in enclosing scope")
}

func nameError(_ name: Value) -> PythonError {
    let error = PythonError(.nameError, "name '\(Str.swiftString(name))' is not defined")
    error.exception.fields(ExceptionObject.self).pointee.name = name
    return error
}
