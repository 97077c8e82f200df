/// Unicode character names for `\N{...}` escapes, from the standard library's scalar properties.
/// The table is built once, on first use, by walking every code point: slow (a fraction of a
/// second) but only programs that use `\N` pay for it.
enum UnicodeNames {
    static func lookup(_ upperCaseName: String) -> UInt32? {
        table[upperCaseName]
    }

    private static let table: [String: UInt32] = {
        var table: [String: UInt32] = [:]
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if let name = scalar.properties.name { table[name] = value }
            if let alias = scalar.properties.nameAlias { table[alias] = value }
        }
        return table
    }()
}
