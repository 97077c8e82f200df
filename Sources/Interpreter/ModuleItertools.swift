import Runtime

/// The `itertools` module: its types are made when it is first imported. This file holds the
/// module table and the infinite iterators (count, cycle, repeat); the others live in the
/// `Itertools*.swift` files beside it.
enum Itertools {
    static func module() throws(PythonError) -> Value {
        let types: [(String, () -> Value)] = [
            ("count", makeCountType), ("cycle", makeCycleType), ("repeat", makeRepeatType),
            ("islice", ItertoolsFilters.isliceType), ("takewhile", ItertoolsFilters.takewhileType),
            ("dropwhile", ItertoolsFilters.dropwhileType), ("compress", ItertoolsFilters.compressType),
            ("filterfalse", ItertoolsFilters.filterfalseType),
            ("chain", ItertoolsCombining.chainType), ("zip_longest", ItertoolsCombining.zipLongestType),
            ("starmap", ItertoolsCombining.starmapType), ("accumulate", ItertoolsCombining.accumulateType),
            ("pairwise", ItertoolsCombining.pairwiseType),
            ("product", ItertoolsCombinatorics.productType), ("permutations", ItertoolsCombinatorics.permutationsType),
            ("combinations", ItertoolsCombinatorics.combinationsType),
            ("combinations_with_replacement", ItertoolsCombinatorics.combinationsWithReplacementType),
            ("groupby", ItertoolsSharing.groupbyType),
        ]
        return Modules.native("itertools", [("tee", ItertoolsSharing.tee)], constants: NativeTypes.inModule("itertools", types))
    }

    // MARK: count(start=0, step=1): `a` the next value, `b` the step

    private static func makeCountType() -> Value {
        let type = NativeTypes.iteratorType("count", new: { args throws(PythonError) in
            try args.expect(0...2, keywords: ["start", "step"])
            let start = args.argument(0, "start") ?? Value(smallInt: 0)
            let step = args.argument(1, "step") ?? Value(smallInt: 1)
            for v in [start, step] where !isNumber(v) { throw PythonError(.typeError, "a number is required") }
            return NativeTypes.iterator(countType, a: start, b: step)
        }, next: { it throws(PythonError) in
            let fields = NativeTypes.fields(it)
            let value = fields.pointee.a
            fields.pointee.a = try Operators.binary(.add, value, fields.pointee.b)
            return value
        })
        countType = type
        NativeTypes.setRepr(type) { it throws(PythonError) in
            let fields = NativeTypes.fields(it)
            let step = fields.pointee.b
            // A step of exactly int 1 is left out, as CPython does.
            let isUnitStep = step.isSmallInt && step.smallInt == 1
            let start = try Objects.repr(fields.pointee.a)
            return isUnitStep ? "count(\(start))" : "count(\(start), \(try Objects.repr(step)))"
        }
        return type
    }

    nonisolated(unsafe) static var countType = Value.null

    static func isNumber(_ v: Value) -> Bool {
        v.isSmallInt || [.int, .bool, .float].contains(v.kind) || ObjectHooks.isUserObject(v)
    }

    // MARK: cycle(iterable): `a` the source, `b` the items seen; `i` 1 once replaying, `j` the replay index

    private static func makeCycleType() -> Value {
        let type = NativeTypes.iteratorType("cycle", new: { args throws(PythonError) in
            try args.expect(1...1)
            return NativeTypes.iterator(cycleType, a: try Iteration.iterator(args[0]), b: List.make())
        }, next: { it throws(PythonError) in
            let fields = NativeTypes.fields(it)
            if fields.pointee.i == 0 {
                let item = try Iteration.next(fields.pointee.a)
                if !item.isNull {
                    List.append(fields.pointee.b, item)
                    return item
                }
                fields.pointee.i = 1
                fields.pointee.a = BuiltinTypes.none
            }
            let saved = fields.pointee.b
            guard List.count(saved) > 0 else { return Value.null }
            let index = fields.pointee.j
            fields.pointee.j = (index + 1) % List.count(saved)
            return List.items(saved)[index]
        })
        cycleType = type
        return type
    }

    nonisolated(unsafe) static var cycleType = Value.null

    // MARK: repeat(object, times): `a` the object; `i` how many remain, `j` 1 when endless

    private static func makeRepeatType() -> Value {
        let type = NativeTypes.iteratorType("repeat", new: { args throws(PythonError) in
            try args.expect(1...2, keywords: ["object", "times"])
            guard let object = args.argument(0, "object") else {
                throw PythonError(.typeError, "repeat() missing required argument 'object' (pos 1)")
            }
            guard let times = args.argument(1, "times") else { return NativeTypes.iterator(repeatType, a: object, j: 1) }
            guard Ints.isInt(times) else {
                throw PythonError(.typeError, "'\(TypeObjects.name(times.type))' object cannot be interpreted as an integer")
            }
            let count = Ints.unbool(times)
            let remaining = count.isSmallInt ? max(0, count.smallInt) : Int.max
            return NativeTypes.iterator(repeatType, a: object, i: remaining)
        }, next: { it throws(PythonError) in
            let fields = NativeTypes.fields(it)
            if fields.pointee.j == 1 { return fields.pointee.a }
            guard fields.pointee.i > 0 else { return Value.null }
            fields.pointee.i -= 1
            return fields.pointee.a
        })
        repeatType = type
        NativeTypes.setRepr(type) { it throws(PythonError) in
            let fields = NativeTypes.fields(it)
            let object = try Objects.repr(fields.pointee.a)
            return fields.pointee.j == 1 ? "repeat(\(object))" : "repeat(\(object), \(fields.pointee.i))"
        }
        return type
    }

    nonisolated(unsafe) static var repeatType = Value.null
}
