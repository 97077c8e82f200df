import Runtime

/// The itertools whose results share one source: groupby with its group iterators, and tee.
enum ItertoolsSharing {
    nonisolated(unsafe) static var groupby = Value.null
    nonisolated(unsafe) static var grouper = Value.null
    nonisolated(unsafe) static var tee = Value.null
    nonisolated(unsafe) static var teeBlock = Value.null

    // MARK: groupby(iterable, key=None)
    // `a` the (source, key function) pair, `b` the key of the group handed out last, `c` the
    // current key, `d` the current value; `i` says which of those are set, `j` counts groups,
    // so that a group iterator knows when its parent has moved on.

    private static let hasKey = 1, hasValue = 2, hasTarget = 4

    static func groupbyType() -> Value {
        groupby = NativeTypes.iteratorType("groupby", new: { args throws(PythonError) in
            try args.expect(1...2, keywords: ["iterable", "key"])
            guard let iterable = args.argument(0, "iterable") else {
                throw PythonError(.typeError, "groupby() missing required argument 'iterable' (pos 1)")
            }
            let key = args.argument(1, "key") ?? BuiltinTypes.none
            let source = try Iteration.iterator(iterable)
            return NativeTypes.iterator(groupby, a: Tuple.make(source, key))
        }, next: nextGroup)
        grouper = NativeTypes.iteratorType("_grouper", next: nextInGroup)
        return groupby
    }

    /// Reads the next value and its key into the parent; false at the end of the source.
    private static func step(_ parent: Value) throws(PythonError) -> Bool {
        let fields = NativeTypes.fields(parent)
        let pair = fields.pointee.a
        let value = try Iteration.next(Tuple.items(pair)[0])
        if value.isNull { return false }
        let keyFunction = Tuple.items(pair)[1]
        let key = keyFunction.is(BuiltinTypes.none) ? value : try Calls.call(keyFunction, value)
        fields.pointee.c = key
        fields.pointee.d = value
        fields.pointee.i |= hasKey | hasValue
        return true
    }

    private static func nextGroup(_ parent: Value) throws(PythonError) -> Value {
        let fields = NativeTypes.fields(parent)
        fields.pointee.j += 1
        // Skip what is left of the group handed out last.
        while true {
            let flags = fields.pointee.i
            if flags & hasKey != 0 {
                if flags & hasTarget == 0 { break }
                if !(try Objects.equal(fields.pointee.b, fields.pointee.c)) { break }
            }
            if !(try step(parent)) { return Value.null }
        }
        fields.pointee.b = fields.pointee.c
        fields.pointee.i |= hasTarget
        let group = NativeTypes.iterator(grouper, a: parent, b: fields.pointee.c, i: fields.pointee.j)
        return Tuple.make(fields.pointee.c, group)
    }

    /// A group's next item: `a` the parent, `b` the group's key, `i` its number.
    private static func nextInGroup(_ group: Value) throws(PythonError) -> Value {
        let parent = NativeTypes.fields(group).pointee.a
        let fields = NativeTypes.fields(parent)
        guard fields.pointee.j == NativeTypes.fields(group).pointee.i else { return Value.null }
        if fields.pointee.i & hasValue == 0 {
            if !(try step(parent)) { return Value.null }
        }
        if !(try Objects.equal(NativeTypes.fields(group).pointee.b, fields.pointee.c)) { return Value.null }
        fields.pointee.i &= ~hasValue
        return fields.pointee.d
    }

    // MARK: tee(iterable, n=2)
    // The items read from the source go into a chain of blocks of `blockSize`; each tee
    // iterator walks the chain at its own pace, so blocks every copy has passed are garbage.
    // A block: `a` its items (a list), `b` the next block or None, `c` the source.
    // A tee iterator: `a` its block, `i` its index in that block.

    private static let blockSize = 57

    static func tee(_ args: NativeArguments) throws(PythonError) -> Value {
        try args.expect(1...2)
        let n = args.positionalCount == 2 ? try NativeTypes.index(args[1], "n must be >= 0") : 2
        makeTypesOnce()
        let source = try Iteration.iterator(args[0])
        let first = source.type.is(tee)
            ? source : NativeTypes.iterator(tee, a: NativeTypes.object(teeBlock, a: List.make(), c: source))
        let result = Tuple.allocate(count: n)
        for k in 0..<n { Tuple.items(result)[k] = BuiltinTypes.none }
        // The first result is the iterator itself, as in CPython: tee of a tee shares it.
        for k in 0..<n { Tuple.items(result)[k] = k == 0 ? first : copy(first) }
        return result
    }

    private static func makeTypesOnce() {
        guard tee.isNull else { return }
        tee = NativeTypes.iteratorType("_tee", next: nextTee)
        teeBlock = NativeTypes.make("_tee_dataobject")
        Natives.method(tee, "__copy__") { args throws(PythonError) in copy(args[0]) }
    }

    private static func copy(_ it: Value) -> Value {
        let fields = NativeTypes.fields(it)
        return NativeTypes.iterator(tee, a: fields.pointee.a, i: fields.pointee.i)
    }

    private static func nextTee(_ it: Value) throws(PythonError) -> Value {
        let fields = NativeTypes.fields(it)
        while true {
            let block = NativeTypes.fields(fields.pointee.a)
            let items = block.pointee.a
            let index = fields.pointee.i
            if index < List.count(items) {
                fields.pointee.i = index + 1
                return List.items(items)[index]
            }
            if index < blockSize {
                let item = try Iteration.next(block.pointee.c)
                if item.isNull { return Value.null }
                List.append(items, item)
                continue
            }
            if block.pointee.b.is(BuiltinTypes.none) {
                block.pointee.b = NativeTypes.object(teeBlock, a: List.make(), c: block.pointee.c)
            }
            fields.pointee.a = block.pointee.b
            fields.pointee.i = 0
        }
    }
}
