/// How far a jump to a label may reach.
public enum JumpSize: Sendable {
    /// rel8 for a bound label within reach, else rel32 (so always rel32 for a forward reference).
    case auto
    /// rel8, also for a forward reference; binding the label out of reach stops with a message.
    case short
}

/// The rel32 field of a jump emitted to be retargeted after the code is installed.
public struct PatchSite: Hashable, Sendable {
    /// Offset of the four-byte displacement in the assembled code; it is relative to `offset + 4`.
    public let offset: Int
}

extension Assembler {
    public func jmp(_ target: Label, _ size: JumpSize = .auto) {
        reserve()
        if isShort(target, size) {
            put(0xEB)
            putReference(to: target, size: 1, instructionEnd: position + 1)
        } else {
            put(0xE9)
            putReference(to: target, size: 4, instructionEnd: position + 4)
        }
    }

    public func jcc(_ condition: Condition, _ target: Label, _ size: JumpSize = .auto) {
        reserve()
        if isShort(target, size) {
            put(0x70 | condition.rawValue)
            putReference(to: target, size: 1, instructionEnd: position + 1)
        } else {
            put(Opcode(0x0F, 0x80 | condition.rawValue))
            putReference(to: target, size: 4, instructionEnd: position + 4)
        }
    }

    /// A near jump whose target can be rewritten in place once the code is installed
    /// (`InstalledCode.patchableJump(at:)`, then `CodeWriter.patch`).
    public func patchableJmp(to target: Label) -> PatchSite {
        reserve()
        put(0xE9)
        return patchableReference(to: target)
    }

    /// A near conditional jump whose target can be rewritten in place once the code is installed.
    public func patchableJcc(_ condition: Condition, to target: Label) -> PatchSite {
        reserve()
        put(Opcode(0x0F, 0x80 | condition.rawValue))
        return patchableReference(to: target)
    }

    /// A rel32 call. For a Swift function far from the code cache, load its address into a
    /// register and `call(_: Register)` instead.
    public func call(_ target: Label) {
        reserve()
        put(0xE8)
        putReference(to: target, size: 4, instructionEnd: position + 4)
    }

    public func call(_ target: Register) {
        precondition(target.width == .qword, "call through a register takes a 64-bit register, not \(target)")
        emit(rexW: false, Opcode(0xFF), reg: 2, rm: .register(target.number))
    }

    public func ret() {
        reserve()
        put(0xC3)
    }

    private func patchableReference(to target: Label) -> PatchSite {
        let site = PatchSite(offset: position)
        putReference(to: target, size: 4, instructionEnd: position + 4)
        return site
    }

    /// Whether a jump to `target` gets a rel8 field. A jump's rel8 form is two bytes long.
    private func isShort(_ target: Label, _ size: JumpSize) -> Bool {
        if size == .short { return true }
        guard case .bound(let offset) = binding(of: target) else { return false }
        return Int8(exactly: offset - (position + 2)) != nil
    }
}
