/// What the parser needs to know about a token, decided once when the token is read: which keyword
/// or operator it is. Comparing a one-byte code is much cheaper than slicing and comparing text at
/// every decision the parser makes.
enum Symbol: UInt8 {
    case name, number, string, newline, indent, dedent, endMarker, errorToken
    // Keywords (hard keywords only; `match`, `case` and `_` are names here).
    case `false`, none, `true`, and, `as`, assert, async, await, `break`, `class`, `continue`, def, del, elif
    case `else`, except, finally, `for`, from, global, `if`, `import`, `in`, `is`, lambda, nonlocal, not, or
    case pass, raise, `return`, `try`, `while`, with, yield
    // Operators and brackets.
    case leftParen, rightParen, leftBracket, rightBracket, leftBrace, rightBrace
    case colon, comma, semicolon, plus, minus, star, slash, verticalBar, ampersand, less, greater, equal, dot
    case percent, equalEqual, notEqual, lessEqual, greaterEqual, tilde, caret, leftShift, rightShift
    case doubleStar, plusEqual, minusEqual, starEqual, slashEqual, percentEqual, ampersandEqual
    case verticalBarEqual, caretEqual, leftShiftEqual, rightShiftEqual, doubleStarEqual, doubleSlash
    case doubleSlashEqual, at, atEqual, arrow, ellipsis, colonEqual, exclamation

    var isKeyword: Bool { rawValue >= Symbol.false.rawValue && rawValue <= Symbol.yield.rawValue }

    static let keywords: [String: Symbol] = [
        "False": .false, "None": .none, "True": .true, "and": .and, "as": .as, "assert": .assert,
        "async": .async, "await": .await, "break": .break, "class": .class, "continue": .continue,
        "def": .def, "del": .del, "elif": .elif, "else": .else, "except": .except, "finally": .finally,
        "for": .for, "from": .from, "global": .global, "if": .if, "import": .import, "in": .in, "is": .is,
        "lambda": .lambda, "nonlocal": .nonlocal, "not": .not, "or": .or, "pass": .pass, "raise": .raise,
        "return": .return, "try": .try, "while": .while, "with": .with, "yield": .yield,
    ]

    static let operators: [String: Symbol] = [
        "(": .leftParen, ")": .rightParen, "[": .leftBracket, "]": .rightBracket, "{": .leftBrace,
        "}": .rightBrace, ":": .colon, ",": .comma, ";": .semicolon, "+": .plus, "-": .minus, "*": .star,
        "/": .slash, "|": .verticalBar, "&": .ampersand, "<": .less, ">": .greater, "=": .equal, ".": .dot,
        "%": .percent, "==": .equalEqual, "!=": .notEqual, "<=": .lessEqual, ">=": .greaterEqual,
        "~": .tilde, "^": .caret, "<<": .leftShift, ">>": .rightShift, "**": .doubleStar, "+=": .plusEqual,
        "-=": .minusEqual, "*=": .starEqual, "/=": .slashEqual, "%=": .percentEqual, "&=": .ampersandEqual,
        "|=": .verticalBarEqual, "^=": .caretEqual, "<<=": .leftShiftEqual, ">>=": .rightShiftEqual,
        "**=": .doubleStarEqual, "//": .doubleSlash, "//=": .doubleSlashEqual, "@": .at, "@=": .atEqual,
        "->": .arrow, "...": .ellipsis, ":=": .colonEqual, "!": .exclamation,
    ]

    /// The symbol of a token the lexer made.
    static func of(_ token: Token, in source: SourceText) -> Symbol {
        switch token.kind {
        case .name: return keywords[source.text(of: token)] ?? .name
        case .number: return .number
        case .string: return .string
        case .op: return operators[source.text(of: token)] ?? .errorToken
        case .newline: return .newline
        case .indent: return .indent
        case .dedent: return .dedent
        case .endMarker: return .endMarker
        case .errorToken, .comment, .nl: return .errorToken
        }
    }

    /// The augmented-assignment operators and the binary operator each applies.
    var augmentedOperator: BinaryOperator? {
        switch self {
        case .plusEqual: return .add
        case .minusEqual: return .subtract
        case .starEqual: return .multiply
        case .atEqual: return .matrixMultiply
        case .slashEqual: return .trueDivide
        case .doubleSlashEqual: return .floorDivide
        case .percentEqual: return .remainder
        case .doubleStarEqual: return .power
        case .leftShiftEqual: return .leftShift
        case .rightShiftEqual: return .rightShift
        case .verticalBarEqual: return .bitOr
        case .caretEqual: return .bitXor
        case .ampersandEqual: return .bitAnd
        default: return nil
        }
    }
}

/// The tokens of one source, without comments and non-logical line breaks, each with its symbol.
/// When the lexer fails part way, `tokens` holds what it made before the error and ends with an
/// ENDMARKER in its place, and `lexerError` holds the error: the parser decides which error wins,
/// as CPython does (its tokenizer runs lazily, one token ahead of the parser).
struct TokenStream {
    var tokens: [Token] = []
    var symbols: [Symbol] = []
    var lexerError: SyntaxErrorInfo?

    init(_ source: SourceText) {
        var lexer = Lexer(source)
        var commentStart: SourcePosition?
        tokens.reserveCapacity(source.bytes.count / 4)
        symbols.reserveCapacity(source.bytes.count / 4)
        while true {
            let token: Token
            do {
                token = try lexer.next()
            } catch {
                lexerError = error
                let end = tokens.last?.end ?? SourcePosition(line: 1, column: 0)
                let offset = tokens.last?.byteEnd ?? 0
                append(Token(kind: .endMarker, byteStart: offset, byteEnd: offset, start: end, end: end), .endMarker)
                return
            }
            if token.kind == .comment || token.kind == .nl {
                commentStart = token.kind == .comment ? token.start : nil
                continue
            }
            append(cTokenizerForm(token, commentStart: commentStart), Symbol.of(token, in: source))
            commentStart = nil
            if token.kind == .endMarker { return }
        }
    }

    /// Errors located at a line break use CPython's C tokenizer's NEWLINE token, which is empty at
    /// the line break, or spans the comment before it. (NEWLINE positions end up in no node.)
    private func cTokenizerForm(_ token: Token, commentStart: SourcePosition?) -> Token {
        guard token.kind == .newline else { return token }
        var newline = token
        newline.start = commentStart ?? token.start
        newline.end = token.start
        return newline
    }

    private mutating func append(_ token: Token, _ symbol: Symbol) {
        tokens.append(token)
        symbols.append(symbol)
    }
}
