import CGMP

// The memory layout of every object kind. Each is a header followed by fixed fields;
// machine code reads them at `MemoryLayout<...>.offset(of:)`. Integers that must be traced
// past safely (a version, a count the tracer does not need) are stored as small-int values,
// so that most kinds are "a header and N values" and share one tracer.

public struct FloatObject {
    public var header: ObjectHeader
    public var value: Double
}

public struct BigIntObject {
    public var header: ObjectHeader
    /// Never in the small-int range: every int has one canonical form.
    public var z: bigz
}

/// A str holds its code points in the narrowest of 1, 2 or 4 bytes each (`header.aux`),
/// as CPython does, so hashing the same bytes gives CPython's hash.
public struct StrObject {
    public var header: ObjectHeader
    public var count: Int
    /// -1 until computed.
    public var hash: Int
    // code units follow
}

public struct TupleObject {
    public var header: ObjectHeader
    public var count: Int
    // `count` values follow
}

public struct ListObject {
    public var header: ObjectHeader
    public var count: Int
    /// A `.valueStorage` with room for at least `count` items, or 0 when it has none.
    public var storage: Value
}

/// The items of a list and other value arrays. Slots past the owner's count hold 0.
public struct StorageObject {
    public var header: ObjectHeader
    public var capacity: Int
    // `capacity` values (or bytes, for `.byteStorage`) follow
}

/// CPython's compact dict: a sparse table of slots indexing a dense array of entries kept
/// in insertion order, so iteration follows insertion and the sparse part stays small.
public struct DictObject {
    public var header: ObjectHeader
    public var count: Int
    /// Entries used so far, deleted ones included: the index of the next entry.
    public var entriesUsed: Int
    /// Bumped on every change, for the interpreter's global-lookup caches.
    public var version: Int
    /// Slots in the sparse table, a power of two; entries have room for two thirds of it.
    public var slotCount: Int
    /// A `.byteStorage`: `slotCount` Int32 entry indices (-1 empty, -2 deleted), then one
    /// Int64 hash per entry. Hashes stay raw so that the probe sequence is CPython's.
    public var table: Value
    /// A `.valueStorage` of (key, value) pairs; a deleted entry's key is `Value.null`.
    public var entries: Value
    /// No live entry comes before this index (`Dict.firstKey` advances it; a rebuild resets it).
    public var firstLive: Int
}

/// CPython's set: an open-addressing table probed linearly nine slots at a time, then
/// perturbed, so that iteration (table order) matches CPython's for the same hashes.
public struct SetObject {
    public var header: ObjectHeader
    /// Active keys.
    public var count: Int
    /// Slots holding a key or a dummy.
    public var fill: Int
    /// Slots in the table, less one; a power of two less one.
    public var mask: Int
    /// A `.valueStorage` of keys: `Value.null` empty, `Sets.dummy` deleted.
    public var keys: Value
    /// A `.byteStorage` of raw Int64 hashes, parallel to `keys` (-1 for a dummy).
    public var hashes: Value
    /// Where `pop` starts looking (masked by the table size): one past the slot it popped
    /// last, as CPython's `finger`, so that successive pops walk the table.
    public var finger: Int
}

public struct TypeObject {
    public var header: ObjectHeader
    public var name: Value
    /// The first base; `object` has none (None).
    public var base: Value
    public var bases: Value
    public var mro: Value
    public var dict: Value
    /// The `ObjectKind` of instances, as a small int.
    public var instanceKind: Value
    /// Bumped when the type or one of its bases changes, for method caches; a small int.
    public var version: Value
    /// The shape of a fresh instance (no attributes); created with the first instance.
    public var rootShape: Value
}

/// Exception objects: the fields of BaseException; other attributes go to `attributes`.
public struct ExceptionObject {
    public var header: ObjectHeader
    public var args: Value
    public var traceback: Value
    public var cause: Value
    public var context: Value
    public var suppressContext: Value
    /// A dict of other attributes, or None.
    public var attributes: Value
    /// The missing name of a NameError or AttributeError the interpreter raised, else null.
    public var name: Value
    /// An AttributeError's object; a NameError's "Did you mean" suggestion, worked out where
    /// it was raised (null when there is none).
    public var target: Value
}

public struct RangeObject {
    public var header: ObjectHeader
    public var start: Value
    public var stop: Value
    public var step: Value
    public var length: Value
}

public struct SliceObject {
    public var header: ObjectHeader
    public var start: Value
    public var stop: Value
    public var step: Value
}

public struct CellObject {
    public var header: ObjectHeader
    public var contents: Value
}

public struct BoundMethodObject {
    public var header: ObjectHeader
    public var function: Value
    public var receiver: Value
}

/// A Python function. `code` is the compiled code object, which belongs to the interpreter.
public struct FunctionObject {
    public var header: ObjectHeader
    public var code: Value
    public var globals: Value
    public var name: Value
    public var qualifiedName: Value
    public var defaults: Value
    public var keywordDefaults: Value
    public var closure: Value
    public var attributes: Value
    /// `__annotations__`: a dict, or None until asked for.
    public var annotations: Value
}

/// A function implemented in Swift. `entry` indexes the table of native entry points of
/// whoever defined it (`NativeFunctions`); `receiver` is the bound object, or 0.
public struct NativeFunctionObject {
    public var header: ObjectHeader
    public var entry: Value
    public var name: Value
    public var receiver: Value
}

/// A hidden class: the attribute names of an instance and the slot of each. Instances that
/// gained the same attributes in the same order share a shape, so machine code can guard on
/// the shape word and then read a slot at a fixed index.
public struct ShapeObject {
    public var header: ObjectHeader
    /// The shape this one extends by one attribute; null for a root.
    public var parent: Value
    /// The attribute this shape adds (a str); null for a root.
    public var name: Value
    /// The slot of `name`, as a small int: also the number of attributes less one (-1 for a root).
    public var index: Value
    /// A dict from attribute name to the child shape that adds it, or null.
    public var transitions: Value
}

/// An object of a user class: its attributes in slots described by a shape, which machine
/// code can guard on, instead of a dict per instance.
public struct InstanceObject {
    public var header: ObjectHeader
    public var shape: Value
    /// A `.valueStorage` of attribute values, indexed as the shape says.
    public var slots: Value
}

/// A view of a dict's keys, values or items (`header.aux`): live, it shows the dict as it is.
public struct DictViewObject {
    public var header: ObjectHeader
    public var dict: Value
}

/// Where an iteration over a dict is: CPython's dictiter, fields as small ints.
public struct DictIteratorObject {
    public var header: ObjectHeader
    /// The dict, or None once the iteration has ended (it stays ended).
    public var dict: Value
    /// The dict's size when the iteration began; -1 after a change of size was reported.
    public var sizeAtStart: Value
    /// The entry index to look at next.
    public var position: Value
    /// Items still to come if the dict does not change.
    public var remaining: Value
}

extension Value {
    /// The object's memory as its layout struct; for upper layers that read fields directly.
    @inlinable @inline(__always)
    public func fields<T>(_: T.Type) -> UnsafeMutablePointer<T> {
        address.assumingMemoryBound(to: T.self)
    }
}

/// Byte offsets of an object's first value field and of its items, for code that indexes.
enum Offsets {
    static let afterHeader = MemoryLayout<ObjectHeader>.size
    static let tupleItems = MemoryLayout<TupleObject>.size
    static let storageItems = MemoryLayout<StorageObject>.size
    static let strData = MemoryLayout<StrObject>.size
}
