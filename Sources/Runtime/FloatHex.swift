import Glibc

/// `float.hex()` and `float.fromhex()`: a double's exact value in hexadecimal.
extension Floats {
    /// `0x1.8000000000000p+1`: the leading digit (0 for a subnormal), all 13 hex digits of the
    /// 52-bit fraction, and the binary exponent with its sign.
    public static func hex(_ d: Double) -> String {
        if d.isNaN { return "nan" }
        if d.isInfinite { return d < 0 ? "-inf" : "inf" }
        let sign = d.sign == .minus ? "-" : ""
        if d == 0 { return sign + "0x0.0p+0" }
        let exponentBits = Int(d.exponentBitPattern)
        let fraction = d.significandBitPattern
        let lead = exponentBits == 0 ? 0 : 1
        let exponent = exponentBits == 0 ? -1022 : exponentBits - 1023
        var digits = String(fraction, radix: 16)
        digits = String(repeating: "0", count: 13 - digits.count) + digits
        return "\(sign)0x\(lead).\(digits)p\(exponent < 0 ? "-" : "+")\(abs(exponent))"
    }

    /// Python's hexadecimal float syntax: optional sign and `0x`, hex digits with an optional
    /// point, an optional `p` exponent in decimal; or inf, infinity, nan. Correctly rounded.
    public static func parseHex(_ text: String) throws(PythonError) -> Double {
        let invalid = PythonError(.valueError, "invalid hexadecimal floating-point string")
        let trimmed = text.trimmingCharacters(in: " \t\n\r\u{0B}\u{0C}").lowercased()
        var rest = Substring(trimmed)
        var sign = ""
        if let first = rest.first, first == "+" || first == "-" {
            if first == "-" { sign = "-" }
            rest = rest.dropFirst()
        }
        switch rest {
        case "inf", "infinity": return sign == "-" ? -Double.infinity : Double.infinity
        case "nan": return Double.nan
        default: break
        }
        if rest.hasPrefix("0x") { rest = rest.dropFirst(2) }
        let isHexDigit: (Character) -> Bool = { $0.isHexDigit && $0.isASCII }
        let whole = rest.prefix(while: isHexDigit)
        rest = rest.dropFirst(whole.count)
        var fraction = Substring("")
        if rest.first == "." {
            rest = rest.dropFirst()
            fraction = rest.prefix(while: isHexDigit)
            rest = rest.dropFirst(fraction.count)
        }
        guard !whole.isEmpty || !fraction.isEmpty else { throw invalid }
        var exponent = "0"
        if rest.first == "p" {
            rest = rest.dropFirst()
            var digits = ""
            if let first = rest.first, first == "+" || first == "-" {
                digits.append(first)
                rest = rest.dropFirst()
            }
            let decimal = rest.prefix(while: { $0.isASCII && $0.isNumber })
            guard !decimal.isEmpty else { throw invalid }
            rest = rest.dropFirst(decimal.count)
            exponent = digits + decimal
        }
        guard rest.isEmpty else { throw invalid }
        let literal = "\(sign)0x\(whole.isEmpty ? "0" : whole).\(fraction)p\(exponent)"
        let value = literal.withCString { strtod($0, nil) }
        if value.isInfinite { throw PythonError(.overflowError, "hexadecimal value too large to represent as a float") }
        return value
    }
}
