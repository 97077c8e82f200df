/// One to three opcode bytes, e.g. `0x8B`, `0x0F 0xAF` or `0x0F 0x3A 0x0B`.
struct Opcode {
    let first: UInt8, second: UInt8, third: UInt8
    let count: Int

    init(_ first: UInt8) { (self.first, second, third, count) = (first, 0, 0, 1) }
    init(_ first: UInt8, _ second: UInt8) { (self.first, self.second, third, count) = (first, second, 0, 2) }
    init(_ first: UInt8, _ second: UInt8, _ third: UInt8) {
        (self.first, self.second, self.third, count) = (first, second, third, 3)
    }
}

/// The r/m side of a ModRM instruction: a register number (general or xmm) or memory.
enum RM {
    case register(UInt8)
    case memory(Memory)
}

/// Legacy prefixes this assembler emits: the operand-size override, which is also the mandatory
/// prefix of the packed-double SSE forms, and the scalar-double mandatory prefix.
enum Prefix: UInt8 {
    case none = 0, operandSize = 0x66, scalarDouble = 0xF2
}

extension Assembler {
    /// Emits `[prefix] [REX] opcode ModRM [SIB] [displacement]` for an instruction whose ModRM.reg
    /// field holds `reg` (a register number or an opcode extension). The caller appends the
    /// immediate, if any; its size matters here because a RIP-relative displacement is measured
    /// from the end of the whole instruction.
    @inline(__always)
    func emit(_ prefix: Prefix = .none, rexW: Bool, forceREX: Bool = false, _ opcode: Opcode,
              reg: UInt8, rm: RM, immediateSize: Int = 0) {
        reserve()
        if prefix != .none { put(prefix.rawValue) }
        let rex = 0x40 | (rexW ? 0x08 : 0) | (reg >> 3) << 2 | extensionBits(of: rm)
        if rex != 0x40 || forceREX { put(rex) }
        put(opcode)
        switch rm {
        case .register(let number): put(0xC0 | (reg & 7) << 3 | number & 7)
        case .memory(let memory): putAddress(memory, reg: reg, immediateSize: immediateSize)
        }
    }

    /// Emits an opcode that has no ModRM byte but may carry a register in its low three bits
    /// (`push r`, `mov r, imm`), with the REX prefix that register needs.
    @inline(__always)
    func emit(_ prefix: Prefix = .none, rexW: Bool, forceREX: Bool = false, _ opcode: UInt8, plusRegister register: UInt8) {
        reserve()
        if prefix != .none { put(prefix.rawValue) }
        let rex = 0x40 | (rexW ? 0x08 : 0) | register >> 3
        if rex != 0x40 || forceREX { put(rex) }
        put(opcode | register & 7)
    }

    @inline(__always)
    func put(_ opcode: Opcode) {
        put(opcode.first)
        if opcode.count > 1 { put(opcode.second) }
        if opcode.count > 2 { put(opcode.third) }
    }

    /// REX.X and REX.B: the high bits of the index and of the base or r/m register.
    @inline(__always)
    private func extensionBits(of rm: RM) -> UInt8 {
        switch rm {
        case .register(let number): return number >> 3
        case .memory(let memory):
            let index = ((memory.index ?? 0) >> 3) << 1
            guard case .register(let base) = memory.base else { return index }
            return index | base >> 3
        }
    }

    /// ModRM, SIB and displacement for a memory operand. The irregular cases of the encoding:
    /// r/m = 100 means "a SIB byte follows", so a base of rsp or r12 always needs a SIB byte;
    /// mod = 00 with r/m (or SIB base) = 101 means "RIP-relative" (or "no base"), so a base of
    /// rbp or r13 with no displacement is encoded with an explicit zero disp8.
    @inline(__always)
    private func putAddress(_ memory: Memory, reg: UInt8, immediateSize: Int) {
        let regField = (reg & 7) << 3
        switch memory.base {
        case .rip(let label):
            put(0x05 | regField)
            putReference(to: label, size: 4, instructionEnd: position + 4 + immediateSize)
        case .register(let base):
            let displacement = memory.displacement
            let mod: UInt8 = displacement == 0 && base & 7 != 5 ? 0x00 : Int8(exactly: displacement) != nil ? 0x40 : 0x80
            if let index = memory.index {
                put(mod | regField | 0b100)
                put(memory.scale.rawValue << 6 | (index & 7) << 3 | base & 7)
            } else if base & 7 == 4 {
                put(mod | regField | 0b100)
                put(0x24)  // SIB: no index, base rsp/r12
            } else {
                put(mod | regField | base & 7)
            }
            if mod == 0x40 { put(Int64(displacement), size: 1) }
            if mod == 0x80 { put(Int64(displacement), size: 4) }
        }
    }
}

// MARK: Integer operand sizes and immediates

extension Width {
    /// Bytes of an immediate at this width: a qword operand takes a sign-extended imm32.
    var immediateSize: Int { self == .qword ? 4 : rawValue }

    var prefix: Prefix { self == .word ? .operandSize : .none }

    /// The range an immediate may take: signed or unsigned for 8, 16 and 32 bits (the same bits
    /// either way), but only signed for 64, where the imm32 is sign-extended.
    var immediateRange: ClosedRange<Int64> {
        switch self {
        case .byte: return -0x80...0xFF
        case .word: return -0x8000...0xFFFF
        case .dword: return -0x8000_0000...0xFFFF_FFFF
        case .qword: return -0x8000_0000...0x7FFF_FFFF
        }
    }

    /// `value` as the operand sees it: truncated to this width and read as signed.
    func signed(_ value: Int64) -> Int64 {
        switch self {
        case .byte: return Int64(Int8(truncatingIfNeeded: value))
        case .word: return Int64(Int16(truncatingIfNeeded: value))
        case .dword: return Int64(Int32(truncatingIfNeeded: value))
        case .qword: return value
        }
    }
}

extension Assembler {
    /// Stops on an immediate the operand cannot hold rather than silently truncating it.
    @inline(__always)
    func checkImmediate(_ value: Int64, _ width: Width, _ mnemonic: StaticString) {
        precondition(width.immediateRange.contains(value),
                     "\(mnemonic): immediate \(value) does not fit a \(width) operand")
    }

    /// Whether a word/dword/qword immediate has a shorter sign-extended imm8 encoding.
    @inline(__always)
    func fitsImm8(_ value: Int64, _ width: Width) -> Bool {
        (-0x80...0x7F).contains(width.signed(value))
    }

    @inline(__always)
    func checkSameWidth(_ a: Register, _ b: Register, _ mnemonic: StaticString) {
        precondition(a.width == b.width, "\(mnemonic): operand widths differ (\(a), \(b))")
    }
}
