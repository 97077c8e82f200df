/// Simple statements: one line of them separated by semicolons, each kind, and assignments.
extension Parser {
    mutating func simpleStatements(into body: inout [Statement]) throws(SyntaxErrorInfo) {
        body.append(try simpleStatement())
        while accept(.semicolon) != nil && symbol != .newline {
            body.append(try simpleStatement())
        }
        guard symbol == .newline else { throw invalidSyntax() }
        advance()
    }

    mutating func simpleStatement() throws(SyntaxErrorInfo) -> Statement {
        let start = token.start
        let kind: StatementKind
        switch symbol {
        case .pass: advance(); kind = .pass
        case .break: advance(); kind = .break
        case .continue: advance(); kind = .continue
        case .return: kind = try returnStatement()
        case .raise: kind = try raiseStatement()
        case .global: kind = .global(names: try declaredNames())
        case .nonlocal: kind = .nonlocal(names: try declaredNames())
        case .del: kind = try deleteStatement()
        case .assert: kind = try assertStatement()
        case .import: kind = try importStatement()
        case .from: kind = try fromImportStatement()
        default: kind = try expressionStatement()
        }
        return Statement(kind, range(from: start))
    }

    /// A statement's expression list ends at a line break or a semicolon.
    var atStatementEnd: Bool { symbol == .newline || symbol == .semicolon }

    private mutating func returnStatement() throws(SyntaxErrorInfo) -> StatementKind {
        advance()
        return .return(atStatementEnd ? nil : try starExpressions())
    }

    private mutating func raiseStatement() throws(SyntaxErrorInfo) -> StatementKind {
        advance()
        guard !atStatementEnd else { return .raise(exception: nil, cause: nil) }
        let exception = try expression()
        let cause = accept(.from) != nil ? try expression() : nil
        return .raise(exception: exception, cause: cause)
    }

    private mutating func declaredNames() throws(SyntaxErrorInfo) -> [String] {
        advance()
        var names: [String] = []
        repeat {
            names.append(text(of: try expect(.name)))
        } while accept(.comma) != nil
        return names
    }

    private mutating func deleteStatement() throws(SyntaxErrorInfo) -> StatementKind {
        advance()
        var targets: [Expression] = []
        repeat {
            if atStatementEnd && !targets.isEmpty { break }
            targets.append(try starExpression())
        } while accept(.comma) != nil
        for target in targets {
            try checkTarget(target, .deletion)
        }
        return .delete(targets: targets)
    }

    private mutating func assertStatement() throws(SyntaxErrorInfo) -> StatementKind {
        advance()
        let test = try expression()
        let message = accept(.comma) != nil ? try expression() : nil
        return .assert(test: test, message: message)
    }

    // MARK: - Imports

    private mutating func importStatement() throws(SyntaxErrorInfo) -> StatementKind {
        advance()
        var names: [ImportAlias] = []
        repeat {
            names.append(try importAlias(dotted: true))
        } while accept(.comma) != nil
        return .import(names: names)
    }

    /// `name` or `dotted.name`, then an optional `as name`.
    private mutating func importAlias(dotted: Bool) throws(SyntaxErrorInfo) -> ImportAlias {
        let start = token.start
        let name = dotted ? try dottedName() : text(of: try expect(.name))
        let asName = accept(.as) != nil ? text(of: try expect(.name)) : nil
        return ImportAlias(name: name, asName: asName, range: range(from: start))
    }

    private mutating func dottedName() throws(SyntaxErrorInfo) -> String {
        var name = text(of: try expect(.name))
        while accept(.dot) != nil {
            name += "." + text(of: try expect(.name))
        }
        return name
    }

    private mutating func fromImportStatement() throws(SyntaxErrorInfo) -> StatementKind {
        advance()
        var level = 0
        while symbol == .dot || symbol == .ellipsis {
            level += symbol == .ellipsis ? 3 : 1
            advance()
        }
        var module: String?
        if symbol == .name || level == 0 {
            module = try dottedName()
        }
        try expect(.import)
        return .importFrom(module: module, names: try importedNames(), level: level)
    }

    /// `*`, `a as b, c`, or the same in parentheses with an optional trailing comma.
    private mutating func importedNames() throws(SyntaxErrorInfo) -> [ImportAlias] {
        if let star = accept(.star) {
            return [ImportAlias(name: "*", asName: nil, range: SourceRange(start: star.start, end: star.end))]
        }
        let parenthesized = accept(.leftParen) != nil
        var names: [ImportAlias] = []
        repeat {
            if parenthesized && symbol == .rightParen && !names.isEmpty { break }
            if !parenthesized && atStatementEnd && !names.isEmpty {
                throw syntaxError("trailing comma not allowed without surrounding parentheses", from: token.start, to: token.end)
            }
            names.append(try importAlias(dotted: false))
        } while accept(.comma) != nil
        if parenthesized { try expect(.rightParen) }
        return names
    }

    // MARK: - Expression statements and assignments

    /// An expression, or an assignment of any kind: `a = b = c`, `a += b`, `a: int = b`.
    private mutating func expressionStatement() throws(SyntaxErrorInfo) -> StatementKind {
        let firstIndex = index
        let first = try assignedValue()
        switch symbol {
        case .colon:
            return try annotatedAssignment(first, firstIndex: firstIndex)
        case .equal:
            return try assignment(first)
        default:
            if let op = symbol.augmentedOperator {
                try checkAugmentedTarget(first)
                advance()
                return .augmentedAssign(target: first, op: op, value: try assignedValue())
            }
            if !atStatementEnd { throw unexpectedTokenAfterExpression(first) }
            return .expression(first)
        }
    }

    /// The right side of an assignment: a yield expression or an expression list.
    mutating func assignedValue() throws(SyntaxErrorInfo) -> Expression {
        symbol == .yield ? try yieldExpression() : try starExpressions()
    }

    private mutating func assignment(_ first: Expression) throws(SyntaxErrorInfo) -> StatementKind {
        var targets = [first]
        var value = first
        while accept(.equal) != nil {
            value = try assignedValue()
            targets.append(value)
        }
        targets.removeLast()
        try checkAssignmentTargets(targets, value: value)
        return .assign(targets: targets, value: value)
    }

    private mutating func annotatedAssignment(_ target: Expression, firstIndex: Int) throws(SyntaxErrorInfo) -> StatementKind {
        try checkAnnotationTarget(target)
        advance()
        let annotation = try expression()
        let value = accept(.equal) != nil ? try assignedValue() : nil
        // A name is simple unless it is in parentheses, and then its first token is the `(`.
        var isSimple = false
        if case .name = target.kind { isSimple = symbols[firstIndex] != .leftParen }
        return .annotatedAssign(target: target, annotation: annotation, value: value, isSimple: isSimple)
    }

    /// What follows an expression statement that cannot: `print "x"`, or anything else.
    private func unexpectedTokenAfterExpression(_ expression: Expression) -> SyntaxErrorInfo {
        if case .name(let name) = expression.kind, name == "print" || name == "exec", startsExpression(symbol) {
            var probe = self
            if let argument = try? probe.starExpressions() {
                return syntaxError(
                    "Missing parentheses in call to '\(name)'. Did you mean \(name)(...)?",
                    from: expression.range.start, to: argument.range.end)
            }
        }
        return invalidSyntax()
    }
}
