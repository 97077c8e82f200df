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

    /// An int index clamped to the machine range (CPython clamps huge slice bounds too).
    static func clampedInt(_ v: Value) throws(PythonError) -> Int {
        guard Ints.isInt(v) else {
            throw PythonError(.typeError, "slice indices must be integers or None or have an __index__ method")
        }
        let n = Ints.unbool(v)
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
        return Value(object: raw)
    }
}
