import Runtime

/// The arguments of a call to a builtin: a window on the value stack.
struct NativeArguments {
    let base: UnsafeMutablePointer<Value>
    let count: Int
    let keywordNames: Value
    let stackTop: UnsafeMutablePointer<Value>
    /// Where the callee's name comes from, for error messages only: making the `String` on
    /// every call would cost a retain and a release (and, for a type, a conversion).
    let nameSource: NativeName

    enum NativeName {
        case entry(Int), type(Value), text(String)
    }

    init(base: UnsafeMutablePointer<Value>, count: Int, keywordNames: Value, stackTop: UnsafeMutablePointer<Value>, name: NativeName) {
        self.base = base
        self.count = count
        self.keywordNames = keywordNames
        self.stackTop = stackTop
        self.nameSource = name
    }

    /// The callee's name, as messages show it.
    var name: String {
        switch nameSource {
        case .entry(let entry): return Natives.names[entry]
        case .type(let type): return TypeObjects.name(type)
        case .text(let text): return text
        }
    }

    var keywordCount: Int { keywordNames.isNull ? 0 : Tuple.count(keywordNames) }
    var positionalCount: Int { count - keywordCount }

    subscript(i: Int) -> Value { base[i] }

    /// The keyword arguments, as (name, value) pairs in the order given.
    var keywords: [(Value, Value)] {
        (0..<keywordCount).map { (Tuple.items(keywordNames)[$0], base[positionalCount + $0]) }
    }

    /// The keyword argument `name`, or nil.
    func keyword(_ name: String) -> Value? {
        guard !keywordNames.isNull else { return nil }
        for j in 0..<Tuple.count(keywordNames) where Str.swiftString(Tuple.items(keywordNames)[j]) == name {
            return base[positionalCount + j]
        }
        return nil
    }

    /// Positional argument `i`, or the keyword `name`, or nil.
    func argument(_ i: Int, _ keywordName: String? = nil) -> Value? {
        if i < positionalCount { return base[i] }
        if let keywordName { return keyword(keywordName) }
        return nil
    }

    /// How a builtin parses its arguments in CPython, which decides the wording of its
    /// argument-count messages.
    enum Convention {
        /// Argument Clinic, positional only: `strip expected at most 1 argument, got 2`;
        /// with exactly zero or one parameter, `str.upper() takes no arguments (1 given)`.
        case clinic
        /// `PyArg_ParseTuple`: `count() takes at most 3 arguments (4 given)`.
        case tuple
        /// Keywords accepted: `split() takes at most 2 arguments (3 given)`, and a missing
        /// positional is `sum() takes at least 1 positional argument (0 given)`.
        case keywords
        /// Keywords accepted, every parameter named: a missing one is
        /// `round() missing required argument 'number' (pos 1)`.
        case named([String])
    }

    /// Checks the positional count and that only the `allowed` keywords were passed, with
    /// CPython's message for the builtin's `convention` (`.keywords` when any are allowed).
    @inline(__always)
    func expect(_ range: ClosedRange<Int>, keywords allowed: [String] = [], _ convention: Convention? = nil) throws(PythonError) {
        if keywordCount == 0 && range.contains(count) { return }
        try reject(range, allowed, convention ?? (allowed.isEmpty ? .clinic : .keywords))
    }

    private func reject(_ range: ClosedRange<Int>, _ allowed: [String], _ convention: Convention) throws(PythonError) {
        // A method's receiver is not among the arguments CPython's messages count, and some of
        // its messages name the type: `list.append() takes exactly one argument (0 given)`.
        var receivers = 0, qualified = name
        if case .entry(let entry) = nameSource {
            if Natives.owners[entry] != 0 {
                receivers = 1
                qualified = "\(TypeObjects.shortName(Value(bits: Natives.owners[entry]))).\(name)"
            } else if Natives.classMethods.contains(entry) {
                receivers = 1
            }
        }
        for j in 0..<keywordCount {
            let keyword = Str.swiftString(Tuple.items(keywordNames)[j])
            if allowed.isEmpty { throw PythonError(.typeError, "\(qualified)() takes no keyword arguments") }
            if !allowed.contains(keyword) {
                throw PythonError(.typeError, "'\(keyword)' is an invalid keyword argument for \(name)()")
            }
        }
        if range.contains(positionalCount) { return }
        let given = positionalCount - receivers
        let low = range.lowerBound - receivers, high = range.upperBound == Int.max ? Int.max : range.upperBound - receivers
        func plural(_ n: Int) -> String { n == 1 ? "" : "s" }
        switch convention {
        case .clinic:
            if low == high && low <= 1 {
                throw PythonError(.typeError, "\(qualified)() takes \(low == 0 ? "no arguments" : "exactly one argument") (\(given) given)")
            }
            let bound = low == high ? "" : given < low ? "at least " : "at most "
            let n = given < low ? low : high
            throw PythonError(.typeError, "\(name) expected \(bound)\(n) argument\(plural(n)), got \(given)")
        case .tuple, .keywords, .named:
            if given < low {
                if case .named(let names) = convention {
                    // A required parameter may come by keyword: `round(number=2.5)`.
                    let passed = Set((0..<keywordCount).map { Str.swiftString(Tuple.items(keywordNames)[$0]) })
                    guard let missing = (given..<min(low, names.count)).first(where: { !passed.contains(names[$0]) }) else { return }
                    throw PythonError(.typeError, "\(name)() missing required argument '\(names[missing])' (pos \(missing + 1))")
                }
                var positional = "positional "
                if case .tuple = convention { positional = "" }
                throw PythonError(.typeError, "\(name)() takes \(low == high ? "exactly" : "at least") \(low) \(positional)argument\(plural(low)) (\(given) given)")
            }
            let total = given + keywordCount
            throw PythonError(.typeError, "\(name)() takes \(low == high ? "exactly" : "at most") \(high) argument\(plural(high)) (\(total) given)")
        }
    }
}

typealias NativeBody = (NativeArguments) throws(PythonError) -> Value

/// Builtin functions and methods: Swift closures in a table, named by index from native
/// function objects. The closures hold no values, so the table is safe in a static.
enum Natives {
    nonisolated(unsafe) static var bodies: [NativeBody] = []
    nonisolated(unsafe) static var names: [String] = []
    /// For a method, the bits of the type its receiver must be an instance of; 0 for a
    /// function. Types are permanent, so their bits are safe here.
    nonisolated(unsafe) static var owners: [UInt64] = []
    /// The class methods, whose first argument (the class) messages do not count either.
    nonisolated(unsafe) static var classMethods: Set<Int> = []

    /// A new builtin function object.
    static func make(_ name: String, _ body: @escaping NativeBody) -> Value {
        bodies.append(body)
        names.append(name)
        owners.append(0)
        return object(entry: bodies.count - 1, receiver: Value.null)
    }

    static func object(entry: Int, receiver: Value) -> Value {
        let raw = Heap.allocate(.nativeFunction, type: BuiltinTypes.builtinFunction, size: MemoryLayout<NativeFunctionObject>.size)
        let fields = raw.assumingMemoryBound(to: NativeFunctionObject.self)
        fields.pointee.entry = Value(smallInt: entry)
        fields.pointee.name = Interned.str(names[entry].split(separator: ".").last.map(String.init) ?? names[entry])
        fields.pointee.receiver = receiver
        return Value(object: raw)
    }

    /// The same builtin with its first argument bound: `[].append`.
    static func bind(_ native: Value, to receiver: Value) -> Value {
        object(entry: native.fields(NativeFunctionObject.self).pointee.entry.smallInt, receiver: receiver)
    }

    static func isBound(_ native: Value) -> Bool {
        !native.fields(NativeFunctionObject.self).pointee.receiver.isNull
    }

    @inline(__always)
    static func call(
        _ native: Value, _ arguments: UnsafeMutablePointer<Value>, _ count: Int, keywordNames: Value,
        stackTop: UnsafeMutablePointer<Value>
    ) throws(PythonError) -> Value {
        let entry = native.fields(NativeFunctionObject.self).pointee.entry.smallInt
        let owner = owners[entry]
        if owner != 0 && (count == 0 || arguments[0].type.bits != owner) {
            try checkReceiver(entry, arguments, count)
        }
        return try bodies[entry](NativeArguments(
            base: arguments, count: count, keywordNames: keywordNames, stackTop: stackTop, name: .entry(entry)))
    }

    /// A method called through its type (`str.upper(x)`) gets its receiver checked, as
    /// CPython's method descriptors check it.
    private static func checkReceiver(_ entry: Int, _ arguments: UnsafeMutablePointer<Value>, _ count: Int) throws(PythonError) {
        let owner = Value(bits: owners[entry])
        let ownerName = TypeObjects.name(owner)
        guard count > 0 else {
            throw PythonError(.typeError, "unbound method \(TypeObjects.shortName(owner)).\(names[entry])() needs an argument")
        }
        let receiverType = arguments[0].type
        if owner.is(BuiltinTypes.object) || TypeObjects.isSubtype(receiverType, of: owner) { return }
        throw PythonError(.typeError, "descriptor '\(names[entry])' for '\(ownerName)' objects doesn't apply to a '\(TypeObjects.name(receiverType))' object")
    }

    /// Defines `name` as a method of the builtin `type`: its first argument is the receiver.
    static func method(_ type: Value, _ name: String, _ body: @escaping NativeBody) {
        let function = make(name, body)
        // `__new__` takes the class first, not an instance.
        if name != "__new__" { owners[owners.count - 1] = type.bits }
        try? Dict.set(type.fields(TypeObject.self).pointee.dict, Interned.str(name), function)
    }

    /// Defines `name` as a static method of the builtin `type`: `str.maketrans`.
    static func staticMethod(_ type: Value, _ name: String, _ body: @escaping NativeBody) {
        let function = make(name, body)
        try? Dict.set(type.fields(TypeObject.self).pointee.dict, Interned.str(name),
                      InterpreterObjects.make(.staticMethod, type: InterpreterTypes.staticMethod, a: function))
    }

    /// Defines `name` as a class method of the builtin `type`: its first argument is the class.
    static func classMethod(_ type: Value, _ name: String, _ body: @escaping NativeBody) {
        let function = make(name, body)
        classMethods.insert(bodies.count - 1)
        try? Dict.set(type.fields(TypeObject.self).pointee.dict, Interned.str(name),
                      InterpreterObjects.make(.classMethod, type: InterpreterTypes.classMethod, a: function))
    }
}
