import FrontEnd
import Runtime

/// Compiles a module's syntax tree to code objects. The entry point is `compileModule`. The
/// `source` gives the text of annotations that `from __future__ import annotations` keeps as
/// strings.
public func compileModule(_ module: Module, fileName: String, source: SourceText? = nil) throws(SyntaxErrorInfo) -> CodeObject {
    let analysis = try ScopeAnalysis(module, fileName: fileName)
    let generator = CodeGenerator(analysis: analysis, fileName: fileName, source: source)
    let code = try generator.compileModuleBody(module)
    ConstantPool.release()
    return code
}

/// Parses and compiles source text.
public func compileSource(_ source: SourceText) throws(SyntaxErrorInfo) -> CodeObject {
    let module = try parse(source)
    do {
        return try compileModule(module, fileName: source.fileName, source: source)
    } catch {
        // Compiler errors carry a location only; CPython prints them with the source line too.
        var located = error
        if located.text == nil && located.line > 0 { located.text = source.lineText(located.line) }
        throw located
    }
}

/// Walks statements and expressions, emitting instructions into the `CodeUnit` of the scope
/// being compiled (`unit`); nested functions, classes and comprehensions get their own unit.
final class CodeGenerator {
    let analysis: ScopeAnalysis
    let fileName: String
    var unit: CodeUnit!
    var units: [CodeUnit] = []
    var error: SyntaxErrorInfo?
    /// Set while compiling the iterable of `for x in f(...)`: that call emits
    /// `forgetLastGenerator` first.
    var callMakesLoopIterator = false

    /// The source's lines, as code points, when annotations are postponed
    /// (`from __future__ import annotations`): each is then the string of its source text.
    private var postponedAnnotationLines: [[Unicode.Scalar]]?
    private let source: SourceText?

    init(analysis: ScopeAnalysis, fileName: String, source: SourceText? = nil) {
        self.analysis = analysis
        self.fileName = fileName
        self.source = source
    }

    func compileModuleBody(_ module: Module) throws(SyntaxErrorInfo) -> CodeObject {
        enterUnit(analysis.module, name: "<module>", qualifiedName: "<module>", firstLine: 1)
        if Self.postponesAnnotations(module.body), let source {
            let text = String(decoding: source.bytes[source.contentStart...], as: UTF8.self)
            postponedAnnotationLines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.unicodeScalars) }
        }
        setUpAnnotations(for: module.body)
        if let text = Self.docstring(of: module.body) {
            emitConstant(.string(text))
            store("__doc__")
        }
        for statement in module.body { compile(statement) }
        emitConstant(.none)
        unit.emit(.returnValue)
        if let error { throw error }
        return leaveUnit(flags: .usesNamespace, positional: 0, positionalOnly: 0, keywordOnly: 0)
    }

    /// Whether the future imports that open the module (after its docstring) ask for
    /// `annotations`.
    static func postponesAnnotations(_ body: [Statement]) -> Bool {
        for (i, statement) in body.enumerated() {
            if i == 0, docstring(of: body) != nil { continue }
            guard case .importFrom("__future__", let names, 0) = statement.kind else { return false }
            if names.contains(where: { $0.name == "annotations" }) { return true }
        }
        return false
    }

    /// Pushes an annotation: its value, or, postponed, the string of its source text.
    func compileAnnotationValue(_ annotation: Expression) {
        guard let lines = postponedAnnotationLines else { return compile(annotation) }
        if case .constant(.string(let codePoints)) = annotation.kind, let text = try? Objects.repr(Self.string(codePoints)) {
            // A string literal comes back as its repr, as CPython's unparsing writes it.
            return emitConstant(.string(text.unicodeScalars.map(\.value)))
        }
        let range = annotation.range
        var scalars: [Unicode.Scalar] = []
        for line in Int(range.start.line)...Int(range.end.line) where line - 1 < lines.count {
            let text = lines[line - 1]
            let from = line == Int(range.start.line) ? Int(range.start.column) : 0
            let to = line == Int(range.end.line) ? min(Int(range.end.column), text.count) : text.count
            if !scalars.isEmpty { scalars.append(" ") }
            if from < to { scalars += text[from..<to].drop { $0 == " " } }
        }
        emitConstant(.string(scalars.map(\.value)))
    }

    // MARK: Units

    func enterUnit(_ scope: Scope, name: String, qualifiedName: String, firstLine: Int) {
        let newUnit = CodeUnit(scope: scope, name: name, qualifiedName: qualifiedName, firstLine: firstLine)
        newUnit.assignSlots()
        if let unit { units.append(unit) }
        unit = newUnit
    }

    func leaveUnit(flags: CodeFlags, positional: Int, positionalOnly: Int, keywordOnly: Int) -> CodeObject {
        var flags = flags
        if unit.scope.isGenerator { flags.insert(.generator) }
        let code = unit.assemble(
            fileName: fileName, flags: flags, positionalCount: positional, positionalOnlyCount: positionalOnly,
            keywordOnlyCount: keywordOnly)
        unit = units.popLast()
        return code
    }

    /// The qualified name of a definition named `name` inside the current unit.
    func qualifiedName(_ name: String) -> String {
        switch unit.scope.kind {
        case .module: return name
        case .classBody: return unit.qualifiedName + "." + name
        case .function, .comprehension: return unit.qualifiedName + ".<locals>." + name
        }
    }

    func fail(_ message: String, _ range: SourceRange) {
        guard error == nil else { return }
        error = SyntaxErrorInfo(
            kind: .syntaxError, message: message, fileName: fileName, line: range.line,
            offset: Int(range.start.column) + 1, endLine: Int(range.end.line), endOffset: Int(range.end.column) + 1,
            text: nil)
    }

    // MARK: Constants and names

    func emitConstant(_ constant: Constant) {
        unit.emit(.loadConst, constantIndex(constant))
    }

    func constantIndex(_ constant: Constant) -> Int32 {
        switch constant {
        case .none: return unit.constant(.none) { BuiltinTypes.none }
        case .true: return unit.constant(.true) { BuiltinTypes.trueValue }
        case .false: return unit.constant(.false) { BuiltinTypes.falseValue }
        case .ellipsis: return unit.constant(.ellipsis) { BuiltinTypes.ellipsis }
        case .integer(let digits, let radix):
            return unit.constant(.integer(digits, radix)) { Self.integer(digits, radix: radix) }
        case .float(let d): return unit.constant(.float(d.bitPattern)) { Floats.make(d) }
        case .imaginary(let d): return unit.constant(.float(d.bitPattern)) { Floats.make(d) }
        case .string(let codePoints):
            return unit.constant(.string(codePoints)) { Self.string(codePoints) }
        case .bytes(let bytes):
            let points = bytes.map(UInt32.init)
            return unit.constant(.string(points)) { Str.make(codePoints: points) }
        }
    }

    /// A str constant, interned unless it holds a lone surrogate (which a Swift String cannot).
    static func string(_ codePoints: [UInt32]) -> Value {
        var scalars = String.UnicodeScalarView()
        for point in codePoints {
            guard let scalar = Unicode.Scalar(point) else { return Str.make(codePoints: codePoints) }
            scalars.append(scalar)
        }
        return Interned.str(String(scalars))
    }

    static func integer(_ digits: String, radix: Int) -> Value {
        if let small = Int(digits, radix: radix), Value.fitsSmallInt(small) { return Value(smallInt: small) }
        return (try? Ints.parse(digits, base: radix)) ?? Value(smallInt: 0)
    }

    func emitSmallInt(_ v: Int) {
        unit.emit(.loadConst, unit.constant(.smallInt(v)) { Value(smallInt: v) })
    }

    func emitString(_ text: String) {
        let points = text.unicodeScalars.map(\.value)
        unit.emit(.loadConst, unit.constant(.string(points)) { Interned.str(text) })
    }

    /// A constant tuple of strs (keyword names, `from` import lists).
    func stringTupleIndex(_ strings: [String]) -> Int32 {
        let key = ConstantKey.tuple(strings.map { .string($0.unicodeScalars.map(\.value)) })
        return unit.constant(key) { Tuple.make(strings.map { Interned.str($0) }) }
    }

    func codeIndex(_ code: CodeObject) -> Int32 {
        unit.children.append(code)
        return unit.constant(.code(ObjectIdentifier(code))) { code.word }
    }

    // MARK: Names

    func load(_ name: String) {
        switch analysis.access(name, in: unit.scope) {
        case .fast(let n): unit.emit(.loadFast, unit.slot(n))
        case .cell(let n): unit.emit(.loadDeref, unit.slot(n))
        case .classCell(let n): unit.emit(.loadClassDeref, unit.slot(n))
        case .global(let n): unit.emit(.loadGlobal, unit.cache(for: n))
        case .name(let n): unit.emit(.loadName, unit.nameIndex(n))
        }
    }

    func store(_ name: String) {
        switch storeAccess(name) {
        case .fast(let n): unit.emit(.storeFast, unit.slot(n))
        case .cell(let n), .classCell(let n): unit.emit(.storeDeref, unit.slot(n))
        case .global(let n): unit.emit(.storeGlobal, unit.nameIndex(n))
        case .name(let n): unit.emit(.storeName, unit.nameIndex(n))
        }
    }

    func delete(_ name: String) {
        switch storeAccess(name) {
        case .fast(let n): unit.emit(.deleteFast, unit.slot(n))
        case .cell(let n), .classCell(let n): unit.emit(.deleteDeref, unit.slot(n))
        case .global(let n): unit.emit(.deleteGlobal, unit.nameIndex(n))
        case .name(let n): unit.emit(.deleteName, unit.nameIndex(n))
        }
    }

    /// A class body binds names in its namespace, even names its methods see as cells
    /// (except a `nonlocal` one).
    private func storeAccess(_ name: String) -> NameAccess {
        let access = analysis.access(name, in: unit.scope)
        if unit.scope.kind == .classBody, case .classCell = access, !unit.scope.declaredNonlocal.contains(name) {
            return .name(name)
        }
        return access
    }
}
