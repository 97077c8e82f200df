/// Statements: the module, blocks, compound statements and lines of simple statements.
extension Parser {
    mutating func module() throws(SyntaxErrorInfo) -> Module {
        var body: [Statement] = []
        while symbol != .endMarker {
            try statement(into: &body)
        }
        return Module(body: body)
    }

    /// One compound statement, or one line of simple statements.
    mutating func statement(into body: inout [Statement]) throws(SyntaxErrorInfo) {
        switch symbol {
        case .if: body.append(try ifStatement())
        case .while: body.append(try whileStatement())
        case .for: body.append(try forStatement())
        case .try: body.append(try tryStatement())
        case .with: body.append(try withStatement())
        case .def: body.append(try functionDefinition(decorators: []))
        case .class: body.append(try classDefinition(decorators: []))
        case .at: body.append(try decorated())
        case .indent, .dedent, .newline: throw invalidSyntax()
        default: try simpleStatements(into: &body)
        }
    }

    /// `: NEWLINE INDENT statements DEDENT`, or simple statements on the line of the colon.
    /// `construct` names the statement for the error when the indented block is missing.
    /// CPython's grammar forces the colon (`&&':'`) only after `def`, `try`, `finally` and
    /// `else`; after the others a missing colon is "expected ':'" only before the line break,
    /// and plain invalid syntax before any other token.
    mutating func block(after construct: String, on line: Int32, colonForced: Bool = false) throws(SyntaxErrorInfo) -> [Statement] {
        if !colonForced && symbol != .colon && symbol != .newline { throw invalidSyntax() }
        try expectForced(.colon, ":")
        var body: [Statement] = []
        guard accept(.newline) != nil else {
            try simpleStatements(into: &body)
            return body
        }
        guard accept(.indent) != nil else {
            throw missingIndentedBlock(after: construct, on: line)
        }
        while symbol != .dedent && symbol != .endMarker {
            try statement(into: &body)
        }
        _ = accept(.dedent)
        return body
    }

    private func missingIndentedBlock(after construct: String, on line: Int32) -> SyntaxErrorInfo {
        let message = "expected an indented block after \(construct) on line \(line)"
        guard symbol == .endMarker || symbol == .dedent else {
            return syntaxError(message, from: token.start, to: token.end, kind: .indentationError)
        }
        // At the end of the input CPython points just past the line break and gives no end.
        var error = syntaxError(message, from: tokens[index - 1].start, to: tokens[index - 1].start, kind: .indentationError)
        error.endOffset = -1
        return error
    }

    /// The range of a compound statement: from its keyword to the end of its last block.
    func range(from start: SourcePosition, through body: [Statement]) -> SourceRange {
        SourceRange(start: start, end: body.last?.range.end ?? previousEnd)
    }

    // MARK: - Compound statements

    mutating func ifStatement() throws(SyntaxErrorInfo) -> Statement {
        let name = symbol == .elif ? "'elif' statement" : "'if' statement"
        let keyword = advance()
        let test = try namedExpression()
        let body = try block(after: name, on: keyword.start.line)
        var orElse: [Statement] = []
        if symbol == .elif {
            try descend()
            defer { depth -= 1 }
            orElse = [try ifStatement()]
        } else if symbol == .else {
            orElse = try elseBlock()
        }
        return Statement(.if(test: test, body: body, orElse: orElse), range(from: keyword.start, through: orElse.isEmpty ? body : orElse))
    }

    mutating func elseBlock() throws(SyntaxErrorInfo) -> [Statement] {
        let keyword = advance()
        return try block(after: "'else' statement", on: keyword.start.line, colonForced: true)
    }

    mutating func whileStatement() throws(SyntaxErrorInfo) -> Statement {
        let keyword = advance()
        let test = try namedExpression()
        let body = try block(after: "'while' statement", on: keyword.start.line)
        let orElse = symbol == .else ? try elseBlock() : []
        return Statement(.while(test: test, body: body, orElse: orElse), range(from: keyword.start, through: orElse.isEmpty ? body : orElse))
    }

    mutating func forStatement() throws(SyntaxErrorInfo) -> Statement {
        let keyword = advance()
        let target = try targetList()
        try expect(.in)
        let iterable = try starExpressions()
        let body = try block(after: "'for' statement", on: keyword.start.line)
        let orElse = symbol == .else ? try elseBlock() : []
        return Statement(
            .for(target: target, iterable: iterable, body: body, orElse: orElse),
            range(from: keyword.start, through: orElse.isEmpty ? body : orElse))
    }

    mutating func tryStatement() throws(SyntaxErrorInfo) -> Statement {
        let keyword = advance()
        let body = try block(after: "'try' statement", on: keyword.start.line, colonForced: true)
        var handlers: [ExceptHandler] = []
        while symbol == .except {
            handlers.append(try exceptHandler())
        }
        var orElse: [Statement] = []
        if !handlers.isEmpty && symbol == .else {
            orElse = try elseBlock()
        }
        var finally: [Statement] = []
        if let finallyKeyword = accept(.finally) {
            finally = try block(after: "'finally' statement", on: finallyKeyword.start.line, colonForced: true)
        }
        if handlers.isEmpty && finally.isEmpty {
            throw syntaxError("expected 'except' or 'finally' block", from: token.start, to: token.end)
        }
        let last = !finally.isEmpty ? finally : !orElse.isEmpty ? orElse : handlers.last?.body ?? body
        return Statement(.try(body: body, handlers: handlers, orElse: orElse, finally: finally), range(from: keyword.start, through: last))
    }

    private mutating func exceptHandler() throws(SyntaxErrorInfo) -> ExceptHandler {
        let keyword = advance()
        var type: Expression?
        var name: String?
        // `except` before the line break is a missing colon, which `block` reports.
        if symbol != .colon && symbol != .newline {
            if symbol == .star { throw invalidSyntax() }
            let typeStart = token.start
            type = try expression()
            if symbol == .comma {
                let comma = token
                while accept(.comma) != nil && startsExpression(symbol) {
                    _ = try expression()
                }
                // CPython's hint needs the whole clause, through its colon.
                guard endsExceptClause() else { throw syntaxError("invalid syntax", from: comma.start, to: comma.end) }
                let end = symbol == .as ? tokens[index + 1].end : previousEnd
                throw syntaxError("multiple exception types must be parenthesized", from: typeStart, to: end)
            }
            if accept(.as) != nil {
                name = text(of: try expect(.name))
            }
        }
        let body = try block(after: "'except' statement", on: keyword.start.line)
        return ExceptHandler(type: type, name: name, body: body, range: range(from: keyword.start, through: body))
    }

    /// Whether `[as NAME] :` follows.
    private func endsExceptClause() -> Bool {
        guard symbol == .as else { return symbol == .colon }
        return index + 2 < symbols.count && symbols[index + 1] == .name && symbols[index + 2] == .colon
    }

    mutating func withStatement() throws(SyntaxErrorInfo) -> Statement {
        let keyword = advance()
        var items = parenthesizedWithItems()
        if items == nil {
            items = try withItems(until: .colon)
        }
        let body = try block(after: "'with' statement", on: keyword.start.line)
        return Statement(.with(items: items ?? [], body: body), range(from: keyword.start, through: body))
    }

    /// `with (a as b, c as d):`. A parenthesized expression such as `with (a, b):` is the same
    /// prefix, so this is tried first and abandoned unless `)` and `:` follow the items.
    private mutating func parenthesizedWithItems() -> [WithItem]? {
        guard symbol == .leftParen else { return nil }
        let start = index
        advance()
        if let items = try? withItems(until: .rightParen), accept(.rightParen) != nil, symbol == .colon {
            return items
        }
        index = start
        return nil
    }

    private mutating func withItems(until closer: Symbol) throws(SyntaxErrorInfo) -> [WithItem] {
        var items: [WithItem] = []
        repeat {
            if symbol == closer && !items.isEmpty { break }
            let context = try expression()
            var asTarget: Expression?
            if accept(.as) != nil {
                let target = try starTarget()
                try checkTarget(target, .assignment)
                asTarget = target
            }
            items.append(WithItem(context: context, target: asTarget))
        } while accept(.comma) != nil
        return items
    }

    mutating func decorated() throws(SyntaxErrorInfo) -> Statement {
        var decorators: [Expression] = []
        while accept(.at) != nil {
            decorators.append(try namedExpression())
            try expect(.newline)
        }
        switch symbol {
        case .def: return try functionDefinition(decorators: decorators)
        case .class: return try classDefinition(decorators: decorators)
        default: throw invalidSyntax()
        }
    }

    mutating func functionDefinition(decorators: [Expression]) throws(SyntaxErrorInfo) -> Statement {
        let keyword = advance()
        let name = text(of: try expect(.name))
        try expect(.leftParen)
        let parameters = try parameterList(closer: .rightParen, annotated: true)
        try expect(.rightParen)
        let returns = accept(.arrow) != nil ? try expression() : nil
        let body = try block(after: "function definition", on: keyword.start.line, colonForced: true)
        let definition = FunctionDefinition(
            name: name, parameters: parameters, body: body, decorators: decorators, returnAnnotation: returns)
        return Statement(.functionDefinition(definition), range(from: keyword.start, through: body))
    }

    mutating func classDefinition(decorators: [Expression]) throws(SyntaxErrorInfo) -> Statement {
        let keyword = advance()
        let name = text(of: try expect(.name))
        var arguments = CallArguments()
        if accept(.leftParen) != nil {
            arguments = try callArguments(openedAt: tokens[index - 1])
        }
        let body = try block(after: "class definition", on: keyword.start.line)
        let definition = ClassDefinition(
            name: name, bases: arguments.positional, keywords: arguments.keywords, body: body, decorators: decorators)
        return Statement(.classDefinition(definition), range(from: keyword.start, through: body))
    }
}
