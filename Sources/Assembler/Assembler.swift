/// Encodes x86-64 instructions into its own growable buffer.
///
/// One assembler builds one block at a time: emit instructions, bind labels, `finish()`, then install
/// the bytes in a `CodeCache` (which also applies the relocations against outside addresses).
/// `reset()` keeps the storage for the next block, so a steady-state JIT allocates nothing per block.
public final class Assembler {
    /// The bytes emitted so far, `bytes[0..<position]`.
    private(set) var bytes: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// The offset at which the next byte goes.
    public private(set) var position = 0

    var labels: [LabelBinding] = []
    var fixups: [Fixup] = []
    var relocations: [Relocation] = []
    var literals: [Literal] = []
    /// The size of the instructions alone once `finish()` has appended the literal pool, else nil.
    public internal(set) var instructionBytes: Int?

    public init(capacity: Int = 4096) {
        self.capacity = max(capacity, 64)
        bytes = .allocate(capacity: self.capacity)
    }

    deinit { bytes.deallocate() }

    /// Forgets the block being built, keeping all storage for the next one.
    public func reset() {
        position = 0
        labels.removeAll(keepingCapacity: true)
        fixups.removeAll(keepingCapacity: true)
        relocations.removeAll(keepingCapacity: true)
        literals.removeAll(keepingCapacity: true)
        instructionBytes = nil
    }

    /// A copy of the bytes emitted so far.
    public var code: [UInt8] { Array(UnsafeBufferPointer(start: bytes, count: position)) }

    // MARK: Raw output. Every emitter calls `reserve` once, so the stores after it need no checks.

    /// Makes room for `count` more bytes (an instruction is at most 15).
    @inline(__always)
    func reserve(_ count: Int = 16) {
        precondition(instructionBytes == nil, "cannot emit into an assembler after finish(); reset() it first")
        if position + count > capacity { grow(toFit: position + count) }
    }

    private func grow(toFit size: Int) {
        var newCapacity = capacity * 2
        while newCapacity < size { newCapacity *= 2 }
        let newBytes = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBytes.update(from: bytes, count: position)
        bytes.deallocate()
        bytes = newBytes
        capacity = newCapacity
    }

    @inline(__always)
    func put(_ byte: UInt8) {
        bytes[position] = byte
        position += 1
    }

    /// Stores the low `size` bytes of `value`, little-endian.
    @inline(__always)
    func put(_ value: Int64, size: Int) {
        var remaining = UInt64(bitPattern: value)
        for _ in 0..<size {
            put(UInt8(truncatingIfNeeded: remaining))
            remaining >>= 8
        }
    }

    /// Rewrites `size` bytes already emitted at `offset` (a label reference resolved after the fact).
    func overwrite(at offset: Int, _ value: Int64, size: Int) {
        var remaining = UInt64(bitPattern: value)
        for i in 0..<size {
            bytes[offset + i] = UInt8(truncatingIfNeeded: remaining)
            remaining >>= 8
        }
    }
}
