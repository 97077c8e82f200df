/// Turns a `SourceText` into the tokens CPython 3.11 makes of it, one `next()` at a time.
///
/// The lexer follows `tok_get` in CPython's Parser/tokenizer.c: at the start of each physical line
/// outside brackets it measures the indentation and queues INDENT or DEDENT tokens; then it skips
/// blanks and dispatches on the first byte of the token. It works on the source's bytes and
/// positions only; no token text is built while scanning.
public struct Lexer {
    public let source: SourceText
    let bytes: [UInt8]
    /// The byte offset of the next unread byte.
    var position: Int
    /// The current physical line: its 1-based number and the offset of its first byte.
    var line = 1
    var lineStart: Int
    /// A known (offset, column) pair on the current line, so columns are counted incrementally.
    private var columnMark: (offset: Int, column: Int)
    private var atLineStart = true
    /// True while the current line holds nothing but blanks and comments: its line break is an NL,
    /// not a NEWLINE, and it does not change the indentation.
    private var lineIsBlank = true
    /// The end of the current line's indentation, where INDENT ends and DEDENT sits.
    private var indentEnd: Int
    private var pendingIndents = 0
    private var pendingDedents = 0
    private var indentation = IndentationStack()
    var brackets = BracketStack()

    public init(_ source: SourceText) {
        self.source = source
        bytes = source.bytes
        position = source.contentStart
        lineStart = position
        indentEnd = position
        columnMark = (position, 0)
    }

    /// The next token. After the end of input it keeps returning ENDMARKER.
    public mutating func next() throws(SyntaxErrorInfo) -> Token {
        if atLineStart {
            atLineStart = false
            try beginLine()
        }
        if pendingIndents > 0 {
            pendingIndents -= 1
            return token(.indent, from: lineStart, at: SourcePosition(line: Int32(line), column: 0), to: indentEnd)
        }
        if pendingDedents > 0 {
            pendingDedents -= 1
            return token(.dedent, from: indentEnd, to: indentEnd)
        }
        while true {
            skipBlanks()
            let byte = peek()
            if byte == UInt8(ascii: "\\") {
                try continueLine()
                continue
            }
            if position >= bytes.count {
                return try endOfInput()
            }
            return try scanToken(startingWith: byte)
        }
    }

    private mutating func scanToken(startingWith byte: UInt8) throws(SyntaxErrorInfo) -> Token {
        let start = position
        switch byte {
        case UInt8(ascii: "#"):
            return comment()
        case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
            return lineBreak()
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            lineIsBlank = false
            return try number()
        case UInt8(ascii: "."):
            lineIsBlank = false
            if isDigit(peek(1)) { return try number() }
            position += peek(1) == UInt8(ascii: ".") && peek(2) == UInt8(ascii: ".") ? 3 : 1
            return token(.op, from: start)
        case UInt8(ascii: "'"), UInt8(ascii: "\""):
            lineIsBlank = false
            return try string(prefixStart: start)
        default:
            lineIsBlank = false
            if isIdentifierStart(byte) { return try nameOrPrefixedString() }
            return try operatorToken()
        }
    }

    // MARK: Lines and indentation

    /// Measures the indentation of a new physical line and queues INDENT/DEDENT tokens for it.
    /// Lines inside brackets, blank lines and comment-only lines leave the indentation alone.
    private mutating func beginLine() throws(SyntaxErrorInfo) {
        lineIsBlank = false
        guard brackets.isEmpty else { return }
        var width = IndentWidth()
        // Indentation cannot be split over lines with backslashes: the width before the first
        // backslash that follows some blanks is the line's indentation (CPython's cont_line_col).
        var widthBeforeContinuation: Int?
        var index = position
        measuring: while true {
            switch bytes.count > index ? bytes[index] : 0 {
            case UInt8(ascii: " "): width.addSpace()
            case UInt8(ascii: "\t"): width.addTab()
            case 0x0C: width.addFormFeed()
            case UInt8(ascii: "\\"):
                if width.column > 0 && widthBeforeContinuation == nil { widthBeforeContinuation = width.column }
                position = index
                try continueLine()
                index = position
                continue measuring
            default: break measuring
            }
            index += 1
        }
        indentEnd = index
        let first = index < bytes.count ? bytes[index] : UInt8(ascii: "\n")
        if first == UInt8(ascii: "#") || isLineBreak(first) {
            lineIsBlank = true
            return
        }
        if let column = widthBeforeContinuation {
            width = IndentWidth(column: column, alternateColumn: column)
        }
        do {
            switch try indentation.change(to: width) {
            case .none: break
            case .indent: pendingIndents = 1
            case .dedent(let count): pendingDedents = count
            }
        } catch {
            throw indentationError(error)
        }
    }

    private mutating func indentationError(_ failure: IndentationStack.Failure) -> SyntaxErrorInfo {
        switch failure {
        case .inconsistentTabs:
            return error(.tabError, "inconsistent use of tabs and spaces in indentation", offset: 1)
        case .tooDeep:
            return error(.indentationError, "too many levels of indentation", offset: 1)
        case .unmatchedDedent:
            // CPython points just past the end of the line.
            let endColumn = column(at: source.lineEnd(from: lineStart))
            // ... and gives no end.
            return error(.indentationError, "unindent does not match any outer indentation level", offset: endColumn + 1, endOffset: -1)
        }
    }

    private mutating func lineBreak() -> Token {
        let start = position
        let startPosition = here()
        let length = peek() == UInt8(ascii: "\r") && peek(1) == UInt8(ascii: "\n") ? 2 : 1
        let kind: TokenKind = lineIsBlank || !brackets.isEmpty ? .nl : .newline
        position += length
        let end = SourcePosition(line: startPosition.line, column: startPosition.column + Int32(length))
        startNextLine()
        atLineStart = true
        return Token(kind: kind, byteStart: Int32(start), byteEnd: Int32(position), start: startPosition, end: end)
    }

    /// A backslash joins the next physical line to this logical line; only a line break may follow it.
    private mutating func continueLine() throws(SyntaxErrorInfo) {
        let breakLength = peek(1) == UInt8(ascii: "\r") && peek(2) == UInt8(ascii: "\n") ? 2 : 1
        if position + 1 < bytes.count && !isLineBreak(peek(1)) {
            // CPython points one past the character after the backslash.
            let offset = column(at: position + 1) + 1
            throw error(.syntaxError, "unexpected character after line continuation character", offset: offset)
        }
        if position + 1 + breakLength >= bytes.count {
            throw unexpectedEndOfInput()
        }
        position += 1 + breakLength
        startNextLine()
    }

    private mutating func unexpectedEndOfInput() -> SyntaxErrorInfo {
        if let open = brackets.innermost {
            return neverClosedError(open)
        }
        let endColumn = column(at: source.lineEnd(from: lineStart))
        return error(.syntaxError, "unexpected EOF while parsing", offset: endColumn + 1)
    }

    mutating func startNextLine() {
        line += 1
        lineStart = position
        columnMark = (position, 0)
    }

    /// At the end of input: close an unterminated last line the way `tokenize` does, then pop every
    /// open indentation level, then ENDMARKER on the line after the last.
    private mutating func endOfInput() throws(SyntaxErrorInfo) -> Token {
        if let open = brackets.innermost {
            throw neverClosedError(open)
        }
        if position > lineStart {
            let kind: TokenKind = lineIsBlank ? .nl : .newline
            let startPosition = here()
            let end = SourcePosition(line: startPosition.line, column: startPosition.column + (kind == .newline ? 1 : 0))
            startNextLine()
            lineIsBlank = true
            indentEnd = position
            return Token(kind: kind, byteStart: Int32(position), byteEnd: Int32(position), start: startPosition, end: end)
        }
        indentEnd = position
        let depth = indentation.depth
        if depth > 0 {
            indentation.closeAll()
            pendingDedents = depth - 1
            return token(.dedent, from: position)
        }
        return token(.endMarker, from: position)
    }

    private mutating func neverClosedError(_ open: BracketStack.OpenBracket) -> SyntaxErrorInfo {
        let start = source.lineStart(before: open.byteOffset)
        let offset = source.codePointCount(from: start, to: open.byteOffset) + 1
        let character = Character(Unicode.Scalar(open.character))
        return SyntaxErrorInfo(
            kind: .syntaxError, message: "'\(character)' was never closed", fileName: source.fileName,
            // CPython reports this one without an end column.
            line: open.line, offset: offset, endLine: open.line, endOffset: 0,
            text: source.text(from: start, to: source.lineEnd(from: start)))
    }

    // MARK: Comments and blanks

    private mutating func skipBlanks() {
        while true {
            let byte = peek()
            guard byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == 0x0C else { return }
            position += 1
        }
    }

    private mutating func comment() -> Token {
        let start = position
        while position < bytes.count && !isLineBreak(bytes[position]) { position += 1 }
        return token(.comment, from: start)
    }

    // MARK: Positions, tokens and errors

    /// The byte `ahead` bytes past the position, or 0 past the end (a NUL never occurs in a source).
    @inline(__always)
    func peek(_ ahead: Int = 0) -> UInt8 {
        let index = position + ahead
        return index < bytes.count ? bytes[index] : 0
    }

    /// The code-point column of a byte offset on the current line.
    mutating func column(at offset: Int) -> Int {
        if columnMark.offset > offset {
            columnMark = (lineStart, 0)
        }
        columnMark.column += source.codePointCount(from: columnMark.offset, to: offset)
        columnMark.offset = offset
        return columnMark.column
    }

    mutating func here() -> SourcePosition {
        SourcePosition(line: Int32(line), column: Int32(column(at: position)))
    }

    /// A token from `start` (on the current line) to the current position.
    mutating func token(_ kind: TokenKind, from start: Int) -> Token {
        token(kind, from: start, to: position)
    }

    mutating func token(_ kind: TokenKind, from start: Int, to end: Int) -> Token {
        let startPosition = SourcePosition(line: Int32(line), column: Int32(column(at: start)))
        return token(kind, from: start, at: startPosition, to: end)
    }

    /// A token whose start may lie on an earlier line (a string spanning lines).
    mutating func token(_ kind: TokenKind, from start: Int, at startPosition: SourcePosition, to end: Int) -> Token {
        let endPosition = SourcePosition(line: Int32(line), column: Int32(column(at: end)))
        return Token(kind: kind, byteStart: Int32(start), byteEnd: Int32(end), start: startPosition, end: endPosition)
    }

    /// An error on the current line. `offset` is CPython's 1-based column; `endOffset` defaults to it.
    func error(_ kind: SyntaxErrorInfo.Kind, _ message: String, offset: Int, endOffset: Int? = nil) -> SyntaxErrorInfo {
        SyntaxErrorInfo(
            kind: kind, message: message, fileName: source.fileName, line: line, offset: offset, endLine: line,
            endOffset: endOffset ?? offset, text: source.text(from: lineStart, to: source.lineEnd(from: lineStart)))
    }

    /// A SyntaxError whose caret sits where CPython's cursor `cur` would be: after `cursor - 1`.
    mutating func syntaxError(_ message: String, cursor: Int) -> SyntaxErrorInfo {
        error(.syntaxError, message, offset: column(at: cursor))
    }
}

/// Tokenizes a whole source: every token up to and including ENDMARKER.
public func tokenize(_ source: SourceText) throws(SyntaxErrorInfo) -> [Token] {
    var lexer = Lexer(source)
    var tokens: [Token] = []
    tokens.reserveCapacity(source.bytes.count / 4)
    while true {
        let token = try lexer.next()
        tokens.append(token)
        if token.kind == .endMarker { return tokens }
    }
}

@inline(__always)
func isDigit(_ byte: UInt8) -> Bool {
    byte &- UInt8(ascii: "0") < 10
}
