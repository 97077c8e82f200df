/// One piece of an f-string's body: literal text, or a replacement field.
public enum FStringPart: Equatable, Sendable {
    /// Decoded text: escapes resolved (unless the string is raw) and `{{`/`}}` collapsed.
    case literal([UInt32])
    case field(FStringField)
}

/// A replacement field `{expression=!conversion:format_spec}`.
public struct FStringField: Equatable, Sendable {
    /// The expression's source text, for the parser, and where it starts in the source (bytes).
    public var expression: String
    public var expressionStart: Int
    /// For `{x = }`: the text printed before the value, from the expression through the `=` and the
    /// blanks after it.
    public var debugText: String?
    /// `s`, `r` or `a`.
    public var conversion: Character?
    /// The format spec's own parts; it may hold nested fields, one level deep.
    public var formatSpec: [FStringPart]
    /// True when the field has a `:`, even with nothing after it: `{x:}` has an empty spec, which
    /// the syntax tree keeps (CPython's `format_spec=JoinedStr(values=[])`).
    public var hasFormatSpec = false
}

/// Splits an f-string token's body into literal parts and fields, with CPython 3.11's errors
/// (Python/Parser/string_parser.c: `fstring_find_literal`, `fstring_find_expr`).
public func splitFString(_ token: Token, in source: SourceText) throws(SyntaxErrorInfo) -> [FStringPart] {
    let layout = StringTokenLayout(token, in: source)
    var splitter = FStringSplitter(bytes: source.bytes, position: layout.bodyStart, end: layout.bodyEnd, isRaw: layout.isRaw)
    do {
        return try splitter.parts(nesting: 0)
    } catch {
        throw fStringError(error.message, token, in: source)
    }
}

/// CPython 3.11 reports an f-string error at the last character of the string.
private func fStringError(_ message: String, _ token: Token, in source: SourceText) -> SyntaxErrorInfo {
    let column = Int(token.end.column)
    let lineStart = source.lineStart(before: Int(token.byteEnd))
    return SyntaxErrorInfo(
        kind: .syntaxError, message: message, fileName: source.fileName, line: Int(token.end.line), offset: column,
        endLine: Int(token.end.line), endOffset: column, text: source.text(from: lineStart, to: source.lineEnd(from: lineStart)))
}

private struct FStringSplitter {
    let bytes: [UInt8]
    var position: Int
    let end: Int
    let isRaw: Bool

    private func peek(_ ahead: Int = 0) -> UInt8 {
        position + ahead < end ? bytes[position + ahead] : 0
    }

    private func text(_ start: Int, _ stop: Int) -> String {
        String(decoding: bytes[start..<stop], as: UTF8.self)
    }

    /// Literal text and fields up to the end of the body, or, inside a format spec (nesting 1), up
    /// to the `}` that closes the field.
    mutating func parts(nesting: Int) throws(EscapeError) -> [FStringPart] {
        var parts: [FStringPart] = []
        var literal: [UInt8] = []
        func flush(_ parts: inout [FStringPart], _ literal: inout [UInt8]) throws(EscapeError) {
            guard !literal.isEmpty else { return }
            let text = Substring(String(decoding: literal, as: UTF8.self))
            parts.append(.literal(try decodeEscapes(text, isRaw: isRaw, isBytes: false)))
            literal.removeAll()
        }
        while position < end {
            let byte = peek()
            if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "}") {
                // Doubled braces are literal only at the top level: in `{0:{3}}` the last two close fields.
                if nesting == 0 && peek(1) == byte {
                    literal.append(byte)
                    position += 2
                    continue
                }
                if byte == UInt8(ascii: "}") {
                    guard nesting > 0 else { throw EscapeError(message: "f-string: single '}' is not allowed") }
                    break
                }
                try flush(&parts, &literal)
                parts.append(.field(try field(nesting: nesting)))
                continue
            }
            literal.append(byte)
            position += 1
            if byte == UInt8(ascii: "\\") && !isRaw && position < end {
                // `\N{...}` braces belong to the escape; any other escaped character is copied.
                if peek() == UInt8(ascii: "N") && peek(1) == UInt8(ascii: "{") {
                    while position < end && peek() != UInt8(ascii: "}") {
                        literal.append(peek())
                        position += 1
                    }
                } else if peek() != UInt8(ascii: "{") && peek() != UInt8(ascii: "}") {
                    literal.append(peek())
                    position += 1
                    continue
                } else {
                    continue
                }
                if position < end {
                    literal.append(peek())
                    position += 1
                }
            }
        }
        try flush(&parts, &literal)
        return parts
    }

    /// A field; the position is on its `{`.
    private mutating func field(nesting: Int) throws(EscapeError) -> FStringField {
        guard nesting < 2 else { throw EscapeError(message: "f-string: expressions nested too deeply") }
        position += 1
        let start = position
        try scanExpression()
        let expression = text(start, position)
        if expression.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{0C}" }) {
            throw EscapeError(message: "f-string: empty expression not allowed")
        }
        var field = FStringField(expression: expression, expressionStart: start, debugText: nil, conversion: nil, formatSpec: [])
        if peek() == UInt8(ascii: "=") {
            position += 1
            while peek() == UInt8(ascii: " ") || peek() == UInt8(ascii: "\t") { position += 1 }
            field.debugText = text(start, position)
        }
        if peek() == UInt8(ascii: "!") {
            let conversion = peek(1)
            guard conversion == UInt8(ascii: "s") || conversion == UInt8(ascii: "r") || conversion == UInt8(ascii: "a") else {
                if position + 1 >= end { throw EscapeError(message: "f-string: expecting '}'") }
                throw EscapeError(message: "f-string: invalid conversion character: expected 's', 'r', or 'a'")
            }
            field.conversion = Character(Unicode.Scalar(conversion))
            position += 2
        }
        if peek() == UInt8(ascii: ":") {
            position += 1
            field.hasFormatSpec = true
            field.formatSpec = try parts(nesting: nesting + 1)
        }
        guard peek() == UInt8(ascii: "}") else { throw EscapeError(message: "f-string: expecting '}'") }
        position += 1
        return field
    }

    /// Moves over the expression to the `!`, `:`, `=` or `}` that ends it, skipping nested
    /// brackets and strings.
    private mutating func scanExpression() throws(EscapeError) {
        var brackets: [UInt8] = []
        while position < end {
            let byte = peek()
            switch byte {
            case UInt8(ascii: "\\"):
                throw EscapeError(message: "f-string expression part cannot include a backslash")
            case UInt8(ascii: "#"):
                throw EscapeError(message: "f-string expression part cannot include '#'")
            case UInt8(ascii: "'"), UInt8(ascii: "\""):
                try skipString(quote: byte)
                continue
            case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"):
                brackets.append(byte)
            case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"):
                guard let opening = brackets.popLast() else {
                    if byte == UInt8(ascii: "}") { return }
                    throw EscapeError(message: "f-string: unmatched '\(Character(Unicode.Scalar(byte)))'")
                }
                guard BracketStack.closer(of: opening) == byte else {
                    throw EscapeError(message: "f-string: closing parenthesis '\(Character(Unicode.Scalar(byte)))' does not match opening parenthesis '\(Character(Unicode.Scalar(opening)))'")
                }
            case UInt8(ascii: "!") where brackets.isEmpty && peek(1) != UInt8(ascii: "="):
                return
            case UInt8(ascii: ":") where brackets.isEmpty:
                return
            case UInt8(ascii: "=") where brackets.isEmpty:
                // `==`, `!=`, `<=`, `>=` are operators; a lone `=` asks for the debug form.
                if peek(1) == UInt8(ascii: "=") {
                    position += 2
                    continue
                }
                let previous = bytes[position - 1]
                if ![UInt8(ascii: "="), UInt8(ascii: "!"), UInt8(ascii: "<"), UInt8(ascii: ">")].contains(previous) {
                    return
                }
            default:
                break
            }
            position += 1
        }
        // The body ended inside brackets: CPython names the innermost open one.
        if let opening = brackets.last {
            throw EscapeError(message: "f-string: unmatched '\(Character(Unicode.Scalar(opening)))'")
        }
        throw EscapeError(message: "f-string: expecting '}'")
    }

    /// Moves over a string inside an expression, single- or triple-quoted. A backslash is an
    /// error even here: CPython 3.11 checks for one before it looks at quotes.
    private mutating func skipString(quote: UInt8) throws(EscapeError) {
        let isTriple = peek(1) == quote && peek(2) == quote
        position += isTriple ? 3 : 1
        while position < end {
            if peek() == UInt8(ascii: "\\") {
                throw EscapeError(message: "f-string expression part cannot include a backslash")
            }
            if peek() == quote && (!isTriple || (peek(1) == quote && peek(2) == quote)) {
                position += isTriple ? 3 : 1
                return
            }
            position += 1
        }
        throw EscapeError(message: "f-string: unterminated string")
    }
}
