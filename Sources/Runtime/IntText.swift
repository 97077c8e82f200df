import CGMP

/// Conversions between ints and text, with CPython's limit on decimal digits.
extension Ints {
    /// CPython 3.11's default `sys.get_int_max_str_digits()`.
    public static let maxStrDigits = 4300

    /// The limit in force: `sys.set_int_max_str_digits(n)` changes it; 0 means none. A plain
    /// int, so a static is fine.
    nonisolated(unsafe) public static var maxStrDigitsSetting = maxStrDigits

    /// `str(a)` for base 10, or the digits in base 2 to 36 with no prefix.
    public static func text(_ a: Value, base: Int32 = 10) throws(PythonError) -> String {
        if a.isSmallInt { return String(a.smallInt, radix: Int(base)) }
        let z = mpz(of: a)
        let size = Int(bigz_sizeinbase(z, base))
        let limit = maxStrDigitsSetting
        // GMP's size may be one digit too many: only then is the exact count needed.
        if base == 10 && limit > 0 && size > limit && decimalDigitCount(z) > limit {
            throw PythonError(.valueError, "Exceeds the limit (\(limit) digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit")
        }
        let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: size + 2)
        defer { buffer.deallocate() }
        _ = bigz_get_str(buffer, base, z)
        return String(cString: buffer)
    }

    /// The exact number of decimal digits of |z| (GMP's estimate may be one too many).
    static func decimalDigitCount(_ z: UnsafePointer<bigz>) -> Int {
        let estimate = Int(bigz_sizeinbase(z, 10))
        var power = bigz()
        bigz_init(&power)
        defer { bigz_clear(&power) }
        var ten = bigz()
        bigz_init(&ten)
        defer { bigz_clear(&ten) }
        bigz_set_si(&ten, 10)
        bigz_pow_ui(&power, &ten, UInt(estimate - 1))
        var magnitude = bigz()
        bigz_init(&magnitude)
        defer { bigz_clear(&magnitude) }
        bigz_abs(&magnitude, z)
        return bigz_cmp(&magnitude, &power) < 0 ? estimate - 1 : estimate
    }

    /// `int(text, base)`, with Python's syntax: surrounding white space, a sign, a prefix
    /// matching the base (any prefix with base 0), single underscores between digits.
    public static func parse(_ text: String, base: Int) throws(PythonError) -> Value {
        guard base == 0 || (2...36).contains(base) else {
            throw PythonError(.valueError, "int() base must be >= 2 and <= 36, or 0")
        }
        if let value = parseASCII(text, base: base) { return value }
        let invalid = PythonError(.valueError, "invalid literal for int() with base \(base): \(Objects.reprOfString(text))")
        var chars = Substring(Floats.asciiDigitsAndSpaces(text).trimmingCharacters(in: " \t\n\r\u{0B}\u{0C}"))
        var negative = false
        if let first = chars.first, first == "+" || first == "-" {
            negative = first == "-"
            chars.removeFirst()
        }
        var radix = base
        var hadPrefix = false
        let lower = chars.lowercased()
        for (prefix, prefixBase) in [("0x", 16), ("0o", 8), ("0b", 2)] where lower.hasPrefix(prefix) {
            if radix == 0 || radix == prefixBase {
                radix = prefixBase
                hadPrefix = true
                chars = chars.dropFirst(2)
            }
        }
        if radix == 0 { radix = 10 }
        var digits = ""
        var previousWasUnderscore = !hadPrefix
        for c in chars {
            if c == "_" {
                if previousWasUnderscore { throw invalid }
                previousWasUnderscore = true
                continue
            }
            guard let digit = c.hexDigitValue ?? c.letterDigitValue, digit < radix else { throw invalid }
            digits.append(c)
            previousWasUnderscore = false
        }
        if digits.isEmpty || previousWasUnderscore { throw invalid }
        // Base 0 reads a literal: a nonzero decimal literal may not start with 0.
        if base == 0 && !hadPrefix && digits.first == "0" && digits.contains(where: { $0 != "0" }) { throw invalid }
        if radix == 10 && maxStrDigitsSetting > 0 && digits.count > maxStrDigitsSetting {
            throw PythonError(.valueError, "Exceeds the limit (\(maxStrDigitsSetting) digits) for integer string conversion: value has \(digits.count) digits; use sys.set_int_max_str_digits() to increase the limit")
        }
        if digits.count <= 18, let small = Int(digits, radix: radix) {
            return make(negative ? -small : small)
        }
        var z = bigz()
        bigz_init(&z)
        _ = bigz_set_str(&z, digits, Int32(radix))
        if negative { withUnsafeMutablePointer(to: &z) { bigz_neg($0, $0) } }
        return make(consuming: &z)
    }
}

extension Ints {
    /// The common case of `parse`, read from the UTF-8 bytes in place: ASCII white space
    /// around, a sign, a prefix, digits with single underscores, at most 18 of them. Nil for
    /// anything else, valid or not; the general path decides (and words the error).
    static func parseASCII(_ text: String, base: Int) -> Value? {
        var text = text
        return text.withUTF8 { bytes -> Value? in
            let n = bytes.count
            func isSpace(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }
            var i = 0, end = n
            while i < end && isSpace(bytes[i]) { i += 1 }
            while end > i && isSpace(bytes[end - 1]) { end -= 1 }
            var negative = false
            if i < end && (bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-")) {
                negative = bytes[i] == UInt8(ascii: "-")
                i += 1
            }
            var radix = base
            var hadPrefix = false
            if end - i >= 2 && bytes[i] == UInt8(ascii: "0") {
                let prefixBase: Int
                switch bytes[i + 1] | 0x20 {
                case UInt8(ascii: "x"): prefixBase = 16
                case UInt8(ascii: "o"): prefixBase = 8
                case UInt8(ascii: "b"): prefixBase = 2
                default: prefixBase = -1
                }
                if prefixBase > 0 && (radix == 0 || radix == prefixBase) {
                    radix = prefixBase
                    hadPrefix = true
                    i += 2
                }
            }
            if radix == 0 {
                // A nonzero decimal literal may not start with 0: the general path decides.
                if i < end && bytes[i] == UInt8(ascii: "0") { return nil }
                radix = 10
            }
            var value = 0
            var digits = 0
            var previousWasUnderscore = !hadPrefix
            while i < end {
                let b = bytes[i]
                i += 1
                if b == UInt8(ascii: "_") {
                    if previousWasUnderscore { return nil }
                    previousWasUnderscore = true
                    continue
                }
                let digit: Int
                switch b {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = Int(b) - 48
                case UInt8(ascii: "a")...UInt8(ascii: "z"): digit = Int(b) - 87
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): digit = Int(b) - 55
                default: return nil
                }
                guard digit < radix else { return nil }
                digits += 1
                if digits > 18 { return nil }
                let (shifted, overflow1) = value.multipliedReportingOverflow(by: radix)
                let (next, overflow2) = shifted.addingReportingOverflow(digit)
                if overflow1 || overflow2 { return nil }
                value = next
                previousWasUnderscore = false
            }
            if digits == 0 || previousWasUnderscore { return nil }
            return make(negative ? -value : value)
        }
    }
}

extension Character {
    /// The value of a letter as a digit in bases above 16 ('g' is 16 ... 'z' is 35).
    var letterDigitValue: Int? {
        guard isASCII, let ascii = asciiValue else { return nil }
        switch ascii {
        case UInt8(ascii: "a")...UInt8(ascii: "z"): return Int(ascii - UInt8(ascii: "a")) + 10
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): return Int(ascii - UInt8(ascii: "A")) + 10
        default: return nil
        }
    }
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        let scalars = unicodeScalars
        var start = scalars.startIndex, end = scalars.endIndex
        while start < end && (set.unicodeScalars.contains(scalars[start]) || scalars[start].properties.isWhitespace) {
            start = scalars.index(after: start)
        }
        while end > start {
            let before = scalars.index(before: end)
            guard set.unicodeScalars.contains(scalars[before]) || scalars[before].properties.isWhitespace else { break }
            end = before
        }
        return String(scalars[start..<end])
    }
}
