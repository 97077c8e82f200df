/// The set operations and comparisons of keys and items views, as CPython computes them:
/// most make a set of the left operand and update it with the right one; `&` walks the
/// smaller operand; `^` of two items views compares the values of common keys.
extension DictViews {
    /// `a op b` where either is a keys or items view; nil (NotImplemented) otherwise.
    public static func binary(_ op: BinaryOperator, _ a: Value, _ b: Value) throws(PythonError) -> Value? {
        guard isSetLike(a) || isSetLike(b) else { return nil }
        switch op {
        case .and: return try intersection(a, b)
        case .or:
            let result = try set(of: a)
            try Sets.update(result, with: b)
            return result
        case .subtract:
            let result = try set(of: a)
            try Sets.differenceUpdate(result, b)
            return result
        case .xor:
            if a.kind == .dictView && which(a) == .items && b.kind == .dictView && which(b) == .items {
                return try itemsSymmetricDifference(a, b)
            }
            let result = try set(of: a)
            try Sets.symmetricDifferenceUpdate(result, b)
            return result
        default: return nil
        }
    }

    /// A new set of the items of `v`; a keys view reads its dict directly.
    static func set(of v: Value) throws(PythonError) -> Value {
        let result = Sets.make()
        try Sets.update(result, with: v.kind == .dictView && which(v) == .keys ? dict(of: v) : v)
        return result
    }

    /// `a & b`: a set's own intersection when the set is the larger, else the items of the
    /// smaller operand that the view holds.
    static func intersection(_ a: Value, _ b: Value) throws(PythonError) -> Value {
        var (view, other) = isSetLike(a) ? (a, b) : (b, a)
        if other.kind == .set && other.type.is(BuiltinTypes.set) && count(view) <= Sets.count(other) {
            return try Sets.intersection(other, [view])
        }
        if isSetLike(other) && count(other) > count(view) { (view, other) = (other, view) }
        let result = Sets.make()
        try Iterables.forEach(other) { item throws(PythonError) in
            if try contains(view, item) { try Sets.add(result, item) }
            return true
        }
        return result
    }

    /// `a ^ b` for two items views: the pairs of b not in a, then the rest of a's.
    static func itemsSymmetricDifference(_ a: Value, _ b: Value) throws(PythonError) -> Value {
        let rest = try Dict.copy(dict(of: a))
        let result = Sets.make()
        try Dict.forEach(dict(of: b)) { key, value throws(PythonError) in
            let mine = try Dict.get(rest, key)
            if !mine.isNull, try isOrEquals(mine, value) {
                _ = try Dict.remove(rest, key)
            } else {
                try Sets.add(result, Tuple.make(key, value))
            }
        }
        try Sets.update(result, with: make(rest, .items))
        return result
    }

    /// `a op b` between a keys or items view and a set or another such view, by inclusion
    /// as for sets; nil when neither side is such a view (or the other is not set-like).
    static func compare(_ a: Value, _ b: Value, _ op: ComparisonOperator) throws(PythonError) -> Bool? {
        let setLike = { (v: Value) in Sets.isSet(v) || isSetLike(v) }
        guard (isSetLike(a) && setLike(b)) || (isSetLike(b) && setLike(a)) else { return nil }
        let (na, nb) = (try length(a), try length(b))
        switch op {
        case .equal: return na == nb ? try allContained(a, in: b) : false
        case .notEqual: return na == nb ? !(try allContained(a, in: b)) : true
        case .less: return na < nb ? try allContained(a, in: b) : false
        case .lessOrEqual: return na <= nb ? try allContained(a, in: b) : false
        case .greater: return na > nb ? try allContained(b, in: a) : false
        case .greaterOrEqual: return na >= nb ? try allContained(b, in: a) : false
        }
    }

    static func length(_ setLike: Value) throws(PythonError) -> Int {
        setLike.kind == .dictView ? count(setLike) : Sets.count(setLike)
    }

    static func allContained(_ a: Value, in b: Value) throws(PythonError) -> Bool {
        var all = true
        try Iterables.forEach(a) { item throws(PythonError) in
            all = b.kind == .dictView ? try contains(b, item) : try Sets.contains(b, item)
            return all
        }
        return all
    }
}
