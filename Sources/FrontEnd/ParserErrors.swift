/// Building syntax errors with CPython's locations, and choosing between a parser error and a
/// tokenizer error found later in the file.
extension Parser {
    /// An error spanning `start..<end`; CPython's offsets are 1-based.
    func syntaxError(
        _ message: String, from start: SourcePosition, to end: SourcePosition, kind: SyntaxErrorInfo.Kind = .syntaxError
    ) -> SyntaxErrorInfo {
        if let field = fStringField {
            let (startLine, startColumn) = field.fieldPosition(start)
            let (endLine, endColumn) = field.fieldPosition(end)
            return SyntaxErrorInfo(
                kind: kind, message: "f-string: " + message, fileName: source.fileName,
                line: field.line + startLine - 1, offset: startColumn + 1,
                endLine: field.line + endLine - 1, endOffset: endColumn + 1, text: field.text)
        }
        return SyntaxErrorInfo(
            kind: kind, message: message, fileName: source.fileName, line: Int(start.line),
            offset: Int(start.column) + 1, endLine: Int(end.line), endOffset: Int(end.column) + 1,
            text: source.lineText(Int(start.line)))
    }

    func syntaxError(_ message: String, at range: SourceRange) -> SyntaxErrorInfo {
        syntaxError(message, from: range.start, to: range.end)
    }

    /// The generic error at the current token. An INDENT there is an unexpected indent; a line
    /// break or the end of input is a zero-width location, as CPython's tokenizer makes them.
    func invalidSyntax() -> SyntaxErrorInfo {
        switch symbol {
        case .indent:
            var error = syntaxError("unexpected indent", from: token.end, to: token.end, kind: .indentationError)
            error.offset -= 1
            error.endOffset = -1
            return error
        case .endMarker, .dedent:
            return syntaxError("invalid syntax", from: previousEnd, to: previousEnd)
        default:
            return syntaxError("invalid syntax", from: token.start, to: token.end)
        }
    }

    /// CPython's tokenizer runs ahead of its parser only one token, but after a parse error it
    /// tokenizes the rest of the file and reports a tokenizer error found there instead; except
    /// after an unexpected indent, and except that an unclosed bracket at the end only wins over an
    /// error on a later line than the bracket.
    func prevailingError(parserError: SyntaxErrorInfo, lexerError: SyntaxErrorInfo?) -> SyntaxErrorInfo {
        guard let lexerError = lexerError else { return parserError }
        if index == tokens.count - 1 { return lexerError }
        if parserError.message == "unexpected indent" { return parserError }
        if lexerError.message.hasSuffix("was never closed") {
            // CPython compares with the line of the last token it read, not of the error.
            return Int(token.start.line) > lexerError.line ? lexerError : parserError
        }
        return lexerError
    }
}
