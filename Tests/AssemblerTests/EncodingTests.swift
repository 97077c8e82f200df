import XCTest
@testable import Assembler

/// The encoder checked against the system disassembler: for every case, objdump must decode
/// exactly the expected text from exactly the bytes emitted, and so must our own disassembler.
final class EncodingTests: XCTestCase {
    func testEveryFormMatchesObjdump() throws {
        let cases = EncodingCases.all
        let asm = Assembler()
        var expectations: [Expectation] = []
        for encodingCase in cases {
            let start = asm.position
            encodingCase.emit(asm)
            expectations.append(Expectation(start: start, length: asm.position - start, text: encodingCase.expected))
        }
        try verify(asm.code, expectations)
        XCTAssertGreaterThan(cases.count, 30_000)
    }

    /// Short and near jumps and calls, backward and forward (resolved when the label is bound).
    func testJumpsAndCallsToLabelsMatchObjdump() throws {
        let asm = Assembler()
        var expectations: [Expectation] = []
        var pending: [(start: Int, length: Int, mnemonic: String)] = []
        func emit(_ length: Int, _ text: String, _ instruction: () -> Void) {
            let start = asm.position
            instruction()
            expectations.append(Expectation(start: start, length: length, text: text))
        }
        func emitForward(_ length: Int, _ mnemonic: String, _ instruction: () -> Void) {
            pending.append((asm.position, length, mnemonic))
            instruction()
        }

        let top = asm.newLabel()
        asm.bind(top)
        emit(2, "jmp 0x0") { asm.jmp(top) }
        for condition in Condition.allCases {
            emit(2, "j\(condition.suffix) 0x0") { asm.jcc(condition, top) }
        }
        emit(5, "call 0x0") { asm.call(top) }

        let forward = asm.newLabel()
        emitForward(5, "jmp") { asm.jmp(forward) }
        for condition in Condition.allCases {
            emitForward(6, "j\(condition.suffix)") { asm.jcc(condition, forward) }
        }
        emitForward(5, "call") { asm.call(forward) }
        emitForward(5, "jmp") { _ = asm.patchableJmp(to: forward) }
        emitForward(6, "jo") { _ = asm.patchableJcc(.overflow, to: forward) }
        emitForward(2, "jmp") { asm.jmp(forward, .short) }
        for condition in Condition.allCases {
            emitForward(2, "j\(condition.suffix)") { asm.jcc(condition, forward, .short) }
        }
        asm.bind(forward)
        for (start, length, mnemonic) in pending {
            expectations.append(Expectation(start: start, length: length, text: "\(mnemonic) 0x\(String(asm.position, radix: 16))"))
        }

        // Now more than 127 bytes past `top`: backward jumps to it need rel32.
        emit(5, "jmp 0x0") { asm.jmp(top) }
        for condition in Condition.allCases {
            emit(6, "j\(condition.suffix) 0x0") { asm.jcc(condition, top) }
        }
        try verify(asm.code, expectations.sorted { $0.start < $1.start })
    }

    /// A RIP-relative operand to a label bound before it has a negative displacement.
    func testBackwardRIPRelativeOperandMatchesObjdump() throws {
        let asm = Assembler()
        let table = asm.newLabel()
        asm.bind(table)
        asm.ret()
        asm.lea(.rax, .rip(table))  // at 1, seven bytes: displacement 0 - 8
        asm.cmp(.qword, .rip(table), 1)  // at 8, eight bytes with the imm8: 0 - 16
        try verify(asm.code, [
            Expectation(start: 0, length: 1, text: "ret"),
            Expectation(start: 1, length: 7, text: "lea rax,[rip+0xfffffffffffffff8]"),
            Expectation(start: 8, length: 8, text: "cmp QWORD PTR [rip+0xfffffffffffffff0],0x1"),
        ])
    }

    // MARK: Verification

    struct Expectation {
        let start: Int
        let length: Int
        let text: String
    }

    private func verify(_ code: [UInt8], _ expectations: [Expectation], file: StaticString = #filePath, line: UInt = #line) throws {
        let system = try SystemDisassembler.disassemble(code)
        let ours = Disassembler.disassemble(code)
        XCTAssertEqual(system.count, expectations.count, "objdump decoded a different number of instructions", file: file, line: line)
        XCTAssertEqual(ours.count, expectations.count, "our disassembler decoded a different number of instructions", file: file, line: line)
        let systemByOffset = Dictionary(system.map { ($0.offset, $0) }, uniquingKeysWith: { first, _ in first })
        let oursByOffset = Dictionary(ours.map { (Int($0.address), $0) }, uniquingKeysWith: { first, _ in first })
        var mismatches: [String] = []
        for expectation in expectations {
            let bytes = code[expectation.start..<expectation.start + expectation.length].map { String($0, radix: 16) }.joined(separator: " ")
            let objdump = systemByOffset[expectation.start]
            if objdump?.text != expectation.text || objdump?.length != expectation.length {
                mismatches.append("objdump at \(expectation.start) [\(bytes)]: expected \"\(expectation.text)\" (\(expectation.length) bytes), got \"\(objdump?.text ?? "nothing")\" (\(objdump?.length ?? 0) bytes)")
            }
            let mine = oursByOffset[expectation.start]
            if mine?.text != expectation.text || mine?.bytes.count != expectation.length {
                mismatches.append("Disassembler at \(expectation.start) [\(bytes)]: expected \"\(expectation.text)\", got \"\(mine?.text ?? "nothing")\" (\(mine?.bytes.count ?? 0) bytes)")
            }
        }
        XCTAssertEqual(mismatches.count, 0, "\(mismatches.count) mismatches, the first ones:\n" + mismatches.prefix(40).joined(separator: "\n"),
                       file: file, line: line)
    }
}
