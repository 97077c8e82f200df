import Compiler
import Runtime

/// `collections.deque`, native: a ring buffer in the GC heap, O(1) at both ends, with CPython
/// 3.11's behaviour and messages (Modules/_collectionsmodule.c).
///
/// A deque is a native object (`NativeTypes.object`'s layout): `a` its items, a `.valueStorage`
/// whose capacity is a power of two; `b` maxlen, None or an int; `d` its state, a small int
/// bumped whenever items move, as CPython's `state` (iterators and searches compare it to
/// report "deque mutated during iteration"); `i` the storage index of the first item; `j` the
/// count. Slots outside the live range hold 0, so the storage never keeps a removed item alive.
/// An instance of a subclass has one more word, its attribute dict (flag `attributeDict`).
///
/// An iterator: `a` the deque, `c` the deque's state when it was made, `i` the position of the
/// next item (counted from the left, for both directions), `j` the items left.
enum Deques {
    nonisolated(unsafe) static var type = Value.null
    nonisolated(unsafe) static var iteratorType = Value.null
    nonisolated(unsafe) static var reverseIteratorType = Value.null
    /// The special methods that the interpreter's subscript operators recognise, so that
    /// `d[k]` gets the operator's messages rather than the method wrapper's. Permanent roots.
    nonisolated(unsafe) static var getItemMethod = Value.null
    nonisolated(unsafe) static var setItemMethod = Value.null
    nonisolated(unsafe) static var deleteItemMethod = Value.null

    static let minimumCapacity = 8

    // MARK: The ring

    @inline(__always)
    static func fields(_ d: Value) -> UnsafeMutablePointer<InterpreterObject> {
        d.address.assumingMemoryBound(to: InterpreterObject.self)
    }

    /// Whether `v` is a deque, of this type or a subclass.
    @inline(__always)
    static func isDeque(_ v: Value) -> Bool {
        guard v.isObject, !v.isNull else { return false }
        let t = v.header.pointee.type
        return t.is(type) || (v.header.pointee.kind == .foreign && !type.isNull && TypeObjects.isSubtype(t, of: type))
    }

    @inline(__always)
    static func isExactDeque(_ v: Value) -> Bool {
        v.isObject && !v.isNull && v.header.pointee.type.is(type)
    }

    @inline(__always)
    static func count(_ d: Value) -> Int { fields(d).pointee.j }

    /// maxlen, or -1 for an unbounded deque (or one bounded beyond the small ints).
    @inline(__always)
    static func maxlen(_ d: Value) -> Int {
        let m = fields(d).pointee.b
        return m.isSmallInt ? m.smallInt : -1
    }

    @inline(__always)
    static func state(_ d: Value) -> Int { fields(d).pointee.d.smallInt }

    @inline(__always)
    static func bumpState(_ f: UnsafeMutablePointer<InterpreterObject>) {
        f.pointee.d = Value(smallInt: (f.pointee.d.smallInt &+ 1) & 0x0fff_ffff_ffff_ffff)
    }

    /// Where item `k` (0 is the leftmost) lives.
    @inline(__always)
    static func slot(_ f: UnsafeMutablePointer<InterpreterObject>, _ k: Int) -> UnsafeMutablePointer<Value> {
        let storage = f.pointee.a
        return Storage.values(storage) + ((f.pointee.i &+ k) & (Storage.capacity(storage) &- 1))
    }

    @inline(__always)
    static func item(_ d: Value, _ k: Int) -> Value { slot(fields(d), k).pointee }

    /// A new empty deque of `type` (a subclass gets an attribute dict).
    static func make(type: Value, maxlen: Value = BuiltinTypes.none) -> Value {
        let storage = Storage.allocateValues(capacity: minimumCapacity)
        let size = MemoryLayout<InterpreterObject>.size
        let exact = type.is(Deques.type)
        let raw = Heap.allocate(.foreign, type: type, size: exact ? size : size + MemoryLayout<Value>.size)
        let header = raw.assumingMemoryBound(to: ObjectHeader.self)
        header.pointee.aux = NativeTypes.objectTracer
        if !exact {
            header.pointee.flags.insert(.attributeDict)
            (raw + size).assumingMemoryBound(to: Value.self).pointee = BuiltinTypes.none
        }
        let f = raw.assumingMemoryBound(to: InterpreterObject.self)
        f.pointee.tag = .nativeIterator
        f.pointee.a = storage
        f.pointee.b = maxlen
        f.pointee.c = BuiltinTypes.none
        f.pointee.d = Value(smallInt: 0)
        f.pointee.i = 0
        f.pointee.j = 0
        return Value(object: raw)
    }

    /// Moves the items into a storage of `capacity` (a power of two that holds them all).
    static func resize(_ d: Value, capacity: Int) {
        let storage = Storage.allocateValues(capacity: capacity)
        let f = fields(d)
        let n = f.pointee.j
        let items = Storage.values(storage)
        for k in 0..<n { items[k] = slot(f, k).pointee }
        f.pointee.a = storage
        f.pointee.i = 0
    }

    @inline(__always)
    static func pushRight(_ d: Value, _ x: Value) {
        let f = fields(d)
        if _slowPath(f.pointee.j == Storage.capacity(f.pointee.a)) { resize(d, capacity: f.pointee.j * 2) }
        slot(f, f.pointee.j).pointee = x
        f.pointee.j &+= 1
    }

    @inline(__always)
    static func pushLeft(_ d: Value, _ x: Value) {
        let f = fields(d)
        if _slowPath(f.pointee.j == Storage.capacity(f.pointee.a)) { resize(d, capacity: f.pointee.j * 2) }
        f.pointee.i = (f.pointee.i &- 1) & (Storage.capacity(f.pointee.a) &- 1)
        Storage.values(f.pointee.a)[f.pointee.i] = x
        f.pointee.j &+= 1
    }

    /// Removes the leftmost item; the deque must not be empty. Does not shrink the storage.
    @inline(__always)
    static func takeLeft(_ f: UnsafeMutablePointer<InterpreterObject>) -> Value {
        let place = slot(f, 0)
        let x = place.pointee
        place.pointee = Value(smallInt: 0)
        f.pointee.i = (f.pointee.i &+ 1) & (Storage.capacity(f.pointee.a) &- 1)
        f.pointee.j &-= 1
        return x
    }

    @inline(__always)
    static func takeRight(_ f: UnsafeMutablePointer<InterpreterObject>) -> Value {
        let place = slot(f, f.pointee.j &- 1)
        let x = place.pointee
        place.pointee = Value(smallInt: 0)
        f.pointee.j &-= 1
        return x
    }

    /// Halves a storage that has become mostly empty, so a drained deque gives its memory back.
    @inline(__always)
    static func shrinkIfSparse(_ d: Value) {
        let f = fields(d)
        let capacity = Storage.capacity(f.pointee.a)
        if _slowPath(capacity > 64 && f.pointee.j < capacity >> 3) { resize(d, capacity: capacity >> 1) }
    }

    // MARK: Operations

    /// `append`: a full bounded deque drops its leftmost item.
    @inline(__always)
    static func append(_ d: Value, _ x: Value) {
        pushRight(d, x)
        let f = fields(d)
        let m = f.pointee.b
        if _slowPath(m.isSmallInt && f.pointee.j > m.smallInt) { _ = takeLeft(f) }
        bumpState(f)
    }

    @inline(__always)
    static func appendLeft(_ d: Value, _ x: Value) {
        pushLeft(d, x)
        let f = fields(d)
        let m = f.pointee.b
        if _slowPath(m.isSmallInt && f.pointee.j > m.smallInt) { _ = takeRight(f) }
        bumpState(f)
    }

    @inline(__always)
    static func popLeft(_ d: Value) throws(PythonError) -> Value {
        let f = fields(d)
        guard f.pointee.j > 0 else { throw PythonError(.indexError, "pop from an empty deque") }
        let x = takeLeft(f)
        bumpState(f)
        shrinkIfSparse(d)
        return x
    }

    @inline(__always)
    static func popRight(_ d: Value) throws(PythonError) -> Value {
        let f = fields(d)
        guard f.pointee.j > 0 else { throw PythonError(.indexError, "pop from an empty deque") }
        let x = takeRight(f)
        bumpState(f)
        shrinkIfSparse(d)
        return x
    }

    static func clear(_ d: Value) {
        let f = fields(d)
        guard f.pointee.j > 0 else { return }
        f.pointee.a = Storage.allocateValues(capacity: minimumCapacity)
        f.pointee.i = 0
        f.pointee.j = 0
        bumpState(f)
    }

    /// Rotates `n` steps to the right (left when negative), by the shorter way round.
    static func rotate(_ d: Value, _ n: Int) {
        let f = fields(d)
        let count = f.pointee.j
        guard count > 1 else { return }
        let half = count >> 1
        var n = n
        if n > half || n < -half {
            n %= count
            if n > half { n -= count } else if n < -half { n += count }
        }
        bumpState(f)
        if count == Storage.capacity(f.pointee.a) {
            // A full ring rotates by moving its start.
            f.pointee.i = (f.pointee.i &- n) & (count &- 1)
            return
        }
        while n > 0 {
            let x = takeRight(f)
            let mask = Storage.capacity(f.pointee.a) &- 1
            f.pointee.i = (f.pointee.i &- 1) & mask
            Storage.values(f.pointee.a)[f.pointee.i] = x
            f.pointee.j &+= 1
            n -= 1
        }
        while n < 0 {
            let x = takeLeft(f)
            slot(f, f.pointee.j).pointee = x
            f.pointee.j &+= 1
            n += 1
        }
    }

    static func reverse(_ d: Value) {
        let f = fields(d)
        var left = 0, right = f.pointee.j - 1
        while left < right {
            let a = slot(f, left), b = slot(f, right)
            let x = a.pointee
            a.pointee = b.pointee
            b.pointee = x
            left += 1
            right -= 1
        }
    }

    /// The items in a new list: what `PySequence_List(deque)` gives for a plain deque.
    static func snapshot(_ d: Value) -> Value {
        let n = count(d)
        let list = List.make(capacity: n)
        for k in 0..<n { List.append(list, item(d, k)) }
        return list
    }

    /// `list(d)`, through `__iter__` when a subclass may have replaced it.
    static func toList(_ d: Value) throws(PythonError) -> Value {
        isExactDeque(d) ? snapshot(d) : try Iteration.list(d)
    }

    /// `extend` and `extendleft`.
    static func extend(_ d: Value, _ iterable: Value, left: Bool) throws(PythonError) {
        if iterable.is(d) { return try extend(d, try toList(d), left: left) }
        let maxlen = fields(d).pointee.b
        func add(_ x: Value) {
            if left { pushLeft(d, x) } else { pushRight(d, x) }
            // maxlen as the extension started: CPython reads it once.
            let f = fields(d)
            if maxlen.isSmallInt && f.pointee.j > maxlen.smallInt {
                _ = left ? takeRight(f) : takeLeft(f)
            }
            bumpState(f)
        }
        let holdsNothing = maxlen.isSmallInt && maxlen.smallInt == 0
        // Nothing runs Python code while the items of a plain list, tuple or deque are added
        // (a subclass may iterate otherwise).
        let isList = iterable.isObject && iterable.header.pointee.type.is(BuiltinTypes.list)
        if !holdsNothing && (isList || (iterable.isObject && iterable.header.pointee.type.is(BuiltinTypes.tuple))) {
            let n = isList ? List.count(iterable) : Tuple.count(iterable)
            let items = isList ? List.items(iterable) : Tuple.items(iterable)
            for k in 0..<n { add(items[k]) }
            return
        }
        if !holdsNothing && isExactDeque(iterable) {
            for k in 0..<count(iterable) { add(item(iterable, k)) }
            return
        }
        let it = try Iteration.iterator(iterable)
        if holdsNothing {
            // A deque that holds nothing still consumes the iterator.
            while !(try Iteration.next(it)).isNull {}
            return
        }
        while true {
            let x = try Iteration.next(it)
            if x.isNull { return }
            add(x)
        }
    }

    /// `copy()`: a subclass is copied by calling its class, as CPython does.
    static func copy(_ d: Value) throws(PythonError) -> Value {
        let maxlen = fields(d).pointee.b
        if isExactDeque(d) {
            let result = make(type: type, maxlen: maxlen)
            try extend(result, d, left: false)
            return result
        }
        let result = maxlen.is(BuiltinTypes.none) ? try Calls.call(d.type, d) : try Calls.call(d.type, d, maxlen)
        guard isDeque(result) else {
            throw PythonError(.typeError, "\(TypeObjects.name(d.type))() must return a deque, not \(TypeObjects.name(result.type))")
        }
        return result
    }

    /// `d *= n`, and the second half of `d * n`.
    static func repeatInPlace(_ d: Value, _ times: Int) throws(PythonError) -> Value {
        let size = count(d)
        var n = times
        if size == 0 || n == 1 { return d }
        if n <= 0 {
            clear(d)
            return d
        }
        let maxlen = Self.maxlen(d)
        if size == 1 {
            if maxlen >= 0 && n > maxlen { n = maxlen }
            let x = item(d, 0)
            bumpState(fields(d))
            for _ in 0..<(n - 1) { pushRight(d, x) }
            return d
        }
        if size > Int.max / n { throw PythonError(exception: Exceptions.make(BuiltinException.memoryError.type, arguments: [])) }
        let items = snapshot(d)
        if maxlen >= 0 && n * size > maxlen { n = (maxlen + size - 1) / size }
        for _ in 0..<(n - 1) { try extend(d, items, left: false) }
        return d
    }

    /// `del d[k]` for a valid position, as CPython: rotate it to the left end and pop it.
    static func delete(_ d: Value, at k: Int) {
        rotate(d, -k)
        let f = fields(d)
        _ = takeLeft(f)
        bumpState(f)
        rotate(d, k)
        shrinkIfSparse(d)
    }

    static func insert(_ d: Value, at index: Int, _ x: Value) throws(PythonError) {
        let n = count(d)
        if maxlen(d) == n { throw PythonError(.indexError, "deque already at its maximum size") }
        if index >= n { return append(d, x) }
        if index <= -n || index == 0 { return appendLeft(d, x) }
        rotate(d, -index)
        if index < 0 { append(d, x) } else { appendLeft(d, x) }
        rotate(d, index)
    }

    /// The first position in `start..<stop` whose item equals `x`, with CPython's checks.
    static func find(_ d: Value, _ x: Value, start: Int, stop: Int) throws(PythonError) -> Int? {
        let startState = state(d)
        var k = start
        while k < stop && k < count(d) {
            let candidate = item(d, k)
            if try Objects.equal(candidate, x) { return k }
            if state(d) != startState { throw mutated() }
            k += 1
        }
        return nil
    }

    static func mutated() -> PythonError {
        PythonError(.runtimeError, "deque mutated during iteration")
    }

    // MARK: Comparison and repr

    /// `v OP w` for two deques, walking both through their iterators as CPython does.
    static func compare(_ v: Value, _ w: Value, _ op: Comparison) throws(PythonError) -> Value {
        guard isDeque(v), isDeque(w) else { return BuiltinTypes.notImplemented }
        let vs = count(v), ws = count(w)
        if op == .equal || op == .notEqual {
            if v.is(w) { return Value.bool(op == .equal) }
            if vs != ws { return Value.bool(op == .notEqual) }
        }
        let first = try Iteration.iterator(v)
        let second = try Iteration.iterator(w)
        var x = Value.null, y = Value.null
        while true {
            x = try Iteration.next(first)
            y = try Iteration.next(second)
            if x.isNull || y.isNull { break }
            if !(try Objects.equal(x, y)) {
                return Value.bool(try Objects.compare(x, y, Operators.runtimeComparison(op)))
            }
        }
        switch op {
        case .less: return Value.bool(!y.isNull)
        case .lessEqual: return Value.bool(x.isNull)
        case .equal: return Value.bool(x.isNull && y.isNull)
        case .notEqual: return Value.bool(x.isNull != y.isNull)
        case .greater: return Value.bool(!x.isNull)
        case .greaterEqual: return Value.bool(y.isNull)
        }
    }

    static func repr(_ d: Value) throws(PythonError) -> String {
        try Objects.reprGuarded(d, recursive: "[...]") { () throws(PythonError) -> String in
            let items = try Objects.repr(try toList(d))
            let name = TypeObjects.shortName(d.type)
            let maxlen = fields(d).pointee.b
            return maxlen.is(BuiltinTypes.none) ? "\(name)(\(items))" : "\(name)(\(items), maxlen=\(try Objects.repr(maxlen)))"
        }
    }

    // MARK: Subscripts

    /// The position of index `k` (negative counts from the right), or nil when out of range.
    @inline(__always)
    static func position(_ d: Value, _ k: Int) -> Int? {
        let n = count(d)
        let p = k < 0 ? k + n : k
        return p >= 0 && p < n ? p : nil
    }

    static func outOfRange() -> PythonError { PythonError(.indexError, "deque index out of range") }

    /// The index of `d[key]`, as CPython's subscript operator converts it (`operator` true),
    /// or as the `__getitem__` method wrapper does.
    static func subscriptIndex(_ key: Value, operator: Bool) throws(PythonError) -> Int {
        if key.isSmallInt { return key.smallInt }
        let index = try Operators.sequenceIndex(key)
        guard Ints.isInt(index) else {
            if `operator` { throw PythonError(.typeError, "sequence index must be integer, not '\(TypeObjects.name(key.type))'") }
            throw notAnInteger(key)
        }
        guard let n = Ints.machineInt(Ints.unbool(index)) else {
            throw PythonError(`operator` ? .indexError : .overflowError, "cannot fit '\(TypeObjects.name(index.type))' into an index-sized integer")
        }
        return n
    }

    static func getItem(_ d: Value, _ key: Value, operator: Bool = true) throws(PythonError) -> Value {
        guard let p = position(d, try subscriptIndex(key, operator: `operator`)) else { throw outOfRange() }
        return item(d, p)
    }

    static func setItem(_ d: Value, _ key: Value, _ value: Value, operator: Bool = true) throws(PythonError) {
        guard let p = position(d, try subscriptIndex(key, operator: `operator`)) else { throw outOfRange() }
        slot(fields(d), p).pointee = value
    }

    static func deleteItem(_ d: Value, _ key: Value, operator: Bool = true) throws(PythonError) {
        guard let p = position(d, try subscriptIndex(key, operator: `operator`)) else { throw outOfRange() }
        delete(d, at: p)
    }

    // MARK: Argument conversions

    static func notAnInteger(_ v: Value) -> PythonError {
        PythonError(.typeError, "'\(TypeObjects.name(v.type))' object cannot be interpreted as an integer")
    }

    /// An `n` argument of CPython's argument parser: an int or an object with `__index__`.
    static func ssize(_ v: Value) throws(PythonError) -> Int {
        if v.isSmallInt { return v.smallInt }
        let index = try Operators.sequenceIndex(v)
        guard Ints.isInt(index) else { throw notAnInteger(v) }
        guard let n = Ints.machineInt(Ints.unbool(index)) else {
            throw PythonError(.overflowError, "Python int too large to convert to C ssize_t")
        }
        return n
    }

    /// A start or stop of `index()`, clamped as slice bounds are.
    static func sliceBound(_ v: Value) throws(PythonError) -> Int {
        let index = try Operators.sequenceIndex(v)
        guard Ints.isInt(index) else { throw PythonError(.typeError, "slice indices must be integers or have an __index__ method") }
        return try Slices.clampedIndex(index)
    }

    /// The count of `d * n`: nil when `n` is no integer at all.
    static func repeatCount(_ n: Value) throws(PythonError) -> Int? {
        if n.isSmallInt { return n.smallInt }
        let index = try Operators.sequenceIndex(n)
        guard Ints.isInt(index) else { return nil }
        guard let value = Ints.machineInt(Ints.unbool(index)) else {
            throw PythonError(.overflowError, "cannot fit '\(TypeObjects.name(index.type))' into an index-sized integer")
        }
        return value
    }

    static func cannotMultiply(_ v: Value) -> PythonError {
        PythonError(.typeError, "can't multiply sequence by non-int of type '\(TypeObjects.name(v.type))'")
    }

    /// `other.__rOP__(d)` when `other` is an object of a class defined in Python that has one:
    /// CPython tries the number slots, which such a method fills, before the sequence ones.
    static func reflected(_ d: Value, _ other: Value, _ name: String) throws(PythonError) -> Value? {
        guard !isDeque(other), ObjectHooks.isUserObject(other),
              let method = try Attributes.userSpecial(other, name) else { return nil }
        let result = try Calls.call(method, other, d)
        return result.is(BuiltinTypes.notImplemented) ? nil : result
    }
}

// MARK: The type

extension Deques {
    /// The deque type and its iterators, made once, when `collections` is first imported.
    static func makeType() -> Value {
        if !type.isNull { return type }
        let t = NativeTypes.make("deque")
        type = t
        NativeTypes.nameInModule(t, "collections")
        installConstruction(t)
        installMethods(t)
        installSpecialMethods(t)
        installIterators()
        return t
    }

    // MARK: Argument checks with CPython's messages

    /// The receiver of a special method, checked as CPython's slot wrappers check it.
    private static func receiver(_ args: NativeArguments, _ name: String, expecting: Int? = nil) throws(PythonError) -> Value {
        guard args.positionalCount >= 1 else {
            throw PythonError(.typeError, "descriptor '\(name)' of 'collections.deque' object needs an argument")
        }
        let d = args[0]
        guard isDeque(d) else {
            throw PythonError(.typeError, "descriptor '\(name)' requires a 'collections.deque' object but received a '\(TypeObjects.name(d.type))'")
        }
        if let expecting, args.positionalCount - 1 != expecting {
            throw PythonError(.typeError, "expected \(expecting) argument\(expecting == 1 ? "" : "s"), got \(args.positionalCount - 1)")
        }
        return d
    }

    private static func noKeywords(_ args: NativeArguments, _ name: String) throws(PythonError) {
        if args.keywordCount > 0 { throw PythonError(.typeError, "deque.\(name)() takes no keyword arguments") }
    }

    /// A method without arguments (METH_NOARGS).
    private static func noArguments(_ args: NativeArguments, _ name: String) throws(PythonError) {
        try noKeywords(args, name)
        if args.positionalCount != 1 {
            throw PythonError(.typeError, "deque.\(name)() takes no arguments (\(args.positionalCount - 1) given)")
        }
    }

    /// A method of one argument (METH_O).
    private static func oneArgument(_ args: NativeArguments, _ name: String) throws(PythonError) {
        try noKeywords(args, name)
        if args.positionalCount != 2 {
            throw PythonError(.typeError, "deque.\(name)() takes exactly one argument (\(args.positionalCount - 1) given)")
        }
    }

    // MARK: deque(iterable=(), maxlen=None)

    private static func installConstruction(_ t: Value) {
        // `__new__` makes an empty deque of the class and ignores the arguments; `__init__`
        // fills it, so a subclass's own `__init__` may call it through `super()`.
        NativeTypes.special(t, "__new__") { args throws(PythonError) in
            guard args.positionalCount >= 1 else {
                throw PythonError(.typeError, "collections.deque.__new__(): not enough arguments")
            }
            let cls = args[0]
            guard cls.isObject, cls.kind == .type else {
                throw PythonError(.typeError, "collections.deque.__new__(X): X is not a type object (\(TypeObjects.name(cls.type)))")
            }
            guard TypeObjects.isSubtype(cls, of: type) else {
                let name = TypeObjects.name(cls)
                throw PythonError(.typeError, "collections.deque.__new__(\(name)): \(name) is not a subtype of collections.deque")
            }
            return make(type: cls)
        }
        NativeTypes.special(t, "__init__") { args throws(PythonError) in
            let d = try receiver(args, "__init__")
            let positional = args.positionalCount - 1
            let given = positional + args.keywordCount
            if given > 2 { throw PythonError(.typeError, "deque() takes at most 2 arguments (\(given) given)") }
            var iterable = positional >= 1 ? args[1] : Value.null
            var maxlenObject = positional >= 2 ? args[2] : Value.null
            for (name, value) in args.keywords {
                switch Str.swiftString(name) {
                case "iterable":
                    if positional >= 1 { throw PythonError(.typeError, "argument for deque() given by name ('iterable') and position (1)") }
                    iterable = value
                case "maxlen":
                    if positional >= 2 { throw PythonError(.typeError, "argument for deque() given by name ('maxlen') and position (2)") }
                    maxlenObject = value
                default:
                    throw PythonError(.typeError, "'\(Str.swiftString(name))' is an invalid keyword argument for deque()")
                }
            }
            var maxlen = BuiltinTypes.none
            if !maxlenObject.isNull && !maxlenObject.is(BuiltinTypes.none) {
                // PyLong_AsSsize_t: an int, not merely an object with `__index__`.
                guard Ints.isInt(maxlenObject) else { throw PythonError(.typeError, "an integer is required") }
                guard let n = Ints.machineInt(Ints.unbool(maxlenObject)) else {
                    throw PythonError(.overflowError, "Python int too large to convert to C ssize_t")
                }
                guard n >= 0 else { throw PythonError(.valueError, "maxlen must be non-negative") }
                // Beyond the small ints, a maxlen bounds nothing a deque can hold: the code
                // that trims takes such a (big int) maxlen for no bound.
                maxlen = Ints.unbool(maxlenObject)
            }
            fields(d).pointee.b = maxlen
            clear(d)
            if !iterable.isNull { try extend(d, iterable, left: false) }
            return BuiltinTypes.none
        }
        // `maxlen` is read-only, with CPython's message for the attempt.
        let getter = Natives.make("maxlen") { args throws(PythonError) in
            guard args.positionalCount >= 1, isDeque(args[0]) else {
                let given = args.positionalCount >= 1 ? TypeObjects.name(args[0].type) : "nothing"
                throw PythonError(.typeError, "descriptor 'maxlen' for 'collections.deque' objects doesn't apply to a '\(given)' object")
            }
            return fields(args[0]).pointee.b
        }
        let refuse = Natives.make("maxlen") { _ throws(PythonError) in
            throw PythonError(.attributeError, "attribute 'maxlen' of 'collections.deque' objects is not writable")
        }
        let property = InterpreterObjects.make(.property, type: InterpreterTypes.property, a: getter, b: refuse, c: refuse)
        try? Dict.set(t.fields(TypeObject.self).pointee.dict, Interned.str("maxlen"), property)
        try? Dict.set(t.fields(TypeObject.self).pointee.dict, Interned.str("__hash__"), BuiltinTypes.none)
    }

    // MARK: Methods

    private static func installMethods(_ t: Value) {
        func method(_ name: String, _ body: @escaping NativeBody) { Natives.method(t, name, body) }
        method("append") { args throws(PythonError) in
            try oneArgument(args, "append")
            append(args[0], args[1])
            return BuiltinTypes.none
        }
        method("appendleft") { args throws(PythonError) in
            try oneArgument(args, "appendleft")
            appendLeft(args[0], args[1])
            return BuiltinTypes.none
        }
        method("pop") { args throws(PythonError) in
            try args.expect(1...1)
            try noArguments(args, "pop")
            return try popRight(args[0])
        }
        method("popleft") { args throws(PythonError) in
            try args.expect(1...1)
            try noArguments(args, "popleft")
            return try popLeft(args[0])
        }
        method("extend") { args throws(PythonError) in
            try oneArgument(args, "extend")
            try extend(args[0], args[1], left: false)
            return BuiltinTypes.none
        }
        method("extendleft") { args throws(PythonError) in
            try oneArgument(args, "extendleft")
            try extend(args[0], args[1], left: true)
            return BuiltinTypes.none
        }
        method("clear") { args throws(PythonError) in
            try args.expect(1...1)
            try noArguments(args, "clear")
            clear(args[0])
            return BuiltinTypes.none
        }
        for name in ["copy", "__copy__"] {
            method(name) { args throws(PythonError) in
                try noArguments(args, name)
                return try copy(args[0])
            }
        }
        method("count") { args throws(PythonError) in
            try oneArgument(args, "count")
            let d = args[0], x = args[1]
            let startState = state(d)
            var found = 0
            var k = 0
            while k < count(d) {
                if try Objects.equal(item(d, k), x) { found += 1 }
                if state(d) != startState { throw mutated() }
                k += 1
            }
            return Value(smallInt: found)
        }
        method("index") { args throws(PythonError) in
            try noKeywords(args, "index")
            let given = args.positionalCount - 1
            if given < 1 { throw PythonError(.typeError, "index() takes at least 1 argument (\(given) given)") }
            if given > 3 { throw PythonError(.typeError, "index() takes at most 3 arguments (\(given) given)") }
            let d = args[0]
            var start = given >= 2 ? try sliceBound(args[2]) : 0
            var stop = given >= 3 ? try sliceBound(args[3]) : Int.max
            let n = count(d)
            if start < 0 { start = max(0, start + n) }
            if stop < 0 { stop = max(0, stop + n) }
            stop = min(stop, n)
            start = min(start, stop)
            if let k = try find(d, args[1], start: start, stop: stop) { return Value(smallInt: k) }
            throw PythonError(.valueError, "\(try Objects.repr(args[1])) is not in deque")
        }
        method("insert") { args throws(PythonError) in
            try noKeywords(args, "insert")
            let given = args.positionalCount - 1
            if given != 2 { throw PythonError(.typeError, "insert() takes exactly 2 arguments (\(given) given)") }
            try insert(args[0], at: try ssize(args[1]), args[2])
            return BuiltinTypes.none
        }
        method("remove") { args throws(PythonError) in
            try oneArgument(args, "remove")
            let d = args[0], x = args[1]
            let startState = state(d)
            var k = 0
            while k < count(d) {
                let equal = try Objects.equal(item(d, k), x)
                if state(d) != startState { throw PythonError(.indexError, "deque mutated during iteration") }
                if equal {
                    delete(d, at: k)
                    return BuiltinTypes.none
                }
                k += 1
            }
            throw PythonError(.valueError, "\(try Objects.repr(x)) is not in deque")
        }
        method("__reduce__") { args throws(PythonError) in
            try noArguments(args, "__reduce__")
            let d = args[0]
            let maxlen = fields(d).pointee.b
            let arguments = maxlen.is(BuiltinTypes.none) ? Tuple.make() : Tuple.make(Tuple.make(), maxlen)
            // The state is the instance's attribute dict, None when it has no attributes
            // (object.__getstate__).
            var state = Subclasses.attributes(d) ?? BuiltinTypes.none
            if state.kind == .dict && Dict.count(state) == 0 { state = BuiltinTypes.none }
            let it = NativeTypes.iterator(iteratorType, a: d, c: fields(d).pointee.d, i: 0, j: count(d))
            return Tuple.make([d.type, arguments, state, it])
        }
        method("reverse") { args throws(PythonError) in
            try args.expect(1...1)
            try noArguments(args, "reverse")
            reverse(args[0])
            return BuiltinTypes.none
        }
        method("rotate") { args throws(PythonError) in
            try noKeywords(args, "rotate")
            let given = args.positionalCount - 1
            if given > 1 { throw PythonError(.typeError, "deque.rotate expected at most 1 argument, got \(given)") }
            rotate(args[0], given == 1 ? try ssize(args[1]) : 1)
            return BuiltinTypes.none
        }
    }

    // MARK: Special methods

    private static func installSpecialMethods(_ t: Value) {
        func special(_ name: String, _ body: @escaping NativeBody) { NativeTypes.special(t, name, body) }
        special("__repr__") { args throws(PythonError) in
            Str.make(try repr(try receiver(args, "__repr__", expecting: 0)))
        }
        special("__len__") { args throws(PythonError) in
            Value(smallInt: count(try receiver(args, "__len__", expecting: 0)))
        }
        special("__bool__") { args throws(PythonError) in
            Value.bool(count(try receiver(args, "__bool__", expecting: 0)) != 0)
        }
        special("__iter__") { args throws(PythonError) in
            let d = try receiver(args, "__iter__", expecting: 0)
            return NativeTypes.iterator(iteratorType, a: d, c: fields(d).pointee.d, i: 0, j: count(d))
        }
        special("__reversed__") { args throws(PythonError) in
            let d = try receiver(args, "__reversed__")
            try noArguments(args, "__reversed__")
            return NativeTypes.iterator(reverseIteratorType, a: d, c: fields(d).pointee.d, i: count(d) - 1, j: count(d))
        }
        special("__contains__") { args throws(PythonError) in
            let d = try receiver(args, "__contains__", expecting: 1)
            return Value.bool(try find(d, args[1], start: 0, stop: count(d)) != nil)
        }
        special("__getitem__") { args throws(PythonError) in
            try getItem(try receiver(args, "__getitem__", expecting: 1), args[1], operator: false)
        }
        special("__setitem__") { args throws(PythonError) in
            try setItem(try receiver(args, "__setitem__", expecting: 2), args[1], args[2], operator: false)
            return BuiltinTypes.none
        }
        special("__delitem__") { args throws(PythonError) in
            try deleteItem(try receiver(args, "__delitem__", expecting: 1), args[1], operator: false)
            return BuiltinTypes.none
        }
        let dict = t.fields(TypeObject.self).pointee.dict
        func remember(_ name: String) -> Value {
            let method = (try? Dict.get(dict, Interned.str(name))) ?? Value.null
            Collector.addPermanentRoot(method)
            return method
        }
        getItemMethod = remember("__getitem__")
        setItemMethod = remember("__setitem__")
        deleteItemMethod = remember("__delitem__")

        special("__add__") { args throws(PythonError) in
            let d = try receiver(args, "__add__", expecting: 1)
            let other = args[1]
            guard isDeque(other) else {
                if let result = try reflected(d, other, "__radd__") { return result }
                throw PythonError(.typeError, "can only concatenate deque (not \"\(TypeObjects.name(other.type))\") to deque")
            }
            let result = try copy(d)
            try extend(result, other, left: false)
            return result
        }
        special("__iadd__") { args throws(PythonError) in
            let d = try receiver(args, "__iadd__", expecting: 1)
            if let result = try reflected(d, args[1], "__radd__") { return result }
            try extend(d, args[1], left: false)
            return d
        }
        special("__mul__") { args throws(PythonError) in
            let d = try receiver(args, "__mul__", expecting: 1)
            if let result = try reflected(d, args[1], "__rmul__") { return result }
            guard let times = try repeatCount(args[1]) else { throw cannotMultiply(args[1]) }
            return try repeatInPlace(try copy(d), times)
        }
        special("__rmul__") { args throws(PythonError) in
            let d = try receiver(args, "__rmul__", expecting: 1)
            let left = args[1]
            // A sequence on the left repeats itself, by the deque, which is no integer.
            if left.kind == .list || left.kind == .tuple || left.kind == .str { throw cannotMultiply(d) }
            guard let times = try repeatCount(left) else { throw cannotMultiply(left) }
            return try repeatInPlace(try copy(d), times)
        }
        special("__imul__") { args throws(PythonError) in
            let d = try receiver(args, "__imul__", expecting: 1)
            if let result = try reflected(d, args[1], "__rmul__") { return result }
            guard let times = try repeatCount(args[1]) else { throw cannotMultiply(args[1]) }
            return try repeatInPlace(d, times)
        }
        for comparison in [Comparison.less, .lessEqual, .equal, .notEqual, .greater, .greaterEqual] {
            special(comparison.methodName) { args throws(PythonError) in
                try compare(try receiver(args, comparison.methodName, expecting: 1), args[1], comparison)
            }
        }
    }

    // MARK: Iterators

    private static func installIterators() {
        iteratorType = NativeTypes.iteratorType("_deque_iterator") { it throws(PythonError) in
            let f = NativeTypes.fields(it)
            let d = f.pointee.a
            if fields(d).pointee.d.bits != f.pointee.c.bits {
                f.pointee.j = 0
                throw mutated()
            }
            if f.pointee.j == 0 { return Value.null }
            let x = item(d, f.pointee.i)
            f.pointee.i += 1
            f.pointee.j -= 1
            return x
        }
        reverseIteratorType = NativeTypes.iteratorType("_deque_reverse_iterator") { it throws(PythonError) in
            let f = NativeTypes.fields(it)
            if f.pointee.j == 0 { return Value.null }
            let d = f.pointee.a
            if fields(d).pointee.d.bits != f.pointee.c.bits {
                f.pointee.j = 0
                throw mutated()
            }
            let x = item(d, f.pointee.i)
            f.pointee.i -= 1
            f.pointee.j -= 1
            return x
        }
        for iterator in [iteratorType, reverseIteratorType] {
            NativeTypes.nameInModule(iterator, "_collections")
            Natives.method(iterator, "__length_hint__") { args throws(PythonError) in
                Value(smallInt: NativeTypes.fields(args[0]).pointee.j)
            }
        }
    }
}
