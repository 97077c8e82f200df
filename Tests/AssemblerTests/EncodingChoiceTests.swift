import XCTest
@testable import Assembler

/// The encoder picks the shortest form and handles the ModRM special cases. objdump accepts
/// longer encodings too, so these pin the exact bytes.
final class EncodingChoiceTests: XCTestCase {
    private func bytes(_ emit: (Assembler) -> Void) -> String {
        let asm = Assembler()
        emit(asm)
        return asm.code.map { $0 < 0x10 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined(separator: " ")
    }

    func testImmediatesTakeTheShortestForm() {
        XCTAssertEqual(bytes { $0.add(.rbx, 1) }, "48 83 c3 01")  // sign-extended imm8
        XCTAssertEqual(bytes { $0.add(.rbx, 0x80) }, "48 81 c3 80 00 00 00")  // imm32
        XCTAssertEqual(bytes { $0.add(.rax, 0x80) }, "48 05 80 00 00 00")  // accumulator form
        XCTAssertEqual(bytes { $0.add(.rax, -1) }, "48 83 c0 ff")  // imm8 beats the accumulator form
        XCTAssertEqual(bytes { $0.add(.ebx, 0xFFFF_FFFF) }, "83 c3 ff")  // -1 as a dword
        XCTAssertEqual(bytes { $0.add(.al, 1) }, "04 01")
        XCTAssertEqual(bytes { $0.test(.rax, 1) }, "48 a9 01 00 00 00")
        XCTAssertEqual(bytes { $0.imul(.rax, .rbx, 3) }, "48 6b c3 03")
        XCTAssertEqual(bytes { $0.imul(.rax, .rbx, 300) }, "48 69 c3 2c 01 00 00")
        XCTAssertEqual(bytes { $0.shl(.rax, 1) }, "48 d1 e0")
        XCTAssertEqual(bytes { $0.shl(.rax, 2) }, "48 c1 e0 02")
    }

    func testMovOfAConstantPicksTheShortestForm() {
        XCTAssertEqual(bytes { $0.mov(.rax, 5) }, "b8 05 00 00 00")  // mov eax: zero-extends
        XCTAssertEqual(bytes { $0.mov(.r8, 0xFFFF_FFFF) }, "41 b8 ff ff ff ff")
        XCTAssertEqual(bytes { $0.mov(.rax, -1) }, "48 c7 c0 ff ff ff ff")  // sign-extended imm32
        XCTAssertEqual(bytes { $0.mov(.rax, 0x1_0000_0000) }, "48 b8 00 00 00 00 01 00 00 00")  // movabs
        XCTAssertEqual(bytes { $0.mov(.sil, 1) }, "40 b6 01")  // REX makes it sil, not dh
    }

    func testModRMSpecialCases() {
        XCTAssertEqual(bytes { $0.mov(.rax, .at(.rsp)) }, "48 8b 04 24")  // rsp base needs a SIB
        XCTAssertEqual(bytes { $0.mov(.rax, .at(.r12)) }, "49 8b 04 24")  // so does r12
        XCTAssertEqual(bytes { $0.mov(.rax, .at(.rbp)) }, "48 8b 45 00")  // rbp base needs a disp8
        XCTAssertEqual(bytes { $0.mov(.rax, .at(.r13)) }, "49 8b 45 00")  // so does r13
        XCTAssertEqual(bytes { $0.mov(.rax, .at(.rbx)) }, "48 8b 03")
        XCTAssertEqual(bytes { $0.mov(.rax, .at(.rbx, 127)) }, "48 8b 43 7f")
        XCTAssertEqual(bytes { $0.mov(.rax, .at(.rbx, 128)) }, "48 8b 83 80 00 00 00")
        XCTAssertEqual(bytes { $0.mov(.rax, .at(.rbx, index: .r12, scale: .x8)) }, "4a 8b 04 e3")  // r12 is a fine index
        XCTAssertEqual(bytes { $0.setcc(.equal, .sil) }, "40 0f 94 c6")
        XCTAssertEqual(bytes { $0.setcc(.equal, .bl) }, "0f 94 c3")
    }

    func testJumpsToBoundLabelsAreShortWhenTheyReach() {
        XCTAssertEqual(bytes { asm in
            let top = asm.newLabel()
            asm.bind(top)
            asm.jmp(top)
            asm.jcc(.equal, top)
        }, "eb fe 74 fc")
        XCTAssertEqual(bytes { asm in
            let ahead = asm.newLabel()
            asm.jmp(ahead)  // forward and not asked to be short: rel32
            asm.jmp(ahead, .short)
            asm.bind(ahead)
        }, "e9 02 00 00 00 eb 00")
    }

    func testLiteralPoolIsAlignedAfterTheInstructions() throws {
        let asm = Assembler()
        let constant = asm.literal(low: 0x1122_3344_5566_7788, high: 0x99)
        asm.movsd(.xmm0, .rip(constant))  // 8 bytes
        asm.ret()
        try asm.finish()
        XCTAssertEqual(asm.instructionBytes, 9)
        XCTAssertEqual(asm.offset(of: constant), 16)
        XCTAssertEqual(asm.code[9..<16], [0xCC, 0xCC, 0xCC, 0xCC, 0xCC, 0xCC, 0xCC])
        XCTAssertEqual(asm.code[16...], [0x88, 0x77, 0x66, 0x55, 0x44, 0x33, 0x22, 0x11, 0x99, 0, 0, 0, 0, 0, 0, 0])
        XCTAssertEqual(Disassembler.disassemble(Array(asm.code[0..<9])).map(\.text), ["movsd xmm0,QWORD PTR [rip+0x8]", "ret"])
    }

    func testResetReusesTheAssembler() {
        let asm = Assembler(capacity: 64)
        for _ in 0..<100 { asm.mov(.rax, .at(.rbx, 0x1000)) }  // grows past the initial capacity
        XCTAssertEqual(asm.position, 700)
        asm.reset()
        let label = asm.newLabel()
        asm.bind(label)
        asm.jmp(label)
        XCTAssertEqual(asm.code, [0xEB, 0xFE])
    }

    func testListingShowsAddressBytesAndText() {
        let asm = Assembler()
        asm.mov(.rax, .rdi)
        asm.add(.rax, .rsi)
        asm.ret()
        XCTAssertEqual(Disassembler.listing(asm.code, address: 0x1000), """
            1000:  48 89 f8                        mov rax,rdi
            1003:  48 01 f0                        add rax,rsi
            1006:  c3                              ret
            """)
        XCTAssertEqual(Disassembler.disassemble([0x0F, 0x0B]).map(\.text), ["(bad)", "(bad)"])
    }
}
