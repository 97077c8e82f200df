import Glibc

/// `math.gamma` and `math.lgamma` as CPython computes them, to the last bit: exact
/// factorials for small integers, and elsewhere the Lanczos approximation with g ≈ 6.0247
/// and 13 terms (the coefficients Boost publishes), evaluated in the same order. glibc's
/// `tgamma` is closer to the true value but differs from CPython in the last digits.
enum MathGamma {
    static let g = 6.024680040776729583740234375
    static let gMinusHalf = 5.524680040776729583740234375

    static let numerator: [Double] = [
        23531376880.410759688572007674451636754734846804940,
        42919803642.649098768957899047001988850926355848959,
        35711959237.355668049440185451547166705960488635843,
        17921034426.037209699919755754458931112671403265390,
        6039542586.3520280050642916443072979210699388420708,
        1439720407.3117216736632230727949123939715485786772,
        248874557.86205415651146038641322942321632125127801,
        31426415.585400194380614231628318205362874684987640,
        2876370.6289353724412254090516208496135991145378768,
        186056.26539522349504029498971604569928220784236328,
        8071.6720023658162106380029022722506138218516325024,
        210.82427775157934587250973392071336271166969580291,
        2.5066282746310002701649081771338373386264310793408,
    ]
    /// The denominator's coefficients: those of x(x+1)...(x+11).
    static let denominator: [Double] = [
        0.0, 39916800.0, 120543840.0, 150917976.0, 105258076.0, 45995730.0, 13339535.0,
        2637558.0, 357423.0, 32670.0, 1925.0, 66.0, 1.0,
    ]

    /// The rational function of the approximation, by Horner's rule in x for small x and
    /// in 1/x for large x, where the other order would overflow.
    static func lanczosSum(_ x: Double) -> Double {
        var num = 0.0, den = 0.0
        if x < 5.0 {
            for i in stride(from: numerator.count - 1, through: 0, by: -1) {
                num = num * x + numerator[i]
                den = den * x + denominator[i]
            }
        } else {
            for i in 0..<numerator.count {
                num = num / x + numerator[i]
                den = den / x + denominator[i]
            }
        }
        return num / den
    }

    /// sin(πx), exact at the multiples of 1/2.
    static func sinPi(_ x: Double) -> Double {
        let y = fmod(fabs(x), 2.0)
        let r: Double
        switch Int((2.0 * y).rounded(.toNearestOrAwayFromZero)) {
        case 0: r = sin(Double.pi * y)
        case 1: r = cos(Double.pi * (y - 0.5))
        case 2: r = sin(Double.pi * (1.0 - y))
        case 3: r = -cos(Double.pi * (y - 1.5))
        default: r = sin(Double.pi * (y - 2.0))
        }
        return copysign(1.0, x) * r
    }

    enum Failure: Error { case domain, range }

    static func gamma(_ x: Double) -> Result<Double, Failure> {
        if !x.isFinite {
            if x.isNaN || x > 0 { return .success(x) }
            return .failure(.domain)
        }
        if x == 0 { return .failure(.domain) }
        if x == floor(x) {
            if x < 0 { return .failure(.domain) }
            if x <= 23 {
                var factorial = 1.0
                for k in stride(from: 2.0, to: x, by: 1.0) { factorial *= k }
                return .success(factorial)
            }
        }
        let absx = fabs(x)
        if absx < 1e-20 {
            let r = 1.0 / x
            return r.isInfinite ? .failure(.range) : .success(r)
        }
        if absx > 200.0 {
            if x < 0.0 { return .success(0.0 / sinPi(x)) }
            return .failure(.range)
        }
        let y = absx + gMinusHalf
        var z: Double
        if absx > gMinusHalf {
            let q = y - absx
            z = q - gMinusHalf
        } else {
            let q = y - gMinusHalf
            z = q - absx
        }
        z = z * g / y
        var r: Double
        if x < 0.0 {
            r = -Double.pi / sinPi(absx) / absx * exp(y) / lanczosSum(absx)
            r -= z * r
            if absx < 140.0 {
                r /= pow(y, absx - 0.5)
            } else {
                let sqrtPower = pow(y, absx / 2.0 - 0.25)
                r /= sqrtPower
                r /= sqrtPower
            }
        } else {
            r = lanczosSum(absx) / exp(y)
            r += z * r
            if absx < 140.0 {
                r *= pow(y, absx - 0.5)
            } else {
                let sqrtPower = pow(y, absx / 2.0 - 0.25)
                r *= sqrtPower
                r *= sqrtPower
            }
        }
        return r.isInfinite ? .failure(.range) : .success(r)
    }

    static func logGamma(_ x: Double) -> Result<Double, Failure> {
        if !x.isFinite { return .success(x.isNaN ? x : Double.infinity) }
        if x == floor(x) && x <= 2.0 { return x <= 0.0 ? .failure(.domain) : .success(0.0) }
        let absx = fabs(x)
        if absx < 1e-20 { return .success(-log(absx)) }
        var r = log(lanczosSum(absx)) - g
        r += (absx - 0.5) * (log(absx + g - 0.5) - 1)
        if x < 0.0 { r = log(Double.pi) - log(fabs(sinPi(absx))) - log(absx) - r }
        return r.isInfinite ? .failure(.range) : .success(r)
    }
}
