import Compiler
import Runtime

/// The `builtins` namespace: functions, types, constants and exception classes.
enum Builtins {
    static func install() {
        let builtins = Dict.make()
        VM.builtins = builtins
        func define(_ name: String, _ value: Value) { try? Dict.set(builtins, Interned.str(name), value) }
        func function(_ name: String, _ body: @escaping NativeBody) { define(name, Natives.make(name, body)) }

        for (name, type) in [
            ("object", BuiltinTypes.object), ("type", BuiltinTypes.type), ("int", BuiltinTypes.int),
            ("bool", BuiltinTypes.bool), ("float", BuiltinTypes.float), ("str", BuiltinTypes.str),
            ("tuple", BuiltinTypes.tuple), ("list", BuiltinTypes.list), ("dict", BuiltinTypes.dict),
            ("set", BuiltinTypes.set), ("frozenset", BuiltinTypes.frozenset), ("range", BuiltinTypes.range),
            ("slice", BuiltinTypes.slice), ("property", InterpreterTypes.property),
            ("staticmethod", InterpreterTypes.staticMethod), ("classmethod", InterpreterTypes.classMethod),
            ("super", InterpreterTypes.superType), ("enumerate", InterpreterTypes.enumerate),
            ("zip", InterpreterTypes.zip), ("map", InterpreterTypes.map), ("filter", InterpreterTypes.filter),
            ("reversed", InterpreterTypes.reversed),
        ] {
            define(name, type)
        }
        for kind in BuiltinException.allCases { define(kind.name, kind.type) }
        for (name, type) in osErrorSubclasses() { define(name, type) }
        for (name, type) in otherExceptions() { define(name, type) }
        define("None", BuiltinTypes.none)
        define("True", BuiltinTypes.trueValue)
        define("False", BuiltinTypes.falseValue)
        define("NotImplemented", BuiltinTypes.notImplemented)
        define("Ellipsis", BuiltinTypes.ellipsis)
        define("__name__", Interned.str("builtins"))

        function("print", print)
        function("len") { args throws(PythonError) in
            try args.expect(1...1)
            // A `__len__` may return more than a small int holds (up to 2**63 - 1).
            return Ints.make(try Operators.length(args[0]))
        }
        function("repr") { args throws(PythonError) in
            try args.expect(1...1)
            return try Strings.repr(args[0])
        }
        function("ascii") { args throws(PythonError) in
            try args.expect(1...1)
            return Str.make(Objects.asciiOnly(try Objects.repr(args[0])))
        }
        function("format") { args throws(PythonError) in
            try args.expect(1...2)
            return try Strings.format(args[0], args.positionalCount > 1 ? args[1] : Interned.str(""))
        }
        function("hash") { args throws(PythonError) in
            try args.expect(1...1)
            return Ints.make(try Objects.hash(args[0]))
        }
        function("id") { args throws(PythonError) in
            try args.expect(1...1)
            return Ints.make(args[0].isSmallInt ? Int(bitPattern: UInt(args[0].bits)) : Int(bitPattern: UInt(args[0].bits &- 1)))
        }
        function("abs") { args throws(PythonError) in
            try args.expect(1...1)
            if let method = try Attributes.userSpecial(args[0], interned: SpecialNames.abs) { return try Calls.call(method, args[0]) }
            return try Arithmetic.absolute(args[0])
        }
        function("divmod") { args throws(PythonError) in
            try args.expect(2...2)
            if ObjectHooks.isUserObject(args[0]) || ObjectHooks.isUserObject(args[1]) {
                if let method = try Attributes.userSpecial(args[0], interned: SpecialNames.divmod) {
                    let result = try Calls.call(method, args[0], args[1])
                    if !result.is(BuiltinTypes.notImplemented) { return result }
                }
                if let method = try Attributes.userSpecial(args[1], interned: Interned.str("__rdivmod__")) {
                    let result = try Calls.call(method, args[1], args[0])
                    if !result.is(BuiltinTypes.notImplemented) { return result }
                }
            }
            return try Arithmetic.divmod(args[0], args[1])
        }
        function("pow") { args throws(PythonError) in
            try args.expect(2...3, keywords: ["base", "exp", "mod"], .named(["base", "exp", "mod"]))
            guard let base = args.argument(0, "base"), let exponent = args.argument(1, "exp") else {
                throw PythonError(.typeError, "pow() missing required argument '\(args.argument(0, "base") == nil ? "base" : "exp")'")
            }
            if let modulus = args.argument(2, "mod"), !modulus.is(BuiltinTypes.none) {
                // A class's `__pow__(exponent, modulus)` answers first.
                if ObjectHooks.isUserObject(base), let method = try Attributes.userSpecial(base, interned: Interned.str("__pow__")) {
                    let result = try Calls.call(method, base, exponent, modulus)
                    if !result.is(BuiltinTypes.notImplemented) { return result }
                }
                guard Ints.isInt(base) && Ints.isInt(exponent) && Ints.isInt(modulus) else {
                    if Operators.isNumber(base) && Operators.isNumber(exponent) && Operators.isNumber(modulus) {
                        throw PythonError(.typeError, "pow() 3rd argument not allowed unless all arguments are integers")
                    }
                    let names = [base, exponent, modulus].map { "'\(TypeObjects.name($0.type))'" }.joined(separator: ", ")
                    throw PythonError(.typeError, "unsupported operand type(s) for ** or pow(): \(names)")
                }
                return try Arithmetic.power(base, exponent, modulo: modulus)
            }
            return try Operators.binary(.power, base, exponent)
        }
        function("round", round)
        function("isinstance") { args throws(PythonError) in
            try args.expect(2...2)
            return Value.bool(try isInstance(args[0], args[1]))
        }
        function("issubclass") { args throws(PythonError) in
            try args.expect(2...2)
            guard args[0].kind == .type else { throw PythonError(.typeError, "issubclass() arg 1 must be a class") }
            return Value.bool(try isSubclass(args[0], args[1]))
        }
        function("callable") { args throws(PythonError) in
            try args.expect(1...1)
            return Value.bool(try isCallable(args[0]))
        }
        function("getattr") { args throws(PythonError) in
            try args.expect(2...3)
            guard args[1].kind == .str else { throw PythonError(.typeError, "attribute name must be string, not '\(TypeObjects.name(args[1].type))'") }
            if args.positionalCount == 3 {
                do throws(PythonError) { return try Attributes.get(args[0], args[1]) } catch {
                    if TypeObjects.isSubtype(error.exception.type, of: BuiltinException.attributeError.type) { return args[2] }
                    throw error
                }
            }
            return try Attributes.get(args[0], args[1])
        }
        function("setattr") { args throws(PythonError) in
            try args.expect(3...3)
            try Attributes.set(args[0], args[1], args[2])
            return BuiltinTypes.none
        }
        function("delattr") { args throws(PythonError) in
            try args.expect(2...2)
            try Attributes.delete(args[0], args[1])
            return BuiltinTypes.none
        }
        function("hasattr") { args throws(PythonError) in
            try args.expect(2...2)
            do throws(PythonError) {
                _ = try Attributes.get(args[0], args[1])
                return BuiltinTypes.trueValue
            } catch {
                if TypeObjects.isSubtype(error.exception.type, of: BuiltinException.attributeError.type) { return BuiltinTypes.falseValue }
                throw error
            }
        }
        function("iter") { args throws(PythonError) in
            try args.expect(1...2)
            if args.positionalCount == 2 {
                guard try Builtins.isCallable(args[0]) else { throw PythonError(.typeError, "iter(v, w): v must be callable") }
                return InterpreterObjects.make(.callableIterator, type: InterpreterTypes.callableIterator, a: args[0], b: args[1])
            }
            return try Iteration.iterator(args[0])
        }
        function("next") { args throws(PythonError) in
            try args.expect(1...2)
            if !Iteration.isIterator(args[0]), try Attributes.lookupSpecial(args[0], interned: SpecialNames.next) == nil {
                throw PythonError(.typeError, "'\(TypeObjects.name(args[0].type))' object is not an iterator")
            }
            if Generators.isGenerator(args[0]) && args.positionalCount == 1 {
                var finished = false
                let value = try Generators.resume(args[0], sending: BuiltinTypes.none, throwing: Value.null, finished: &finished)
                if finished { throw Generators.stopIteration(value) }
                return value
            }
            if ObjectHooks.isUserObject(args[0]) && args.positionalCount == 1,
               let method = try Attributes.lookupSpecial(args[0], interned: SpecialNames.next) {
                // The iterator's own StopIteration goes out as it is, with its value.
                return try Calls.call(method, args[0])
            }
            let item = try Iteration.next(args[0])
            if !item.isNull { return item }
            if args.positionalCount == 2 { return args[1] }
            throw PythonError(exception: Exceptions.make(BuiltinException.stopIteration.type, arguments: []))
        }
        function("all") { args throws(PythonError) in
            try args.expect(1...1)
            var result = true
            try Iteration.forEachUntil(args[0]) { item throws(PythonError) in
                if !(try Operators.isTrue(item)) { result = false }
                return !result
            }
            return Value.bool(result)
        }
        function("any") { args throws(PythonError) in
            try args.expect(1...1)
            var result = false
            try Iteration.forEachUntil(args[0]) { item throws(PythonError) in
                if try Operators.isTrue(item) { result = true }
                return result
            }
            return Value.bool(result)
        }
        function("sum") { args throws(PythonError) in
            try args.expect(1...2, keywords: ["start"])
            var total = args.argument(1, "start") ?? Value(smallInt: 0)
            if total.kind == .str { throw PythonError(.typeError, "sum() can't sum strings [use ''.join(seq) instead]") }
            try Iteration.forEach(args[0]) { item throws(PythonError) in
                total = try Operators.binary(.add, total, item)
            }
            return total
        }
        function("min") { args throws(PythonError) in try extreme(args, comparison: .less, name: "min") }
        function("max") { args throws(PythonError) in try extreme(args, comparison: .greater, name: "max") }
        function("sorted") { args throws(PythonError) in
            guard args.positionalCount == 1 else {
                throw PythonError(.typeError, "sorted expected 1 argument, got \(args.positionalCount)")
            }
            try ListMethods.checkSortKeywords(args)
            let list = try Iteration.list(args[0])
            try ListMethods.sort(list, key: args.keyword("key"), reverse: args.keyword("reverse"))
            return list
        }
        function("dir") { args throws(PythonError) in
            try args.expect(0...1)
            guard args.positionalCount == 1 else { throw frameUnreachable("dir") }
            return try Introspection.dir(args[0])
        }
        function("locals") { args throws(PythonError) in
            try args.expect(0...0)
            throw frameUnreachable("locals")
        }
        function("chr") { args throws(PythonError) in
            try args.expect(1...1)
            let v = try Ints.index(args[0])
            guard v.isSmallInt, (0...0x10FFFF).contains(v.smallInt) else { throw PythonError(.valueError, "chr() arg not in range(0x110000)") }
            return Str.character(UInt32(v.smallInt))
        }
        function("ord") { args throws(PythonError) in
            try args.expect(1...1)
            guard args[0].kind == .str else { throw PythonError(.typeError, "ord() expected string of length 1, but \(TypeObjects.name(args[0].type)) found") }
            guard Str.count(args[0]) == 1 else {
                throw PythonError(.typeError, "ord() expected a character, but string of length \(Str.count(args[0])) found")
            }
            return Value(smallInt: Int(Str.codePoint(args[0], at: 0)))
        }
        function("hex") { args throws(PythonError) in try prefixedDigits(args, base: 16, prefix: "0x") }
        function("oct") { args throws(PythonError) in try prefixedDigits(args, base: 8, prefix: "0o") }
        function("bin") { args throws(PythonError) in try prefixedDigits(args, base: 2, prefix: "0b") }
        function("vars") { args throws(PythonError) in
            if args.count > 1 { throw PythonError(.typeError, "vars expected at most 1 argument, got \(args.count)") }
            guard args.positionalCount == 1 else { throw frameUnreachable("vars") }
            do throws(PythonError) {
                return try Attributes.get(args[0], SpecialNames.dict)
            } catch {
                guard TypeObjects.isSubtype(error.exception.type, of: BuiltinException.attributeError.type) else { throw error }
                throw PythonError(.typeError, "vars() argument must have __dict__ attribute")
            }
        }
        function("globals") { _ throws(PythonError) in Modules.mainGlobals }
        function("input") { _ throws(PythonError) in
            throw PythonError(exception: Exceptions.make(BuiltinException.eofError.type, arguments: [Str.make("EOF when reading a line")]))
        }
        function("exit") { args throws(PythonError) in throw SystemExits.error(args.positionalCount > 0 ? args[0] : BuiltinTypes.none) }
        function("quit") { args throws(PythonError) in throw SystemExits.error(args.positionalCount > 0 ? args[0] : BuiltinTypes.none) }
    }

    /// The subclasses of OSError that programs name in `except` clauses; nothing raises them
    /// yet, as there is no I/O. Types are permanent roots.
    /// The rest of CPython's builtin exception classes, which the runtime never raises itself,
    /// and the old names of OSError.
    private static func otherExceptions() -> [(String, Value)] {
        func make(_ name: String, _ base: Value) -> Value { TypeObjects.make(name: name, base: base, instances: .exception) }
        let exception = BuiltinException.exception.type
        let unicodeError = BuiltinException.unicodeError.type
        let warning = make("Warning", exception)
        var made: [(String, Value)] = [
            ("StopAsyncIteration", make("StopAsyncIteration", exception)), ("BufferError", make("BufferError", exception)),
            ("ReferenceError", make("ReferenceError", exception)),
            ("UnicodeDecodeError", make("UnicodeDecodeError", unicodeError)),
            ("UnicodeEncodeError", make("UnicodeEncodeError", unicodeError)),
            ("UnicodeTranslateError", make("UnicodeTranslateError", unicodeError)),
            ("IOError", BuiltinException.osError.type), ("EnvironmentError", BuiltinException.osError.type),
            ("Warning", warning),
        ]
        for name in ["UserWarning", "DeprecationWarning", "PendingDeprecationWarning", "SyntaxWarning", "RuntimeWarning",
                     "FutureWarning", "ImportWarning", "UnicodeWarning", "BytesWarning", "ResourceWarning", "EncodingWarning"] {
            made.append((name, make(name, warning)))
        }
        return made
    }

    /// The subclass `OSError(errno, ...)` makes for each errno (Linux's numbers), as CPython's
    /// `OSError.__new__` picks it.
    nonisolated(unsafe) static var osErrorByNumber: [Int: Value] = [:]

    private static func osErrorSubclasses() -> [(String, Value)] {
        let osError = BuiltinException.osError.type
        var made: [(String, Value)] = []
        let direct: [(String, [Int])] = [
            ("FileNotFoundError", [2]), ("FileExistsError", [17]), ("PermissionError", [1, 13]), ("IsADirectoryError", [21]),
            ("NotADirectoryError", [20]), ("TimeoutError", [110]), ("ConnectionError", []), ("ProcessLookupError", [3]),
            ("InterruptedError", [4]), ("BlockingIOError", [11, 114, 115]), ("ChildProcessError", [10]),
        ]
        for (name, numbers) in direct {
            let type = TypeObjects.make(name: name, base: osError, instances: .exception)
            made.append((name, type))
            for number in numbers { osErrorByNumber[number] = type }
        }
        let connection = made.first { $0.0 == "ConnectionError" }!.1
        for (name, numbers) in [("BrokenPipeError", [32, 108]), ("ConnectionAbortedError", [103]),
                                ("ConnectionRefusedError", [111]), ("ConnectionResetError", [104])] {
            let type = TypeObjects.make(name: name, base: connection, instances: .exception)
            made.append((name, type))
            for number in numbers { osErrorByNumber[number] = type }
        }
        return made
    }

    private static func print(_ args: NativeArguments) throws(PythonError) -> Value {
        try args.expect(0...Int.max, keywords: ["sep", "end", "file", "flush"])
        let sep = try textArgument(args.keyword("sep"), default: " ", name: "sep")
        let end = try textArgument(args.keyword("end"), default: "\n", name: "end")
        var file = args.keyword("file") ?? BuiltinTypes.none
        if file.is(BuiltinTypes.none) { file = try Output.standardOutput() }
        if file.is(BuiltinTypes.none) { return BuiltinTypes.none }
        let flush = try args.keyword("flush").map { v throws(PythonError) in try Operators.isTrue(v) } ?? false
        if let descriptor = Output.descriptor(of: file) {
            // Our own streams take the whole line at once: the same bytes, one write. What
            // was converted before a `__str__` failed is written, as CPython writes it.
            var text = ""
            do throws(PythonError) {
                for i in 0..<args.positionalCount {
                    if i > 0 { text += sep }
                    text += try Objects.str(args[i])
                }
            } catch {
                Output.write(text, toStandardError: descriptor == 2)
                throw error
            }
            Output.write(text + end, toStandardError: descriptor == 2)
            if flush { Output.flush() }
            return BuiltinTypes.none
        }
        // Any other file gets CPython's calls: `write` once per piece, then `flush()`.
        guard let write = try Attributes.lookupSpecial(file, "write") else {
            throw PythonError(.attributeError, "'\(TypeObjects.name(file.type))' object has no attribute 'write'")
        }
        for i in 0..<args.positionalCount {
            if i > 0 { _ = try Calls.call(write, file, Str.make(sep)) }
            _ = try Calls.call(write, file, try Strings.str(args[i]))
        }
        _ = try Calls.call(write, file, Str.make(end))
        if flush, let method = try Attributes.lookupSpecial(file, "flush") { _ = try Calls.call(method, file) }
        return BuiltinTypes.none
    }

    /// `locals()`, `vars()` and `dir()` read the calling frame when called by name
    /// (`callFrameBuiltin`); called any other way, the frame is out of their reach.
    private static func frameUnreachable(_ name: String) -> PythonError {
        PythonError(.systemError, "\(name)() without arguments works only when called by its name")
    }

    private static func textArgument(_ v: Value?, default fallback: String, name: String) throws(PythonError) -> String {
        guard let v, !v.is(BuiltinTypes.none) else { return fallback }
        guard v.kind == .str else { throw PythonError(.typeError, "\(name) must be None or a string, not \(TypeObjects.name(v.type))") }
        return Str.swiftString(v)
    }

    private static func round(_ args: NativeArguments) throws(PythonError) -> Value {
        try args.expect(1...2, keywords: ["number", "ndigits"], .named(["number", "ndigits"]))
        guard let number = args.argument(0, "number") else { throw PythonError(.typeError, "round() missing required argument 'number' (pos 1)") }
        let digits = args.argument(1, "ndigits")
        if let method = try Attributes.userSpecial(number, interned: SpecialNames.round) {
            return digits == nil ? try Calls.call(method, number) : try Calls.call(method, number, digits!)
        }
        return try Arithmetic.round(number, digits: digits.flatMap { $0.is(BuiltinTypes.none) ? nil : $0 })
    }

    static func isCallable(_ v: Value) throws(PythonError) -> Bool {
        let kind = v.kind
        if kind == .function || kind == .nativeFunction || kind == .boundMethod || kind == .type { return true }
        return try Attributes.lookupSpecial(v, interned: SpecialNames.call) != nil
    }

    static func isInstance(_ v: Value, _ classInfo: Value) throws(PythonError) -> Bool {
        if let members = TypeHints.unionMembers(classInfo) { return try isInstance(v, members) }
        if classInfo.kind == .tuple {
            for i in 0..<Tuple.count(classInfo) where try isInstance(v, Tuple.items(classInfo)[i]) { return true }
            return false
        }
        guard classInfo.kind == .type else {
            throw PythonError(.typeError, "isinstance() arg 2 must be a type, a tuple of types, or a union")
        }
        return TypeObjects.isSubtype(v.type, of: classInfo)
    }

    static func isSubclass(_ type: Value, _ classInfo: Value) throws(PythonError) -> Bool {
        if classInfo.kind == .tuple {
            for i in 0..<Tuple.count(classInfo) where try isSubclass(type, Tuple.items(classInfo)[i]) { return true }
            return false
        }
        guard classInfo.kind == .type else {
            throw PythonError(.typeError, "issubclass() arg 2 must be a class, a tuple of classes, or a union")
        }
        return TypeObjects.isSubtype(type, of: classInfo)
    }

    /// `min` and `max`: one iterable or several arguments, with `key` and `default`.
    private static func extreme(_ args: NativeArguments, comparison: Comparison, name: String) throws(PythonError) -> Value {
        try args.expect(1...Int.max, keywords: ["key", "default"], .clinic)
        let key = args.keyword("key").flatMap { $0.is(BuiltinTypes.none) ? nil : $0 }
        let candidates: Value
        if args.positionalCount == 1 {
            candidates = try Iteration.list(args[0])
        } else {
            if args.keyword("default") != nil {
                throw PythonError(.typeError, "Cannot specify a default for \(name)() with multiple positional arguments")
            }
            candidates = List.make()
            for i in 0..<args.positionalCount { List.append(candidates, args[i]) }
        }
        guard List.count(candidates) > 0 else {
            if let fallback = args.keyword("default") { return fallback }
            throw PythonError(.valueError, "\(name)() arg is an empty sequence")
        }
        var best = List.items(candidates)[0]
        var bestKey = key == nil ? best : try Calls.call(key!, best)
        for i in 1..<List.count(candidates) {
            let item = List.items(candidates)[i]
            let itemKey = key == nil ? item : try Calls.call(key!, item)
            if try Operators.isTrue(try Operators.compare(itemKey, bestKey, comparison)) {
                best = item
                bestKey = itemKey
            }
        }
        return best
    }

    private static func prefixedDigits(_ args: NativeArguments, base: Int32, prefix: String) throws(PythonError) -> Value {
        try args.expect(1...1)
        let digits = try Ints.text(try Ints.index(args[0]), base: base)
        if digits.hasPrefix("-") { return Str.make("-" + prefix + digits.dropFirst()) }
        return Str.make(prefix + digits)
    }
}

/// `sys.exit()` and `SystemExit`.
enum SystemExits {
    /// `sys.exit(code)` raises `SystemExit(code)`; a tuple is the exception's arguments, as
    /// CPython sets the exception from the value.
    static func error(_ code: Value) -> PythonError {
        let arguments = code.is(BuiltinTypes.none) ? []
            : code.kind == .tuple ? Array(UnsafeBufferPointer(start: Tuple.items(code), count: Tuple.count(code))) : [code]
        return PythonError(exception: Exceptions.make(BuiltinException.systemExit.type, arguments: arguments))
    }
}
