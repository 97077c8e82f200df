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
        /// grouping option against it: "Cannot specify ',' with 's'."). ASCII specs are read as
        /// bytes in place; others as an array of code points.
        init(_ text: String, forType typeName: String, defaultType: Unicode.Scalar?) throws(PythonError) {
            var contiguous = text
            let parsed = contiguous.withUTF8 { bytes -> Result<Spec, PythonError>? in
                guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
                return Spec.parse(bytes, text: text, typeName: typeName, defaultType: defaultType)
            } ?? Spec.parse(text.unicodeScalars.map(\.value), text: text, typeName: typeName, defaultType: defaultType)
            self = try parsed.get()
        }

        init(typeName: String) { self.typeName = typeName }

        static func parse<C: RandomAccessCollection>(_ chars: C, text: String, typeName: String, defaultType: Unicode.Scalar?)
            -> Result<Spec, PythonError> where C.Index == Int, C.Element: FixedWidthInteger {
            var spec = Spec(typeName: typeName)
            let count = chars.count
            var i = 0
            func at(_ k: Int) -> UInt32 { k < count ? UInt32(chars[chars.startIndex + k]) : 0 }
            func scalar(_ k: Int) -> Unicode.Scalar { Unicode.Scalar(at(k)) ?? "\u{FFFD}" }
            func isAlignment(_ c: UInt32) -> Bool { c == 0x3C || c == 0x3E || c == 0x3D || c == 0x5E }
            if count > 1 && isAlignment(at(1)) {
                spec.fill = scalar(0)
                spec.fillGiven = true
                spec.align = scalar(1)
                i = 2
            } else if count > 0 && isAlignment(at(0)) {
                spec.align = scalar(0)
                i = 1
            }
            let c = at(i)
            if i < count && (c == 0x2B || c == 0x2D || c == 0x20) { spec.sign = scalar(i); i += 1 }
            if i < count && at(i) == 0x7A { spec.noNegativeZero = true; i += 1 }
            if i < count && at(i) == 0x23 { spec.alternate = true; i += 1 }
            if !spec.fillGiven && i < count && at(i) == 0x30 { spec.zeroPadding = true; i += 1 }
            // Digits at `i`, or nil when there are none; false on overflow.
            func integer(_ value: inout Int?) -> Bool {
                while i < count, at(i) >= 0x30 && at(i) <= 0x39 {
                    let (shifted, overflow1) = (value ?? 0).multipliedReportingOverflow(by: 10)
                    let (next, overflow2) = shifted.addingReportingOverflow(Int(at(i) - 0x30))
                    if overflow1 || overflow2 { return false }
                    value = next
                    i += 1
                }
                return true
            }
            var width: Int?
            guard integer(&width) else { return .failure(PythonError(.valueError, "Too many decimal digits in format string")) }
            spec.width = width ?? 0
            if i < count && at(i) == 0x2C { spec.grouping = ","; i += 1 }
            if i < count && at(i) == 0x5F {
                if spec.grouping != nil { return .failure(PythonError(.valueError, "Cannot specify both ',' and '_'.")) }
                spec.grouping = "_"
                i += 1
            }
            if i < count && at(i) == 0x2C { return .failure(PythonError(.valueError, "Cannot specify both ',' and '_'.")) }
            if i < count && at(i) == 0x2E {
                i += 1
                var precision: Int?
                guard integer(&precision) else { return .failure(PythonError(.valueError, "Too many decimal digits in format string")) }
                guard let precision else { return .failure(PythonError(.valueError, "Format specifier missing precision")) }
                spec.precision = precision
            }
            if count - i > 1 {
                return .failure(PythonError(.valueError, "Invalid format specifier '\(text)' for object of type '\(typeName)'"))
            }
            spec.type = i < count ? scalar(i) : nil
            if let grouping = spec.grouping {
                do throws(PythonError) {
                    try spec.checkGrouping(grouping, type: spec.type ?? defaultType)
                } catch {
                    return .failure(error)
                }
            }
            return .success(spec)
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
            // CPython shows codes outside 33...127 in hex.
            let code = type!.value
            let shown = code > 32 && code < 128 ? String(type!) : "\\x" + String(code, radix: 16)
            return PythonError(.valueError, "Unknown format code '\(shown)' for object of type '\(typeName)'")
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
        var text = s
        var length = s.unicodeScalars.count
        if let precision = spec.precision, length > precision {
            text = String(String.UnicodeScalarView(s.unicodeScalars.prefix(precision)))
            length = precision
        }
        if length >= spec.width { return text }
        let fill: Unicode.Scalar = spec.zeroPadding ? "0" : spec.fill
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + (spec.width - length) * 4)
        pad(text.utf8, length: length, width: spec.width, fill: fill, align: spec.align ?? "<", into: &out)
        return string(out)
    }

    /// The UTF-8 `bytes` as a String.
    @inline(__always)
    static func string(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    /// `count` copies of `fill`, UTF-8 encoded.
    @inline(__always)
    static func appendFill(_ fill: Unicode.Scalar, count: Int, to out: inout [UInt8]) {
        guard count > 0 else { return }
        if fill.isASCII {
            out.append(contentsOf: repeatElement(UInt8(fill.value), count: count))
        } else {
            for _ in 0..<count { out.append(contentsOf: UTF8.encode(fill)!) }
        }
    }

    /// `text` (UTF-8, `length` scalars long) padded to `width` with `fill`, aligned left,
    /// right or centre (left-biased).
    static func pad<C: Collection>(_ text: C, length: Int, width: Int, fill: Unicode.Scalar, align: Unicode.Scalar, into out: inout [UInt8]) where C.Element == UInt8 {
        let total = max(0, width - length)
        let (left, right): (Int, Int)
        switch align {
        case "<": (left, right) = (0, total)
        case "^": (left, right) = (total / 2, total - total / 2)
        default: (left, right) = (total, 0)
        }
        appendFill(fill, count: left, to: &out)
        out.append(contentsOf: text)
        appendFill(fill, count: right, to: &out)
    }

    // MARK: numbers

    /// The digits of `magnitude` in `base` (2 to 36), appended to `out`.
    static func appendDigits(_ magnitude: UInt, base: Int, uppercase: Bool, to out: inout [UInt8]) {
        let start = out.count
        var m = magnitude
        let letters = uppercase ? UInt8(ascii: "A") - 10 : UInt8(ascii: "a") - 10
        let b = UInt(base)
        repeat {
            let d = UInt8(truncatingIfNeeded: m % b)
            out.append(d < 10 ? d + 48 : d + letters)
            m /= b
        } while m > 0
        out[start...].reverse()
    }

    /// The digits of |n| in `base`, appended to `out`.
    static func appendDigits(of n: Value, base: Int, uppercase: Bool, to out: inout [UInt8]) throws(PythonError) {
        if n.isSmallInt {
            appendDigits(n.smallInt.magnitude, base: base, uppercase: uppercase, to: &out)
            return
        }
        let digits = try Ints.text(Ints.absolute(n), base: Int32(base))
        if uppercase {
            out.append(contentsOf: digits.utf8.map { $0 >= 97 && $0 <= 122 ? $0 - 32 : $0 })
        } else {
            out.append(contentsOf: digits.utf8)
        }
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
            var out: [UInt8] = []
            pad(UTF8.encode(scalar)!, length: 1, width: spec.width, fill: spec.zeroPadding ? "0" : spec.fill, align: spec.align ?? (spec.zeroPadding ? "=" : ">"), into: &out)
            return string(out)
        }
        let negative = Ints.sign(n) < 0
        let base = type == "b" ? 2 : type == "o" ? 8 : (type == "x" || type == "X") ? 16 : 10
        var body: [UInt8] = []
        body.reserveCapacity(24)
        try appendDigits(of: n, base: base, uppercase: type == "X", to: &body)
        let prefix: UInt8 = spec.alternate && base != 10 ? UInt8(type.value) : 0
        return layOut(sign: negative ? UInt8(ascii: "-") : signByte(spec), prefix: prefix, body: body, digitCount: body.count,
                      spec, groupSize: base == 10 ? 3 : 4)
    }

    /// `%c` of a lone surrogate: Swift has no scalar for it; U+FFFD stands in when printing.
    static func surrogateStandIn(_ code: Int) -> Unicode.Scalar? { (0xD800...0xDFFF).contains(code) ? "\u{FFFD}" : nil }

    /// The sign a nonnegative number shows: '+', ' ', or 0 for none.
    static func signByte(_ spec: Spec) -> UInt8 {
        switch spec.sign {
        case "+": return UInt8(ascii: "+")
        case " ": return UInt8(ascii: " ")
        default: return 0
        }
    }

    static func formatFloat(_ value: Double, _ spec: Spec) throws(PythonError) -> String {
        // "r" stands for "no type" below; written in a spec it is unknown, as in CPython.
        switch spec.type {
        case nil, "e", "E", "f", "F", "g", "G", "%", "n": break
        default: throw spec.unknownType()
        }
        var type = spec.type ?? "r"
        if type == "n" { type = "g" }
        var x = value
        var percent = false
        if type == "%" {
            type = "f"
            x *= 100
            percent = true
        }
        var text: [UInt8] = []
        if x.isNaN || x.isInfinite {
            if x.isInfinite && x < 0 { text.append(UInt8(ascii: "-")) }
            let upper = type == "E" || type == "F" || type == "G"
            text.append(contentsOf: (x.isNaN ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf")).utf8)
        } else if type == "r" {
            text.append(contentsOf: shortestOrGeneral(x, precision: spec.precision, alternate: spec.alternate).utf8)
        } else {
            printf(x, type: UInt8(type.value), precision: spec.precision ?? 6, alternate: spec.alternate, into: &text)
        }
        var sign: UInt8
        if text.first == UInt8(ascii: "-") {
            text.removeFirst()
            let isZero = !text.contains(where: { $0 >= UInt8(ascii: "1") && $0 <= UInt8(ascii: "9") })
            sign = spec.noNegativeZero && isZero && !x.isInfinite ? signByte(spec) : UInt8(ascii: "-")
        } else {
            sign = signByte(spec)
        }
        let digitCount = text.firstIndex(where: { $0 < UInt8(ascii: "0") || $0 > UInt8(ascii: "9") }) ?? text.count
        if percent { text.append(UInt8(ascii: "%")) }
        return layOut(sign: sign, prefix: 0, body: text, digitCount: digitCount, spec, groupSize: 3)
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
        var out: [UInt8] = []
        printf(x, type: type.utf8.first!, precision: precision, alternate: alternate, into: &out)
        return string(out)
    }

    /// glibc's `strfromd` (C2x; the Glibc module does not declare it): printf of one double
    /// without a va_list, whose Swift builder casts every argument dynamically.
    typealias StrFromD = @convention(c) (UnsafeMutablePointer<CChar>?, Int, UnsafePointer<CChar>?, Double) -> Int32
    static let strfromd: StrFromD? = dlsym(nil, "strfromd").map { unsafeBitCast($0, to: StrFromD.self) }

    /// `printf` appending its ASCII output to `out`.
    static func printf(_ x: Double, type: UInt8, precision: Int, alternate: Bool, into out: inout [UInt8]) {
        let capacity = 400 + precision
        if !alternate, precision < 1000, let strfromd {
            // "%.<precision><type>": strfromd takes no flags and no '*'.
            withUnsafeTemporaryAllocation(of: CChar.self, capacity: capacity + 16) { buffer in
                let format = buffer.baseAddress! + capacity
                format[0] = CChar(UInt8(ascii: "%"))
                format[1] = CChar(UInt8(ascii: "."))
                var k = 2
                if precision >= 100 { format[k] = CChar(48 + precision / 100); k += 1 }
                if precision >= 10 { format[k] = CChar(48 + precision / 10 % 10); k += 1 }
                format[k] = CChar(48 + precision % 10)
                format[k + 1] = CChar(bitPattern: type)
                format[k + 2] = 0
                let written = strfromd(buffer.baseAddress, capacity, format, x)
                let n = min(Int(written), capacity - 1)
                buffer.baseAddress!.withMemoryRebound(to: UInt8.self, capacity: n) {
                    out.append(contentsOf: UnsafeBufferPointer(start: $0, count: n))
                }
            }
            return
        }
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: capacity + 8) { buffer in
            // The format, "%.*f" or "%#.*f", sits past the output area.
            let format = buffer.baseAddress! + capacity
            var k = 0
            for c in (alternate ? "%#.*" : "%.*").utf8 {
                format[k] = CChar(bitPattern: c)
                k += 1
            }
            format[k] = CChar(bitPattern: type)
            format[k + 1] = 0
            let written = withVaList([Int32(clamping: precision), x]) { vsnprintf(buffer.baseAddress, capacity, format, $0) }
            let n = min(Int(written), capacity - 1)
            buffer.baseAddress!.withMemoryRebound(to: UInt8.self, capacity: n) {
                out.append(contentsOf: UnsafeBufferPointer(start: $0, count: n))
            }
        }
    }

    /// Groups the digits, then pads: with '=' alignment (or zero padding) the padding goes
    /// between the sign and the digits, and zero padding is itself grouped, as CPython does.
    /// A number is a sign byte (0 for none), a prefix ("0" and the type byte; 0 for none),
    /// then `body`: `digitCount` integer digits, then the rest (fraction, exponent, '%'),
    /// all ASCII.
    static func layOut(sign: UInt8, prefix: UInt8, body: [UInt8], digitCount: Int, _ spec: Spec, groupSize: Int) -> String {
        let fill: Unicode.Scalar = spec.zeroPadding ? "0" : spec.fill
        let align = spec.align ?? (spec.zeroPadding ? "=" : ">")
        let leading = (sign != 0 ? 1 : 0) + (prefix != 0 ? 2 : 0)
        let restCount = body.count - digitCount
        let minimum = align == "=" && fill == "0" ? spec.width - leading - restCount : 0
        var out: [UInt8] = []
        out.reserveCapacity(max(spec.width, body.count + leading) + 8)
        // Everything but the padding, in order, into `out`.
        func number(_ out: inout [UInt8], padding: Int) {
            if sign != 0 { out.append(sign) }
            if prefix != 0 {
                out.append(UInt8(ascii: "0"))
                out.append(prefix)
            }
            appendFill(fill, count: padding, to: &out)
            group(body[..<digitCount], separator: spec.grouping, size: groupSize, minimumWidth: minimum, into: &out)
            out.append(contentsOf: body[digitCount...])
        }
        let digitsLength = groupedLength(digitCount, separator: spec.grouping, size: groupSize, minimumWidth: minimum)
        let length = leading + digitsLength + restCount
        let total = max(0, spec.width - length)
        switch align {
        case "=": number(&out, padding: total)
        case "<":
            number(&out, padding: 0)
            appendFill(fill, count: total, to: &out)
        case "^":
            appendFill(fill, count: total / 2, to: &out)
            number(&out, padding: 0)
            appendFill(fill, count: total - total / 2, to: &out)
        default:
            appendFill(fill, count: total, to: &out)
            number(&out, padding: 0)
        }
        return string(out)
    }

    /// The length `group` writes.
    static func groupedLength(_ count: Int, separator: Unicode.Scalar?, size: Int, minimumWidth: Int) -> Int {
        guard separator != nil, count > 0 else { return max(count, minimumWidth) }
        var length = 0
        var remaining = count
        var minimum = minimumWidth
        while true {
            let groupLength = min(size, max(remaining, minimum, 1))
            length += groupLength
            remaining -= max(0, min(remaining, groupLength))
            minimum -= groupLength
            if remaining <= 0 && minimum <= 0 { break }
            minimum -= 1
            length += 1
        }
        return length
    }

    /// CPython's digit grouping: groups of `size` from the right, padded with zeros (grouped
    /// too) until the result is at least `minimumWidth` long; appended to `out`.
    static func group(_ digits: ArraySlice<UInt8>, separator: Unicode.Scalar?, size: Int, minimumWidth: Int, into out: inout [UInt8]) {
        guard let separator, !digits.isEmpty else {
            out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: max(0, minimumWidth - digits.count)))
            out.append(contentsOf: digits)
            return
        }
        // Built from the right, reversed, then flipped into place.
        let start = out.count
        let base = digits.startIndex
        var remaining = digits.count
        var minimum = minimumWidth
        while true {
            let length = min(size, max(remaining, minimum, 1))
            let zeros = max(0, length - remaining)
            let taken = max(0, min(remaining, length))
            var k = remaining - 1
            while k >= remaining - taken {
                out.append(digits[base + k])
                k -= 1
            }
            out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: zeros))
            remaining -= taken
            minimum -= length
            if remaining <= 0 && minimum <= 0 { break }
            minimum -= 1
            out.append(UInt8(separator.value))
        }
        out[start...].reverse()
    }
}
