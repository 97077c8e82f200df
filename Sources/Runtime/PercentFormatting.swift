/// `template % args`: printf-style formatting of a str, with CPython 3.11's conversions,
/// flags and errors.
extension Formatting {
    /// `mapping` looks a `%(key)` up when `args` is a mapping in CPython's sense (it has
    /// `__getitem__` and is neither a tuple nor a str), which only the caller can tell of
    /// objects defined above the runtime; without it a dict is the one mapping.
    public static func percent(
        _ template: String, _ args: Value, mapping: ((Value) throws(PythonError) -> Value)? = nil
    ) throws(PythonError) -> String {
        var formatter = PercentFormatter(template: Array(template.utf8), args: args, mapping: mapping)
        return try formatter.run()
    }
}

/// Works on UTF-8 bytes: the syntax is ASCII, and other text passes through unchanged.
struct PercentFormatter {
    let template: [UInt8]
    /// CPython's argument cursor: a tuple's items in turn (`argumentCount` is its size);
    /// anything else is the `single` argument, taken once (`argumentCount` -1, `nextArgument`
    /// from -2). A `%(key)` conversion makes the value it looks up the single one, in the same
    /// way. The tuple's items sit in a Swift array: the tuple (on the caller's stack) keeps them
    /// alive; `single` is a field of this struct, which lives on the native stack.
    var arguments: [Value] = []
    var single = Value.null
    var argumentCount: Int
    var nextArgument: Int
    let mapping: ((Value) throws(PythonError) -> Value)?
    var position = 0
    var output: [UInt8] = []

    init(template: [UInt8], args: Value, mapping: ((Value) throws(PythonError) -> Value)?) {
        self.template = template
        output.reserveCapacity(template.count + 16)
        if args.kind == .tuple {
            arguments = (0..<Tuple.count(args)).map { Tuple.items(args)[$0] }
            (argumentCount, nextArgument) = (arguments.count, 0)
        } else {
            single = args
            (argumentCount, nextArgument) = (-1, -2)
        }
        self.mapping = mapping ?? (args.kind == .dict ? { key throws(PythonError) in try Self.dictItem(args, key) } : nil)
    }

    private static func dictItem(_ dict: Value, _ key: Value) throws(PythonError) -> Value {
        let value = try Dict.get(dict, key)
        if value.isNull { throw PythonError(exception: Exceptions.make(BuiltinException.keyError.type, arguments: [key])) }
        return value
    }

    mutating func run() throws(PythonError) -> String {
        while position < template.count {
            let c = template[position]
            position += 1
            if c != UInt8(ascii: "%") {
                output.append(c)
                continue
            }
            try conversion()
        }
        if nextArgument < argumentCount && mapping == nil {
            throw PythonError(.typeError, "not all arguments converted during string formatting")
        }
        return Formatting.string(output)
    }

    /// The flags, width and precision of one conversion.
    struct Conversion {
        var leftAlign = false, plus = false, space = false, alternate = false, zero = false
        var width = 0
        var precision: Int?
    }

    mutating func conversion() throws(PythonError) {
        guard position < template.count else { throw PythonError(.valueError, "incomplete format") }
        if template[position] == UInt8(ascii: "%") {
            output.append(UInt8(ascii: "%"))
            position += 1
            return
        }
        if template[position] == UInt8(ascii: "(") {
            single = try mappingValue()
            (argumentCount, nextArgument) = (-1, -2)
        }
        var spec = Conversion()
        flags: while position < template.count {
            switch template[position] {
            case UInt8(ascii: "-"): spec.leftAlign = true
            case UInt8(ascii: "+"): spec.plus = true
            case UInt8(ascii: " "): spec.space = true
            case UInt8(ascii: "#"): spec.alternate = true
            case UInt8(ascii: "0"): spec.zero = true
            default: break flags
            }
            position += 1
        }
        if let width = try number() {
            if width < 0 { spec.leftAlign = true }
            spec.width = abs(width)
        }
        if position < template.count && template[position] == UInt8(ascii: ".") {
            position += 1
            let precision = try number()
            spec.precision = max(0, precision ?? 0)
        }
        while position < template.count, template[position] == UInt8(ascii: "h") || template[position] == UInt8(ascii: "l")
                || template[position] == UInt8(ascii: "L") { position += 1 }
        guard position < template.count else { throw PythonError(.valueError, "incomplete format") }
        let typeIndex = position
        var next = position
        let type = scalar(at: &next)
        position = next
        try format(try takeArgument(), type: type, at: typeIndex, spec)
    }

    /// The value for a `%(key)` conversion.
    mutating func mappingValue() throws(PythonError) -> Value {
        var depth = 1
        var key: [UInt8] = []
        position += 1
        while position < template.count {
            let c = template[position]
            position += 1
            if c == UInt8(ascii: "(") { depth += 1 }
            if c == UInt8(ascii: ")") {
                depth -= 1
                if depth == 0 { break }
            }
            key.append(c)
        }
        if depth > 0 { throw PythonError(.valueError, "incomplete format key") }
        guard let mapping else { throw PythonError(.typeError, "format requires a mapping") }
        return try mapping(Str.make(Formatting.string(key)))
    }

    /// A width or precision: digits, or `*` taking an int argument.
    mutating func number() throws(PythonError) -> Int? {
        guard position < template.count else { return nil }
        if template[position] == UInt8(ascii: "*") {
            position += 1
            let value = try takeArgument()
            guard value.isSmallInt || value.kind == .bool else { throw PythonError(.typeError, "* wants int") }
            return Ints.unbool(value).smallInt
        }
        var result: Int?
        while position < template.count, template[position] >= UInt8(ascii: "0") && template[position] <= UInt8(ascii: "9") {
            result = (result ?? 0) * 10 + Int(template[position] - 48)
            position += 1
        }
        return result
    }

    mutating func takeArgument() throws(PythonError) -> Value {
        guard nextArgument < argumentCount else {
            throw PythonError(.typeError, "not enough arguments for format string")
        }
        nextArgument += 1
        return argumentCount < 0 ? single : arguments[nextArgument - 1]
    }

    mutating func format(_ value: Value, type: Unicode.Scalar, at index: Int, _ spec: Conversion) throws(PythonError) {
        switch type {
        case "s", "r", "a":
            var text = type == "s" ? try Objects.str(value) : try Objects.repr(value)
            if type == "a" { text = Objects.asciiOnly(text) }
            var length = text.unicodeScalars.count
            if let precision = spec.precision, length > precision {
                text = String(String.UnicodeScalarView(text.unicodeScalars.prefix(precision)))
                length = precision
            }
            append(text.utf8, length: length, spec)
        case "c":
            append(UTF8.encode(try character(value))!, length: 1, spec)
        case "d", "i", "u", "x", "X", "o":
            try appendInteger(value, type: type, spec)
        case "e", "E", "f", "F", "g", "G":
            try appendFloat(value, type: type, spec)
        default:
            let hex = String(type.value, radix: 16)
            // The index counts code points: the UTF-8 lead bytes before the type.
            let scalarIndex = template[..<index].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
            let shown = type.value >= 32 && type.value < 127 ? String(type) : "?"
            throw PythonError(.valueError, "unsupported format character '\(shown)' (0x\(hex)) at index \(scalarIndex)")
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
        if let index = try Ints.indexValue(value) {
            n = index
        } else if value.kind == .float && (type == "d" || type == "i" || type == "u") {
            n = try Ints.make(truncating: Floats.value(value))
        } else if type == "d" || type == "i" || type == "u" {
            throw PythonError(.typeError, "%\(type) format: a real number is required, not \(TypeObjects.name(value.type))")
        } else {
            throw PythonError(.typeError, "%\(type) format: an integer is required, not \(TypeObjects.name(value.type))")
        }
        let base = type == "x" || type == "X" ? 16 : (type == "o" ? 8 : 10)
        var text: [UInt8] = []
        text.reserveCapacity(24)
        if Ints.sign(n) < 0 {
            text.append(UInt8(ascii: "-"))
        } else if spec.plus || spec.space {
            text.append(spec.plus ? UInt8(ascii: "+") : UInt8(ascii: " "))
        }
        if spec.alternate && base != 10 {
            text.append(UInt8(ascii: "0"))
            text.append(UInt8(type.value))
        }
        let lead = text.count
        try Formatting.appendDigits(of: n, base: base, uppercase: type == "X", to: &text)
        if let precision = spec.precision, text.count - lead < precision {
            text.insert(contentsOf: repeatElement(UInt8(ascii: "0"), count: precision - (text.count - lead)), at: lead)
        }
        appendNumber(text, lead: lead, spec)
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
        var text: [UInt8] = [0]  // the sign's place
        if x.isNaN || x.isInfinite {
            if x < 0 { text.append(UInt8(ascii: "-")) }
            let upper = type == "E" || type == "F" || type == "G"
            text.append(contentsOf: (x.isNaN ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf")).utf8)
        } else {
            Formatting.printf(x, type: UInt8(type.value), precision: spec.precision ?? 6, alternate: spec.alternate, into: &text)
        }
        if text.count > 1 && text[1] == UInt8(ascii: "-") {
            text.removeFirst()
        } else if spec.plus || spec.space {
            text[0] = spec.plus ? UInt8(ascii: "+") : UInt8(ascii: " ")
        } else {
            text.removeFirst()
            appendNumber(text, lead: 0, spec)
            return
        }
        appendNumber(text, lead: 1, spec)
    }

    /// Pads a number: zeros go between the sign (and prefix) and the digits.
    /// `text` is ASCII: `lead` bytes of sign and prefix, then the digits.
    mutating func appendNumber(_ text: [UInt8], lead: Int, _ spec: Conversion) {
        let length = text.count
        if spec.zero && !spec.leftAlign && length < spec.width {
            output.append(contentsOf: text[..<lead])
            output.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: spec.width - length))
            output.append(contentsOf: text[lead...])
            return
        }
        append(text, length: length, spec)
    }

    /// Pads with spaces: the zero flag only applies to numbers. `text` is UTF-8, `length`
    /// code points long.
    mutating func append<C: Collection>(_ text: C, length: Int, _ spec: Conversion) where C.Element == UInt8 {
        let padding = max(0, spec.width - length)
        if !spec.leftAlign { output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: padding)) }
        output.append(contentsOf: text)
        if spec.leftAlign { output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: padding)) }
    }

    /// The code point starting at `position` (UTF-8), stepping past it.
    func scalar(at position: inout Int) -> Unicode.Scalar {
        let lead = template[position]
        let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        let end = min(position + length, template.count)
        let bytes = template[position..<end]
        position = end
        return String(decoding: bytes, as: UTF8.self).unicodeScalars.first ?? "\u{FFFD}"
    }
}
