/// Interned strs: one permanent object per distinct name, so that names compare by identity
/// first and lookups of `__init__` or a global hash only once. Each interned str is a
/// permanent root, which is what makes keeping it in this table safe.
public enum Interned {
    nonisolated(unsafe) private static var table: [String: Value] = [:]

    public static func str(_ text: String) -> Value {
        if let found = table[text] { return found }
        let value = Str.make(text)
        _ = Str.hash(value)
        Collector.addPermanentRoot(value)
        table[text] = value
        return value
    }
}
