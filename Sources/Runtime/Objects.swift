import Glibc

/// The operations every object supports, for the builtin types: hashing, equality,
/// ordering, truth, repr and str.
public enum ComparisonOperator: String, CaseIterable {
    case less = "<", lessOrEqual = "<=", equal = "==", notEqual = "!=", greater = ">", greaterOrEqual = ">="
}

public enum Objects {
    public static func hash(_ v: Value) throws(PythonError) -> Int {
        if v.isSmallInt { return Ints.hash(v) }
        if ObjectHooks.isUserObject(v), let hook = ObjectHooks.hash, let result = try hook(v) { return result }
        switch v.header.pointee.kind {
        case .int: return Ints.hash(v)
        case .bool: return Int(v.header.pointee.aux)
        case .float:
            // Since 3.10 a NaN hashes by identity: NaNs are never equal, and equal hashes
            // would only make them collide.
            let d = Floats.value(v)
            return d.isNaN ? identityHash(v) : Floats.hash(d)
        case .str: return Str.hash(v)
        case .tuple: return try Tuple.hash(v)
        case .frozenset: return Sets.hash(v)
        case .range: return try Ranges.hash(v)
        case .boundMethod, .nativeFunction: return methodHash(v)
        case .list, .dict, .set, .slice:
            throw PythonError(.typeError, "unhashable type: '\(TypeObjects.name(v.type))'")
        case .dictView where DictViews.isSetLike(v):
            throw PythonError(.typeError, "unhashable type: '\(TypeObjects.name(v.type))'")
        default: return identityHash(v)
        }
    }

    /// Bound methods are equal when they bind the same function to the same object.
    static func sameMethod(_ a: Value, _ b: Value) -> Bool {
        if a.kind == .boundMethod {
            let (x, y) = (a.fields(BoundMethodObject.self), b.fields(BoundMethodObject.self))
            return x.pointee.function.is(y.pointee.function) && x.pointee.receiver.is(y.pointee.receiver)
        }
        let (x, y) = (a.fields(NativeFunctionObject.self), b.fields(NativeFunctionObject.self))
        return x.pointee.entry.is(y.pointee.entry) && x.pointee.receiver.is(y.pointee.receiver)
    }

    /// The hash of a bound method, from what makes it equal.
    static func methodHash(_ v: Value) -> Int {
        let (function, receiver) = v.kind == .boundMethod
            ? (v.fields(BoundMethodObject.self).pointee.function, v.fields(BoundMethodObject.self).pointee.receiver)
            : (v.fields(NativeFunctionObject.self).pointee.entry, v.fields(NativeFunctionObject.self).pointee.receiver)
        let h = Int(bitPattern: UInt(truncatingIfNeeded: function.bits >> 4) &* 1_000_003) ^ Int(bitPattern: UInt(truncatingIfNeeded: receiver.bits >> 4))
        return h == -1 ? -2 : h
    }

    /// CPython's hash of an object by identity: its address rotated by four bits.
    static func identityHash(_ v: Value) -> Int {
        let address = UInt(v.bits &- 1)
        let h = Int(bitPattern: (address >> 4) | (address << 60))
        return h == -1 ? -2 : h
    }

    /// Whether `a` equals `b` as containers compare items (CPython's `PyObject_RichCompareBool`):
    /// an object is equal to itself, so `nan in [nan]` and `[nan] == [nan]` hold even though
    /// `nan == nan` does not (that is `compare(a, b, .equal)`).
    public static func equal(_ a: Value, _ b: Value) throws(PythonError) -> Bool {
        if a.is(b) { return true }
        return try compare(a, b, .equal)
    }

    /// `a OP b` for the builtin types; TypeError where Python has no ordering.
    public static func compare(_ a: Value, _ b: Value, _ op: ComparisonOperator) throws(PythonError) -> Bool {
        if ObjectHooks.isUserObject(a) || ObjectHooks.isUserObject(b), let hook = ObjectHooks.compare,
           let result = try hook(a, b, op) {
            return result
        }
        return try compareLayouts(a, b, op)
    }

    /// `a OP b` by the builtin layouts alone, once the classes' special methods have declined.
    public static func compareLayouts(_ a: Value, _ b: Value, _ op: ComparisonOperator) throws(PythonError) -> Bool {
        if let order = try numericOrder(a, b) {
            return holds(op, order)
        }
        if isNumber(a) && isNumber(b) { return op == .notEqual }  // a NaN is unordered
        let ka = a.kind, kb = b.kind
        if ka == .str && kb == .str {
            if op == .equal || op == .notEqual { return Str.equal(a, b) == (op == .equal) }
            return holds(op, Str.compare(a, b))
        }
        if ka == kb && (ka == .tuple || ka == .list) {
            return try compareSequences(a, b, op)
        }
        if (ka == .set || ka == .frozenset) && (kb == .set || kb == .frozenset) {
            return try compareSets(a, b, op)
        }
        if ka == .dict && kb == .dict && (op == .equal || op == .notEqual) {
            return try Dict.equal(a, b) == (op == .equal)
        }
        if ka == .range && kb == .range && (op == .equal || op == .notEqual) {
            return Ranges.equal(a, b) == (op == .equal)
        }
        if ka == kb && (ka == .boundMethod || ka == .nativeFunction) && (op == .equal || op == .notEqual) {
            return sameMethod(a, b) == (op == .equal)
        }
        if ka == .slice && kb == .slice {
            return try compareSequences(Slices.asTuple(a), Slices.asTuple(b), op)
        }
        if ka == .dictView || kb == .dictView, let inclusion = try DictViews.compare(a, b, op) {
            return inclusion
        }
        switch op {
        case .equal: return a.is(b)
        case .notEqual: return !a.is(b)
        default:
            throw PythonError(.typeError, "'\(op.rawValue)' not supported between instances of '\(TypeObjects.name(a.type))' and '\(TypeObjects.name(b.type))'")
        }
    }

    static func holds(_ op: ComparisonOperator, _ order: Int) -> Bool {
        switch op {
        case .less: return order < 0
        case .lessOrEqual: return order <= 0
        case .equal: return order == 0
        case .notEqual: return order != 0
        case .greater: return order > 0
        case .greaterOrEqual: return order >= 0
        }
    }

    static func isNumber(_ v: Value) -> Bool {
        let k = v.kind
        return k == .int || k == .bool || k == .float
    }

    /// The exact order of two numbers (ints and floats compared without rounding), or nil
    /// when either is not a number or one is a NaN.
    static func numericOrder(_ a: Value, _ b: Value) throws(PythonError) -> Int? {
        if a.isSmallInt && b.isSmallInt { return a.smallInt < b.smallInt ? -1 : (a.smallInt == b.smallInt ? 0 : 1) }
        guard isNumber(a) && isNumber(b) else { return nil }
        let aIsFloat = a.kind == .float, bIsFloat = b.kind == .float
        switch (aIsFloat, bIsFloat) {
        case (false, false): return Ints.compare(Ints.unbool(a), Ints.unbool(b))
        case (true, true):
            let x = Floats.value(a), y = Floats.value(b)
            if x.isNaN || y.isNaN { return nil }
            return x < y ? -1 : (x == y ? 0 : 1)
        case (true, false): return compare(float: Floats.value(a), int: Ints.unbool(b))
        case (false, true): return compare(float: Floats.value(b), int: Ints.unbool(a)).map { -$0 }
        }
    }

    /// The order of a float and an int, exactly: 2.0**53 < 2**53 + 1 although the int
    /// rounds to that float.
    static func compare(float x: Double, int n: Value) -> Int? {
        if x.isNaN { return nil }
        if x.isInfinite { return x > 0 ? 1 : -1 }
        if n.isSmallInt && n.smallInt.magnitude <= 1 << 53 {
            let y = Double(n.smallInt)
            return x < y ? -1 : (x == y ? 0 : 1)
        }
        let whole = x.rounded(.down)
        let order = Ints.compare(Ints.make(integral: whole), n)
        if order != 0 { return order }
        return x > whole ? 1 : 0
    }

    static func compareSequences(_ a: Value, _ b: Value, _ op: ComparisonOperator) throws(PythonError) -> Bool {
        let (itemsA, countA) = a.kind == .tuple ? (Tuple.items(a), Tuple.count(a)) : (List.items(a), List.count(a))
        let (itemsB, countB) = b.kind == .tuple ? (Tuple.items(b), Tuple.count(b)) : (List.items(b), List.count(b))
        if (op == .equal || op == .notEqual) && countA != countB { return op == .notEqual }
        for i in 0..<min(countA, countB) where !(try equal(itemsA[i], itemsB[i])) {
            if op == .equal { return false }
            if op == .notEqual { return true }
            return try compare(itemsA[i], itemsB[i], op)
        }
        return holds(op, countA == countB ? 0 : (countA < countB ? -1 : 1))
    }

    /// Sets compare by inclusion: `<=` is subset, `<` proper subset. The subset test probes
    /// with the hashes stored in the table, as CPython's does: no `__hash__` is called again.
    static func compareSets(_ a: Value, _ b: Value, _ op: ComparisonOperator) throws(PythonError) -> Bool {
        let (na, nb) = (Sets.count(a), Sets.count(b))
        switch op {
        case .equal: return na == nb ? try Sets.isSubset(a, b) : false
        case .notEqual: return na == nb ? !(try Sets.isSubset(a, b)) : true
        case .lessOrEqual: return try Sets.isSubset(a, b)
        case .less: return na < nb ? try Sets.isSubset(a, b) : false
        case .greaterOrEqual: return try Sets.isSubset(b, a)
        case .greater: return nb < na ? try Sets.isSubset(b, a) : false
        }
    }

    /// `bool(v)` for the builtin types.
    public static func isTrue(_ v: Value) -> Bool {
        if v.isSmallInt { return v.smallInt != 0 }
        switch v.header.pointee.kind {
        case .bool: return v.header.pointee.aux != 0
        case .none: return false
        case .int: return true  // a big int is never zero
        case .float: return Floats.value(v) != 0
        case .str: return Str.count(v) != 0
        case .tuple: return Tuple.count(v) != 0
        case .list: return List.count(v) != 0
        case .dict: return Dict.count(v) != 0
        case .set, .frozenset: return Sets.count(v) != 0
        case .dictView: return DictViews.count(v) != 0
        case .range: return Ints.sign(Ranges.length(v)) != 0
        default: return true
        }
    }

    public static func repr(_ v: Value) throws(PythonError) -> String {
        if v.isSmallInt { return String(v.smallInt) }
        // The upper layers' own objects (a generator) have their reprs there too.
        if ObjectHooks.isUserObject(v) || v.kind == .foreign, let hook = ObjectHooks.repr, let result = try hook(v) { return result }
        return try builtinRepr(v)
    }

    /// The containers whose repr is being made, innermost last: a list, dict or tuple that
    /// contains itself prints as `[...]`, `{...}` or `(...)` there, as CPython's
    /// `Py_ReprEnter` arranges.
    nonisolated(unsafe) static var reprInProgress: [UInt64] = []

    static func isBeingPrinted(_ v: Value) -> Bool { reprInProgress.contains(v.bits) }

    /// The repr `body` makes of container `v`, or `recursive` when `v`'s repr is already being
    /// made further out: for containers defined above the runtime (`collections.deque`).
    public static func reprGuarded(
        _ v: Value, recursive: String, _ body: () throws(PythonError) -> String
    ) throws(PythonError) -> String {
        if isBeingPrinted(v) { return recursive }
        reprInProgress.append(v.bits)
        defer { reprInProgress.removeLast() }
        return try body()
    }

    /// The repr of the builtin layout, whatever the class says: `dict.__repr__(self)`.
    public static func builtinRepr(_ v: Value) throws(PythonError) -> String {
        if v.isSmallInt { return String(v.smallInt) }
        switch v.header.pointee.kind {
        case .int: return try Ints.text(v)
        case .bool: return v.header.pointee.aux != 0 ? "True" : "False"
        case .none: return "None"
        case .notImplemented: return "NotImplemented"
        case .ellipsis: return "Ellipsis"
        case .float: return Floats.repr(Floats.value(v))
        case .str: return reprOfString(Str.swiftString(v))
        case .tuple:
            if isBeingPrinted(v) { return "(...)" }
            reprInProgress.append(v.bits)
            defer { reprInProgress.removeLast() }
            let n = Tuple.count(v)
            var parts: [String] = []
            for i in 0..<n { parts.append(try repr(Tuple.items(v)[i])) }
            return "(" + parts.joined(separator: ", ") + (n == 1 ? ",)" : ")")
        case .list:
            if isBeingPrinted(v) { return "[...]" }
            reprInProgress.append(v.bits)
            defer { reprInProgress.removeLast() }
            var parts: [String] = []
            for i in 0..<List.count(v) { parts.append(try repr(List.items(v)[i])) }
            return "[" + parts.joined(separator: ", ") + "]"
        case .dict:
            if isBeingPrinted(v) { return "{...}" }
            reprInProgress.append(v.bits)
            defer { reprInProgress.removeLast() }
            var parts: [String] = []
            try Dict.forEach(v) { key, value throws(PythonError) in parts.append(try repr(key) + ": " + repr(value)) }
            return "{" + parts.joined(separator: ", ") + "}"
        case .set, .frozenset:
            var parts: [String] = []
            try Sets.forEach(v) { key throws(PythonError) in parts.append(try repr(key)) }
            let frozen = v.kind == .frozenset
            let isExact = v.type.is(frozen ? BuiltinTypes.frozenset : BuiltinTypes.set)
            let name = TypeObjects.name(v.type)
            if parts.isEmpty { return name + "()" }
            let body = "{" + parts.joined(separator: ", ") + "}"
            return frozen || !isExact ? name + "(" + body + ")" : body
        case .range: return try Ranges.repr(v)
        case .slice: return try Slices.repr(v)
        case .dictView: return try DictViews.repr(v)
        case .type:
            let module = try Dict.get(v.fields(TypeObject.self).pointee.dict, Str.make("__module__"))
            let prefix = module.isObject && !module.isNull && module.kind == .str && Str.swiftString(module) != "builtins"
                ? Str.swiftString(module) + "." : ""
            return "<class '\(prefix)\(TypeObjects.shortName(v))'>"
        case .function:
            let name = Str.swiftString(v.fields(FunctionObject.self).pointee.qualifiedName)
            return "<function \(name) at 0x\(String(UInt(v.bits &- 1), radix: 16))>"
        case .nativeFunction:
            let fields = v.fields(NativeFunctionObject.self)
            let name = Str.swiftString(fields.pointee.name)
            let receiver = fields.pointee.receiver
            if receiver.isNull { return "<built-in function \(name)>" }
            return "<built-in method \(name) of \(TypeObjects.name(receiver.type)) object at 0x\(String(UInt(receiver.bits &- 1), radix: 16))>"
        case .boundMethod:
            let fields = v.fields(BoundMethodObject.self)
            let function = fields.pointee.function
            let name = function.kind == .function ? Str.swiftString(function.fields(FunctionObject.self).pointee.qualifiedName) : "?"
            return "<bound method \(name) of \(try repr(fields.pointee.receiver))>"
        case .exception:
            let name = TypeObjects.name(v.type)
            let args = Exceptions.arguments(v)
            if Tuple.count(args) == 1 { return name + "(" + (try repr(Tuple.items(args)[0])) + ")" }
            return name + (try repr(args))
        default:
            return "<\(TypeObjects.name(v.type)) object at 0x\(String(UInt(v.bits &- 1), radix: 16))>"
        }
    }

    public static func str(_ v: Value) throws(PythonError) -> String {
        if ObjectHooks.isUserObject(v), let hook = ObjectHooks.str, let result = try hook(v) { return result }
        if v.isObject {
            switch v.header.pointee.kind {
            case .str: return Str.swiftString(v)
            case .exception: return try Exceptions.message(v)
            default: break
            }
        }
        return try repr(v)
    }

    /// A str's repr: single quotes unless the text has one and no double quote, and
    /// escapes for the quote, backslash and unprintable characters.
    public static func reprOfString(_ s: String) -> String {
        let quote: Character = s.contains("'") && !s.contains("\"") ? "\"" : "'"
        var out = String(quote)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if Character(scalar) == quote {
                    out += "\\" + String(quote)
                } else if scalar.value < 0x20 || scalar.value == 0x7f {
                    out += "\\x" + hex(scalar.value, width: 2)
                } else if scalar.value >= 0x80 && !isPrintable(scalar) {
                    out += escaped(scalar)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out.append(quote)
        return out
    }

    /// `ascii()` of a repr: every non-ASCII character escaped as \x, \u or \U.
    public static func asciiOnly(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                out.unicodeScalars.append(scalar)
            } else {
                out += escaped(scalar)
            }
        }
        return out
    }

    /// A non-ASCII character as Python escapes it: \xhh, \uhhhh or \Uhhhhhhhh.
    static func escaped(_ scalar: Unicode.Scalar) -> String {
        let width = scalar.value < 0x100 ? 2 : (scalar.value < 0x10000 ? 4 : 8)
        return (width == 2 ? "\\x" : (width == 4 ? "\\u" : "\\U")) + hex(scalar.value, width: width)
    }

    static func hex(_ v: UInt32, width: Int) -> String {
        let digits = String(v, radix: 16)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// Python's notion of printable: not a control, format, separator (other than the
    /// ASCII space) or unassigned code point.
    static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        guard UnicodeVersion.knows(scalar) else { return false }
        switch scalar.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator, .spaceSeparator:
            return scalar == " "
        default:
            return true
        }
    }
}
