/// Targets: parsing `for` targets, and checking that what was parsed as an expression can be
/// assigned to or deleted, with CPython's messages.
enum TargetUse {
    /// `=`, `with ... as`: CPython's STAR_TARGETS.
    case assignment
    /// `for ... in`: like assignment, but `a in b` is read as the target `a` and the `in`.
    case forLoop
    case deletion
}

extension Parser {
    /// `a, (b, c), *d` before `in`: operands of `|` and up, so the `in` is never swallowed.
    mutating func targetList() throws(SyntaxErrorInfo) -> Expression {
        let start = token.start
        let first = try starTarget()
        var target = first
        if symbol == .comma {
            var elements = [first]
            while accept(.comma) != nil && startsExpression(symbol, orStar: true) {
                elements.append(try starTarget())
            }
            target = Expression(.tuple(elements), range(from: start))
        }
        try checkTarget(target, .forLoop)
        return target
    }

    mutating func starTarget() throws(SyntaxErrorInfo) -> Expression {
        symbol == .star ? try starred() : try binary(above: 0)
    }

    func checkTarget(_ target: Expression, _ use: TargetUse) throws(SyntaxErrorInfo) {
        guard let invalid = invalidTarget(target, use) else { return }
        let verb = use == .deletion ? "delete" : "assign to"
        throw syntaxError("cannot \(verb) \(expressionName(invalid))", at: invalid.range)
    }

    /// The first part of a target that cannot be one (CPython's `_PyPegen_get_invalid_target`).
    func invalidTarget(_ target: Expression, _ use: TargetUse) -> Expression? {
        switch target.kind {
        case .name, .attribute, .subscript:
            return nil
        case .tuple(let elements), .list(let elements):
            for element in elements {
                if let invalid = invalidTarget(element, use) { return invalid }
            }
            return nil
        case .starred(let value):
            return use == .deletion ? target : invalidTarget(value, use)
        case .compare(let left, let operators, _):
            guard use == .forLoop else { return target }
            return operators.first == .in ? invalidTarget(left, use) : nil
        default:
            return target
        }
    }

    /// How CPython's messages name an expression (`_PyPegen_get_expr_name`).
    func expressionName(_ expression: Expression) -> String {
        switch expression.kind {
        case .attribute: return "attribute"
        case .subscript: return "subscript"
        case .starred: return "starred"
        case .name: return "name"
        case .list: return "list"
        case .tuple: return "tuple"
        case .lambda: return "lambda"
        case .call: return "function call"
        case .boolean, .binary, .unary: return "expression"
        case .generatorExpression: return "generator expression"
        case .yield, .yieldFrom: return "yield expression"
        case .listComprehension: return "list comprehension"
        case .setComprehension: return "set comprehension"
        case .dictComprehension: return "dict comprehension"
        case .dict: return "dict literal"
        case .set: return "set display"
        case .joinedString, .formattedValue: return "f-string expression"
        case .compare: return "comparison"
        case .conditional: return "conditional expression"
        case .namedExpression: return "named expression"
        case .slice: return "slice"
        case .constant(let constant):
            switch constant {
            case .none: return "None"
            case .true: return "True"
            case .false: return "False"
            case .ellipsis: return "ellipsis"
            default: return "literal"
            }
        }
    }

    /// `a = b = value`: the first target that cannot be assigned to. When the only `=` follows
    /// an expression that is no target, CPython suspects a mistyped `==` and says so.
    func checkAssignmentTargets(_ targets: [Expression], value: Expression) throws(SyntaxErrorInfo) {
        for (position, target) in targets.enumerated() {
            switch target.kind {
            case .yield, .yieldFrom: throw syntaxError("assignment to yield expression not possible", at: target.range)
            default: break
            }
            guard invalidTarget(target, .assignment) != nil else { continue }
            if position == 0 && targets.count == 1 {
                var last = target
                if case .tuple(let elements) = target.kind, symbol(at: target.range.start) != .leftParen, let final = elements.last {
                    last = final
                }
                if let error = mistypedEquality(last, value: value) {
                    throw error
                }
            }
            try checkTarget(target, .assignment)
        }
    }

    /// `a = b` where a comparison was meant, as CPython's `invalid_named_expression` sees it:
    /// after a name, a hint about `==` and `:=`; after an operand of `|` or tighter that is no
    /// target (and does not start with a list, tuple, `True`, `None` or `False`), "cannot
    /// assign to ... here".
    func mistypedEquality(_ target: Expression, value: Expression) -> SyntaxErrorInfo? {
        if case .name = target.kind {
            return syntaxError(
                "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                from: target.range.start, to: leadingOperand(value).range.end)
        }
        if startsWithDisplayOrConstant(target) { return nil }
        switch target.kind {
        case .compare, .boolean, .conditional, .lambda, .starred, .namedExpression, .yield, .yieldFrom: return nil
        case .unary(let op, _) where op == .not: return nil
        default: break
        }
        return syntaxError(
            "cannot assign to \(expressionName(target)) here. Maybe you meant '==' instead of '='?", at: target.range)
    }

    /// CPython's lookahead `!(list|tuple|genexp|'True'|'None'|'False')`: whether the expression's
    /// first atom is one of those. A comprehension or a parenthesized non-tuple passes it.
    private func startsWithDisplayOrConstant(_ expression: Expression) -> Bool {
        switch symbol(at: expression.range.start) {
        case .true, .none, .false: return true
        case .leftBracket, .leftParen: break
        default: return false
        }
        var atom = expression
        while let next = leftChild(atom), next.range.start == atom.range.start { atom = next }
        switch atom.kind {
        case .list, .tuple, .generatorExpression: return true
        default: return false
        }
    }

    /// The operand an expression's text starts with, if it starts with an operand.
    private func leftChild(_ expression: Expression) -> Expression? {
        switch expression.kind {
        case .binary(let left, _, _), .compare(let left, _, _), .attribute(let left, _), .subscript(let left, _),
             .call(let left, _, _), .conditional(_, let left, _):
            return left
        case .boolean(_, let operands): return operands.first
        default: return nil
        }
    }

    /// The symbol of the token that starts at a position (a node's first token).
    func symbol(at position: SourcePosition) -> Symbol {
        var low = 0, high = tokens.count - 1
        while low < high {
            let middle = (low + high) / 2
            let start = tokens[middle].start
            if start.line < position.line || (start.line == position.line && start.column < position.column) {
                low = middle + 1
            } else {
                high = middle
            }
        }
        return symbols[low]
    }

    /// The operand of `|` or tighter that an expression starts with.
    private func leadingOperand(_ expression: Expression) -> Expression {
        switch expression.kind {
        case .compare(let left, _, _): return leadingOperand(left)
        case .conditional(_, let body, _): return leadingOperand(body)
        case .boolean(_, let operands): return operands.first.map(leadingOperand) ?? expression
        default: return expression
        }
    }

    /// `if x = 1:` and the like: an `=` where only an expression may stand.
    mutating func misplacedAssignment(_ target: Expression) -> SyntaxErrorInfo {
        var probe = self
        probe.advance()
        guard let value = try? probe.binary(above: 0), probe.symbol != .equal, probe.symbol != .colonEqual,
              let error = mistypedEquality(target, value: value)
        else { return invalidSyntax() }
        return error
    }

    func checkAugmentedTarget(_ target: Expression) throws(SyntaxErrorInfo) {
        switch target.kind {
        case .name, .attribute, .subscript: return
        default:
            throw syntaxError("'\(expressionName(target))' is an illegal expression for augmented assignment", at: target.range)
        }
    }

    func checkAnnotationTarget(_ target: Expression) throws(SyntaxErrorInfo) {
        switch target.kind {
        case .name, .attribute, .subscript: return
        case .tuple(let elements):
            // Without parentheses CPython points at the first element.
            let first = elements.first.flatMap { $0.range.start == target.range.start ? $0 : nil }
            throw syntaxError("only single target (not tuple) can be annotated", at: first?.range ?? target.range)
        case .list: throw syntaxError("only single target (not list) can be annotated", at: target.range)
        default: throw syntaxError("illegal target for annotation", at: target.range)
        }
    }
}
