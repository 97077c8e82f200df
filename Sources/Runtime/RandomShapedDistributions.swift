import Glibc

/// The distributions of `random` with shape parameters: gamma (and beta, made of two),
/// Pareto, Weibull and von Mises, by CPython's algorithms, drawing in the same order.
/// Shape parameters are compared and combined as Python would; the inner arithmetic is on
/// floats, as it is in CPython once a parameter has met a float.
extension RandomModule {
    static func shapedDistribution(_ name: String, _ p: [Value]) throws(PythonError) -> Value {
        switch name {
        case "gammavariate": return try gamma(p[0], p[1])
        case "betavariate":
            let y = try gamma(p[0], Floats.make(1.0))
            guard Objects.isTrue(y) else { return Floats.make(0.0) }
            return try Arithmetic.trueDivide(y, try Arithmetic.add(y, try gamma(p[1], Floats.make(1.0))))
        case "paretovariate":
            let u = 1.0 - generator.nextDouble()
            return try Arithmetic.power(Floats.make(u), try Arithmetic.trueDivide(Floats.make(-1.0), p[0]))
        case "weibullvariate":
            let u = 1.0 - generator.nextDouble()
            let scaled = try Arithmetic.power(Floats.make(-Glibc.log(u)), try Arithmetic.trueDivide(Floats.make(1.0), p[1]))
            return try Arithmetic.multiply(p[0], scaled)
        default:  // vonmisesvariate
            return try vonMises(mu: p[0], kappa: p[1])
        }
    }

    /// `gammavariate(alpha, beta)`: Cheng's rejection method above 1, the exponential
    /// distribution at 1, and Ahrens and Dieter's method below.
    static func gamma(_ alpha: Value, _ beta: Value) throws(PythonError) -> Value {
        let zero = Floats.make(0.0)
        let alphaTooSmall = try Objects.compare(alpha, zero, .lessOrEqual)
        let betaTooSmall = alphaTooSmall ? true : try Objects.compare(beta, zero, .lessOrEqual)
        if alphaTooSmall || betaTooSmall { throw PythonError(.valueError, "gammavariate: alpha and beta must be > 0.0") }
        let a = try MathModule.real(alpha)
        let x: Double
        if a > 1.0 {
            x = chengGamma(a)
        } else if a == 1.0 {
            x = -Glibc.log(1.0 - generator.nextDouble())
        } else {
            x = try ahrensDieterGamma(a)
        }
        return try Arithmetic.multiply(Floats.make(x), beta)
    }

    static func chengGamma(_ a: Double) -> Double {
        let inverse = Glibc.sqrt(2.0 * a - 1.0)
        let (b, c) = (a - Glibc.log(4.0), a + inverse)
        let magic = 1.0 + Glibc.log(4.5)
        while true {
            let u1 = generator.nextDouble()
            if !(1e-7 < u1 && u1 < 0.9999999) { continue }
            let u2 = 1.0 - generator.nextDouble()
            let v = Glibc.log(u1 / (1.0 - u1)) / inverse
            let x = a * Glibc.exp(v)
            let z = u1 * u1 * u2
            let r = b + c * v - x
            if r + magic - 4.5 * z >= 0.0 || r >= Glibc.log(z) { return x }
        }
    }

    static func ahrensDieterGamma(_ a: Double) throws(PythonError) -> Double {
        while true {
            let u = generator.nextDouble()
            let b = (M_E + a) / M_E
            let p = b * u
            let x = p <= 1.0 ? try Floats.powerValue(p, 1.0 / a) : -Glibc.log((b - p) / a)
            let u1 = generator.nextDouble()
            if p > 1.0 {
                if u1 <= (try Floats.powerValue(x, a - 1.0)) { return x }
            } else if u1 <= Glibc.exp(-x) {
                return x
            }
        }
    }

    /// `vonmisesvariate(mu, kappa)`: uniform on the circle for a tiny kappa, else Best and
    /// Fisher's rejection method.
    static func vonMises(mu: Value, kappa: Value) throws(PythonError) -> Value {
        let twoPi = 2.0 * Double.pi
        if try Objects.compare(kappa, Floats.make(1e-6), .lessOrEqual) {
            return Floats.make(twoPi * generator.nextDouble())
        }
        let s = 0.5 / (try MathModule.real(kappa))
        let r = s + Glibc.sqrt(1.0 + s * s)
        var z: Double
        while true {
            let u1 = generator.nextDouble()
            z = Glibc.cos(Double.pi * u1)
            let d = z / (r + z)
            let u2 = generator.nextDouble()
            if u2 < 1.0 - d * d || u2 <= (1.0 - d) * Glibc.exp(d) { break }
        }
        let q = 1.0 / r
        let f = (q + z) / (1.0 + q * z)
        let u3 = generator.nextDouble()
        let angle = Floats.make(try MathModule.applyUnary(Glibc.acos, f, canOverflow: false))
        let turned = u3 > 0.5 ? try Arithmetic.add(mu, angle) : try Arithmetic.subtract(mu, angle)
        return try Arithmetic.modulo(turned, Floats.make(twoPi))
    }
}
