/// `str.maketrans` and `str.translate`: a table from code points to replacements (a str, a
/// code point, or None for deletion), applied one code point at a time.
public enum StrTranslation {
    /// `str.maketrans(x)` with a dict (keys code points or one-character strs), or
    /// `str.maketrans(x, y, z)` with strs: x[i] maps to y[i], and z's characters to None.
    public static func makeTable(_ x: Value, _ y: Value?, _ z: Value?) throws(PythonError) -> Value {
        let table = Dict.make()
        guard let y else {
            guard x.kind == .dict else {
                throw PythonError(.typeError, "if you give only one argument to maketrans it must be a dict")
            }
            try Dict.forEach(x) { key, value throws(PythonError) in
                if key.kind == .str {
                    guard Str.count(key) == 1 else {
                        throw PythonError(.valueError, "string keys in translate table must be of length 1")
                    }
                    try Dict.set(table, Value(smallInt: Int(Str.codePoint(key, at: 0))), value)
                } else if Ints.isInt(key) {
                    try Dict.set(table, Ints.unbool(key), value)
                } else {
                    throw PythonError(.typeError, "keys in translate table must be strings or integers")
                }
            }
            return table
        }
        guard x.kind == .str else { throw PythonError(.typeError, "maketrans() argument 1 must be str, not \(TypeObjects.name(x.type))") }
        guard y.kind == .str else { throw PythonError(.typeError, "maketrans() argument 2 must be str, not \(TypeObjects.name(y.type))") }
        guard Str.count(x) == Str.count(y) else {
            throw PythonError(.valueError, "the first two maketrans arguments must have equal length")
        }
        for i in 0..<Str.count(x) {
            try Dict.set(table, Value(smallInt: Int(Str.codePoint(x, at: i))), Value(smallInt: Int(Str.codePoint(y, at: i))))
        }
        if let z {
            guard z.kind == .str else { throw PythonError(.typeError, "maketrans() argument 3 must be str, not \(TypeObjects.name(z.type))") }
            for i in 0..<Str.count(z) {
                try Dict.set(table, Value(smallInt: Int(Str.codePoint(z, at: i))), BuiltinTypes.none)
            }
        }
        return table
    }

    /// `s.translate(table)`, where `lookup` gives the table's entry for a code point, or nil
    /// when the table has none (a LookupError): the character then stays.
    public static func translate(_ s: Value, _ lookup: (Int) throws(PythonError) -> Value?) throws(PythonError) -> Value {
        var out: [UInt32] = []
        out.reserveCapacity(Str.count(s))
        for i in 0..<Str.count(s) {
            let c = Str.codePoint(s, at: i)
            guard let replacement = try lookup(Int(c)) else {
                out.append(c)
                continue
            }
            if replacement.is(BuiltinTypes.none) { continue }
            if replacement.kind == .str {
                for j in 0..<Str.count(replacement) { out.append(Str.codePoint(replacement, at: j)) }
            } else if Ints.isInt(replacement) {
                let n = Ints.unbool(replacement)
                guard n.isSmallInt, (0...0x10FFFF).contains(n.smallInt) else {
                    throw PythonError(.valueError, "character mapping must be in range(0x110000)")
                }
                out.append(UInt32(n.smallInt))
            } else {
                throw PythonError(.typeError, "character mapping must return integer, None or str")
            }
        }
        return Str.make(codePoints: out)
    }
}
