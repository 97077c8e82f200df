/// The abstract syntax tree the parser builds and the compiler walks. It follows CPython 3.11's
/// `ast` module node for node (Parser/Python.asdl), with Swift names, so that CPython's grammar and
/// compiler are the reference for what each node means. The tree is not on any hot path: it lives
/// for one compilation, so plain Swift enums and arrays are the right tool.

/// Where a node sits in the source: 1-based lines, 0-based columns counted in code points (as the
/// tokens count them); the end is exclusive.
public struct SourceRange: Equatable, Sendable {
    public var start: SourcePosition
    public var end: SourcePosition

    public init(start: SourcePosition, end: SourcePosition) {
        self.start = start
        self.end = end
    }

    public var line: Int { Int(start.line) }
}

public struct Module: Equatable, Sendable {
    public var body: [Statement]

    public init(body: [Statement]) {
        self.body = body
    }
}

// MARK: - Statements

public struct Statement: Equatable, Sendable {
    public var kind: StatementKind
    public var range: SourceRange

    public init(_ kind: StatementKind, _ range: SourceRange) {
        self.kind = kind
        self.range = range
    }
}

public indirect enum StatementKind: Equatable, Sendable {
    case expression(Expression)
    /// `a = b = value`: one or more targets, assigned left to right.
    case assign(targets: [Expression], value: Expression)
    case augmentedAssign(target: Expression, op: BinaryOperator, value: Expression)
    /// `target: annotation = value`. `isSimple` is true for a bare name not in parentheses (CPython
    /// then stores the annotation in `__annotations__`; we parse annotations and ignore them).
    case annotatedAssign(target: Expression, annotation: Expression, value: Expression?, isSimple: Bool)
    case `if`(test: Expression, body: [Statement], orElse: [Statement])
    case `while`(test: Expression, body: [Statement], orElse: [Statement])
    case `for`(target: Expression, iterable: Expression, body: [Statement], orElse: [Statement])
    case `break`
    case `continue`
    case pass
    case delete(targets: [Expression])
    case assert(test: Expression, message: Expression?)
    case functionDefinition(FunctionDefinition)
    case classDefinition(ClassDefinition)
    case `return`(Expression?)
    case `try`(body: [Statement], handlers: [ExceptHandler], orElse: [Statement], finally: [Statement])
    /// `raise`, `raise exception`, `raise exception from cause`.
    case raise(exception: Expression?, cause: Expression?)
    case with(items: [WithItem], body: [Statement])
    case global(names: [String])
    case nonlocal(names: [String])
    case `import`(names: [ImportAlias])
    /// `from module import names`; `level` counts leading dots; `names` is `[*]` for a star import.
    case importFrom(module: String?, names: [ImportAlias], level: Int)
}

public struct FunctionDefinition: Equatable, Sendable {
    public var name: String
    public var parameters: Parameters
    public var body: [Statement]
    /// Outermost first, as written.
    public var decorators: [Expression]
    public var returnAnnotation: Expression?

    public init(
        name: String, parameters: Parameters, body: [Statement], decorators: [Expression],
        returnAnnotation: Expression?
    ) {
        self.name = name
        self.parameters = parameters
        self.body = body
        self.decorators = decorators
        self.returnAnnotation = returnAnnotation
    }
}

public struct ClassDefinition: Equatable, Sendable {
    public var name: String
    public var bases: [Expression]
    /// `metaclass=...` and other class keywords; a nil name is `**mapping`.
    public var keywords: [KeywordArgument]
    public var body: [Statement]
    public var decorators: [Expression]

    public init(
        name: String, bases: [Expression], keywords: [KeywordArgument], body: [Statement],
        decorators: [Expression]
    ) {
        self.name = name
        self.bases = bases
        self.keywords = keywords
        self.body = body
        self.decorators = decorators
    }
}

/// A function's or lambda's parameter list, as `ast.arguments`.
public struct Parameters: Equatable, Sendable {
    /// Before `/`.
    public var positionalOnly: [Parameter]
    /// Between `/` (or the start) and `*` or `*args`.
    public var positional: [Parameter]
    /// Defaults of the last `defaults.count` parameters of `positionalOnly + positional`.
    public var defaults: [Expression]
    public var variadic: Parameter?
    public var keywordOnly: [Parameter]
    /// One per keyword-only parameter; nil where it has no default.
    public var keywordDefaults: [Expression?]
    public var keywordVariadic: Parameter?

    public init(
        positionalOnly: [Parameter] = [], positional: [Parameter] = [], defaults: [Expression] = [],
        variadic: Parameter? = nil, keywordOnly: [Parameter] = [], keywordDefaults: [Expression?] = [],
        keywordVariadic: Parameter? = nil
    ) {
        self.positionalOnly = positionalOnly
        self.positional = positional
        self.defaults = defaults
        self.variadic = variadic
        self.keywordOnly = keywordOnly
        self.keywordDefaults = keywordDefaults
        self.keywordVariadic = keywordVariadic
    }
}

public struct Parameter: Equatable, Sendable {
    public var name: String
    public var annotation: Expression?
    public var range: SourceRange

    public init(name: String, annotation: Expression?, range: SourceRange) {
        self.name = name
        self.annotation = annotation
        self.range = range
    }
}

public struct ExceptHandler: Equatable, Sendable {
    /// nil for a bare `except:`.
    public var type: Expression?
    /// The `as` name.
    public var name: String?
    public var body: [Statement]
    public var range: SourceRange

    public init(type: Expression?, name: String?, body: [Statement], range: SourceRange) {
        self.type = type
        self.name = name
        self.body = body
        self.range = range
    }
}

public struct WithItem: Equatable, Sendable {
    public var context: Expression
    /// The `as` target: a name, attribute, subscript, tuple or list.
    public var target: Expression?

    public init(context: Expression, target: Expression?) {
        self.context = context
        self.target = target
    }
}

public struct ImportAlias: Equatable, Sendable {
    /// Dotted, as written: `os.path`; `*` for a star import.
    public var name: String
    public var asName: String?
    public var range: SourceRange

    public init(name: String, asName: String?, range: SourceRange) {
        self.name = name
        self.asName = asName
        self.range = range
    }
}

// MARK: - Expressions

public struct Expression: Equatable, Sendable {
    public var kind: ExpressionKind
    public var range: SourceRange

    public init(_ kind: ExpressionKind, _ range: SourceRange) {
        self.kind = kind
        self.range = range
    }
}

public indirect enum ExpressionKind: Equatable, Sendable {
    case name(String)
    case constant(Constant)
    /// `a and b and c`: two or more operands.
    case boolean(BooleanOperator, [Expression])
    case binary(Expression, BinaryOperator, Expression)
    case unary(UnaryOperator, Expression)
    /// `a < b <= c`: `operators.count == comparators.count >= 1`.
    case compare(Expression, operators: [CompareOperator], comparators: [Expression])
    /// Positional arguments may be `.starred`; a keyword argument with a nil name is `**mapping`.
    case call(Expression, arguments: [Expression], keywords: [KeywordArgument])
    case attribute(Expression, name: String)
    case `subscript`(Expression, index: Expression)
    /// Only as a subscript's index, alone or inside a tuple: `a[1:2, ::3]`.
    case slice(lower: Expression?, upper: Expression?, step: Expression?)
    case starred(Expression)
    case tuple([Expression])
    case list([Expression])
    case set([Expression])
    /// A nil key is `**mapping`, whose mapping is the value at the same index.
    case dict(keys: [Expression?], values: [Expression])
    /// `body if test else orElse`.
    case conditional(test: Expression, body: Expression, orElse: Expression)
    case lambda(Parameters, body: Expression)
    case listComprehension(element: Expression, generators: [Comprehension])
    case setComprehension(element: Expression, generators: [Comprehension])
    case dictComprehension(key: Expression, value: Expression, generators: [Comprehension])
    case generatorExpression(element: Expression, generators: [Comprehension])
    case yield(Expression?)
    case yieldFrom(Expression)
    /// `target := value`; the target is always a name.
    case namedExpression(target: Expression, value: Expression)
    /// An f-string, or adjacent literals of which one is an f-string: `.constant(.string)` parts and
    /// `.formattedValue` parts, in order.
    case joinedString([Expression])
    /// One `{value!conversion:spec}` field. The spec is a `.joinedString` (it may hold fields).
    case formattedValue(Expression, conversion: FormatConversion?, formatSpec: Expression?)
}

public enum Constant: Equatable, Sendable {
    case none
    case `true`
    case `false`
    case ellipsis
    /// Decimal, hex, octal or binary digits without prefix or underscores.
    case integer(digits: String, radix: Int)
    case float(Double)
    case imaginary(Double)
    /// Code points; adjacent string literals are already concatenated.
    case string([UInt32])
    case bytes([UInt8])
}

public struct KeywordArgument: Equatable, Sendable {
    /// nil for `**mapping`.
    public var name: String?
    public var value: Expression
    public var range: SourceRange

    public init(name: String?, value: Expression, range: SourceRange) {
        self.name = name
        self.value = value
        self.range = range
    }
}

/// One `for target in iterable if condition...` clause.
public struct Comprehension: Equatable, Sendable {
    public var target: Expression
    public var iterable: Expression
    public var conditions: [Expression]

    public init(target: Expression, iterable: Expression, conditions: [Expression]) {
        self.target = target
        self.iterable = iterable
        self.conditions = conditions
    }
}

public enum FormatConversion: Equatable, Sendable {
    case str, repr, ascii
}

public enum BooleanOperator: Equatable, Sendable {
    case and, or
}

public enum BinaryOperator: Equatable, Sendable {
    case add, subtract, multiply, matrixMultiply, trueDivide, floorDivide, remainder, power
    case leftShift, rightShift, bitOr, bitXor, bitAnd
}

public enum UnaryOperator: Equatable, Sendable {
    case invert, not, plus, minus
}

public enum CompareOperator: Equatable, Sendable {
    case equal, notEqual, less, lessEqual, greater, greaterEqual, `is`, isNot, `in`, notIn
}
