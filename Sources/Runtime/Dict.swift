/// Python dict, laid out as CPython's compact dict (see `DictObject`).
public enum Dict {
    static let emptySlot: Int32 = -1
    static let deletedSlot: Int32 = -2
    static let minimumSlots = 8

    /// What the table's keys have been so far, in the header's `aux`: CPython 3.11 keeps a
    /// table whose keys are all exact strs in a compact form, decided by the first key, and
    /// rebuilds it (a resize) when another key arrives. The sizes, and so the entry positions
    /// an iterator holds, follow.
    enum KeyForm: UInt32 { case undecided, strsOnly, general }

    public static func make() -> Value {
        let raw = Heap.allocate(.dict, type: BuiltinTypes.dict, size: MemoryLayout<DictObject>.size)
        let dict = Value(object: raw)
        resize(dict, slots: minimumSlots)
        return dict
    }

    @inline(__always)
    public static func count(_ d: Value) -> Int { d.fields(DictObject.self).pointee.count }

    @inline(__always)
    static func entryCapacity(slots: Int) -> Int { slots * 2 / 3 }

    @inline(__always)
    static func slots(_ d: UnsafeMutablePointer<DictObject>) -> UnsafeMutablePointer<Int32> {
        Storage.bytes(d.pointee.table).assumingMemoryBound(to: Int32.self)
    }

    @inline(__always)
    static func hashes(_ d: UnsafeMutablePointer<DictObject>) -> UnsafeMutablePointer<Int> {
        (Storage.bytes(d.pointee.table) + d.pointee.slotCount * 4).assumingMemoryBound(to: Int.self)
    }

    @inline(__always)
    static func entries(_ d: UnsafeMutablePointer<DictObject>) -> UnsafeMutablePointer<Value> {
        Storage.values(d.pointee.entries)
    }

    /// The value for `key`, or `Value.null` when it is absent.
    public static func get(_ d: Value, _ key: Value) throws(PythonError) -> Value {
        let hash = try Objects.hash(key)
        return try get(d, key, hash: hash)
    }

    public static func get(_ d: Value, _ key: Value, hash: Int) throws(PythonError) -> Value {
        let (_, entry) = try find(d, key, hash: hash)
        return entry < 0 ? Value.null : entries(d.fields(DictObject.self))[entry * 2 + 1]
    }

    public static func set(_ d: Value, _ key: Value, _ value: Value) throws(PythonError) {
        let hash = try Objects.hash(key)
        try set(d, key, value, hash: hash)
    }

    public static func set(_ d: Value, _ key: Value, _ value: Value, hash: Int) throws(PythonError) {
        noteKeyForm(d, key)
        let (slot, entry) = try find(d, key, hash: hash)
        var dict = d.fields(DictObject.self)
        dict.pointee.version &+= 1
        if entry >= 0 {
            entries(dict)[entry * 2 + 1] = value
            return
        }
        if dict.pointee.entriesUsed == entryCapacity(slots: dict.pointee.slotCount) {
            resize(d, slots: slotCountFor(dict.pointee.count * 3))
            dict = d.fields(DictObject.self)
            insertFresh(dict, key, value, hash: hash, slot: freeSlot(dict, hash: hash))
        } else {
            insertFresh(dict, key, value, hash: hash, slot: slot)
        }
    }

    static func noteKeyForm(_ d: Value, _ key: Value) {
        let header = d.header
        let isStr = key.kind == .str && key.type.is(BuiltinTypes.str)
        switch KeyForm(rawValue: header.pointee.aux)! {
        case .undecided:
            header.pointee.aux = (isStr ? KeyForm.strsOnly : .general).rawValue
        case .strsOnly where !isStr:
            resize(d, slots: slotCountFor(count(d) * 3))
            header.pointee.aux = KeyForm.general.rawValue
        default:
            break
        }
    }

    /// Removes `key`; returns whether it was there.
    @discardableResult
    public static func remove(_ d: Value, _ key: Value) throws(PythonError) -> Bool {
        let hash = try Objects.hash(key)
        let (slot, entry) = try find(d, key, hash: hash)
        guard entry >= 0 else { return false }
        let dict = d.fields(DictObject.self)
        slots(dict)[slot] = deletedSlot
        entries(dict)[entry * 2] = Value.null
        entries(dict)[entry * 2 + 1] = Value.null
        dict.pointee.count -= 1
        dict.pointee.version &+= 1
        return true
    }

    /// Calls `body(key, value)` for each entry in insertion order. `body` must not change
    /// the dict.
    public static func forEach(_ d: Value, _ body: (Value, Value) throws(PythonError) -> Void) throws(PythonError) {
        let dict = d.fields(DictObject.self)
        var i = 0
        while i < dict.pointee.entriesUsed {
            let key = entries(dict)[i * 2]
            if !key.isNull { try body(key, entries(dict)[i * 2 + 1]) }
            i += 1
        }
    }

    /// The sparse slot probed last and the entry index holding `key` (-1 when absent, and
    /// then the slot is where it would go).
    static func find(_ d: Value, _ key: Value, hash: Int) throws(PythonError) -> (slot: Int, entry: Int) {
        var dict = d.fields(DictObject.self)
        var mask = dict.pointee.slotCount - 1
        var slot = hash & mask
        var perturb = UInt(bitPattern: hash)
        while true {
            let index = Int(slots(dict)[slot])
            if index == Int(emptySlot) { return (slot, -1) }
            if index >= 0 {
                let candidate = entries(dict)[index * 2]
                if candidate.is(key) { return (slot, index) }
                if hashes(dict)[index] == hash {
                    let version = dict.pointee.version
                    let equal = try Objects.equal(candidate, key)
                    dict = d.fields(DictObject.self)
                    if dict.pointee.version != version {
                        // __eq__ changed the dict under us: start over, as CPython does.
                        mask = dict.pointee.slotCount - 1
                        slot = hash & mask
                        perturb = UInt(bitPattern: hash)
                        continue
                    }
                    if equal { return (slot, index) }
                }
            }
            perturb >>= 5
            slot = (slot &* 5 &+ Int(bitPattern: perturb) &+ 1) & mask
        }
    }

    /// The first empty slot on `hash`'s probe sequence, in a table with no deleted slots.
    static func freeSlot(_ dict: UnsafeMutablePointer<DictObject>, hash: Int) -> Int {
        let mask = dict.pointee.slotCount - 1
        var slot = hash & mask
        var perturb = UInt(bitPattern: hash)
        while slots(dict)[slot] != emptySlot {
            perturb >>= 5
            slot = (slot &* 5 &+ Int(bitPattern: perturb) &+ 1) & mask
        }
        return slot
    }

    static func insertFresh(_ dict: UnsafeMutablePointer<DictObject>, _ key: Value, _ value: Value, hash: Int, slot: Int) {
        let index = dict.pointee.entriesUsed
        slots(dict)[slot] = Int32(index)
        hashes(dict)[index] = hash
        entries(dict)[index * 2] = key
        entries(dict)[index * 2 + 1] = value
        dict.pointee.entriesUsed = index + 1
        dict.pointee.count += 1
    }

    /// The slot count CPython 3.11 picks when it grows a table for `minimum` (three times the
    /// items): the bit length of (minimum | 8) - 1, so a power of two above `minimum`, and 16
    /// for the smallest tables. Matching it keeps entry positions, which an iteration that
    /// outlives a change sees, as CPython's.
    static func slotCountFor(_ minimum: Int) -> Int {
        let x = ((minimum | minimumSlots) - 1) | (minimumSlots - 1)
        return 1 << (Int.bitWidth - x.leadingZeroBitCount)
    }

    /// Rebuilds the table with `slots` slots, compacting away deleted entries.
    static func resize(_ d: Value, slots newSlots: Int) {
        let capacity = entryCapacity(slots: newSlots)
        let table = Storage.allocateBytes(newSlots * 4 + capacity * 8)
        let newEntries = Storage.allocateValues(capacity: capacity * 2)
        let newSlotTable = Storage.bytes(table).assumingMemoryBound(to: Int32.self)
        newSlotTable.initialize(repeating: emptySlot, count: newSlots)
        let newHashes = (Storage.bytes(table) + newSlots * 4).assumingMemoryBound(to: Int.self)
        let dict = d.fields(DictObject.self)
        var count = 0
        if !dict.pointee.entries.isSmallInt {
            let oldEntries = entries(dict), oldHashes = hashes(dict)
            for i in 0..<dict.pointee.entriesUsed where !oldEntries[i * 2].isNull {
                Storage.values(newEntries)[count * 2] = oldEntries[i * 2]
                Storage.values(newEntries)[count * 2 + 1] = oldEntries[i * 2 + 1]
                newHashes[count] = oldHashes[i]
                count += 1
            }
        }
        dict.pointee.table = table
        dict.pointee.entries = newEntries
        dict.pointee.slotCount = newSlots
        dict.pointee.entriesUsed = count
        dict.pointee.count = count
        dict.pointee.firstLive = 0
        let mask = newSlots - 1
        for i in 0..<count {
            var slot = newHashes[i] & mask
            var perturb = UInt(bitPattern: newHashes[i])
            while newSlotTable[slot] != emptySlot {
                perturb >>= 5
                slot = (slot &* 5 &+ Int(bitPattern: perturb) &+ 1) & mask
            }
            newSlotTable[slot] = Int32(i)
        }
    }
}

/// The methods of dict that need no view objects, with CPython's results and errors.
extension Dict {
    /// `d.pop(key[, default])`: KeyError when absent without a default.
    public static func pop(_ d: Value, _ key: Value, default fallback: Value? = nil) throws(PythonError) -> Value {
        let value = try get(d, key)
        if value.isNull {
            if let fallback { return fallback }
            throw PythonError(exception: Exceptions.make(BuiltinException.keyError.type, arguments: [key]))
        }
        try remove(d, key)
        return value
    }

    /// `d.setdefault(key, default)`.
    public static func setDefault(_ d: Value, _ key: Value, _ fallback: Value) throws(PythonError) -> Value {
        let value = try get(d, key)
        if !value.isNull { return value }
        try set(d, key, fallback)
        return fallback
    }

    /// `d.popitem()`: the last inserted pair, as a tuple.
    public static func popItem(_ d: Value) throws(PythonError) -> Value {
        let dict = d.fields(DictObject.self)
        var i = dict.pointee.entriesUsed - 1
        while i >= 0 && entries(dict)[i * 2].isNull { i -= 1 }
        guard i >= 0 else { throw PythonError(.keyError, "popitem(): dictionary is empty") }
        let key = entries(dict)[i * 2], value = entries(dict)[i * 2 + 1]
        let pair = Tuple.make(key, value)
        try remove(d, key)
        // CPython also forgets the entry, so the next insertion reuses its place.
        let after = d.fields(DictObject.self)
        if after.pointee.entriesUsed == i + 1 { after.pointee.entriesUsed = i }
        return pair
    }

    /// `d.update(other)` for a dict.
    /// `d.update(other)` for a dict `other`: each key goes in with the hash stored beside it,
    /// as CPython's merge does, so no key's `__hash__` runs again.
    public static func update(_ d: Value, with other: Value) throws(PythonError) {
        let source = other.fields(DictObject.self)
        var i = 0
        while i < source.pointee.entriesUsed {
            let key = entries(source)[i * 2]
            if !key.isNull { try set(d, key, entries(source)[i * 2 + 1], hash: hashes(source)[i]) }
            i += 1
        }
    }

    /// The oldest key, or null for an empty dict: what `lru_cache` evicts. Deleting from the
    /// front leaves deleted entries there until the next rebuild; `firstLive` remembers how far
    /// they reach, so evicting one key after another stays O(1) each.
    public static func firstKey(_ d: Value) -> Value {
        let dict = d.fields(DictObject.self)
        var i = min(dict.pointee.firstLive, dict.pointee.entriesUsed)
        while i < dict.pointee.entriesUsed {
            let key = entries(dict)[i * 2]
            if !key.isNull {
                dict.pointee.firstLive = i
                return key
            }
            i += 1
        }
        dict.pointee.firstLive = i
        return Value.null
    }

    /// `d.clear()`.
    public static func clear(_ d: Value) {
        let dict = d.fields(DictObject.self)
        dict.pointee.entries = Value(smallInt: 0)
        dict.pointee.count = 0
        dict.pointee.entriesUsed = 0
        resize(d, slots: minimumSlots)
        d.header.pointee.aux = KeyForm.undecided.rawValue  // as CPython's empty dict, decided again by the next key
        d.fields(DictObject.self).pointee.version &+= 1
    }

    /// `d.copy()`.
    public static func copy(_ d: Value) throws(PythonError) -> Value {
        let result = make()
        try update(result, with: d)
        return result
    }

    /// `a == b` for dicts: the same keys with equal values, in any order. Each key of `a` is
    /// looked up in `b` with the hash stored beside it, as CPython does.
    public static func equal(_ a: Value, _ b: Value) throws(PythonError) -> Bool {
        if count(a) != count(b) { return false }
        let dict = a.fields(DictObject.self)
        var i = 0
        while i < dict.pointee.entriesUsed {
            let key = entries(dict)[i * 2]
            if !key.isNull {
                let value = entries(dict)[i * 2 + 1]
                let other = try get(b, key, hash: hashes(dict)[i])
                if other.isNull { return false }
                if try !Objects.equal(value, other) { return false }
            }
            i += 1
        }
        return true
    }
}
