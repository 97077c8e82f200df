/// The value of a NUMBER token, for the compiler. Integers stay digit strings: the runtime builds
/// arbitrarily large ints from them.
public enum NumberLiteral: Equatable, Sendable {
    /// The digits without prefix or underscores, and their radix (2, 8, 10 or 16).
    case integer(digits: String, radix: Int)
    case float(Double)
    /// `5j`, `1.5e3J`: the imaginary part of a complex number whose real part is zero.
    case imaginary(Double)
}

/// Decodes the text of a NUMBER token the lexer produced. Floats are correctly rounded, as
/// Swift's `Double(String)` is.
public func decodeNumberLiteral(_ text: Substring) -> NumberLiteral {
    let digits = text.filter { $0 != "_" }
    if digits.count > 1 && digits.first == "0" {
        switch digits.dropFirst().first {
        case "x", "X": return .integer(digits: String(digits.dropFirst(2)), radix: 16)
        case "o", "O": return .integer(digits: String(digits.dropFirst(2)), radix: 8)
        case "b", "B": return .integer(digits: String(digits.dropFirst(2)), radix: 2)
        default: break
        }
    }
    if let last = digits.last, last == "j" || last == "J" {
        return .imaginary(Double(String(digits.dropLast())) ?? .infinity)
    }
    if digits.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }) {
        return .float(Double(digits) ?? .infinity)
    }
    return .integer(digits: digits, radix: 10)
}

public func decodeNumberLiteral(_ token: Token, in source: SourceText) -> NumberLiteral {
    decodeNumberLiteral(Substring(source.text(of: token)))
}
