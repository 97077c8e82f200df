/// Expressions, from the loosest binding level down to primaries. Each node's range starts at the
/// first token of its rule, which is a `(` when the first operand is parenthesized, as in CPython.
extension Parser {
    /// `a, *b, c`: a tuple when there is a comma, otherwise the one expression.
    mutating func starExpressions() throws(SyntaxErrorInfo) -> Expression {
        let start = token.start
        let first = try starExpression()
        guard symbol == .comma else { return first }
        var elements = [first]
        while accept(.comma) != nil && startsExpression(symbol, orStar: true) {
            elements.append(try starExpression())
        }
        return Expression(.tuple(elements), range(from: start))
    }

    mutating func starExpression() throws(SyntaxErrorInfo) -> Expression {
        symbol == .star ? try starred() : try expression()
    }

    mutating func starNamedExpression() throws(SyntaxErrorInfo) -> Expression {
        symbol == .star ? try starred() : try namedExpression()
    }

    mutating func starred() throws(SyntaxErrorInfo) -> Expression {
        let star = advance()
        let value = try binary(above: 0)
        return Expression(.starred(value), range(from: star.start))
    }

    /// `name := value`, or an expression; a stray `=` after it gets CPython's hints.
    mutating func namedExpression() throws(SyntaxErrorInfo) -> Expression {
        let start = token.start
        if symbol == .name && symbol(ahead: 1) == .colonEqual {
            let target = Expression(.name(text(of: advance())), range(from: start))
            advance()
            let value = try expression()
            return Expression(.namedExpression(target: target, value: value), range(from: start))
        }
        let value = try expression()
        if symbol == .colonEqual {
            throw syntaxError("cannot use assignment expressions with \(expressionName(value))", at: value.range)
        }
        if symbol == .equal {
            throw misplacedAssignment(value)
        }
        return value
    }

    /// `body if test else orElse`, a lambda, or a disjunction.
    mutating func expression() throws(SyntaxErrorInfo) -> Expression {
        if symbol == .lambda { return try lambda() }
        let start = token.start
        let body = try disjunction()
        guard accept(.if) != nil else { return body }
        let test = try disjunction()
        guard accept(.else) != nil else {
            if symbol == .colon { throw invalidSyntax() }
            throw syntaxError("expected 'else' after 'if' expression", from: start, to: previousEnd)
        }
        try descend()
        defer { depth -= 1 }
        let orElse = try expression()
        return Expression(.conditional(test: test, body: body, orElse: orElse), range(from: start))
    }

    private mutating func lambda() throws(SyntaxErrorInfo) -> Expression {
        let keyword = advance()
        let parameters = try parameterList(closer: .colon, annotated: false)
        try expect(.colon)
        try descend()
        defer { depth -= 1 }
        let body = try expression()
        return Expression(.lambda(parameters, body: body), range(from: keyword.start))
    }

    /// `a or b or c`: one node for the whole chain.
    mutating func disjunction() throws(SyntaxErrorInfo) -> Expression {
        let start = token.start
        let first = try conjunction()
        guard symbol == .or else { return first }
        var operands = [first]
        while accept(.or) != nil {
            operands.append(try conjunction())
        }
        return Expression(.boolean(.or, operands), range(from: start))
    }

    private mutating func conjunction() throws(SyntaxErrorInfo) -> Expression {
        let start = token.start
        let first = try inversion()
        guard symbol == .and else { return first }
        var operands = [first]
        while accept(.and) != nil {
            operands.append(try inversion())
        }
        return Expression(.boolean(.and, operands), range(from: start))
    }

    /// `not not x`: the prefixes are counted, not recursed into, so no depth of them can
    /// exhaust the stack.
    private mutating func inversion() throws(SyntaxErrorInfo) -> Expression {
        var starts: [SourcePosition] = []
        defer { depth -= starts.count }
        while symbol == .not {
            try descend()
            starts.append(advance().start)
        }
        var operand = try comparison()
        let end = previousEnd
        for start in starts.reversed() {
            operand = Expression(.unary(.not, operand), SourceRange(start: start, end: end))
        }
        return operand
    }

    private mutating func comparison() throws(SyntaxErrorInfo) -> Expression {
        let start = token.start
        let first = try binary(above: 0)
        var operators: [CompareOperator] = []
        var comparators: [Expression] = []
        while let op = comparisonOperator() {
            operators.append(op)
            comparators.append(try binary(above: 0))
        }
        guard !operators.isEmpty else { return first }
        return Expression(.compare(first, operators: operators, comparators: comparators), range(from: start))
    }

    /// Consumes a comparison operator (`not in` and `is not` are two tokens).
    private mutating func comparisonOperator() -> CompareOperator? {
        let op: CompareOperator
        switch symbol {
        case .equalEqual: op = .equal
        case .notEqual: op = .notEqual
        case .less: op = .less
        case .lessEqual: op = .lessEqual
        case .greater: op = .greater
        case .greaterEqual: op = .greaterEqual
        case .in: op = .in
        case .not:
            guard symbol(ahead: 1) == .in else { return nil }
            advance()
            op = .notIn
        case .is:
            if symbol(ahead: 1) == .not {
                advance()
                op = .isNot
            } else {
                op = .is
            }
        default: return nil
        }
        advance()
        return op
    }

    /// The binary operators from `|` (precedence 1) to `*` `/` `//` `%` `@` (6), all left
    /// associative, by precedence climbing: operands bind to operators above `minimum`.
    mutating func binary(above minimum: Int) throws(SyntaxErrorInfo) -> Expression {
        let start = token.start
        var left = try factor()
        var wraps = 0
        defer { depth -= wraps }
        while let (op, precedence) = binaryOperator(symbol), precedence > minimum {
            try descend()
            wraps += 1
            advance()
            let right = try binary(above: precedence)
            left = Expression(.binary(left, op, right), range(from: start))
        }
        return left
    }

    private func binaryOperator(_ symbol: Symbol) -> (BinaryOperator, Int)? {
        switch symbol {
        case .verticalBar: return (.bitOr, 1)
        case .caret: return (.bitXor, 2)
        case .ampersand: return (.bitAnd, 3)
        case .leftShift: return (.leftShift, 4)
        case .rightShift: return (.rightShift, 4)
        case .plus: return (.add, 5)
        case .minus: return (.subtract, 5)
        case .star: return (.multiply, 6)
        case .slash: return (.trueDivide, 6)
        case .doubleSlash: return (.floorDivide, 6)
        case .percent: return (.remainder, 6)
        case .at: return (.matrixMultiply, 6)
        default: return nil
        }
    }

    /// `-+~x`: prefixes counted, as in `inversion`.
    private mutating func factor() throws(SyntaxErrorInfo) -> Expression {
        var prefixes: [(UnaryOperator, SourcePosition)] = []
        defer { depth -= prefixes.count }
        while let op = unaryOperator(symbol) {
            try descend()
            prefixes.append((op, advance().start))
        }
        var operand = try power()
        let end = previousEnd
        for (op, start) in prefixes.reversed() {
            operand = Expression(.unary(op, operand), SourceRange(start: start, end: end))
        }
        return operand
    }

    private func unaryOperator(_ symbol: Symbol) -> UnaryOperator? {
        switch symbol {
        case .minus: return .minus
        case .plus: return .plus
        case .tilde: return .invert
        default: return nil
        }
    }

    /// `a ** b`: right associative, and the exponent may carry a sign (`2 ** -1`).
    private mutating func power() throws(SyntaxErrorInfo) -> Expression {
        let start = token.start
        let base = try primary()
        guard accept(.doubleStar) != nil else { return base }
        try descend()
        defer { depth -= 1 }
        let exponent = try factor()
        return Expression(.binary(base, .power, exponent), range(from: start))
    }

    /// An atom followed by any number of `.name`, `(arguments)` and `[index]`.
    private mutating func primary() throws(SyntaxErrorInfo) -> Expression {
        let start = token.start
        var value = try atom()
        var wraps = 0
        defer { depth -= wraps }
        while true {
            if symbol == .dot || symbol == .leftParen || symbol == .leftBracket {
                try descend()
                wraps += 1
            }
            switch symbol {
            case .dot:
                advance()
                let name = text(of: try expect(.name))
                value = Expression(.attribute(value, name: name), range(from: start))
            case .leftParen:
                let open = advance()
                let arguments = try callArguments(openedAt: open)
                value = Expression(.call(value, arguments: arguments.positional, keywords: arguments.keywords), range(from: start))
            case .leftBracket:
                advance()
                let index = try subscriptIndex()
                value = Expression(.subscript(value, index: index), range(from: start))
            default:
                return value
            }
        }
    }

    /// Whether a token can begin an expression (for the "forgot a comma" hint and list ends).
    func startsExpression(_ symbol: Symbol, orStar: Bool = false) -> Bool {
        switch symbol {
        case .name, .number, .string, .leftParen, .leftBracket, .leftBrace, .minus, .plus, .tilde, .not,
             .lambda, .none, .true, .false, .ellipsis, .await:
            return true
        case .star:
            return orStar
        default:
            return false
        }
    }

    mutating func yieldExpression() throws(SyntaxErrorInfo) -> Expression {
        let keyword = advance()
        if accept(.from) != nil {
            let value = try expression()
            return Expression(.yieldFrom(value), range(from: keyword.start))
        }
        let value = startsExpression(symbol, orStar: true) ? try starExpressions() : nil
        return Expression(.yield(value), range(from: keyword.start))
    }
}
