import Compiler
import Runtime

/// Binds a call's arguments to a Python function's parameters, with CPython's errors.
enum Arguments {
    static func bind(
        _ function: Value, _ code: CodeObject, _ arguments: UnsafeMutablePointer<Value>, _ count: Int,
        keywordNames: Value, into fp: UnsafeMutablePointer<Value>
    ) throws(PythonError) {
        let keywordCount = keywordNames.isNull ? 0 : Tuple.count(keywordNames)
        let positionalGiven = count - keywordCount
        let n = code.positionalCount
        let k = code.keywordOnlyCount
        let hasVariadic = code.flags.contains(.variadic)
        let hasKeywordVariadic = code.flags.contains(.keywordVariadic)
        let variadicSlot = n + k
        let keywordVariadicSlot = n + k + (hasVariadic ? 1 : 0)
        let name = qualifiedName(function)

        for i in 0..<min(positionalGiven, n) { fp[i] = arguments[i] }
        if positionalGiven > n {
            guard hasVariadic else { throw tooManyPositional(name, code, function, given: positionalGiven, keywordCount: keywordCount) }
        }
        if hasVariadic {
            let extra = max(0, positionalGiven - n)
            let tuple = Tuple.allocate(count: extra)
            for i in 0..<extra { Tuple.items(tuple)[i] = arguments[n + i] }
            fp[variadicSlot] = tuple
        }
        if hasKeywordVariadic { fp[keywordVariadicSlot] = Dict.make() }

        let parameterNames = Tuple.items(code.parameterNames)
        for j in 0..<keywordCount {
            let keyword = Tuple.items(keywordNames)[j]
            let value = arguments[positionalGiven + j]
            var found = -1
            for p in code.positionalOnlyCount..<(n + k) where parameterNames[p].is(keyword) || Str.equal(parameterNames[p], keyword) {
                found = p
                break
            }
            if found < 0 {
                guard hasKeywordVariadic else {
                    if let passed = positionalOnlyPassedAsKeywords(code, keywordNames) {
                        throw PythonError(.typeError, "\(name)() got some positional-only arguments passed as keyword arguments: '\(passed)'")
                    }
                    throw PythonError(.typeError, "\(name)() got an unexpected keyword argument '\(Str.swiftString(keyword))'")
                }
                try Dict.set(fp[keywordVariadicSlot], keyword, value)
                continue
            }
            if !fp[found].isNull {
                throw PythonError(.typeError, "\(name)() got multiple values for argument '\(Str.swiftString(keyword))'")
            }
            fp[found] = value
        }

        try fillDefaults(function, code, name, fp)
    }

    /// Every positional-only parameter that one of the call's keywords names, in parameter
    /// order, as CPython lists them; nil when there is none.
    private static func positionalOnlyPassedAsKeywords(_ code: CodeObject, _ keywordNames: Value) -> String? {
        let parameterNames = Tuple.items(code.parameterNames)
        let keywords = UnsafeBufferPointer(start: Tuple.items(keywordNames), count: Tuple.count(keywordNames))
        let passed = (0..<code.positionalOnlyCount).filter { p in
            keywords.contains { Str.equal(parameterNames[p], $0) }
        }
        return passed.isEmpty ? nil : passed.map { Str.swiftString(parameterNames[$0]) }.joined(separator: ", ")
    }

    private static func fillDefaults(_ function: Value, _ code: CodeObject, _ name: String, _ fp: UnsafeMutablePointer<Value>) throws(PythonError) {
        let fields = function.fields(FunctionObject.self)
        let n = code.positionalCount
        let defaults = fields.pointee.defaults
        let defaultCount = defaults.is(BuiltinTypes.none) ? 0 : Tuple.count(defaults)
        var missing: [String] = []
        for i in 0..<n where fp[i].isNull {
            let d = i - (n - defaultCount)
            if d >= 0 {
                fp[i] = Tuple.items(defaults)[d]
            } else {
                missing.append(code.slotNames[i])
            }
        }
        if !missing.isEmpty { throw missingArguments(name, missing, kind: "positional") }
        let keywordDefaults = fields.pointee.keywordDefaults
        for i in n..<(n + code.keywordOnlyCount) where fp[i].isNull {
            if !keywordDefaults.is(BuiltinTypes.none) {
                let v = try Dict.get(keywordDefaults, Interned.str(code.slotNames[i]))
                if !v.isNull {
                    fp[i] = v
                    continue
                }
            }
            missing.append(code.slotNames[i])
        }
        if !missing.isEmpty { throw missingArguments(name, missing, kind: "keyword-only") }
    }

    static func qualifiedName(_ function: Value) -> String {
        Str.swiftString(function.fields(FunctionObject.self).pointee.qualifiedName)
    }

    private static func missingArguments(_ name: String, _ names: [String], kind: String) -> PythonError {
        let quoted = names.map { "'\($0)'" }
        let list: String
        switch quoted.count {
        case 1: list = quoted[0]
        case 2: list = quoted[0] + " and " + quoted[1]
        default: list = quoted.dropLast().joined(separator: ", ") + ", and " + quoted.last!
        }
        let noun = names.count == 1 ? "argument" : "arguments"
        return PythonError(.typeError, "\(name)() missing \(names.count) required \(kind) \(noun): \(list)")
    }

    private static func tooManyPositional(_ name: String, _ code: CodeObject, _ function: Value, given: Int, keywordCount: Int) -> PythonError {
        let n = code.positionalCount
        let defaults = function.fields(FunctionObject.self).pointee.defaults
        let defaultCount = defaults.is(BuiltinTypes.none) ? 0 : Tuple.count(defaults)
        let takes: String
        if defaultCount > 0 {
            takes = "from \(n - defaultCount) to \(n) positional arguments"
        } else {
            takes = "\(n) positional argument" + (n == 1 ? "" : "s")
        }
        let was = given == 1 ? "was" : "were"
        var message = "\(name)() takes \(takes) but \(given) \(was) given"
        if keywordCount > 0 {
            message = "\(name)() takes \(takes) but \(given) positional argument\(given == 1 ? "" : "s") (and \(keywordCount) keyword-only argument\(keywordCount == 1 ? "" : "s")) were given"
        }
        return PythonError(.typeError, message)
    }
}
