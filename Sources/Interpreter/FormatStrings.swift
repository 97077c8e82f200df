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
        guard depth < 2 else { throw PythonError(.valueError, "Max string recursion exceeded") }
        var out = ""
        var i = text.startIndex
        while i < text.endIndex {
            let c = text[i]
            i += 1
            guard c == "{" || c == "}" else {
                out.unicodeScalars.append(c)
                continue
            }
            if i < text.endIndex && text[i] == c {
                out.unicodeScalars.append(c)
                i += 1
                continue
            }
            if c == "}" { throw PythonError(.valueError, "Single '}' encountered in format string") }
            guard i < text.endIndex else { throw PythonError(.valueError, "Single '{' encountered in format string") }
            let field = try Field(parsing: text, from: &i)
            out += try render(field, &state, depth: depth)
        }
        return out
    }

    /// One replacement field, split the way CPython's `parse_field` splits it, with its errors.
    private struct Field {
        var name: ArraySlice<Unicode.Scalar>
        var conversion: Unicode.Scalar?
        var spec: ArraySlice<Unicode.Scalar> = []

        /// Parses from just after the `{` to just after the closing `}`.
        init(parsing text: ArraySlice<Unicode.Scalar>, from i: inout Int) throws(PythonError) {
            let nameStart = i
            var last: Unicode.Scalar = "{"
            scan: while i < text.endIndex {
                last = text[i]
                i += 1
                switch last {
                case "{": throw PythonError(.valueError, "unexpected '{' in field name")
                case "[": while i < text.endIndex && text[i] != "]" { i += 1 }
                case "}", ":", "!": break scan
                default: continue
                }
            }
            name = text[nameStart..<(last == "}" || last == ":" || last == "!" ? i - 1 : i)]
            guard last == "!" || last == ":" else {
                guard last == "}" else { throw PythonError(.valueError, "expected '}' before end of string") }
                return
            }
            if last == "!" {
                guard i < text.endIndex else {
                    throw PythonError(.valueError, "end of string while looking for conversion specifier")
                }
                conversion = text[i]
                i += 1
                if i < text.endIndex {
                    let next = text[i]
                    i += 1
                    if next == "}" { return }
                    guard next == ":" else { throw PythonError(.valueError, "expected ':' after conversion specifier") }
                }
            }
            let specStart = i
            var nesting = 1
            while i < text.endIndex {
                let c = text[i]
                i += 1
                if c == "{" { nesting += 1 }
                if c == "}" {
                    nesting -= 1
                    if nesting == 0 {
                        spec = text[specStart..<(i - 1)]
                        return
                    }
                }
            }
            throw PythonError(.valueError, "unmatched '{' in format spec")
        }
    }

    private static func render(_ field: Field, _ state: inout State, depth: Int) throws(PythonError) -> String {
        // The field takes its automatic number before the fields nested in its spec.
        var value = try lookup(String(String.UnicodeScalarView(field.name)), &state)
        let spec = field.spec.isEmpty ? "" : try render(field.spec, &state, depth: depth + 1)
        switch field.conversion {
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
            guard !first.isEmpty, !isIndex(first) else { throw PythonError(.valueError, "Format string contains positional fields") }
            value = try Operators.getItem(mapping, Str.make(first))
        } else if first.isEmpty {
            if state.usedManual {
                throw PythonError(.valueError, "cannot switch from manual field specification to automatic field numbering")
            }
            state.usedAutomatic = true
            value = try positional(state.nextAutomatic, state.args)
            state.nextAutomatic += 1
        } else if isIndex(first) {
            guard let index = Int(first) else { throw PythonError(.valueError, "Too many decimal digits in format string") }
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
            rest = rest.dropFirst()
            if c == "." {
                let end = rest.firstIndex { $0 == "." || $0 == "[" } ?? rest.endIndex
                guard end > rest.startIndex else { throw PythonError(.valueError, "Empty attribute in format string") }
                value = try Attributes.get(value, Interned.str(String(rest[..<end])))
                rest = rest[end...]
            } else {
                guard let close = rest.firstIndex(of: "]") else { throw PythonError(.valueError, "Missing ']' in format string") }
                let key = String(rest[..<close])
                guard !key.isEmpty else { throw PythonError(.valueError, "Empty attribute in format string") }
                value = try Operators.getItem(value, isIndex(key) ? try Ints.parse(key, base: 10) : Str.make(key))
                rest = rest[rest.index(after: close)...]
                if let next = rest.first, next != "." && next != "[" {
                    throw PythonError(.valueError, "Only '.' or '[' may follow ']' in format field specifier")
                }
            }
        }
        return value
    }

    /// Only ASCII digits make an argument number or an index: `{-1}` names the keyword "-1"
    /// and `{d[-1]}` looks up the string "-1".
    private static func isIndex(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    private static func positional(_ index: Int, _ args: NativeArguments) throws(PythonError) -> Value {
        // Argument 0 is the template itself.
        guard index + 1 < args.positionalCount else {
            throw PythonError(.indexError, "Replacement index \(index) out of range for positional args tuple")
        }
        return args[index + 1]
    }
}
