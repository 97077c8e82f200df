import Runtime

/// The itertools that pass on some of one iterator's items: islice, takewhile, dropwhile,
/// compress, filterfalse.
enum ItertoolsFilters {
    nonisolated(unsafe) static var islice = Value.null
    nonisolated(unsafe) static var takewhile = Value.null
    nonisolated(unsafe) static var dropwhile = Value.null
    nonisolated(unsafe) static var compress = Value.null
    nonisolated(unsafe) static var filterfalse = Value.null

    // MARK: islice: `a` the source; `i` items consumed, `j` the index of the next to yield;
    // `c` the stop (-1 for none), `d` the step, both small ints

    static func isliceType() -> Value {
        islice = NativeTypes.iteratorType("islice", new: makeIslice, next: { it throws(PythonError) in
            let fields = NativeTypes.fields(it)
            let stop = fields.pointee.c.smallInt
            let source = fields.pointee.a
            if source.is(BuiltinTypes.none) { return Value.null }
            // Skip up to the next index wanted.
            while fields.pointee.i < fields.pointee.j {
                if try Iteration.next(source).isNull { return exhaust(fields) }
                fields.pointee.i += 1
            }
            if stop != -1 && fields.pointee.i >= stop { return exhaust(fields) }
            let item = try Iteration.next(source)
            if item.isNull { return exhaust(fields) }
            fields.pointee.i += 1
            let (following, overflow) = fields.pointee.j.addingReportingOverflow(fields.pointee.d.smallInt)
            fields.pointee.j = overflow || (stop != -1 && following > stop) ? (stop == -1 ? Int.max : stop) : following
            return item
        })
        return islice
    }

    /// Lets go of the source, as CPython does once an islice is done.
    private static func exhaust(_ fields: UnsafeMutablePointer<InterpreterObject>) -> Value {
        fields.pointee.a = BuiltinTypes.none
        return Value.null
    }

    private static func makeIslice(_ args: NativeArguments) throws(PythonError) -> Value {
        try args.expect(2...4)
        let stopMessage = "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize."
        let indexMessage = "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize."
        var start = 0, stop = -1, step = 1
        if args.positionalCount == 2 {
            stop = try bound(args[1], stopMessage) ?? -1
        } else {
            start = try bound(args[1], indexMessage) ?? 0
            stop = try bound(args[2], stopMessage) ?? -1
            if args.positionalCount == 4 {
                let stepMessage = "Step for islice() must be a positive integer or None."
                step = try bound(args[3], stepMessage) ?? 1
                if step == 0 { throw PythonError(.valueError, stepMessage) }
            }
        }
        let source = try Iteration.iterator(args[0])
        return NativeTypes.iterator(islice, a: source, c: Value(smallInt: stop), d: Value(smallInt: step), i: 0, j: start)
    }

    /// None, or an int in 0...sys.maxsize; anything else is a ValueError with `message`.
    private static func bound(_ v: Value, _ message: String) throws(PythonError) -> Int? {
        if v.is(BuiltinTypes.none) { return nil }
        guard Ints.isInt(v) else { throw PythonError(.valueError, message) }
        let n = Ints.unbool(v)
        guard n.isSmallInt else {
            if try Objects.compare(n, Value(smallInt: 0), .less) { throw PythonError(.valueError, message) }
            return Int.max
        }
        guard n.smallInt >= 0 else { throw PythonError(.valueError, message) }
        return n.smallInt
    }

    // MARK: takewhile / dropwhile: `a` the predicate, `b` the source; `i` 1 once the predicate has failed

    static func takewhileType() -> Value {
        takewhile = NativeTypes.iteratorType("takewhile", new: { args throws(PythonError) in
            try args.expect(2...2)
            return NativeTypes.iterator(takewhile, a: args[0], b: try Iteration.iterator(args[1]))
        }, next: { it throws(PythonError) in
            let fields = NativeTypes.fields(it)
            if fields.pointee.i == 1 { return Value.null }
            let item = try Iteration.next(fields.pointee.b)
            if item.isNull { return Value.null }
            if try Operators.isTrue(try Calls.call(fields.pointee.a, item)) { return item }
            fields.pointee.i = 1
            return Value.null
        })
        return takewhile
    }

    static func dropwhileType() -> Value {
        dropwhile = NativeTypes.iteratorType("dropwhile", new: { args throws(PythonError) in
            try args.expect(2...2)
            return NativeTypes.iterator(dropwhile, a: args[0], b: try Iteration.iterator(args[1]))
        }, next: { it throws(PythonError) in
            let fields = NativeTypes.fields(it)
            while true {
                let item = try Iteration.next(fields.pointee.b)
                if item.isNull { return Value.null }
                if fields.pointee.i == 1 { return item }
                if !(try Operators.isTrue(try Calls.call(fields.pointee.a, item))) {
                    fields.pointee.i = 1
                    return item
                }
            }
        })
        return dropwhile
    }

    // MARK: compress(data, selectors): `a` the data, `b` the selectors

    static func compressType() -> Value {
        compress = NativeTypes.iteratorType("compress", new: { args throws(PythonError) in
            try args.expect(2...2, keywords: ["data", "selectors"])
            guard let data = args.argument(0, "data"), let selectors = args.argument(1, "selectors") else {
                throw PythonError(.typeError, "compress() missing required argument")
            }
            let dataIterator = try Iteration.iterator(data)
            return NativeTypes.iterator(compress, a: dataIterator, b: try Iteration.iterator(selectors))
        }, next: { it throws(PythonError) in
            let fields = NativeTypes.fields(it)
            while true {
                let datum = try Iteration.next(fields.pointee.a)
                if datum.isNull { return Value.null }
                let selector = try Iteration.next(fields.pointee.b)
                if selector.isNull { return Value.null }
                if try Operators.isTrue(selector) { return datum }
            }
        })
        return compress
    }

    // MARK: filterfalse(predicate, iterable): `a` the predicate or None, `b` the source

    static func filterfalseType() -> Value {
        filterfalse = NativeTypes.iteratorType("filterfalse", new: { args throws(PythonError) in
            try args.expect(2...2)
            return NativeTypes.iterator(filterfalse, a: args[0], b: try Iteration.iterator(args[1]))
        }, next: { it throws(PythonError) in
            let fields = NativeTypes.fields(it)
            while true {
                let item = try Iteration.next(fields.pointee.b)
                if item.isNull { return Value.null }
                let predicate = fields.pointee.a
                let verdict = predicate.is(BuiltinTypes.none) ? item : try Calls.call(predicate, item)
                if !(try Operators.isTrue(verdict)) { return item }
            }
        })
        return filterfalse
    }
}
