import FrontEnd
import Runtime

extension CodeGenerator {
    func compile(_ statements: [Statement]) {
        for statement in statements { compile(statement) }
    }

    // MARK: Annotations

    /// A module or class body that annotates a plain name anywhere outside its nested
    /// functions and classes starts with an empty `__annotations__` dict, as CPython's
    /// SETUP_ANNOTATIONS makes one.
    func setUpAnnotations(for body: [Statement]) {
        guard Self.annotatesName(body) else { return }
        unit.emit(.buildMap, 0)
        unit.emit(.storeName, unit.nameIndex("__annotations__"))
    }

    private static func annotatesName(_ body: [Statement]) -> Bool {
        body.contains { statement in
            switch statement.kind {
            case .annotatedAssign(_, _, _, let isSimple): return isSimple
            case .if(_, let body, let orElse), .while(_, let body, let orElse), .for(_, _, let body, let orElse):
                return annotatesName(body) || annotatesName(orElse)
            case .try(let body, let handlers, let orElse, let finally):
                return annotatesName(body) || handlers.contains { annotatesName($0.body) } || annotatesName(orElse)
                    || annotatesName(finally)
            case .with(_, let body): return annotatesName(body)
            default: return false
            }
        }
    }

    /// In a module or class body, `name: annotation` stores the evaluated annotation in
    /// `__annotations__`; other targets only evaluate it. Functions evaluate neither.
    private func compileAnnotation(of target: Expression, _ annotation: Expression, isSimple: Bool) {
        guard unit.scope.kind == .module || unit.scope.kind == .classBody else { return }
        compileAnnotationValue(annotation)
        guard isSimple, case .name(let name) = target.kind else {
            unit.emit(.popTop)
            return
        }
        unit.emit(.loadName, unit.nameIndex("__annotations__"))
        emitString(name)
        unit.emit(.storeSubscript)
    }

    func compile(_ statement: Statement) {
        unit.line = statement.range.start.line
        switch statement.kind {
        case .expression(let e):
            compile(e)
            unit.emit(.popTop)
        case .assign(let targets, let value):
            compile(value)
            for (i, target) in targets.enumerated() {
                if i < targets.count - 1 { unit.emit(.copy, 1) }
                assign(to: target)
            }
        case .augmentedAssign(let target, let op, let value):
            compileAugmentedAssign(target, op, value)
        case .annotatedAssign(let target, let annotation, let value, let isSimple):
            if let value {
                compile(value)
                assign(to: target)
            }
            compileAnnotation(of: target, annotation, isSimple: isSimple)
        case .if(let test, let body, let orElse):
            compileIf(test, body, orElse)
        case .while(let test, let body, let orElse):
            compileWhile(test, body, orElse)
        case .for(let target, let iterable, let body, let orElse):
            compileFor(target, iterable, body, orElse)
        case .break:
            compileBreak(statement.range)
        case .continue:
            compileContinue(statement.range)
        case .pass:
            break
        case .delete(let targets):
            for target in targets { compileDelete(target) }
        case .assert(let test, let message):
            compileAssert(test, message)
        case .functionDefinition(let definition):
            compileFunctionDefinition(definition, statement.range)
        case .classDefinition(let definition):
            compileClassDefinition(definition, statement.range)
        case .return(let value):
            compileReturn(value, statement.range)
        case .try(let body, let handlers, let orElse, let finally):
            if finally.isEmpty {
                compileTryExcept(body, handlers, orElse)
            } else {
                compileTryFinally(finally) { generator in
                    if handlers.isEmpty {
                        generator.compile(body)
                    } else {
                        generator.compileTryExcept(body, handlers, orElse)
                    }
                }
            }
        case .raise(let exception, let cause):
            if let exception { compile(exception) }
            if let cause { compile(cause) }
            unit.emit(.raise, exception == nil ? 0 : cause == nil ? 1 : 2)
        case .with(let items, let body):
            compileWith(items[...], body)
        case .global, .nonlocal:
            break
        case .import(let names):
            for alias in names { compileImport(alias) }
        case .importFrom(let module, let names, let level):
            compileImportFrom(module ?? "", names, level: level, statement.range)
        }
    }

    // MARK: Assignment

    /// Stores the value on top of the stack into `target`.
    func assign(to target: Expression) {
        switch target.kind {
        case .name(let name):
            store(name)
        case .attribute(let object, let name):
            compile(object)
            unit.emit(.storeAttr, unit.cache(for: unit.scope.mangle(name)))
        case .subscript(let object, let index):
            compile(object)
            compileIndex(index)
            unit.emit(.storeSubscript)
        case .tuple(let items), .list(let items):
            unpack(into: items, target.range)
        case .starred:
            fail("starred assignment target must be in a list or tuple", target.range)
        default:
            fail("cannot assign to expression", target.range)
        }
    }

    private func unpack(into items: [Expression], _ range: SourceRange) {
        let starred = items.indices.filter { if case .starred = items[$0].kind { return true } else { return false } }
        if starred.count > 1 { return fail("multiple starred expressions in assignment", range) }
        if let star = starred.first {
            let after = items.count - star - 1
            unit.emit(.unpackExtended, Int32(star | after << 8))
        } else {
            unit.emit(.unpackSequence, Int32(items.count))
        }
        for item in items {
            if case .starred(let inner) = item.kind {
                assign(to: inner)
            } else {
                assign(to: item)
            }
        }
    }

    private func compileAugmentedAssign(_ target: Expression, _ op: FrontEnd.BinaryOperator, _ value: Expression) {
        let operation = Int32(binaryOperation(op).rawValue + BinaryOperation.inPlaceOffset)
        switch target.kind {
        case .name(let name):
            load(name)
            compile(value)
            unit.emit(.binaryOperation, operation)
            store(name)
        case .attribute(let object, let name):
            compile(object)
            unit.emit(.copy, 1)
            unit.emit(.loadAttr, unit.cache(for: unit.scope.mangle(name)))
            compile(value)
            unit.emit(.binaryOperation, operation)
            unit.emit(.swap, 2)
            unit.emit(.storeAttr, unit.cache(for: unit.scope.mangle(name)))
        case .subscript(let object, let index):
            compile(object)
            compileIndex(index)
            unit.emit(.copy, 2)
            unit.emit(.copy, 2)
            unit.emit(.binarySubscript)
            compile(value)
            unit.emit(.binaryOperation, operation)
            unit.emit(.swap, 3)
            unit.emit(.swap, 2)
            unit.emit(.storeSubscript)
        default:
            fail("'\(expressionKindName(target))' is an illegal expression for augmented assignment", target.range)
        }
    }

    private func compileDelete(_ target: Expression) {
        switch target.kind {
        case .name(let name): delete(name)
        case .attribute(let object, let name):
            compile(object)
            unit.emit(.deleteAttr, unit.nameIndex(unit.scope.mangle(name)))
        case .subscript(let object, let index):
            compile(object)
            compileIndex(index)
            unit.emit(.deleteSubscript)
        case .tuple(let items), .list(let items):
            for item in items { compileDelete(item) }
        default:
            fail("cannot delete expression", target.range)
        }
    }

    // MARK: Control flow

    private func compileIf(_ test: Expression, _ body: [Statement], _ orElse: [Statement]) {
        let end = unit.newBlock()
        let elseBlock = orElse.isEmpty ? end : unit.newBlock()
        compileJump(if: test, is: false, to: elseBlock)
        compile(body)
        if !orElse.isEmpty {
            unit.emitJump(.jump, to: end)
            unit.use(elseBlock, fallingThrough: false)
            compile(orElse)
        }
        unit.use(end)
    }

    private func compileWhile(_ test: Expression, _ body: [Statement], _ orElse: [Statement]) {
        let head = unit.newBlock(), exit = unit.newBlock()
        let elseBlock = orElse.isEmpty ? exit : unit.newBlock()
        unit.use(head)
        compileJump(if: test, is: false, to: elseBlock)
        unit.frameBlocks.append(.whileLoop(head: head, exit: exit))
        compile(body)
        unit.frameBlocks.removeLast()
        unit.line = test.range.start.line
        unit.emitJump(.jump, to: head)
        if !orElse.isEmpty {
            unit.use(elseBlock, fallingThrough: false)
            compile(orElse)
        }
        unit.use(exit)
    }

    private func compileFor(_ target: Expression, _ iterable: Expression, _ body: [Statement], _ orElse: [Statement]) {
        let head = unit.newBlock(), exhausted = unit.newBlock(), exit = unit.newBlock()
        if case .call = iterable.kind {
            // `for x in gen():` alone refers to the generator, which leaving the loop closes.
            callMakesLoopIterator = true
            compile(iterable)
            callMakesLoopIterator = false
            unit.emit(.getIterator, 1)
        } else {
            compile(iterable)
            unit.emit(.getIterator)
        }
        unit.use(head)
        unit.emitJump(.forIterator, to: exhausted)
        assign(to: target)
        unit.frameBlocks.append(.forLoop(head: head, exit: exit))
        compile(body)
        unit.frameBlocks.removeLast()
        unit.line = target.range.start.line
        unit.emitJump(.jump, to: head)
        unit.use(exhausted, fallingThrough: false)
        compile(orElse)
        unit.use(exit)
    }

    private func compileBreak(_ range: SourceRange) {
        guard let loop = unit.frameBlocks.lastIndex(where: \.isLoop) else {
            return fail("'break' outside loop", range)
        }
        unwindFrameBlocks(above: loop, preservingTop: false)
        switch unit.frameBlocks[loop] {
        case .forLoop(_, let exit):
            unit.emit(.popIterator)
            unit.emitJump(.jump, to: exit)
        case .whileLoop(_, let exit):
            unit.emitJump(.jump, to: exit)
        default: break
        }
    }

    private func compileContinue(_ range: SourceRange) {
        guard let loop = unit.frameBlocks.lastIndex(where: \.isLoop) else {
            return fail("'continue' not properly in loop", range)
        }
        unwindFrameBlocks(above: loop, preservingTop: false)
        switch unit.frameBlocks[loop] {
        case .forLoop(let head, _), .whileLoop(let head, _):
            unit.emitJump(.jump, to: head)
        default: break
        }
    }

    private func compileReturn(_ value: Expression?, _ range: SourceRange) {
        if unit.scope.isGenerator, value != nil, unit.scope.kind == .comprehension {
            return fail("'return' with value in async generator", range)
        }
        if let value { compile(value) } else { emitConstant(.none) }
        unwindFrameBlocks(above: -1, preservingTop: true)
        unit.emit(.returnValue)
    }

    /// Emits what leaving every frame block above `index` needs: popping loop iterators,
    /// running final bodies, exiting context managers, restoring the handled exception. The
    /// emitted code runs under the handlers outside each block.
    func unwindFrameBlocks(above index: Int, preservingTop: Bool) {
        let savedBlocks = unit.frameBlocks
        let savedHandlers = unit.handlerStack
        var i = unit.frameBlocks.count - 1
        while i > index {
            let block = unit.frameBlocks[i]
            unit.frameBlocks.removeLast()
            unwind(block, preservingTop: preservingTop)
            i -= 1
        }
        unit.frameBlocks = savedBlocks
        unit.handlerStack = savedHandlers
    }

    private func unwind(_ block: FrameBlock, preservingTop: Bool) {
        switch block {
        case .whileLoop:
            break
        case .forLoop:
            if preservingTop { unit.emit(.swap, 2) }
            unit.emit(.popIterator)
        case .tryFinally(let body, let handlerDepth):
            unit.handlerStack.removeLast(unit.handlerStack.count - handlerDepth)
            if preservingTop { unit.frameBlocks.append(.returnValue) }
            compile(body)
            if preservingTop { unit.frameBlocks.removeLast() }
        case .returnValue:
            if preservingTop { unit.emit(.swap, 2) }
            unit.emit(.popTop)
        case .finallyForException(let handlerDepth):
            unit.handlerStack.removeLast(unit.handlerStack.count - handlerDepth)
            if preservingTop { unit.emit(.swap, 2) }
            unit.emit(.popTop)
            if preservingTop { unit.emit(.swap, 2) }
            unit.emit(.popExcept)
        case .exceptClause(nil, let handlerDepth):
            unit.handlerStack.removeLast(unit.handlerStack.count - handlerDepth)
            if preservingTop { unit.emit(.swap, 2) }
            unit.emit(.popExcept)
        case .exceptClause(let name?, let handlerDepth):
            unit.handlerStack.removeLast(unit.handlerStack.count - handlerDepth)
            clearExceptName(name)
            if preservingTop { unit.emit(.swap, 2) }
            unit.emit(.popExcept)
        case .with(let handlerDepth):
            unit.handlerStack.removeLast(unit.handlerStack.count - handlerDepth)
            if preservingTop { unit.emit(.swap, 2) }
            callExitWithNones()
        }
    }

    /// Stack: `exit`; calls `exit(None, None, None)` and drops the result.
    private func callExitWithNones() {
        unit.emit(.pushNull)
        for _ in 0..<3 { emitConstant(.none) }
        unit.emit(.call, 3)
        unit.emit(.popTop)
    }

    private func clearExceptName(_ name: String) {
        emitConstant(.none)
        store(name)
        delete(name)
    }

    private func compileAssert(_ test: Expression, _ message: Expression?) {
        let end = unit.newBlock()
        compileJump(if: test, is: true, to: end)
        unit.emit(.loadAssertionError)
        if let message {
            unit.emit(.pushNull)
            compile(message)
            unit.emit(.call, 1)
        }
        unit.emit(.raise, 1)
        unit.use(end, fallingThrough: false)
    }

    // MARK: Exceptions

    /// The handler that restores the previously handled exception and re-raises, for code
    /// that runs while an exception is handled. Stack on entry: `saved, exception`.
    private func emitCleanupBlock(_ cleanup: BlockID) {
        unit.use(cleanup, fallingThrough: false)
        unit.emit(.swap, 2)
        unit.emit(.popExcept)
        unit.emit(.reraise)
    }

    func compileTryExcept(_ body: [Statement], _ handlers: [ExceptHandler], _ orElse: [Statement]) {
        let dispatch = unit.newBlock(), cleanup = unit.newBlock(), end = unit.newBlock()
        unit.pushHandler(dispatch)
        compile(body)
        unit.popHandler()
        compile(orElse)
        unit.emitJump(.jump, to: end)

        unit.use(dispatch, fallingThrough: false)
        unit.pushHandler(cleanup)
        unit.emit(.pushExceptionInfo)
        let outerHandlers = unit.handlerStack.count - 1
        for handler in handlers {
            unit.line = handler.range.start.line
            let next = unit.newBlock()
            if let type = handler.type {
                unit.emit(.copy, 1)
                compile(type)
                unit.emit(.checkExceptionMatch)
                unit.emitJump(.popJumpIfFalse, to: next)
            }
            if let name = handler.name {
                store(name)
                compileNamedClauseBody(handler.body, name: name, outerHandlers: outerHandlers)
            } else {
                unit.emit(.popTop)
                unit.frameBlocks.append(.exceptClause(name: nil, handlerDepth: outerHandlers))
                compile(handler.body)
                unit.frameBlocks.removeLast()
            }
            unit.emit(.popExcept)
            unit.emitJump(.jump, to: end)
            unit.use(next, fallingThrough: false)
        }
        unit.emit(.reraise)
        unit.popHandler()
        emitCleanupBlock(cleanup)
        unit.use(end, fallingThrough: false)
    }

    /// `except E as name:` — the name is cleared however the body ends.
    private func compileNamedClauseBody(_ body: [Statement], name: String, outerHandlers: Int) {
        let nameCleanup = unit.newBlock(), done = unit.newBlock()
        unit.pushHandler(nameCleanup)
        unit.frameBlocks.append(.exceptClause(name: name, handlerDepth: outerHandlers))
        compile(body)
        unit.frameBlocks.removeLast()
        unit.popHandler()
        clearExceptName(name)
        unit.emitJump(.jump, to: done)
        unit.use(nameCleanup, fallingThrough: false)
        clearExceptName(name)
        unit.emit(.reraise)
        unit.use(done, fallingThrough: false)
    }

    func compileTryFinally(_ finalBody: [Statement], _ body: (CodeGenerator) -> Void) {
        let exceptional = unit.newBlock(), cleanup = unit.newBlock(), end = unit.newBlock()
        let outerHandlers = unit.handlerStack.count
        unit.pushHandler(exceptional)
        unit.frameBlocks.append(.tryFinally(body: finalBody, handlerDepth: outerHandlers))
        body(self)
        unit.frameBlocks.removeLast()
        unit.popHandler()
        compile(finalBody)
        unit.emitJump(.jump, to: end)

        unit.use(exceptional, fallingThrough: false)
        unit.pushHandler(cleanup)
        unit.emit(.pushExceptionInfo)
        unit.frameBlocks.append(.finallyForException(handlerDepth: outerHandlers))
        compile(finalBody)
        unit.frameBlocks.removeLast()
        unit.emit(.reraise)
        unit.popHandler()
        emitCleanupBlock(cleanup)
        unit.use(end, fallingThrough: false)
    }

    /// `with a as x, b as y:` is `with a as x: with b as y:`.
    private func compileWith(_ items: ArraySlice<WithItem>, _ body: [Statement]) {
        guard let item = items.first else { return compile(body) }
        let exceptional = unit.newBlock(), cleanup = unit.newBlock(), suppress = unit.newBlock()
        let end = unit.newBlock()
        compile(item.context)
        unit.emit(.beforeWith)
        let outerHandlers = unit.handlerStack.count
        // The handler keeps `exit` and drops `__enter__`'s result.
        unit.depth -= 1
        unit.pushHandler(exceptional)
        unit.depth += 1
        if let target = item.target { assign(to: target) } else { unit.emit(.popTop) }
        unit.frameBlocks.append(.with(handlerDepth: outerHandlers))
        compileWith(items.dropFirst(), body)
        unit.frameBlocks.removeLast()
        unit.popHandler()
        callExitWithNones()
        unit.emitJump(.jump, to: end)

        unit.use(exceptional, fallingThrough: false)
        unit.pushHandler(cleanup)
        unit.emit(.pushExceptionInfo)
        unit.emit(.withExceptStart)
        unit.emitJump(.popJumpIfTrue, to: suppress)
        unit.emit(.reraise)
        unit.popHandler()
        unit.use(suppress, fallingThrough: false)
        unit.emit(.popTop)
        unit.emit(.popExcept)
        unit.emit(.popTop)
        unit.emitJump(.jump, to: end)
        emitCleanupBlock(cleanup)
        unit.use(end, fallingThrough: false)
    }

    // MARK: Imports

    private func compileImport(_ alias: ImportAlias) {
        emitSmallInt(0)
        emitConstant(.none)
        unit.emit(.importName, unit.nameIndex(alias.name))
        if let asName = alias.asName {
            let parts = alias.name.split(separator: ".").dropFirst()
            for part in parts {
                unit.emit(.importFrom, unit.nameIndex(String(part)))
                unit.emit(.swap, 2)
                unit.emit(.popTop)
            }
            store(asName)
        } else {
            store(String(alias.name.split(separator: ".").first ?? Substring(alias.name)))
        }
    }

    private func compileImportFrom(_ module: String, _ names: [ImportAlias], level: Int, _ range: SourceRange) {
        emitSmallInt(level)
        unit.emit(.loadConst, stringTupleIndex(names.map(\.name)))
        unit.emit(.importName, unit.nameIndex(module))
        if names.count == 1 && names[0].name == "*" {
            if unit.scope.kind != .module { return fail("import * only allowed at module level", range) }
            unit.emit(.importStar)
            return
        }
        for alias in names {
            unit.emit(.importFrom, unit.nameIndex(alias.name))
            store(alias.asName ?? alias.name)
        }
        unit.emit(.popTop)
    }
}

extension FrameBlock {
    var isLoop: Bool {
        switch self {
        case .whileLoop, .forLoop: return true
        default: return false
        }
    }
}
