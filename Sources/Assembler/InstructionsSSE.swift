/// The rounding of `roundsd`, as its immediate (bits 0–1; bit 2 clear: not the MXCSR mode).
public enum RoundingMode: UInt8, CaseIterable, Sendable {
    case toNearest = 0, down = 1, up = 2, towardZero = 3
}

/// SSE2 scalar-double instructions (and SSE4.1 roundsd). All have the form
/// `[66|F2] [REX] 0F op ModRM`, with the xmm destination (or source, for stores) in ModRM.reg.
extension Assembler {
    public func movsd(_ dst: XMM, _ src: XMM) { sse(.scalarDouble, 0x10, dst.number, .register(src.number)) }
    public func movsd(_ dst: XMM, _ src: Memory) { sse(.scalarDouble, 0x10, dst.number, .memory(src)) }
    public func movsd(_ dst: Memory, _ src: XMM) { sse(.scalarDouble, 0x11, src.number, .memory(dst)) }

    /// Moves the 64 bits of a general register into an xmm register (zeroing its high half).
    public func movq(_ dst: XMM, _ src: Register) {
        precondition(src.width == .qword, "movq moves a 64-bit register, not \(src)")
        sse(.operandSize, 0x6E, dst.number, .register(src.number), rexW: true)
    }

    /// Moves the low 64 bits of an xmm register into a general register.
    public func movq(_ dst: Register, _ src: XMM) {
        precondition(dst.width == .qword, "movq moves into a 64-bit register, not \(dst)")
        sse(.operandSize, 0x7E, src.number, .register(dst.number), rexW: true)
    }

    public func addsd(_ dst: XMM, _ src: XMM) { sse(.scalarDouble, 0x58, dst.number, .register(src.number)) }
    public func addsd(_ dst: XMM, _ src: Memory) { sse(.scalarDouble, 0x58, dst.number, .memory(src)) }
    public func subsd(_ dst: XMM, _ src: XMM) { sse(.scalarDouble, 0x5C, dst.number, .register(src.number)) }
    public func subsd(_ dst: XMM, _ src: Memory) { sse(.scalarDouble, 0x5C, dst.number, .memory(src)) }
    public func mulsd(_ dst: XMM, _ src: XMM) { sse(.scalarDouble, 0x59, dst.number, .register(src.number)) }
    public func mulsd(_ dst: XMM, _ src: Memory) { sse(.scalarDouble, 0x59, dst.number, .memory(src)) }
    public func divsd(_ dst: XMM, _ src: XMM) { sse(.scalarDouble, 0x5E, dst.number, .register(src.number)) }
    public func divsd(_ dst: XMM, _ src: Memory) { sse(.scalarDouble, 0x5E, dst.number, .memory(src)) }
    public func sqrtsd(_ dst: XMM, _ src: XMM) { sse(.scalarDouble, 0x51, dst.number, .register(src.number)) }
    public func sqrtsd(_ dst: XMM, _ src: Memory) { sse(.scalarDouble, 0x51, dst.number, .memory(src)) }

    /// Compares and sets ZF, PF, CF (PF: unordered, a NaN operand); quiet NaNs do not fault.
    public func ucomisd(_ a: XMM, _ b: XMM) { sse(.operandSize, 0x2E, a.number, .register(b.number)) }
    public func ucomisd(_ a: XMM, _ b: Memory) { sse(.operandSize, 0x2E, a.number, .memory(b)) }
    /// Like ucomisd, but any NaN raises the invalid-operation exception.
    public func comisd(_ a: XMM, _ b: XMM) { sse(.operandSize, 0x2F, a.number, .register(b.number)) }
    public func comisd(_ a: XMM, _ b: Memory) { sse(.operandSize, 0x2F, a.number, .memory(b)) }

    /// Converts a signed dword or qword register to a double.
    public func cvtsi2sd(_ dst: XMM, _ src: Register) {
        precondition(src.width == .qword || src.width == .dword, "cvtsi2sd converts a 32- or 64-bit integer, not \(src)")
        sse(.scalarDouble, 0x2A, dst.number, .register(src.number), rexW: src.width == .qword)
    }

    /// Converts a signed dword or qword in memory (`width`) to a double.
    public func cvtsi2sd(_ dst: XMM, _ width: Width, _ src: Memory) {
        precondition(width == .qword || width == .dword, "cvtsi2sd converts a 32- or 64-bit integer, not a \(width)")
        sse(.scalarDouble, 0x2A, dst.number, .memory(src), rexW: width == .qword)
    }

    /// Converts a double to a signed integer, truncating; out of range gives the "integer indefinite" 0x80…0.
    public func cvttsd2si(_ dst: Register, _ src: XMM) { cvttsd2si(dst, .register(src.number)) }
    public func cvttsd2si(_ dst: Register, _ src: Memory) { cvttsd2si(dst, .memory(src)) }

    private func cvttsd2si(_ dst: Register, _ rm: RM) {
        precondition(dst.width == .qword || dst.width == .dword, "cvttsd2si converts to a 32- or 64-bit register, not \(dst)")
        sse(.scalarDouble, 0x2C, dst.number, rm, rexW: dst.width == .qword)
    }

    /// Bitwise xor of all 128 bits; a memory operand must be 16-byte aligned (see `literal`).
    public func xorpd(_ dst: XMM, _ src: XMM) { sse(.operandSize, 0x57, dst.number, .register(src.number)) }
    public func xorpd(_ dst: XMM, _ src: Memory) { sse(.operandSize, 0x57, dst.number, .memory(src)) }
    /// Bitwise and of all 128 bits; a memory operand must be 16-byte aligned (see `literal`).
    public func andpd(_ dst: XMM, _ src: XMM) { sse(.operandSize, 0x54, dst.number, .register(src.number)) }
    public func andpd(_ dst: XMM, _ src: Memory) { sse(.operandSize, 0x54, dst.number, .memory(src)) }

    /// Rounds a double to an integral double (SSE4.1).
    public func roundsd(_ dst: XMM, _ src: XMM, _ mode: RoundingMode) { roundsd(dst, .register(src.number), mode) }
    public func roundsd(_ dst: XMM, _ src: Memory, _ mode: RoundingMode) { roundsd(dst, .memory(src), mode) }

    private func roundsd(_ dst: XMM, _ rm: RM, _ mode: RoundingMode) {
        emit(.operandSize, rexW: false, Opcode(0x0F, 0x3A, 0x0B), reg: dst.number, rm: rm, immediateSize: 1)
        put(mode.rawValue)
    }

    private func sse(_ prefix: Prefix, _ opcode: UInt8, _ reg: UInt8, _ rm: RM, rexW: Bool = false) {
        emit(prefix, rexW: rexW, Opcode(0x0F, opcode), reg: reg, rm: rm)
    }
}
