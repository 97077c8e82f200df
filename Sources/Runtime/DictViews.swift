/// `d.keys()`, `d.values()` and `d.items()`, and iteration over a dict, with CPython's
/// behaviour: views are live; an iteration notices a change of the dict's size
/// ("dictionary changed size during iteration") or of its keys at the same size; keys and
/// items views are set-like (`&`, `|`, `-`, `^` give sets, comparisons test inclusion).
public enum DictViews {
    public enum Which: UInt32 { case keys, values, items }

    public static func make(_ dict: Value, _ which: Which) -> Value {
        let raw = Heap.allocate(.dictView, type: BuiltinTypes.dictViews[Int(which.rawValue)], size: MemoryLayout<DictViewObject>.size)
        let view = Value(object: raw)
        view.header.pointee.aux = which.rawValue
        view.fields(DictViewObject.self).pointee.dict = dict
        return view
    }

    public static func which(_ viewOrIterator: Value) -> Which { Which(rawValue: viewOrIterator.header.pointee.aux)! }

    public static func dict(of view: Value) -> Value { view.fields(DictViewObject.self).pointee.dict }

    /// `len(view)`.
    public static func count(_ view: Value) -> Int { Dict.count(dict(of: view)) }

    /// Whether `v` is a keys or items view, the set-like ones.
    static func isSetLike(_ v: Value) -> Bool { v.kind == .dictView && which(v) != .values }

    /// `x in view`: a key lookup, a lookup and a value comparison for an item, a scan of the
    /// values (identity first, as CPython's containment).
    public static func contains(_ view: Value, _ x: Value) throws(PythonError) -> Bool {
        let d = dict(of: view)
        switch which(view) {
        case .keys:
            return !(try Dict.get(d, x)).isNull
        case .items:
            guard x.kind == .tuple && Tuple.count(x) == 2 else { return false }
            let found = try Dict.get(d, Tuple.items(x)[0])
            if found.isNull { return false }
            return try isOrEquals(found, Tuple.items(x)[1])
        case .values:
            var found = false
            try forEach(view) { value throws(PythonError) in
                if !found { found = try isOrEquals(value, x) }
            }
            return found
        }
    }

    static func isOrEquals(_ a: Value, _ b: Value) throws(PythonError) -> Bool {
        if a.is(b) { return true }
        return try Objects.equal(a, b)
    }

    /// Calls `body` with each key, value or (key, value) tuple of the view; the dict must not
    /// change meanwhile (use an iterator where it may).
    static func forEach(_ view: Value, _ body: (Value) throws(PythonError) -> Void) throws(PythonError) {
        let kind = which(view)
        try Dict.forEach(dict(of: view)) { key, value throws(PythonError) in
            switch kind {
            case .keys: try body(key)
            case .values: try body(value)
            case .items: try body(Tuple.make(key, value))
            }
        }
    }

    /// `repr(view)`: `dict_keys([1, 2])`.
    static func repr(_ view: Value) throws(PythonError) -> String {
        var parts: [String] = []
        try forEach(view) { item throws(PythonError) in parts.append(try Objects.repr(item)) }
        return TypeObjects.name(view.type) + "([" + parts.joined(separator: ", ") + "])"
    }

    // MARK: iteration

    /// An iterator over a dict (its keys) or over a view.
    public static func iterator(_ dictOrView: Value) -> Value {
        let (d, kind) = dictOrView.kind == .dict ? (dictOrView, Which.keys) : (dict(of: dictOrView), which(dictOrView))
        let raw = Heap.allocate(.dictIterator, type: BuiltinTypes.dictIterators[Int(kind.rawValue)],
                                size: MemoryLayout<DictIteratorObject>.size)
        let iterator = Value(object: raw)
        iterator.header.pointee.aux = kind.rawValue
        let fields = iterator.fields(DictIteratorObject.self)
        fields.pointee.dict = d
        fields.pointee.sizeAtStart = Value(smallInt: Dict.count(d))
        fields.pointee.position = Value(smallInt: 0)
        fields.pointee.remaining = Value(smallInt: Dict.count(d))
        return iterator
    }

    /// The next key, value or item, or `Value.null` when the iteration is over.
    public static func next(_ iterator: Value) throws(PythonError) -> Value {
        let it = iterator.fields(DictIteratorObject.self)
        let d = it.pointee.dict
        if d.is(BuiltinTypes.none) { return .null }
        if Dict.count(d) != it.pointee.sizeAtStart.smallInt {
            it.pointee.sizeAtStart = Value(smallInt: -1)  // every later call fails too, as in CPython
            throw PythonError(.runtimeError, "dictionary changed size during iteration")
        }
        let fields = d.fields(DictObject.self)
        var position = it.pointee.position.smallInt
        while position < fields.pointee.entriesUsed && Dict.entries(fields)[position * 2].isNull { position += 1 }
        guard position < fields.pointee.entriesUsed else { return finish(iterator) }
        if it.pointee.remaining.smallInt == 0 {
            _ = finish(iterator)
            throw PythonError(.runtimeError, "dictionary keys changed during iteration")
        }
        it.pointee.position = Value(smallInt: position + 1)
        it.pointee.remaining = Value(smallInt: it.pointee.remaining.smallInt - 1)
        let (key, value) = (Dict.entries(fields)[position * 2], Dict.entries(fields)[position * 2 + 1])
        switch which(iterator) {
        case .keys: return key
        case .values: return value
        case .items: return Tuple.make(key, value)
        }
    }

    /// Ends the iteration for good; returns `Value.null`.
    static func finish(_ iterator: Value) -> Value {
        iterator.fields(DictIteratorObject.self).pointee.dict = BuiltinTypes.none
        return .null
    }
}
