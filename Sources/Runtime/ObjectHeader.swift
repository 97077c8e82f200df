/// The first 16 bytes of every object, in the heap or permanent.
///
/// `type` is the object's Python type (a type object). `kind` says how the object is laid
/// out in memory, which is what the runtime dispatches on: an instance of a user subclass of
/// `float` has its own `type` but the kind `.float`, because it is laid out as a float.
/// `gcMark` belongs to the collector. A free heap cell has a zero `type` word, and the
/// allocator's free-list link where `kind` and the rest would be.
@frozen
public struct ObjectHeader {
    public var type: Value
    public var kind: ObjectKind
    public var gcMark: UInt8
    public var flags: ObjectFlags
    /// Per-kind data that fits in 32 bits (the value of a bool, the width of a str's code units).
    public var aux: UInt32

    /// Whether this is a free heap cell rather than an object.
    @inline(__always)
    var isFree: Bool { type.bits == 0 }
}

/// How an object is laid out in memory. Stored in the header, so one load tells machine
/// code and the runtime which layout they are looking at.
public enum ObjectKind: UInt8 {
    case int = 1         // small ints never reach the heap; heap ints are GMP big ints
    case bool
    case none
    case notImplemented
    case ellipsis
    case float
    case str
    case tuple
    case list
    case dict
    case set
    case frozenset
    case range
    case slice
    case function
    case nativeFunction
    case cell
    case boundMethod
    case type
    case instance
    case exception
    case shape
    /// `d.keys()`, `d.values()`, `d.items()`: `aux` says which (`DictViews.Which`).
    case dictView
    /// An iterator over a dict's keys, values or items: `aux` says which.
    case dictIterator
    /// An array of values owned by another object (the items of a list, a dict's entries).
    case valueStorage
    /// Raw bytes owned by another object, never scanned for pointers.
    case byteStorage
    /// An object of the interpreter or JIT, opaque to the runtime: it names its own tracer.
    case foreign
}

public struct ObjectFlags: OptionSet {
    public var rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }
    /// The sweep must call the kind's finalizer when the object dies (big ints free limbs).
    public static let needsFinalizer = ObjectFlags(rawValue: 1 << 0)
    /// Outside the GC heap and never collected: builtin types, None, True, False.
    public static let permanent = ObjectFlags(rawValue: 1 << 1)
    /// On a type object: a class made by a `class` statement, whose instances may define
    /// `__repr__`, `__eq__`, `__hash__` and friends; the runtime asks `ObjectHooks` about them.
    public static let heapType = ObjectFlags(rawValue: 1 << 2)
    /// An instance of a Python subclass of dict, list or set: one more value after the
    /// builtin layout holds its attribute dict (`Subclasses.swift`).
    public static let attributeDict = ObjectFlags(rawValue: 1 << 3)
    /// On a type object: its name is `module.name`, as CPython's `tp_name` of a type defined
    /// in a C module (`collections.deque`), which error messages show; its `__name__` is the
    /// part after the last dot (`TypeObjects.shortName`).
    public static let moduleInName = ObjectFlags(rawValue: 1 << 4)
}
