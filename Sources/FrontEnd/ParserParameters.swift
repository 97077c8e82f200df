/// Parameter lists of `def` (annotations allowed) and `lambda` (none), up to but not including the
/// closer (`)` or `:`).
extension Parser {
    mutating func parameterList(closer: Symbol, annotated: Bool) throws(SyntaxErrorInfo) -> Parameters {
        var parameters = Parameters()
        var sawStar = false
        var bareStar: Token?
        while symbol != closer {
            if parameters.keywordVariadic != nil {
                throw syntaxError("arguments cannot follow var-keyword argument", from: token.start, to: token.end)
            }
            switch symbol {
            case .slash:
                try positionalOnlyMarker(&parameters, afterStar: sawStar)
            case .star:
                let star = advance()
                if sawStar { throw syntaxError("* argument may appear only once", from: star.start, to: star.end) }
                sawStar = true
                if symbol == .comma || symbol == closer {
                    bareStar = star
                } else {
                    parameters.variadic = try parameter(annotated: annotated)
                }
            case .doubleStar:
                advance()
                parameters.keywordVariadic = try parameter(annotated: annotated)
            default:
                try plainParameter(into: &parameters, keywordOnly: sawStar, annotated: annotated)
            }
            guard accept(.comma) != nil else { break }
        }
        if let star = bareStar, parameters.keywordOnly.isEmpty {
            throw syntaxError("named arguments must follow bare *", from: star.start, to: star.end)
        }
        return parameters
    }

    /// `/`: everything so far is positional-only.
    private mutating func positionalOnlyMarker(_ parameters: inout Parameters, afterStar: Bool) throws(SyntaxErrorInfo) {
        let slash = advance()
        if afterStar {
            throw syntaxError("/ must be ahead of *", from: slash.start, to: slash.end)
        }
        if !parameters.positionalOnly.isEmpty {
            throw syntaxError("/ may appear only once", from: slash.start, to: slash.end)
        }
        if parameters.positional.isEmpty {
            throw syntaxError("invalid syntax", from: slash.start, to: slash.end)
        }
        parameters.positionalOnly = parameters.positional
        parameters.positional = []
    }

    /// `name`, `name: annotation`, with `= default`.
    private mutating func plainParameter(
        into parameters: inout Parameters, keywordOnly: Bool, annotated: Bool
    ) throws(SyntaxErrorInfo) {
        let parameter = try parameter(annotated: annotated)
        let defaultValue = accept(.equal) != nil ? try expression() : nil
        if keywordOnly {
            parameters.keywordOnly.append(parameter)
            parameters.keywordDefaults.append(defaultValue)
            return
        }
        if let defaultValue = defaultValue {
            parameters.defaults.append(defaultValue)
        } else if !parameters.defaults.isEmpty {
            throw syntaxError("non-default argument follows default argument", at: parameter.range)
        }
        parameters.positional.append(parameter)
    }

    private mutating func parameter(annotated: Bool) throws(SyntaxErrorInfo) -> Parameter {
        let name = try expect(.name)
        var annotation: Expression?
        if annotated && accept(.colon) != nil {
            annotation = symbol == .star ? try starred() : try expression()
        }
        return Parameter(name: text(of: name), annotation: annotation, range: range(from: name.start))
    }
}
