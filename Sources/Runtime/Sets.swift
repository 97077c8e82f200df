/// Python set and frozenset, with CPython's table (see `SetObject`).
public enum Sets {
    static let minimumSlots = 8
    static let linearProbes = 9
    /// The key of a deleted slot: address 0x10, never a heap object.
    static let dummy = Value(bits: 0x11)

    /// An empty set, or frozenset with `frozen`.
    public static func make(frozen: Bool = false) -> Value {
        let raw = Heap.allocate(frozen ? .frozenset : .set, type: frozen ? BuiltinTypes.frozenset : BuiltinTypes.set,
                                size: MemoryLayout<SetObject>.size)
        let set = Value(object: raw)
        installTable(set, slots: minimumSlots)
        return set
    }

    @inline(__always)
    public static func count(_ s: Value) -> Int { s.fields(SetObject.self).pointee.count }

    @inline(__always)
    static func keys(_ s: UnsafeMutablePointer<SetObject>) -> UnsafeMutablePointer<Value> { Storage.values(s.pointee.keys) }

    @inline(__always)
    static func hashes(_ s: UnsafeMutablePointer<SetObject>) -> UnsafeMutablePointer<Int> {
        Storage.bytes(s.pointee.hashes).assumingMemoryBound(to: Int.self)
    }

    /// Gives `s` a fresh, empty table of `slots` slots.
    static func installTable(_ s: Value, slots: Int) {
        let keys = Storage.allocateValues(capacity: slots)
        Storage.values(keys).initialize(repeating: Value.null, count: slots)
        let hashes = Storage.allocateBytes(slots * 8)
        let set = s.fields(SetObject.self)
        set.pointee.keys = keys
        set.pointee.hashes = hashes
        set.pointee.mask = slots - 1
        set.pointee.fill = 0
        set.pointee.count = 0
    }

    public static func add(_ s: Value, _ key: Value) throws(PythonError) {
        try add(s, key, hash: try Objects.hash(key))
    }

    /// Adds `key`, whose hash is known (it comes from another set's table).
    static func add(_ s: Value, _ key: Value, hash: Int) throws(PythonError) {
        var set = s.fields(SetObject.self)
        restart: while true {
            let mask = set.pointee.mask
            var i = hash & mask
            var perturb = UInt(bitPattern: hash)
            var freeSlot = -1
            while true {
                var probes = i + linearProbes <= mask ? linearProbes : 0
                var slot = i
                repeat {
                    let candidate = keys(set)[slot]
                    if candidate.isNull {
                        insert(s, key, hash: hash, at: freeSlot >= 0 ? freeSlot : slot, reusingDummy: freeSlot >= 0)
                        return
                    }
                    let candidateHash = hashes(set)[slot]
                    if candidateHash == hash {
                        if candidate.is(key) { return }
                        let table = set.pointee.keys
                        if try Objects.equal(candidate, key) { return }
                        set = s.fields(SetObject.self)
                        if !set.pointee.keys.is(table) || !keys(set)[slot].is(candidate) { continue restart }
                    } else if candidateHash == -1 {  // the last dummy on the way is reused, as in CPython
                        freeSlot = slot
                    }
                    slot += 1
                    probes -= 1
                } while probes >= 0
                perturb >>= 5
                i = (i &* 5 &+ 1 &+ Int(bitPattern: perturb)) & mask
            }
        }
    }

    static func insert(_ s: Value, _ key: Value, hash: Int, at slot: Int, reusingDummy: Bool) {
        let set = s.fields(SetObject.self)
        keys(set)[slot] = key
        hashes(set)[slot] = hash
        set.pointee.count += 1
        if reusingDummy { return }
        set.pointee.fill += 1
        if set.pointee.fill * 5 >= set.pointee.mask * 3 {
            resize(s, minimumUsed: set.pointee.count > 50000 ? set.pointee.count * 2 : set.pointee.count * 4)
        }
    }

    /// The slot holding `key`, or -1.
    static func find(_ s: Value, _ key: Value, hash: Int) throws(PythonError) -> Int {
        var set = s.fields(SetObject.self)
        restart: while true {
            let mask = set.pointee.mask
            var i = hash & mask
            var perturb = UInt(bitPattern: hash)
            while true {
                var probes = i + linearProbes <= mask ? linearProbes : 0
                var slot = i
                repeat {
                    let candidate = keys(set)[slot]
                    if candidate.isNull { return -1 }
                    if hashes(set)[slot] == hash {
                        if candidate.is(key) { return slot }
                        let table = set.pointee.keys
                        if try Objects.equal(candidate, key) { return slot }
                        set = s.fields(SetObject.self)
                        if !set.pointee.keys.is(table) || !keys(set)[slot].is(candidate) { continue restart }
                    }
                    slot += 1
                    probes -= 1
                } while probes >= 0
                perturb >>= 5
                i = (i &* 5 &+ 1 &+ Int(bitPattern: perturb)) & mask
            }
        }
    }

    /// `key in s`.
    public static func contains(_ s: Value, _ key: Value) throws(PythonError) -> Bool {
        let key = try lookupKey(key)
        return try find(s, key, hash: try Objects.hash(key)) >= 0
    }

    /// Removes `key`; returns whether it was there.
    @discardableResult
    public static func discard(_ s: Value, _ key: Value) throws(PythonError) -> Bool {
        try discard(s, key, hash: try Objects.hash(key))
    }

    @discardableResult
    static func discard(_ s: Value, _ key: Value, hash: Int) throws(PythonError) -> Bool {
        let slot = try find(s, key, hash: hash)
        guard slot >= 0 else { return false }
        let set = s.fields(SetObject.self)
        keys(set)[slot] = dummy
        hashes(set)[slot] = -1
        set.pointee.count -= 1
        return true
    }

    /// Calls `body` with each key in table order, which is CPython's iteration order.
    public static func forEach(_ s: Value, _ body: (Value) throws(PythonError) -> Void) throws(PythonError) {
        let set = s.fields(SetObject.self)
        var slot = 0
        while slot <= set.pointee.mask {
            let key = keys(set)[slot]
            if !key.isNull && !key.is(dummy) { try body(key) }
            slot += 1
        }
    }

    /// Calls `body` with each key and its hash in table order. The table is re-read at each
    /// step, so `body` may change other sets, even resize them.
    static func forEachEntry(_ s: Value, _ body: (Value, Int) throws(PythonError) -> Void) throws(PythonError) {
        let set = s.fields(SetObject.self)
        var slot = 0
        while slot <= set.pointee.mask {
            let key = keys(set)[slot]
            if !key.isNull && !key.is(dummy) { try body(key, hashes(set)[slot]) }
            slot += 1
        }
    }

    /// Rebuilds the table with the smallest power of two above `minimumUsed` slots.
    static func resize(_ s: Value, minimumUsed: Int) {
        var slots = minimumSlots
        while slots <= minimumUsed { slots <<= 1 }
        let old = s.fields(SetObject.self)
        let oldKeys = old.pointee.keys, oldHashes = old.pointee.hashes, oldSlots = old.pointee.mask + 1
        let count = old.pointee.count
        installTable(s, slots: slots)
        let set = s.fields(SetObject.self)
        let hashValues = Storage.bytes(oldHashes).assumingMemoryBound(to: Int.self)
        for slot in 0..<oldSlots {
            let key = Storage.values(oldKeys)[slot]
            if !key.isNull && !key.is(dummy) { insertClean(set, key, hash: hashValues[slot]) }
        }
        set.pointee.count = count
        set.pointee.fill = count
    }

    /// Inserts into a table known to hold no equal key and no dummy.
    static func insertClean(_ set: UnsafeMutablePointer<SetObject>, _ key: Value, hash: Int) {
        let mask = set.pointee.mask
        var i = hash & mask
        var perturb = UInt(bitPattern: hash)
        while true {
            if keys(set)[i].isNull { return store(set, key, hash, at: i) }
            if i + linearProbes <= mask {
                for j in 1...linearProbes where keys(set)[i + j].isNull { return store(set, key, hash, at: i + j) }
            }
            perturb >>= 5
            i = (i &* 5 &+ 1 &+ Int(bitPattern: perturb)) & mask
        }
    }

    static func store(_ set: UnsafeMutablePointer<SetObject>, _ key: Value, _ hash: Int, at slot: Int) {
        keys(set)[slot] = key
        hashes(set)[slot] = hash
    }

    /// CPython's frozenset hash: an order-independent mix of the slots' hashes.
    public static func hash(_ s: Value) -> Int {
        func shuffle(_ h: UInt) -> UInt { ((h ^ 89869747) ^ (h << 16)) &* 3644798167 }
        let set = s.fields(SetObject.self)
        var h: UInt = 0
        for slot in 0...set.pointee.mask {
            let key = keys(set)[slot]
            h ^= shuffle(key.isNull ? 0 : UInt(bitPattern: hashes(set)[slot]))
        }
        let slots = set.pointee.mask + 1
        if (slots - set.pointee.fill) & 1 != 0 { h ^= shuffle(0) }
        if (set.pointee.fill - set.pointee.count) & 1 != 0 { h ^= shuffle(UInt(bitPattern: -1)) }
        h ^= (UInt(set.pointee.count) &+ 1) &* 1927868237
        h ^= (h >> 11) ^ (h >> 25)
        h = h &* 69069 &+ 907133923
        return h == UInt.max ? 590923713 : Int(bitPattern: h)
    }
}

/// The methods of set and frozenset on one set, with CPython's results and errors.
extension Sets {
    /// `s.pop()`: the first key from the finger on, in table order, as CPython.
    public static func pop(_ s: Value) throws(PythonError) -> Value {
        let set = s.fields(SetObject.self)
        if set.pointee.count == 0 { throw PythonError(.keyError, "pop from an empty set") }
        var slot = set.pointee.finger & set.pointee.mask
        while keys(set)[slot].isNull || keys(set)[slot].is(dummy) {
            slot = slot == set.pointee.mask ? 0 : slot + 1
        }
        let key = keys(set)[slot]
        keys(set)[slot] = dummy
        hashes(set)[slot] = -1
        set.pointee.count -= 1
        set.pointee.finger = slot + 1
        return key
    }

    /// `s.remove(key)`: KeyError with the key when it is absent.
    public static func remove(_ s: Value, _ key: Value) throws(PythonError) {
        if try !discard(s, lookupKey(key)) {
            throw PythonError(exception: Exceptions.make(BuiltinException.keyError.type, arguments: [key]))
        }
    }

    /// A set used as a key is looked up as the frozenset of its keys, as CPython's
    /// remove, discard and `in` do when the set cannot be hashed (a subclass may define
    /// `__hash__`).
    public static func lookupKey(_ key: Value) throws(PythonError) -> Value {
        guard key.kind == .set else { return key }
        if !key.type.is(BuiltinTypes.set) {
            do throws(PythonError) {
                _ = try Objects.hash(key)
                return key
            } catch {
                guard TypeObjects.isSubtype(error.exception.type, of: BuiltinException.typeError.type) else { throw error }
            }
        }
        let frozen = make(frozen: true)
        try merge(frozen, key)
        return frozen
    }

    /// `s.copy()`: a frozenset is its own copy.
    public static func copy(_ s: Value) throws(PythonError) -> Value {
        if s.kind == .frozenset && s.type.is(BuiltinTypes.frozenset) { return s }
        return try copied(s)
    }

    /// A new set or frozenset (as `s` is) with the keys of `s`.
    static func copied(_ s: Value) throws(PythonError) -> Value {
        let copy = make(frozen: s.kind == .frozenset)
        try merge(copy, s)
        return copy
    }

    /// `s.clear()`: back to the smallest table; the pop finger stays, as in CPython.
    public static func clear(_ s: Value) {
        installTable(s, slots: minimumSlots)
    }

    /// Adds every key of the set `other` to `s`. Into an empty set of the same table size
    /// the slots are copied as they are; otherwise the table grows once, up front, and keys
    /// go in in `other`'s table order, so the layout is CPython's.
    static func merge(_ s: Value, _ other: Value) throws(PythonError) {
        if s.is(other) || count(other) == 0 { return }
        let target = s.fields(SetObject.self), source = other.fields(SetObject.self)
        if (target.pointee.fill + source.pointee.count) * 5 >= target.pointee.mask * 3 {
            resize(s, minimumUsed: (target.pointee.count + source.pointee.count) * 2)
        }
        if target.pointee.fill == 0 {
            let sameShape = target.pointee.mask == source.pointee.mask && source.pointee.fill == source.pointee.count
            for slot in 0...source.pointee.mask {
                let key = keys(source)[slot]
                if key.isNull || key.is(dummy) { continue }
                if sameShape {
                    store(target, key, hashes(source)[slot], at: slot)
                } else {
                    insertClean(target, key, hash: hashes(source)[slot])
                }
            }
            target.pointee.fill = source.pointee.count
            target.pointee.count = source.pointee.count
            return
        }
        try forEachEntry(other) { key, hash throws(PythonError) in try add(s, key, hash: hash) }
    }

    /// Exchanges the tables of two sets, as CPython's in-place intersection does with the
    /// set it computed; the pop finger stays with each set.
    static func swapTables(_ a: Value, _ b: Value) {
        let x = a.fields(SetObject.self), y = b.fields(SetObject.self)
        swap(&x.pointee.count, &y.pointee.count)
        swap(&x.pointee.fill, &y.pointee.fill)
        swap(&x.pointee.mask, &y.pointee.mask)
        swap(&x.pointee.keys, &y.pointee.keys)
        swap(&x.pointee.hashes, &y.pointee.hashes)
    }
}
