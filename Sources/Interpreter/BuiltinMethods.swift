import Compiler
import Runtime

/// The methods of the builtin types, as natives in the types' dicts: `args[0]` is the
/// receiver.
enum BuiltinMethods {
    static func install() {
        installObject()
        installDescriptorGets()
        installContainerBases()
        installException()
        installStr()
        ListMethods.install()
        installDict()
        installDictViews()
        installSet()
        installTuple()
        installNumbers()
        installRangeAndSlice()
    }

    private static func int(_ v: Value, _ what: String = "an integer") throws(PythonError) -> Int {
        let n = try Ints.index(v)
        guard n.isSmallInt else { throw PythonError(.overflowError, "Python int too large to convert to C ssize_t") }
        return n.smallInt
    }

    /// A C `int` parameter, as `_PyLong_AsInt` converts it: `__index__` accepted, 32 bits.
    private static func cInt(_ v: Value) throws(PythonError) -> Int {
        let n = try Ints.index(v)
        guard n.isSmallInt, Int32(exactly: n.smallInt) != nil else {
            throw PythonError(.overflowError, "Python int too large to convert to C int")
        }
        return n.smallInt
    }

    private static func optionalInt(_ v: Value?) throws(PythonError) -> Int? {
        guard let v, !v.is(BuiltinTypes.none) else { return nil }
        return try int(v)
    }

    private static func installObject() {
        let object = BuiltinTypes.object
        Natives.method(object, "__init__") { args throws(PythonError) in
            // Extra arguments are an error unless a `__new__` written in Python took them.
            if args.count > 1, Classes.layout(of: args[0].type) == .instance,
               try Attributes.lookup(args[0].type, Interned.str("__new__")).kind == .nativeFunction {
                throw PythonError(.typeError, "\(TypeObjects.name(args[0].type))() takes no arguments")
            }
            return BuiltinTypes.none
        }
        Natives.method(object, "__new__") { args throws(PythonError) in
            let type = args[0]
            guard type.kind == .type else {
                throw PythonError(.typeError, "object.__new__(X): X is not a type object (\(TypeObjects.name(type.type)))")
            }
            return try Classes.blank(type, args.base + 1, args.count - 1)
        }
        Natives.method(object, "__repr__") { args throws(PythonError) in
            // The builtin types have no `__repr__` of their own here: `(5).__repr__()` ends here.
            let v = args[0]
            return Str.make(ObjectHooks.isUserObject(v) ? try Strings.defaultRepr(v) : try Objects.builtinRepr(v))
        }
        Natives.method(object, "__str__") { args throws(PythonError) in try Strings.repr(args[0]) }
        Natives.method(object, "__eq__") { args throws(PythonError) in
            args[0].is(args[1]) ? BuiltinTypes.trueValue : BuiltinTypes.notImplemented
        }
        Natives.method(object, "__ne__") { args throws(PythonError) in
            args[0].is(args[1]) ? BuiltinTypes.falseValue : BuiltinTypes.notImplemented
        }
        Natives.method(object, "__hash__") { args throws(PythonError) in
            let v = args[0]
            return Ints.make(ObjectHooks.isUserObject(v) ? Int(bitPattern: UInt(v.bits >> 4)) : try Objects.hash(v))
        }
        Natives.method(object, "__setattr__") { args throws(PythonError) in
            try args.expect(3...3)
            try Attributes.setGeneric(args[0], try Attributes.name(args[1]), args[2])
            return BuiltinTypes.none
        }
        Natives.method(object, "__getattribute__") { args throws(PythonError) in
            try args.expect(2...2)
            return try Attributes.getGeneric(args[0], try Attributes.name(args[1]))
        }
        Natives.method(object, "__delattr__") { args throws(PythonError) in
            try args.expect(2...2)
            try Attributes.deleteGeneric(args[0], try Attributes.name(args[1]))
            return BuiltinTypes.none
        }
        Natives.method(object, "__format__") { args throws(PythonError) in
            try Strings.format(try Strings.str(args[0]), args[1])
        }
    }

    /// `__get__` of functions, static methods and class methods, for code that binds by hand
    /// (`functools.singledispatchmethod`): what reading the attribute through `obj` gives.
    private static func installDescriptorGets() {
        for type in [BuiltinTypes.function, InterpreterTypes.staticMethod, InterpreterTypes.classMethod] {
            Natives.method(type, "__get__") { args throws(PythonError) in
                try args.expect(2...3)
                let (descriptor, object) = (args[0], args[1])
                let owner = args.argument(2).flatMap { $0.is(BuiltinTypes.none) ? nil : $0 }
                if object.is(BuiltinTypes.none) && descriptor.kind == .function { return descriptor }
                return try Attributes.bind(descriptor, to: object, type: owner ?? object.type)
            }
        }
    }

    /// `__init__`, `__new__` and `__repr__` of the builtin containers, for subclasses that
    /// call them: `super().__init__(pairs)`, `tuple.__new__(cls, items)`, `dict.__repr__(self)`.
    private static func installContainerBases() {
        for type in [BuiltinTypes.dict, BuiltinTypes.list, BuiltinTypes.set, BuiltinTypes.tuple, BuiltinTypes.frozenset] {
            Natives.method(type, "__repr__") { args throws(PythonError) in Str.make(try Objects.builtinRepr(args[0])) }
        }
        Natives.method(BuiltinTypes.dict, "__init__") { args throws(PythonError) in
            if args.positionalCount > 1 { try Mappings.update(args[0], with: args[1]) }
            for j in 0..<args.keywordCount {
                try Dict.set(args[0], Tuple.items(args.keywordNames)[j], args[args.positionalCount + j])
            }
            return BuiltinTypes.none
        }
        Natives.method(BuiltinTypes.list, "__init__") { args throws(PythonError) in
            try args.expect(1...2)
            List.clear(args[0])
            if args.positionalCount > 1 {
                let list = args[0]
                try Iteration.forEach(args[1]) { item throws(PythonError) in List.append(list, item) }
            }
            return BuiltinTypes.none
        }
        Natives.method(BuiltinTypes.set, "__init__") { args throws(PythonError) in
            try args.expect(1...2)
            Sets.clear(args[0])
            if args.positionalCount > 1 {
                let set = args[0]
                try Iteration.forEach(args[1]) { item throws(PythonError) in try Sets.add(set, item) }
            }
            return BuiltinTypes.none
        }
        for type in [BuiltinTypes.tuple, BuiltinTypes.frozenset, BuiltinTypes.dict, BuiltinTypes.list, BuiltinTypes.set] {
            Natives.method(type, "__new__") { args throws(PythonError) in
                try args.expect(1...2)
                guard args[0].kind == .type else { throw PythonError(.typeError, "__new__(X): X is not a type object") }
                let rest = args.positionalCount > 1 ? 1 : 0
                return try Classes.blank(args[0], args.base + 1, rest)
            }
        }
        for type in [BuiltinTypes.int, BuiltinTypes.float, BuiltinTypes.str] {
            Natives.method(type, "__new__") { args throws(PythonError) in
                try args.expect(1...3)
                guard args[0].kind == .type, TypeObjects.isSubtype(args[0], of: type) else {
                    throw PythonError(.typeError, "\(TypeObjects.name(type)).__new__(X): X is not a subtype of \(TypeObjects.name(type))")
                }
                return try Classes.blank(args[0], args.base + 1, args.positionalCount - 1)
            }
        }
        Natives.method(BuiltinTypes.dict, "__getitem__") { args throws(PythonError) in
            try args.expect(2...2)
            let v = try Dict.get(args[0], args[1])
            if v.isNull { throw PythonError(exception: Exceptions.make(BuiltinException.keyError.type, arguments: [args[1]])) }
            return v
        }
        Natives.method(BuiltinTypes.dict, "__setitem__") { args throws(PythonError) in
            try args.expect(3...3)
            try Dict.set(args[0], args[1], args[2])
            return BuiltinTypes.none
        }
        Natives.method(BuiltinTypes.dict, "__contains__") { args throws(PythonError) in
            try args.expect(2...2)
            return Value.bool(!(try Dict.get(args[0], args[1])).isNull)
        }
    }

    private static func installException() {
        let base = BuiltinException.baseException.type
        Natives.method(base, "__init__") { args throws(PythonError) in
            let tuple = Tuple.allocate(count: args.count - 1)
            for i in 1..<args.count { Tuple.items(tuple)[i - 1] = args[i] }
            args[0].fields(ExceptionObject.self).pointee.args = tuple
            return BuiltinTypes.none
        }
        // A subclass's instance is made with every argument; ImportError's `__init__` keeps the
        // positional ones as `args` and the keywords as fields.
        Natives.method(BuiltinException.importError.type, "__init__") { args throws(PythonError) in
            let tuple = Tuple.allocate(count: args.positionalCount - 1)
            for i in 1..<args.positionalCount { Tuple.items(tuple)[i - 1] = args[i] }
            args[0].fields(ExceptionObject.self).pointee.args = tuple
            try BuiltinConstructors.setImportErrorFields(args[0], args)
            return BuiltinTypes.none
        }
        Natives.method(base, "__str__") { args throws(PythonError) in Str.make(try Exceptions.message(args[0])) }
        Natives.method(base, "with_traceback") { args throws(PythonError) in args[0] }
        Natives.method(base, "add_note") { args throws(PythonError) in
            try args.expect(2...2)
            try Raising.addNote(args[0], args[1])
            return BuiltinTypes.none
        }
    }

    // MARK: str

    private static func installStr() {
        let type = BuiltinTypes.str
        func method(_ name: String, _ body: @escaping NativeBody) { Natives.method(type, name, body) }
        method("split") { args throws(PythonError) in
            try args.expect(1...3, keywords: ["sep", "maxsplit"])
            let sep = args.argument(1, "sep").flatMap { $0.is(BuiltinTypes.none) ? nil : $0 }
            return try StrMethods.split(args[0], separator: sep, maxSplit: try optionalInt(args.argument(2, "maxsplit")) ?? -1)
        }
        method("rsplit") { args throws(PythonError) in
            try args.expect(1...3, keywords: ["sep", "maxsplit"])
            let sep = args.argument(1, "sep").flatMap { $0.is(BuiltinTypes.none) ? nil : $0 }
            return try StrMethods.rsplit(args[0], separator: sep, maxSplit: try optionalInt(args.argument(2, "maxsplit")) ?? -1)
        }
        method("join") { args throws(PythonError) in
            try args.expect(2...2)
            let items = try Iteration.fastSequence(args[1], orMessage: "can only join an iterable")
            return try StrMethods.join(args[0], items)
        }
        for (name, side) in [("strip", StrMethods.StripSide.both), ("lstrip", .left), ("rstrip", .right)] {
            method(name) { args throws(PythonError) in
                try args.expect(1...2)
                let chars = args.argument(1).flatMap { $0.is(BuiltinTypes.none) ? nil : $0 }
                return try StrMethods.strip(args[0], characters: chars, side: side)
            }
        }
        for (name, fromRight) in [("find", false), ("rfind", true)] {
            method(name) { args throws(PythonError) in
                try args.expect(2...4, .tuple)
                return Value(smallInt: try StrMethods.find(
                    args[0], args[1], start: try optionalInt(args.argument(2)), end: try optionalInt(args.argument(3)), fromRight: fromRight))
            }
        }
        for (name, fromRight) in [("index", false), ("rindex", true)] {
            method(name) { args throws(PythonError) in
                try args.expect(2...4, .tuple)
                return Value(smallInt: try StrMethods.index(
                    args[0], args[1], start: try optionalInt(args.argument(2)), end: try optionalInt(args.argument(3)), fromRight: fromRight))
            }
        }
        method("count") { args throws(PythonError) in
            try args.expect(2...4, .tuple)
            return Value(smallInt: try StrMethods.count(args[0], args[1], start: try optionalInt(args.argument(2)), end: try optionalInt(args.argument(3))))
        }
        method("replace") { args throws(PythonError) in
            try args.expect(3...4)
            return try StrMethods.replace(args[0], args[1], args[2], count: try optionalInt(args.argument(3)) ?? -1)
        }
        for (name, atEnd) in [("startswith", false), ("endswith", true)] {
            method(name) { args throws(PythonError) in
                try args.expect(2...4, .tuple)
                return Value.bool(try StrMethods.hasAffix(
                    args[0], args[1], atEnd: atEnd, start: try optionalInt(args.argument(2)), end: try optionalInt(args.argument(3))))
            }
        }
        for (name, fromRight) in [("partition", false), ("rpartition", true)] {
            method(name) { args throws(PythonError) in
                try args.expect(2...2)
                return try StrMethods.partition(args[0], args[1], fromRight: fromRight)
            }
        }
        method("upper") { args throws(PythonError) in
            try args.expect(1...1)
            return StrMethods.changeCase(args[0], upper: true)
        }
        method("lower") { args throws(PythonError) in
            try args.expect(1...1)
            return StrMethods.changeCase(args[0], upper: false)
        }
        method("casefold") { args throws(PythonError) in
            try args.expect(1...1)
            return StrMethods.casefold(args[0])
        }
        method("translate") { args throws(PythonError) in
            try args.expect(2...2)
            let table = args[1]
            return try StrTranslation.translate(args[0]) { c throws(PythonError) -> Value? in
                if table.kind == .dict {
                    let found = try Dict.get(table, Value(smallInt: c))
                    return found.isNull ? nil : found
                }
                do throws(PythonError) {
                    return try Operators.getItem(table, Value(smallInt: c))
                } catch {
                    if TypeObjects.isSubtype(error.exception.type, of: BuiltinException.lookupError.type) { return nil }
                    throw error
                }
            }
        }
        Natives.staticMethod(BuiltinTypes.str, "maketrans") { args throws(PythonError) in
            try args.expect(1...3)
            return try StrTranslation.makeTable(args[0], args.argument(1), args.argument(2))
        }
        for (name, style) in [("title", StrMethods.CaseStyle.title), ("capitalize", .capitalize), ("swapcase", .swapcase)] {
            method(name) { args throws(PythonError) in
                try args.expect(1...1)
                return StrMethods.recase(args[0], style)
            }
        }
        let predicates: [(String, StrMethods.Predicate)] = [
            ("isdigit", .digit), ("isdecimal", .decimal), ("isnumeric", .numeric), ("isalpha", .alpha),
            ("isalnum", .alnum), ("isspace", .space), ("isupper", .upper), ("islower", .lower), ("istitle", .title),
            ("isprintable", .printable),
        ]
        for (name, predicate) in predicates {
            method(name) { args throws(PythonError) in
                try args.expect(1...1)
                return Value.bool(StrMethods.test(args[0], predicate))
            }
        }
        method("isidentifier") { args throws(PythonError) in
            try args.expect(1...1)
            let text = Str.swiftString(args[0])
            guard let first = text.unicodeScalars.first else { return BuiltinTypes.falseValue }
            let known = text.unicodeScalars.allSatisfy(UnicodeVersion.knows)
            let ok = known && (first == "_" || first.properties.isXIDStart) && text.unicodeScalars.dropFirst().allSatisfy { $0.properties.isXIDContinue }
            return Value.bool(ok)
        }
        method("isascii") { args throws(PythonError) in
            try args.expect(1...1)
            return Value.bool(Str.swiftString(args[0]).unicodeScalars.allSatisfy { $0.isASCII })
        }
        for (name, align) in [("center", Character("^")), ("ljust", "<"), ("rjust", ">")] {
            method(name) { args throws(PythonError) in
                try args.expect(2...3)
                return try StrMethods.justify(args[0], width: try int(args[1]), fill: args.argument(2), align: align)
            }
        }
        method("zfill") { args throws(PythonError) in
            try args.expect(2...2)
            return StrMethods.zfill(args[0], width: try int(args[1]))
        }
        method("splitlines") { args throws(PythonError) in
            try args.expect(1...2, keywords: ["keepends"])
            // `keepends` is a C int in CPython: `splitlines("a")` is a TypeError.
            let keep = try args.argument(1, "keepends").map { v throws(PythonError) in try cInt(v) != 0 } ?? false
            return StrMethods.splitlines(args[0], keepEnds: keep)
        }
        method("format") { args throws(PythonError) in try FormatStrings.format(args[0], args) }
        method("format_map") { args throws(PythonError) in try FormatStrings.formatMap(args[0], args) }
        method("removeprefix") { args throws(PythonError) in
            try args.expect(2...2)
            if try StrMethods.hasAffix(args[0], args[1], atEnd: false) {
                return try Sequences.slice(args[0], Slices.make(start: Value(smallInt: Str.count(args[1])), stop: BuiltinTypes.none, step: BuiltinTypes.none))
            }
            return args[0]
        }
        method("removesuffix") { args throws(PythonError) in
            try args.expect(2...2)
            if Str.count(args[1]) > 0, try StrMethods.hasAffix(args[0], args[1], atEnd: true) {
                return try Sequences.slice(args[0], Slices.make(start: BuiltinTypes.none, stop: Value(smallInt: Str.count(args[0]) - Str.count(args[1])), step: BuiltinTypes.none))
            }
            return args[0]
        }
        method("expandtabs") { args throws(PythonError) in
            try args.expect(1...2, keywords: ["tabsize"])
            let size = try optionalInt(args.argument(1, "tabsize")) ?? 8
            var out = ""
            var column = 0
            for c in Str.swiftString(args[0]) {
                if c == "\t" {
                    let pad = size > 0 ? size - column % size : 0
                    out += String(repeating: " ", count: pad)
                    column += pad
                } else {
                    out.append(c)
                    column = c == "\n" || c == "\r" ? 0 : column + 1
                }
            }
            return Str.make(out)
        }
        method("encode") { args throws(PythonError) in
            try args.expect(1...3, keywords: ["encoding", "errors"])
            throw PythonError(.notImplementedError, "str.encode: bytes are not supported")
        }
        method("__format__") { args throws(PythonError) in
            try Strings.format(args[0], args[1])
        }
    }

    // MARK: dict

    private static func installDict() {
        let type = BuiltinTypes.dict
        func method(_ name: String, _ body: @escaping NativeBody) { Natives.method(type, name, body) }
        method("get") { args throws(PythonError) in
            try args.expect(2...3)
            let v = try Dict.get(args[0], args[1])
            return v.isNull ? (args.argument(2) ?? BuiltinTypes.none) : v
        }
        method("keys") { args throws(PythonError) in
            try args.expect(1...1)
            return DictViews.make(args[0], .keys)
        }
        method("values") { args throws(PythonError) in
            try args.expect(1...1)
            return DictViews.make(args[0], .values)
        }
        method("items") { args throws(PythonError) in
            try args.expect(1...1)
            return DictViews.make(args[0], .items)
        }
        method("pop") { args throws(PythonError) in
            try args.expect(2...3)
            return try Dict.pop(args[0], args[1], default: args.argument(2))
        }
        method("setdefault") { args throws(PythonError) in
            try args.expect(2...3)
            return try Dict.setDefault(args[0], args[1], args.argument(2) ?? BuiltinTypes.none)
        }
        method("popitem") { args throws(PythonError) in
            try args.expect(1...1)
            return try Dict.popItem(args[0])
        }
        method("update") { args throws(PythonError) in
            if args.positionalCount > 2 {
                throw PythonError(.typeError, "update expected at most 1 argument, got \(args.positionalCount - 1)")
            }
            if args.positionalCount > 1 { try Mappings.update(args[0], with: args[1]) }
            for j in 0..<args.keywordCount {
                try Dict.set(args[0], Tuple.items(args.keywordNames)[j], args[args.positionalCount + j])
            }
            return BuiltinTypes.none
        }
        method("copy") { args throws(PythonError) in
            try args.expect(1...1)
            return try Dict.copy(args[0])
        }
        method("clear") { args throws(PythonError) in
            try args.expect(1...1)
            Dict.clear(args[0])
            return BuiltinTypes.none
        }
        Natives.classMethod(type, "fromkeys") { args throws(PythonError) in
            try args.expect(2...3)
            let dict = Dict.make()
            let value = args.argument(2) ?? BuiltinTypes.none
            try Iteration.forEach(args[1]) { key throws(PythonError) in try Dict.set(dict, key, value) }
            return dict
        }
    }

    /// `isdisjoint` of the set-like views, `keys()` and `items()`.
    private static func installDictViews() {
        for view in [BuiltinTypes.dictViews[0], BuiltinTypes.dictViews[2]] {
            Natives.method(view, "isdisjoint") { args throws(PythonError) in
                try args.expect(2...2)
                var disjoint = true
                try Iteration.forEachUntil(args[0]) { item throws(PythonError) in
                    disjoint = try !Operators.contains(args[1], item)
                    return !disjoint
                }
                return Value.bool(disjoint)
            }
        }
    }

    // MARK: set

    private static func installSet() {
        for type in [BuiltinTypes.set, BuiltinTypes.frozenset] {
            func method(_ name: String, _ body: @escaping NativeBody) { Natives.method(type, name, body) }
            method("copy") { args throws(PythonError) in
                try args.expect(1...1)
                return try SetMethods.copy(args[0])
            }
            for name in ["union", "intersection", "difference", "symmetric_difference"] {
                method(name) { args throws(PythonError) in try SetMethods.algebra(name, args) }
            }
            for name in ["issubset", "issuperset", "isdisjoint"] {
                method(name) { args throws(PythonError) in try SetMethods.relation(name, args) }
            }
        }
        let type = BuiltinTypes.set
        func method(_ name: String, _ body: @escaping NativeBody) { Natives.method(type, name, body) }
        method("add") { args throws(PythonError) in
            try args.expect(2...2)
            try Sets.add(args[0], args[1])
            return BuiltinTypes.none
        }
        method("discard") { args throws(PythonError) in
            try args.expect(2...2)
            _ = try Sets.discard(args[0], try Sets.lookupKey(args[1]))
            return BuiltinTypes.none
        }
        method("remove") { args throws(PythonError) in
            try args.expect(2...2)
            try Sets.remove(args[0], args[1])
            return BuiltinTypes.none
        }
        method("pop") { args throws(PythonError) in
            try args.expect(1...1)
            return try SetMethods.pop(args[0])
        }
        method("clear") { args throws(PythonError) in
            try args.expect(1...1)
            try SetMethods.clear(args[0])
            return BuiltinTypes.none
        }
        for name in ["update", "intersection_update", "difference_update", "symmetric_difference_update"] {
            method(name) { args throws(PythonError) in try SetMethods.update(name, args) }
        }
    }

    private static func installTuple() {
        for type in [BuiltinTypes.tuple] {
            Natives.method(type, "index") { args throws(PythonError) in
                try args.expect(2...4)
                let count = Tuple.count(args[0])
                let start = try args.argument(2).map { v throws(PythonError) in try Slices.clampedIndex(v) } ?? 0
                let stop = try args.argument(3).map { v throws(PythonError) in try Slices.clampedIndex(v) } ?? count
                let (low, high) = (start < 0 ? max(0, start + count) : start, stop < 0 ? max(0, stop + count) : min(stop, count))
                for i in low..<max(low, high) where try Objects.equal(Tuple.items(args[0])[i], args[1]) {
                    return Value(smallInt: i)
                }
                throw PythonError(.valueError, "tuple.index(x): x not in tuple")
            }
            Natives.method(type, "count") { args throws(PythonError) in
                try args.expect(2...2)
                var n = 0
                for i in 0..<Tuple.count(args[0]) where try Objects.equal(Tuple.items(args[0])[i], args[1]) { n += 1 }
                return Value(smallInt: n)
            }
        }
    }

    private static func installNumbers() {
        // Properties of the classes, as CPython's getset descriptors, so that `dir` lists them.
        NativeTypes.getter(BuiltinTypes.int, "real") { v throws(PythonError) in Ints.unbool(v) }
        NativeTypes.getter(BuiltinTypes.int, "numerator") { v throws(PythonError) in Ints.unbool(v) }
        NativeTypes.getter(BuiltinTypes.int, "imag") { _ throws(PythonError) in Value(smallInt: 0) }
        NativeTypes.getter(BuiltinTypes.int, "denominator") { _ throws(PythonError) in Value(smallInt: 1) }
        NativeTypes.getter(BuiltinTypes.float, "real") { v throws(PythonError) in Subclasses.plain(v) }
        NativeTypes.getter(BuiltinTypes.float, "imag") { _ throws(PythonError) in Floats.make(0) }
        Natives.method(BuiltinTypes.int, "bit_length") { args throws(PythonError) in
            try args.expect(1...1)
            let v = Ints.absolute(Ints.unbool(args[0]))
            return Value(smallInt: v.isSmallInt ? Int.bitWidth - v.smallInt.leadingZeroBitCount : try Ints.text(v, base: 2).count)
        }
        Natives.method(BuiltinTypes.int, "bit_count") { args throws(PythonError) in
            try args.expect(1...1)
            let v = Ints.absolute(Ints.unbool(args[0]))
            return Value(smallInt: v.isSmallInt ? v.smallInt.nonzeroBitCount : try Ints.text(v, base: 2).filter { $0 == "1" }.count)
        }
        Natives.method(BuiltinTypes.int, "conjugate") { args throws(PythonError) in
            try args.expect(1...1)
            return Ints.unbool(args[0])
        }
        Natives.method(BuiltinTypes.int, "__index__") { args throws(PythonError) in Ints.unbool(args[0]) }
        Natives.method(BuiltinTypes.float, "is_integer") { args throws(PythonError) in
            try args.expect(1...1)
            let d = Floats.value(args[0])
            return Value.bool(d.isFinite && d == d.rounded(.towardZero))
        }
        Natives.method(BuiltinTypes.float, "conjugate") { args throws(PythonError) in
            try args.expect(1...1)
            return args[0]
        }
        Natives.method(BuiltinTypes.float, "as_integer_ratio") { args throws(PythonError) in
            try args.expect(1...1)
            let d = Floats.value(args[0])
            guard d.isFinite else {
                throw PythonError(d.isNaN ? .valueError : .overflowError, d.isNaN ? "cannot convert NaN to integer ratio" : "cannot convert Infinity to integer ratio")
            }
            var numerator = d
            var exponent = 0
            while numerator != numerator.rounded(.towardZero) {
                numerator *= 2
                exponent += 1
            }
            let top = try Ints.make(truncating: numerator)
            let bottom = try Arithmetic.power(Value(smallInt: 2), Value(smallInt: exponent))
            let divisor = try MathModule.call("gcd", [top, bottom])
            return Tuple.make(try Arithmetic.floorDivide(top, divisor), try Arithmetic.floorDivide(bottom, divisor))
        }
        Natives.method(BuiltinTypes.int, "as_integer_ratio") { args throws(PythonError) in
            try args.expect(1...1)
            return Tuple.make(Ints.unbool(args[0]), Value(smallInt: 1))
        }
        Natives.method(BuiltinTypes.float, "hex") { args throws(PythonError) in
            try args.expect(1...1)
            return Str.make(Floats.hex(Floats.value(args[0])))
        }
        Natives.classMethod(BuiltinTypes.float, "fromhex") { args throws(PythonError) in
            try args.expect(2...2)
            guard args[1].kind == .str else {
                throw PythonError(.typeError, "bad argument type for built-in operation")
            }
            return Floats.make(try Floats.parseHex(Str.swiftString(args[1])))
        }
    }

    private static func installRangeAndSlice() {
        Natives.method(BuiltinTypes.range, "index") { args throws(PythonError) in
            try args.expect(2...2)
            return try Ranges.index(args[0], args[1])
        }
        Natives.method(BuiltinTypes.range, "count") { args throws(PythonError) in
            try args.expect(2...2)
            return Value(smallInt: try Ranges.count(args[0], args[1]))
        }
        Natives.method(BuiltinTypes.slice, "indices") { args throws(PythonError) in
            try args.expect(2...2)
            guard Ints.isInt(args[1]) else {
                throw PythonError(.typeError, "'\(TypeObjects.name(args[1].type))' object cannot be interpreted as an integer")
            }
            let length = try int(args[1])
            guard length >= 0 else { throw PythonError(.valueError, "length should not be negative") }
            let (start, stop, step) = try Slices.indices(args[0], length: length)
            return Tuple.make(Value(smallInt: start), Value(smallInt: stop), Value(smallInt: step))
        }
    }
}
