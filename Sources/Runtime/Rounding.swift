import Glibc

/// `round(x)` and `round(x, ndigits)`: ties go to the even neighbour, decided on the exact
/// binary value of a float, never on a rounded decimal approximation of it.
extension Arithmetic {
    public static func round(_ x: Value, digits: Value?) throws(PythonError) -> Value {
        let digits = try digits.map { v throws(PythonError) in try Ints.index(v) }
        if Ints.isInt(x) {
            let n = Ints.unbool(x)
            guard let digits, Ints.sign(digits) < 0 else { return n }
            return roundToMultiple(n, of: try Ints.power(Value(smallInt: 10), Ints.negate(Ints.unbool(digits))))
        }
        guard x.kind == .float else {
            throw PythonError(.typeError, "type \(typeName(x)) doesn't define __round__ method")
        }
        let d = Floats.value(x)
        guard let digits else {
            return try Ints.make(truncating: d.rounded(.toNearestOrEven))
        }
        return Floats.make(try round(d, digits: Ints.unbool(digits)))
    }

    /// The float nearest to `d` rounded to `digits` decimal places.
    static func round(_ d: Double, digits: Value) throws(PythonError) -> Double {
        if !d.isFinite || d == 0 { return d }
        // Past these, every double is already a multiple (or rounds to zero): CPython's cut-offs.
        if Ints.compare(digits, Value(smallInt: 323)) > 0 { return d }
        if Ints.compare(digits, Value(smallInt: -308)) < 0 { return 0.0 * d }
        let n = digits.smallInt
        let result: Double
        if n >= 0 {
            // glibc's printf rounds the exact binary value, ties to even, as CPython's dtoa does.
            result = Double(fixedPointText(d, digits: n))!
        } else {
            // Integer arithmetic loses the sign of a zero result: put it back.
            result = copysign(try roundedToTens(d, power: -n), d)
        }
        if result.isInfinite { throw PythonError(.overflowError, "rounded value too large to represent") }
        return result
    }

    /// `d` in fixed-point notation with `digits` decimals, as C's printf writes it.
    static func fixedPointText(_ d: Double, digits: Int) -> String {
        let capacity = 330 + digits
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: capacity) { buffer in
            _ = withVaList([Int32(digits), d]) { vsnprintf(buffer.baseAddress, capacity, "%.*f", $0) }
            return String(cString: buffer.baseAddress!)
        }
    }

    /// `d` rounded to a multiple of 10**power, exactly.
    static func roundedToTens(_ d: Double, power: Int) throws(PythonError) -> Double {
        let unit = try Ints.power(Value(smallInt: 10), Value(smallInt: power))
        // d = significand * 2**exponent exactly, with an integral significand.
        let exponent = Int(d.exponent) - 52
        let significand = Ints.make(integral: d.significand * 0x1p52 * (d < 0 ? -1 : 1))
        var value: Value
        if exponent >= 0 {
            value = roundToMultiple(try Ints.shiftLeft(significand, Value(smallInt: exponent)), of: unit)
            return try Ints.toDouble(value)
        }
        let scaledUnit = try Ints.shiftLeft(unit, Value(smallInt: -exponent))
        value = roundToMultiple(significand, of: scaledUnit)
        return try Ints.toDouble(try Ints.floorDivide(value, try Ints.shiftLeft(Value(smallInt: 1), Value(smallInt: -exponent))))
    }

    /// The multiple of `unit` (> 0) nearest to `n`, ties to the even multiple.
    static func roundToMultiple(_ n: Value, of unit: Value) -> Value {
        let quotient = try! Ints.floorDivide(n, unit)
        let remainder = try! Ints.modulo(n, unit)
        let twice = Ints.add(remainder, remainder)
        let order = Ints.compare(twice, unit)
        let oddQuotient = Ints.and(quotient, Value(smallInt: 1)).smallInt == 1
        let roundUp = order > 0 || (order == 0 && oddQuotient)
        return Ints.multiply(roundUp ? Ints.add(quotient, Value(smallInt: 1)) : quotient, unit)
    }
}
