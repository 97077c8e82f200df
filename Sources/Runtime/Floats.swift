import Glibc

/// Python float: an IEEE double in a heap object, with CPython's arithmetic corner cases.
public enum Floats {
    @inline(__always)
    public static func make(_ d: Double) -> Value {
        let raw = Heap.allocate(.float, type: BuiltinTypes.float, size: MemoryLayout<FloatObject>.size)
        raw.assumingMemoryBound(to: FloatObject.self).pointee.value = d
        return Value(object: raw)
    }

    @inline(__always)
    public static func value(_ v: Value) -> Double { v.fields(FloatObject.self).pointee.value }

    public static func trueDivide(_ a: Double, _ b: Double) throws(PythonError) -> Value {
        if b == 0 { throw PythonError(.zeroDivisionError, "float division by zero") }
        return make(a / b)
    }

    public static func modulo(_ a: Double, _ b: Double) throws(PythonError) -> Value {
        if b == 0 { throw PythonError(.zeroDivisionError, "float modulo") }
        var mod = fmod(a, b)
        if mod != 0 {
            if (b < 0) != (mod < 0) { mod += b }
        } else {
            mod = copysign(0.0, b)
        }
        return make(mod)
    }

    public static func floorDivide(_ a: Double, _ b: Double) throws(PythonError) -> Value {
        if b == 0 { throw PythonError(.zeroDivisionError, "float floor division by zero") }
        return make(divmod(a, b).quotient)
    }

    public static func divmod(_ a: Double, _ b: Double) throws(PythonError) -> Value {
        if b == 0 { throw PythonError(.zeroDivisionError, "float divmod()") }
        let (q, r) = divmod(a, b)
        let quotient = make(q)
        return Tuple.make(quotient, make(r))
    }

    /// CPython's float divmod: the remainder takes the divisor's sign, and the quotient is
    /// corrected so that it is the exact floor where fmod's rounding would mislead.
    static func divmod(_ a: Double, _ b: Double) -> (quotient: Double, remainder: Double) {
        var mod = fmod(a, b)
        var div = (a - mod) / b
        if mod != 0 {
            if (b < 0) != (mod < 0) {
                mod += b
                div -= 1.0
            }
        } else {
            mod = copysign(0.0, b)
        }
        var floorDiv: Double
        if div != 0 {
            floorDiv = floor(div)
            if div - floorDiv > 0.5 { floorDiv += 1.0 }
        } else {
            floorDiv = copysign(0.0, a / b)
        }
        return (floorDiv, mod)
    }

    /// `a ** b` with CPython's special cases.
    public static func power(_ a: Double, _ b: Double) throws(PythonError) -> Value {
        make(try powerValue(a, b))
    }

    static func isOddInteger(_ d: Double) -> Bool { fmod(d.magnitude, 2.0) == 1.0 }

    static func powerValue(_ a: Double, _ b: Double) throws(PythonError) -> Double {
        if b == 0 { return 1.0 }
        if a.isNaN { return a }
        if b.isNaN { return a == 1.0 ? 1.0 : b }
        if b.isInfinite {
            let magnitude = a.magnitude
            if magnitude == 1.0 { return 1.0 }
            return (b > 0) == (magnitude > 1.0) ? b.magnitude : 0.0
        }
        if a.isInfinite {
            if b > 0 { return isOddInteger(b) ? a : a.magnitude }
            return isOddInteger(b) ? copysign(0.0, a) : 0.0
        }
        if a == 0 {
            if b < 0 { throw PythonError(.zeroDivisionError, "0.0 cannot be raised to a negative power") }
            return isOddInteger(b) ? a : 0.0
        }
        var base = a
        var negate = false
        if a < 0 {
            if b != floor(b) {
                throw PythonError(.valueError, "complex results are not supported: negative number raised to a fractional power")
            }
            base = -a
            negate = isOddInteger(b)
        }
        if base == 1.0 { return negate ? -1.0 : 1.0 }
        var result = pow(base, b)
        if negate { result = -result }
        if result.isInfinite { throw PythonError(.overflowError, "(34, 'Numerical result out of range')") }
        return result
    }

    // MARK: Hashing

    /// 2**61 - 1, the modulus of CPython's numeric hash.
    public static let hashModulus = (1 << 61) - 1

    /// CPython's float hash, equal to the int hash for integral floats. A NaN object hashes
    /// by its identity (`Objects.hash`); this gives 0 for the NaN value.
    public static func hash(_ d: Double) -> Int {
        if d.isInfinite { return d > 0 ? 314159 : -314159 }
        if d.isNaN { return 0 }
        let modulus = UInt(hashModulus)
        var exponent: Int32 = 0
        var m = frexp(d, &exponent)
        var sign = 1
        if m < 0 {
            sign = -1
            m = -m
        }
        var x: UInt = 0
        var e = Int(exponent)
        while m != 0 {
            x = ((x << 28) & modulus) | (x >> (61 - 28))
            m *= 268435456.0
            e -= 28
            let y = UInt(m)
            m -= Double(y)
            x += y
            if x >= modulus { x -= modulus }
        }
        e = e >= 0 ? e % 61 : 60 - ((-1 - e) % 61)
        x = ((x << UInt(e)) & modulus) | (x >> UInt(61 - e))
        let h = Int(bitPattern: x) * sign
        return h == -1 ? -2 : h
    }

    // MARK: Text

    /// `repr(d)`: the shortest digits that read back as `d`, laid out as CPython does
    /// (fixed notation for decimal exponents from -4 to 16, scientific beyond).
    public static func repr(_ d: Double) -> String {
        if d.isNaN { return "nan" }
        if d.isInfinite { return d < 0 ? "-inf" : "inf" }
        if d == 0 { return d.sign == .minus ? "-0.0" : "0.0" }
        // At most 17 digits, a sign, a point, "e-308" and padding zeros: 24 bytes and the zeros
        // of fixed notation, which stops at 16 places.
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 48) { out -> String in
            var length = 0
            func put(_ byte: UInt8) {
                out[length] = byte
                length += 1
            }
            if d < 0 { put(UInt8(ascii: "-")) }
            shortestDigits(d.magnitude) { digits, point in
                let zero = UInt8(ascii: "0")
                if point > -4 && point <= 16 {
                    if point <= 0 {
                        put(zero)
                        put(UInt8(ascii: "."))
                        for _ in 0..<(-point) { put(zero) }
                        for digit in digits { put(digit) }
                    } else if point >= digits.count {
                        for digit in digits { put(digit) }
                        for _ in 0..<(point - digits.count) { put(zero) }
                        put(UInt8(ascii: "."))
                        put(zero)
                    } else {
                        for (k, digit) in digits.enumerated() {
                            if k == point { put(UInt8(ascii: ".")) }
                            put(digit)
                        }
                    }
                    return
                }
                put(digits[0])
                if digits.count > 1 {
                    put(UInt8(ascii: "."))
                    for digit in digits.dropFirst() { put(digit) }
                }
                let exponent = point - 1
                put(UInt8(ascii: "e"))
                put(exponent < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
                let magnitude = exponent.magnitude
                if magnitude >= 100 { put(zero + UInt8(magnitude / 100)) }
                put(zero + UInt8(magnitude / 10 % 10))
                put(zero + UInt8(magnitude % 10))
            }
            return String(decoding: UnsafeBufferPointer(rebasing: out[0..<length]), as: UTF8.self)
        }
    }

    /// Calls `body` with the shortest round-tripping decimal digits of a positive finite
    /// double (ASCII, without leading or trailing zeros) and the position of the decimal
    /// point: the value is 0.DIGITS × 10**point. Swift's own description already computes
    /// the shortest round-tripping digits; only its layout differs from Python's.
    static func shortestDigits(_ d: Double, _ body: (UnsafeBufferPointer<UInt8>, Int) -> Void) {
        var text = d.description
        text.withUTF8 { utf8 in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { digits in
                var count = 0, point = 0, exponent = 0
                var seenPoint = false, negativeExponent = false, inExponent = false
                for byte in utf8 {
                    switch byte {
                    case UInt8(ascii: "."): seenPoint = true
                    case UInt8(ascii: "e"): inExponent = true
                    case UInt8(ascii: "-"): negativeExponent = true
                    case UInt8(ascii: "+"): break
                    default:
                        let value = Int(byte) - 48
                        if inExponent {
                            exponent = exponent * 10 + value
                        } else if count == 0 && value == 0 {
                            // A leading zero: before the point it is no place at all.
                            if seenPoint { point -= 1 }
                        } else {
                            digits[count] = byte
                            count += 1
                            if !seenPoint { point += 1 }
                        }
                    }
                }
                while count > 1 && digits[count - 1] == UInt8(ascii: "0") { count -= 1 }
                point += negativeExponent ? -exponent : exponent
                body(UnsafeBufferPointer(rebasing: digits[0..<count]), point)
            }
        }
    }
}
