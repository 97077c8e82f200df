/// Python's binary and unary operators on the builtin numeric types (bool, int, float)
/// and the builtin sequences, with CPython's results and errors. User-defined operator
/// methods are the interpreter's business; it calls these for the builtin cases.
public enum BinaryOperator: String, CaseIterable {
    case add = "+", subtract = "-", multiply = "*", trueDivide = "/", floorDivide = "//"
    case modulo = "%", power = "**", shiftLeft = "<<", shiftRight = ">>"
    case and = "&", or = "|", xor = "^"
}

public enum Arithmetic {
    /// Both operands as ints, or both as doubles, or neither.
    enum NumericPair {
        case ints(Value, Value)
        case floats(Double, Double)
        case other
    }

    @inline(__always)
    static func numericPair(_ a: Value, _ b: Value) throws(PythonError) -> NumericPair {
        if a.isSmallInt && b.isSmallInt { return .ints(a, b) }
        let ka = a.kind, kb = b.kind
        let aIsInt = ka == .int || ka == .bool, bIsInt = kb == .int || kb == .bool
        if aIsInt && bIsInt { return .ints(Ints.unbool(a), Ints.unbool(b)) }
        if ka == .float && kb == .float { return .floats(Floats.value(a), Floats.value(b)) }
        if ka == .float && bIsInt { return .floats(Floats.value(a), try Ints.toDouble(Ints.unbool(b))) }
        if aIsInt && kb == .float { return .floats(try Ints.toDouble(Ints.unbool(a)), Floats.value(b)) }
        return .other
    }

    public static func binary(_ op: BinaryOperator, _ a: Value, _ b: Value) throws(PythonError) -> Value {
        switch op {
        case .add: return try add(a, b)
        case .subtract: return try subtract(a, b)
        case .multiply: return try multiply(a, b)
        case .trueDivide: return try trueDivide(a, b)
        case .floorDivide: return try floorDivide(a, b)
        case .modulo: return try modulo(a, b)
        case .power: return try power(a, b)
        case .shiftLeft, .shiftRight, .and, .or, .xor: return try bitwise(op, a, b)
        }
    }

    // The small-int cases of +, - and * are inlinable: the interpreter and the JIT's helpers
    // live in other modules, and a call per addition would cost more than the addition.

    @inlinable @inline(__always)
    public static func add(_ a: Value, _ b: Value) throws(PythonError) -> Value {
        if a.isSmallInt && b.isSmallInt { return Ints.add(a, b) }
        return try addAny(a, b)
    }

    @usableFromInline
    static func addAny(_ a: Value, _ b: Value) throws(PythonError) -> Value {
        switch try numericPair(a, b) {
        case .ints(let x, let y): return Ints.add(x, y)
        case .floats(let x, let y): return Floats.make(x + y)
        case .other:
            if Sequences.isSequence(a) { return try Sequences.concatenate(a, b) }
            throw unsupported(.add, a, b)
        }
    }

    @inlinable @inline(__always)
    public static func subtract(_ a: Value, _ b: Value) throws(PythonError) -> Value {
        if a.isSmallInt && b.isSmallInt { return Ints.subtract(a, b) }
        return try subtractAny(a, b)
    }

    @usableFromInline
    static func subtractAny(_ a: Value, _ b: Value) throws(PythonError) -> Value {
        switch try numericPair(a, b) {
        case .ints(let x, let y): return Ints.subtract(x, y)
        case .floats(let x, let y): return Floats.make(x - y)
        case .other: throw unsupported(.subtract, a, b)
        }
    }

    @inlinable @inline(__always)
    public static func multiply(_ a: Value, _ b: Value) throws(PythonError) -> Value {
        if a.isSmallInt && b.isSmallInt { return Ints.multiply(a, b) }
        return try multiplyAny(a, b)
    }

    @usableFromInline
    static func multiplyAny(_ a: Value, _ b: Value) throws(PythonError) -> Value {
        switch try numericPair(a, b) {
        case .ints(let x, let y): return Ints.multiply(x, y)
        case .floats(let x, let y): return Floats.make(x * y)
        case .other:
            if Sequences.isSequence(a) { return try Sequences.repeated(a, b) }
            if Sequences.isSequence(b) { return try Sequences.repeated(b, a) }
            throw unsupported(.multiply, a, b)
        }
    }

    public static func trueDivide(_ a: Value, _ b: Value) throws(PythonError) -> Value {
        switch try numericPair(a, b) {
        case .ints(let x, let y): return try Ints.trueDivide(x, y)
        case .floats(let x, let y): return try Floats.trueDivide(x, y)
        case .other: throw unsupported(.trueDivide, a, b)
        }
    }

    public static func floorDivide(_ a: Value, _ b: Value) throws(PythonError) -> Value {
        switch try numericPair(a, b) {
        case .ints(let x, let y): return try Ints.floorDivide(x, y)
        case .floats(let x, let y): return try Floats.floorDivide(x, y)
        case .other: throw unsupported(.floorDivide, a, b)
        }
    }

    public static func modulo(_ a: Value, _ b: Value) throws(PythonError) -> Value {
        switch try numericPair(a, b) {
        case .ints(let x, let y): return try Ints.modulo(x, y)
        case .floats(let x, let y): return try Floats.modulo(x, y)
        case .other: throw unsupported(.modulo, a, b)
        }
    }

    public static func divmod(_ a: Value, _ b: Value) throws(PythonError) -> Value {
        switch try numericPair(a, b) {
        case .ints(let x, let y): return try Ints.divmod(x, y)
        case .floats(let x, let y): return try Floats.divmod(x, y)
        case .other: throw PythonError(.typeError, "unsupported operand type(s) for divmod(): '\(typeName(a))' and '\(typeName(b))'")
        }
    }

    public static func power(_ a: Value, _ b: Value) throws(PythonError) -> Value {
        switch try numericPair(a, b) {
        case .ints(let x, let y): return try Ints.power(x, y)
        case .floats(let x, let y): return try Floats.power(x, y)
        case .other: throw unsupported(.power, a, b)
        }
    }

    /// `pow(a, b, m)`, defined for ints only.
    public static func power(_ a: Value, _ b: Value, modulo m: Value) throws(PythonError) -> Value {
        guard Ints.isInt(a), Ints.isInt(b), Ints.isInt(m) else {
            throw PythonError(.typeError, "pow() 3rd argument not allowed unless all arguments are integers")
        }
        return try Ints.power(Ints.unbool(a), Ints.unbool(b), modulo: Ints.unbool(m))
    }

    public static func bitwise(_ op: BinaryOperator, _ a: Value, _ b: Value) throws(PythonError) -> Value {
        guard Ints.isInt(a) && Ints.isInt(b) else { throw unsupported(op, a, b) }
        if a.kind == .bool && b.kind == .bool {
            let x = a.header.pointee.aux != 0, y = b.header.pointee.aux != 0
            switch op {
            case .and: return .bool(x && y)
            case .or: return .bool(x || y)
            case .xor: return .bool(x != y)
            default: break
            }
        }
        let x = Ints.unbool(a), y = Ints.unbool(b)
        switch op {
        case .shiftLeft: return try Ints.shiftLeft(x, y)
        case .shiftRight: return try Ints.shiftRight(x, y)
        case .and: return Ints.and(x, y)
        case .or: return Ints.or(x, y)
        default: return Ints.xor(x, y)
        }
    }

    public static func negate(_ a: Value) throws(PythonError) -> Value {
        if Ints.isInt(a) { return Ints.negate(Ints.unbool(a)) }
        if a.kind == .float { return Floats.make(-Floats.value(a)) }
        throw PythonError(.typeError, "bad operand type for unary -: '\(typeName(a))'")
    }

    public static func positive(_ a: Value) throws(PythonError) -> Value {
        if Ints.isInt(a) { return Ints.unbool(a) }
        if a.kind == .float { return a }
        throw PythonError(.typeError, "bad operand type for unary +: '\(typeName(a))'")
    }

    public static func invert(_ a: Value) throws(PythonError) -> Value {
        if Ints.isInt(a) { return Ints.invert(Ints.unbool(a)) }
        throw PythonError(.typeError, "bad operand type for unary ~: '\(typeName(a))'")
    }

    public static func absolute(_ a: Value) throws(PythonError) -> Value {
        if Ints.isInt(a) { return Ints.absolute(Ints.unbool(a)) }
        if a.kind == .float { return Floats.make(Floats.value(a).magnitude) }
        throw PythonError(.typeError, "bad operand type for abs(): '\(typeName(a))'")
    }

    static func unsupported(_ op: BinaryOperator, _ a: Value, _ b: Value) -> PythonError {
        let symbol = op == .power ? "** or pow()" : op.rawValue
        return PythonError(.typeError, "unsupported operand type(s) for \(symbol): '\(typeName(a))' and '\(typeName(b))'")
    }

    static func typeName(_ v: Value) -> String { TypeObjects.name(v.type) }
}
