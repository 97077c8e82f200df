@testable import Assembler

/// One instruction to encode and the text objdump must print for it.
struct EncodingCase {
    let expected: String
    let emit: (Assembler) -> Void
}

/// A memory operand and how objdump spells it. `make` receives a label that the case binds right
/// after the instruction, so a RIP-relative operand to it always reads `[rip+0x0]`, whatever
/// immediate follows the displacement.
struct MemorySample: Sendable {
    let text: String
    let make: @Sendable (Label) -> Memory
}

/// Generates the encoding cases: every form over every register and a spread of memory operands.
enum EncodingCases {
    static let registerNumbers: [UInt8] = Array(0..<16)
    static let xmms = (0..<16).map { XMM(number: UInt8($0)) }

    static func registers(_ width: Width) -> [Register] { registerNumbers.map { Register(number: $0, width: width) } }

    /// Bases with the ModRM special cases (rsp/r12 need a SIB, rbp/r13 need a displacement),
    /// every scale, no/8-bit/32-bit and negative displacements, and RIP-relative.
    static let memory: [MemorySample] = [
        sample("[rax]", .at(.rax)),
        sample("[rcx+0x8]", .at(.rcx, 8)),
        sample("[rdx-0x8]", .at(.rdx, -8)),
        sample("[rbx+0x7f]", .at(.rbx, 127)),
        sample("[rsi-0x80]", .at(.rsi, -128)),
        sample("[rdi+0x80]", .at(.rdi, 128)),
        sample("[r8-0x81]", .at(.r8, -129)),
        sample("[r9+0x12345678]", .at(.r9, 0x1234_5678)),
        sample("[r10-0x80000000]", .at(.r10, Int32.min)),
        sample("[r11+0x7fffffff]", .at(.r11, Int32.max)),
        sample("[rsp]", .at(.rsp)),
        sample("[rsp+0x10]", .at(.rsp, 16)),
        sample("[r12]", .at(.r12)),
        sample("[r12-0x1000]", .at(.r12, -0x1000)),
        sample("[rbp+0x0]", .at(.rbp)),
        sample("[rbp-0x18]", .at(.rbp, -24)),
        sample("[r13+0x0]", .at(.r13)),
        sample("[r13+0x400]", .at(.r13, 0x400)),
        sample("[r14+r15*1]", .at(.r14, index: .r15, scale: .x1)),
        sample("[rax+rbx*2+0x8]", .at(.rax, index: .rbx, scale: .x2, 8)),
        sample("[rsp+rbp*4-0x10]", .at(.rsp, index: .rbp, scale: .x4, -16)),
        sample("[r12+r13*8+0x1000]", .at(.r12, index: .r13, scale: .x8, 0x1000)),
        sample("[rbp+rax*8+0x0]", .at(.rbp, index: .rax, scale: .x8)),
        sample("[r13+r12*1+0x0]", .at(.r13, index: .r12, scale: .x1)),
        sample("[r15+rcx*4-0x12345678]", .at(.r15, index: .rcx, scale: .x4, -0x1234_5678)),
        sample("[rdi+r8*2]", .at(.rdi, index: .r8, scale: .x2)),
        MemorySample(text: "[rip+0x0]", make: { .rip($0) }),
    ]

    static func sample(_ text: String, _ memory: Memory) -> MemorySample { MemorySample(text: text, make: { _ in memory }) }

    static let ptr: [Width: String] = [.byte: "BYTE PTR ", .word: "WORD PTR ", .dword: "DWORD PTR ", .qword: "QWORD PTR "]

    static func hex(_ value: Int64, _ width: Width) -> String {
        let bits = UInt64(bitPattern: value)
        return "0x" + String(width == .qword ? bits : bits & ((1 << (8 * UInt64(width.rawValue))) - 1), radix: 16)
    }

    /// Immediates around every encoding boundary; callers keep those that fit the operand.
    static let immediates: [Int64] = [0, 1, -1, 0x7F, -0x80, 0x80, -0x81, 0xFF, 0x7FFF, -0x8000, 0xFFFF,
                                      0x1234_5678, 0x7FFF_FFFF, -0x8000_0000, 0xFFFF_FFFF]

    static func fits(_ value: Int64, _ width: Width) -> Bool { width.immediateRange.contains(value) }

    /// A case whose instruction takes a memory operand: binds the sample's label just after it.
    static func memoryCase(_ expected: String, _ sample: MemorySample, _ emit: @escaping (Assembler, Memory) -> Void) -> EncodingCase {
        EncodingCase(expected: expected) { asm in
            let next = asm.newLabel()
            emit(asm, sample.make(next))
            asm.bind(next)
        }
    }

    static var all: [EncodingCase] {
        arithmetic + moves + multiplyAndDivide + shifts + testsAndConditions + stackAndCalls + sse
    }
}
