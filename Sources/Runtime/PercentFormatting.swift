/// `template % args`: printf-style formatting of a str, with CPython 3.11's conversions,
/// flags and errors.
extension Formatting {
    public static func percent(_ template: String, _ args: Value) throws(PythonError) -> String {
        var formatter = PercentFormatter(template: Array(template.unicodeScalars), args: args)
        return try formatter.run()
    }
}

struct PercentFormatter {
    let template: [Unicode.Scalar]
    /// The arguments when `args` is a tuple; otherwise `args` is the one argument.
    let arguments: [Value]
    let mapping: Value?
    var nextArgument = 0
    var position = 0
    var output = String.UnicodeScalarView()

    init(template: [Unicode.Scalar], args: Value) {
        self.template = template
        if args.kind == .tuple {
            arguments = (0..<Tuple.count(args)).map { Tuple.items(args)[$0] }
        } else {
            arguments = [args]
        }
        mapping = args.kind == .dict ? args : nil
    }

    mutating func run() throws(PythonError) -> String {
        // The argument values sit in a Swift array; the args tuple (on the caller's stack)
        // keeps them alive.
        while position < template.count {
            let c = template[position]
            position += 1
            if c != "%" {
                output.append(c)
                continue
            }
            try conversion()
        }
        if nextArgument < arguments.count && mapping == nil {
            throw PythonError(.typeError, "not all arguments converted during string formatting")
        }
        return String(output)
    }

    /// The flags, width and precision of one conversion.
    struct Conversion {
        var leftAlign = false, plus = false, space = false, alternate = false, zero = false
        var width = 0
        var precision: Int?
    }

    mutating func conversion() throws(PythonError) {
        guard position < template.count else { throw PythonError(.valueError, "incomplete format") }
        if template[position] == "%" {
            output.append("%")
            position += 1
            return
        }
        var keyed: Value?
        if template[position] == "(" {
            keyed = try mappingValue()
        }
        var spec = Conversion()
        flags: while position < template.count {
            switch template[position] {
            case "-": spec.leftAlign = true
            case "+": spec.plus = true
            case " ": spec.space = true
            case "#": spec.alternate = true
            case "0": spec.zero = true
            default: break flags
            }
            position += 1
        }
        if let width = try number(keyed: keyed) {
            if width < 0 { spec.leftAlign = true }
            spec.width = abs(width)
        }
        if position < template.count && template[position] == "." {
            position += 1
            let precision = try number(keyed: keyed)
            spec.precision = max(0, precision ?? 0)
        }
        while position < template.count, ["h", "l", "L"].contains(template[position]) { position += 1 }
        guard position < template.count else { throw PythonError(.valueError, "incomplete format") }
        let type = template[position]
        let typeIndex = position
        position += 1
        let value: Value
        if let keyed { value = keyed } else { value = try takeArgument() }
        try format(value, type: type, at: typeIndex, spec)
    }

    /// The value for a `%(key)` conversion.
    mutating func mappingValue() throws(PythonError) -> Value {
        var depth = 1
        var key = String.UnicodeScalarView()
        position += 1
        while position < template.count {
            let c = template[position]
            position += 1
            if c == "(" { depth += 1 }
            if c == ")" {
                depth -= 1
                if depth == 0 { break }
            }
            key.append(c)
        }
        if depth > 0 { throw PythonError(.valueError, "incomplete format key") }
        guard let mapping else { throw PythonError(.typeError, "format requires a mapping") }
        let keyValue = Str.make(String(key))
        let value = try Dict.get(mapping, keyValue)
        if value.isNull { throw PythonError(exception: Exceptions.make(BuiltinException.keyError.type, arguments: [keyValue])) }
        return value
    }

    /// A width or precision: digits, or `*` taking an int argument.
    mutating func number(keyed: Value?) throws(PythonError) -> Int? {
        guard position < template.count else { return nil }
        if template[position] == "*" {
            position += 1
            let value = try takeArgument()
            guard value.isSmallInt || value.kind == .bool else { throw PythonError(.typeError, "* wants int") }
            return Ints.unbool(value).smallInt
        }
        var result: Int?
        while position < template.count, let digit = template[position].properties.numericType == .decimal && template[position].isASCII
                ? Int(template[position].value - 48) : nil {
            result = (result ?? 0) * 10 + digit
            position += 1
        }
        return result
    }

    mutating func takeArgument() throws(PythonError) -> Value {
        guard nextArgument < arguments.count else {
            throw PythonError(.typeError, "not enough arguments for format string")
        }
        nextArgument += 1
        return arguments[nextArgument - 1]
    }

    mutating func format(_ value: Value, type: Unicode.Scalar, at index: Int, _ spec: Conversion) throws(PythonError) {
        switch type {
        case "s", "r", "a":
            var text = type == "s" ? try Objects.str(value) : try Objects.repr(value)
            if type == "a" { text = Objects.asciiOnly(text) }
            var scalars = Array(text.unicodeScalars)
            if let precision = spec.precision, scalars.count > precision { scalars = Array(scalars.prefix(precision)) }
            append(scalars, spec)
        case "c":
            append([try character(value)], spec)
        case "d", "i", "u", "x", "X", "o":
            try appendInteger(value, type: type, spec)
        case "e", "E", "f", "F", "g", "G":
            try appendFloat(value, type: type, spec)
        default:
            let hex = String(type.value, radix: 16)
            throw PythonError(.valueError, "unsupported format character '\(type)' (0x\(hex)) at index \(index)")
        }
    }

    func character(_ value: Value) throws(PythonError) -> Unicode.Scalar {
        if value.kind == .str {
            guard Str.count(value) == 1 else { throw PythonError(.typeError, "%c requires int or char") }
            return Unicode.Scalar(Str.codePoint(value, at: 0)) ?? "\u{FFFD}"
        }
        guard Ints.isInt(value) else { throw PythonError(.typeError, "%c requires int or char") }
        let n = Ints.unbool(value)
        guard n.isSmallInt, (0..<0x110000).contains(n.smallInt) else {
            throw PythonError(.overflowError, "%c arg not in range(0x110000)")
        }
        return Unicode.Scalar(UInt32(n.smallInt)) ?? "\u{FFFD}"
    }

    mutating func appendInteger(_ value: Value, type: Unicode.Scalar, _ spec: Conversion) throws(PythonError) {
        let n: Value
        if Ints.isInt(value) {
            n = Ints.unbool(value)
        } else if value.kind == .float && (type == "d" || type == "i" || type == "u") {
            n = try Ints.make(truncating: Floats.value(value))
        } else if type == "d" || type == "i" || type == "u" {
            throw PythonError(.typeError, "%\(type) format: a real number is required, not \(TypeObjects.name(value.type))")
        } else {
            throw PythonError(.typeError, "%\(type) format: an integer is required, not \(TypeObjects.name(value.type))")
        }
        let base: Int32 = type == "x" || type == "X" ? 16 : (type == "o" ? 8 : 10)
        var digits = try Ints.text(Ints.absolute(n), base: base)
        if type == "X" { digits = digits.uppercased() }
        if let precision = spec.precision, digits.count < precision {
            digits = String(repeating: "0", count: precision - digits.count) + digits
        }
        let sign = Ints.sign(n) < 0 ? "-" : (spec.plus ? "+" : (spec.space ? " " : ""))
        let prefix = spec.alternate && base != 10 ? "0" + (type == "o" ? "o" : String(type)) : ""
        appendNumber(sign + prefix, digits, spec)
    }

    mutating func appendFloat(_ value: Value, type: Unicode.Scalar, _ spec: Conversion) throws(PythonError) {
        let x: Double
        if value.kind == .float {
            x = Floats.value(value)
        } else if Ints.isInt(value) {
            x = try Ints.toDouble(Ints.unbool(value))
        } else {
            throw PythonError(.typeError, "must be real number, not \(TypeObjects.name(value.type))")
        }
        var text: String
        if x.isNaN || x.isInfinite {
            text = x.isNaN ? "nan" : (x < 0 ? "-inf" : "inf")
            if type == "E" || type == "F" || type == "G" { text = text.uppercased() }
        } else {
            text = Formatting.printf(x, type: String(type), precision: spec.precision ?? 6, alternate: spec.alternate)
        }
        var sign = spec.plus ? "+" : (spec.space ? " " : "")
        if text.hasPrefix("-") {
            sign = "-"
            text.removeFirst()
        }
        appendNumber(sign, text, spec)
    }

    /// Pads a number: zeros go between the sign (and prefix) and the digits.
    mutating func appendNumber(_ lead: String, _ digits: String, _ spec: Conversion) {
        let length = lead.unicodeScalars.count + digits.unicodeScalars.count
        if spec.zero && !spec.leftAlign && length < spec.width {
            output.append(contentsOf: lead.unicodeScalars)
            output.append(contentsOf: repeatElement("0", count: spec.width - length))
            output.append(contentsOf: digits.unicodeScalars)
            return
        }
        append(Array((lead + digits).unicodeScalars), spec)
    }

    /// Pads with spaces: the zero flag only applies to numbers.
    mutating func append(_ text: [Unicode.Scalar], _ spec: Conversion) {
        let padding = max(0, spec.width - text.count)
        if !spec.leftAlign { output.append(contentsOf: repeatElement(" ", count: padding)) }
        output.append(contentsOf: text)
        if spec.leftAlign { output.append(contentsOf: repeatElement(" ", count: padding)) }
    }
}
