import Glibc

/// The math functions over several numbers: prod, and dist and hypot, whose Euclidean norm
/// is CPython's, accurate to the last bit, so it is computed the same way.
extension MathModule {
    /// `prod(iterable, *, start=1)`: Python's `*`, left to right, so ints stay exact and
    /// `prod(['a', 2])` repeats the str as in CPython.
    static func product(_ arguments: [Value], _ keywords: [(String, Value)]) throws(PythonError) -> Value {
        guard arguments.count == 1 else {
            throw PythonError(.typeError, "prod() takes exactly 1 positional argument (\(arguments.count) given)")
        }
        if arguments.count + keywords.count > 2 {
            throw PythonError(.typeError, "prod() takes at most 2 arguments (\(arguments.count + keywords.count) given)")
        }
        var result = Value(smallInt: 1)
        if let (name, start) = keywords.first {
            guard name == "start" else { throw PythonError(.typeError, "prod() got an unexpected keyword argument '\(name)'") }
            result = start
        }
        try Iterables.forEach(arguments[0]) { item throws(PythonError) in
            result = try Arithmetic.multiply(result, item)
            return true
        }
        return result
    }

    /// `dist(p, q)`: both points become sequences first, then lengths are checked, then
    /// coordinates converted pair by pair, so errors come in CPython's order.
    static func distance(_ p: Value, _ q: Value) throws(PythonError) -> Double {
        let (first, second) = (try coordinates(p), try coordinates(q))
        guard List.count(first) == List.count(second) else {
            throw PythonError(.valueError, "both points must have the same number of dimensions")
        }
        var differences: [Double] = []
        for i in 0..<List.count(first) {
            let x = try real(List.item(first, at: i))
            differences.append(Swift.abs(x - (try real(List.item(second, at: i)))))
        }
        return norm(differences)
    }

    /// `hypot(*coordinates)`.
    static func hypotenuse(_ arguments: [Value]) throws(PythonError) -> Double {
        var magnitudes: [Double] = []
        for argument in arguments { magnitudes.append(Swift.abs(try real(argument))) }
        return norm(magnitudes)
    }

    static func coordinates(_ point: Value) throws(PythonError) -> Value {
        let list = List.make()
        try Iterables.forEach(point) { item throws(PythonError) in
            List.append(list, item)
            return true
        }
        return list
    }

    /// The Euclidean norm of nonnegative numbers: an infinity wins over a NaN; otherwise
    /// the squares are summed exactly in scaled double-length arithmetic and the root gets
    /// one correction step.
    static func norm(_ magnitudes: [Double]) -> Double {
        let largest = magnitudes.reduce(0.0) { $1 > $0 ? $1 : $0 }
        if largest.isInfinite { return largest }
        if magnitudes.contains(where: \.isNaN) { return .nan }
        if largest == 0 || magnitudes.count <= 1 { return largest }
        var exponent: Int32 = 0
        _ = Glibc.frexp(largest, &exponent)
        if exponent < -1023 {  // subnormal: scale up first, as 2**-exponent would overflow
            let smallest = Double.leastNormalMagnitude
            return smallest * norm(magnitudes.map { $0 / smallest })
        }
        let scale = Glibc.ldexp(1.0, -exponent)
        var sum = 1.0, lowProducts = 0.0, lowSums = 0.0  // the sum starts at 1 to keep it exact
        func accumulate(_ product: (high: Double, low: Double)) {
            let total = sum + product.high
            lowSums += (sum - total) + product.high
            sum = total
            lowProducts += product.low
        }
        for magnitude in magnitudes {
            let x = magnitude * scale
            accumulate(exactProduct(x, x))
        }
        var root = (sum - 1.0 + (lowProducts + lowSums)).squareRoot()
        accumulate(exactProduct(-root, root))
        let residual = sum - 1.0 + (lowProducts + lowSums)
        root += residual / (2.0 * root)
        return root / scale
    }

    /// x * y as a rounded product and its exact error.
    static func exactProduct(_ x: Double, _ y: Double) -> (high: Double, low: Double) {
        let high = x * y
        return (high, Glibc.fma(x, y, -high))
    }

    /// `ulp(x)`: the gap from |x| to the next larger float (to the next smaller for the
    /// largest finite float).
    static func unitInLastPlace(_ x: Double) -> Double {
        if x.isNaN { return x }
        let magnitude = Swift.abs(x)
        if magnitude.isInfinite { return magnitude }
        let above = Glibc.nextafter(magnitude, .infinity)
        if above.isInfinite { return magnitude - Glibc.nextafter(magnitude, -.infinity) }
        return above - magnitude
    }
}
