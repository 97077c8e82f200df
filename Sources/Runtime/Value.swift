/// A Python value: one trivially copyable 64-bit word.
///
///     ...xxxxxxx0   a small int, the value shifted left by one (63-bit range)
///     ...ppppppp1   a heap object, its 16-byte-aligned address plus one
///
/// Small ints carry a zero tag so that machine code adds and subtracts them directly and
/// reads promotion from the overflow flag. Everything else, None and bool included, is an
/// object in the GC heap (or a permanent object outside it) with an `ObjectHeader`.
/// Two values are the same Python object exactly when their words are equal (`is`).
@frozen
public struct Value {
    public var bits: UInt64

    @inlinable @inline(__always)
    public init(bits: UInt64) { self.bits = bits }

    /// The smallest and largest ints that are stored inline.
    public static let smallIntMin = -(1 << 62)
    public static let smallIntMax = (1 << 62) - 1

    @inlinable @inline(__always)
    public static func fitsSmallInt(_ v: Int) -> Bool { (v &<< 1) >> 1 == v }

    /// A small int; `v` must be in `smallIntMin...smallIntMax`.
    @inlinable @inline(__always)
    public init(smallInt v: Int) {
        assert(Value.fitsSmallInt(v), "\(v) is outside the small-int range")
        bits = UInt64(bitPattern: Int64(v &<< 1))
    }

    @inlinable @inline(__always)
    public var isSmallInt: Bool { bits & 1 == 0 }

    @inlinable @inline(__always)
    public var smallInt: Int { Int(Int64(bitPattern: bits)) >> 1 }

    @inlinable @inline(__always)
    public var isObject: Bool { bits & 1 != 0 }

    @inlinable @inline(__always)
    public init(object: UnsafeMutableRawPointer) {
        bits = UInt64(UInt(bitPattern: object)) | 1
    }

    /// The address of the object; only for values that are objects.
    @inlinable @inline(__always)
    public var address: UnsafeMutableRawPointer {
        UnsafeMutableRawPointer(bitPattern: UInt(bits &- 1)).unsafelyUnwrapped
    }

    /// No value at all: an unbound variable, an empty dict entry. Never a Python object.
    public static let null = Value(bits: 1)

    @inlinable @inline(__always)
    public var isNull: Bool { bits == 1 }

    /// Python's `is`.
    @inlinable @inline(__always)
    public func `is`(_ other: Value) -> Bool { bits == other.bits }

    @inlinable @inline(__always)
    public var header: UnsafeMutablePointer<ObjectHeader> {
        address.assumingMemoryBound(to: ObjectHeader.self)
    }

    /// The layout kind of the object this value is; `.int` for a small int.
    @inlinable @inline(__always)
    public var kind: ObjectKind { isSmallInt ? .int : header.pointee.kind }

    /// The Python type of this value.
    @inlinable @inline(__always)
    public var type: Value {
        isSmallInt ? BuiltinTypes.int : header.pointee.type
    }
}
