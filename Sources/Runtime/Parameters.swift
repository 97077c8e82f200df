/// The parameters of a native function that CPython writes in Python (most of `random`),
/// and the binding of a call's arguments to them with the errors CPython raises for a
/// Python function. Such functions are methods of a hidden instance in CPython, so their
/// errors name the class ("Random.randint()") and count `self` among the positional
/// arguments.
struct Parameters {
    /// The function as errors name it, without the parentheses: "Random.randint".
    let function: String
    /// Positional-or-keyword parameters, in order.
    let names: [String]
    /// How many of `names`, from the first, have no default.
    let required: Int
    let keywordOnly: [String]

    init(_ function: String, _ names: [String], required: Int, keywordOnly: [String] = []) {
        self.function = function
        self.names = names
        self.required = required
        self.keywordOnly = keywordOnly
    }

    /// The value of each parameter, `names` then `keywordOnly`, `Value.null` where the call
    /// gave none (the default applies). The caller keeps the arguments alive, as the
    /// interpreter's value stack does; binding allocates nothing unless it raises.
    func bind(_ arguments: [Value], _ keywords: [(String, Value)]) throws(PythonError) -> [Value] {
        if arguments.count > names.count { throw tooManyPositional(arguments.count) }
        var bound = [Value](repeating: .null, count: names.count + keywordOnly.count)
        for (i, argument) in arguments.enumerated() { bound[i] = argument }
        for (name, value) in keywords {
            guard let slot = names.firstIndex(of: name) ?? keywordOnly.firstIndex(of: name).map({ names.count + $0 }) else {
                throw PythonError(.typeError, "\(function)() got an unexpected keyword argument '\(name)'")
            }
            if !bound[slot].isNull { throw PythonError(.typeError, "\(function)() got multiple values for argument '\(name)'") }
            bound[slot] = value
        }
        let missing = (0..<required).filter { bound[$0].isNull }.map { "'\(names[$0])'" }
        if !missing.isEmpty { throw missingPositional(missing) }
        return bound
    }

    func tooManyPositional(_ given: Int) -> PythonError {
        let most = names.count + 1, least = required + 1
        let takes = least == most ? "\(most) positional argument\(most == 1 ? "" : "s")" : "from \(least) to \(most) positional arguments"
        let total = given + 1
        return PythonError(.typeError, "\(function)() takes \(takes) but \(total) \(total == 1 ? "was" : "were") given")
    }

    func missingPositional(_ quotedNames: [String]) -> PythonError {
        let list: String
        switch quotedNames.count {
        case 1: list = quotedNames[0]
        case 2: list = quotedNames[0] + " and " + quotedNames[1]
        default: list = quotedNames.dropLast().joined(separator: ", ") + ", and " + quotedNames.last!
        }
        let noun = quotedNames.count == 1 ? "argument" : "arguments"
        return PythonError(.typeError, "\(function)() missing \(quotedNames.count) required positional \(noun): \(list)")
    }
}
