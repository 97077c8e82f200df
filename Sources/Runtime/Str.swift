import Glibc

/// Python str: immutable code points, indexed in O(1).
public enum Str {
    /// A str of the given code points. Upper layers call the array forms: a generic call
    /// across modules would run unspecialized, looking up type metadata at every call.
    public static func make(codePoints: [UInt32]) -> Value { make(points: codePoints) }

    public static func make(codePoints: ArraySlice<UInt32>) -> Value { make(points: codePoints) }

    /// The one-character str `c`; the first 256 are made once and shared, as CPython does.
    public static func character(_ c: UInt32) -> Value {
        if c < 256 {
            if latin1.isEmpty {
                for point in 0..<UInt32(256) {
                    let value = make(points: CollectionOfOne(point))
                    Collector.addPermanentRoot(value)
                    latin1.append(value)
                }
            }
            return latin1[Int(c)]
        }
        return make(points: CollectionOfOne(c))
    }

    /// Permanent roots, so keeping them here is safe.
    nonisolated(unsafe) private static var latin1: [Value] = []

    static func make<C: Collection>(points codePoints: C) -> Value where C.Element == UInt32 {
        let widest = codePoints.max() ?? 0
        let width = widest < 0x100 ? 1 : (widest < 0x10000 ? 2 : 4)
        let object = allocate(count: codePoints.count, width: width)
        let data = object.address + Offsets.strData
        var i = 0
        for c in codePoints {
            switch width {
            case 1: data.storeBytes(of: UInt8(c), toByteOffset: i, as: UInt8.self)
            case 2: data.storeBytes(of: UInt16(c), toByteOffset: i * 2, as: UInt16.self)
            default: data.storeBytes(of: c, toByteOffset: i * 4, as: UInt32.self)
            }
            i += 1
        }
        return object
    }

    public static func make(_ string: String) -> Value {
        if let ascii = string.utf8.withContiguousStorageIfAvailable({ bytes -> Value? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            let object = allocate(count: bytes.count, width: 1)
            if let source = bytes.baseAddress {
                (object.address + Offsets.strData).copyMemory(from: source, byteCount: bytes.count)
            }
            return object
        }), let ascii {
            return ascii
        }
        return make(points: string.unicodeScalars.map(\.value))
    }

    /// An uninitialised str of `count` code units of `width` bytes.
    static func allocate(count: Int, width: Int) -> Value {
        let raw = Heap.allocate(.str, type: BuiltinTypes.str, size: Offsets.strData + count * width)
        let object = Value(object: raw)
        let str = object.fields(StrObject.self)
        str.pointee.header.aux = UInt32(width)
        str.pointee.count = count
        str.pointee.hash = -1
        return object
    }

    @inline(__always)
    public static func count(_ s: Value) -> Int { s.fields(StrObject.self).pointee.count }

    @inline(__always)
    static func width(_ s: Value) -> Int { Int(s.header.pointee.aux) }

    @inline(__always)
    static func data(_ s: Value) -> UnsafeMutableRawPointer { s.address + Offsets.strData }

    /// The code point at `index`, which must be in range.
    @inline(__always)
    public static func codePoint(_ s: Value, at index: Int) -> UInt32 {
        let data = data(s)
        switch width(s) {
        case 1: return UInt32(data.load(fromByteOffset: index, as: UInt8.self))
        case 2: return UInt32(data.load(fromByteOffset: index * 2, as: UInt16.self))
        default: return data.load(fromByteOffset: index * 4, as: UInt32.self)
        }
    }

    public static func swiftString(_ s: Value) -> String {
        let n = count(s)
        if width(s) == 1 && (0..<n).allSatisfy({ codePoint(s, at: $0) < 0x80 }) {
            return String(unsafeUninitializedCapacity: n) { buffer in
                buffer.baseAddress!.initialize(from: data(s).assumingMemoryBound(to: UInt8.self), count: n)
                return n
            }
        }
        var result = String.UnicodeScalarView()
        for i in 0..<n {
            // Lone surrogates have no Swift scalar; show them as U+FFFD, as a terminal would.
            result.append(Unicode.Scalar(codePoint(s, at: i)) ?? "\u{FFFD}")
        }
        return String(result)
    }

    public static func equal(_ a: Value, _ b: Value) -> Bool {
        if a.is(b) { return true }
        let n = count(a)
        guard n == count(b) else { return false }
        if width(a) == width(b) {
            return memcmp(data(a), data(b), n * width(a)) == 0
        }
        return false  // equal strs always have the same, narrowest, width
    }

    /// CPython's str hash: SipHash-1-3 of the code units, keyed by the hash secret, which
    /// PYTHONHASHSEED=0 makes zero. Cached in the object.
    public static func hash(_ s: Value) -> Int {
        let str = s.fields(StrObject.self)
        if str.pointee.hash != -1 { return str.pointee.hash }
        let n = count(s)
        var h = n == 0 ? 0 : SipHash13.hash(UnsafeRawBufferPointer(start: data(s), count: n * width(s)))
        if h == -1 { h = -2 }
        str.pointee.hash = h
        return h
    }

    /// Orders strs by code point, as Python's < does.
    public static func compare(_ a: Value, _ b: Value) -> Int {
        let na = count(a), nb = count(b)
        for i in 0..<min(na, nb) {
            let ca = codePoint(a, at: i), cb = codePoint(b, at: i)
            if ca != cb { return ca < cb ? -1 : 1 }
        }
        return na == nb ? 0 : (na < nb ? -1 : 1)
    }

    public static func concatenate(_ a: Value, _ b: Value) -> Value {
        let na = count(a), nb = count(b)
        let width = max(width(a), width(b))
        let result = allocate(count: na + nb, width: width)
        copy(a, into: result, at: 0)
        copy(b, into: result, at: na)
        return result
    }

    /// Copies the code points of `source` into `target` (at least as wide) from `offset`.
    static func copy(_ source: Value, into target: Value, at offset: Int) {
        let n = count(source)
        if width(source) == width(target) {
            (data(target) + offset * width(target)).copyMemory(from: data(source), byteCount: n * width(source))
            return
        }
        let out = data(target)
        for i in 0..<n {
            let c = codePoint(source, at: i)
            switch width(target) {
            case 2: out.storeBytes(of: UInt16(c), toByteOffset: (offset + i) * 2, as: UInt16.self)
            default: out.storeBytes(of: c, toByteOffset: (offset + i) * 4, as: UInt32.self)
            }
        }
    }
}

/// SipHash with one compression and three finalization rounds, as CPython 3.11 hashes
/// bytes and strs.
enum SipHash13 {
    static func hash(_ bytes: UnsafeRawBufferPointer, k0: UInt64 = 0, k1: UInt64 = 0) -> Int {
        var v0 = k0 ^ 0x736f6d6570736575
        var v1 = k1 ^ 0x646f72616e646f6d
        var v2 = k0 ^ 0x6c7967656e657261
        var v3 = k1 ^ 0x7465646279746573
        @inline(__always) func round() {
            v0 = v0 &+ v1; v1 = rotate(v1, 13); v1 ^= v0; v0 = rotate(v0, 32)
            v2 = v2 &+ v3; v3 = rotate(v3, 16); v3 ^= v2
            v0 = v0 &+ v3; v3 = rotate(v3, 21); v3 ^= v0
            v2 = v2 &+ v1; v1 = rotate(v1, 17); v1 ^= v2; v2 = rotate(v2, 32)
        }
        let n = bytes.count
        var offset = 0
        while offset + 8 <= n {
            let m = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            v3 ^= m
            round()
            v0 ^= m
            offset += 8
        }
        var last = UInt64(n & 0xff) << 56
        for i in 0..<(n - offset) {
            last |= UInt64(bytes[offset + i]) << (8 * UInt64(i))
        }
        v3 ^= last
        round()
        v0 ^= last
        v2 ^= 0xff
        round(); round(); round()
        return Int(bitPattern: UInt(v0 ^ v1 ^ v2 ^ v3))
    }

    @inline(__always)
    static func rotate(_ x: UInt64, _ b: UInt64) -> UInt64 { (x << b) | (x >> (64 - b)) }
}
