import Compiler
import Runtime

/// Operators on any values: the builtin types through the runtime, classes defined in Python
/// through their special methods, with CPython's order (reflected operand first when it is a
/// subclass that overrides) and its errors.
enum Operators {
    // MARK: Binary

    static func binary(_ operation: BinaryOperation, _ a: Value, _ b: Value) throws(PythonError) -> Value {
        if isNumber(a) && isNumber(b), let runtimeOperator = runtimeOperator(operation.plain) {
            return try Arithmetic.binary(runtimeOperator, a, b)
        }
        if ObjectHooks.isUserObject(a) || ObjectHooks.isUserObject(b) {
            if let result = try userBinary(operation, a, b) { return result }
        }
        // `d |= pairs` takes whatever `d.update` takes; `d | other` only a dict.
        if operation.plain == .bitOr && a.kind == .dict && (b.kind == .dict || operation.isInPlace) {
            let result = operation.isInPlace ? a : try Dict.copy(a)
            try Mappings.update(result, with: b)
            return result
        }
        if operation.plain == .remainder && a.kind == .str {
            return Str.make(try Formatting.percent(Str.swiftString(a), b, mapping: try percentMapping(b)))
        }
        if operation.isInPlace && a.kind == .list {
            switch operation.plain {
            case .add:
                try Iteration.forEach(b) { item throws(PythonError) in List.append(a, item) }
                return a
            case .multiply where Ints.isInt(b):
                let original = List.count(a)
                let times = Ints.unbool(b).isSmallInt ? Ints.unbool(b).smallInt : Int.max
                if times <= 0 { List.clear(a); return a }
                for _ in 1..<times { for i in 0..<original { List.append(a, List.items(a)[i]) } }
                return a
            default: break
            }
        }
        if operation.plain == .bitOr && TypeHints.isHint(a) && TypeHints.isHint(b) && !(a.is(b) && a.is(BuiltinTypes.none)) {
            return TypeHints.union(a, b)
        }
        guard let runtimeOperator = runtimeOperator(operation.plain) else {
            throw unsupported(operation, a, b)
        }
        if !a.isSmallInt && !b.isSmallInt {
            let setResult = operation.isInPlace
                ? try Sets.inPlace(runtimeOperator, a, b) : try Sets.binary(runtimeOperator, a, b)
            if let setResult { return setResult }
            if let viewResult = try DictViews.binary(runtimeOperator, a, b) { return viewResult }
        }
        do throws(PythonError) {
            return try Arithmetic.binary(runtimeOperator, a, b)
        } catch {
            if operation.isInPlace && error.typeName == "TypeError" && isUnsupportedMessage(error) {
                throw unsupported(operation, a, b)
            }
            throw error
        }
    }

    /// An int, bool or float of the builtin types (not a subclass, which may override).
    @inline(__always)
    static func isNumber(_ v: Value) -> Bool {
        if v.isSmallInt { return true }
        let type = v.header.pointee.type
        return type.is(BuiltinTypes.float) || type.is(BuiltinTypes.int) || type.is(BuiltinTypes.bool)
    }

    private static func isUnsupportedMessage(_ error: PythonError) -> Bool {
        ((try? Exceptions.message(error.exception)) ?? "").hasPrefix("unsupported operand")
    }

    static func runtimeOperator(_ operation: BinaryOperation) -> BinaryOperator? {
        switch operation {
        case .add: return .add
        case .subtract: return .subtract
        case .multiply: return .multiply
        case .trueDivide: return .trueDivide
        case .floorDivide: return .floorDivide
        case .remainder: return .modulo
        case .power: return .power
        case .leftShift: return .shiftLeft
        case .rightShift: return .shiftRight
        case .bitAnd: return .and
        case .bitOr: return .or
        case .bitXor: return .xor
        default: return nil
        }
    }

    /// The special-method protocol; nil when neither operand handles the operation.
    /// How `str % args` looks up `%(key)` when CPython takes `args` for a mapping (it has
    /// `__getitem__` and is neither a tuple nor a str): `"%(a)s" % [1]` subscripts the list.
    private static func percentMapping(_ args: Value) throws(PythonError) -> ((Value) throws(PythonError) -> Value)? {
        switch args.kind {
        case .tuple, .str: return nil
        case .dict, .list, .range: break
        default:
            guard ObjectHooks.isUserObject(args), try Attributes.userSpecial(args, interned: SpecialNames.getitem) != nil else {
                return nil
            }
        }
        return { key throws(PythonError) in try getItem(args, key) }
    }

    private static func userBinary(_ operation: BinaryOperation, _ a: Value, _ b: Value) throws(PythonError) -> Value? {
        let names = SpecialNames.binary[Int(operation.plain.rawValue)]
        if operation.isInPlace, let method = try Attributes.userSpecial(a, interned: names.inPlace) {
            let result = try Calls.call(method, a, b)
            if !result.is(BuiltinTypes.notImplemented) { return result }
        }
        let forward = try Attributes.userSpecial(a, interned: names.forward)
        let reflected = a.type.is(b.type) ? nil : try Attributes.userSpecial(b, interned: names.reflected)
        if let reflected, TypeObjects.isSubtype(b.type, of: a.type) {
            let result = try Calls.call(reflected, b, a)
            if !result.is(BuiltinTypes.notImplemented) { return result }
        }
        if let forward {
            let result = try Calls.call(forward, a, b)
            if !result.is(BuiltinTypes.notImplemented) { return result }
        }
        // A str's own `%` comes before the right operand's `__rmod__`, and always formats.
        if operation.plain == .remainder && a.kind == .str && forward == nil { return nil }
        if let reflected, !TypeObjects.isSubtype(b.type, of: a.type) {
            let result = try Calls.call(reflected, b, a)
            if !result.is(BuiltinTypes.notImplemented) { return result }
        }
        if ObjectHooks.isUserObject(a) && !ObjectHooks.isUserObject(b) && forward == nil && a.kind == .instance {
            throw unsupported(operation, a, b)
        }
        if ObjectHooks.isUserObject(a) && ObjectHooks.isUserObject(b) && b.kind == .instance {
            throw unsupported(operation, a, b)
        }
        // A builtin on the left has the last word, with its own message: `"%s" % obj` formats,
        // `"s" + obj` cannot concatenate.
        return nil
    }

    static func unsupported(_ operation: BinaryOperation, _ a: Value, _ b: Value) -> PythonError {
        let symbol = operation == .power ? "** or pow()" : operation.symbol
        return PythonError(.typeError, "unsupported operand type(s) for \(symbol): '\(TypeObjects.name(a.type))' and '\(TypeObjects.name(b.type))'")
    }

    // MARK: Comparison

    static func compare(_ a: Value, _ b: Value, _ comparison: Comparison) throws(PythonError) -> Value {
        if ObjectHooks.isUserObject(a) || ObjectHooks.isUserObject(b) {
            if let result = try richCompare(a, b, comparison) { return result }
            return Value.bool(try Objects.compareLayouts(a, b, runtimeComparison(comparison)))
        }
        return Value.bool(try Objects.compare(a, b, runtimeComparison(comparison)))
    }

    /// The result of the special methods, or nil to fall back to identity and the builtins.
    static func richCompare(_ a: Value, _ b: Value, _ comparison: Comparison) throws(PythonError) -> Value? {
        let reflectedFirst = !a.type.is(b.type) && TypeObjects.isSubtype(b.type, of: a.type)
        if comparison == .notEqual {
            // Each side's `__ne__`, which `object.__ne__` makes its `__eq__` inverted; a
            // subclass on the right goes first.
            for (x, y) in reflectedFirst ? [(b, a), (a, b)] : [(a, b), (b, a)] {
                if let result = try notEqual(x, y) { return result }
            }
            return nil
        }
        let forward = try Attributes.userSpecial(a, interned: SpecialNames.comparison[Int(comparison.rawValue)])
        let reflected = try Attributes.userSpecial(b, interned: SpecialNames.comparison[Int(comparison.reflected.rawValue)])
        if reflectedFirst, let reflected {
            let result = try Calls.call(reflected, b, a)
            if !result.is(BuiltinTypes.notImplemented) { return result }
        }
        if let forward {
            let result = try Calls.call(forward, a, b)
            if !result.is(BuiltinTypes.notImplemented) { return result }
        }
        if !reflectedFirst, let reflected {
            let result = try Calls.call(reflected, b, a)
            if !result.is(BuiltinTypes.notImplemented) { return result }
        }
        switch comparison {
        case .equal:
            // Without `__eq__`, the builtin layout decides: identity, or dict equality for a
            // dict subclass.
            return nil
        default:
            if a.kind == .instance || b.kind == .instance {
                throw PythonError(.typeError, "'\(comparison.symbol)' not supported between instances of '\(TypeObjects.name(a.type))' and '\(TypeObjects.name(b.type))'")
            }
            return nil
        }
    }

    /// `x.__ne__(y)` of a class defined in Python: its own, or its `__eq__` inverted as
    /// `object.__ne__` does; nil for NotImplemented or neither.
    private static func notEqual(_ x: Value, _ y: Value) throws(PythonError) -> Value? {
        if let ne = try Attributes.userSpecial(x, interned: SpecialNames.comparison[Int(Comparison.notEqual.rawValue)]) {
            let result = try Calls.call(ne, x, y)
            return result.is(BuiltinTypes.notImplemented) ? nil : result
        }
        guard let eq = try Attributes.userSpecial(x, interned: SpecialNames.eq) else { return nil }
        let result = try Calls.call(eq, x, y)
        return result.is(BuiltinTypes.notImplemented) ? nil : Value.bool(!(try isTrue(result)))
    }

    static func runtimeComparison(_ comparison: Comparison) -> ComparisonOperator {
        switch comparison {
        case .less: return .less
        case .lessEqual: return .lessOrEqual
        case .equal: return .equal
        case .notEqual: return .notEqual
        case .greater: return .greater
        case .greaterEqual: return .greaterOrEqual
        }
    }

    static func comparison(_ op: ComparisonOperator) -> Comparison {
        switch op {
        case .less: return .less
        case .lessOrEqual: return .lessEqual
        case .equal: return .equal
        case .notEqual: return .notEqual
        case .greater: return .greater
        case .greaterOrEqual: return .greaterEqual
        }
    }

    // MARK: Truth, containment, unary

    static func isTrue(_ v: Value) throws(PythonError) -> Bool {
        if v.isSmallInt { return v.smallInt != 0 }
        if ObjectHooks.isUserObject(v) {
            if v.header.pointee.type.is(Deques.type) { return Deques.count(v) != 0 }
            if let method = try Attributes.userSpecial(v, interned: SpecialNames.bool) {
                let result = try Calls.call(method, v)
                guard result.kind == .bool else {
                    throw PythonError(.typeError, "__bool__ should return bool, returned \(TypeObjects.name(result.type))")
                }
                return result.header.pointee.aux != 0
            }
            if let method = try Attributes.userSpecial(v, interned: SpecialNames.len) {
                return try lengthResult(try Calls.call(method, v)) != 0
            }
        }
        return Objects.isTrue(v)
    }

    static func contains(_ container: Value, _ item: Value) throws(PythonError) -> Bool {
        if let method = try Attributes.userSpecial(container, interned: SpecialNames.contains) {
            return try isTrue(try Calls.call(method, container, item))
        }
        switch container.kind {
        case .dict: return !(try Dict.get(container, item)).isNull
        case .set, .frozenset: return try Sets.contains(container, item)
        case .dictView: return try DictViews.contains(container, item)
        case .str:
            guard item.kind == .str else {
                throw PythonError(.typeError, "'in <string>' requires string as left operand, not \(TypeObjects.name(item.type))")
            }
            return try Sequences.contains(container, item)
        case .list, .tuple: return try Sequences.contains(container, item)
        case .range: return try Ranges.contains(container, item)
        default:
            guard try Iteration.isIterable(container) else {
                throw PythonError(.typeError, "argument of type '\(TypeObjects.name(container.type))' is not iterable")
            }
            var found = false
            try Iteration.forEach(container) { element throws(PythonError) in
                if !found && element.is(item) {
                    found = true
                } else if !found, try Objects.equal(element, item) {
                    found = true
                }
            }
            return found
        }
    }

    static func negative(_ v: Value) throws(PythonError) -> Value {
        if let method = try Attributes.userSpecial(v, interned: SpecialNames.neg) { return try Calls.call(method, v) }
        return try Arithmetic.negate(v)
    }

    static func positive(_ v: Value) throws(PythonError) -> Value {
        if let method = try Attributes.userSpecial(v, interned: SpecialNames.pos) { return try Calls.call(method, v) }
        return try Arithmetic.positive(v)
    }

    static func invert(_ v: Value) throws(PythonError) -> Value {
        if let method = try Attributes.userSpecial(v, interned: SpecialNames.invert) { return try Calls.call(method, v) }
        return try Arithmetic.invert(v)
    }

    // MARK: Length and subscripts

    static func length(_ v: Value) throws(PythonError) -> Int {
        if Deques.isExactDeque(v) { return Deques.count(v) }
        if let method = try Attributes.userSpecial(v, interned: SpecialNames.len) {
            return try lengthResult(try Calls.call(method, v))
        }
        switch v.kind {
        case .str: return Str.count(v)
        case .list: return List.count(v)
        case .tuple: return Tuple.count(v)
        case .dict: return Dict.count(v)
        case .set, .frozenset: return Sets.count(v)
        case .dictView: return DictViews.count(v)
        case .range:
            let n = Ranges.length(v)
            guard n.isSmallInt else { throw PythonError(.overflowError, "Python int too large to convert to C ssize_t") }
            return n.smallInt
        default:
            throw PythonError(.typeError, "object of type '\(TypeObjects.name(v.type))' has no len()")
        }
    }

    /// What `__len__` returned, as CPython's `slot_sq_length` reads it: `__index__` accepted,
    /// the sign checked first, then OverflowError beyond 64 bits.
    private static func lengthResult(_ result: Value) throws(PythonError) -> Int {
        let n = try Ints.index(result)
        guard Ints.sign(n) >= 0 else { throw PythonError(.valueError, "__len__() should return >= 0") }
        guard let length = Ints.machineInt(n) else {
            throw PythonError(.overflowError, "cannot fit 'int' into an index-sized integer")
        }
        return length
    }

    static func getItem(_ object: Value, _ index: Value) throws(PythonError) -> Value {
        if index.isSmallInt && object.isObject && object.header.pointee.type.is(BuiltinTypes.list) {
            var i = index.smallInt
            let n = List.count(object)
            if i < 0 { i += n }
            if i >= 0 && i < n { return List.items(object)[i] }
        }
        if let method = try Attributes.userSpecial(object, interned: SpecialNames.getitem) {
            if method.is(Deques.getItemMethod) { return try Deques.getItem(object, index) }
            return try Calls.call(method, object, index)
        }
        switch object.kind {
        case .list, .tuple, .str: return try Sequences.item(object, try sequenceIndex(index))
        case .dict:
            let v = try Dict.get(object, index)
            if !v.isNull { return v }
            if ObjectHooks.isUserObject(object), let missing = try Attributes.userSpecial(object, interned: SpecialNames.missing) {
                return try Calls.call(missing, object, index)
            }
            throw PythonError(exception: Exceptions.make(BuiltinException.keyError.type, arguments: [index]))
        case .range:
            return try Ranges.get(object, try sequenceIndex(index))
        case .type:
            return try TypeHints.parameterize(object, index)
        default:
            throw PythonError(.typeError, "'\(TypeObjects.name(object.type))' object is not subscriptable")
        }
    }

    /// A float from an object defined in Python, as CPython's `PyNumber_Float` makes it: what
    /// `__float__` returns (which must be a float), else its `__index__`; nil with neither.
    static func userFloat(_ v: Value) throws(PythonError) -> Value? {
        if let method = try Attributes.userSpecial(v, interned: SpecialNames.float) {
            let result = try Calls.call(method, v)
            guard result.kind == .float else {
                throw PythonError(.typeError, "\(TypeObjects.name(v.type)).__float__ returned non-float (type \(TypeObjects.name(result.type)))")
            }
            // CPython warns of a float subclass here, and makes it a plain float.
            return Subclasses.plain(result)
        }
        // An int or float subclass has its base's `__float__`, which comes first.
        if v.kind == .int || v.kind == .float { return nil }
        if try Attributes.userSpecial(v, interned: SpecialNames.index) != nil {
            return Floats.make(try Ints.toDouble(try Ints.index(v)))
        }
        return nil
    }

    /// An index for a builtin sequence: an object with `__index__` stands for the int it gives.
    static func sequenceIndex(_ index: Value) throws(PythonError) -> Value {
        try Ints.indexValue(index) ?? index
    }

    /// `__index__` of a class defined in Python, for `ObjectHooks.index`.
    static func userIndex(_ v: Value) throws(PythonError) -> Value? {
        guard let method = try Attributes.userSpecial(v, interned: SpecialNames.index) else { return nil }
        let result = try Calls.call(method, v)
        guard Ints.isInt(result) else {
            throw PythonError(.typeError, "__index__ returned non-int (type \(TypeObjects.name(result.type)))")
        }
        return Ints.unbool(result)
    }

    static func setItem(_ object: Value, _ index: Value, _ value: Value) throws(PythonError) {
        if index.isSmallInt && object.isObject && object.header.pointee.type.is(BuiltinTypes.list) {
            var i = index.smallInt
            let n = List.count(object)
            if i < 0 { i += n }
            if i >= 0 && i < n {
                List.items(object)[i] = value
                return
            }
        }
        if let method = try Attributes.userSpecial(object, interned: SpecialNames.setitem) {
            if method.is(Deques.setItemMethod) { return try Deques.setItem(object, index, value) }
            _ = try Calls.call(method, object, index, value)
            return
        }
        switch object.kind {
        case .list:
            try setListItem(object, index, value)
        case .dict:
            try Dict.set(object, index, value)
        default:
            throw PythonError(.typeError, "'\(TypeObjects.name(object.type))' object does not support item assignment")
        }
    }

    /// `list[index] = value` by the list layout (`list.__setitem__`).
    static func setListItem(_ list: Value, _ index: Value, _ value: Value) throws(PythonError) {
        if index.kind == .slice { return try ListSlices.assign(list, index, value) }
        let index = try sequenceIndex(index)
        guard Ints.isInt(index) else {
            throw PythonError(.typeError, "list indices must be integers or slices, not \(TypeObjects.name(index.type))")
        }
        do throws(PythonError) {
            List.items(list)[try Sequences.position(list, index)] = value
        } catch {
            throw PythonError(.indexError, "list assignment index out of range")
        }
    }

    /// `del list[index]` by the list layout (`list.__delitem__`).
    static func deleteListItem(_ list: Value, _ index: Value) throws(PythonError) {
        if index.kind == .slice { return try ListSlices.delete(list, index) }
        let index = try sequenceIndex(index)
        let i: Int
        do throws(PythonError) { i = try Sequences.position(list, index) } catch {
            throw PythonError(.indexError, "list assignment index out of range")
        }
        _ = try List.pop(list, at: i)
    }

    static func deleteItem(_ object: Value, _ index: Value) throws(PythonError) {
        if let method = try Attributes.userSpecial(object, interned: SpecialNames.delitem) {
            if method.is(Deques.deleteItemMethod) { return try Deques.deleteItem(object, index) }
            _ = try Calls.call(method, object, index)
            return
        }
        switch object.kind {
        case .list:
            try deleteListItem(object, index)
        case .dict:
            if !(try Dict.remove(object, index)) {
                throw PythonError(exception: Exceptions.make(BuiltinException.keyError.type, arguments: [index]))
            }
        default:
            throw PythonError(.typeError, "'\(TypeObjects.name(object.type))' object doesn't support item deletion")
        }
    }
}

/// Slice assignment and deletion on lists. The new contents are built in a heap list first,
/// where the collector sees them, then copied back.
enum ListSlices {
    static func assign(_ list: Value, _ slice: Value, _ value: Value) throws(PythonError) {
        guard try Iteration.isIterable(value) else { throw PythonError(.typeError, "can only assign an iterable") }
        // The new items, as a list or tuple of their own (a copy when it is the list itself).
        let replacement = (value.kind == .list || value.kind == .tuple) && !value.is(list)
            ? value : try Iteration.list(value)
        let newCount = replacement.kind == .list ? List.count(replacement) : Tuple.count(replacement)
        let newItems = replacement.kind == .list ? List.items(replacement) : Tuple.items(replacement)
        let (start, stop, step) = try Slices.indices(slice, length: List.count(list))
        if step == 1 {
            let end = max(start, stop)
            if end - start == newCount {
                // Same length: overwrite in place, the common `a[i:j] = b[j:i:-1]`.
                for k in 0..<newCount { List.items(list)[start + k] = newItems[k] }
                return
            }
            let result = List.make(capacity: List.count(list) - (end - start) + newCount)
            for i in 0..<start { List.append(result, List.items(list)[i]) }
            for k in 0..<newCount { List.append(result, newItems[k]) }
            for i in end..<max(List.count(list), end) { List.append(result, List.items(list)[i]) }
            replaceContents(of: list, with: result)
            return
        }
        let positions = Array(stride(from: start, to: stop, by: step))
        guard positions.count == newCount else {
            throw PythonError(.valueError, "attempt to assign sequence of size \(newCount) to extended slice of size \(positions.count)")
        }
        for (k, p) in positions.enumerated() { List.items(list)[p] = newItems[k] }
    }

    static func delete(_ list: Value, _ slice: Value) throws(PythonError) {
        let (start, stop, step) = try Slices.indices(slice, length: List.count(list))
        let doomed = Set(stride(from: start, to: stop, by: step))
        let result = List.make()
        for i in 0..<List.count(list) where !doomed.contains(i) { List.append(result, List.items(list)[i]) }
        replaceContents(of: list, with: result)
    }

    private static func replaceContents(of list: Value, with result: Value) {
        List.clear(list)
        for i in 0..<List.count(result) { List.append(list, List.items(result)[i]) }
    }
}

/// The interned names of the operator methods, made once (interned strs are permanent roots).
enum SpecialNames {
    struct Binary {
        let forward: Value
        let reflected: Value
        let inPlace: Value
    }

    static let binary: [Binary] = BinaryOperation.allCases.filter { !$0.isInPlace }.map { operation in
        let stem = operation.methodStem
        return Binary(forward: Interned.str("__\(stem)__"), reflected: Interned.str("__r\(stem)__"), inPlace: Interned.str("__i\(stem)__"))
    }

    static let comparison: [Value] = Comparison.allCases.map { Interned.str($0.methodName) }
    static let initializer = Interned.str("__init__")
    static let slots = Interned.str("__slots__")
    static let dict = Interned.str("__dict__")
    static let classAttribute = Interned.str("__class__")
    static let constructor = Interned.str("__new__")

    static let abs = Interned.str("__abs__")
    static let bool = Interned.str("__bool__")
    static let call = Interned.str("__call__")
    static let contains = Interned.str("__contains__")
    static let delattr = Interned.str("__delattr__")
    static let delete = Interned.str("__delete__")
    static let delitem = Interned.str("__delitem__")
    static let divmod = Interned.str("__divmod__")
    static let enter = Interned.str("__enter__")
    static let eq = Interned.str("__eq__")
    static let exit = Interned.str("__exit__")
    static let float = Interned.str("__float__")
    static let format = Interned.str("__format__")
    static let get = Interned.str("__get__")
    static let getattr = Interned.str("__getattr__")
    static let getattribute = Interned.str("__getattribute__")
    static let getitem = Interned.str("__getitem__")
    static let hash = Interned.str("__hash__")
    static let index = Interned.str("__index__")
    static let initSubclass = Interned.str("__init_subclass__")
    static let invert = Interned.str("__invert__")
    static let iter = Interned.str("__iter__")
    static let len = Interned.str("__len__")
    static let missing = Interned.str("__missing__")
    static let neg = Interned.str("__neg__")
    static let next = Interned.str("__next__")
    static let pos = Interned.str("__pos__")
    static let prepare = Interned.str("__prepare__")
    static let repr = Interned.str("__repr__")
    static let reversed = Interned.str("__reversed__")
    static let set = Interned.str("__set__")
    static let setName = Interned.str("__set_name__")
    static let round = Interned.str("__round__")
    static let setattr = Interned.str("__setattr__")
    static let setitem = Interned.str("__setitem__")
    static let str = Interned.str("__str__")
}
