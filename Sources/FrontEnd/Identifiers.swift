/// Names, and the letters that turn a name into a string prefix (`rb'...'`, `f"..."`).
extension Lexer {
    /// Scans a word of identifier characters. A word that is a string prefix and is followed by a
    /// quote starts a string; any other word is a NAME, checked against Unicode's identifier rules
    /// when it holds non-ASCII characters.
    mutating func nameOrPrefixedString() throws(SyntaxErrorInfo) -> Token {
        let start = position
        var isASCII = true
        while isIdentifierContinuation(peek()) {
            if peek() >= 0x80 { isASCII = false }
            position += 1
        }
        let quote = peek()
        if (quote == UInt8(ascii: "'") || quote == UInt8(ascii: "\"")) && isStringPrefix(from: start, to: position) {
            return try string(prefixStart: start)
        }
        if !isASCII {
            try checkIdentifier(from: start)
        }
        return token(.name, from: start)
    }

    /// The prefixes CPython accepts in any case: b, r, u, f, and the pairs br, rb, fr, rf.
    private func isStringPrefix(from start: Int, to end: Int) -> Bool {
        func lower(_ byte: UInt8) -> UInt8 { byte | 0x20 }
        switch end - start {
        case 1:
            return [UInt8(ascii: "b"), UInt8(ascii: "r"), UInt8(ascii: "u"), UInt8(ascii: "f")].contains(lower(bytes[start]))
        case 2:
            let pair = (lower(bytes[start]), lower(bytes[start + 1]))
            switch pair {
            case (UInt8(ascii: "b"), UInt8(ascii: "r")), (UInt8(ascii: "r"), UInt8(ascii: "b")),
                (UInt8(ascii: "f"), UInt8(ascii: "r")), (UInt8(ascii: "r"), UInt8(ascii: "f")):
                return true
            default:
                return false
            }
        default:
            return false
        }
    }

    /// CPython's `verify_identifier`: the first code point must be XID_Start or `_`, the rest
    /// XID_Continue. The error points at the first one that is not.
    private mutating func checkIdentifier(from start: Int) throws(SyntaxErrorInfo) {
        var offset = start
        var isFirst = true
        for scalar in source.text(from: start, to: position).unicodeScalars {
            let fits = isFirst ? scalar.properties.isXIDStart || scalar == "_" : scalar.properties.isXIDContinue
            offset += scalar.utf8.count
            if !fits {
                throw syntaxError(invalidCharacterMessage(scalar), cursor: offset)
            }
            isFirst = false
        }
    }
}

/// CPython's message for a character that cannot start or continue a token.
func invalidCharacterMessage(_ scalar: Unicode.Scalar) -> String {
    let hex = hexDigits(scalar.value, width: 4)
    return isPrintable(scalar) ? "invalid character '\(scalar)' (U+\(hex))" : "invalid non-printable character U+\(hex)"
}

/// `str.isprintable()` for one code point: not a control, format, surrogate, private-use,
/// unassigned or separator character, except the space.
func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
    if scalar == " " { return true }
    switch scalar.properties.generalCategory {
    case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator, .spaceSeparator:
        return false
    default:
        return true
    }
}

/// ASCII letters, `_`, and any non-ASCII byte: CPython lets the identifier check judge those.
@inline(__always)
func isIdentifierStart(_ byte: UInt8) -> Bool {
    (byte | 0x20) &- UInt8(ascii: "a") < 26 || byte == UInt8(ascii: "_") || byte >= 0x80
}

@inline(__always)
func isIdentifierContinuation(_ byte: UInt8) -> Bool {
    isIdentifierStart(byte) || isDigit(byte)
}
