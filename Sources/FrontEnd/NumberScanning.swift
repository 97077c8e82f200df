/// Numeric literals, scanned with the same steps and the same error positions as CPython's
/// tokenizer (`tok_get`'s number branch, `tok_decimal_tail`, `verify_end_of_number`).
extension Lexer {
    mutating func number() throws(SyntaxErrorInfo) -> Token {
        let start = position
        if peek() == UInt8(ascii: "0") {
            switch peek(1) | 0x20 {
            case UInt8(ascii: "x"): try radixDigits(isDigit: isHexDigit, kind: "hexadecimal", strictDigits: false)
            case UInt8(ascii: "o"): try radixDigits(isDigit: isOctalDigit, kind: "octal", strictDigits: true)
            case UInt8(ascii: "b"): try radixDigits(isDigit: isBinaryDigit, kind: "binary", strictDigits: true)
            default: try decimalStartingWithZero()
            }
        } else if peek() == UInt8(ascii: ".") {
            position += 1
            try fractionAndExponent()
        } else {
            try decimalTail()
            try pointFractionAndExponent()
        }
        return token(.number, from: start)
    }

    /// `0x`, `0o` or `0b` and its digits, single underscores allowed between them. For octal and
    /// binary a decimal digit out of range gets its own message ("invalid digit '8' in octal literal").
    private mutating func radixDigits(isDigit inRadix: (UInt8) -> Bool, kind: String, strictDigits: Bool) throws(SyntaxErrorInfo) {
        position += 2
        repeat {
            if peek() == UInt8(ascii: "_") { position += 1 }
            guard inRadix(peek()) else {
                if strictDigits && isDigit(peek()) { throw invalidDigit(kind: kind) }
                throw syntaxError("invalid \(kind) literal", cursor: position)
            }
            while inRadix(peek()) { position += 1 }
        } while peek() == UInt8(ascii: "_")
        if strictDigits && isDigit(peek()) { throw invalidDigit(kind: kind) }
        try checkEndOfNumber(kind: kind)
    }

    private mutating func invalidDigit(kind: String) -> SyntaxErrorInfo {
        let digit = Character(Unicode.Scalar(peek()))
        return syntaxError("invalid digit '\(digit)' in \(kind) literal", cursor: position + 1)
    }

    /// `0`, `00`, `0_0`, `0.5`, `0e1`, `0j`, `09.5`; but `012` is an error, as Python 3 has no
    /// old-style octal.
    private mutating func decimalStartingWithZero() throws(SyntaxErrorInfo) {
        let start = position
        position += 1
        while true {
            if peek() == UInt8(ascii: "_") {
                position += 1
                guard isDigit(peek()) else { throw syntaxError("invalid decimal literal", cursor: position) }
            }
            guard peek() == UInt8(ascii: "0") else { break }
            position += 1
        }
        let zerosEnd = position
        let hasNonZeroDigits = isDigit(peek())
        if hasNonZeroDigits { try decimalTail() }
        switch peek() | 0x20 {
        case UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "j"):
            try pointFractionAndExponent()
        default:
            guard !hasNonZeroDigits else {
                let offset = column(at: start) + 1
                throw error(
                    .syntaxError,
                    "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                    offset: offset, endOffset: column(at: zerosEnd) + 1)
            }
            try checkEndOfNumber(kind: "decimal")
        }
    }

    /// Digits with single underscores between them; the position is on a digit.
    private mutating func decimalTail() throws(SyntaxErrorInfo) {
        while true {
            while isDigit(peek()) { position += 1 }
            guard peek() == UInt8(ascii: "_") else { return }
            position += 1
            guard isDigit(peek()) else { throw syntaxError("invalid decimal literal", cursor: position) }
        }
    }

    private mutating func pointFractionAndExponent() throws(SyntaxErrorInfo) {
        if peek() == UInt8(ascii: ".") {
            position += 1
        }
        try fractionAndExponent()
    }

    /// What may follow the integer part: fraction digits, an exponent, a `j` suffix.
    private mutating func fractionAndExponent() throws(SyntaxErrorInfo) {
        if isDigit(peek()) { try decimalTail() }
        if peek() | 0x20 == UInt8(ascii: "e") {
            guard try exponent() else { return }
        }
        if peek() | 0x20 == UInt8(ascii: "j") {
            position += 1
            try checkEndOfNumber(kind: "imaginary")
        } else {
            try checkEndOfNumber(kind: "decimal")
        }
    }

    /// An exponent, or false when the `e` is not one: `1else` is the number 1 and the keyword.
    private mutating func exponent() throws(SyntaxErrorInfo) -> Bool {
        let exponentStart = position
        position += 1
        if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") {
            position += 1
            guard isDigit(peek()) else { throw syntaxError("invalid decimal literal", cursor: position) }
        } else if !isDigit(peek()) {
            position = exponentStart
            try checkEndOfNumber(kind: "decimal")
            return false
        }
        try decimalTail()
        return true
    }

    /// A number may not run into an ASCII name character (`1abc`), except into the keywords that can
    /// follow a number in valid code (`1if x else 2`), which CPython only warns about. A non-ASCII
    /// character ends the number and is judged as the start of a name (`0€` is "invalid character").
    private mutating func checkEndOfNumber(kind: String) throws(SyntaxErrorInfo) {
        guard peek() < 0x80 && isIdentifierContinuation(peek()) && !keywordFollows() else { return }
        throw syntaxError("invalid \(kind) literal", cursor: position)
    }

    /// Whether one of those keywords follows, whole: `1or x` is one, `1ords` is not.
    private func keywordFollows() -> Bool {
        func next(_ text: String) -> Bool {
            for (index, byte) in text.utf8.enumerated() where peek(index) != byte {
                return false
            }
            let after = peek(text.utf8.count)
            return after < 0x80 && !isIdentifierContinuation(after)
        }
        switch peek() {
        case UInt8(ascii: "a"): return next("and")
        case UInt8(ascii: "e"): return next("else")
        case UInt8(ascii: "f"): return next("for")
        // CPython looks only one letter further here: `1ifs` counts as `1if`.
        case UInt8(ascii: "i"): return [UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "s")].contains(peek(1))
        case UInt8(ascii: "o"): return next("or")
        case UInt8(ascii: "n"): return next("not")
        default: return false
        }
    }
}

func isHexDigit(_ byte: UInt8) -> Bool {
    isDigit(byte) || (byte | 0x20) &- UInt8(ascii: "a") < 6
}

func isOctalDigit(_ byte: UInt8) -> Bool {
    byte &- UInt8(ascii: "0") < 8
}

func isBinaryDigit(_ byte: UInt8) -> Bool {
    byte &- UInt8(ascii: "0") < 2
}
