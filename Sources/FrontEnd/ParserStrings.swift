/// Adjacent string literals: concatenated into one constant, or into a joined string when one of
/// them is an f-string. Each f-string field's expression is parsed by a parser of its own over
/// the field's text in parentheses (as CPython 3.11 does), whose tokens are moved to the field's
/// real place in the file so that the nodes carry true positions.
extension Parser {
    mutating func strings() throws(SyntaxErrorInfo) -> Expression {
        let start = token.start
        var pieces = JoinedStringBuilder()
        var sawBytes = false
        var sawText = false
        var bytes: [UInt8] = []
        while symbol == .string {
            let stringToken = advance()
            let literal = try decodeStringLiteral(stringToken, in: source)
            if literal.isBytes { sawBytes = true } else { sawText = true }
            if sawBytes && sawText {
                throw syntaxError("cannot mix bytes and nonbytes literals", from: token.start, to: token.end)
            }
            if literal.isBytes {
                bytes += literal.codePoints.map { UInt8(truncatingIfNeeded: $0) }
            } else if literal.isFormatted {
                try appendFString(stringToken, to: &pieces)
            } else {
                pieces.appendLiteral(literal.codePoints)
            }
        }
        let whole = range(from: start)
        if sawBytes { return Expression(.constant(.bytes(bytes)), whole) }
        return pieces.expression(whole)
    }

    private mutating func appendFString(_ stringToken: Token, to pieces: inout JoinedStringBuilder) throws(SyntaxErrorInfo) {
        pieces.isJoined = true
        let parts: [FStringPart]
        do {
            parts = try splitFString(stringToken, in: source)
        } catch {
            throw relocatedToNextToken(error)
        }
        for part in parts {
            switch part {
            case .literal(let codePoints):
                pieces.appendLiteral(codePoints)
            case .field(let field):
                if let debugText = field.debugText {
                    pieces.appendLiteral(debugText.unicodeScalars.map(\.value))
                }
                pieces.appendValue(try formattedValue(field, in: stringToken))
            }
        }
    }

    /// CPython reports errors in an f-string's layout (not in its expressions) at the token after
    /// the last string of the concatenation.
    private func relocatedToNextToken(_ error: SyntaxErrorInfo) -> SyntaxErrorInfo {
        var next = index
        while symbols[next] == .string && next < tokens.count - 1 { next += 1 }
        var relocated = syntaxError(error.message, from: tokens[next].start, to: tokens[next].end)
        if fStringField != nil { relocated.message = error.message }
        return relocated
    }

    /// One `{expression!conversion:spec}` field. Its position is fixed up by the caller.
    private mutating func formattedValue(_ field: FStringField, in stringToken: Token) throws(SyntaxErrorInfo) -> FormattedPiece {
        let value = try fieldExpression(field, in: stringToken)
        var conversion: FormatConversion?
        switch field.conversion {
        case "s": conversion = .str
        case "r": conversion = .repr
        case "a": conversion = .ascii
        default: conversion = nil
        }
        var spec: JoinedStringBuilder?
        if field.hasFormatSpec {
            var specPieces = JoinedStringBuilder()
            for part in field.formatSpec {
                switch part {
                case .literal(let codePoints):
                    specPieces.appendLiteral(codePoints)
                case .field(let inner):
                    specPieces.appendValue(try formattedValue(inner, in: stringToken))
                }
            }
            spec = specPieces
        }
        // `{x=}` shows the repr unless a conversion or a format spec says otherwise.
        if field.debugText != nil && conversion == nil && spec == nil {
            conversion = .repr
        }
        return FormattedPiece(value: value, conversion: conversion, spec: spec)
    }

    /// Parses a field's expression text, wrapped in parentheses, with its own parser.
    private func fieldExpression(_ field: FStringField, in stringToken: Token) throws(SyntaxErrorInfo) -> Expression {
        let wrapped = "(" + field.expression + ")"
        let fieldSource: SourceText
        do {
            fieldSource = try SourceText(fileName: source.fileName, text: wrapped)
        } catch {
            throw syntaxError("invalid syntax", from: stringToken.start, to: stringToken.end)
        }
        let brace = position(ofByte: field.expressionStart, in: stringToken)
        let context = FStringFieldContext(
            line: Int(stringToken.start.line), firstLine: brace.line, columnShift: brace.column - 1, text: wrapped)
        var stream = TokenStream(fieldSource)
        stream.move(toLine: brace.line, columnShift: brace.column - 1)
        var parser = Parser(source: fieldSource, stream: stream)
        parser.fStringField = context
        parser.depth = depth
        do {
            let expression = try parser.fieldBody()
            return expression
        } catch {
            let chosen = parser.prevailingError(parserError: error, lexerError: stream.lexerError)
            throw chosen == error ? error : context.relocated(lexerError: chosen)
        }
    }

    /// The whole field, `(expression)`, then nothing: a tuple's range includes the parentheses,
    /// as in CPython.
    private mutating func fieldBody() throws(SyntaxErrorInfo) -> Expression {
        let value = try starExpressions()
        guard symbol == .newline || symbol == .endMarker else { throw invalidSyntax() }
        return value
    }

    /// The line and column of a byte inside a token.
    private func position(ofByte offset: Int, in token: Token) -> SourcePosition {
        var line = token.start.line
        var column = token.start.column
        var byte = Int(token.byteStart)
        let bytes = source.bytes
        while byte < offset {
            if bytes[byte] == UInt8(ascii: "\n") || (bytes[byte] == UInt8(ascii: "\r") && (byte + 1 >= bytes.count || bytes[byte + 1] != UInt8(ascii: "\n"))) {
                line += 1
                column = 0
            } else if bytes[byte] & 0xC0 != 0x80 && bytes[byte] != UInt8(ascii: "\r") {
                column += 1
            }
            byte += 1
        }
        return SourcePosition(line: line, column: column)
    }
}

/// A field that has been parsed but not yet placed: it takes the joined string's range.
struct FormattedPiece {
    var value: Expression
    var conversion: FormatConversion?
    var spec: JoinedStringBuilder?
}

/// Collects the parts of a joined string, merging adjacent literal text into one constant and
/// dropping empty text, as CPython does.
struct JoinedStringBuilder {
    enum Piece {
        case literal([UInt32])
        case value(FormattedPiece)
    }

    var pieces: [Piece] = []
    var isJoined = false

    mutating func appendLiteral(_ codePoints: [UInt32]) {
        guard !codePoints.isEmpty else { return }
        if case .literal(let previous) = pieces.last {
            pieces[pieces.count - 1] = .literal(previous + codePoints)
        } else {
            pieces.append(.literal(codePoints))
        }
    }

    mutating func appendValue(_ value: FormattedPiece) {
        pieces.append(.value(value))
    }

    /// A plain string constant, or a joined string whose parts all take `range` (CPython 3.11
    /// gives the parts the whole literal's position).
    func expression(_ range: SourceRange) -> Expression {
        guard isJoined else {
            if case .literal(let codePoints) = pieces.first { return Expression(.constant(.string(codePoints)), range) }
            return Expression(.constant(.string([])), range)
        }
        return Expression(.joinedString(parts(range)), range)
    }

    private func parts(_ range: SourceRange) -> [Expression] {
        pieces.map { piece in
            switch piece {
            case .literal(let codePoints):
                return Expression(.constant(.string(codePoints)), range)
            case .value(let formatted):
                let spec = formatted.spec.map { Expression(.joinedString($0.parts(range)), range) }
                return Expression(.formattedValue(formatted.value, conversion: formatted.conversion, formatSpec: spec), range)
            }
        }
    }
}

extension FStringFieldContext {
    /// A tokenizer error inside a field, reported as CPython reports it: prefixed, on the line of
    /// the string, with the field's text.
    func relocated(lexerError error: SyntaxErrorInfo) -> SyntaxErrorInfo {
        var relocated = error
        relocated.message = "f-string: " + error.message
        relocated.line = line + error.line - 1
        relocated.endLine = line + error.endLine - 1
        relocated.text = text
        return relocated
    }
}

extension TokenStream {
    /// Moves a field's tokens from the start of their own little source to where the field sits in
    /// the file: the first line is shifted right, every line down.
    mutating func move(toLine line: Int32, columnShift: Int32) {
        func moved(_ position: SourcePosition) -> SourcePosition {
            SourcePosition(
                line: position.line + line - 1,
                column: position.line == 1 ? position.column + columnShift : position.column)
        }
        for position in tokens.indices {
            tokens[position].start = moved(tokens[position].start)
            tokens[position].end = moved(tokens[position].end)
        }
    }
}
