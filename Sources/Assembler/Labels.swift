/// A position in the code being assembled, or an address outside it, that instructions can refer
/// to before it is known. Labels belong to the assembler that made them and die with its `reset()`.
public struct Label: Hashable, Sendable {
    let id: Int32
}

/// What a label stands for.
enum LabelBinding {
    /// Not bound yet; `pending` heads the chain of fixups waiting for it (-1: none).
    case unbound(pending: Int32)
    /// An offset in the code being assembled.
    case bound(offset: Int)
    /// An address outside it (another block, a runtime entry point): references become relocations.
    case external(address: UInt)
}

/// A reference to a label not bound yet: `size` bytes at `field`, relative to `instructionEnd`.
struct Fixup {
    let field: Int
    let instructionEnd: Int
    let size: Int
    let next: Int32
}

/// A rel32 reference to an outside address, which only the final location of the code can resolve.
struct Relocation {
    let field: Int
    let instructionEnd: Int
    let target: UInt
}

/// A 16-byte constant placed after the instructions by `finish()`, aligned for andpd/xorpd.
struct Literal {
    let label: Label
    let low: UInt64, high: UInt64
}

public enum AssemblerError: Error, Equatable {
    /// Code refers to a label that was never bound.
    case unboundLabel(Label)
}

extension Assembler {
    public func newLabel() -> Label {
        labels.append(.unbound(pending: -1))
        return Label(id: Int32(labels.count - 1))
    }

    /// A label standing for an address outside this code: jumps, calls and RIP-relative operands
    /// that use it are relocated when the code is placed, and must land within ±2 GiB of it.
    public func label(at address: UnsafeRawPointer) -> Label {
        labels.append(.external(address: UInt(bitPattern: address)))
        return Label(id: Int32(labels.count - 1))
    }

    /// Binds `label` to the current position and resolves every reference already made to it.
    public func bind(_ label: Label) {
        guard case .unbound(var pending) = binding(of: label) else {
            preconditionFailure("label \(label.id) is already bound")
        }
        labels[Int(label.id)] = .bound(offset: position)
        while pending >= 0 {
            let fixup = fixups[Int(pending)]
            let distance = relativeValue(to: position, field: fixup.field, instructionEnd: fixup.instructionEnd, size: fixup.size)
            overwrite(at: fixup.field, distance, size: fixup.size)
            pending = fixup.next
        }
    }

    /// The offset `label` is bound to.
    public func offset(of label: Label) -> Int {
        guard case .bound(let offset) = binding(of: label) else {
            preconditionFailure("label \(label.id) is not bound to an offset in this code")
        }
        return offset
    }

    /// A label for a 16-byte constant that `finish()` places after the instructions, 16-byte aligned:
    /// `xorpd xmm0, [rip + signMask]` flips a double's sign.
    public func literal(low: UInt64, high: UInt64 = 0) -> Label {
        let label = newLabel()
        literals.append(Literal(label: label, low: low, high: high))
        return label
    }

    /// Ends the block: appends the literal pool and checks that every referenced label is bound.
    /// Calling it again does nothing; after an error, `reset()` before reusing the assembler.
    public func finish() throws(AssemblerError) {
        guard instructionBytes == nil else { return }
        let end = position
        if !literals.isEmpty { appendLiteralPool() }
        for (id, binding) in labels.enumerated() {
            if case .unbound(let pending) = binding, pending >= 0 { throw .unboundLabel(Label(id: Int32(id))) }
        }
        instructionBytes = end
    }

    private func appendLiteralPool() {
        let poolStart = (position + 15) & ~15
        reserve(poolStart - position + 16 * literals.count)
        while position < poolStart { put(0xCC) }  // int3: never executed, traps if it is
        for literal in literals {
            bind(literal.label)
            put(Int64(bitPattern: literal.low), size: 8)
            put(Int64(bitPattern: literal.high), size: 8)
        }
    }

    /// Emits a `size`-byte reference to `label` relative to `instructionEnd`: resolved now if the
    /// label is bound, at bind time if not, and when the code is placed if it is outside.
    @inline(__always)
    func putReference(to label: Label, size: Int, instructionEnd: Int) {
        switch binding(of: label) {
        case .bound(let offset):
            put(relativeValue(to: offset, field: position, instructionEnd: instructionEnd, size: size), size: size)
        case .unbound(let pending):
            fixups.append(Fixup(field: position, instructionEnd: instructionEnd, size: size, next: pending))
            labels[Int(label.id)] = .unbound(pending: Int32(fixups.count - 1))
            put(0, size: size)
        case .external(let address):
            precondition(size == 4, "a reference to an outside address needs a rel32 field")
            relocations.append(Relocation(field: position, instructionEnd: instructionEnd, target: address))
            put(0, size: size)
        }
    }

    @inline(__always)
    func binding(of label: Label) -> LabelBinding {
        precondition(Int(label.id) < labels.count, "label \(label.id) was not made by this assembler since its last reset()")
        return labels[Int(label.id)]
    }

    private func relativeValue(to target: Int, field: Int, instructionEnd: Int, size: Int) -> Int64 {
        let distance = Int64(target - instructionEnd)
        precondition(size == 4 || Int8(exactly: distance) != nil,
                     "short jump at offset \(field - 1) cannot reach offset \(target) (distance \(distance)): use a near jump")
        return distance
    }
}
