import Runtime

/// product, permutations, combinations, combinations_with_replacement. Each keeps its pool
/// as a tuple in `a` and its indices as a list of small ints; `j` is the state: 0 before the
/// first result, 1 while running, 2 when done. The index arithmetic follows the
/// pure-Python equivalents in the itertools documentation.
enum ItertoolsCombinatorics {
    nonisolated(unsafe) static var product = Value.null
    nonisolated(unsafe) static var permutations = Value.null
    nonisolated(unsafe) static var combinations = Value.null
    nonisolated(unsafe) static var combinationsWithReplacement = Value.null

    private static let fresh = 0, running = 1, done = 2

    /// A list of small ints, the indices of a combinatoric iterator.
    private static func indexList(_ values: [Int]) -> Value {
        let list = List.make(capacity: values.count)
        for v in values { List.append(list, Value(smallInt: v)) }
        return list
    }

    /// The tuple of `pool[indices[k]]` for the first `count` indices.
    private static func pick(_ pool: Value, _ indices: Value, count: Int) -> Value {
        let result = Tuple.allocate(count: count)
        for k in 0..<count { Tuple.items(result)[k] = Tuple.items(pool)[List.items(indices)[k].smallInt] }
        return result
    }

    private static func poolTuple(_ iterable: Value) throws(PythonError) -> Value {
        if iterable.kind == .tuple && iterable.type.is(BuiltinTypes.tuple) { return iterable }
        let list = try Iteration.list(iterable)
        return Tuple.make(ItertoolsCombining.listItems(list))
    }

    // MARK: product(*iterables, repeat=1): `a` the tuple of pools, `b` the indices

    static func productType() -> Value {
        product = NativeTypes.iteratorType("product", new: { args throws(PythonError) in
            try args.expect(0...Int.max, keywords: ["repeat"])
            var times = 1
            if let repeatValue = args.keyword("repeat") {
                times = try NativeTypes.index(repeatValue, "repeat argument cannot be negative")
            }
            let distinct = Tuple.allocate(count: args.positionalCount)
            for k in 0..<args.positionalCount { Tuple.items(distinct)[k] = try poolTuple(args[k]) }
            let pools = Tuple.allocate(count: args.positionalCount * times)
            for k in 0..<Tuple.count(pools) { Tuple.items(pools)[k] = Tuple.items(distinct)[k % args.positionalCount] }
            let indices = indexList(Array(repeating: 0, count: Tuple.count(pools)))
            return NativeTypes.iterator(product, a: pools, b: indices)
        }, next: { it throws(PythonError) in
            let fields = NativeTypes.fields(it)
            let pools = fields.pointee.a, indices = fields.pointee.b
            let n = Tuple.count(pools)
            switch fields.pointee.j {
            case fresh:
                for k in 0..<n where Tuple.count(Tuple.items(pools)[k]) == 0 {
                    fields.pointee.j = done
                    return Value.null
                }
                fields.pointee.j = running
            case running:
                // Count up like an odometer, the rightmost wheel fastest.
                var k = n - 1
                while k >= 0 {
                    let next = List.items(indices)[k].smallInt + 1
                    if next < Tuple.count(Tuple.items(pools)[k]) {
                        List.items(indices)[k] = Value(smallInt: next)
                        break
                    }
                    List.items(indices)[k] = Value(smallInt: 0)
                    k -= 1
                }
                if k < 0 {
                    fields.pointee.j = done
                    return Value.null
                }
            default:
                return Value.null
            }
            let result = Tuple.allocate(count: n)
            for k in 0..<n { Tuple.items(result)[k] = Tuple.items(Tuple.items(pools)[k])[List.items(indices)[k].smallInt] }
            return result
        })
        return product
    }

    // MARK: permutations(iterable, r=None): `b` the indices, `c` the cycles; `i` is r

    static func permutationsType() -> Value {
        permutations = NativeTypes.iteratorType("permutations", new: { args throws(PythonError) in
            try args.expect(1...2, keywords: ["iterable", "r"])
            guard let iterable = args.argument(0, "iterable") else {
                throw PythonError(.typeError, "permutations() missing required argument 'iterable' (pos 1)")
            }
            let pool = try poolTuple(iterable)
            let n = Tuple.count(pool)
            var r = n
            if let given = args.argument(1, "r"), !given.is(BuiltinTypes.none) {
                r = try NativeTypes.index(given, "r must be non-negative")
            }
            let indices = indexList(Array(0..<n))
            let cycles = indexList(r > n ? [] : Array(stride(from: n, to: n - r, by: -1)))
            return NativeTypes.iterator(permutations, a: pool, b: indices, c: cycles, i: r, j: r > n ? done : fresh)
        }, next: { it throws(PythonError) in
            let fields = NativeTypes.fields(it)
            let pool = fields.pointee.a, indices = fields.pointee.b, cycles = fields.pointee.c
            let n = Tuple.count(pool), r = fields.pointee.i
            switch fields.pointee.j {
            case fresh:
                fields.pointee.j = running
                return pick(pool, indices, count: r)
            case running:
                if advancePermutation(indices, cycles, n: n, r: r) { return pick(pool, indices, count: r) }
                fields.pointee.j = done
                return Value.null
            default:
                return Value.null
            }
        })
        return permutations
    }

    /// Steps the indices to the next permutation; false after the last.
    private static func advancePermutation(_ indices: Value, _ cycles: Value, n: Int, r: Int) -> Bool {
        let index = List.items(indices), cycle = List.items(cycles)
        var k = r - 1
        while k >= 0 {
            let left = cycle[k].smallInt - 1
            if left == 0 {
                // Rotate index k to the end and start its cycle again.
                let moved = index[k]
                for m in k..<(n - 1) { index[m] = index[m + 1] }
                index[n - 1] = moved
                cycle[k] = Value(smallInt: n - k)
            } else {
                cycle[k] = Value(smallInt: left)
                let other = n - left
                let swapped = index[k]
                index[k] = index[other]
                index[other] = swapped
                return true
            }
            k -= 1
        }
        return false
    }

    // MARK: combinations(iterable, r) and combinations_with_replacement: `b` the indices; `i` is r

    static func combinationsType() -> Value {
        combinations = NativeTypes.iteratorType("combinations", new: { args throws(PythonError) in
            try makeCombinations(args, type: combinations, withReplacement: false)
        }, next: { it throws(PythonError) in
            try nextCombination(it, withReplacement: false)
        })
        return combinations
    }

    static func combinationsWithReplacementType() -> Value {
        combinationsWithReplacement = NativeTypes.iteratorType("combinations_with_replacement", new: { args throws(PythonError) in
            try makeCombinations(args, type: combinationsWithReplacement, withReplacement: true)
        }, next: { it throws(PythonError) in
            try nextCombination(it, withReplacement: true)
        })
        return combinationsWithReplacement
    }

    private static func makeCombinations(_ args: NativeArguments, type: Value, withReplacement: Bool) throws(PythonError) -> Value {
        try args.expect(1...2, keywords: ["iterable", "r"])
        guard let iterable = args.argument(0, "iterable"), let rValue = args.argument(1, "r") else {
            let missing = args.argument(0, "iterable") == nil ? "'iterable' (pos 1)" : "'r' (pos 2)"
            throw PythonError(.typeError, "\(args.name)() missing required argument \(missing)")
        }
        let pool = try poolTuple(iterable)
        let n = Tuple.count(pool)
        let r = try NativeTypes.index(rValue, "r must be non-negative")
        let empty = withReplacement ? (n == 0 && r > 0) : r > n
        let indices = indexList(withReplacement ? Array(repeating: 0, count: r) : Array(0..<min(r, n)))
        return NativeTypes.iterator(type, a: pool, b: indices, i: r, j: empty ? done : fresh)
    }

    private static func nextCombination(_ it: Value, withReplacement: Bool) throws(PythonError) -> Value {
        let fields = NativeTypes.fields(it)
        let pool = fields.pointee.a, indices = fields.pointee.b
        let n = Tuple.count(pool), r = fields.pointee.i
        switch fields.pointee.j {
        case fresh:
            fields.pointee.j = running
            return pick(pool, indices, count: r)
        case running:
            let advanced = withReplacement ? advanceWithReplacement(indices, n: n, r: r) : advanceCombination(indices, n: n, r: r)
            if advanced { return pick(pool, indices, count: r) }
            fields.pointee.j = done
            return Value.null
        default:
            return Value.null
        }
    }

    /// The rightmost index not at its highest place moves up one; those after it follow on.
    private static func advanceCombination(_ indices: Value, n: Int, r: Int) -> Bool {
        let index = List.items(indices)
        var k = r - 1
        while k >= 0 && index[k].smallInt == k + n - r { k -= 1 }
        if k < 0 { return false }
        index[k] = Value(smallInt: index[k].smallInt + 1)
        for m in (k + 1)..<max(k + 1, r) { index[m] = Value(smallInt: index[m - 1].smallInt + 1) }
        return true
    }

    /// The rightmost index below n - 1 moves up one; those after it take its value.
    private static func advanceWithReplacement(_ indices: Value, n: Int, r: Int) -> Bool {
        let index = List.items(indices)
        var k = r - 1
        while k >= 0 && index[k].smallInt == n - 1 { k -= 1 }
        if k < 0 { return false }
        let raised = Value(smallInt: index[k].smallInt + 1)
        for m in k..<r { index[m] = raised }
        return true
    }
}
