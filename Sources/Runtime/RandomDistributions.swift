import Glibc

/// The real-valued functions of `random`. Each computes with Python's operators on its
/// arguments (`Arithmetic`), so ints, floats and bad types give CPython's results and
/// errors, and draws its words in CPython's order.
extension RandomModule {
    static func distribution(_ name: String, _ p: [Value]) throws(PythonError) -> Value {
        switch name {
        case "uniform": return try uniform(p[0], p[1])
        case "triangular": return try triangular(or(p[0], 0.0), or(p[1], 1.0), mode: p[2])
        case "normalvariate": return try shifted(normalDeviate(), mu: or(p[0], 0.0), sigma: or(p[1], 1.0))
        case "gauss": return try shifted(gaussianDeviate(), mu: or(p[0], 0.0), sigma: or(p[1], 1.0))
        case "lognormvariate":
            let normal = try shifted(normalDeviate(), mu: p[0], sigma: p[1])
            return try MathModule.call("exp", [normal])
        case "expovariate":
            return try Arithmetic.trueDivide(Floats.make(-Glibc.log(1.0 - generator.nextDouble())), p[0])
        default:
            return try shapedDistribution(name, p)
        }
    }

    /// A parameter, or its float default.
    static func or(_ v: Value, _ fallback: Double) -> Value { v.isNull ? Floats.make(fallback) : v }

    /// `a + (b - a) * random()`.
    static func uniform(_ a: Value, _ b: Value) throws(PythonError) -> Value {
        let span = try Arithmetic.subtract(b, a)
        return try Arithmetic.add(a, try Arithmetic.multiply(span, Floats.make(generator.nextDouble())))
    }

    /// `triangular(low, high, mode)`: a degenerate interval gives `low` back as it is.
    static func triangular(_ low: Value, _ high: Value, mode: Value) throws(PythonError) -> Value {
        var u = generator.nextDouble()
        var c = 0.5
        if !isNone(mode) {
            do {
                c = Floats.value(try Arithmetic.trueDivide(try Arithmetic.subtract(mode, low), try Arithmetic.subtract(high, low)))
            } catch where TypeObjects.isSubtype(error.exception.type, of: BuiltinException.zeroDivisionError.type) {
                return low
            }
        }
        var (low, high) = (low, high)
        if u > c {
            u = 1.0 - u
            c = 1.0 - c
            (low, high) = (high, low)
        }
        let root = Floats.make(try MathModule.applyUnary(Glibc.sqrt, u * c, canOverflow: false))
        return try Arithmetic.add(low, try Arithmetic.multiply(try Arithmetic.subtract(high, low), root))
    }

    /// `mu + z * sigma`.
    static func shifted(_ z: Double, mu: Value, sigma: Value) throws(PythonError) -> Value {
        try Arithmetic.add(mu, try Arithmetic.multiply(Floats.make(z), sigma))
    }

    /// A standard normal deviate by Kinderman and Monahan's ratio method, as normalvariate.
    static func normalDeviate() -> Double {
        let magic = 4 * Glibc.exp(-0.5) / Glibc.sqrt(2.0)
        while true {
            let u1 = generator.nextDouble()
            let u2 = 1.0 - generator.nextDouble()
            let z = magic * (u1 - 0.5) / u2
            if z * z / 4.0 <= -Glibc.log(u2) { return z }
        }
    }

    /// A standard normal deviate by Box-Muller, as gauss: each pair of draws makes two
    /// deviates, and the second waits in the generator for the next call.
    static func gaussianDeviate() -> Double {
        if let kept = generator.gaussNext {
            generator.gaussNext = nil
            return kept
        }
        let angle = generator.nextDouble() * (2.0 * Double.pi)
        let radius = Glibc.sqrt(-2.0 * Glibc.log(1.0 - generator.nextDouble()))
        generator.gaussNext = Glibc.sin(angle) * radius
        return Glibc.cos(angle) * radius
    }
}
