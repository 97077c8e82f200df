import Runtime

/// enumerate, zip, map, filter, reversed and `iter(callable, sentinel)`: their `next`.
/// Fields: enumerate `a` iterator, `b` count; zip `a` tuple of iterators, `i` strict;
/// map `a` function, `b` tuple of iterators; filter `a` predicate or None, `b` iterator;
/// reversed `a` sequence, `i` next index; callable iterator `a` callable, `b` sentinel.
enum BuiltinIterators {
    static func next(_ it: Value, _ tag: InterpreterKind) throws(PythonError) -> Value {
        let fields = InterpreterObjects.fields(it)
        switch tag {
        case .enumerate:
            let item = try Iteration.next(fields.pointee.a)
            if item.isNull { return Value.null }
            let count = fields.pointee.b
            fields.pointee.b = try Arithmetic.add(count, Value(smallInt: 1))
            return Tuple.make(count, item)
        case .zip:
            let iterators = fields.pointee.a
            let n = Tuple.count(iterators)
            if n == 0 { return Value.null }
            let result = Tuple.allocate(count: n)
            for i in 0..<n {
                let item = try Iteration.next(Tuple.items(iterators)[i])
                if item.isNull {
                    if fields.pointee.i != 0 { try checkStrictZipEnd(iterators, exhausted: i) }
                    return Value.null
                }
                Tuple.items(result)[i] = item
            }
            return result
        case .map:
            let iterators = fields.pointee.b
            let n = Tuple.count(iterators)
            let arguments = Tuple.allocate(count: n)
            for i in 0..<n {
                let item = try Iteration.next(Tuple.items(iterators)[i])
                if item.isNull { return Value.null }
                Tuple.items(arguments)[i] = item
            }
            return try Calls.callExtended(fields.pointee.a, arguments, Value.null, stackTop: VM.stackTop)
        case .filter:
            while true {
                let item = try Iteration.next(fields.pointee.b)
                if item.isNull { return Value.null }
                let predicate = fields.pointee.a
                let keep = predicate.is(BuiltinTypes.none) ? item : try Calls.call(predicate, item)
                if try Operators.isTrue(keep) { return item }
            }
        case .reversedIterator:
            let i = fields.pointee.i
            let sequence = fields.pointee.a
            guard i >= 0 else { return Value.null }
            fields.pointee.i = i - 1
            switch sequence.kind {
            case .list:
                guard i < List.count(sequence) else {
                    fields.pointee.i = -1
                    return Value.null
                }
                return List.items(sequence)[i]
            default:
                return try Operators.getItem(sequence, Value(smallInt: i))
            }
        case .callableIterator:
            let item = try Calls.call(fields.pointee.a)
            if try Objects.equal(item, fields.pointee.b) { return Value.null }
            return item
        case .nativeIterator: return try NativeTypes.next(it)
        default:
            throw PythonError(.typeError, "'\(TypeObjects.name(it.type))' object is not an iterator")
        }
    }

    static func enumerate(_ args: NativeArguments) throws(PythonError) -> Value {
        try args.expect(0...2, keywords: ["iterable", "start"])
        guard let iterable = args.argument(0, "iterable") else {
            throw PythonError(.typeError, "enumerate() missing required argument 'iterable'")
        }
        // CPython counts from `operator.index(start)`: `enumerate(x, True)` counts from 1.
        let start = try args.argument(1, "start").map { v throws(PythonError) in try Ints.index(v) } ?? Value(smallInt: 0)
        return InterpreterObjects.make(.enumerate, type: InterpreterTypes.enumerate, a: try Iteration.iterator(iterable), b: start)
    }

    /// `zip(strict=True)`: when iterator `exhausted` ends, the others must end there too.
    private static func checkStrictZipEnd(_ iterators: Value, exhausted: Int) throws(PythonError) {
        func earlier(_ k: Int) -> String { k == 1 ? "argument 1" : "arguments 1-\(k)" }
        if exhausted > 0 {
            throw PythonError(.valueError, "zip() argument \(exhausted + 1) is shorter than \(earlier(exhausted))")
        }
        for k in 1..<Tuple.count(iterators) where try !Iteration.next(Tuple.items(iterators)[k]).isNull {
            throw PythonError(.valueError, "zip() argument \(k + 1) is longer than \(earlier(k))")
        }
    }

    static func zip(_ args: NativeArguments) throws(PythonError) -> Value {
        try args.expect(0...Int.max, keywords: ["strict"])
        let iterators = Tuple.allocate(count: args.positionalCount)
        for i in 0..<args.positionalCount { Tuple.items(iterators)[i] = try Iteration.iterator(args[i]) }
        let strict = try args.keyword("strict").map { v throws(PythonError) in try Operators.isTrue(v) } ?? false
        return InterpreterObjects.make(.zip, type: InterpreterTypes.zip, a: iterators, i: strict ? 1 : 0)
    }

    static func map(_ args: NativeArguments) throws(PythonError) -> Value {
        guard args.positionalCount >= 2 else { throw PythonError(.typeError, "map() must have at least two arguments.") }
        let iterators = Tuple.allocate(count: args.positionalCount - 1)
        for i in 1..<args.positionalCount { Tuple.items(iterators)[i - 1] = try Iteration.iterator(args[i]) }
        return InterpreterObjects.make(.map, type: InterpreterTypes.map, a: args[0], b: iterators)
    }

    static func filter(_ args: NativeArguments) throws(PythonError) -> Value {
        try args.expect(2...2)
        return InterpreterObjects.make(.filter, type: InterpreterTypes.filter, a: args[0], b: try Iteration.iterator(args[1]))
    }

    static func reversed(_ args: NativeArguments) throws(PythonError) -> Value {
        try args.expect(1...1)
        let sequence = args[0]
        if let method = try Attributes.userSpecial(sequence, interned: SpecialNames.reversed) { return try Calls.call(method, sequence) }
        switch sequence.kind {
        case .range:
            return try Iteration.iterator(Ranges.reversed(sequence))
        case .list, .tuple, .str:
            let n = try Operators.length(sequence)
            let type = sequence.kind == .list ? InterpreterTypes.listReverseIterator : InterpreterTypes.reversed
            return InterpreterObjects.make(.reversedIterator, type: type, a: sequence, i: n - 1)
        case .dict, .dictView:
            let items = try Iteration.list(sequence)
            let which = sequence.kind == .dict ? DictViews.Which.keys : DictViews.which(sequence)
            return InterpreterObjects.make(
                .reversedIterator, type: InterpreterTypes.dictReverseIterators[Int(which.rawValue)], a: items, i: List.count(items) - 1)
        default:
            // A sequence by `__getitem__` must also have a length.
            if try Attributes.userSpecial(sequence, interned: SpecialNames.getitem) != nil {
                let n = try Operators.length(sequence)
                return InterpreterObjects.make(.reversedIterator, type: InterpreterTypes.reversed, a: sequence, i: n - 1)
            }
            throw PythonError(.typeError, "'\(TypeObjects.name(sequence.type))' object is not reversible")
        }
    }
}

extension Iteration {
    /// Calls `body` with each item until it returns true.
    static func forEachUntil(_ iterable: Value, _ body: (Value) throws(PythonError) -> Bool) throws(PythonError) {
        let it = try iterator(iterable)
        while true {
            let item = try next(it)
            if item.isNull { return }
            if try body(item) { return }
        }
    }
}
