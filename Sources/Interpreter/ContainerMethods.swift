import Runtime

/// list's methods, `sorted()`'s sort among them.
enum ListMethods {
    static func install() {
        let type = BuiltinTypes.list
        func method(_ name: String, _ body: @escaping NativeBody) { Natives.method(type, name, body) }
        method("append") { args throws(PythonError) in
            try args.expect(2...2)
            List.append(args[0], args[1])
            return BuiltinTypes.none
        }
        method("extend") { args throws(PythonError) in
            try args.expect(2...2)
            if args[1].kind == .list || args[1].kind == .tuple {
                List.extend(args[0], with: args[1])
            } else {
                let list = args[0]
                try Iteration.forEach(args[1]) { item throws(PythonError) in List.append(list, item) }
            }
            return BuiltinTypes.none
        }
        method("insert") { args throws(PythonError) in
            try args.expect(3...3)
            let index = try Ints.index(args[1])
            let n = List.count(args[0])
            var i = index.isSmallInt ? index.smallInt : (Ints.sign(index) < 0 ? 0 : n)
            if i < 0 { i = max(0, i + n) }
            List.insert(args[0], at: min(i, n), args[2])
            return BuiltinTypes.none
        }
        method("pop") { args throws(PythonError) in
            try args.expect(1...2)
            guard args.positionalCount == 2 else { return try List.pop(args[0]) }
            let index = try Ints.index(args[1])
            guard index.isSmallInt else { throw PythonError(.overflowError, "Python int too large to convert to C ssize_t") }
            return try List.pop(args[0], at: index.smallInt)
        }
        method("remove") { args throws(PythonError) in
            try args.expect(2...2)
            try List.remove(args[0], args[1])
            return BuiltinTypes.none
        }
        method("index") { args throws(PythonError) in
            try args.expect(2...4)
            func bound(_ i: Int, _ fallback: Int) throws(PythonError) -> Int {
                guard let v = args.argument(i) else { return fallback }
                guard Ints.isInt(v) else {
                    throw PythonError(.typeError, "slice indices must be integers or have an __index__ method")
                }
                return try Slices.clampedIndex(v)
            }
            return Value(smallInt: try List.index(args[0], of: args[1], start: try bound(2, 0), stop: try bound(3, Int.max)))
        }
        method("count") { args throws(PythonError) in
            try args.expect(2...2)
            return Value(smallInt: try List.occurrences(args[0], of: args[1]))
        }
        method("reverse") { args throws(PythonError) in
            try args.expect(1...1)
            List.reverse(args[0])
            return BuiltinTypes.none
        }
        method("copy") { args throws(PythonError) in
            try args.expect(1...1)
            let copy = List.make(capacity: List.count(args[0]))
            List.extend(copy, with: args[0])
            return copy
        }
        method("clear") { args throws(PythonError) in
            try args.expect(1...1)
            List.clear(args[0])
            return BuiltinTypes.none
        }
        method("sort") { args throws(PythonError) in
            if args.positionalCount > 1 { throw PythonError(.typeError, "sort() takes no positional arguments") }
            try checkSortKeywords(args)
            try sort(args[0], key: args.keyword("key"), reverse: args.keyword("reverse"))
            return BuiltinTypes.none
        }
    }

    /// `list.sort(key=, reverse=)`. As in CPython, the items move out while they are sorted:
    /// the list looks empty to key functions and comparisons, and whatever they add to it is
    /// discarded, with ValueError, when the sorted items come back.
    static func sort(_ list: Value, key: Value?, reverse: Value?) throws(PythonError) {
        var descending = false
        if let reverse {
            guard Ints.isInt(reverse) else {
                throw PythonError(.typeError, "'\(TypeObjects.name(reverse.type))' object cannot be interpreted as an integer")
            }
            descending = Ints.sign(Ints.unbool(reverse)) != 0
        }
        let items = List.make(capacity: List.count(list))
        for i in 0..<List.count(list) { List.append(items, List.items(list)[i]) }
        List.clear(list)
        var failure: PythonError?
        do throws(PythonError) {
            try sortMovedItems(items, key: key, descending: descending)
        } catch {
            failure = error
        }
        let modified = List.count(list) != 0
        List.clear(list)
        for i in 0..<List.count(items) { List.append(list, List.items(items)[i]) }
        if let failure { throw failure }
        if modified { throw PythonError(.valueError, "list modified during sort") }
    }

    /// `sort()` and `sorted()` take `key` and `reverse` by keyword only.
    static func checkSortKeywords(_ args: NativeArguments) throws(PythonError) {
        for (name, _) in args.keywords where !["key", "reverse"].contains(Str.swiftString(name)) {
            throw PythonError(.typeError, "'\(Str.swiftString(name))' is an invalid keyword argument for sort()")
        }
    }

    private static func sortMovedItems(_ items: Value, key: Value?, descending: Bool) throws(PythonError) {
        let lessThan: Sorting.LessThan = { a, b throws(PythonError) in
            if a.isSmallInt && b.isSmallInt { return a.smallInt < b.smallInt }
            return try Operators.isTrue(try Operators.compare(a, b, .less))
        }
        guard let key, !key.is(BuiltinTypes.none) else {
            return try Sorting.sort(list: items, lessThan: lessThan, reverse: descending)
        }
        let keys = List.make(capacity: List.count(items))
        for i in 0..<List.count(items) { List.append(keys, try Calls.call(key, List.items(items)[i])) }
        try Sorting.sort(list: items, keys: keys, lessThan: lessThan, reverse: descending)
    }
}

/// set and frozenset methods that take any iterables.
enum SetMethods {
    /// Arguments after the receiver, with iterables that are not sets, dicts, lists or tuples
    /// made into lists first (the runtime cannot run a generator). The lists wait in the
    /// arguments' own stack slots, where the collector sees them.
    private static func others(_ args: NativeArguments) throws(PythonError) -> [Value] {
        for i in 1..<max(1, args.positionalCount) {
            switch args[i].kind {
            case .set, .frozenset, .dict, .list, .tuple, .str: break
            default: args.base[i] = try Iteration.list(args[i])
            }
        }
        return Array(UnsafeBufferPointer(start: args.base + 1, count: max(0, args.positionalCount - 1)))
    }

    static func copy(_ s: Value) throws(PythonError) -> Value { try Sets.copy(s) }

    static func algebra(_ name: String, _ args: NativeArguments) throws(PythonError) -> Value {
        let others = try others(args)
        return try Collector.withProtected(others) { () throws(PythonError) -> Value in
            switch name {
            case "union": return try Sets.union(args[0], others)
            case "intersection": return try Sets.intersection(args[0], others)
            case "difference": return try Sets.difference(args[0], others)
            default:
                try args.expect(2...2)
                return try Sets.symmetricDifference(args[0], others[0])
            }
        }
    }

    static func relation(_ name: String, _ args: NativeArguments) throws(PythonError) -> Value {
        try args.expect(2...2)
        let other = try others(args)[0]
        return try Collector.withProtected([other]) { () throws(PythonError) -> Value in
            switch name {
            case "issubset": return Value.bool(try Sets.isSubset(args[0], other))
            case "issuperset": return Value.bool(try Sets.isSuperset(args[0], other))
            default: return Value.bool(try Sets.isDisjoint(args[0], other))
            }
        }
    }

    static func update(_ name: String, _ args: NativeArguments) throws(PythonError) -> Value {
        let others = try others(args)
        try Collector.withProtected(others) { () throws(PythonError) in
            switch name {
            case "update": try Sets.update(args[0], others)
            case "intersection_update": try Sets.intersectionUpdate(args[0], others)
            case "difference_update": try Sets.differenceUpdate(args[0], others)
            default:
                try args.expect(2...2)
                try Sets.symmetricDifferenceUpdate(args[0], others[0])
            }
        }
        return BuiltinTypes.none
    }

    static func pop(_ s: Value) throws(PythonError) -> Value { try Sets.pop(s) }

    static func clear(_ s: Value) throws(PythonError) { Sets.clear(s) }
}
