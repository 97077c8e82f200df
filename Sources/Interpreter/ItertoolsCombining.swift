import Runtime

/// The itertools that combine iterables or items: chain, zip_longest, starmap, accumulate,
/// pairwise.
enum ItertoolsCombining {
    nonisolated(unsafe) static var chain = Value.null
    nonisolated(unsafe) static var zipLongest = Value.null
    nonisolated(unsafe) static var starmap = Value.null
    nonisolated(unsafe) static var accumulate = Value.null
    nonisolated(unsafe) static var pairwise = Value.null

    // MARK: chain(*iterables): `a` an iterator over the iterables, `b` the current one or None

    static func chainType() -> Value {
        chain = NativeTypes.iteratorType("chain", new: { args throws(PythonError) in
            try args.expect(0...Int.max)
            let iterables = NativeTypes.positionalTuple(args)
            return NativeTypes.iterator(chain, a: try Iteration.iterator(iterables))
        }, next: { it throws(PythonError) in
            let fields = NativeTypes.fields(it)
            while true {
                if fields.pointee.b.is(BuiltinTypes.none) {
                    let iterable = try Iteration.next(fields.pointee.a)
                    if iterable.isNull { return Value.null }
                    fields.pointee.b = try Iteration.iterator(iterable)
                }
                let item = try Iteration.next(fields.pointee.b)
                if !item.isNull { return item }
                fields.pointee.b = BuiltinTypes.none
            }
        })
        // Read through the class, so a plain builtin serves as the classmethod.
        try? Dict.set(chain.fields(TypeObject.self).pointee.dict, Interned.str("from_iterable"),
                      Natives.make("from_iterable") { args throws(PythonError) in
            try args.expect(1...1)
            return NativeTypes.iterator(chain, a: try Iteration.iterator(args[0]))
        })
        return chain
    }

    // MARK: zip_longest(*iterables, fillvalue=None): `a` a tuple of iterators (None once
    // exhausted), `b` the fill value; `i` how many are still going

    static func zipLongestType() -> Value {
        zipLongest = NativeTypes.iteratorType("zip_longest", new: { args throws(PythonError) in
            try args.expect(0...Int.max, keywords: ["fillvalue"])
            let iterators = Tuple.allocate(count: args.positionalCount)
            for k in 0..<args.positionalCount { Tuple.items(iterators)[k] = try Iteration.iterator(args[k]) }
            let fill = args.keyword("fillvalue") ?? BuiltinTypes.none
            return NativeTypes.iterator(zipLongest, a: iterators, b: fill, i: args.positionalCount)
        }, next: { it throws(PythonError) in
            let fields = NativeTypes.fields(it)
            let iterators = fields.pointee.a
            let n = Tuple.count(iterators)
            guard fields.pointee.i > 0 else { return Value.null }
            let result = Tuple.allocate(count: n)
            for k in 0..<n { Tuple.items(result)[k] = BuiltinTypes.none }
            for k in 0..<n {
                var item = fields.pointee.b
                let source = Tuple.items(iterators)[k]
                if !source.is(BuiltinTypes.none) {
                    let next = try Iteration.next(source)
                    if next.isNull {
                        Tuple.items(iterators)[k] = BuiltinTypes.none
                        fields.pointee.i -= 1
                        if fields.pointee.i == 0 { return Value.null }
                    } else {
                        item = next
                    }
                }
                Tuple.items(result)[k] = item
            }
            return result
        })
        return zipLongest
    }

    // MARK: starmap(function, iterable): `a` the function, `b` the source of argument tuples

    static func starmapType() -> Value {
        starmap = NativeTypes.iteratorType("starmap", new: { args throws(PythonError) in
            try args.expect(2...2)
            return NativeTypes.iterator(starmap, a: args[0], b: try Iteration.iterator(args[1]))
        }, next: { it throws(PythonError) in
            let fields = NativeTypes.fields(it)
            var arguments = try Iteration.next(fields.pointee.b)
            if arguments.isNull { return Value.null }
            if arguments.kind != .tuple {
                arguments = Tuple.make(listItems(try Iteration.list(arguments)))
            }
            return try Calls.callExtended(fields.pointee.a, arguments, Value.null, stackTop: VM.stackTop)
        })
        return starmap
    }

    /// The items of a list, for `Tuple.make`; the caller keeps the list alive meanwhile.
    static func listItems(_ list: Value) -> [Value] {
        Array(UnsafeBufferPointer(start: List.items(list), count: List.count(list)))
    }

    // MARK: accumulate(iterable, func=None, *, initial=None): `a` the source, `b` the running
    // total, `c` the function or None; `i` 0 before the first total, 1 after, 2 when
    // the initial value is still to come

    static func accumulateType() -> Value {
        accumulate = NativeTypes.iteratorType("accumulate", new: { args throws(PythonError) in
            try args.expect(1...2, keywords: ["iterable", "func", "initial"])
            guard let iterable = args.argument(0, "iterable") else {
                throw PythonError(.typeError, "accumulate() missing required argument 'iterable' (pos 1)")
            }
            let function = args.argument(1, "func") ?? BuiltinTypes.none
            let initial = args.keyword("initial") ?? BuiltinTypes.none
            let source = try Iteration.iterator(iterable)
            let pending = initial.is(BuiltinTypes.none) ? 0 : 2
            return NativeTypes.iterator(accumulate, a: source, b: initial, c: function, i: pending)
        }, next: { it throws(PythonError) in
            let fields = NativeTypes.fields(it)
            if fields.pointee.i == 2 {
                fields.pointee.i = 1
                return fields.pointee.b
            }
            let item = try Iteration.next(fields.pointee.a)
            if item.isNull { return Value.null }
            if fields.pointee.i == 0 {
                fields.pointee.i = 1
                fields.pointee.b = item
                return item
            }
            let function = fields.pointee.c
            let total = function.is(BuiltinTypes.none)
                ? try Operators.binary(.add, fields.pointee.b, item) : try Calls.call(function, fields.pointee.b, item)
            fields.pointee.b = total
            return total
        })
        return accumulate
    }

    // MARK: pairwise(iterable): `a` the source, `b` the previous item; `i` 1 once there is one

    static func pairwiseType() -> Value {
        pairwise = NativeTypes.iteratorType("pairwise", new: { args throws(PythonError) in
            try args.expect(1...1)
            return NativeTypes.iterator(pairwise, a: try Iteration.iterator(args[0]))
        }, next: { it throws(PythonError) in
            let fields = NativeTypes.fields(it)
            if fields.pointee.i == 0 {
                let first = try Iteration.next(fields.pointee.a)
                if first.isNull { return Value.null }
                fields.pointee.b = first
                fields.pointee.i = 1
            }
            let item = try Iteration.next(fields.pointee.a)
            if item.isNull { return Value.null }
            let pair = Tuple.make(fields.pointee.b, item)
            fields.pointee.b = item
            return pair
        })
        return pairwise
    }
}
