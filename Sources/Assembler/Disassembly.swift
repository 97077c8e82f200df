/// One decoded instruction.
public struct DisassembledInstruction: Sendable, CustomStringConvertible {
    public let address: UInt
    public let bytes: [UInt8]
    /// Intel syntax spelled as `objdump -M intel` spells it (hex immediates, absolute jump
    /// targets, `QWORD PTR`), so listings and the system disassembler can be compared directly.
    /// "(bad)" for a byte this decoder does not know.
    public let text: String

    /// `address: bytes  text`, one line of a listing.
    public var description: String {
        let hexBytes = bytes.map { hex2($0) }.joined(separator: " ")
        let padding = String(repeating: " ", count: max(0, 30 - hexBytes.count))
        return "\(String(address, radix: 16)):  \(hexBytes)\(padding)  \(text)"
    }
}

/// Decodes the instructions this assembler emits (and only those: anything else is "(bad)"),
/// to read what the JIT generated. It works from the bytes, so a listing taken after a patch
/// shows the patched targets.
public enum Disassembler {
    /// Decodes `code` as if it started at `address` (which jump and call targets are relative to).
    public static func disassemble(_ code: [UInt8], address: UInt = 0) -> [DisassembledInstruction] {
        var decoder = InstructionDecoder(code: code, origin: address)
        var instructions: [DisassembledInstruction] = []
        while decoder.position < code.count {
            let start = decoder.position
            let text = decoder.decodeInstruction()
            if text == nil { decoder.position = start + 1 }
            instructions.append(DisassembledInstruction(
                address: address + UInt(start), bytes: Array(code[start..<decoder.position]), text: text ?? "(bad)"))
        }
        return instructions
    }

    /// A listing, one instruction per line.
    public static func listing(_ code: [UInt8], address: UInt = 0) -> String {
        disassemble(code, address: address).map(\.description).joined(separator: "\n")
    }
}

private func hex2(_ byte: UInt8) -> String {
    byte < 0x10 ? "0" + String(byte, radix: 16) : String(byte, radix: 16)
}

/// Reads one instruction at a time: prefixes, REX, opcode, ModRM, SIB, displacement, immediate.
private struct InstructionDecoder {
    let code: [UInt8]
    let origin: UInt
    var position = 0

    // State of the instruction being decoded.
    private var operandSizePrefix = false
    private var scalarDoublePrefix = false
    private var rex: UInt8?

    init(code: [UInt8], origin: UInt) {
        self.code = code
        self.origin = origin
    }

    private var rexW: Bool { (rex ?? 0) & 8 != 0 }
    private var rexR: UInt8 { ((rex ?? 0) & 4) << 1 }
    private var rexX: UInt8 { ((rex ?? 0) & 2) << 2 }
    private var rexB: UInt8 { ((rex ?? 0) & 1) << 3 }
    /// The width of a full-size integer operand: REX.W beats 0x66.
    private var width: Width { rexW ? .qword : operandSizePrefix ? .word : .dword }

    mutating func decodeInstruction() -> String? {
        operandSizePrefix = false
        scalarDoublePrefix = false
        rex = nil
        while let byte = peek(), byte == 0x66 || byte == 0xF2 {
            if byte == 0x66 { operandSizePrefix = true } else { scalarDoublePrefix = true }
            position += 1
        }
        if let byte = peek(), byte & 0xF0 == 0x40 {
            rex = byte
            position += 1
        }
        guard let opcode = readByte() else { return nil }
        if scalarDoublePrefix && opcode != 0x0F { return nil }
        return opcode == 0x0F ? decodeTwoByte() : decodeOneByte(opcode)
    }

    // MARK: Opcode maps

    private static let arithmetic = ["add", "or", "adc", "sbb", "and", "sub", "xor", "cmp"]

    private mutating func decodeOneByte(_ opcode: UInt8) -> String? {
        switch opcode {
        case 0x00...0x3F where opcode & 7 < 6:
            return decodeArithmetic(opcode)
        case 0x50...0x57:
            return "push " + name(of: opcode & 7 | rexB, .qword)
        case 0x58...0x5F:
            return "pop " + name(of: opcode & 7 | rexB, .qword)
        case 0x63:
            guard rexW, let (reg, rm) = modRM(rmWidth: .dword) else { return nil }
            return "movsxd \(name(of: reg, .qword)),\(rm)"
        case 0x69, 0x6B:
            guard let (reg, rm) = modRM(rmWidth: width),
                  let imm = readImmediate(opcode == 0x6B ? 1 : width.immediateSize) else { return nil }
            return "imul \(name(of: reg, width)),\(rm),\(hex(imm, width))"
        case 0x70...0x7F:
            guard let target = readRelative(1) else { return nil }
            return "j\(Condition.suffixes[Int(opcode & 15)]) \(target)"
        case 0x80, 0x81, 0x83:
            let operandWidth = opcode == 0x80 ? .byte : width
            guard let (n, rm) = modRM(rmWidth: operandWidth),
                  let imm = readImmediate(opcode == 0x81 ? operandWidth.immediateSize : 1) else { return nil }
            return "\(Self.arithmetic[Int(n & 7)]) \(rm),\(hex(imm, operandWidth))"
        case 0x84, 0x85:
            let operandWidth = opcode == 0x84 ? .byte : width
            guard let (reg, rm) = modRM(rmWidth: operandWidth) else { return nil }
            return "test \(rm),\(name(of: reg, operandWidth))"
        case 0x88...0x8B:
            let operandWidth = opcode & 1 == 0 ? .byte : width
            guard let (reg, rm) = modRM(rmWidth: operandWidth) else { return nil }
            let register = name(of: reg, operandWidth)
            return opcode < 0x8A ? "mov \(rm),\(register)" : "mov \(register),\(rm)"
        case 0x8D:
            guard let (reg, rm) = modRM(rmWidth: nil) else { return nil }
            return "lea \(name(of: reg, width)),\(rm)"
        case 0x99 where rexW:
            return "cqo"
        case 0xA8, 0xA9:
            let operandWidth = opcode == 0xA8 ? .byte : width
            guard let imm = readImmediate(operandWidth.immediateSize) else { return nil }
            return "test \(name(of: 0, operandWidth)),\(hex(imm, operandWidth))"
        case 0xB0...0xB7:
            guard let imm = readImmediate(1) else { return nil }
            return "mov \(name(of: opcode & 7 | rexB, .byte)),\(hex(imm, .byte))"
        case 0xB8...0xBF:
            guard let imm = readImmediate(rexW ? 8 : width.immediateSize) else { return nil }
            return "\(rexW ? "movabs" : "mov") \(name(of: opcode & 7 | rexB, width)),\(hex(imm, width))"
        case 0xC0, 0xC1, 0xD0...0xD3:
            return decodeShift(opcode)
        case 0xC3:
            return "ret"
        case 0xC6, 0xC7:
            let operandWidth = opcode == 0xC6 ? .byte : width
            guard let (n, rm) = modRM(rmWidth: operandWidth), n & 7 == 0,
                  let imm = readImmediate(operandWidth.immediateSize) else { return nil }
            return "mov \(rm),\(hex(imm, operandWidth))"
        case 0xCC:
            return "int3"
        case 0xE8, 0xE9, 0xEB:
            guard let target = readRelative(opcode == 0xEB ? 1 : 4) else { return nil }
            return "\(opcode == 0xE8 ? "call" : "jmp") \(target)"
        case 0xF6, 0xF7:
            return decodeUnary(opcode)
        case 0xFF:
            guard let (n, rm) = modRM(rmWidth: .qword), n & 7 == 2 else { return nil }
            return "call \(rm)"
        default:
            return nil
        }
    }

    private mutating func decodeArithmetic(_ opcode: UInt8) -> String? {
        let mnemonic = Self.arithmetic[Int(opcode >> 3)]
        let operandWidth = opcode & 1 == 0 ? Width.byte : width
        if opcode & 7 >= 4 {
            guard let imm = readImmediate(operandWidth.immediateSize) else { return nil }
            return "\(mnemonic) \(name(of: 0, operandWidth)),\(hex(imm, operandWidth))"
        }
        guard let (reg, rm) = modRM(rmWidth: operandWidth) else { return nil }
        let register = name(of: reg, operandWidth)
        return opcode & 2 == 0 ? "\(mnemonic) \(rm),\(register)" : "\(mnemonic) \(register),\(rm)"
    }

    private mutating func decodeShift(_ opcode: UInt8) -> String? {
        let operandWidth = opcode & 1 == 0 ? Width.byte : width
        guard let (n, rm) = modRM(rmWidth: operandWidth),
              let mnemonic = [4: "shl", 5: "shr", 7: "sar"][n & 7] else { return nil }
        switch opcode {
        case 0xD0, 0xD1: return "\(mnemonic) \(rm),1"
        case 0xD2, 0xD3: return "\(mnemonic) \(rm),cl"
        default:
            guard let count = readImmediate(1) else { return nil }
            return "\(mnemonic) \(rm),\(hex(count, .byte))"
        }
    }

    private mutating func decodeUnary(_ opcode: UInt8) -> String? {
        let operandWidth = opcode == 0xF6 ? Width.byte : width
        guard let (n, rm) = modRM(rmWidth: operandWidth) else { return nil }
        if n & 7 == 0 {
            guard let imm = readImmediate(operandWidth.immediateSize) else { return nil }
            return "test \(rm),\(hex(imm, operandWidth))"
        }
        guard let mnemonic = [2: "not", 3: "neg", 7: "idiv"][n & 7] else { return nil }
        return "\(mnemonic) \(rm)"
    }

    private mutating func decodeTwoByte() -> String? {
        guard let opcode = readByte() else { return nil }
        switch opcode {
        case 0x10, 0x11:
            guard scalarDoublePrefix, let (reg, rm) = modRM(rmWidth: .qword, xmm: true) else { return nil }
            return opcode == 0x10 ? "movsd xmm\(reg),\(rm)" : "movsd \(rm),xmm\(reg)"
        case 0x2A:
            guard scalarDoublePrefix, let (reg, rm) = modRM(rmWidth: rexW ? .qword : .dword) else { return nil }
            return "cvtsi2sd xmm\(reg),\(rm)"
        case 0x2C:
            guard scalarDoublePrefix, let (reg, rm) = modRM(rmWidth: .qword, xmm: true) else { return nil }
            return "cvttsd2si \(name(of: reg, rexW ? .qword : .dword)),\(rm)"
        case 0x2E, 0x2F:
            guard operandSizePrefix, let (reg, rm) = modRM(rmWidth: .qword, xmm: true) else { return nil }
            return "\(opcode == 0x2E ? "ucomisd" : "comisd") xmm\(reg),\(rm)"
        case 0x40...0x4F:
            guard let (reg, rm) = modRM(rmWidth: width) else { return nil }
            return "cmov\(Condition.suffixes[Int(opcode & 15)]) \(name(of: reg, width)),\(rm)"
        case 0x51, 0x58, 0x59, 0x5C, 0x5E:
            let mnemonic = [0x51: "sqrtsd", 0x58: "addsd", 0x59: "mulsd", 0x5C: "subsd", 0x5E: "divsd"][opcode]!
            guard scalarDoublePrefix, let (reg, rm) = modRM(rmWidth: .qword, xmm: true) else { return nil }
            return "\(mnemonic) xmm\(reg),\(rm)"
        case 0x54, 0x57:
            guard operandSizePrefix, let (reg, rm) = modRM(rmWidth: nil, xmm: true, vectorMemory: true) else { return nil }
            return "\(opcode == 0x54 ? "andpd" : "xorpd") xmm\(reg),\(rm)"
        case 0x6E, 0x7E:
            guard operandSizePrefix && rexW, let (reg, rm) = modRM(rmWidth: .qword) else { return nil }
            return opcode == 0x6E ? "movq xmm\(reg),\(rm)" : "movq \(rm),xmm\(reg)"
        case 0x80...0x8F:
            guard let target = readRelative(4) else { return nil }
            return "j\(Condition.suffixes[Int(opcode & 15)]) \(target)"
        case 0x90...0x9F:
            guard let (_, rm) = modRM(rmWidth: .byte) else { return nil }
            return "set\(Condition.suffixes[Int(opcode & 15)]) \(rm)"
        case 0xAF:
            guard let (reg, rm) = modRM(rmWidth: width) else { return nil }
            return "imul \(name(of: reg, width)),\(rm)"
        case 0xB6, 0xB7, 0xBE, 0xBF:
            guard let (reg, rm) = modRM(rmWidth: opcode & 1 == 0 ? .byte : .word) else { return nil }
            return "\(opcode < 0xBE ? "movzx" : "movsx") \(name(of: reg, width)),\(rm)"
        case 0x3A:
            guard operandSizePrefix, readByte() == 0x0B, let (reg, rm) = modRM(rmWidth: .qword, xmm: true),
                  let imm = readImmediate(1) else { return nil }
            return "roundsd xmm\(reg),\(rm),\(hex(imm, .byte))"
        default:
            return nil
        }
    }

    // MARK: Operands

    /// Reads ModRM (and SIB and displacement): the full reg field and the r/m operand as text.
    /// `rmWidth` names a register r/m and sizes a memory one (nil: no size, as for lea);
    /// `xmm` makes a register r/m an xmm register.
    private mutating func modRM(rmWidth: Width?, xmm: Bool = false, vectorMemory: Bool = false) -> (UInt8, String)? {
        guard let modRM = readByte() else { return nil }
        let mod = modRM >> 6, reg = (modRM >> 3) & 7 | rexR, rm = modRM & 7
        if mod == 3 {
            let number = rm | rexB
            return (reg, xmm ? "xmm\(number)" : name(of: number, rmWidth ?? width))
        }
        guard let address = address(mod: mod, rm: rm) else { return nil }
        let size = vectorMemory ? "XMMWORD PTR " : rmWidth.map { Self.sizeNames[$0]! } ?? ""
        return (reg, size + address)
    }

    private static let sizeNames: [Width: String] = [.byte: "BYTE PTR ", .word: "WORD PTR ", .dword: "DWORD PTR ", .qword: "QWORD PTR "]

    private mutating func address(mod: UInt8, rm: UInt8) -> String? {
        if mod == 0 && rm == 5 {
            guard let displacement = readImmediate(4) else { return nil }
            return "[rip+\(hex(displacement, .qword))]"
        }
        var text = "["
        if rm == 4 {
            guard let sib = readByte() else { return nil }
            let base = sib & 7, index = (sib >> 3) & 7 | rexX
            guard !(mod == 0 && base == 5) else { return nil }  // no base: never emitted
            text += name(of: base | rexB, .qword)
            if index != 4 { text += "+\(name(of: index, .qword))*\(1 << (sib >> 6))" }
        } else {
            text += name(of: rm | rexB, .qword)
        }
        if mod != 0 {
            guard let displacement = readImmediate(mod == 1 ? 1 : 4) else { return nil }
            text += displacement < 0 ? "-0x" + String(-displacement, radix: 16) : "+0x" + String(displacement, radix: 16)
        }
        return text + "]"
    }

    /// A register's name; byte registers 4–7 are ah/ch/dh/bh when there is no REX prefix.
    private func name(of number: UInt8, _ width: Width) -> String {
        if width == .byte && rex == nil && (4...7).contains(number) { return ["ah", "ch", "dh", "bh"][Int(number - 4)] }
        return Register(number: number, width: width).description
    }

    /// An immediate as objdump shows it: hex, in the operand's width (so -1 in a dword is 0xffffffff).
    private func hex(_ value: Int64, _ width: Width) -> String {
        let bits = UInt64(bitPattern: value)
        let masked = width == .qword ? bits : bits & ((1 << (8 * UInt64(width.rawValue))) - 1)
        return "0x" + String(masked, radix: 16)
    }

    // MARK: Bytes

    private func peek() -> UInt8? { position < code.count ? code[position] : nil }

    private mutating func readByte() -> UInt8? {
        guard let byte = peek() else { return nil }
        position += 1
        return byte
    }

    /// A little-endian signed value of `size` bytes.
    private mutating func readImmediate(_ size: Int) -> Int64? {
        guard position + size <= code.count else { return nil }
        var value: UInt64 = 0
        for i in 0..<size { value |= UInt64(code[position + i]) << (8 * UInt64(i)) }
        position += size
        let unused = UInt64(64 - 8 * size)
        return Int64(bitPattern: value << unused) >> unused
    }

    /// A jump or call displacement, as the absolute target address objdump prints.
    private mutating func readRelative(_ size: Int) -> String? {
        guard let displacement = readImmediate(size) else { return nil }
        let target = origin &+ UInt(position) &+ UInt(bitPattern: Int(displacement))
        return "0x" + String(target, radix: 16)
    }
}
