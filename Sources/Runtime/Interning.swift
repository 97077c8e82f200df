/// Interned strs: one permanent object per distinct name, so that names compare by identity
/// first and lookups of `__init__` or a global hash only once. Each interned str is a
/// permanent root, which is what makes keeping it in this table safe.
///
/// Swift's `String` equality is canonical equivalence ("é" equals "e" + U+0301), Python's is
/// code point by code point, so only ASCII text is looked up as a `String`; other text keys
/// on its code points.
public enum Interned {
    nonisolated(unsafe) private static var ascii: [String: Value] = [:]
    nonisolated(unsafe) private static var other: [[UInt32]: Value] = [:]

    public static func str(_ text: String) -> Value {
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            if let found = ascii[text] { return found }
            let value = make(text)
            ascii[text] = value
            return value
        }
        let points = text.unicodeScalars.map(\.value)
        if let found = other[points] { return found }
        let value = make(text)
        other[points] = value
        return value
    }

    private static func make(_ text: String) -> Value {
        let value = Str.make(text)
        _ = Str.hash(value)
        Collector.addPermanentRoot(value)
        return value
    }
}
