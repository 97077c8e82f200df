import Glibc

/// The functions of `random` that draw from a population: choice, shuffle, sample and
/// choices, drawing the same words in the same order as CPython's code for them.
extension RandomModule {
    static func choice(_ sequence: Value) throws(PythonError) -> Value {
        let n = try length(sequence)
        if n == 0 { throw PythonError(.indexError, "Cannot choose from an empty sequence") }
        return try item(sequence, generator.below(n))
    }

    /// Fisher-Yates from the end, as CPython's shuffle. A sequence that cannot be assigned
    /// to fails at the first swap, after one draw, as in CPython.
    static func shuffle(_ x: Value) throws(PythonError) {
        let n = try length(x)
        var i = n - 1
        while i >= 1 {
            let j = generator.below(i + 1)
            guard x.kind == .list else {
                _ = try item(x, j)
                throw PythonError(.typeError, "'\(TypeObjects.name(x.type))' object does not support item assignment")
            }
            let items = List.items(x)
            (items[i], items[j]) = (items[j], items[i])
            i -= 1
        }
    }

    /// `sample(population, k, counts=None)`. Like CPython, it picks from a shrinking copy of
    /// the population when that is small next to k, else draws indices until unseen ones.
    static func sample(_ population: Value, _ k: Value, counts: Value) throws(PythonError) -> Value {
        guard [.list, .tuple, .str, .range].contains(population.kind) else {
            throw PythonError(.typeError, "Population must be a sequence.  For dicts or sets, use sorted(d).")
        }
        let n = try length(population)
        if !isNone(counts) { return try sample(population, n, k, counts: counts) }
        let notNegative = try Objects.compare(Value(smallInt: 0), k, .lessOrEqual)
        let notTooLarge = notNegative ? try Objects.compare(k, Value(smallInt: n), .lessOrEqual) : true
        if !notNegative || !notTooLarge { throw PythonError(.valueError, "Sample larger than population or is negative") }
        guard Ints.isInt(k) else {
            throw PythonError(.typeError, "can't multiply sequence by non-int of type '\(TypeObjects.name(k.type))'")
        }
        let count = Ints.unbool(k).smallInt
        let result = List.make(capacity: count)
        if n <= poolLimit(count) {
            let pool = List.make(capacity: n)
            for i in 0..<n { List.append(pool, try item(population, i)) }
            for i in 0..<count {
                let j = generator.below(n - i)
                List.append(result, List.item(pool, at: j))
                List.items(pool)[j] = List.item(pool, at: n - i - 1)
            }
        } else {
            var selected = Set<Int>()
            for _ in 0..<count {
                var j = generator.below(n)
                while selected.contains(j) { j = generator.below(n) }
                selected.insert(j)
                List.append(result, try item(population, j))
            }
        }
        return result
    }

    /// The largest population that sample copies: CPython's estimate of when a copy of the
    /// population costs less memory than a set of k indices.
    static func poolLimit(_ k: Int) -> Int {
        guard k > 5 else { return 21 }
        let exponent = Int(Glibc.ceil(Glibc.log(Double(k * 3)) / Glibc.log(4.0)))
        return 21 + (1 << (2 * exponent))
    }

    /// sample with `counts`: a sample of positions in the population repeated as counted.
    static func sample(_ population: Value, _ n: Int, _ k: Value, counts: Value) throws(PythonError) -> Value {
        let cumulative = try accumulated(counts)
        if List.count(cumulative) != n { throw PythonError(.valueError, "The number of counts does not match the population") }
        let total = try List.pop(cumulative)
        if !Ints.isInt(total) { throw PythonError(.typeError, "Counts must be integers") }
        if Ints.sign(Ints.unbool(total)) <= 0 { throw PythonError(.valueError, "Total of counts must be greater than zero") }
        let positions = try Ranges.make(start: Value(smallInt: 0), stop: total, step: Value(smallInt: 1))
        let selections = try sample(positions, k, counts: .null)
        let result = List.make(capacity: List.count(selections))
        for i in 0..<List.count(selections) {
            let index = try bisectRight(cumulative, List.item(selections, at: i), 0, List.count(cumulative))
            List.append(result, try item(population, index))
        }
        return result
    }

    /// `choices(population, weights=None, *, cum_weights=None, k=1)`: uniform draws scale
    /// one random() by the length; weighted ones bisect the running totals.
    static func choices(_ population: Value, weights: Value, cumulativeWeights: Value, k: Value) throws(PythonError) -> Value {
        let n = try length(population)
        var cumulative = cumulativeWeights
        if isNone(cumulativeWeights) {
            if isNone(weights) {
                let result = List.make()
                for _ in 0..<(try repetitions(k)) {
                    List.append(result, try item(population, Int(Glibc.floor(generator.nextDouble() * Double(n)))))
                }
                return result
            }
            if Ints.isInt(weights) {
                throw PythonError(.typeError, "The number of choices must be a keyword argument: k=\(try Objects.repr(weights))")
            }
            cumulative = try accumulated(weights)
        } else if !isNone(weights) {
            throw PythonError(.typeError, "Cannot specify both weights and cumulative weights")
        }
        if try length(cumulative) != n { throw PythonError(.valueError, "The number of weights does not match the population") }
        let total = Floats.value(try Arithmetic.add(try item(cumulative, -1), Floats.make(0.0)))
        if total <= 0 { throw PythonError(.valueError, "Total of weights must be greater than zero") }
        if !total.isFinite { throw PythonError(.valueError, "Total of weights must be finite") }
        let result = List.make()
        for _ in 0..<(try repetitions(k)) {
            let index = try bisectRight(cumulative, Floats.make(generator.nextDouble() * total), 0, n - 1)
            List.append(result, try item(population, index))
        }
        return result
    }

    /// How many draws `k` asks for; a negative count asks for none, as `itertools.repeat`.
    static func repetitions(_ k: Value) throws(PythonError) -> Int {
        if k.isNull { return 1 }
        let count = try MathModule.integer(k)
        guard count.isSmallInt else { throw PythonError(.overflowError, "Python int too large to convert to C ssize_t") }
        return max(0, count.smallInt)
    }

    /// `list(itertools.accumulate(values))`: running totals by Python's `+`.
    static func accumulated(_ values: Value) throws(PythonError) -> Value {
        guard [.list, .tuple, .str, .range].contains(values.kind) else {
            throw PythonError(.typeError, "'\(TypeObjects.name(values.type))' object is not iterable")
        }
        let n = try length(values)
        let totals = List.make(capacity: n)
        var total = Value.null
        for i in 0..<n {
            let x = try item(values, i)
            total = total.isNull ? x : try Arithmetic.add(total, x)
            List.append(totals, total)
        }
        return totals
    }

    /// `bisect.bisect_right(sequence, x, low, high)`, comparing with Python's `<`.
    static func bisectRight(_ sequence: Value, _ x: Value, _ low: Int, _ high: Int) throws(PythonError) -> Int {
        var (low, high) = (low, high)
        while low < high {
            let middle = (low + high) / 2
            if try Objects.compare(x, try item(sequence, middle), .less) { high = middle } else { low = middle + 1 }
        }
        return low
    }

    // MARK: the populations

    /// `len(s)` for what random draws from.
    static func length(_ s: Value) throws(PythonError) -> Int {
        switch s.kind {
        case .list, .tuple, .str: return Sequences.length(s)
        case .range:
            let n = Ranges.length(s)
            guard n.isSmallInt else { throw PythonError(.overflowError, "Python int too large to convert to C ssize_t") }
            return n.smallInt
        case .dict: return Dict.count(s)
        case .set, .frozenset: return Sets.count(s)
        default: throw PythonError(.typeError, "object of type '\(TypeObjects.name(s.type))' has no len()")
        }
    }

    /// `s[index]` for what random draws from; negative indices count from the end.
    static func item(_ s: Value, _ index: Int) throws(PythonError) -> Value {
        switch s.kind {
        case .list, .tuple, .str:
            return try Sequences.item(s, Value(smallInt: index))
        case .range:
            let n = try length(s)
            let i = index < 0 ? index + n : index
            guard i >= 0 && i < n else { throw PythonError(.indexError, "range object index out of range") }
            return Ranges.item(s, at: Value(smallInt: i))
        case .dict:
            let key = Value(smallInt: index)
            let value = try Dict.get(s, key)
            if value.isNull { throw PythonError(exception: Exceptions.make(BuiltinException.keyError.type, arguments: [key])) }
            return value
        default:
            throw PythonError(.typeError, "'\(TypeObjects.name(s.type))' object is not subscriptable")
        }
    }
}
