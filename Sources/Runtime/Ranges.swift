/// Python range and slice objects.
public enum Ranges {
    /// `range(start, stop, step)`; the bounds are ints of any size.
    public static func make(start: Value, stop: Value, step: Value) throws(PythonError) -> Value {
        if Ints.sign(step) == 0 { throw PythonError(.valueError, "range() arg 3 must not be zero") }
        let length = try self.length(start: start, stop: stop, step: step)
        let raw = Heap.allocate(.range, type: BuiltinTypes.range, size: MemoryLayout<RangeObject>.size)
        let range = raw.assumingMemoryBound(to: RangeObject.self)
        range.pointee.start = start
        range.pointee.stop = stop
        range.pointee.step = step
        range.pointee.length = length
        return Value(object: raw)
    }

    /// The number of items: ceil((stop - start) / step) when positive, else 0.
    static func length(start: Value, stop: Value, step: Value) throws(PythonError) -> Value {
        let ascending = Ints.sign(step) > 0
        let (low, high) = ascending ? (start, stop) : (stop, start)
        if Ints.compare(low, high) >= 0 { return Value(smallInt: 0) }
        let span = Ints.subtract(Ints.subtract(high, low), Value(smallInt: 1))
        let quotient = try Ints.floorDivide(span, Ints.absolute(step))
        return Ints.add(quotient, Value(smallInt: 1))
    }

    public static func length(_ r: Value) -> Value { r.fields(RangeObject.self).pointee.length }

    /// The item at `index` (0 <= index < length).
    public static func item(_ r: Value, at index: Value) -> Value {
        let range = r.fields(RangeObject.self)
        return Ints.add(range.pointee.start, Ints.multiply(index, range.pointee.step))
    }

    static func start(_ r: Value) -> Value { r.fields(RangeObject.self).pointee.start }
    static func stop(_ r: Value) -> Value { r.fields(RangeObject.self).pointee.stop }
    static func step(_ r: Value) -> Value { r.fields(RangeObject.self).pointee.step }

    /// `r[index]`: an int index (negative counts from the end) or a slice, which gives a range.
    public static func get(_ r: Value, _ index: Value) throws(PythonError) -> Value {
        if index.kind == .slice { return try slice(r, index) }
        guard Ints.isInt(index) else {
            throw PythonError(.typeError, "range indices must be integers or slices, not \(TypeObjects.name(index.type))")
        }
        var i = Ints.unbool(index)
        if Ints.sign(i) < 0 { i = Ints.add(i, length(r)) }
        guard Ints.sign(i) >= 0, Ints.compare(i, length(r)) < 0 else {
            throw PythonError(.indexError, "range object index out of range")
        }
        return item(r, at: i)
    }

    /// `r[a:b:c]`: the range of the selected items.
    static func slice(_ r: Value, _ slice: Value) throws(PythonError) -> Value {
        let count = length(r)
        guard count.isSmallInt else { throw PythonError(.overflowError, "Python int too large to convert to C ssize_t") }
        let (first, last, stride) = try Slices.indices(slice, length: count.smallInt)
        let newStep = Ints.multiply(step(r), Value(smallInt: stride))
        return try make(start: item(r, at: Value(smallInt: first)), stop: item(r, at: Value(smallInt: last)), step: newStep)
    }

    /// The position of int `x` in the range, or nil when the range does not produce it.
    static func position(of x: Value, in r: Value) -> Value? {
        let offset = Ints.subtract(x, start(r))
        let ascending = Ints.sign(step(r)) > 0
        if ascending ? Ints.sign(offset) < 0 : Ints.sign(offset) > 0 { return nil }
        let (quotient, remainder) = (try? Ints.floorDivide(offset, step(r)), try? Ints.modulo(offset, step(r)))
        guard let quotient, let remainder, Ints.sign(remainder) == 0, Ints.compare(quotient, length(r)) < 0 else { return nil }
        return quotient
    }

    /// `x in r`: arithmetic for an int, item by item (by equality) for anything else.
    public static func contains(_ r: Value, _ x: Value) throws(PythonError) -> Bool {
        if Ints.isInt(x) { return position(of: Ints.unbool(x), in: r) != nil }
        return try count(r, x, stopAtFirst: true) > 0
    }

    /// `r.count(x)`.
    public static func count(_ r: Value, _ x: Value, stopAtFirst: Bool = false) throws(PythonError) -> Int {
        if Ints.isInt(x) { return position(of: Ints.unbool(x), in: r) == nil ? 0 : 1 }
        var found = 0
        var i = Value(smallInt: 0)
        while Ints.compare(i, length(r)) < 0 {
            if try Objects.equal(item(r, at: i), x) {
                found += 1
                if stopAtFirst { break }
            }
            i = Ints.add(i, Value(smallInt: 1))
        }
        return found
    }

    /// `r.index(x)`.
    public static func index(_ r: Value, _ x: Value) throws(PythonError) -> Value {
        if Ints.isInt(x) {
            if let position = position(of: Ints.unbool(x), in: r) { return position }
        } else {
            var i = Value(smallInt: 0)
            while Ints.compare(i, length(r)) < 0 {
                if try Objects.equal(item(r, at: i), x) { return i }
                i = Ints.add(i, Value(smallInt: 1))
            }
        }
        throw PythonError(.valueError, "\(try Objects.repr(x)) is not in range")
    }

    /// The range of the same items in reverse order.
    public static func reversed(_ r: Value) throws(PythonError) -> Value {
        let last = Ints.subtract(length(r), Value(smallInt: 1))
        let negated = Ints.subtract(Value(smallInt: 0), step(r))
        let first = item(r, at: last)
        return try make(start: first, stop: Ints.subtract(start(r), step(r)), step: negated)
    }

    public static func repr(_ r: Value) throws(PythonError) -> String {
        let bounds = "\(try Ints.text(start(r))), \(try Ints.text(stop(r)))"
        if Ints.compare(step(r), Value(smallInt: 1)) == 0 { return "range(\(bounds))" }
        return "range(\(bounds), \(try Ints.text(step(r))))"
    }

    /// Ranges are equal when they produce the same items: the same length, and for a
    /// nonempty one the same start and, past one item, the same step.
    public static func equal(_ a: Value, _ b: Value) -> Bool {
        let n = length(a)
        guard Ints.compare(n, length(b)) == 0 else { return false }
        if Ints.sign(n) == 0 { return true }
        guard Ints.compare(start(a), start(b)) == 0 else { return false }
        return Ints.compare(n, Value(smallInt: 1)) == 0 || Ints.compare(step(a), step(b)) == 0
    }

    /// The hash of (length, start, step), with None for what equality ignores.
    public static func hash(_ r: Value) throws(PythonError) -> Int {
        let n = length(r)
        let none = BuiltinTypes.none
        let isEmpty = Ints.sign(n) == 0, isSingle = Ints.compare(n, Value(smallInt: 1)) == 0
        return try Tuple.hash(Tuple.make(n, isEmpty ? none : start(r), isEmpty || isSingle ? none : step(r)))
    }
}

public enum Slices {
    public static func make(start: Value, stop: Value, step: Value) -> Value {
        let raw = Heap.allocate(.slice, type: BuiltinTypes.slice, size: MemoryLayout<SliceObject>.size)
        let slice = raw.assumingMemoryBound(to: SliceObject.self)
        slice.pointee.start = start
        slice.pointee.stop = stop
        slice.pointee.step = step
        return Value(object: raw)
    }

    public static func repr(_ s: Value) throws(PythonError) -> String {
        let slice = s.fields(SliceObject.self)
        return "slice(\(try Objects.repr(slice.pointee.start)), \(try Objects.repr(slice.pointee.stop)), \(try Objects.repr(slice.pointee.step)))"
    }

    /// Slices compare as the tuples of their start, stop and step.
    static func asTuple(_ s: Value) -> Value {
        let slice = s.fields(SliceObject.self)
        return Tuple.make(slice.pointee.start, slice.pointee.stop, slice.pointee.step)
    }

    /// `slice.indices(length)` for a sequence of `length` items: the start, stop and step
    /// that a loop over the selected items uses, clamped as CPython clamps them.
    public static func indices(_ s: Value, length: Int) throws(PythonError) -> (start: Int, stop: Int, step: Int) {
        let slice = s.fields(SliceObject.self)
        let none = BuiltinTypes.none
        var step = 1
        if !slice.pointee.step.is(none) {
            step = try clampedInt(slice.pointee.step)
            if step == 0 { throw PythonError(.valueError, "slice step cannot be zero") }
        }
        let (lower, upper) = step < 0 ? (-1, length - 1) : (0, length)
        func bound(_ v: Value, default fallback: Int) throws(PythonError) -> Int {
            if v.is(none) { return fallback }
            var i = try clampedInt(v)
            if i < 0 {
                i += length
                return max(i, lower)
            }
            return min(i, upper)
        }
        let start = try bound(slice.pointee.start, default: step < 0 ? upper : lower)
        let stop = try bound(slice.pointee.stop, default: step < 0 ? lower : upper)
        return (start, stop, step)
    }

    /// An int bound clamped to the machine range, for `index(x, start, stop)`.
    public static func clampedIndex(_ v: Value) throws(PythonError) -> Int { try clampedInt(v) }

    /// An int index clamped to the machine range (CPython clamps huge slice bounds too).
    static func clampedInt(_ v: Value) throws(PythonError) -> Int {
        guard let n = try Ints.indexValue(v) else {
            throw PythonError(.typeError, "slice indices must be integers or None or have an __index__ method")
        }
        if n.isSmallInt { return n.smallInt }
        return Ints.sign(n) < 0 ? Int.min / 2 : Int.max / 2
    }
}

/// Closure cells, bound methods and functions: the objects calls are made of.
public enum Callables {
    public static func makeCell(_ contents: Value) -> Value {
        let raw = Heap.allocate(.cell, type: BuiltinTypes.cell, size: MemoryLayout<CellObject>.size)
        raw.assumingMemoryBound(to: CellObject.self).pointee.contents = contents
        return Value(object: raw)
    }

    public static func makeBoundMethod(_ function: Value, receiver: Value) -> Value {
        let raw = Heap.allocate(.boundMethod, type: BuiltinTypes.method, size: MemoryLayout<BoundMethodObject>.size)
        let method = raw.assumingMemoryBound(to: BoundMethodObject.self)
        method.pointee.function = function
        method.pointee.receiver = receiver
        return Value(object: raw)
    }

    /// A function over `code` (the interpreter's code object) with no defaults or closure.
    public static func makeFunction(code: Value, globals: Value, name: Value, qualifiedName: Value) -> Value {
        let raw = Heap.allocate(.function, type: BuiltinTypes.function, size: MemoryLayout<FunctionObject>.size)
        let function = raw.assumingMemoryBound(to: FunctionObject.self)
        function.pointee.code = code
        function.pointee.globals = globals
        function.pointee.name = name
        function.pointee.qualifiedName = qualifiedName
        function.pointee.defaults = BuiltinTypes.none
        function.pointee.keywordDefaults = BuiltinTypes.none
        function.pointee.closure = BuiltinTypes.none
        function.pointee.attributes = BuiltinTypes.none
        function.pointee.annotations = BuiltinTypes.none
        return Value(object: raw)
    }
}
