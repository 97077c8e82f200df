/// String literals: one token from the prefix to the closing quote, f-strings included (3.11 leaves
/// their fields to the parser). Escapes matter here only in that `\` hides the next character.
extension Lexer {
    /// Scans a string whose prefix (possibly empty) starts at `prefixStart`; the position is on the
    /// opening quote.
    mutating func string(prefixStart: Int) throws(SyntaxErrorInfo) -> Token {
        let startLine = line
        let startLineStart = lineStart
        let startPosition = SourcePosition(line: Int32(line), column: Int32(column(at: prefixStart)))
        let quote = peek()
        let isTripleQuoted = peek(1) == quote && peek(2) == quote
        position += isTripleQuoted ? 3 : 1
        while true {
            let byte = peek()
            if position >= bytes.count || (!isTripleQuoted && isLineBreak(byte)) {
                throw unterminatedString(
                    isTripleQuoted: isTripleQuoted, startLine: startLine, startLineStart: startLineStart,
                    startColumn: Int(startPosition.column))
            }
            position += 1
            if byte == quote {
                if !isTripleQuoted { break }
                if peek() == quote && peek(1) == quote {
                    position += 2
                    break
                }
            } else if byte == UInt8(ascii: "\\") {
                if isLineBreak(peek()) {
                    crossLineBreak()
                } else if position < bytes.count {
                    position += 1
                }
            } else if isLineBreak(byte) {
                position -= 1
                crossLineBreak()
            }
        }
        return token(.string, from: prefixStart, at: startPosition, to: position)
    }

    /// Steps over the line break at the position, inside a string, onto the next line.
    private mutating func crossLineBreak() {
        position += peek() == UInt8(ascii: "\r") && peek(1) == UInt8(ascii: "\n") ? 2 : 1
        startNextLine()
    }

    /// CPython reports an unterminated string at its start and names the line where it noticed.
    private mutating func unterminatedString(
        isTripleQuoted: Bool, startLine: Int, startLineStart: Int, startColumn: Int
    ) -> SyntaxErrorInfo {
        let atStartOfEmptyLastLine = position >= bytes.count && position == lineStart && line > startLine
        let detectedLine = atStartOfEmptyLastLine ? line - 1 : line
        let message = isTripleQuoted
            ? "unterminated triple-quoted string literal (detected at line \(detectedLine))"
            : "unterminated string literal (detected at line \(detectedLine))"
        return SyntaxErrorInfo(
            kind: .syntaxError, message: message, fileName: source.fileName, line: startLine,
            offset: startColumn + 1, endLine: startLine, endOffset: startColumn + 1,
            text: source.text(from: startLineStart, to: source.lineEnd(from: startLineStart)))
    }
}
