import Glibc

/// `format(value, spec)` for the builtin types: the format-specification mini-language of
/// `str.format`, f-strings and `format()`, with CPython 3.11's results and messages.
public enum Formatting {
    public static func format(_ value: Value, _ spec: String) throws(PythonError) -> String {
        if spec.isEmpty { return try Objects.str(value) }
        let typeName = TypeObjects.name(value.type)
        switch value.kind {
        case .int, .bool: return try formatInt(Ints.unbool(value), try Spec(spec, forType: typeName, defaultType: "d"))
        case .float: return try formatFloat(Floats.value(value), try Spec(spec, forType: typeName, defaultType: nil))
        case .str: return try formatStr(Str.swiftString(value), try Spec(spec, forType: typeName, defaultType: "s"))
        default:
            throw PythonError(.typeError, "unsupported format string passed to \(typeName).__format__")
        }
    }

    /// A parsed `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`.
    struct Spec {
        var fill: Unicode.Scalar = " "
        var fillGiven = false
        var align: Unicode.Scalar?
        var sign: Unicode.Scalar?
        var noNegativeZero = false
        var alternate = false
        var zeroPadding = false
        var width = 0
        var grouping: Unicode.Scalar?
        var precision: Int?
        var type: Unicode.Scalar?
        let typeName: String

        /// `defaultType` is what an omitted type means for the value's type (CPython checks the
        /// grouping option against it: "Cannot specify ',' with 's'.").
        init(_ text: String, forType typeName: String, defaultType: Unicode.Scalar?) throws(PythonError) {
            self.typeName = typeName
            let chars = Array(text.unicodeScalars)
            var i = 0
            func at(_ k: Int) -> Unicode.Scalar? { k < chars.count ? chars[k] : nil }
            func isAlignment(_ c: Unicode.Scalar?) -> Bool { c == "<" || c == ">" || c == "=" || c == "^" }
            if isAlignment(at(1)) {
                fill = chars[0]
                fillGiven = true
                align = chars[1]
                i = 2
            } else if isAlignment(at(0)) {
                align = chars[0]
                i = 1
            }
            if let c = at(i), c == "+" || c == "-" || c == " " { sign = c; i += 1 }
            if at(i) == "z" { noNegativeZero = true; i += 1 }
            if at(i) == "#" { alternate = true; i += 1 }
            if !fillGiven && at(i) == "0" { zeroPadding = true; i += 1 }
            width = try Spec.integer(chars, &i) ?? 0
            if at(i) == "," { grouping = ","; i += 1 }
            if at(i) == "_" {
                if grouping != nil { throw PythonError(.valueError, "Cannot specify both ',' and '_'.") }
                grouping = "_"
                i += 1
            }
            if at(i) == "," { throw PythonError(.valueError, "Cannot specify both ',' and '_'.") }
            if at(i) == "." {
                i += 1
                guard let p = try Spec.integer(chars, &i) else {
                    throw PythonError(.valueError, "Format specifier missing precision")
                }
                precision = p
            }
            if chars.count - i > 1 {
                throw PythonError(.valueError, "Invalid format specifier '\(text)' for object of type '\(typeName)'")
            }
            type = at(i)
            if let grouping { try checkGrouping(grouping, type: type ?? defaultType) }
        }

        /// Digits at `i`, or nil when there are none.
        static func integer(_ chars: [Unicode.Scalar], _ i: inout Int) throws(PythonError) -> Int? {
            var value: Int?
            while i < chars.count, let digit = Int(String(chars[i])), chars[i].isASCII {
                let (shifted, overflow1) = (value ?? 0).multipliedReportingOverflow(by: 10)
                let (next, overflow2) = shifted.addingReportingOverflow(digit)
                if overflow1 || overflow2 { throw PythonError(.valueError, "Too many decimal digits in format string") }
                value = next
                i += 1
            }
            return value
        }

        func checkGrouping(_ separator: Unicode.Scalar, type: Unicode.Scalar?) throws(PythonError) {
            switch type {
            case nil, "d", "e", "f", "g", "E", "F", "G", "%": return
            case "b", "o", "x", "X": if separator == "_" { return }
            default: break
            }
            throw PythonError(.valueError, "Cannot specify '\(separator)' with '\(type!)'.")
        }

        func unknownType() -> PythonError {
            PythonError(.valueError, "Unknown format code '\(type!)' for object of type '\(typeName)'")
        }
    }

    // MARK: str

    static func formatStr(_ s: String, _ spec: Spec) throws(PythonError) -> String {
        if let type = spec.type, type != "s" { throw spec.unknownType() }
        if let sign = spec.sign {
            throw PythonError(.valueError, "\(sign == " " ? "Space" : "Sign") not allowed in string format specifier")
        }
        if spec.noNegativeZero { throw PythonError(.valueError, "Negative zero coercion (z) not allowed in string format specifier") }
        if spec.alternate { throw PythonError(.valueError, "Alternate form (#) not allowed in string format specifier") }
        if spec.align == "=" { throw PythonError(.valueError, "'=' alignment not allowed in string format specifier") }
        var scalars = Array(s.unicodeScalars)
        if let precision = spec.precision, scalars.count > precision { scalars = Array(scalars.prefix(precision)) }
        let fill: Unicode.Scalar = spec.zeroPadding ? "0" : spec.fill
        return pad(scalars, width: spec.width, fill: fill, align: spec.align ?? "<")
    }

    /// `text` padded to `width` with `fill`, aligned left, right or centre (left-biased).
    static func pad(_ text: [Unicode.Scalar], width: Int, fill: Unicode.Scalar, align: Unicode.Scalar) -> String {
        let total = max(0, width - text.count)
        let (left, right): (Int, Int)
        switch align {
        case "<": (left, right) = (0, total)
        case "^": (left, right) = (total / 2, total - total / 2)
        default: (left, right) = (total, 0)
        }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: repeatElement(fill, count: left))
        out.append(contentsOf: text)
        out.append(contentsOf: repeatElement(fill, count: right))
        return String(out)
    }

    // MARK: numbers

    /// A number in parts: sign, prefix (0x), integer digits (grouped later), the rest (the
    /// fraction, the exponent, a percent sign).
    struct NumberParts {
        var sign = ""
        var prefix = ""
        var digits = ""
        var rest = ""
    }

    static func formatInt(_ n: Value, _ spec: Spec) throws(PythonError) -> String {
        let type = spec.type ?? "d"
        switch type {
        case "e", "E", "f", "F", "g", "G", "%":
            return try formatFloat(try Ints.toDouble(n), spec)
        case "b", "o", "x", "X", "d", "n", "c":
            break
        default:
            throw spec.unknownType()
        }
        if spec.precision != nil { throw PythonError(.valueError, "Precision not allowed in integer format specifier") }
        if spec.noNegativeZero { throw PythonError(.valueError, "Negative zero coercion (z) not allowed in integer format specifier") }
        if type == "c" {
            if spec.sign != nil { throw PythonError(.valueError, "Sign not allowed with integer format specifier 'c'") }
            if spec.alternate { throw PythonError(.valueError, "Alternate form (#) not allowed with integer format specifier 'c'") }
            guard n.isSmallInt || Ints.mpzFitsMachineInt(n) else {
                throw PythonError(.overflowError, "Python int too large to convert to C long")
            }
            guard n.isSmallInt, (0..<0x110000).contains(n.smallInt), let scalar = Unicode.Scalar(UInt32(n.smallInt)) ?? surrogateStandIn(n.smallInt) else {
                throw PythonError(.overflowError, "%c arg not in range(0x110000)")
            }
            return pad([scalar], width: spec.width, fill: spec.zeroPadding ? "0" : spec.fill, align: spec.align ?? (spec.zeroPadding ? "=" : ">"))
        }
        var parts = NumberParts()
        let negative = Ints.sign(n) < 0
        parts.sign = negative ? "-" : signText(spec)
        let base: Int32 = type == "b" ? 2 : type == "o" ? 8 : (type == "x" || type == "X") ? 16 : 10
        var digits = try Ints.text(Ints.absolute(n), base: base)
        if type == "X" { digits = digits.uppercased() }
        parts.digits = digits
        if spec.alternate && base != 10 { parts.prefix = "0" + String(type) }
        return layOut(parts, spec, groupSize: base == 10 ? 3 : 4)
    }

    /// `%c` of a lone surrogate: Swift has no scalar for it; U+FFFD stands in when printing.
    static func surrogateStandIn(_ code: Int) -> Unicode.Scalar? { (0xD800...0xDFFF).contains(code) ? "\u{FFFD}" : nil }

    static func signText(_ spec: Spec) -> String {
        switch spec.sign {
        case "+": return "+"
        case " ": return " "
        default: return ""
        }
    }

    static func formatFloat(_ value: Double, _ spec: Spec) throws(PythonError) -> String {
        var type = spec.type ?? "r"
        switch type {
        case "e", "E", "f", "F", "g", "G", "%", "n", "r": break
        default: throw spec.unknownType()
        }
        if type == "n" { type = "g" }
        var x = value
        var percent = false
        if type == "%" {
            type = "f"
            x *= 100
            percent = true
        }
        var text: String
        if x.isNaN || x.isInfinite {
            let word = x.isNaN ? "nan" : "inf"
            text = (type == "E" || type == "F" || type == "G") ? word.uppercased() : word
            if x.isInfinite && x < 0 { text = "-" + text }
        } else if type == "r" {
            text = shortestOrGeneral(x, precision: spec.precision, alternate: spec.alternate)
        } else {
            text = printf(x, type: String(type), precision: spec.precision ?? 6, alternate: spec.alternate)
        }
        var parts = NumberParts()
        if text.hasPrefix("-") {
            text.removeFirst()
            let isZero = !text.contains(where: { ("1"..."9").contains($0) })
            parts.sign = spec.noNegativeZero && isZero && !x.isInfinite ? signText(spec) : "-"
        } else {
            parts.sign = signText(spec)
        }
        let integerEnd = text.firstIndex(where: { !$0.isNumber }) ?? text.endIndex
        parts.digits = String(text[..<integerEnd])
        parts.rest = String(text[integerEnd...]) + (percent ? "%" : "")
        return layOut(parts, spec, groupSize: 3)
    }

    /// The float of a spec with no type: repr without a precision; with one, like 'g' but with
    /// a digit after the point, and exponent form already when the exponent reaches
    /// precision - 1 (CPython's quirk: format(100.0, '.3') is '1e+02').
    static func shortestOrGeneral(_ x: Double, precision: Int?, alternate: Bool) -> String {
        guard let precision else {
            let text = Floats.repr(x)
            guard alternate, let e = text.firstIndex(of: "e"), !text[..<e].contains(".") else { return text }
            return String(text[..<e]) + "." + String(text[e...])
        }
        let digits = max(precision, 1)
        let scientific = printf(x, type: "e", precision: digits - 1, alternate: alternate)
        let exponent = Int(scientific[scientific.index(after: scientific.firstIndex(of: "e")!)...])!
        if exponent < -4 || exponent >= digits - 1 {
            return alternate ? scientific : withoutTrailingZeros(scientific)
        }
        let fixed = printf(x, type: "g", precision: digits, alternate: alternate)
        return fixed.contains(".") ? fixed : fixed + ".0"
    }

    /// "1.500e+02" as "1.5e+02", "1.000e+02" as "1e+02".
    static func withoutTrailingZeros(_ scientific: String) -> String {
        let e = scientific.firstIndex(of: "e")!
        var mantissa = scientific[..<e]
        guard mantissa.contains(".") else { return scientific }
        while mantissa.last == "0" { mantissa.removeLast() }
        if mantissa.last == "." { mantissa.removeLast() }
        return String(mantissa) + String(scientific[e...])
    }

    /// C's printf of one double: glibc rounds the exact binary value correctly, as CPython's
    /// own conversion does.
    static func printf(_ x: Double, type: String, precision: Int, alternate: Bool) -> String {
        let format = "%" + (alternate ? "#" : "") + ".*" + type
        let capacity = 400 + precision
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: capacity) { buffer in
            _ = withVaList([Int32(clamping: precision), x]) { vsnprintf(buffer.baseAddress, capacity, format, $0) }
            return String(cString: buffer.baseAddress!)
        }
    }

    /// Groups the digits, then pads: with '=' alignment (or zero padding) the padding goes
    /// between the sign and the digits, and zero padding is itself grouped, as CPython does.
    static func layOut(_ parts: NumberParts, _ spec: Spec, groupSize: Int) -> String {
        let fill: Unicode.Scalar = spec.zeroPadding ? "0" : spec.fill
        let align = spec.align ?? (spec.zeroPadding ? "=" : ">")
        let leading = parts.sign.unicodeScalars.count + parts.prefix.unicodeScalars.count
        var digits = parts.digits
        if align == "=" && fill == "0" {
            let minimum = spec.width - leading - parts.rest.unicodeScalars.count
            digits = group(digits, separator: spec.grouping, size: groupSize, minimumWidth: minimum)
        } else {
            digits = group(digits, separator: spec.grouping, size: groupSize, minimumWidth: 0)
        }
        let body = digits + parts.rest
        if align == "=" {
            let padding = max(0, spec.width - leading - body.unicodeScalars.count)
            return parts.sign + parts.prefix + String(String.UnicodeScalarView(repeatElement(fill, count: padding))) + body
        }
        let whole = Array((parts.sign + parts.prefix + body).unicodeScalars)
        return pad(whole, width: spec.width, fill: fill, align: align)
    }

    /// CPython's digit grouping: groups of `size` from the right, padded with zeros (grouped
    /// too) until the result is at least `minimumWidth` long.
    static func group(_ digits: String, separator: Unicode.Scalar?, size: Int, minimumWidth: Int) -> String {
        let chars = Array(digits)
        guard let separator, !chars.isEmpty else {
            return String(repeating: "0", count: max(0, minimumWidth - chars.count)) + digits
        }
        var groups: [String] = []
        var remaining = chars.count
        var minimum = minimumWidth
        while true {
            let length = min(size, max(remaining, minimum, 1))
            let zeros = max(0, length - remaining)
            let taken = max(0, min(remaining, length))
            groups.append(String(repeating: "0", count: zeros) + String(chars[(remaining - taken)..<remaining]))
            remaining -= taken
            minimum -= length
            if remaining <= 0 && minimum <= 0 { break }
            minimum -= 1
        }
        return groups.reversed().joined(separator: String(separator))
    }
}
