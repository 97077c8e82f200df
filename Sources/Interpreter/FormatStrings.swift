import Runtime

/// `str.format`: replacement fields `{field!conversion:spec}` with automatic or explicit
/// numbering, keyword names, attribute and index lookups, and nested fields in the spec.
enum FormatStrings {
    static func format(_ template: Value, _ args: NativeArguments) throws(PythonError) -> Value {
        var state = State(args: args, mapping: nil)
        return Str.make(try render(Array(Str.swiftString(template).unicodeScalars)[...], &state, depth: 0))
    }

    /// `template.format_map(mapping)`: names are looked up in `mapping` by subscription, so a
    /// dict subclass's `__missing__` applies; there are no positional arguments.
    static func formatMap(_ template: Value, _ args: NativeArguments) throws(PythonError) -> Value {
        try args.expect(2...2)
        var state = State(args: args, mapping: args[1])
        return Str.make(try render(Array(Str.swiftString(template).unicodeScalars)[...], &state, depth: 0))
    }

    struct State {
        let args: NativeArguments
        let mapping: Value?
        var nextAutomatic = 0
        var usedManual = false
        var usedAutomatic = false
    }

    private static func render(_ text: ArraySlice<Unicode.Scalar>, _ state: inout State, depth: Int) throws(PythonError) -> String {
        guard depth <= 2 else { throw PythonError(.valueError, "Max string recursion exceeded") }
        var out = ""
        var i = text.startIndex
        while i < text.endIndex {
            let c = text[i]
            if c == "}" {
                guard i + 1 < text.endIndex, text[i + 1] == "}" else {
                    throw PythonError(.valueError, "Single '}' encountered in format string")
                }
                out.unicodeScalars.append("}")
                i += 2
                continue
            }
            guard c == "{" else {
                out.unicodeScalars.append(c)
                i += 1
                continue
            }
            if i + 1 < text.endIndex, text[i + 1] == "{" {
                out.unicodeScalars.append("{")
                i += 2
                continue
            }
            var j = i + 1
            var nesting = 1
            while j < text.endIndex {
                if text[j] == "{" { nesting += 1 }
                if text[j] == "}" {
                    nesting -= 1
                    if nesting == 0 { break }
                }
                j += 1
            }
            guard j < text.endIndex else {
                throw PythonError(.valueError, nesting > 1 ? "unexpected '{' in field name" : "Single '{' encountered in format string")
            }
            out += try field(text[(i + 1)..<j], &state, depth: depth)
            i = j + 1
        }
        return out
    }

    private static func field(_ body: ArraySlice<Unicode.Scalar>, _ state: inout State, depth: Int) throws(PythonError) -> String {
        var nameEnd = body.startIndex
        var bracket = false
        while nameEnd < body.endIndex {
            let c = body[nameEnd]
            if c == "[" { bracket = true }
            if c == "]" { bracket = false }
            if !bracket && (c == "!" || c == ":") { break }
            nameEnd += 1
        }
        let name = String(String.UnicodeScalarView(body[body.startIndex..<nameEnd]))
        var conversion: Unicode.Scalar?
        var specStart = nameEnd
        if nameEnd < body.endIndex && body[nameEnd] == "!" {
            guard nameEnd + 1 < body.endIndex else { throw PythonError(.valueError, "end of string while looking for conversion specifier") }
            conversion = body[nameEnd + 1]
            specStart = nameEnd + 2
            if specStart < body.endIndex && body[specStart] != ":" {
                throw PythonError(.valueError, "expected ':' after conversion specifier")
            }
        }
        // The field takes its automatic number before the fields nested in its spec.
        var value = try lookup(name, &state)
        let spec = specStart < body.endIndex ? try render(body[(specStart + 1)...], &state, depth: depth + 1) : ""
        switch conversion {
        case nil: break
        case "s": value = try Strings.str(value)
        case "r": value = try Strings.repr(value)
        case "a": value = Str.make(Objects.asciiOnly(try Objects.repr(value)))
        case let other?:
            throw PythonError(.valueError, "Unknown conversion specifier \(Character(other))")
        }
        return Str.swiftString(try Strings.format(value, Str.make(spec)))
    }

    /// `0`, `name`, `0.attr`, `name[key]`, or empty for the next automatic index.
    private static func lookup(_ name: String, _ state: inout State) throws(PythonError) -> Value {
        let firstEnd = name.firstIndex { $0 == "." || $0 == "[" } ?? name.endIndex
        let first = String(name[..<firstEnd])
        var value: Value
        if let mapping = state.mapping {
            guard !first.isEmpty, Int(first) == nil else { throw PythonError(.valueError, "Format string contains positional fields") }
            value = try Operators.getItem(mapping, Str.make(first))
        } else if first.isEmpty {
            if state.usedManual {
                throw PythonError(.valueError, "cannot switch from manual field specification to automatic field numbering")
            }
            state.usedAutomatic = true
            value = try positional(state.nextAutomatic, state.args)
            state.nextAutomatic += 1
        } else if let index = Int(first) {
            if state.usedAutomatic {
                throw PythonError(.valueError, "cannot switch from automatic field numbering to manual field specification")
            }
            state.usedManual = true
            value = try positional(index, state.args)
        } else {
            guard let keyword = state.args.keyword(first) else {
                throw PythonError(exception: Exceptions.make(BuiltinException.keyError.type, arguments: [Str.make(first)]))
            }
            value = keyword
        }
        var rest = name[firstEnd...]
        while let c = rest.first {
            if c == "." {
                let end = rest.dropFirst().firstIndex { $0 == "." || $0 == "[" } ?? rest.endIndex
                value = try Attributes.get(value, Interned.str(String(rest[rest.index(after: rest.startIndex)..<end])))
                rest = rest[end...]
            } else {
                guard let close = rest.firstIndex(of: "]") else { throw PythonError(.valueError, "expected '}' before end of string") }
                let key = String(rest[rest.index(after: rest.startIndex)..<close])
                // Only digits make an index: `{d[-1]}` looks up the string "-1".
                let isIndex = !key.isEmpty && key.allSatisfy { $0.isASCII && $0.isNumber }
                value = try Operators.getItem(value, isIndex ? try Ints.parse(key, base: 10) : Str.make(key))
                rest = rest[rest.index(after: close)...]
            }
        }
        return value
    }

    private static func positional(_ index: Int, _ args: NativeArguments) throws(PythonError) -> Value {
        // Argument 0 is the template itself.
        guard index + 1 < args.positionalCount else {
            throw PythonError(.indexError, "Replacement index \(index) out of range for positional args tuple")
        }
        return args[index + 1]
    }
}
