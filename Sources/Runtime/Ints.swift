import CGMP
import Glibc

/// Python int: a small int inline in the value word, otherwise a GMP integer in a heap
/// object. Every operation returns the canonical form: a result that fits in 63 bits is
/// small, so equal ints have equal representations.
public enum Ints {
    static let zOffset = MemoryLayout<BigIntObject>.offset(of: \.z)!

    @inline(__always)
    public static func make(_ v: Int) -> Value {
        Value.fitsSmallInt(v) ? Value(smallInt: v) : makeBig(v)
    }

    @inline(never)
    static func makeBig(_ v: Int) -> Value {
        var z = bigz()
        bigz_init(&z)
        bigz_set_si(&z, v)
        return make(consuming: &z)
    }

    /// The int holding `z`, which this takes ownership of (and clears when it fits small).
    public static func make(consuming z: inout bigz) -> Value {
        if bigz_fits_slong(&z) != 0 {
            let v = bigz_get_si(&z)
            if Value.fitsSmallInt(v) {
                bigz_clear(&z)
                return Value(smallInt: v)
            }
        }
        let raw = Heap.allocate(.int, type: BuiltinTypes.int, size: MemoryLayout<BigIntObject>.size)
        let object = raw.assumingMemoryBound(to: BigIntObject.self)
        object.pointee.header.flags = .needsFinalizer
        object.pointee.z = z
        space.pressure &+= Int(z._mp_alloc) * 8
        return Value(object: raw)
    }

    /// Whether `v` is an int, bools included.
    @inline(__always)
    public static func isInt(_ v: Value) -> Bool {
        v.isSmallInt || v.header.pointee.kind == .int || v.header.pointee.kind == .bool
    }

    /// `v` with a bool replaced by its small int, and an int subclass instance by its plain int.
    @inline(__always)
    public static func unbool(_ v: Value) -> Value {
        guard v.isObject else { return v }
        let header = v.header
        if header.pointee.kind == .bool { return Value(smallInt: Int(header.pointee.aux)) }
        if header.pointee.kind == .int && header.pointee.flags.contains(.attributeDict) { return Subclasses.plainInt(v) }
        return v
    }

    /// The int `v` stands for where Python wants an integer (`operator.index`): an int, or
    /// what a class's `__index__` returns; nil for anything else.
    public static func indexValue(_ v: Value) throws(PythonError) -> Value? {
        if isInt(v) { return unbool(v) }
        guard ObjectHooks.isUserObject(v), let hook = ObjectHooks.index else { return nil }
        return try hook(v)
    }

    /// `indexValue(v)`, or TypeError: `'str' object cannot be interpreted as an integer`.
    public static func index(_ v: Value) throws(PythonError) -> Value {
        if let n = try indexValue(v) { return n }
        throw PythonError(.typeError, "'\(TypeObjects.name(v.type))' object cannot be interpreted as an integer")
    }

    @inline(__always)
    static func mpz(of v: Value) -> UnsafeMutablePointer<bigz> {
        (v.address + zOffset).assumingMemoryBound(to: bigz.self)
    }

    /// Runs `body` with a GMP view of the int `v`; a small int gets a read-only view over a
    /// limb on the stack, so nothing is allocated.
    @inline(__always)
    static func withBigz<R>(_ v: Value, _ body: (UnsafePointer<bigz>) throws(PythonError) -> R) throws(PythonError) -> R {
        if v.isSmallInt {
            var limb: mp_limb_t = 0
            var view = bigz()
            let z = bigz_roinit_small(&view, &limb, v.smallInt)!
            return try body(z)
        }
        return try body(mpz(of: v))
    }

    /// Computes a GMP result from two ints into a fresh int.
    static func compute(_ a: Value, _ b: Value,
                        _ op: (UnsafeMutablePointer<bigz>, UnsafePointer<bigz>, UnsafePointer<bigz>) -> Void) -> Value {
        var r = bigz()
        bigz_init(&r)
        withUnsafeMutablePointer(to: &r) { rp in
            try! withBigz(a) { za throws(PythonError) in try withBigz(b) { zb throws(PythonError) in op(rp, za, zb) } }
        }
        return make(consuming: &r)
    }

    static func compute(_ a: Value, _ op: (UnsafeMutablePointer<bigz>, UnsafePointer<bigz>) -> Void) -> Value {
        var r = bigz()
        bigz_init(&r)
        withUnsafeMutablePointer(to: &r) { rp in try! withBigz(a) { za throws(PythonError) in op(rp, za) } }
        return make(consuming: &r)
    }

    /// Whether a big int fits a machine word (a C long).
    static func mpzFitsMachineInt(_ v: Value) -> Bool { bigz_fits_slong(mpz(of: v)) != 0 }

    /// An int (bools already replaced) as a machine int, as CPython's `Py_ssize_t`
    /// conversions see it; nil when it does not fit 64 bits.
    public static func machineInt(_ v: Value) -> Int? {
        if v.isSmallInt { return v.smallInt }
        return mpzFitsMachineInt(v) ? bigz_get_si(mpz(of: v)) : nil
    }

    public static func sign(_ v: Value) -> Int {
        v.isSmallInt ? v.smallInt.signum() : Int(bigz_sgn(mpz(of: v)))
    }

    // MARK: Arithmetic. Operands are ints (bools already replaced).

    @inlinable @inline(__always)
    public static func add(_ a: Value, _ b: Value) -> Value {
        if a.isSmallInt && b.isSmallInt {
            let (sum, overflow) = Int64(bitPattern: a.bits).addingReportingOverflow(Int64(bitPattern: b.bits))
            if !overflow { return Value(bits: UInt64(bitPattern: sum)) }
        }
        return computeSum(a, b)
    }

    @inlinable @inline(__always)
    public static func subtract(_ a: Value, _ b: Value) -> Value {
        if a.isSmallInt && b.isSmallInt {
            let (difference, overflow) = Int64(bitPattern: a.bits).subtractingReportingOverflow(Int64(bitPattern: b.bits))
            if !overflow { return Value(bits: UInt64(bitPattern: difference)) }
        }
        return computeDifference(a, b)
    }

    @inlinable @inline(__always)
    public static func multiply(_ a: Value, _ b: Value) -> Value {
        if a.isSmallInt && b.isSmallInt {
            let (product, overflow) = a.smallInt.multipliedReportingOverflow(by: b.smallInt)
            if !overflow && Value.fitsSmallInt(product) { return Value(smallInt: product) }
        }
        return computeProduct(a, b)
    }

    // The GMP halves of the inlinable operations above, kept out of line.
    @usableFromInline static func computeSum(_ a: Value, _ b: Value) -> Value { compute(a, b) { bigz_add($0, $1, $2) } }
    @usableFromInline static func computeDifference(_ a: Value, _ b: Value) -> Value { compute(a, b) { bigz_sub($0, $1, $2) } }
    @usableFromInline static func computeProduct(_ a: Value, _ b: Value) -> Value { compute(a, b) { bigz_mul($0, $1, $2) } }

    public static func negate(_ a: Value) -> Value {
        if a.isSmallInt { return make(-a.smallInt) }
        return compute(a) { bigz_neg($0, $1) }
    }

    public static func absolute(_ a: Value) -> Value {
        sign(a) < 0 ? negate(a) : a
    }

    public static func invert(_ a: Value) -> Value {
        if a.isSmallInt { return Value(smallInt: ~a.smallInt) }
        return compute(a) { bigz_com($0, $1) }
    }

    public static func floorDivide(_ a: Value, _ b: Value) throws(PythonError) -> Value {
        if sign(b) == 0 { throw PythonError(.zeroDivisionError, "integer division or modulo by zero") }
        if a.isSmallInt && b.isSmallInt {
            let (x, y) = (a.smallInt, b.smallInt)
            var q = x / y
            if (x % y != 0) && ((x < 0) != (y < 0)) { q -= 1 }
            return make(q)
        }
        return compute(a, b) { bigz_fdiv_q($0, $1, $2) }
    }

    public static func modulo(_ a: Value, _ b: Value) throws(PythonError) -> Value {
        if sign(b) == 0 { throw PythonError(.zeroDivisionError, "integer modulo by zero") }
        if a.isSmallInt && b.isSmallInt {
            let (x, y) = (a.smallInt, b.smallInt)
            var r = x % y
            if r != 0 && ((r < 0) != (y < 0)) { r += y }
            return Value(smallInt: r)
        }
        return compute(a, b) { bigz_fdiv_r($0, $1, $2) }
    }

    public static func divmod(_ a: Value, _ b: Value) throws(PythonError) -> Value {
        if sign(b) == 0 { throw PythonError(.zeroDivisionError, "integer division or modulo by zero") }
        let q = try floorDivide(a, b)
        let r = try modulo(a, b)
        return Tuple.make(q, r)
    }

    /// `a ** b`; a negative exponent gives a float, as in Python.
    public static func power(_ a: Value, _ b: Value) throws(PythonError) -> Value {
        if sign(b) < 0 {
            return try Floats.power(try toDouble(a), try toDouble(b))
        }
        if a.isSmallInt && b.isSmallInt, let small = smallPower(a.smallInt, b.smallInt) {
            return Value(smallInt: small)
        }
        guard b.isSmallInt else {
            // Only 0, 1 and -1 have a representable power with a huge exponent.
            if a.isSmallInt && abs(a.smallInt) <= 1 {
                if a.smallInt == -1 { return Value(smallInt: bigz_tstbit(mpz(of: b), 0) != 0 ? -1 : 1) }
                return a
            }
            throw PythonError(.memoryError)
        }
        let exponent = UInt(b.smallInt)
        var r = bigz()
        bigz_init(&r)
        withUnsafeMutablePointer(to: &r) { rp in try! withBigz(a) { za throws(PythonError) in bigz_pow_ui(rp, za, exponent) } }
        return make(consuming: &r)
    }

    /// `base ** exponent` when it fits a small int, by repeated squaring.
    static func smallPower(_ base: Int, _ exponent: Int) -> Int? {
        var result = 1, square = base, e = exponent
        while true {
            if e & 1 != 0 {
                let (r, overflow) = result.multipliedReportingOverflow(by: square)
                if overflow || !Value.fitsSmallInt(r) { return nil }
                result = r
            }
            e >>= 1
            if e == 0 { return result }
            let (s, overflow) = square.multipliedReportingOverflow(by: square)
            if overflow { return nil }
            square = s
        }
    }

    /// `pow(a, b, m)`: the result has the sign of `m`; a negative `b` inverts `a` modulo `m`.
    public static func power(_ a: Value, _ b: Value, modulo m: Value) throws(PythonError) -> Value {
        if sign(m) == 0 { throw PythonError(.valueError, "pow() 3rd argument cannot be 0") }
        var base = a
        var exponent = b
        if sign(b) < 0 {
            var inverse = bigz()
            bigz_init(&inverse)
            let invertible = withUnsafeMutablePointer(to: &inverse) { ip in
                try! withBigz(a) { za throws(PythonError) in try withBigz(m) { zm throws(PythonError) in bigz_invert(ip, za, zm) } }
            }
            if invertible == 0 {
                bigz_clear(&inverse)
                throw PythonError(.valueError, "base is not invertible for the given modulus")
            }
            base = make(consuming: &inverse)
            exponent = negate(b)
        }
        let modulus = absolute(m)
        var r = compute(base, exponent) { rp, zb, ze in
            try! withBigz(modulus) { zm throws(PythonError) in bigz_powm(rp, zb, ze, zm) }
        }
        if sign(m) < 0 && sign(r) != 0 { r = add(r, m) }
        return r
    }

    public static func shiftLeft(_ a: Value, _ b: Value) throws(PythonError) -> Value {
        if sign(b) < 0 { throw PythonError(.valueError, "negative shift count") }
        if sign(a) == 0 { return a }
        guard b.isSmallInt, b.smallInt < 1 << 40 else { throw PythonError(.memoryError) }
        let n = b.smallInt
        if a.isSmallInt && n < 62 {
            let x = a.smallInt
            let shifted = x << n
            if shifted >> n == x && Value.fitsSmallInt(shifted) { return Value(smallInt: shifted) }
        }
        return compute(a) { bigz_mul_2exp($0, $1, UInt(n)) }
    }

    public static func shiftRight(_ a: Value, _ b: Value) throws(PythonError) -> Value {
        if sign(b) < 0 { throw PythonError(.valueError, "negative shift count") }
        guard b.isSmallInt else { return Value(smallInt: sign(a) < 0 ? -1 : 0) }
        let n = b.smallInt
        if a.isSmallInt { return Value(smallInt: a.smallInt >> min(n, 63)) }
        return compute(a) { bigz_fdiv_q_2exp($0, $1, UInt(n)) }
    }

    public static func and(_ a: Value, _ b: Value) -> Value {
        if a.isSmallInt && b.isSmallInt { return Value(bits: a.bits & b.bits) }
        return compute(a, b) { bigz_and($0, $1, $2) }
    }

    public static func or(_ a: Value, _ b: Value) -> Value {
        if a.isSmallInt && b.isSmallInt { return Value(bits: a.bits | b.bits) }
        return compute(a, b) { bigz_ior($0, $1, $2) }
    }

    public static func xor(_ a: Value, _ b: Value) -> Value {
        if a.isSmallInt && b.isSmallInt { return Value(bits: a.bits ^ b.bits) }
        return compute(a, b) { bigz_xor($0, $1, $2) }
    }

    /// -1, 0 or 1 as `a` is less than, equal to or greater than `b`.
    public static func compare(_ a: Value, _ b: Value) -> Int {
        if a.isSmallInt && b.isSmallInt {
            return a.smallInt == b.smallInt ? 0 : (a.smallInt < b.smallInt ? -1 : 1)
        }
        let c = try! withBigz(a) { za throws(PythonError) in try withBigz(b) { zb throws(PythonError) in bigz_cmp(za, zb) } }
        return Int(c.signum())
    }

    /// CPython's int hash: the value modulo 2**61 - 1, keeping the sign; -1 becomes -2.
    public static func hash(_ a: Value) -> Int {
        let modulus = Floats.hashModulus
        var h: Int
        if a.isSmallInt {
            let v = a.smallInt
            h = v.magnitude < UInt(modulus) ? v : (v < 0 ? -Int(v.magnitude % UInt(modulus)) : v % modulus)
        } else {
            let z = mpz(of: a)
            var magnitude = bigz()
            bigz_init(&magnitude)
            bigz_abs(&magnitude, z)
            h = Int(bigz_fdiv_ui(&magnitude, UInt(modulus)))
            bigz_clear(&magnitude)
            if bigz_sgn(z) < 0 { h = -h }
        }
        return h == -1 ? -2 : h
    }

    // MARK: Conversion to float

    /// The float nearest to `a`, ties to even; OverflowError past the float range.
    public static func toDouble(_ a: Value) throws(PythonError) -> Double {
        if a.isSmallInt {
            return Double(a.smallInt)  // correctly rounded by the conversion instruction
        }
        let z = mpz(of: a)
        let d = withTemporaries(1) { t in
            bigz_abs(t, z)
            return roundToDouble(t, exponent: 0, sticky: false)
        }
        if d.isInfinite { throw PythonError(.overflowError, "int too large to convert to float") }
        return bigz_sgn(z) < 0 ? -d : d
    }

    /// Runs `body` with `count` initialised GMP integers that are cleared afterwards.
    static func withTemporaries<R>(_ count: Int, _ body: (UnsafeMutablePointer<bigz>) -> R) -> R {
        let temporaries = UnsafeMutablePointer<bigz>.allocate(capacity: count)
        for i in 0..<count { bigz_init(temporaries + i) }
        defer {
            for i in 0..<count { bigz_clear(temporaries + i) }
            temporaries.deallocate()
        }
        return body(temporaries)
    }

    /// Rounds the exact value `n * 2**exponent` (plus a little more when `sticky`: bits
    /// below the ones in `n` that are not all zero) to the nearest double, ties to even,
    /// subnormals included; infinity when it is too large. `n` must be positive; it is
    /// left modified.
    static func roundToDouble(_ n: UnsafeMutablePointer<bigz>, exponent: Int, sticky: Bool) -> Double {
        let bits = Int(bigz_sizeinbase(n, 2))
        let topExponent = bits - 1 + exponent
        let precision = min(53, topExponent + 1075)
        if precision < 0 { return 0 }
        let shift = bits - precision
        var mantissa: UInt
        if shift > 0 {
            let half = bigz_tstbit(n, shift - 1) != 0
            let lowerBits = sticky || (shift > 1 && bigz_scan1(n, 0) < shift - 1)
            bigz_fdiv_q_2exp(n, n, UInt(shift))
            mantissa = precision == 0 ? 0 : bigz_limb(n, 0)
            if half && (lowerBits || mantissa & 1 == 1) { mantissa += 1 }
        } else {
            mantissa = bigz_limb(n, 0) << UInt(-shift)
        }
        return scalbn(Double(mantissa), Int32(clamping: exponent + shift))
    }

    /// `a / b` for ints, correctly rounded.
    public static func trueDivide(_ a: Value, _ b: Value) throws(PythonError) -> Value {
        if sign(b) == 0 { throw PythonError(.zeroDivisionError, "division by zero") }
        if a.isSmallInt && b.isSmallInt && a.smallInt.magnitude <= 1 << 53 && b.smallInt.magnitude <= 1 << 53 {
            return Floats.make(Double(a.smallInt) / Double(b.smallInt))
        }
        if sign(a) == 0 { return Floats.make(sign(b) < 0 ? -0.0 : 0.0) }
        let d = withTemporaries(3) { t in
            let (numerator, denominator, remainder) = (t, t + 1, t + 2)
            try! withBigz(a) { za throws(PythonError) in bigz_abs(numerator, za) }
            try! withBigz(b) { zb throws(PythonError) in bigz_abs(denominator, zb) }
            // Scale so the quotient has at least 55 bits: enough to round, with the
            // remainder as the sticky bit.
            let shift = 55 + Int(bigz_sizeinbase(denominator, 2)) - Int(bigz_sizeinbase(numerator, 2))
            if shift > 0 {
                bigz_mul_2exp(numerator, numerator, UInt(shift))
            } else if shift < 0 {
                bigz_mul_2exp(denominator, denominator, UInt(-shift))
            }
            bigz_tdiv_qr(numerator, remainder, numerator, denominator)
            return roundToDouble(numerator, exponent: -shift, sticky: bigz_sgn(remainder) != 0)
        }
        if d.isInfinite { throw PythonError(.overflowError, "integer division result too large for a float") }
        return Floats.make(sign(a) * sign(b) < 0 ? -d : d)
    }

    /// The int with the value of the integral float `d`, which must be finite.
    static func make(integral d: Double) -> Value {
        if d.magnitude < 0x1p62 { return Value(smallInt: Int(d)) }
        var z = bigz()
        bigz_init(&z)
        bigz_set_d(&z, d)
        return make(consuming: &z)
    }

    /// `int(d)`: truncates toward zero.
    public static func make(truncating d: Double) throws(PythonError) -> Value {
        if d.isNaN { throw PythonError(.valueError, "cannot convert float NaN to integer") }
        if d.isInfinite { throw PythonError(.overflowError, "cannot convert float infinity to integer") }
        return make(integral: d.rounded(.towardZero))
    }
}
