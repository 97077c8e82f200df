/// The eight classic ALU operations, which share one encoding scheme indexed by `rawValue` (n):
/// `op r/m, r` is 0x00/0x01 + 8n, `op r, r/m` is 0x02/0x03 + 8n, `op al/eax, imm` is
/// 0x04/0x05 + 8n, and `op r/m, imm` is 0x80, 0x81 or 0x83 with n as the ModRM extension.
enum ArithmeticOperation: UInt8 {
    case add, or, adc, sbb, and, sub, xor, cmp

    var mnemonic: StaticString {
        switch self {
        case .add: "add"
        case .or: "or"
        case .adc: "adc"
        case .sbb: "sbb"
        case .and: "and"
        case .sub: "sub"
        case .xor: "xor"
        case .cmp: "cmp"
        }
    }
}

/// The shifts of group 2 (0xC0/0xC1, 0xD0–0xD3); the raw value is the ModRM extension.
enum ShiftOperation: UInt8 {
    case shl = 4, shr = 5, sar = 7
}

/// The group-3 unary operations (0xF6/0xF7); the raw value is the ModRM extension.
enum UnaryOperation: UInt8 {
    case not = 2, neg = 3, idiv = 7
}

extension Assembler {
    // MARK: add, or, adc, sbb, and, sub, xor, cmp

    public func add(_ dst: Register, _ src: Register) { arithmetic(.add, dst, src) }
    public func add(_ dst: Register, _ src: Memory) { arithmetic(.add, dst, src) }
    public func add(_ dst: Memory, _ src: Register) { arithmetic(.add, dst, src) }
    public func add(_ dst: Register, _ imm: Int64) { arithmetic(.add, dst, imm) }
    public func add(_ width: Width, _ dst: Memory, _ imm: Int64) { arithmetic(.add, width, dst, imm) }

    public func or(_ dst: Register, _ src: Register) { arithmetic(.or, dst, src) }
    public func or(_ dst: Register, _ src: Memory) { arithmetic(.or, dst, src) }
    public func or(_ dst: Memory, _ src: Register) { arithmetic(.or, dst, src) }
    public func or(_ dst: Register, _ imm: Int64) { arithmetic(.or, dst, imm) }
    public func or(_ width: Width, _ dst: Memory, _ imm: Int64) { arithmetic(.or, width, dst, imm) }

    public func adc(_ dst: Register, _ src: Register) { arithmetic(.adc, dst, src) }
    public func adc(_ dst: Register, _ src: Memory) { arithmetic(.adc, dst, src) }
    public func adc(_ dst: Memory, _ src: Register) { arithmetic(.adc, dst, src) }
    public func adc(_ dst: Register, _ imm: Int64) { arithmetic(.adc, dst, imm) }
    public func adc(_ width: Width, _ dst: Memory, _ imm: Int64) { arithmetic(.adc, width, dst, imm) }

    public func sbb(_ dst: Register, _ src: Register) { arithmetic(.sbb, dst, src) }
    public func sbb(_ dst: Register, _ src: Memory) { arithmetic(.sbb, dst, src) }
    public func sbb(_ dst: Memory, _ src: Register) { arithmetic(.sbb, dst, src) }
    public func sbb(_ dst: Register, _ imm: Int64) { arithmetic(.sbb, dst, imm) }
    public func sbb(_ width: Width, _ dst: Memory, _ imm: Int64) { arithmetic(.sbb, width, dst, imm) }

    public func and(_ dst: Register, _ src: Register) { arithmetic(.and, dst, src) }
    public func and(_ dst: Register, _ src: Memory) { arithmetic(.and, dst, src) }
    public func and(_ dst: Memory, _ src: Register) { arithmetic(.and, dst, src) }
    public func and(_ dst: Register, _ imm: Int64) { arithmetic(.and, dst, imm) }
    public func and(_ width: Width, _ dst: Memory, _ imm: Int64) { arithmetic(.and, width, dst, imm) }

    public func sub(_ dst: Register, _ src: Register) { arithmetic(.sub, dst, src) }
    public func sub(_ dst: Register, _ src: Memory) { arithmetic(.sub, dst, src) }
    public func sub(_ dst: Memory, _ src: Register) { arithmetic(.sub, dst, src) }
    public func sub(_ dst: Register, _ imm: Int64) { arithmetic(.sub, dst, imm) }
    public func sub(_ width: Width, _ dst: Memory, _ imm: Int64) { arithmetic(.sub, width, dst, imm) }

    public func xor(_ dst: Register, _ src: Register) { arithmetic(.xor, dst, src) }
    public func xor(_ dst: Register, _ src: Memory) { arithmetic(.xor, dst, src) }
    public func xor(_ dst: Memory, _ src: Register) { arithmetic(.xor, dst, src) }
    public func xor(_ dst: Register, _ imm: Int64) { arithmetic(.xor, dst, imm) }
    public func xor(_ width: Width, _ dst: Memory, _ imm: Int64) { arithmetic(.xor, width, dst, imm) }

    public func cmp(_ dst: Register, _ src: Register) { arithmetic(.cmp, dst, src) }
    public func cmp(_ dst: Register, _ src: Memory) { arithmetic(.cmp, dst, src) }
    public func cmp(_ dst: Memory, _ src: Register) { arithmetic(.cmp, dst, src) }
    public func cmp(_ dst: Register, _ imm: Int64) { arithmetic(.cmp, dst, imm) }
    public func cmp(_ width: Width, _ dst: Memory, _ imm: Int64) { arithmetic(.cmp, width, dst, imm) }

    private func arithmetic(_ op: ArithmeticOperation, _ dst: Register, _ src: Register) {
        checkSameWidth(dst, src, op.mnemonic)
        emitInteger(dst.width, sized(op.rawValue << 3, dst.width), reg: src.number, rm: .register(dst.number),
                    forceREX: dst.needsREXForByteAccess || src.needsREXForByteAccess)
    }

    private func arithmetic(_ op: ArithmeticOperation, _ dst: Register, _ src: Memory) {
        emitInteger(dst.width, sized(op.rawValue << 3 | 2, dst.width), reg: dst.number, rm: .memory(src),
                    forceREX: dst.needsREXForByteAccess)
    }

    private func arithmetic(_ op: ArithmeticOperation, _ dst: Memory, _ src: Register) {
        emitInteger(src.width, sized(op.rawValue << 3, src.width), reg: src.number, rm: .memory(dst),
                    forceREX: src.needsREXForByteAccess)
    }

    private func arithmetic(_ op: ArithmeticOperation, _ dst: Register, _ imm: Int64) {
        checkImmediate(imm, dst.width, op.mnemonic)
        // The accumulator forms have no ModRM byte, so they beat 0x80/0x81 by one byte,
        // but a sign-extended imm8 (0x83) is shorter still.
        if dst.number == 0 && (dst.width == .byte || !fitsImm8(imm, dst.width)) {
            emit(dst.width.prefix, rexW: dst.width == .qword, sized(op.rawValue << 3 | 4, dst.width).first, plusRegister: 0)
            put(imm, size: dst.width.immediateSize)
        } else {
            emitImmediateGroup(op.rawValue, dst.width, .register(dst.number), imm, forceREX: dst.needsREXForByteAccess)
        }
    }

    private func arithmetic(_ op: ArithmeticOperation, _ width: Width, _ dst: Memory, _ imm: Int64) {
        checkImmediate(imm, width, op.mnemonic)
        emitImmediateGroup(op.rawValue, width, .memory(dst), imm, forceREX: false)
    }

    /// `op r/m, imm` in its shortest form: 0x80 /n ib for bytes, else 0x83 /n with a sign-extended
    /// imm8 when the value allows, else 0x81 /n with a full immediate.
    private func emitImmediateGroup(_ n: UInt8, _ width: Width, _ rm: RM, _ imm: Int64, forceREX: Bool) {
        let immediateSize = width == .byte || fitsImm8(imm, width) ? 1 : width.immediateSize
        let opcode: UInt8 = width == .byte ? 0x80 : immediateSize == 1 ? 0x83 : 0x81
        emitInteger(width, Opcode(opcode), reg: n, rm: rm, forceREX: forceREX, immediateSize: immediateSize)
        put(imm, size: immediateSize)
    }

    // MARK: mov, movzx, movsx, movsxd, lea

    public func mov(_ dst: Register, _ src: Register) {
        checkSameWidth(dst, src, "mov")
        emitInteger(dst.width, sized(0x88, dst.width), reg: src.number, rm: .register(dst.number),
                    forceREX: dst.needsREXForByteAccess || src.needsREXForByteAccess)
    }

    public func mov(_ dst: Register, _ src: Memory) {
        emitInteger(dst.width, sized(0x8A, dst.width), reg: dst.number, rm: .memory(src), forceREX: dst.needsREXForByteAccess)
    }

    public func mov(_ dst: Memory, _ src: Register) {
        emitInteger(src.width, sized(0x88, src.width), reg: src.number, rm: .memory(dst), forceREX: src.needsREXForByteAccess)
    }

    /// Loads a constant with the shortest encoding. For a 64-bit register: `mov r32, imm32` (which
    /// zero-extends) for 0..<2^32, `mov r/m64, imm32` (sign-extended) for other 32-bit values, and
    /// `movabs r64, imm64` for the rest.
    public func mov(_ dst: Register, _ imm: Int64) {
        if dst.width == .qword, UInt32(exactly: imm) == nil {
            if Int32(exactly: imm) != nil {
                emitInteger(.qword, Opcode(0xC7), reg: 0, rm: .register(dst.number), immediateSize: 4)
                put(imm, size: 4)
            } else {
                emit(rexW: true, 0xB8, plusRegister: dst.number)
                put(imm, size: 8)
            }
            return
        }
        let width = dst.width == .qword ? Width.dword : dst.width
        checkImmediate(imm, width, "mov")
        emit(width.prefix, rexW: false, forceREX: dst.needsREXForByteAccess, width == .byte ? 0xB0 : 0xB8,
             plusRegister: dst.number)
        put(imm, size: width.immediateSize)
    }

    public func mov(_ width: Width, _ dst: Memory, _ imm: Int64) {
        checkImmediate(imm, width, "mov")
        emitInteger(width, sized(0xC6, width), reg: 0, rm: .memory(dst), immediateSize: width.immediateSize)
        put(imm, size: width.immediateSize)
    }

    /// Zero-extends a byte or word register into a wider one.
    public func movzx(_ dst: Register, _ src: Register) { extend(0xB6, "movzx", dst, src.width, .register(src.number), src.needsREXForByteAccess) }
    /// Zero-extends a byte or word in memory (`width`) into a register.
    public func movzx(_ dst: Register, _ width: Width, _ src: Memory) { extend(0xB6, "movzx", dst, width, .memory(src), false) }
    /// Sign-extends a byte or word register into a wider one.
    public func movsx(_ dst: Register, _ src: Register) { extend(0xBE, "movsx", dst, src.width, .register(src.number), src.needsREXForByteAccess) }
    /// Sign-extends a byte or word in memory (`width`) into a register.
    public func movsx(_ dst: Register, _ width: Width, _ src: Memory) { extend(0xBE, "movsx", dst, width, .memory(src), false) }

    /// `0F B6/B7` (movzx) and `0F BE/BF` (movsx): the second opcode byte's low bit selects a word source.
    private func extend(_ opcode: UInt8, _ mnemonic: StaticString, _ dst: Register, _ sourceWidth: Width, _ rm: RM, _ forceREX: Bool) {
        precondition(sourceWidth == .byte || sourceWidth == .word, "\(mnemonic) extends a byte or a word, not a \(sourceWidth)")
        precondition(dst.width.rawValue > sourceWidth.rawValue, "\(mnemonic): \(dst) is not wider than a \(sourceWidth)")
        emitInteger(dst.width, Opcode(0x0F, sourceWidth == .word ? opcode + 1 : opcode), reg: dst.number, rm: rm,
                    forceREX: forceREX)
    }

    /// Sign-extends a dword register into a 64-bit one.
    public func movsxd(_ dst: Register, _ src: Register) {
        precondition(src.width == .dword, "movsxd extends a dword, not \(src)")
        movsxd(dst, .register(src.number))
    }

    /// Sign-extends a dword in memory into a 64-bit register.
    public func movsxd(_ dst: Register, _ src: Memory) { movsxd(dst, .memory(src)) }

    private func movsxd(_ dst: Register, _ rm: RM) {
        precondition(dst.width == .qword, "movsxd extends into a 64-bit register, not \(dst)")
        emitInteger(.qword, Opcode(0x63), reg: dst.number, rm: rm)
    }

    public func lea(_ dst: Register, _ src: Memory) {
        precondition(dst.width == .qword || dst.width == .dword, "lea computes into a 32- or 64-bit register, not \(dst)")
        emitInteger(dst.width, Opcode(0x8D), reg: dst.number, rm: .memory(src))
    }

    // MARK: imul, neg, not, idiv, cqo

    public func imul(_ dst: Register, _ src: Register) {
        checkSameWidth(dst, src, "imul")
        imul(dst, .register(src.number))
    }

    public func imul(_ dst: Register, _ src: Memory) { imul(dst, .memory(src)) }

    private func imul(_ dst: Register, _ rm: RM) {
        precondition(dst.width != .byte, "imul has no two-operand byte form")
        emitInteger(dst.width, Opcode(0x0F, 0xAF), reg: dst.number, rm: rm)
    }

    /// `dst = src * imm`, with a sign-extended imm8 (0x6B) when the value allows, else 0x69.
    public func imul(_ dst: Register, _ src: Register, _ imm: Int64) {
        checkSameWidth(dst, src, "imul")
        imul(dst, .register(src.number), imm)
    }

    public func imul(_ dst: Register, _ src: Memory, _ imm: Int64) { imul(dst, .memory(src), imm) }

    private func imul(_ dst: Register, _ rm: RM, _ imm: Int64) {
        precondition(dst.width != .byte, "imul has no three-operand byte form")
        checkImmediate(imm, dst.width, "imul")
        let immediateSize = fitsImm8(imm, dst.width) ? 1 : dst.width.immediateSize
        emitInteger(dst.width, Opcode(immediateSize == 1 ? 0x6B : 0x69), reg: dst.number, rm: rm, immediateSize: immediateSize)
        put(imm, size: immediateSize)
    }

    public func neg(_ dst: Register) { unary(.neg, dst) }
    public func neg(_ width: Width, _ dst: Memory) { unary(.neg, width, .memory(dst)) }
    public func not(_ dst: Register) { unary(.not, dst) }
    public func not(_ width: Width, _ dst: Memory) { unary(.not, width, .memory(dst)) }
    /// Signed division of rdx:rax (edx:eax, ...) by the operand: quotient in rax, remainder in rdx.
    public func idiv(_ divisor: Register) { unary(.idiv, divisor) }
    public func idiv(_ width: Width, _ divisor: Memory) { unary(.idiv, width, .memory(divisor)) }

    private func unary(_ op: UnaryOperation, _ register: Register) {
        unary(op, register.width, .register(register.number), forceREX: register.needsREXForByteAccess)
    }

    private func unary(_ op: UnaryOperation, _ width: Width, _ rm: RM, forceREX: Bool = false) {
        emitInteger(width, sized(0xF6, width), reg: op.rawValue, rm: rm, forceREX: forceREX)
    }

    /// Sign-extends rax into rdx:rax, the dividend `idiv` expects.
    public func cqo() { emit(rexW: true, 0x99, plusRegister: 0) }

    // MARK: shl, shr, sar

    public func shl(_ dst: Register, _ count: UInt8) { shift(.shl, dst, count) }
    public func shl(_ dst: Register, _ count: Register) { shift(.shl, dst, count) }
    public func shl(_ width: Width, _ dst: Memory, _ count: UInt8) { shift(.shl, width, .memory(dst), count) }
    public func shl(_ width: Width, _ dst: Memory, _ count: Register) { shift(.shl, width, .memory(dst), count) }

    public func shr(_ dst: Register, _ count: UInt8) { shift(.shr, dst, count) }
    public func shr(_ dst: Register, _ count: Register) { shift(.shr, dst, count) }
    public func shr(_ width: Width, _ dst: Memory, _ count: UInt8) { shift(.shr, width, .memory(dst), count) }
    public func shr(_ width: Width, _ dst: Memory, _ count: Register) { shift(.shr, width, .memory(dst), count) }

    public func sar(_ dst: Register, _ count: UInt8) { shift(.sar, dst, count) }
    public func sar(_ dst: Register, _ count: Register) { shift(.sar, dst, count) }
    public func sar(_ width: Width, _ dst: Memory, _ count: UInt8) { shift(.sar, width, .memory(dst), count) }
    public func sar(_ width: Width, _ dst: Memory, _ count: Register) { shift(.sar, width, .memory(dst), count) }

    private func shift(_ op: ShiftOperation, _ dst: Register, _ count: UInt8) {
        shift(op, dst.width, .register(dst.number), count, forceREX: dst.needsREXForByteAccess)
    }

    private func shift(_ op: ShiftOperation, _ dst: Register, _ count: Register) {
        shift(op, dst.width, .register(dst.number), count, forceREX: dst.needsREXForByteAccess)
    }

    /// Shift by an immediate: 0xD0/0xD1 (by one, no immediate byte) or 0xC0/0xC1 ib.
    private func shift(_ op: ShiftOperation, _ width: Width, _ rm: RM, _ count: UInt8, forceREX: Bool = false) {
        // The CPU masks the count to 5 bits (6 for a qword); a larger one is a caller's mistake.
        precondition(count < (width == .qword ? 64 : 32), "shift count \(count) is out of range for a \(width)")
        if count == 1 {
            emitInteger(width, sized(0xD0, width), reg: op.rawValue, rm: rm, forceREX: forceREX)
        } else {
            emitInteger(width, sized(0xC0, width), reg: op.rawValue, rm: rm, forceREX: forceREX, immediateSize: 1)
            put(Int64(count), size: 1)
        }
    }

    /// Shift by cl: 0xD2/0xD3. Only cl can hold the count.
    private func shift(_ op: ShiftOperation, _ width: Width, _ rm: RM, _ count: Register, forceREX: Bool = false) {
        precondition(count == .cl, "a shift count register must be cl, not \(count)")
        emitInteger(width, sized(0xD2, width), reg: op.rawValue, rm: rm, forceREX: forceREX)
    }

    // MARK: test, setcc, cmovcc

    public func test(_ a: Register, _ b: Register) {
        checkSameWidth(a, b, "test")
        emitInteger(a.width, sized(0x84, a.width), reg: b.number, rm: .register(a.number),
                    forceREX: a.needsREXForByteAccess || b.needsREXForByteAccess)
    }

    public func test(_ a: Memory, _ b: Register) {
        emitInteger(b.width, sized(0x84, b.width), reg: b.number, rm: .memory(a), forceREX: b.needsREXForByteAccess)
    }

    /// `test r, imm`; test has no sign-extended imm8 form, but the accumulator one (0xA8/0xA9) saves a byte.
    public func test(_ a: Register, _ imm: Int64) {
        checkImmediate(imm, a.width, "test")
        if a.number == 0 {
            emit(a.width.prefix, rexW: a.width == .qword, sized(0xA8, a.width).first, plusRegister: 0)
            put(imm, size: a.width.immediateSize)
        } else {
            test(a.width, .register(a.number), imm, forceREX: a.needsREXForByteAccess)
        }
    }

    public func test(_ width: Width, _ a: Memory, _ imm: Int64) {
        checkImmediate(imm, width, "test")
        test(width, .memory(a), imm, forceREX: false)
    }

    private func test(_ width: Width, _ rm: RM, _ imm: Int64, forceREX: Bool) {
        emitInteger(width, sized(0xF6, width), reg: 0, rm: rm, forceREX: forceREX, immediateSize: width.immediateSize)
        put(imm, size: width.immediateSize)
    }

    /// Sets a byte register to 1 if `condition` holds, else 0.
    public func setcc(_ condition: Condition, _ dst: Register) {
        precondition(dst.width == .byte, "setcc writes a byte register, not \(dst)")
        emit(rexW: false, forceREX: dst.needsREXForByteAccess, Opcode(0x0F, 0x90 | condition.rawValue), reg: 0,
             rm: .register(dst.number))
    }

    /// Sets a byte in memory to 1 if `condition` holds, else 0.
    public func setcc(_ condition: Condition, _ dst: Memory) {
        emit(rexW: false, Opcode(0x0F, 0x90 | condition.rawValue), reg: 0, rm: .memory(dst))
    }

    public func cmovcc(_ condition: Condition, _ dst: Register, _ src: Register) {
        checkSameWidth(dst, src, "cmovcc")
        cmovcc(condition, dst, .register(src.number))
    }

    public func cmovcc(_ condition: Condition, _ dst: Register, _ src: Memory) { cmovcc(condition, dst, .memory(src)) }

    private func cmovcc(_ condition: Condition, _ dst: Register, _ rm: RM) {
        precondition(dst.width != .byte, "cmovcc has no byte form")
        emitInteger(dst.width, Opcode(0x0F, 0x40 | condition.rawValue), reg: dst.number, rm: rm)
    }

    // MARK: push, pop

    public func push(_ register: Register) {
        precondition(register.width == .qword, "push takes a 64-bit register, not \(register)")
        emit(rexW: false, 0x50, plusRegister: register.number)
    }

    public func pop(_ register: Register) {
        precondition(register.width == .qword, "pop takes a 64-bit register, not \(register)")
        emit(rexW: false, 0x58, plusRegister: register.number)
    }

    // MARK: Shared encoding

    /// The opcode of an instruction whose byte form is `byteOpcode` and whose word, dword and qword
    /// form is the next opcode, as for most of the original 8086 instructions.
    @inline(__always)
    func sized(_ byteOpcode: UInt8, _ width: Width) -> Opcode {
        Opcode(width == .byte ? byteOpcode : byteOpcode + 1)
    }

    /// An integer instruction at `width`: with the 0x66 prefix for a word, REX.W for a qword.
    @inline(__always)
    func emitInteger(_ width: Width, _ opcode: Opcode, reg: UInt8, rm: RM, forceREX: Bool = false, immediateSize: Int = 0) {
        emit(width.prefix, rexW: width == .qword, forceREX: forceREX, opcode, reg: reg, rm: rm, immediateSize: immediateSize)
    }
}
