import CGMP
import Glibc

/// The functions of Python's `math` module, natively, with CPython's results and errors.
/// The float functions call the same C library CPython calls, and apply its rules: a NaN
/// out of a non-NaN argument is "math domain error", an infinity out of a finite argument
/// is "math range error" (OverflowError) where the function can overflow, else a domain error.
/// Not here yet: gamma and lgamma (CPython computes them itself, not through the C library).
public enum MathModule {
    public static let constants: [(String, Double)] = [("pi", .pi), ("e", M_E), ("tau", 2 * .pi), ("inf", .infinity), ("nan", .nan)]

    /// Calls the function `name` with positional `arguments` and `keywords` (only prod takes
    /// one), which the caller keeps alive for the call.
    public static func call(_ name: String, _ arguments: [Value], keywords: [(String, Value)] = []) throws(PythonError) -> Value {
        if name == "prod" { return try product(arguments, keywords) }
        if !keywords.isEmpty { throw PythonError(.typeError, "math.\(name)() takes no keyword arguments") }
        if let (function, canOverflow) = unaryFloatFunctions[name] {
            try expect(name, arguments, count: 1)
            return Floats.make(try applyUnary(function, try real(arguments[0]), canOverflow: canOverflow))
        }
        switch name {
        case "log":
            guard (1...2).contains(arguments.count) else { throw arity(name, "1 to 2", arguments.count) }
            let numerator = try logarithm(arguments[0], Glibc.log)
            if arguments.count == 1 { return Floats.make(numerator) }
            return try Floats.trueDivide(numerator, try logarithm(arguments[1], Glibc.log))
        case "log2": try expect(name, arguments, count: 1); return Floats.make(try logarithm(arguments[0], Glibc.log2))
        case "log10": try expect(name, arguments, count: 1); return Floats.make(try logarithm(arguments[0], Glibc.log10))
        case "floor", "ceil", "trunc":
            try expect(name, arguments, count: 1)
            let x = arguments[0]
            if Ints.isInt(x) { return Ints.unbool(x) }
            if name == "trunc" && x.kind != .float {
                throw PythonError(.typeError, "type \(TypeObjects.name(x.type)) doesn't define __trunc__ method")
            }
            let d = try real(x)
            let rounded = name == "floor" ? Glibc.floor(d) : (name == "ceil" ? Glibc.ceil(d) : d.rounded(.towardZero))
            return try Ints.make(truncating: rounded)
        case "factorial":
            try expect(name, arguments, count: 1)
            let n = try integer(arguments[0])
            if Ints.sign(n) < 0 { throw PythonError(.valueError, "factorial() not defined for negative values") }
            guard n.isSmallInt else { throw PythonError(.overflowError, "factorial() argument should not exceed \(Int.max)") }
            return gmp { bigz_fac_ui($0, UInt(n.smallInt)) }
        case "gcd", "lcm":
            var result = Value(smallInt: name == "gcd" ? 0 : 1)
            for argument in arguments {
                let n = try integer(argument)
                result = Ints.compute(result, n) { name == "gcd" ? bigz_gcd($0, $1, $2) : bigz_lcm($0, $1, $2) }
            }
            return Ints.absolute(result)
        case "isqrt":
            try expect(name, arguments, count: 1)
            let n = try integer(arguments[0])
            if Ints.sign(n) < 0 { throw PythonError(.valueError, "isqrt() argument must be nonnegative") }
            return Ints.compute(n) { bigz_sqrt($0, $1) }
        case "comb", "perm":
            return try combinatorics(name, arguments)
        case "pow":
            try expect(name, arguments, count: 2)
            return Floats.make(try power(try real(arguments[0]), try real(arguments[1])))
        case "fmod":
            try expect(name, arguments, count: 2)
            let (x, y) = (try real(arguments[0]), try real(arguments[1]))
            if y.isInfinite && x.isFinite { return Floats.make(x) }
            let r = Glibc.fmod(x, y)
            if r.isNaN && !x.isNaN && !y.isNaN { throw domainError() }
            return Floats.make(r)
        case "remainder":
            try expect(name, arguments, count: 2)
            let (x, y) = (try real(arguments[0]), try real(arguments[1]))
            if x.isNaN || y.isNaN { return Floats.make(Double.nan) }
            if x.isInfinite || y == 0 { throw domainError() }
            return Floats.make(y.isInfinite ? x : Glibc.remainder(x, y))
        case "gamma", "lgamma":
            try expect(name, arguments, count: 1)
            let x = try real(arguments[0])
            switch name == "gamma" ? MathGamma.gamma(x) : MathGamma.logGamma(x) {
            case .success(let r): return Floats.make(r)
            case .failure(.domain): throw domainError()
            case .failure(.range): throw PythonError(.overflowError, "math range error")
            }
        case "atan2", "copysign":
            try expect(name, arguments, count: 2)
            let (x, y) = (try real(arguments[0]), try real(arguments[1]))
            return Floats.make(name == "atan2" ? Glibc.atan2(x, y) : Glibc.copysign(x, y))
        case "degrees", "radians":
            try expect(name, arguments, count: 1)
            let x = try real(arguments[0])
            return Floats.make(name == "degrees" ? x * (180.0 / Double.pi) : x * (Double.pi / 180.0))
        case "isnan", "isinf", "isfinite":
            try expect(name, arguments, count: 1)
            let x = try real(arguments[0])
            return .bool(name == "isnan" ? x.isNaN : (name == "isinf" ? x.isInfinite : x.isFinite))
        case "modf":
            try expect(name, arguments, count: 1)
            let x = try real(arguments[0])
            if x.isInfinite { return Tuple.make(Floats.make(Glibc.copysign(0.0, x)), Floats.make(x)) }
            var whole = 0.0
            let fraction = Glibc.modf(x, &whole)
            let first = Floats.make(fraction)
            return Tuple.make(first, Floats.make(whole))
        case "frexp":
            try expect(name, arguments, count: 1)
            let x = try real(arguments[0])
            if x == 0 || !x.isFinite { return Tuple.make(Floats.make(x), Value(smallInt: 0)) }
            var exponent: Int32 = 0
            let mantissa = Glibc.frexp(x, &exponent)
            return Tuple.make(Floats.make(mantissa), Value(smallInt: Int(exponent)))
        case "ldexp":
            try expect(name, arguments, count: 2)
            let x = try real(arguments[0])
            guard Ints.isInt(arguments[1]) else { throw PythonError(.typeError, "Expected an int as second argument to ldexp.") }
            let e = Ints.unbool(arguments[1])
            if x == 0 || !x.isFinite { return Floats.make(x) }
            let exponent = e.isSmallInt ? Int32(clamping: e.smallInt) : (Ints.sign(e) < 0 ? Int32.min : Int32.max)
            let r = Glibc.ldexp(x, exponent)
            if r.isInfinite { throw PythonError(.overflowError, "math range error") }
            return Floats.make(r)
        case "dist":
            try expect(name, arguments, count: 2)
            return Floats.make(try distance(arguments[0], arguments[1]))
        case "hypot":
            return Floats.make(try hypotenuse(arguments))
        case "nextafter":
            try expect(name, arguments, count: 2)
            return Floats.make(Glibc.nextafter(try real(arguments[0]), try real(arguments[1])))
        case "ulp":
            try expect(name, arguments, count: 1)
            return Floats.make(unitInLastPlace(try real(arguments[0])))
        case "fsum":
            try expect(name, arguments, count: 1)
            return Floats.make(try exactSum(arguments[0]))
        default:
            throw PythonError(.attributeError, "module 'math' has no attribute '\(name)'")
        }
    }

    static let unaryFloatFunctions: [String: ((Double) -> Double, Bool)] = [
        "sqrt": (Glibc.sqrt, false), "exp": (Glibc.exp, true), "exp2": (Glibc.exp2, true), "expm1": (Glibc.expm1, true),
        "log1p": (Glibc.log1p, false), "sin": (Glibc.sin, false), "cos": (Glibc.cos, false), "tan": (Glibc.tan, false),
        "asin": (Glibc.asin, false), "acos": (Glibc.acos, false), "atan": (Glibc.atan, false),
        "sinh": (Glibc.sinh, true), "cosh": (Glibc.cosh, true), "tanh": (Glibc.tanh, false),
        "asinh": (Glibc.asinh, false), "acosh": (Glibc.acosh, false), "atanh": (Glibc.atanh, false),
        "fabs": (Glibc.fabs, false), "cbrt": (Glibc.cbrt, false), "erf": (Glibc.erf, false), "erfc": (Glibc.erfc, false),
    ]

    /// A new error each time: an exception object kept in a Swift global would be invisible to
    /// the collector and freed under it.
    static func domainError() -> PythonError { PythonError(.valueError, "math domain error") }

    static func applyUnary(_ f: (Double) -> Double, _ x: Double, canOverflow: Bool) throws(PythonError) -> Double {
        let r = f(x)
        if r.isNaN && !x.isNaN { throw PythonError(.valueError, "math domain error") }
        if r.isInfinite && x.isFinite {
            throw canOverflow ? PythonError(.overflowError, "math range error") : PythonError(.valueError, "math domain error")
        }
        return r
    }

    /// log, log2 or log10 of a positive number; ints too large for a float go through their
    /// binary exponent, as CPython does.
    static func logarithm(_ v: Value, _ f: (Double) -> Double) throws(PythonError) -> Double {
        if Ints.isInt(v) {
            let n = Ints.unbool(v)
            if Ints.sign(n) <= 0 { throw domainError() }
            if let d = try? Ints.toDouble(n) { return f(d) }
            let bits = Int(bigz_sizeinbase(Ints.mpz(of: n), 2))
            let mantissa = Ints.withTemporaries(1) { t in
                bigz_abs(t, Ints.mpz(of: n))
                return Ints.roundToDouble(t, exponent: -bits, sticky: false)
            }
            return f(mantissa) + f(2.0) * Double(bits)
        }
        let x = try real(v)
        if x.isNaN || x == .infinity { return f(x) }
        if x <= 0 { throw domainError() }
        return f(x)
    }

    static func power(_ x: Double, _ y: Double) throws(PythonError) -> Double {
        if !x.isFinite || !y.isFinite {
            if x.isNaN { return y == 0 ? 1 : x }
            if y.isNaN { return x == 1 ? 1 : y }
            return Glibc.pow(x, y)
        }
        if x == 0 && y < 0 { throw domainError() }
        let r = Glibc.pow(x, y)
        if r.isNaN { throw domainError() }
        if r.isInfinite { throw PythonError(.overflowError, "math range error") }
        return r
    }

    static func combinatorics(_ name: String, _ arguments: [Value]) throws(PythonError) -> Value {
        guard (name == "comb" && arguments.count == 2) || (name == "perm" && (1...2).contains(arguments.count)) else {
            throw arity(name, name == "comb" ? "2" : "1 to 2", arguments.count)
        }
        if name == "perm" && (arguments.count == 1 || arguments[1].is(BuiltinTypes.none)) {
            return try call("factorial", [arguments[0]])  // perm(n) is n!
        }
        let n = try integer(arguments[0])
        var k = try integer(arguments[1])
        if Ints.sign(n) < 0 { throw PythonError(.valueError, "n must be a non-negative integer") }
        if Ints.sign(k) < 0 { throw PythonError(.valueError, "k must be a non-negative integer") }
        if Ints.compare(k, n) > 0 { return Value(smallInt: 0) }
        if name == "comb" {
            let complement = Ints.subtract(n, k)
            if Ints.compare(complement, k) < 0 { k = complement }  // C(n, k) == C(n, n - k)
        }
        guard k.isSmallInt else { throw PythonError(.overflowError, "k must not exceed \(Int.max)") }
        if name == "comb" { return Ints.compute(n) { bigz_bin_ui($0, $1, UInt(k.smallInt)) } }
        var result = Value(smallInt: 1)
        var factor = n
        for _ in 0..<k.smallInt {
            result = Ints.multiply(result, factor)
            factor = Ints.subtract(factor, Value(smallInt: 1))
        }
        return result
    }

    /// fsum: Shewchuk's exact sum of partials, rounded once at the end, as CPython's.
    static func exactSum(_ items: Value) throws(PythonError) -> Double {
        let (pointer, count) = items.kind == .tuple ? (Tuple.items(items), Tuple.count(items)) : (List.items(items), List.count(items))
        var partials: [Double] = []
        var special = 0.0, infinities = 0.0
        for index in 0..<count {
            var x = try real(pointer[index])
            if !x.isFinite {
                if x.isInfinite { infinities += x }
                special += x
                continue
            }
            var kept = 0
            for var y in partials {
                if x.magnitude < y.magnitude { swap(&x, &y) }
                let high = x + y
                let low = y - (high - x)
                if low != 0 {
                    partials[kept] = low
                    kept += 1
                }
                x = high
            }
            partials.removeSubrange(kept...)
            partials.append(x)
        }
        if special != 0 {
            if infinities.isNaN { throw PythonError(.valueError, "-inf + inf in fsum") }
            return special
        }
        var high = 0.0
        var n = partials.count
        if n > 0 {
            n -= 1
            high = partials[n]
            var low = 0.0
            while n > 0 {
                let x = high
                n -= 1
                let y = partials[n]
                high = x + y
                let yr = high - x
                low = y - yr
                if low != 0 { break }
            }
            // Round half even correctly when the remaining partials point the same way.
            if n > 0 && ((low < 0 && partials[n - 1] < 0) || (low > 0 && partials[n - 1] > 0)) {
                let y = low * 2
                let x = high + y
                if y == x - high { high = x }
            }
        }
        return high
    }

    // MARK: arguments

    /// A float argument as the math functions take it: an int, a bool or a float.
    public static func realArgument(_ v: Value) throws(PythonError) -> Double { try real(v) }

    static func real(_ v: Value) throws(PythonError) -> Double {
        if v.kind == .float { return Floats.value(v) }
        if Ints.isInt(v) { return try Ints.toDouble(Ints.unbool(v)) }
        throw PythonError(.typeError, "must be real number, not \(TypeObjects.name(v.type))")
    }

    static func integer(_ v: Value) throws(PythonError) -> Value { try Ints.index(v) }

    static func expect(_ name: String, _ arguments: [Value], count: Int) throws(PythonError) {
        if arguments.count != count { throw arity(name, String(count), arguments.count) }
    }

    static func arity(_ name: String, _ expected: String, _ given: Int) -> PythonError {
        if expected == "1" { return PythonError(.typeError, "math.\(name)() takes exactly one argument (\(given) given)") }
        return PythonError(.typeError, "\(name) expected \(expected) arguments, got \(given)")
    }

    /// A fresh int computed by GMP from nothing.
    static func gmp(_ body: (UnsafeMutablePointer<bigz>) -> Void) -> Value {
        var r = bigz()
        bigz_init(&r)
        withUnsafeMutablePointer(to: &r) { body($0) }
        return Ints.make(consuming: &r)
    }
}
