/// Operators and brackets. Every one is an OP token; brackets also open and close `BracketStack`.
extension Lexer {
    mutating func operatorToken() throws(SyntaxErrorInfo) -> Token {
        let start = position
        let first = peek()
        let length = operatorLength(first, peek(1), peek(2))
        guard length > 0 else { return try unexpectedCharacter() }
        position += length
        if length == 1 {
            try trackBracket(first, at: start)
        }
        return token(.op, from: start)
    }

    /// The length of the longest operator spelled by the next three bytes, or 0 for none.
    private func operatorLength(_ first: UInt8, _ second: UInt8, _ third: UInt8) -> Int {
        func byte(_ character: Unicode.Scalar) -> UInt8 { UInt8(ascii: character) }
        switch first {
        case byte("("), byte(")"), byte("["), byte("]"), byte("{"), byte("}"), byte(","), byte(";"), byte("~"):
            return 1
        case byte("*"), byte("/"), byte("<"), byte(">"):
            // Doubled (`**`, `//`, `<<`, `>>`), each optionally followed by `=`; or one with `=`.
            if second == first { return third == byte("=") ? 3 : 2 }
            return second == byte("=") ? 2 : 1
        case byte("-"):
            return second == byte("=") || second == byte(">") ? 2 : 1
        case byte(":"):
            return second == byte("=") ? 2 : 1
        case byte("+"), byte("%"), byte("&"), byte("|"), byte("^"), byte("@"), byte("="):
            return second == byte("=") ? 2 : 1
        case byte("!"):
            return second == byte("=") ? 2 : 0
        default:
            return 0
        }
    }

    private mutating func trackBracket(_ character: UInt8, at offset: Int) throws(SyntaxErrorInfo) {
        do {
            switch character {
            case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"):
                try brackets.push(character, line: line, byteOffset: offset)
            case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"):
                try brackets.pop(character)
            default:
                return
            }
        } catch {
            throw bracketError(error, closing: character)
        }
    }

    private mutating func bracketError(_ failure: BracketStack.Failure, closing: UInt8) -> SyntaxErrorInfo {
        let closer = Character(Unicode.Scalar(closing))
        let message: String
        switch failure {
        case .tooDeep:
            message = "too many nested parentheses"
        case .unmatched:
            message = "unmatched '\(closer)'"
        case .mismatched(let opening):
            let opener = Character(Unicode.Scalar(opening.character))
            message = "closing parenthesis '\(closer)' does not match opening parenthesis '\(opener)'"
                + (opening.line == line ? "" : " on line \(opening.line)")
        }
        return syntaxError(message, cursor: position)
    }

    /// A byte that starts no token: printable ASCII becomes an ERRORTOKEN for the parser to reject;
    /// a control character is an error here.
    private mutating func unexpectedCharacter() throws(SyntaxErrorInfo) -> Token {
        let byte = peek()
        guard byte > 0x20 && byte < 0x7F else {
            throw error(.syntaxError, invalidCharacterMessage(Unicode.Scalar(byte)), offset: column(at: position) + 1)
        }
        position += 1
        return token(.errorToken, from: position - 1)
    }
}
