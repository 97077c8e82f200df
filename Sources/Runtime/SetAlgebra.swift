/// Union, intersection, difference and symmetric difference of sets, as methods, in-place
/// methods and operators, and the subset tests. Each follows CPython's algorithm step for
/// step (which set it walks, which it probes, when it copies or rebuilds a table), because
/// that decides the table layout and so the order in which the result iterates and prints.
/// Results are frozensets when the receiver is one, sets otherwise.
extension Sets {
    static func isSet(_ v: Value) -> Bool { v.kind == .set || v.kind == .frozenset }

    // MARK: methods

    /// `s.union(*others)`.
    public static func union(_ s: Value, _ others: [Value]) throws(PythonError) -> Value {
        let result = try copied(s)
        for other in others where !other.is(s) { try update(result, with: other) }
        return result
    }

    /// `s.update(*others)`.
    public static func update(_ s: Value, _ others: [Value]) throws(PythonError) {
        for other in others { try update(s, with: other) }
    }

    /// `s.intersection(*others)`: each step intersects the result so far with the next.
    public static func intersection(_ s: Value, _ others: [Value]) throws(PythonError) -> Value {
        if others.isEmpty { return try copied(s) }
        var result = s
        for other in others { result = try intersection(result, other) }
        return result
    }

    /// `s.intersection_update(*others)`: `s` takes the table of the intersection.
    public static func intersectionUpdate(_ s: Value, _ others: [Value]) throws(PythonError) {
        swapTables(s, try intersection(s, others))
    }

    /// `s.difference(*others)`.
    public static func difference(_ s: Value, _ others: [Value]) throws(PythonError) -> Value {
        guard let first = others.first else { return try copied(s) }
        let result = try difference(s, first)
        for other in others.dropFirst() { try differenceUpdate(result, other) }
        return result
    }

    /// `s.difference_update(*others)`.
    public static func differenceUpdate(_ s: Value, _ others: [Value]) throws(PythonError) {
        for other in others { try differenceUpdate(s, other) }
    }

    /// `s.symmetric_difference(other)`: a set of `other`'s items, updated by the keys of `s`.
    public static func symmetricDifference(_ s: Value, _ other: Value) throws(PythonError) -> Value {
        let result = make(frozen: s.kind == .frozenset)
        try update(result, with: other)
        try symmetricDifferenceUpdate(result, s)
        return result
    }

    /// `s.symmetric_difference_update(other)`: each key of `other` leaves `s` or joins it.
    public static func symmetricDifferenceUpdate(_ s: Value, _ other: Value) throws(PythonError) {
        if s.is(other) { return clear(s) }
        let toggle = { (key: Value, hash: Int) throws(PythonError) in
            if try !discard(s, key, hash: hash) { try add(s, key, hash: hash) }
        }
        if other.kind == .dict {
            try Dict.forEach(other) { key, _ throws(PythonError) in try toggle(key, try Objects.hash(key)) }
            return
        }
        var keys = other
        if !isSet(other) {
            keys = make(frozen: s.kind == .frozenset)
            try update(keys, with: other)
        }
        try forEachEntry(keys, toggle)
    }

    /// `s.issubset(other)`.
    public static func isSubset(_ s: Value, _ other: Value) throws(PythonError) -> Bool {
        var container = other
        if !isSet(other) {
            container = make()
            try update(container, with: other)
        }
        if count(s) > count(container) { return false }
        var all = true
        try forEachEntry(s) { key, hash throws(PythonError) in
            if all { all = try find(container, key, hash: hash) >= 0 }
        }
        return all
    }

    /// `s.issuperset(other)`: for a non-set, every item must be in `s`.
    public static func isSuperset(_ s: Value, _ other: Value) throws(PythonError) -> Bool {
        if isSet(other) { return try isSubset(other, s) }
        var all = true
        try Iterables.forEach(other) { item throws(PythonError) in
            if all { all = try contains(s, item) }
            return all
        }
        return all
    }

    /// `s.isdisjoint(other)`: walks the smaller set, probing the larger.
    public static func isDisjoint(_ s: Value, _ other: Value) throws(PythonError) -> Bool {
        if s.is(other) { return count(s) == 0 }
        var disjoint = true
        if isSet(other) {
            let (small, large) = count(other) > count(s) ? (s, other) : (other, s)
            try forEachEntry(small) { key, hash throws(PythonError) in
                if disjoint { disjoint = try find(large, key, hash: hash) < 0 }
            }
            return disjoint
        }
        try Iterables.forEach(other) { item throws(PythonError) in
            disjoint = try !contains(s, item)
            return disjoint
        }
        return disjoint
    }

    // MARK: operators

    /// `a | b`, `a & b`, `a - b`, `a ^ b` for two sets; nil (NotImplemented) otherwise.
    public static func binary(_ op: BinaryOperator, _ a: Value, _ b: Value) throws(PythonError) -> Value? {
        guard isSet(a) && isSet(b) else { return nil }
        switch op {
        case .or:
            let result = try copied(a)
            if !a.is(b) { try update(result, with: b) }
            return result
        case .and: return try intersection(a, b)
        case .subtract: return try difference(a, b)
        case .xor: return try symmetricDifference(a, b)
        default: return nil
        }
    }

    /// `a |= b` and the like: a set changes in place and is the result; a frozenset has no
    /// in-place form, so Python falls back to the plain operator.
    public static func inPlace(_ op: BinaryOperator, _ a: Value, _ b: Value) throws(PythonError) -> Value? {
        guard a.kind == .set && isSet(b) else { return try binary(op, a, b) }
        switch op {
        case .or: try update(a, with: b)
        case .and: swapTables(a, try intersection(a, b))
        case .subtract: try differenceUpdate(a, b)
        case .xor: try symmetricDifferenceUpdate(a, b)
        default: return nil
        }
        return a
    }

    // MARK: one step each

    /// Adds the items of any iterable; a set merges its table, a dict its keys.
    static func update(_ s: Value, with other: Value) throws(PythonError) {
        if isSet(other) { return try merge(s, other) }
        if other.kind == .dict {
            let set = s.fields(SetObject.self), size = Dict.count(other)
            if (set.pointee.fill + size) * 5 >= set.pointee.mask * 3 { resize(s, minimumUsed: (set.pointee.count + size) * 2) }
            try Dict.forEach(other) { key, _ throws(PythonError) in try add(s, key) }
            return
        }
        try Iterables.forEach(other) { item throws(PythonError) in
            try add(s, item)
            return true
        }
    }

    /// `s & other` for one other: walks the smaller set and probes the larger; a non-set is
    /// walked until the result has every key of `s`.
    static func intersection(_ s: Value, _ other: Value) throws(PythonError) -> Value {
        if s.is(other) { return try copied(s) }
        let result = make(frozen: s.kind == .frozenset)
        if isSet(other) {
            let (large, small) = count(other) > count(s) ? (other, s) : (s, other)
            try forEachEntry(small) { key, hash throws(PythonError) in
                if try find(large, key, hash: hash) >= 0 { try add(result, key, hash: hash) }
            }
            return result
        }
        try Iterables.forEach(other) { item throws(PythonError) in
            let hash = try Objects.hash(item)
            guard try find(s, item, hash: hash) >= 0 else { return true }
            try add(result, item, hash: hash)
            return count(result) < count(s)
        }
        return result
    }

    /// `s - other` for one other: walks `s`, probing `other`, unless `other` is small next
    /// to `s` or not a set or dict; then it copies `s` and removes `other`'s items.
    static func difference(_ s: Value, _ other: Value) throws(PythonError) -> Value {
        let otherSize: Int
        switch other.kind {
        case .set, .frozenset: otherSize = count(other)
        case .dict: otherSize = Dict.count(other)
        default: otherSize = -1
        }
        if otherSize < 0 || count(s) >> 2 > otherSize {
            let result = try copied(s)
            try differenceUpdate(result, other)
            return result
        }
        let result = make(frozen: s.kind == .frozenset)
        try forEachEntry(s) { key, hash throws(PythonError) in
            let found = other.kind == .dict ? !(try Dict.get(other, key, hash: hash)).isNull : try find(other, key, hash: hash) >= 0
            if !found { try add(result, key, hash: hash) }
        }
        return result
    }

    /// Removes `other`'s items from `s` (walking their intersection when `other` is a much
    /// larger set), then rebuilds the table if more than a quarter of it is dummies.
    static func differenceUpdate(_ s: Value, _ other: Value) throws(PythonError) {
        if s.is(other) { return clear(s) }
        if isSet(other) {
            let removed = count(other) >> 3 > count(s) ? try intersection(s, other) : other
            try forEachEntry(removed) { key, hash throws(PythonError) in try discard(s, key, hash: hash) }
        } else {
            try Iterables.forEach(other) { item throws(PythonError) in
                try discard(s, item)
                return true
            }
        }
        let set = s.fields(SetObject.self)
        if set.pointee.fill - set.pointee.count > set.pointee.mask / 4 {
            resize(s, minimumUsed: set.pointee.count > 50000 ? set.pointee.count * 2 : set.pointee.count * 4)
        }
    }
}
