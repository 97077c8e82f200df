/// Parses a module's source into its syntax tree, or fails with the SyntaxError CPython 3.11 raises
/// for the same source (docs/FRONTEND.md, "Parser").
public func parse(_ source: SourceText) throws(SyntaxErrorInfo) -> Module {
    let stream = TokenStream(source)
    var parser = Parser(source: source, stream: stream)
    let module: Module
    do {
        module = try parser.module()
    } catch {
        throw parser.prevailingError(parserError: error, lexerError: stream.lexerError)
    }
    // The tokens ran out at a tokenizer error where the module could end (a dedent that matches
    // no outer level): that error stands.
    if let lexerError = stream.lexerError { throw lexerError }
    return module
}

/// A recursive-descent parser over the token stream. Statements are parsed by one function per
/// statement kind (ParserStatements.swift); expressions by one function per precedence level with
/// the binary operators folded into a precedence-climbing loop (ParserExpressions.swift).
struct Parser {
    let source: SourceText
    let tokens: [Token]
    let symbols: [Symbol]
    /// True when the token stream stops early at a tokenizer error: reaching its end is then that
    /// error, not the parser's.
    let endsInLexerError: Bool
    var index = 0
    /// How deep the tree under construction is along the current path: parser recursion plus the
    /// nodes that loops wrap around their left operand (`a + b + c`, `a.b.c`, `- - x`). Bounded so
    /// that no input exhausts the stack, here or in whoever walks (or frees) the tree.
    var depth = 0
    /// Set while parsing an f-string field, whose errors CPython reports relative to the field's
    /// text in parentheses.
    var fStringField: FStringFieldContext?

    /// Deeper nesting than this is refused. The tokenizer already stops at 200 open brackets; this
    /// bounds what brackets do not count (`lambda: lambda: ...`, `a if b else c if ...`, elif
    /// chains, long operator chains). CPython gives up at a few thousand, with a MemoryError or
    /// RecursionError.
    static let maximumDepth = 1000

    init(source: SourceText, stream: TokenStream) {
        self.source = source
        tokens = stream.tokens
        symbols = stream.symbols
        endsInLexerError = stream.lexerError != nil
    }

    // MARK: - The cursor

    var symbol: Symbol { symbols[index] }
    var token: Token { tokens[index] }

    func symbol(ahead: Int) -> Symbol {
        symbols[min(index + ahead, symbols.count - 1)]
    }

    /// The end of the last token consumed: where the node being built ends.
    var previousEnd: SourcePosition {
        index > 0 ? tokens[index - 1].end : tokens[0].start
    }

    /// Consumes the current token. The final ENDMARKER is never passed.
    @discardableResult
    mutating func advance() -> Token {
        let current = tokens[index]
        if index < tokens.count - 1 { index += 1 }
        return current
    }

    mutating func accept(_ expected: Symbol) -> Token? {
        symbol == expected ? advance() : nil
    }

    /// Consumes the expected token or fails with "invalid syntax" at the token found instead.
    @discardableResult
    mutating func expect(_ expected: Symbol) throws(SyntaxErrorInfo) -> Token {
        guard symbol == expected else { throw invalidSyntax() }
        return advance()
    }

    /// Consumes the expected token or fails with "expected ':'" (CPython's forced tokens).
    @discardableResult
    mutating func expectForced(_ expected: Symbol, _ spelling: String) throws(SyntaxErrorInfo) -> Token {
        guard symbol == expected else {
            throw syntaxError("expected '\(spelling)'", from: token.start, to: token.end)
        }
        return advance()
    }

    func text(of token: Token) -> String {
        source.text(of: token)
    }

    func range(from start: SourcePosition) -> SourceRange {
        SourceRange(start: start, end: previousEnd)
    }

    /// Goes one nesting level deeper, refusing to go deeper than the limit; the caller undoes it
    /// with `defer { depth -= 1 }`.
    mutating func descend() throws(SyntaxErrorInfo) {
        guard depth < Self.maximumDepth else {
            throw syntaxError("too many nested expressions", from: token.start, to: token.end)
        }
        depth += 1
    }

    /// How many brackets are open at the current token (CPython's token `level`).
    var bracketLevel: Int {
        var level = 0
        for position in 0..<index {
            switch symbols[position] {
            case .leftParen, .leftBracket, .leftBrace: level += 1
            case .rightParen, .rightBracket, .rightBrace: level -= 1
            default: break
            }
        }
        return level
    }
}

/// Where an f-string field's expression sits. Its tokens carry their real positions, but CPython
/// 3.11 reports errors inside a field at the line of the string and at columns of the field's text
/// in parentheses, which it shows as the error's source line.
struct FStringFieldContext {
    /// The line of the string token that holds the field.
    var line: Int
    /// Where the `(` the parser sees sits in the file: its line, and its column there.
    var firstLine: Int32
    var columnShift: Int32
    var text: String

    /// A position in the field's own text: lines from 1, columns of the first line unshifted.
    func fieldPosition(_ position: SourcePosition) -> (line: Int, column: Int) {
        let line = Int(position.line - firstLine) + 1
        return (line, Int(line == 1 ? position.column - columnShift : position.column))
    }
}
