import FrontEnd
import Runtime

extension CodeGenerator {
    func compile(_ expression: Expression) {
        let savedLine = unit.line
        unit.line = expression.range.start.line
        defer { unit.line = savedLine }
        switch expression.kind {
        case .name(let name): load(name)
        case .constant(let constant): emitConstant(constant)
        case .boolean(let op, let operands):
            let end = unit.newBlock()
            for (i, operand) in operands.enumerated() {
                compile(operand)
                if i < operands.count - 1 { unit.emitJump(op == .and ? .jumpIfFalseOrPop : .jumpIfTrueOrPop, to: end) }
            }
            unit.use(end)
        case .binary(let a, let op, let b):
            compile(a)
            compile(b)
            unit.emit(.binaryOperation, binaryOperation(op).rawValue)
        case .unary(let op, let a):
            compile(a)
            switch op {
            case .invert: unit.emit(.unaryInvert)
            case .not: unit.emit(.unaryNot)
            case .plus: unit.emit(.unaryPositive)
            case .minus: unit.emit(.unaryNegative)
            }
        case .compare(let first, let operators, let comparators):
            compileCompare(first, operators, comparators)
        case .call(let function, let arguments, let keywords):
            compileCall(function, arguments, keywords, expression.range)
        case .attribute(let object, let name):
            compile(object)
            unit.emit(.loadAttr, unit.cache(for: unit.scope.mangle(name)))
        case .subscript(let object, let index):
            compile(object)
            compileIndex(index)
            unit.emit(.binarySubscript)
        case .slice:
            compileIndex(expression)
        case .starred:
            fail("can't use starred expression here", expression.range)
        case .tuple(let items):
            if let constant = constantTuple(items) {
                unit.emit(.loadConst, constant)
            } else if compileSequence(items, build: .buildTuple) {
                unit.emit(.listToTuple)
            }
        case .list(let items):
            _ = compileSequence(items, build: .buildList)
        case .set(let items):
            compileSet(items)
        case .dict(let keys, let values):
            compileDict(keys, values)
        case .conditional(let test, let body, let orElse):
            let elseBlock = unit.newBlock(), end = unit.newBlock()
            compileJump(if: test, is: false, to: elseBlock)
            compile(body)
            unit.emitJump(.jump, to: end)
            unit.use(elseBlock, fallingThrough: false)
            compile(orElse)
            unit.use(end)
        case .lambda(let parameters, let body):
            compileFunction(
                name: "<lambda>", parameters: parameters, range: expression.range, firstLine: expression.range.line
            ) { generator in
                generator.compile(body)
                generator.unit.emit(.returnValue)
            }
        case .listComprehension(let element, let generators):
            compileComprehension("<listcomp>", expression.range, generators, build: .buildList) { g, depth in
                g.compile(element)
                g.unit.emit(.listAppend, Int32(depth))
            }
        case .setComprehension(let element, let generators):
            compileComprehension("<setcomp>", expression.range, generators, build: .buildSet) { g, depth in
                g.compile(element)
                g.unit.emit(.setAdd, Int32(depth))
            }
        case .dictComprehension(let key, let value, let generators):
            compileComprehension("<dictcomp>", expression.range, generators, build: .buildMap) { g, depth in
                g.compile(key)
                g.compile(value)
                g.unit.emit(.mapAdd, Int32(depth))
            }
        case .generatorExpression(let element, let generators):
            compileComprehension("<genexpr>", expression.range, generators, build: nil) { g, _ in
                g.compile(element)
                g.unit.emit(.yieldValue)
                g.unit.emit(.popTop)
            }
        case .yield(let value):
            if let value { compile(value) } else { emitConstant(.none) }
            unit.emit(.yieldValue)
        case .yieldFrom(let value):
            compile(value)
            unit.emit(.getYieldFromIterator)
            emitConstant(.none)
            compileYieldFromLoop()
        case .namedExpression(let target, let value):
            compile(value)
            unit.emit(.copy, 1)
            assign(to: target)
        case .joinedString(let parts):
            for part in parts { compile(part) }
            // A lone part, literal or formatted, is already a str.
            if parts.count != 1 { unit.emit(.buildString, Int32(parts.count)) }
        case .formattedValue(let value, let conversion, let spec):
            compile(value)
            var flags: Int32
            switch conversion {
            case nil: flags = FormatFlags.noConversion
            case .str: flags = FormatFlags.str
            case .repr: flags = FormatFlags.repr
            case .ascii: flags = FormatFlags.ascii
            }
            if let spec {
                compile(spec)
                flags |= FormatFlags.hasSpec
            }
            unit.emit(.formatValue, flags)
        }
    }

    /// `send` in a loop until the subiterator returns. Stack: `subiterator, value` → `result`.
    private func compileYieldFromLoop() {
        let head = unit.newBlock(), exit = unit.newBlock()
        unit.use(head)
        unit.emitJump(.send, to: exit)
        unit.emit(.yieldValue)
        unit.emitJump(.jump, to: head)
        unit.use(exit, fallingThrough: false)
    }

    // MARK: Conditions

    /// Jumps to `target` when `test`'s truth is `value`, falling through otherwise; `not`,
    /// `and` and `or` become jumps instead of values.
    func compileJump(if test: Expression, is value: Bool, to target: BlockID) {
        switch test.kind {
        case .unary(.not, let inner):
            compileJump(if: inner, is: !value, to: target)
        case .boolean(let op, let operands):
            // `a and b` jumps on false as soon as one operand is false; on true only at the end.
            let shortCircuitsOn = op == .or
            if shortCircuitsOn == value {
                for operand in operands { compileJump(if: operand, is: value, to: target) }
            } else {
                let skip = unit.newBlock()
                for operand in operands.dropLast() { compileJump(if: operand, is: !value, to: skip) }
                compileJump(if: operands.last!, is: value, to: target)
                unit.use(skip)
            }
        default:
            compile(test)
            unit.emitJump(value ? .popJumpIfTrue : .popJumpIfFalse, to: target)
        }
    }

    private func compileCompare(_ first: Expression, _ operators: [CompareOperator], _ comparators: [Expression]) {
        compile(first)
        if operators.count == 1 {
            compile(comparators[0])
            emitComparison(operators[0])
            return
        }
        let cleanup = unit.newBlock(), end = unit.newBlock()
        for (i, op) in operators.enumerated() {
            compile(comparators[i])
            if i < operators.count - 1 {
                unit.emit(.swap, 2)
                unit.emit(.copy, 2)
                emitComparison(op)
                unit.emitJump(.jumpIfFalseOrPop, to: cleanup)
            } else {
                emitComparison(op)
            }
        }
        unit.emitJump(.jump, to: end)
        unit.use(cleanup, fallingThrough: false)
        unit.emit(.swap, 2)
        unit.emit(.popTop)
        unit.use(end)
    }

    private func emitComparison(_ op: CompareOperator) {
        switch op {
        case .equal: unit.emit(.compare, Comparison.equal.rawValue)
        case .notEqual: unit.emit(.compare, Comparison.notEqual.rawValue)
        case .less: unit.emit(.compare, Comparison.less.rawValue)
        case .lessEqual: unit.emit(.compare, Comparison.lessEqual.rawValue)
        case .greater: unit.emit(.compare, Comparison.greater.rawValue)
        case .greaterEqual: unit.emit(.compare, Comparison.greaterEqual.rawValue)
        case .is: unit.emit(.isOperation, 0)
        case .isNot: unit.emit(.isOperation, 1)
        case .in: unit.emit(.containsOperation, 0)
        case .notIn: unit.emit(.containsOperation, 1)
        }
    }

    func binaryOperation(_ op: FrontEnd.BinaryOperator) -> BinaryOperation {
        switch op {
        case .add: return .add
        case .subtract: return .subtract
        case .multiply: return .multiply
        case .matrixMultiply: return .matrixMultiply
        case .trueDivide: return .trueDivide
        case .floorDivide: return .floorDivide
        case .remainder: return .remainder
        case .power: return .power
        case .leftShift: return .leftShift
        case .rightShift: return .rightShift
        case .bitOr: return .bitOr
        case .bitXor: return .bitXor
        case .bitAnd: return .bitAnd
        }
    }

    // MARK: Subscripts

    /// A subscript's index; slices become slice objects.
    func compileIndex(_ index: Expression) {
        if case .slice(let lower, let upper, let step) = index.kind {
            for part in [lower, upper] {
                if let part { compile(part) } else { emitConstant(.none) }
            }
            if let step {
                compile(step)
                unit.emit(.buildSlice, 3)
            } else {
                unit.emit(.buildSlice, 2)
            }
        } else {
            compile(index)
        }
    }

    // MARK: Displays

    /// A tuple of constants becomes one constant.
    private func constantTuple(_ items: [Expression]) -> Int32? {
        guard let (keys, values) = simpleConstants(items) else { return nil }
        return unit.constant(.tuple(keys)) { Tuple.make(values) }
    }

    /// The keys and values of `items` if they are all simple constants.
    private func simpleConstants(_ items: [Expression]) -> ([ConstantKey], [Value])? {
        var constants: [(ConstantKey, Value)] = []
        for item in items {
            guard let constant = simpleConstant(item) else { return nil }
            constants.append(constant)
        }
        return (constants.map(\.0), constants.map(\.1))
    }

    /// A literal, or a negated number literal, which CPython's AST optimizer folds into one
    /// constant (`-3`), with its key.
    private func simpleConstant(_ item: Expression) -> (ConstantKey, Value)? {
        switch item.kind {
        case .constant(let c):
            guard let key = simpleConstantKey(c) else { return nil }
            return (key, unit.constantValues[Int(constantIndex(c))])
        case .unary(.minus, let operand):
            guard case .constant(let c) = operand.kind else { return nil }
            switch c {
            case .integer(let digits, let radix):
                guard let negated = try? Arithmetic.negate(Self.integer(digits, radix: radix)) else { return nil }
                let key: ConstantKey = negated.isSmallInt ? .smallInt(negated.smallInt) : .integer("-" + digits, radix)
                return (key, unit.constantValues[Int(unit.constant(key) { negated })])
            case .float(let d):
                let key = ConstantKey.float((-d).bitPattern)
                return (key, unit.constantValues[Int(unit.constant(key) { Floats.make(-d) })])
            default:
                return nil
            }
        default:
            return nil
        }
    }

    private func simpleConstantKey(_ c: Constant) -> ConstantKey? {
        switch c {
        case .none: return ConstantKey.none
        case .true: return .true
        case .false: return .false
        case .integer(let d, let r): return .integer(d, r)
        case .float(let d): return .float(d.bitPattern)
        case .string(let s): return .string(s)
        default: return nil
        }
    }

    /// Builds a tuple or list of `items`. With starred items it builds a list and extends it;
    /// returns whether the result is a list that a tuple display must still convert.
    private func compileSequence(_ items: [Expression], build: Opcode) -> Bool {
        let hasStar = items.contains { if case .starred = $0.kind { return true } else { return false } }
        if !hasStar {
            for item in items { compile(item) }
            unit.emit(build, Int32(items.count))
            return false
        }
        unit.emit(.buildList, 0)
        for item in items {
            if case .starred(let inner) = item.kind {
                compile(inner)
                unit.emit(.listExtend, 1)
            } else {
                compile(item)
                unit.emit(.listAppend, 1)
            }
        }
        return build == .buildTuple
    }

    private func compileSet(_ items: [Expression]) {
        unit.emit(.buildSet, 0)
        if items.count > 2, let (keys, values) = simpleConstants(items) {
            // As CPython 3.11 compiles it: a frozenset constant merged into the new set,
            // whose table (and so its iteration order) differs from adding one by one. The
            // compiler's constant merging builds that frozenset twice: from the items, then
            // from the first one's iteration order.
            let frozen = unit.constant(.frozenset(keys)) {
                let first = Sets.make(frozen: true)
                for value in values { try? Sets.add(first, value) }
                let second = Sets.make(frozen: true)
                try? Sets.forEach(first) { item throws(PythonError) in try Sets.add(second, item) }
                return second
            }
            unit.emit(.loadConst, frozen)
            unit.emit(.setUpdate, 1)
            return
        }
        for item in items {
            if case .starred(let inner) = item.kind {
                compile(inner)
                unit.emit(.setUpdate, 1)
            } else {
                compile(item)
                unit.emit(.setAdd, 1)
            }
        }
    }

    private func compileDict(_ keys: [Expression?], _ values: [Expression]) {
        unit.emit(.buildMap, 0)
        for (key, value) in zip(keys, values) {
            if let key {
                compile(key)
                compile(value)
                unit.emit(.mapAdd, 1)
            } else {
                compile(value)
                unit.emit(.dictUpdate, 1)
            }
        }
    }

    // MARK: Calls

    /// `locals()`, `vars()` or `dir()` by a name that is not bound in this scope: the
    /// builtin, unless a global shadows it at run time (`callFrameBuiltin` checks).
    private func readsFrame(_ function: Expression, _ arguments: [Expression], _ keywords: [KeywordArgument]) -> Bool {
        guard arguments.isEmpty, keywords.isEmpty, case .name(let name) = function.kind,
              ["locals", "vars", "dir"].contains(name) else { return false }
        switch analysis.access(name, in: unit.scope) {
        case .global, .name: return true
        case .fast, .cell, .classCell: return false
        }
    }

    /// CPython's compiler rejects a call or class definition naming one keyword twice, at the
    /// second occurrence, before any argument is compiled.
    func checkRepeatedKeywords(_ keywords: [KeywordArgument]) {
        var seen: Set<String> = []
        for keyword in keywords {
            guard let name = keyword.name else { continue }
            if !seen.insert(name).inserted {
                return fail("keyword argument repeated: \(name)", keyword.range)
            }
        }
    }

    private func compileCall(_ function: Expression, _ arguments: [Expression], _ keywords: [KeywordArgument], _ range: SourceRange) {
        checkRepeatedKeywords(keywords)
        // Only this call, not those among its arguments, makes the loop's iterator.
        let makesLoopIterator = callMakesLoopIterator
        callMakesLoopIterator = false
        let simple = !arguments.contains { if case .starred = $0.kind { return true } else { return false } }
            && !keywords.contains { $0.name == nil }
        if simple, case .attribute(let object, let name) = function.kind {
            compile(object)
            unit.emit(.loadMethod, unit.cache(for: unit.scope.mangle(name)))
        } else if simple, case .name("super") = function.kind, arguments.isEmpty, keywords.isEmpty,
                  let receiver = unit.scope.parameters.first, unit.scope.kind == .function,
                  unit.scope.frees.contains("__class__") {
            // Zero-argument super(): the class cell and the first parameter, as CPython finds them.
            load("super")
            unit.emit(.pushNull)
            load("__class__")
            load(receiver)
            unit.emit(.call, 2)
            return
        } else {
            compile(function)
            unit.emit(.pushNull)
        }
        if simple {
            for argument in arguments { compile(argument) }
            for keyword in keywords { compile(keyword.value) }
            if !keywords.isEmpty { unit.emit(.keywordNames, stringTupleIndex(keywords.map { $0.name! })) }
            if makesLoopIterator { unit.emit(.forgetLastGenerator) }
            if readsFrame(function, arguments, keywords) {
                unit.emit(.callFrameBuiltin)
            } else {
                unit.emit(.call, Int32(arguments.count + keywords.count))
            }
            return
        }
        if arguments.count == 1, case .starred(let iterable) = arguments[0].kind {
            // `f(*args)` passes the iterable itself; `callExtended` makes it a tuple.
            compile(iterable)
        } else if compileSequence(arguments, build: .buildTuple) {
            unit.emit(.listToTuple)
        }
        if keywords.isEmpty {
            unit.emit(.pushNull)
        } else {
            unit.emit(.buildMap, 0)
            var afterDoubleStar = false
            for keyword in keywords {
                if let name = keyword.name {
                    emitString(name)
                    compile(keyword.value)
                    if afterDoubleStar {
                        // Merged, so that a name the `**` mapping already gave is an error.
                        unit.emit(.buildMap, 1)
                        unit.emit(.dictMerge, 1)
                    } else {
                        unit.emit(.mapAdd, 1)
                    }
                } else {
                    compile(keyword.value)
                    unit.emit(.dictMerge, 1)
                    afterDoubleStar = true
                }
            }
        }
        if makesLoopIterator { unit.emit(.forgetLastGenerator) }
        unit.emit(.callExtended)
    }

    // MARK: Functions, classes, comprehensions

    func compileFunctionDefinition(_ definition: FunctionDefinition, _ range: SourceRange) {
        for decorator in definition.decorators {
            compile(decorator)
            unit.emit(.pushNull)
        }
        compileFunction(
            name: definition.name, parameters: definition.parameters, returnAnnotation: definition.returnAnnotation,
            range: range, firstLine: range.line
        ) { generator in
            if let text = Self.docstring(of: definition.body) {
                generator.unit.docstring = generator.constantIndex(.string(text))
            }
            generator.compile(definition.body)
            generator.emitConstant(.none)
            generator.unit.emit(.returnValue)
        }
        for _ in definition.decorators { unit.emit(.call, 1) }
        store(definition.name)
    }

    /// Pushes a new function: defaults, then the code compiled by `body` in a new unit.
    func compileFunction(
        name: String, parameters: Parameters, returnAnnotation: Expression? = nil, range: SourceRange, firstLine: Int,
        _ body: (CodeGenerator) -> Void
    ) {
        var flags = MakeFunctionFlags()
        if !parameters.defaults.isEmpty {
            for d in parameters.defaults { compile(d) }
            unit.emit(.buildTuple, Int32(parameters.defaults.count))
            flags.insert(.defaults)
        }
        let keywordDefaults = zip(parameters.keywordOnly, parameters.keywordDefaults).filter { $0.1 != nil }
        if !keywordDefaults.isEmpty {
            unit.emit(.buildMap, 0)
            for (parameter, value) in keywordDefaults {
                emitString(parameter.name)
                compile(value!)
                unit.emit(.mapAdd, 1)
            }
            flags.insert(.keywordDefaults)
        }
        if compileAnnotations(parameters, returnAnnotation) { flags.insert(.annotations) }
        let scope = analysis.scope(for: range)
        let qualified = qualifiedName(name)
        enterUnit(scope, name: name, qualifiedName: qualified, firstLine: firstLine)
        body(self)
        var codeFlags: CodeFlags = []
        if parameters.variadic != nil { codeFlags.insert(.variadic) }
        if parameters.keywordVariadic != nil { codeFlags.insert(.keywordVariadic) }
        let code = leaveUnit(
            flags: codeFlags, positional: parameters.positionalOnly.count + parameters.positional.count,
            positionalOnly: parameters.positionalOnly.count, keywordOnly: parameters.keywordOnly.count)
        if emitClosure(for: scope) { flags.insert(.closure) }
        unit.emit(.loadConst, codeIndex(code))
        unit.emit(.makeFunction, flags.rawValue)
    }

    /// Pushes the dict of a function's annotations, evaluated now as CPython evaluates them,
    /// if it has any: parameters in order, then `return`.
    private func compileAnnotations(_ parameters: Parameters, _ returnAnnotation: Expression?) -> Bool {
        let all = parameters.positionalOnly + parameters.positional + [parameters.variadic].compactMap { $0 }
            + parameters.keywordOnly + [parameters.keywordVariadic].compactMap { $0 }
        var annotations = all.compactMap { parameter in parameter.annotation.map { (parameter.name, $0) } }
        if let returnAnnotation { annotations.append(("return", returnAnnotation)) }
        guard !annotations.isEmpty else { return false }
        unit.emit(.buildMap, 0)
        for (name, annotation) in annotations {
            emitString(name)
            compileAnnotationValue(annotation)
            unit.emit(.mapAdd, 1)
        }
        return true
    }

    /// Pushes a tuple of the cells that `scope`'s free variables refer to, if it has any.
    private func emitClosure(for scope: Scope) -> Bool {
        guard !scope.frees.isEmpty else { return false }
        for name in scope.frees.sorted() { unit.emit(.loadClosure, unit.slot(name)) }
        unit.emit(.buildTuple, Int32(scope.frees.count))
        return true
    }

    func compileClassDefinition(_ definition: ClassDefinition, _ range: SourceRange) {
        for decorator in definition.decorators {
            compile(decorator)
            unit.emit(.pushNull)
        }
        unit.emit(.loadBuildClass)
        unit.emit(.pushNull)
        let scope = analysis.scope(for: range)
        let qualified = qualifiedName(definition.name)
        enterUnit(scope, name: definition.name, qualifiedName: qualified, firstLine: range.line)
        unit.line = range.start.line
        load("__name__")
        store("__module__")
        emitString(qualified)
        store("__qualname__")
        if let text = Self.docstring(of: definition.body) {
            emitConstant(.string(text))
            store("__doc__")
        }
        setUpAnnotations(for: definition.body)
        compile(definition.body)
        if scope.cells.contains("__class__") {
            unit.emit(.loadClosure, unit.slot("__class__"))
        } else {
            emitConstant(.none)
        }
        unit.emit(.returnValue)
        let code = leaveUnit(flags: [.usesNamespace, .classBody], positional: 0, positionalOnly: 0, keywordOnly: 0)
        let hasClosure = emitClosure(for: scope)
        unit.emit(.loadConst, codeIndex(code))
        unit.emit(.makeFunction, hasClosure ? MakeFunctionFlags.closure.rawValue : 0)
        emitString(definition.name)
        let arguments = definition.bases
        let keywords = definition.keywords
        checkRepeatedKeywords(keywords)
        if keywords.contains(where: { $0.name == nil })
            || arguments.contains(where: { if case .starred = $0.kind { return true } else { return false } }) {
            fail("class definitions with * or ** arguments are not supported", range)
            return
        }
        for base in arguments { compile(base) }
        for keyword in keywords { compile(keyword.value) }
        if !keywords.isEmpty { unit.emit(.keywordNames, stringTupleIndex(keywords.map { $0.name! })) }
        unit.emit(.call, Int32(2 + arguments.count + keywords.count))
        for _ in definition.decorators { unit.emit(.call, 1) }
        store(definition.name)
    }

    /// A comprehension is a function of one argument, the first iterable's iterator, called
    /// at once. `build` makes the result (nil for a generator expression); `element` adds one
    /// element given how many slots down the result sits.
    private func compileComprehension(
        _ name: String, _ range: SourceRange, _ generators: [Comprehension], build: Opcode?,
        element: @escaping (CodeGenerator, Int) -> Void
    ) {
        let scope = analysis.scope(for: range)
        let qualified = qualifiedName(name)
        enterUnit(scope, name: name, qualifiedName: qualified, firstLine: range.line)
        if let build { unit.emit(build, 0) }
        compileGenerators(generators[...], depth: build == nil ? 0 : 1, first: true, element: element)
        if build == nil { emitConstant(.none) }
        unit.emit(.returnValue)
        let code = leaveUnit(flags: [], positional: 1, positionalOnly: 0, keywordOnly: 0)
        let hasClosure = emitClosure(for: scope)
        unit.emit(.loadConst, codeIndex(code))
        unit.emit(.makeFunction, hasClosure ? MakeFunctionFlags.closure.rawValue : 0)
        unit.emit(.pushNull)
        compile(generators[0].iterable)
        unit.emit(.getIterator)
        unit.emit(.call, 1)
    }

    private func compileGenerators(
        _ generators: ArraySlice<Comprehension>, depth: Int, first: Bool, element: (CodeGenerator, Int) -> Void
    ) {
        guard let generator = generators.first else {
            element(self, depth)
            return
        }
        let head = unit.newBlock(), exhausted = unit.newBlock()
        if first {
            unit.emit(.loadFast, 0)
        } else {
            compile(generator.iterable)
            unit.emit(.getIterator)
        }
        unit.use(head)
        unit.emitJump(.forIterator, to: exhausted)
        assign(to: generator.target)
        for condition in generator.conditions { compileJump(if: condition, is: false, to: head) }
        compileGenerators(generators.dropFirst(), depth: depth + 1, first: false, element: element)
        unit.emitJump(.jump, to: head)
        unit.use(exhausted, fallingThrough: false)
    }

    /// The text of a body's docstring: a string literal as its first statement.
    static func docstring(of body: [Statement]) -> [UInt32]? {
        guard case .expression(let first)? = body.first?.kind, case .constant(.string(let text)) = first.kind else { return nil }
        return text
    }

    func expressionKindName(_ e: Expression) -> String {
        switch e.kind {
        case .tuple: return "tuple"
        case .list: return "list"
        default: return "expression"
        }
    }
}
