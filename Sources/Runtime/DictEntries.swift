/// Direct access to a dict's entries by index, for inline caches: an entry index stays valid
/// for a key as long as the entry still holds that key (values change in place; a deletion
/// clears the key; a resize moves entries, and the key check then fails).
extension Dict {
    /// The index of the entry holding `key`, or -1.
    public static func entryIndex(_ d: Value, _ key: Value) throws(PythonError) -> Int {
        try find(d, key, hash: try Objects.hash(key)).entry
    }

    /// The value of entry `index` if it still holds exactly `key` (by identity), else null.
    @inline(__always)
    public static func value(_ d: Value, atEntry index: Int, ifKey key: Value) -> Value {
        let dict = d.fields(DictObject.self)
        guard index < dict.pointee.entriesUsed else { return Value.null }
        let entry = entries(dict) + index * 2
        return entry[0].is(key) ? entry[1] : Value.null
    }

    /// Changes whenever the dict changes.
    @inline(__always)
    public static func version(_ d: Value) -> Int { d.fields(DictObject.self).pointee.version }
}

extension Dict {
    /// How many entries have been used, deleted ones included: iteration visits `0..<entryCount`.
    @inline(__always)
    public static func entryCount(_ d: Value) -> Int { d.fields(DictObject.self).pointee.entriesUsed }

    /// The key of entry `index`, null for a deleted entry.
    @inline(__always)
    public static func key(_ d: Value, atEntry index: Int) -> Value {
        entries(d.fields(DictObject.self))[index * 2]
    }

    @inline(__always)
    public static func value(_ d: Value, atEntry index: Int) -> Value {
        entries(d.fields(DictObject.self))[index * 2 + 1]
    }
}
