/// Iteration over the builtin iterables, for the runtime's own loops over an argument
/// (set updates, `math.prod`, `dist`); the interpreter's `for` has its own iterator objects.
public enum Iterables {
    /// Calls `body` with each item of an iterable the runtime knows, until it returns false.
    /// A list is re-read at each step, so it may grow meanwhile, as CPython's list iterator allows.
    public static func forEach(_ iterable: Value, _ body: (Value) throws(PythonError) -> Bool) throws(PythonError) {
        switch iterable.kind {
        case .list:
            var i = 0
            while i < List.count(iterable), try body(List.item(iterable, at: i)) { i += 1 }
        case .tuple:
            var i = 0
            while i < Tuple.count(iterable), try body(Tuple.items(iterable)[i]) { i += 1 }
        case .str:
            var i = 0
            while i < Str.count(iterable), try body(Str.character(Str.codePoint(iterable, at: i))) { i += 1 }
        case .range:
            var i = Value(smallInt: 0)
            while Ints.compare(i, Ranges.length(iterable)) < 0, try body(Ranges.item(iterable, at: i)) { i = Ints.add(i, Value(smallInt: 1)) }
        case .dict:
            var going = true
            try Dict.forEach(iterable) { key, _ throws(PythonError) in if going { going = try body(key) } }
        case .set, .frozenset:
            var going = true
            try Sets.forEach(iterable) { key throws(PythonError) in if going { going = try body(key) } }
        case .dictView:
            var going = true
            try DictViews.forEach(iterable) { item throws(PythonError) in if going { going = try body(item) } }
        default:
            throw PythonError(.typeError, "'\(TypeObjects.name(iterable.type))' object is not iterable")
        }
    }
}
