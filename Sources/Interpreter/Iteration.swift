import Runtime

/// `iter()` and `next()` for every iterable: the builtin containers get their own iterator
/// objects; classes defined in Python use `__iter__` and `__next__`.
enum Iteration {
    static func iterator(_ v: Value) throws(PythonError) -> Value {
        if let tag = InterpreterObjects.tag(v), isIteratorKind(tag) { return v }
        if let method = try Attributes.userSpecial(v, interned: SpecialNames.iter) {
            if method.is(BuiltinTypes.none) { throw notIterable(v) }
            let it = try Calls.call(method, v)
            if !isIterator(it), try Attributes.lookupSpecial(it, interned: SpecialNames.next) == nil {
                throw PythonError(.typeError, "iter() returned non-iterator of type '\(TypeObjects.name(it.type))'")
            }
            return it
        }
        switch v.kind {
        case .list: return InterpreterObjects.make(.listIterator, type: InterpreterTypes.listIterator, a: v)
        case .tuple: return InterpreterObjects.make(.tupleIterator, type: InterpreterTypes.tupleIterator, a: v)
        case .str: return InterpreterObjects.make(.strIterator, type: InterpreterTypes.strIterator, a: v)
        case .dict, .dictView:
            return DictViews.iterator(v)
        case .dictIterator:
            return v
        case .set, .frozenset:
            let snapshot = List.make()
            try Sets.forEach(v) { item throws(PythonError) in List.append(snapshot, item) }
            return InterpreterObjects.make(.setIterator, type: InterpreterTypes.setIterator, a: snapshot, b: v, j: Sets.count(v))
        case .range:
            return try rangeIterator(v)
        default:
            // The old protocol: `__getitem__` with 0, 1, 2... until IndexError.
            if try Attributes.userSpecial(v, interned: SpecialNames.getitem) != nil {
                return InterpreterObjects.make(.sequenceIterator, type: InterpreterTypes.sequenceIterator, a: v)
            }
            throw notIterable(v)
        }
    }

    /// Whether the interpreter's objects of this kind are their own iterators.
    @inline(__always)
    static func isIteratorKind(_ tag: InterpreterKind) -> Bool {
        switch tag {
        case .listIterator, .tupleIterator, .strIterator, .rangeIterator, .setIterator, .sequenceIterator, .reversedIterator,
             .enumerate, .zip, .map, .filter, .callableIterator, .generator, .nativeIterator:
            return true
        case .module, .property, .staticMethod, .classMethod, .superObject, .textStream:
            return false
        }
    }

    static func notIterable(_ v: Value) -> PythonError {
        PythonError(.typeError, "'\(TypeObjects.name(v.type))' object is not iterable")
    }

    /// Whether `iter(v)` would find a way to iterate (it may still fail in `__iter__`).
    static func isIterable(_ v: Value) throws(PythonError) -> Bool {
        if let tag = InterpreterObjects.tag(v), isIteratorKind(tag) { return true }
        if let method = try Attributes.userSpecial(v, interned: SpecialNames.iter) { return !method.is(BuiltinTypes.none) }
        switch v.kind {
        case .list, .tuple, .str, .dict, .dictView, .dictIterator, .set, .frozenset, .range: return true
        default: return try Attributes.userSpecial(v, interned: SpecialNames.getitem) != nil
        }
    }

    /// A range's iterator counts in machine ints when the whole range fits; `i` is the next
    /// value, `j` how many remain, `d` the step.
    private static func rangeIterator(_ r: Value) throws(PythonError) -> Value {
        let fields = r.fields(RangeObject.self)
        let start = fields.pointee.start, step = fields.pointee.step, length = fields.pointee.length
        if start.isSmallInt && step.isSmallInt && length.isSmallInt {
            let (last, overflow) = start.smallInt.addingReportingOverflow(step.smallInt.multipliedReportingOverflow(by: length.smallInt).partialValue)
            if !overflow && Value.fitsSmallInt(last) && step.smallInt.multipliedReportingOverflow(by: length.smallInt).overflow == false {
                return InterpreterObjects.make(.rangeIterator, type: InterpreterTypes.rangeIterator, d: step, i: start.smallInt, j: length.smallInt)
            }
        }
        let items = List.make()
        var index = Value(smallInt: 0)
        while try Objects.compare(index, length, .less) {
            List.append(items, Ranges.item(r, at: index))
            index = try Arithmetic.add(index, Value(smallInt: 1))
        }
        return InterpreterObjects.make(.listIterator, type: InterpreterTypes.rangeIterator, a: items)
    }

    /// Whether `v` is one of the builtin iterator objects.
    static func isIterator(_ v: Value) -> Bool {
        InterpreterObjects.tag(v) != nil || (v.isObject && !v.isNull && v.header.pointee.kind == .dictIterator)
    }

    /// The next item, or null when the iterator is exhausted.
    static func next(_ it: Value) throws(PythonError) -> Value {
        guard let tag = InterpreterObjects.tag(it) else {
            if it.isObject && it.header.pointee.kind == .dictIterator { return try DictViews.next(it) }
            return try userNext(it)
        }
        let fields = InterpreterObjects.fields(it)
        switch tag {
        case .listIterator:
            let list = fields.pointee.a
            let i = fields.pointee.i
            guard i < List.count(list) else { return Value.null }
            fields.pointee.i = i + 1
            return List.items(list)[i]
        case .tupleIterator:
            let i = fields.pointee.i
            guard i < Tuple.count(fields.pointee.a) else { return Value.null }
            fields.pointee.i = i + 1
            return Tuple.items(fields.pointee.a)[i]
        case .strIterator:
            let i = fields.pointee.i
            let s = fields.pointee.a
            guard i < Str.count(s) else { return Value.null }
            fields.pointee.i = i + 1
            return Str.character(Str.codePoint(s, at: i))
        case .rangeIterator:
            guard fields.pointee.j > 0 else { return Value.null }
            let v = fields.pointee.i
            fields.pointee.i = v &+ fields.pointee.d.smallInt
            fields.pointee.j -= 1
            return Value(smallInt: v)
        case .setIterator:
            if Sets.count(fields.pointee.b) != fields.pointee.j {
                fields.pointee.j = -1
                throw PythonError(.runtimeError, "Set changed size during iteration")
            }
            let i = fields.pointee.i
            guard i < List.count(fields.pointee.a) else { return Value.null }
            fields.pointee.i = i + 1
            return List.items(fields.pointee.a)[i]
        case .generator:
            return try Generators.next(it)
        case .sequenceIterator:
            let i = fields.pointee.i
            guard i >= 0 else { return Value.null }
            do throws(PythonError) {
                let item = try Operators.getItem(fields.pointee.a, Value(smallInt: i))
                InterpreterObjects.fields(it).pointee.i = i + 1
                return item
            } catch {
                let type = error.exception.type
                guard TypeObjects.isSubtype(type, of: BuiltinException.indexError.type)
                    || TypeObjects.isSubtype(type, of: BuiltinException.stopIteration.type) else { throw error }
                InterpreterObjects.fields(it).pointee.i = -1
                return Value.null
            }
        default:
            return try BuiltinIterators.next(it, tag)
        }
    }

    private static func userNext(_ it: Value) throws(PythonError) -> Value {
        guard let method = try Attributes.lookupSpecial(it, interned: SpecialNames.next) else {
            throw PythonError(.typeError, "'\(TypeObjects.name(it.type))' object is not an iterator")
        }
        do throws(PythonError) {
            return try Calls.call(method, it)
        } catch {
            if TypeObjects.isSubtype(error.exception.type, of: BuiltinException.stopIteration.type) { return Value.null }
            throw error
        }
    }

    /// Adds the items of `iterable` to `set` as CPython's `set_update_internal` does: a set
    /// or a dict goes in by its table, which decides the new set's layout and so its order;
    /// anything else item by item.
    static func addAll(_ iterable: Value, to set: Value) throws(PythonError) {
        switch iterable.kind {
        case .set, .frozenset, .dict: try Sets.update(set, [iterable])
        default: try forEach(iterable) { item throws(PythonError) in try Sets.add(set, item) }
        }
    }

    /// Calls `body` with each item of `iterable`.
    static func forEach(_ iterable: Value, _ body: (Value) throws(PythonError) -> Void) throws(PythonError) {
        switch iterable.kind {
        case .list:
            var i = 0
            while i < List.count(iterable) {
                try body(List.items(iterable)[i])
                i += 1
            }
        case .tuple:
            for i in 0..<Tuple.count(iterable) { try body(Tuple.items(iterable)[i]) }
        default:
            let it = try iterator(iterable)
            while true {
                let item = try next(it)
                if item.isNull { return }
                try body(item)
            }
        }
    }

    /// A list or tuple as it is, else the items in a new list, as CPython's `PySequence_Fast`:
    /// a TypeError from getting the iterator becomes `message` (`can only join an iterable`).
    static func fastSequence(_ v: Value, orMessage message: String) throws(PythonError) -> Value {
        if v.kind == .list || v.kind == .tuple { return v }
        let it: Value
        do throws(PythonError) { it = try iterator(v) } catch {
            guard TypeObjects.isSubtype(error.exception.type, of: BuiltinException.typeError.type) else { throw error }
            throw PythonError(.typeError, message)
        }
        return try list(it)
    }

    /// `tuple(iterable)`: a tuple as it is, else the items in a new tuple.
    static func tuple(_ iterable: Value) throws(PythonError) -> Value {
        if iterable.isObject && iterable.header.pointee.type.is(BuiltinTypes.tuple) { return iterable }
        let items = try list(iterable)
        let result = Tuple.allocate(count: List.count(items))
        for i in 0..<List.count(items) { Tuple.items(result)[i] = List.items(items)[i] }
        return result
    }

    /// The items of `iterable` in a new list.
    static func list(_ iterable: Value) throws(PythonError) -> Value {
        let result = List.make()
        try forEach(iterable) { item throws(PythonError) in List.append(result, item) }
        return result
    }
}

/// Unpacking assignment: `a, b = pair`, `first, *rest = items`.
enum Unpacking {
    /// Pushes the `count` items so that the first ends on top.
    static func unpack(_ sequence: Value, count: Int, into sp: UnsafeMutablePointer<Value>) throws(PythonError) {
        if sequence.kind == .tuple || sequence.kind == .list {
            let n = sequence.kind == .tuple ? Tuple.count(sequence) : List.count(sequence)
            let items = sequence.kind == .tuple ? Tuple.items(sequence) : List.items(sequence)
            guard n == count else { throw wrongCount(expected: count, got: n) }
            for i in 0..<count { sp[count - 1 - i] = items[i] }
            return
        }
        guard try Iteration.isIterable(sequence) else {
            throw PythonError(.typeError, "cannot unpack non-iterable \(TypeObjects.name(sequence.type)) object")
        }
        let items = try Iteration.list(sequence)
        guard List.count(items) == count else {
            if List.count(items) < count { throw wrongCount(expected: count, got: List.count(items)) }
            throw PythonError(.valueError, "too many values to unpack (expected \(count))")
        }
        for i in 0..<count { sp[count - 1 - i] = List.items(items)[i] }
    }

    /// `before` items, a list of the middle, `after` items; returns how many were pushed.
    static func unpackStarred(_ sequence: Value, before: Int, after: Int, into sp: UnsafeMutablePointer<Value>) throws(PythonError) -> Int {
        guard try Iteration.isIterable(sequence) else {
            throw PythonError(.typeError, "cannot unpack non-iterable \(TypeObjects.name(sequence.type)) object")
        }
        let items = try Iteration.list(sequence)
        let n = List.count(items)
        guard n >= before + after else {
            throw PythonError(.valueError, "not enough values to unpack (expected at least \(before + after), got \(n))")
        }
        let total = before + after + 1
        var values: [Value] = []
        for i in 0..<before { values.append(List.items(items)[i]) }
        let middle = List.make()
        for i in before..<(n - after) { List.append(middle, List.items(items)[i]) }
        values.append(middle)
        for i in (n - after)..<n { values.append(List.items(items)[i]) }
        for (i, v) in values.enumerated() { sp[total - 1 - i] = v }
        return total
    }

    private static func wrongCount(expected: Int, got: Int) -> PythonError {
        if got < expected {
            return PythonError(.valueError, "not enough values to unpack (expected \(expected), got \(got))")
        }
        return PythonError(.valueError, "too many values to unpack (expected \(expected))")
    }
}
