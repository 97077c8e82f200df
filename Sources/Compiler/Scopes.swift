import FrontEnd

/// Scope analysis: for every function, lambda, comprehension and class body, which names are
/// its locals, cells, free variables and globals. The compiler asks it how to load or store a
/// name (Python's rules: a name bound anywhere in a function is local to all of it, unless
/// declared `global` or `nonlocal`; a name used but not bound is free if an enclosing function
/// binds it, else global; class bodies are skipped when looking outward).
final class Scope {
    enum Kind { case module, function, classBody, comprehension }

    let kind: Kind
    let name: String
    weak var parent: Scope?
    var children: [Scope] = []

    /// Names bound here by assignment, definition, import, `for`, `with`, `except`, `del`.
    var bound: Set<String> = []
    var parameters: [String] = []
    var used: Set<String> = []
    var declaredGlobal: Set<String> = []
    var declaredNonlocal: Set<String> = []
    /// Each `nonlocal` name with its statement, in order: checked for a binding after the walk.
    var nonlocalStatements: [(name: String, range: SourceRange)] = []
    /// Names given an annotation as a simple target (`x: int`), which cannot be global or nonlocal.
    var annotated: Set<String> = []
    /// Resolved after the walk.
    var cells: Set<String> = []
    var frees: Set<String> = []
    var isGenerator = false
    /// A method that names `super` or `__class__`: it needs the class cell.
    var needsClassCell = false

    init(kind: Kind, name: String, parent: Scope?) {
        self.kind = kind
        self.name = name
        self.parent = parent
    }

    var isFunctionLike: Bool { kind == .function || kind == .comprehension }

    /// A private name (`__x`, not `__x__`) as Python stores it inside a class: `_Class__x`,
    /// after the nearest enclosing class, whose leading underscores are dropped.
    func mangle(_ name: String) -> String {
        guard name.hasPrefix("__"), !name.hasSuffix("__"), !name.contains(".") else { return name }
        var scope: Scope? = self
        while let current = scope, current.kind != .classBody { scope = current.parent }
        guard let className = scope?.name.drop(while: { $0 == "_" }), !className.isEmpty else { return name }
        return "_\(className)\(name)"
    }

    func isLocal(_ name: String) -> Bool {
        (bound.contains(name) || parameters.contains(name)) && !declaredGlobal.contains(name)
            && !declaredNonlocal.contains(name)
    }
}

/// Where a name lives, from the point of view of one scope.
enum NameAccess: Equatable {
    case fast(String)
    case cell(String)
    case global(String)
    /// Module and class bodies: through the namespace dict.
    case name(String)
    /// A class body reading a free variable: the namespace first, then the cell.
    case classCell(String)
}

struct ScopeKey: Hashable {
    var line: Int32, column: Int32, endLine: Int32, endColumn: Int32

    init(_ range: SourceRange) {
        line = range.start.line
        column = range.start.column
        endLine = range.end.line
        endColumn = range.end.column
    }
}

/// Builds the scope tree of a module in one walk, then resolves free variables.
struct ScopeAnalysis {
    private(set) var scopes: [ScopeKey: Scope] = [:]
    let module: Scope
    private var current: Scope
    private var errors: [SyntaxErrorInfo] = []
    let fileName: String

    init(_ moduleAST: Module, fileName: String) throws(SyntaxErrorInfo) {
        self.fileName = fileName
        module = Scope(kind: .module, name: "<module>", parent: nil)
        current = module
        for statement in moduleAST.body { visit(statement) }
        if let first = errors.first { throw first }
        try checkNonlocalBindings(module)
        resolve(module)
    }

    func scope(for range: SourceRange) -> Scope {
        scopes[ScopeKey(range)]!
    }

    // MARK: Walking

    private mutating func enter(_ kind: Scope.Kind, _ name: String, _ range: SourceRange, _ body: (inout ScopeAnalysis) -> Void) {
        let scope = Scope(kind: kind, name: name, parent: current)
        current.children.append(scope)
        scopes[ScopeKey(range)] = scope
        let saved = current
        current = scope
        body(&self)
        current = saved
    }

    private mutating func bind(_ name: String) { current.bound.insert(current.mangle(name)) }

    private mutating func use(_ name: String) {
        current.used.insert(current.mangle(name))
        if name == "super" || name == "__class__" { current.needsClassCell = true }
    }

    private mutating func fail(_ message: String, _ range: SourceRange) {
        errors.append(error(message, range))
    }

    /// The source line is filled in by `compileSource`, as CPython re-reads it from the file.
    private func error(_ message: String, _ range: SourceRange) -> SyntaxErrorInfo {
        SyntaxErrorInfo(
            kind: .syntaxError, message: message, fileName: fileName, line: range.line,
            offset: Int(range.start.column) + 1, endLine: Int(range.end.line), endOffset: Int(range.end.column) + 1)
    }

    private mutating func visit(_ statements: [Statement]) {
        for statement in statements { visit(statement) }
    }

    private mutating func visit(_ statement: Statement) {
        switch statement.kind {
        case .expression(let e): visit(e)
        case .assign(let targets, let value):
            visit(value)
            for target in targets { visitTarget(target) }
        case .augmentedAssign(let target, _, let value):
            // A name target is a store only, as in CPython's symbol table: `x += 1` before
            // `global x` is "assigned to", not "used".
            visit(value)
            visitTarget(target)
        case .annotatedAssign(let target, let annotation, let value, let isSimple):
            if isSimple, case .name(let n) = target.kind { annotate(n, statement.range) }
            if current.kind != .function { visit(annotation) }
            if let value {
                visit(value)
                visitTarget(target)
            } else if case .name(let n) = target.kind {
                bind(n)
            } else {
                visitTarget(target)
            }
        case .if(let test, let body, let orElse), .while(let test, let body, let orElse):
            visit(test)
            visit(body)
            visit(orElse)
        case .for(let target, let iterable, let body, let orElse):
            visit(iterable)
            visitTarget(target)
            visit(body)
            visit(orElse)
        case .break, .continue, .pass: break
        case .delete(let targets):
            for target in targets { visitTarget(target) }
        case .assert(let test, let message):
            visit(test)
            if let message { visit(message) }
        case .functionDefinition(let definition):
            for decorator in definition.decorators { visit(decorator) }
            visitDefaults(definition.parameters)
            visitAnnotations(definition.parameters)
            if let returns = definition.returnAnnotation { visit(returns) }
            bind(definition.name)
            enter(.function, definition.name, statement.range) { walker in
                walker.declare(definition.parameters)
                walker.visit(definition.body)
            }
        case .classDefinition(let definition):
            for decorator in definition.decorators { visit(decorator) }
            for base in definition.bases { visit(base) }
            for keyword in definition.keywords { visit(keyword.value) }
            bind(definition.name)
            enter(.classBody, definition.name, statement.range) { walker in
                walker.visit(definition.body)
            }
        case .return(let value):
            if !current.isFunctionLike { fail("'return' outside function", statement.range) }
            if let value { visit(value) }
        case .try(let body, let handlers, let orElse, let finally):
            visit(body)
            for handler in handlers {
                if let type = handler.type { visit(type) }
                if let name = handler.name { bind(name) }
                visit(handler.body)
            }
            visit(orElse)
            visit(finally)
        case .raise(let exception, let cause):
            if let exception { visit(exception) }
            if let cause { visit(cause) }
        case .with(let items, let body):
            for item in items {
                visit(item.context)
                if let target = item.target { visitTarget(target) }
            }
            visit(body)
        case .global(let names):
            for name in names { declareGlobal(name, statement.range) }
        case .nonlocal(let names):
            for name in names { declareNonlocal(name, statement.range) }
        case .import(let names):
            for alias in names {
                bind(alias.asName ?? String(alias.name.split(separator: ".").first ?? Substring(alias.name)))
            }
        case .importFrom(_, let names, _):
            for alias in names where alias.name != "*" { bind(alias.asName ?? alias.name) }
        }
    }

    private mutating func declareGlobal(_ name: String, _ range: SourceRange) {
        let name = current.mangle(name)
        if let message = conflictBeforeDirective(name, "global") { fail(message, range) }
        current.declaredGlobal.insert(name)
    }

    private mutating func declareNonlocal(_ name: String, _ range: SourceRange) {
        let name = current.mangle(name)
        if current.kind == .module {
            fail("nonlocal declaration not allowed at module level", range)
        } else if let message = conflictBeforeDirective(name, "nonlocal") {
            fail(message, range)
        }
        current.declaredNonlocal.insert(name)
        current.nonlocalStatements.append((name, range))
    }

    /// What CPython's symbol table says when a `global` or `nonlocal` statement comes after the
    /// name was already a parameter, used, annotated or assigned in this scope, checked in that order.
    private func conflictBeforeDirective(_ name: String, _ directive: String) -> String? {
        if current.parameters.contains(name) { return "name '\(name)' is parameter and \(directive)" }
        if current.used.contains(name) { return "name '\(name)' is used prior to \(directive) declaration" }
        if current.annotated.contains(name) { return "annotated name '\(name)' can't be \(directive)" }
        if current.bound.contains(name) { return "name '\(name)' is assigned to before \(directive) declaration" }
        return nil
    }

    /// A simple annotated name; annotating a name already declared global or nonlocal is an
    /// error (except at module level, where `global` changes nothing).
    private mutating func annotate(_ name: String, _ range: SourceRange) {
        let name = current.mangle(name)
        if current.kind != .module {
            if current.declaredGlobal.contains(name) {
                fail("annotated name '\(name)' can't be global", range)
            } else if current.declaredNonlocal.contains(name) {
                fail("annotated name '\(name)' can't be nonlocal", range)
            }
        }
        current.annotated.insert(name)
    }

    /// Parameters take the first slots in CPython's order: positional, keyword-only, `*args`,
    /// `**kwargs`.
    private mutating func declare(_ parameters: Parameters) {
        let all = parameters.positionalOnly + parameters.positional + parameters.keywordOnly
            + (parameters.variadic.map { [$0] } ?? []) + (parameters.keywordVariadic.map { [$0] } ?? [])
        for parameter in all {
            let name = current.mangle(parameter.name)
            if current.parameters.contains(name) {
                fail("duplicate argument '\(parameter.name)' in function definition", parameter.range)
            }
            current.parameters.append(name)
        }
    }

    private mutating func visitDefaults(_ parameters: Parameters) {
        for d in parameters.defaults { visit(d) }
        for case let d? in parameters.keywordDefaults { visit(d) }
    }

    private mutating func visitAnnotations(_ parameters: Parameters) {
        let all = parameters.positionalOnly + parameters.positional + (parameters.variadic.map { [$0] } ?? [])
            + parameters.keywordOnly + (parameters.keywordVariadic.map { [$0] } ?? [])
        for case let annotation? in all.map(\.annotation) { visit(annotation) }
    }

    private mutating func visitTarget(_ target: Expression) {
        switch target.kind {
        case .name(let name): bind(name)
        case .tuple(let items), .list(let items):
            for item in items { visitTarget(item) }
        case .starred(let inner): visitTarget(inner)
        default: visit(target)
        }
    }

    private mutating func visit(_ expression: Expression) {
        switch expression.kind {
        case .name(let name): use(name)
        case .constant: break
        case .boolean(_, let operands): for o in operands { visit(o) }
        case .binary(let a, _, let b):
            visit(a)
            visit(b)
        case .unary(_, let a): visit(a)
        case .compare(let first, _, let rest):
            visit(first)
            for e in rest { visit(e) }
        case .call(let function, let arguments, let keywords):
            visit(function)
            for a in arguments { visit(a) }
            for k in keywords { visit(k.value) }
        case .attribute(let object, _): visit(object)
        case .subscript(let object, let index):
            visit(object)
            visit(index)
        case .slice(let lower, let upper, let step):
            for case let part? in [lower, upper, step] { visit(part) }
        case .starred(let inner): visit(inner)
        case .tuple(let items), .list(let items), .set(let items):
            for item in items { visit(item) }
        case .dict(let keys, let values):
            for case let key? in keys { visit(key) }
            for value in values { visit(value) }
        case .conditional(let test, let body, let orElse):
            visit(test)
            visit(body)
            visit(orElse)
        case .lambda(let parameters, let body):
            visitDefaults(parameters)
            enter(.function, "<lambda>", expression.range) { walker in
                walker.declare(parameters)
                walker.visit(body)
            }
        case .listComprehension(let element, let generators):
            visitComprehension(expression.range, "<listcomp>", generators) { $0.visit(element) }
        case .setComprehension(let element, let generators):
            visitComprehension(expression.range, "<setcomp>", generators) { $0.visit(element) }
        case .generatorExpression(let element, let generators):
            visitComprehension(expression.range, "<genexpr>", generators, isGenerator: true) { $0.visit(element) }
        case .dictComprehension(let key, let value, let generators):
            visitComprehension(expression.range, "<dictcomp>", generators) { walker in
                walker.visit(key)
                walker.visit(value)
            }
        case .yield(let value):
            markGenerator(expression.range)
            if let value { visit(value) }
        case .yieldFrom(let value):
            markGenerator(expression.range)
            visit(value)
        case .namedExpression(let target, let value):
            visit(value)
            if case .name(let name) = target.kind { bindWalrus(name) }
        case .joinedString(let parts):
            for part in parts { visit(part) }
        case .formattedValue(let value, _, let spec):
            visit(value)
            if let spec { visit(spec) }
        }
    }

    private mutating func markGenerator(_ range: SourceRange) {
        switch current.kind {
        case .function: current.isGenerator = true
        case .comprehension:
            if current.isGenerator { current.isGenerator = true } else {
                fail("'yield' inside \(current.name == "<listcomp>" ? "list" : current.name == "<setcomp>" ? "set" : "dict") comprehension", range)
            }
        case .module, .classBody: fail("'yield' outside function", range)
        }
    }

    /// `:=` in a comprehension binds in the nearest enclosing function or module; the
    /// comprehensions in between reach it as a nonlocal (or global) name.
    private mutating func bindWalrus(_ name: String) {
        guard current.kind == .comprehension else { return bind(name) }
        let name = current.mangle(name)
        var between: [Scope] = []
        var scope = current
        while scope.kind == .comprehension, let parent = scope.parent {
            between.append(scope)
            scope = parent
        }
        scope.bound.insert(name)
        for comprehension in between {
            if scope.kind == .module {
                comprehension.declaredGlobal.insert(name)
            } else {
                comprehension.declaredNonlocal.insert(name)
            }
        }
    }

    /// The first iterable is evaluated outside; the rest inside the comprehension's scope.
    private mutating func visitComprehension(
        _ range: SourceRange, _ name: String, _ generators: [Comprehension], isGenerator: Bool = false,
        _ element: (inout ScopeAnalysis) -> Void
    ) {
        visit(generators[0].iterable)
        enter(.comprehension, name, range) { walker in
            walker.current.isGenerator = isGenerator
            walker.current.parameters.append(".0")
            for (i, generator) in generators.enumerated() {
                if i > 0 { walker.visit(generator.iterable) }
                walker.visitTarget(generator.target)
                for condition in generator.conditions { walker.visit(condition) }
            }
            element(&walker)
        }
    }

    // MARK: Resolution

    /// Decides cells and frees, innermost scopes first so that a free name propagates outward
    /// through every scope between its use and its binding.
    private func resolve(_ scope: Scope) {
        for child in scope.children { resolve(child) }
        guard scope.kind != .module else { return }
        if scope.kind == .classBody && scope.children.contains(where: { $0.needsClassCell }) {
            scope.cells.insert("__class__")
        }
        var wanted = scope.used.subtracting(scope.bound).subtracting(scope.parameters)
        wanted.formUnion(scope.declaredNonlocal)
        for child in scope.children { wanted.formUnion(child.frees) }
        if scope.needsClassCell && scope.kind != .classBody { wanted.insert("__class__") }
        for name in wanted where !scope.declaredGlobal.contains(name) {
            if scope.isFunctionLike && scope.isLocal(name) {
                continue
            }
            if scope.kind == .classBody && name == "__class__" { continue }
            if enclosingFunctionBinds(name, from: scope) { scope.frees.insert(name) }
        }
        // A local that an inner scope reads freely becomes a cell.
        for child in scope.children {
            for name in child.frees where scope.isFunctionLike && scope.isLocal(name) {
                scope.cells.insert(name)
            }
        }
        if scope.isFunctionLike { scope.frees.subtract(scope.cells) }
    }

    /// Every `nonlocal` name must be bound in an enclosing function, outer scopes checked first
    /// as CPython's analysis does.
    private func checkNonlocalBindings(_ scope: Scope) throws(SyntaxErrorInfo) {
        for (name, range) in scope.nonlocalStatements where !enclosingFunctionBinds(name, from: scope) {
            throw error("no binding for nonlocal '\(name)' found", range)
        }
        for child in scope.children { try checkNonlocalBindings(child) }
    }

    private func enclosingFunctionBinds(_ name: String, from scope: Scope) -> Bool {
        var outer = scope.parent
        while let s = outer {
            if s.kind == .module { return false }
            if s.kind == .classBody {
                if name == "__class__" { return true }
                outer = s.parent
                continue
            }
            if s.declaredGlobal.contains(name) { return false }
            if s.isLocal(name) || s.declaredNonlocal.contains(name) { return true }
            outer = s.parent
        }
        return false
    }

    /// How code in `scope` reaches `name`.
    func access(_ name: String, in scope: Scope) -> NameAccess {
        let name = scope.mangle(name)
        if scope.cells.contains(name) || scope.frees.contains(name) {
            return scope.kind == .classBody && name != "__class__" ? .classCell(name) : .cell(name)
        }
        switch scope.kind {
        case .module: return .global(name)
        case .classBody:
            if scope.declaredGlobal.contains(name) { return .global(name) }
            return .name(name)
        case .function, .comprehension:
            if scope.declaredGlobal.contains(name) { return .global(name) }
            if scope.isLocal(name) { return .fast(name) }
            return .global(name)
        }
    }
}
