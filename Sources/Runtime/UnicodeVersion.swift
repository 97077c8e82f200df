/// CPython 3.11's Unicode database is version 14.0; Swift's tables are newer. To Python, a
/// code point assigned after 14.0 is unassigned: no letter, digit or case, not printable,
/// its own upper and lower case. Every property lookup of str goes through here first.
public enum UnicodeVersion {
    /// Whether Unicode 14.0 had assigned `scalar`.
    @inline(__always)
    public static func knows(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x0800 { return true }  // the blocks below were complete by 14.0
        guard let age = scalar.properties.age else { return false }
        return age.major < 14 || (age.major == 14 && age.minor == 0)
    }

    /// The lower case mapping Python 3.11 knows.
    public static func lowercase(_ scalar: Unicode.Scalar) -> String {
        knows(scalar) ? scalar.properties.lowercaseMapping : String(scalar)
    }

    public static func uppercase(_ scalar: Unicode.Scalar) -> String {
        knows(scalar) ? scalar.properties.uppercaseMapping : String(scalar)
    }

    public static func titlecase(_ scalar: Unicode.Scalar) -> String {
        knows(scalar) ? scalar.properties.titlecaseMapping : String(scalar)
    }

    public static func isCased(_ scalar: Unicode.Scalar) -> Bool { knows(scalar) && scalar.properties.isCased }
}
