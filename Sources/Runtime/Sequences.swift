/// Indexing, slicing, concatenation and repetition of the builtin sequences (str, list,
/// tuple), with CPython's results and errors.
public enum Sequences {
    static func isSequence(_ v: Value) -> Bool {
        let k = v.kind
        return k == .str || k == .list || k == .tuple
    }

    static func kindName(_ s: Value) -> String {
        switch s.kind {
        case .str: return "string"
        case .list: return "list"
        default: return "tuple"
        }
    }

    static func length(_ s: Value) -> Int {
        switch s.kind {
        case .str: return Str.count(s)
        case .list: return List.count(s)
        default: return Tuple.count(s)
        }
    }

    /// `s[index]`, where `index` is an int (negative counts from the end) or a slice.
    public static func item(_ s: Value, _ index: Value) throws(PythonError) -> Value {
        if index.kind == .slice { return try slice(s, index) }
        let i = try position(s, index)
        switch s.kind {
        case .str: return Str.character(Str.codePoint(s, at: i))
        case .list: return List.items(s)[i]
        default: return Tuple.items(s)[i]
        }
    }

    /// The in-range position an int index names, or IndexError / TypeError as CPython says.
    public static func position(_ s: Value, _ index: Value) throws(PythonError) -> Int {
        guard Ints.isInt(index) else {
            let what = s.kind == .str ? "string indices must be integers" : "\(kindName(s)) indices must be integers or slices, not \(TypeObjects.name(index.type))"
            throw PythonError(.typeError, s.kind == .str ? what + ", not '\(TypeObjects.name(index.type))'" : what)
        }
        let n = length(s)
        let raw = Ints.unbool(index)
        guard raw.isSmallInt else {
            // A big int that still fits a machine word is merely out of range.
            if Ints.mpzFitsMachineInt(raw) { throw outOfRange(s) }
            throw PythonError(.indexError, "cannot fit 'int' into an index-sized integer")
        }
        var i = raw.smallInt
        if i < 0 { i += n }
        guard i >= 0 && i < n else { throw outOfRange(s) }
        return i
    }

    /// Made only when it is thrown: an exception is an allocation, and indexing is hot.
    static func outOfRange(_ s: Value) -> PythonError {
        PythonError(.indexError, "\(kindName(s)) index out of range")
    }

    /// `s[start:stop:step]` as a new sequence of the same kind.
    public static func slice(_ s: Value, _ slice: Value) throws(PythonError) -> Value {
        let (start, stop, step) = try Slices.indices(slice, length: length(s))
        let count = step > 0 ? max(0, (stop - start + step - 1) / step) : max(0, (start - stop - step - 1) / -step)
        switch s.kind {
        case .str:
            var points: [UInt32] = []
            points.reserveCapacity(count)
            for k in 0..<count { points.append(Str.codePoint(s, at: start + k * step)) }
            return Str.make(codePoints: points)
        case .list:
            let result = List.make(capacity: count)
            let items = List.items(s)
            for k in 0..<count { List.append(result, items[start + k * step]) }
            return result
        default:
            let result = Tuple.allocate(count: count)
            let items = Tuple.items(s), target = Tuple.items(result)
            for k in 0..<count { target[k] = items[start + k * step] }
            return result
        }
    }

    /// `a + b` for two sequences of the same kind.
    public static func concatenate(_ a: Value, _ b: Value) throws(PythonError) -> Value {
        guard a.kind == b.kind else {
            let name = TypeObjects.name(a.type)
            if a.kind == .str { throw PythonError(.typeError, "can only concatenate str (not \"\(TypeObjects.name(b.type))\") to str") }
            throw PythonError(.typeError, "can only concatenate \(name) (not \"\(TypeObjects.name(b.type))\") to \(name)")
        }
        switch a.kind {
        case .str: return Str.concatenate(a, b)
        case .list:
            let result = List.make(capacity: List.count(a) + List.count(b))
            for i in 0..<List.count(a) { List.append(result, List.items(a)[i]) }
            for i in 0..<List.count(b) { List.append(result, List.items(b)[i]) }
            return result
        default:
            let (na, nb) = (Tuple.count(a), Tuple.count(b))
            let result = Tuple.allocate(count: na + nb)
            for i in 0..<na { Tuple.items(result)[i] = Tuple.items(a)[i] }
            for i in 0..<nb { Tuple.items(result)[na + i] = Tuple.items(b)[i] }
            return result
        }
    }

    /// `s * n`: empty for n <= 0.
    public static func repeated(_ s: Value, _ times: Value) throws(PythonError) -> Value {
        guard let count = try Ints.indexValue(times) else {
            throw PythonError(.typeError, "can't multiply sequence by non-int of type '\(TypeObjects.name(times.type))'")
        }
        guard count.isSmallInt else {
            if Ints.mpzFitsMachineInt(count) && Ints.sign(count) < 0 { return try repeated(s, Value(smallInt: 0)) }
            if Ints.mpzFitsMachineInt(count) { throw PythonError(.memoryError) }
            throw PythonError(.overflowError, "cannot fit 'int' into an index-sized integer")
        }
        let n = max(0, count.smallInt)
        let unit = length(s)
        if unit > 0 && n > Int.max / 16 / unit { throw PythonError(.memoryError) }
        switch s.kind {
        case .str:
            let points = (0..<unit).map { Str.codePoint(s, at: $0) }
            return Str.make(codePoints: Array([[UInt32]](repeating: points, count: n).joined()))
        case .list:
            let result = List.make(capacity: unit * n)
            for _ in 0..<n { for i in 0..<unit { List.append(result, List.items(s)[i]) } }
            return result
        default:
            let result = Tuple.allocate(count: unit * n)
            for r in 0..<n { for i in 0..<unit { Tuple.items(result)[r * unit + i] = Tuple.items(s)[i] } }
            return result
        }
    }

    /// `x in s`: a substring test for strs, an equality scan otherwise.
    public static func contains(_ s: Value, _ x: Value) throws(PythonError) -> Bool {
        if s.kind == .str {
            guard x.kind == .str else {
                throw PythonError(.typeError, "'in <string>' requires string as left operand, not \(TypeObjects.name(x.type))")
            }
            return try StrMethods.find(s, x) >= 0
        }
        let (items, n) = s.kind == .list ? (List.items(s), List.count(s)) : (Tuple.items(s), Tuple.count(s))
        for i in 0..<n where try Objects.equal(items[i], x) { return true }
        return false
    }
}
