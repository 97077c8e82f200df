import Compiler
import Runtime

/// str(), repr() and format() with the special methods of classes defined in Python, and the
/// pieces f-strings are built from.
enum Strings {
    static func str(_ v: Value) throws(PythonError) -> Value {
        // Only an exact str is its own str: a subclass may define `__str__`.
        if v.kind == .str && v.type.is(BuiltinTypes.str) { return v }
        return Str.make(try Objects.str(v))
    }

    static func repr(_ v: Value) throws(PythonError) -> Value {
        Str.make(try Objects.repr(v))
    }

    /// `count` strs on the stack joined into one.
    static func concatenate(_ parts: UnsafeMutablePointer<Value>, count: Int) -> Value {
        var text = ""
        for i in 0..<count { text += Str.swiftString(parts[i]) }
        return Str.make(text)
    }

    /// One f-string field: the conversion, then `format(value, spec)`.
    static func formatValue(_ value: Value, conversion: Int32, spec: Value) throws(PythonError) -> Value {
        var converted = value
        switch conversion {
        case FormatFlags.str: converted = try str(value)
        case FormatFlags.repr: converted = try repr(value)
        case FormatFlags.ascii: converted = Str.make(Objects.asciiOnly(try Objects.repr(value)))
        default: break
        }
        return try format(converted, spec.isNull ? Interned.str("") : spec)
    }

    /// `format(value, spec)`.
    static func format(_ value: Value, _ spec: Value) throws(PythonError) -> Value {
        if let method = try Attributes.userSpecial(value, interned: SpecialNames.format) {
            let result = try Calls.call(method, value, spec)
            guard result.kind == .str else {
                throw PythonError(.typeError, "__format__ must return a str, not \(TypeObjects.name(result.type))")
            }
            return result
        }
        let specText = Str.swiftString(spec)
        if specText.isEmpty { return try str(value) }
        if ObjectHooks.isUserObject(value) && value.kind == .instance {
            throw PythonError(.typeError, "unsupported format string passed to \(TypeObjects.name(value.type)).__format__")
        }
        return Str.make(try Formatting.format(value, specText))
    }

    /// The default repr of an instance: `<__main__.Point object at 0x...>`.
    static func defaultRepr(_ v: Value) throws(PythonError) -> String {
        let type = v.type
        let module = try Dict.get(type.fields(TypeObject.self).pointee.dict, Interned.str("__module__"))
        let qualified = try Attributes.classAttribute(type, Interned.str("__qualname__"))
        let prefix = module.kind == .str ? Str.swiftString(module) + "." : ""
        return "<\(prefix)\(Str.swiftString(qualified)) object at 0x\(String(UInt(v.bits &- 1), radix: 16))>"
    }
}

/// What the runtime asks about objects of classes defined in Python.
enum Hooks {
    static func install() {
        ObjectHooks.index = Operators.userIndex
        ObjectHooks.repr = { v throws(PythonError) in
            if let body = NativeTypes.reprBodies[v.type.bits] { return try body(v) }
            if let method = try Attributes.userSpecial(v, interned: SpecialNames.repr) { return try stringResult(Calls.call(method, v), "__repr__") }
            return v.kind == .instance ? try Strings.defaultRepr(v) : nil
        }
        ObjectHooks.str = { v throws(PythonError) in
            if let method = try Attributes.userSpecial(v, interned: SpecialNames.str) { return try stringResult(Calls.call(method, v), "__str__") }
            // `str.__str__` comes before a subclass's `__repr__`: the text itself.
            if v.kind == .str { return Str.swiftString(v) }
            // `object.__str__` calls `__repr__` unchecked; `str()` checks, and names `__str__`.
            if let method = try Attributes.userSpecial(v, interned: SpecialNames.repr) { return try stringResult(Calls.call(method, v), "__str__") }
            return v.kind == .instance ? try Strings.defaultRepr(v) : nil
        }
        ObjectHooks.hash = { v throws(PythonError) in
            let hashMethod = try Attributes.lookup(v.type, Interned.str("__hash__"))
            if hashMethod.is(BuiltinTypes.none) {
                throw PythonError(.typeError, "unhashable type: '\(TypeObjects.name(v.type))'")
            }
            if !hashMethod.isNull && hashMethod.kind != .nativeFunction {
                let result = try Calls.call(hashMethod, v)
                guard Ints.isInt(result) else { throw PythonError(.typeError, "__hash__ method should return an integer") }
                return Ints.hash(Ints.unbool(result))
            }
            return nil
        }
        ObjectHooks.compare = { a, b, op throws(PythonError) in
            guard let result = try Operators.richCompare(a, b, Operators.comparison(op)) else { return nil }
            return try Operators.isTrue(result)
        }
    }

    private static func stringResult(_ v: Value, _ method: String) throws(PythonError) -> String {
        guard v.kind == .str else {
            throw PythonError(.typeError, "\(method) returned non-string (type \(TypeObjects.name(v.type)))")
        }
        return Str.swiftString(v)
    }
}
