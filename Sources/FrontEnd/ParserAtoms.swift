/// Atoms and the bracketed forms: groups, tuples, lists, sets, dicts, comprehensions, call
/// arguments and subscripts.
extension Parser {
    mutating func atom() throws(SyntaxErrorInfo) -> Expression {
        let start = token.start
        switch symbol {
        case .name:
            return Expression(.name(text(of: advance())), range(from: start))
        case .number:
            return Expression(.constant(numberConstant(advance())), range(from: start))
        case .string:
            return try strings()
        case .none, .true, .false, .ellipsis:
            let constant: Constant = symbol == .none ? .none : symbol == .true ? .true : symbol == .false ? .false : .ellipsis
            advance()
            return Expression(.constant(constant), range(from: start))
        case .leftParen:
            try descend()
            defer { depth -= 1 }
            return try parenthesized()
        case .leftBracket:
            try descend()
            defer { depth -= 1 }
            return try list()
        case .leftBrace:
            try descend()
            defer { depth -= 1 }
            return try dictionaryOrSet()
        default:
            throw invalidSyntax()
        }
    }

    private func numberConstant(_ token: Token) -> Constant {
        switch decodeNumberLiteral(token, in: source) {
        case .integer(let digits, let radix): return .integer(digits: digits, radix: radix)
        case .float(let value): return .float(value)
        case .imaginary(let value): return .imaginary(value)
        }
    }

    /// `()`, `(x)`, `(x,)`, `(x for ...)`, `(yield x)`.
    private mutating func parenthesized() throws(SyntaxErrorInfo) -> Expression {
        let open = advance()
        if accept(.rightParen) != nil {
            return Expression(.tuple([]), range(from: open.start))
        }
        if symbol == .yield {
            let value = try yieldExpression()
            try closeBracket(.rightParen, after: value, startingAt: value.range.start)
            return value
        }
        let firstStart = token.start
        let first = try starNamedExpression()
        if symbol == .for {
            let generators = try comprehensionClauses(element: first)
            try closeBracket(.rightParen, after: nil, startingAt: firstStart)
            return Expression(.generatorExpression(element: first, generators: generators), range(from: open.start))
        }
        if symbol == .comma {
            let elements = try elementList(startingWith: first, at: firstStart, closer: .rightParen)
            return Expression(.tuple(elements), range(from: open.start))
        }
        if case .starred = first.kind {
            throw syntaxError("cannot use starred expression here", at: first.range)
        }
        try closeBracket(.rightParen, after: first, startingAt: firstStart)
        return first
    }

    private mutating func list() throws(SyntaxErrorInfo) -> Expression {
        let open = advance()
        if accept(.rightBracket) != nil {
            return Expression(.list([]), range(from: open.start))
        }
        let firstStart = token.start
        let first = try starNamedExpression()
        if symbol == .for {
            let generators = try comprehensionClauses(element: first)
            try closeBracket(.rightBracket, after: nil, startingAt: firstStart)
            return Expression(.listComprehension(element: first, generators: generators), range(from: open.start))
        }
        let elements = try elementList(startingWith: first, at: firstStart, closer: .rightBracket)
        return Expression(.list(elements), range(from: open.start))
    }

    /// The rest of a comma-separated display after its first element, through the closer.
    private mutating func elementList(
        startingWith first: Expression, at firstStart: SourcePosition, closer: Symbol
    ) throws(SyntaxErrorInfo) -> [Expression] {
        var elements = [first]
        var lastStart = firstStart
        while accept(.comma) != nil && symbol != closer {
            lastStart = token.start
            elements.append(try starNamedExpression())
        }
        try closeBracket(closer, after: elements.last, startingAt: lastStart)
        return elements
    }

    /// `{}`, `{a: b, **c}`, `{a, *b}` and their comprehensions.
    private mutating func dictionaryOrSet() throws(SyntaxErrorInfo) -> Expression {
        let open = advance()
        if accept(.rightBrace) != nil {
            return Expression(.dict(keys: [], values: []), range(from: open.start))
        }
        if symbol == .doubleStar {
            return try dictionary(openedAt: open, firstKey: nil, firstStart: token.start)
        }
        let firstStart = token.start
        let first = try starNamedExpression()
        if symbol == .colon {
            return try dictionary(openedAt: open, firstKey: first, firstStart: firstStart)
        }
        if symbol == .for {
            let generators = try comprehensionClauses(element: first)
            try closeBracket(.rightBrace, after: nil, startingAt: firstStart)
            return Expression(.setComprehension(element: first, generators: generators), range(from: open.start))
        }
        let elements = try elementList(startingWith: first, at: firstStart, closer: .rightBrace)
        return Expression(.set(elements), range(from: open.start))
    }

    private mutating func dictionary(openedAt open: Token, firstKey: Expression?, firstStart: SourcePosition) throws(SyntaxErrorInfo) -> Expression {
        var keys: [Expression?] = []
        var values: [Expression] = []
        var key = firstKey
        var valueStart = firstStart
        while true {
            if let key = key {
                guard accept(.colon) != nil else { throw missingColon(after: key) }
                keys.append(key)
                valueStart = token.start
                values.append(try expression())
                if keys.count == 1 && symbol == .for {
                    let generators = try comprehensionClauses(element: key)
                    try closeBracket(.rightBrace, after: nil, startingAt: firstStart)
                    return Expression(.dictComprehension(key: key, value: values[0], generators: generators), range(from: open.start))
                }
            } else {
                try expect(.doubleStar)
                keys.append(nil)
                valueStart = token.start
                values.append(try binary(above: 0))
            }
            guard accept(.comma) != nil, symbol != .rightBrace else { break }
            key = symbol == .doubleStar ? nil : try expression()
        }
        try closeBracket(.rightBrace, after: values.last, startingAt: valueStart)
        return Expression(.dict(keys: keys, values: values), range(from: open.start))
    }

    /// A dict entry without its `:`, where the key is followed by `,` or `}`; CPython gives no end
    /// column.
    private func missingColon(after key: Expression) -> SyntaxErrorInfo {
        guard symbol == .comma || symbol == .rightBrace else { return invalidSyntax() }
        var error = syntaxError("':' expected after dictionary key", at: key.range)
        error.endOffset = 0
        return error
    }

    /// `for target in iterable if condition ...`, one or more.
    mutating func comprehensionClauses(element: Expression) throws(SyntaxErrorInfo) -> [Comprehension] {
        if case .starred = element.kind {
            throw syntaxError("iterable unpacking cannot be used in comprehension", at: element.range)
        }
        var clauses: [Comprehension] = []
        while accept(.for) != nil {
            let target = try targetList()
            try expect(.in)
            let iterable = try disjunction()
            var conditions: [Expression] = []
            while accept(.if) != nil {
                conditions.append(try disjunction())
            }
            clauses.append(Comprehension(target: target, iterable: iterable, conditions: conditions))
        }
        return clauses
    }

    /// Consumes the closing bracket. Anything else after an element that could start another
    /// element is CPython's "Perhaps you forgot a comma?", spanning both.
    mutating func closeBracket(_ closer: Symbol, after element: Expression?, startingAt start: SourcePosition) throws(SyntaxErrorInfo) {
        if accept(closer) != nil { return }
        if let element = element, let next = expressionAfter(element) {
            throw syntaxError("invalid syntax. Perhaps you forgot a comma?", from: start, to: next.range.end)
        }
        throw invalidSyntax()
    }

    /// The expression that follows `element` without a separator, when CPython would read the two
    /// as a missing comma: not after a name followed by a string, nor after a lambda or a
    /// conditional, nor outside brackets.
    func expressionAfter(_ element: Expression) -> Expression? {
        guard startsExpression(symbol), bracketLevel > 0 else { return nil }
        switch element.kind {
        case .lambda, .conditional, .starred, .namedExpression: return nil
        case .name(let name):
            if symbol == .string || name == "match" || name == "case" || name == "_" { return nil }
        default: break
        }
        var probe = self
        return try? probe.expression()
    }

    // MARK: - Calls and subscripts

    struct CallArguments {
        var positional: [Expression] = []
        var keywords: [KeywordArgument] = []
    }

    /// The arguments after `(`, through the `)`. A lone generator argument spans the parentheses.
    mutating func callArguments(openedAt open: Token) throws(SyntaxErrorInfo) -> CallArguments {
        var arguments = CallArguments()
        var lastStart = token.start
        var last: Expression?
        var sawMappingUnpacking = false
        // CPython reports a misplaced positional argument after reading all the arguments.
        var misplacedPositional: String?
        while symbol != .rightParen {
            lastStart = token.start
            if symbol == .doubleStar {
                advance()
                let value = try expression()
                arguments.keywords.append(KeywordArgument(name: nil, value: value, range: range(from: lastStart)))
                sawMappingUnpacking = true
                last = value
            } else if symbol == .name && symbol(ahead: 1) == .equal {
                let name = text(of: advance())
                advance()
                let value = try expression()
                arguments.keywords.append(KeywordArgument(name: name, value: value, range: range(from: lastStart)))
                last = value
            } else {
                if symbol == .star && sawMappingUnpacking {
                    throw syntaxError("iterable argument unpacking follows keyword argument unpacking", from: token.start, to: token.end)
                }
                let argument = try positionalArgument(open: open, arguments: arguments)
                if !arguments.keywords.isEmpty, !isStarred(argument), misplacedPositional == nil {
                    misplacedPositional = sawMappingUnpacking
                        ? "positional argument follows keyword argument unpacking"
                        : "positional argument follows keyword argument"
                }
                arguments.positional.append(argument)
                last = argument
            }
            guard accept(.comma) != nil else { break }
        }
        if let message = misplacedPositional {
            throw syntaxError(message, from: token.start, to: token.end)
        }
        try closeBracket(.rightParen, after: last, startingAt: lastStart)
        return arguments
    }

    private func isStarred(_ expression: Expression) -> Bool {
        if case .starred = expression.kind { return true }
        return false
    }

    /// `*iterable`, an expression, or a generator expression (which must be the only argument).
    private mutating func positionalArgument(open: Token, arguments: CallArguments) throws(SyntaxErrorInfo) -> Expression {
        let start = token.start
        if symbol == .star {
            let star = advance()
            let value = try expression()
            return Expression(.starred(value), range(from: star.start))
        }
        let value = try namedExpressionArgument()
        guard symbol == .for else { return value }
        let generators = try comprehensionClauses(element: value)
        let isOnly = arguments.positional.isEmpty && arguments.keywords.isEmpty && symbol == .rightParen
        guard isOnly else {
            throw syntaxError("Generator expression must be parenthesized", from: start, to: previousEnd)
        }
        return Expression(
            .generatorExpression(element: value, generators: generators),
            SourceRange(start: open.start, end: token.end))
    }

    /// A positional argument; `f(a.b = 1)` gets CPython's hint about `==`.
    private mutating func namedExpressionArgument() throws(SyntaxErrorInfo) -> Expression {
        let start = token.start
        if symbol == .name && symbol(ahead: 1) == .colonEqual {
            return try namedExpression()
        }
        let value = try expression()
        if symbol == .colonEqual {
            throw syntaxError("cannot use assignment expressions with \(expressionName(value))", at: value.range)
        }
        if symbol == .equal {
            if case .constant(let constant) = value.kind, constant == .true || constant == .false || constant == .none {
                throw syntaxError("cannot assign to \(expressionName(value))", from: start, to: token.end)
            }
            throw syntaxError("expression cannot contain assignment, perhaps you meant \"==\"?", from: start, to: token.end)
        }
        return value
    }

    /// The index after `[`, through the `]`: one slice or expression, or a tuple of them.
    mutating func subscriptIndex() throws(SyntaxErrorInfo) -> Expression {
        let start = token.start
        let first = try sliceOrExpression()
        guard symbol == .comma else {
            try closeBracket(.rightBracket, after: first, startingAt: start)
            // `x[*a]` indexes with a tuple (PEP 646), which spans just the starred item.
            if case .starred = first.kind { return Expression(.tuple([first]), first.range) }
            return first
        }
        var elements = [first]
        var lastStart = start
        while accept(.comma) != nil && symbol != .rightBracket {
            lastStart = token.start
            elements.append(try sliceOrExpression())
        }
        let tuple = Expression(.tuple(elements), range(from: start))
        try closeBracket(.rightBracket, after: elements.last, startingAt: lastStart)
        return tuple
    }

    /// `lower:upper:step` with every part optional, `*a`, or a (named) expression.
    private mutating func sliceOrExpression() throws(SyntaxErrorInfo) -> Expression {
        let start = token.start
        if symbol == .star { return try starred() }
        let lower = symbol == .colon ? nil : try namedExpression()
        guard accept(.colon) != nil else {
            if let lower = lower { return lower }
            throw invalidSyntax()
        }
        let upper = endsSlicePart ? nil : try expression()
        var step: Expression?
        if accept(.colon) != nil && !endsSlicePart {
            step = try expression()
        }
        return Expression(.slice(lower: lower, upper: upper, step: step), range(from: start))
    }

    private var endsSlicePart: Bool {
        symbol == .colon || symbol == .comma || symbol == .rightBracket
    }
}
