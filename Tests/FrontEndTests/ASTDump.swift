@testable import FrontEnd

/// Prints our syntax tree as CPython 3.11's `ast.dump(tree)` prints its own, so that the two can be
/// compared as text. Our tree has no expression contexts: the dumper derives `Load`, `Store` and
/// `Del` from where a node sits, as CPython's parser sets them. Strings are printed as `ascii()`
/// would print them (the Python side escapes its dump the same way), so that the comparison does
/// not depend on which Unicode version decides what is printable. With `attributes`, positions
/// are printed as `include_attributes=True` does, with columns in code points.
struct ASTDumper {
    var attributes: Bool

    func dump(_ module: Module) -> String {
        "Module(body=\(statements(module.body)), type_ignores=[])"
    }

    private enum Context: String {
        case load = "Load()", store = "Store()", delete = "Del()"
    }

    private func statements(_ list: [Statement]) -> String {
        "[" + list.map(statement).joined(separator: ", ") + "]"
    }

    private func expressions(_ list: [Expression], _ context: Context = .load) -> String {
        "[" + list.map { expression($0, context) }.joined(separator: ", ") + "]"
    }

    private func optional(_ value: Expression?) -> String? {
        value.map { expression($0) }
    }

    /// `Name(field=value, ...)`, leaving out nil (optional, absent) fields, then the position.
    private func node(_ name: String, _ fields: [(String, String?)], _ range: SourceRange?) -> String {
        var parts = fields.compactMap { field in field.1.map { "\(field.0)=\($0)" } }
        if attributes, let range = range {
            parts += [
                "lineno=\(range.start.line)", "col_offset=\(range.start.column)",
                "end_lineno=\(range.end.line)", "end_col_offset=\(range.end.column)",
            ]
        }
        return "\(name)(\(parts.joined(separator: ", ")))"
    }

    private func list(_ items: [String]) -> String {
        "[" + items.joined(separator: ", ") + "]"
    }

    // MARK: - Statements

    private func statement(_ statement: Statement) -> String {
        let range = statement.range
        switch statement.kind {
        case .expression(let value):
            return node("Expr", [("value", expression(value))], range)
        case .assign(let targets, let value):
            return node("Assign", [("targets", expressions(targets, .store)), ("value", expression(value))], range)
        case .augmentedAssign(let target, let op, let value):
            return node("AugAssign", [("target", expression(target, .store)), ("op", binaryOperator(op)), ("value", expression(value))], range)
        case .annotatedAssign(let target, let annotation, let value, let isSimple):
            return node("AnnAssign", [
                ("target", expression(target, .store)), ("annotation", expression(annotation)), ("value", optional(value)),
                ("simple", isSimple ? "1" : "0"),
            ], range)
        case .if(let test, let body, let orElse):
            return node("If", [("test", expression(test)), ("body", statements(body)), ("orelse", statements(orElse))], range)
        case .while(let test, let body, let orElse):
            return node("While", [("test", expression(test)), ("body", statements(body)), ("orelse", statements(orElse))], range)
        case .for(let target, let iterable, let body, let orElse):
            return node("For", [
                ("target", expression(target, .store)), ("iter", expression(iterable)), ("body", statements(body)),
                ("orelse", statements(orElse)),
            ], range)
        case .break: return node("Break", [], range)
        case .continue: return node("Continue", [], range)
        case .pass: return node("Pass", [], range)
        case .delete(let targets):
            return node("Delete", [("targets", expressions(targets, .delete))], range)
        case .assert(let test, let message):
            return node("Assert", [("test", expression(test)), ("msg", optional(message))], range)
        case .functionDefinition(let definition):
            return node("FunctionDef", [
                ("name", pythonASCII(definition.name)), ("args", parameters(definition.parameters)),
                ("body", statements(definition.body)), ("decorator_list", expressions(definition.decorators)),
                ("returns", optional(definition.returnAnnotation)),
            ], range)
        case .classDefinition(let definition):
            return node("ClassDef", [
                ("name", pythonASCII(definition.name)), ("bases", expressions(definition.bases)),
                ("keywords", list(definition.keywords.map(keyword))), ("body", statements(definition.body)),
                ("decorator_list", expressions(definition.decorators)),
            ], range)
        case .return(let value):
            return node("Return", [("value", optional(value))], range)
        case .try(let body, let handlers, let orElse, let finally):
            return node("Try", [
                ("body", statements(body)), ("handlers", list(handlers.map(handler))), ("orelse", statements(orElse)),
                ("finalbody", statements(finally)),
            ], range)
        case .raise(let exception, let cause):
            return node("Raise", [("exc", optional(exception)), ("cause", optional(cause))], range)
        case .with(let items, let body):
            return node("With", [("items", list(items.map(withItem))), ("body", statements(body))], range)
        case .global(let names):
            return node("Global", [("names", list(names.map(pythonASCII)))], range)
        case .nonlocal(let names):
            return node("Nonlocal", [("names", list(names.map(pythonASCII)))], range)
        case .import(let names):
            return node("Import", [("names", list(names.map(alias)))], range)
        case .importFrom(let module, let names, let level):
            return node("ImportFrom", [
                ("module", module.map(pythonASCII)), ("names", list(names.map(alias))), ("level", "\(level)"),
            ], range)
        }
    }

    private func handler(_ handler: ExceptHandler) -> String {
        node("ExceptHandler", [
            ("type", optional(handler.type)), ("name", handler.name.map(pythonASCII)), ("body", statements(handler.body)),
        ], handler.range)
    }

    private func withItem(_ item: WithItem) -> String {
        node("withitem", [("context_expr", expression(item.context)), ("optional_vars", item.target.map { expression($0, .store) })], nil)
    }

    private func alias(_ alias: ImportAlias) -> String {
        node("alias", [("name", pythonASCII(alias.name)), ("asname", alias.asName.map(pythonASCII))], alias.range)
    }

    private func keyword(_ keyword: KeywordArgument) -> String {
        node("keyword", [("arg", keyword.name.map(pythonASCII)), ("value", expression(keyword.value))], keyword.range)
    }

    private func parameters(_ parameters: Parameters) -> String {
        node("arguments", [
            ("posonlyargs", list(parameters.positionalOnly.map(parameter))), ("args", list(parameters.positional.map(parameter))),
            ("vararg", parameters.variadic.map(parameter)), ("kwonlyargs", list(parameters.keywordOnly.map(parameter))),
            ("kw_defaults", list(parameters.keywordDefaults.map { $0.map { expression($0) } ?? "None" })),
            ("kwarg", parameters.keywordVariadic.map(parameter)), ("defaults", expressions(parameters.defaults)),
        ], nil)
    }

    private func parameter(_ parameter: Parameter) -> String {
        node("arg", [("arg", pythonASCII(parameter.name)), ("annotation", optional(parameter.annotation))], parameter.range)
    }

    // MARK: - Expressions

    private func expression(_ expression: Expression, _ context: Context = .load) -> String {
        let range = expression.range
        switch expression.kind {
        case .name(let name):
            return node("Name", [("id", pythonASCII(name)), ("ctx", context.rawValue)], range)
        case .constant(let constant):
            return node("Constant", [("value", pythonRepr(constant))], range)
        case .boolean(let op, let values):
            return node("BoolOp", [("op", op == .and ? "And()" : "Or()"), ("values", expressions(values))], range)
        case .binary(let left, let op, let right):
            return node("BinOp", [("left", self.expression(left)), ("op", binaryOperator(op)), ("right", self.expression(right))], range)
        case .unary(let op, let operand):
            return node("UnaryOp", [("op", unaryOperator(op)), ("operand", self.expression(operand))], range)
        case .compare(let left, let operators, let comparators):
            return node("Compare", [
                ("left", self.expression(left)), ("ops", list(operators.map(compareOperator))),
                ("comparators", expressions(comparators)),
            ], range)
        case .call(let function, let arguments, let keywords):
            return node("Call", [
                ("func", self.expression(function)), ("args", expressions(arguments)), ("keywords", list(keywords.map(keyword))),
            ], range)
        case .attribute(let value, let name):
            return node("Attribute", [("value", self.expression(value)), ("attr", pythonASCII(name)), ("ctx", context.rawValue)], range)
        case .subscript(let value, let index):
            return node("Subscript", [("value", self.expression(value)), ("slice", self.expression(index)), ("ctx", context.rawValue)], range)
        case .slice(let lower, let upper, let step):
            return node("Slice", [("lower", optional(lower)), ("upper", optional(upper)), ("step", optional(step))], range)
        case .starred(let value):
            return node("Starred", [("value", self.expression(value, context)), ("ctx", context.rawValue)], range)
        case .tuple(let elements):
            return node("Tuple", [("elts", expressions(elements, context)), ("ctx", context.rawValue)], range)
        case .list(let elements):
            return node("List", [("elts", expressions(elements, context)), ("ctx", context.rawValue)], range)
        case .set(let elements):
            return node("Set", [("elts", expressions(elements))], range)
        case .dict(let keys, let values):
            return node("Dict", [("keys", list(keys.map { $0.map { self.expression($0) } ?? "None" })), ("values", expressions(values))], range)
        case .conditional(let test, let body, let orElse):
            return node("IfExp", [("test", self.expression(test)), ("body", self.expression(body)), ("orelse", self.expression(orElse))], range)
        case .lambda(let parameters, let body):
            return node("Lambda", [("args", self.parameters(parameters)), ("body", self.expression(body))], range)
        case .listComprehension(let element, let generators):
            return node("ListComp", [("elt", self.expression(element)), ("generators", list(generators.map(comprehension)))], range)
        case .setComprehension(let element, let generators):
            return node("SetComp", [("elt", self.expression(element)), ("generators", list(generators.map(comprehension)))], range)
        case .dictComprehension(let key, let value, let generators):
            return node("DictComp", [
                ("key", self.expression(key)), ("value", self.expression(value)), ("generators", list(generators.map(comprehension))),
            ], range)
        case .generatorExpression(let element, let generators):
            return node("GeneratorExp", [("elt", self.expression(element)), ("generators", list(generators.map(comprehension)))], range)
        case .yield(let value):
            return node("Yield", [("value", optional(value))], range)
        case .yieldFrom(let value):
            return node("YieldFrom", [("value", self.expression(value))], range)
        case .namedExpression(let target, let value):
            return node("NamedExpr", [("target", self.expression(target, .store)), ("value", self.expression(value))], range)
        case .joinedString(let values):
            return node("JoinedStr", [("values", expressions(values))], range)
        case .formattedValue(let value, let conversion, let spec):
            return node("FormattedValue", [
                ("value", self.expression(value)), ("conversion", conversionCode(conversion)), ("format_spec", optional(spec)),
            ], range)
        }
    }

    private func comprehension(_ clause: Comprehension) -> String {
        node("comprehension", [
            ("target", expression(clause.target, .store)), ("iter", expression(clause.iterable)),
            ("ifs", expressions(clause.conditions)), ("is_async", "0"),
        ], nil)
    }

    private func conversionCode(_ conversion: FormatConversion?) -> String {
        switch conversion {
        case nil: return "-1"
        case .str: return "115"
        case .repr: return "114"
        case .ascii: return "97"
        }
    }

    private func binaryOperator(_ op: BinaryOperator) -> String {
        switch op {
        case .add: return "Add()"
        case .subtract: return "Sub()"
        case .multiply: return "Mult()"
        case .matrixMultiply: return "MatMult()"
        case .trueDivide: return "Div()"
        case .floorDivide: return "FloorDiv()"
        case .remainder: return "Mod()"
        case .power: return "Pow()"
        case .leftShift: return "LShift()"
        case .rightShift: return "RShift()"
        case .bitOr: return "BitOr()"
        case .bitXor: return "BitXor()"
        case .bitAnd: return "BitAnd()"
        }
    }

    private func unaryOperator(_ op: UnaryOperator) -> String {
        switch op {
        case .invert: return "Invert()"
        case .not: return "Not()"
        case .plus: return "UAdd()"
        case .minus: return "USub()"
        }
    }

    private func compareOperator(_ op: CompareOperator) -> String {
        switch op {
        case .equal: return "Eq()"
        case .notEqual: return "NotEq()"
        case .less: return "Lt()"
        case .lessEqual: return "LtE()"
        case .greater: return "Gt()"
        case .greaterEqual: return "GtE()"
        case .is: return "Is()"
        case .isNot: return "IsNot()"
        case .in: return "In()"
        case .notIn: return "NotIn()"
        }
    }
}

// MARK: - Python's repr of constants

func pythonRepr(_ constant: Constant) -> String {
    switch constant {
    case .none: return "None"
    case .true: return "True"
    case .false: return "False"
    case .ellipsis: return "Ellipsis"
    case .integer(let digits, let radix): return decimalDigits(digits, radix: radix)
    case .float(let value): return pythonFloatRepr(value, forceDecimalPoint: true)
    case .imaginary(let value): return pythonFloatRepr(value, forceDecimalPoint: false) + "j"
    case .string(let codePoints): return pythonASCII(codePoints: codePoints)
    case .bytes(let bytes): return pythonBytesRepr(bytes)
    }
}

/// A digit string in any radix as decimal, by schoolbook base conversion (the test's ints can be
/// hundreds of digits long).
func decimalDigits(_ digits: String, radix: Int) -> String {
    if radix == 10 {
        let trimmed = digits.drop { $0 == "0" }
        return trimmed.isEmpty ? "0" : String(trimmed)
    }
    var decimal: [UInt32] = [0]  // little-endian base 10^9 limbs
    for character in digits {
        guard let digit = character.hexDigitValue else { continue }
        var carry = UInt64(digit)
        for limb in decimal.indices {
            let value = UInt64(decimal[limb]) * UInt64(radix) + carry
            decimal[limb] = UInt32(value % 1_000_000_000)
            carry = value / 1_000_000_000
        }
        while carry > 0 {
            decimal.append(UInt32(carry % 1_000_000_000))
            carry /= 1_000_000_000
        }
    }
    var text = String(decimal.last ?? 0)
    for limb in decimal.dropLast().reversed() {
        let part = String(limb)
        text += String(repeating: "0", count: 9 - part.count) + part
    }
    return text
}

/// Python's `repr(float)`: the shortest round-tripping digits, in exponent form when the
/// exponent is below -4 or at least 16. Complex parts (`forceDecimalPoint` false) drop `.0`.
func pythonFloatRepr(_ value: Double, forceDecimalPoint: Bool) -> String {
    if value.isInfinite { return value < 0 ? "-inf" : "inf" }
    if value.isNaN { return "nan" }
    if value == 0 { return (value.sign == .minus ? "-" : "") + (forceDecimalPoint ? "0.0" : "0") }
    // Swift's description has the same shortest digits; take them and the exponent apart.
    var description = "\(abs(value))"
    var exponent = 0
    if let e = description.firstIndex(where: { $0 == "e" || $0 == "E" }) {
        exponent = Int(description[description.index(after: e)...]) ?? 0
        description = String(description[..<e])
    }
    let parts = description.split(separator: ".", omittingEmptySubsequences: false)
    let integerPart = String(parts[0])
    let fractionPart = parts.count > 1 ? String(parts[1]) : ""
    var digits = integerPart + fractionPart
    var pointPosition = integerPart.count + exponent
    while digits.hasPrefix("0") && digits.count > 1 {
        digits.removeFirst()
        pointPosition -= 1
    }
    while digits.hasSuffix("0") && digits.count > 1 { digits.removeLast() }
    let sign = value < 0 ? "-" : ""
    if pointPosition <= -4 || pointPosition > 16 {
        let mantissa = digits.count > 1 ? "\(digits.first!).\(digits.dropFirst())" : digits
        let power = pointPosition - 1
        let powerText = String(abs(power))
        return sign + mantissa + "e" + (power < 0 ? "-" : "+") + (powerText.count < 2 ? "0" + powerText : powerText)
    }
    if pointPosition <= 0 {
        return sign + "0." + String(repeating: "0", count: -pointPosition) + digits
    }
    if pointPosition >= digits.count {
        return sign + digits + String(repeating: "0", count: pointPosition - digits.count) + (forceDecimalPoint ? ".0" : "")
    }
    let cut = digits.index(digits.startIndex, offsetBy: pointPosition)
    return sign + digits[..<cut] + "." + digits[cut...]
}

/// `pythonASCII` over code points, which may include lone surrogates (from `"\\ud800"`) that no
/// Swift string can hold.
func pythonASCII(codePoints: [UInt32]) -> String {
    let apostrophe = UInt32(UInt8(ascii: "'")), quotation = UInt32(UInt8(ascii: "\""))
    let quote = codePoints.contains(apostrophe) && !codePoints.contains(quotation) ? quotation : apostrophe
    var out = String(UnicodeScalar(UInt8(quote)))
    for value in codePoints {
        switch value {
        case 0x5C: out += "\\\\"
        case 0x0A: out += "\\n"
        case 0x0D: out += "\\r"
        case 0x09: out += "\\t"
        case quote: out += "\\" + String(UnicodeScalar(UInt8(quote)))
        case 0x20..<0x7F: out.unicodeScalars.append(UnicodeScalar(UInt8(value)))
        case 0..<0x100: out += "\\x" + hexDigits(value, width: 2).lowercased()
        case 0..<0x10000: out += "\\u" + hexDigits(value, width: 4).lowercased()
        default: out += "\\U" + hexDigits(value, width: 8).lowercased()
        }
    }
    return out + String(UnicodeScalar(UInt8(quote)))
}

func pythonBytesRepr(_ bytes: [UInt8]) -> String {
    let quote: UInt8 = bytes.contains(UInt8(ascii: "'")) && !bytes.contains(UInt8(ascii: "\"")) ? UInt8(ascii: "\"") : UInt8(ascii: "'")
    var out = "b" + String(UnicodeScalar(quote))
    for byte in bytes {
        switch byte {
        case UInt8(ascii: "\\"): out += "\\\\"
        case UInt8(ascii: "\n"): out += "\\n"
        case UInt8(ascii: "\r"): out += "\\r"
        case UInt8(ascii: "\t"): out += "\\t"
        case quote: out += "\\" + String(UnicodeScalar(quote))
        case 0x20..<0x7F: out.unicodeScalars.append(UnicodeScalar(byte))
        default: out += "\\x" + hexDigits(byte, width: 2).lowercased()
        }
    }
    return out + String(UnicodeScalar(quote))
}
