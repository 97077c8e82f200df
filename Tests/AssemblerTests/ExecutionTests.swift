import XCTest
@testable import Assembler

private typealias IntFunction = @convention(c) (Int, Int) -> Int
private typealias DoubleFunction = @convention(c) (Double, Double) -> Double

/// Generated code, run: the bytes must not only decode right but compute right.
final class ExecutionTests: XCTestCase {
    private var cache: CodeCache!

    override func setUpWithError() throws {
        cache = try CodeCache(capacity: 1 << 16)
    }

    private func install(_ build: (Assembler) -> Void) throws -> InstalledCode {
        let asm = Assembler()
        build(asm)
        return try cache.edit { try $0.install(asm) }
    }

    private func intFunction(_ build: (Assembler) -> Void) throws -> IntFunction {
        unsafeBitCast(try install(build).start, to: IntFunction.self)
    }

    private func doubleFunction(_ build: (Assembler) -> Void) throws -> DoubleFunction {
        unsafeBitCast(try install(build).start, to: DoubleFunction.self)
    }

    /// The overflow flag routes an overflowing add, sub or multiply to a slow path.
    func testIntegerArithmeticDetectsOverflowThroughFlags() throws {
        let overflowed = Int.min
        func checked(_ operation: @escaping (Assembler) -> Void) throws -> IntFunction {
            try intFunction { asm in
                let slowPath = asm.newLabel()
                asm.mov(.rax, .rdi)
                operation(asm)
                asm.jcc(.overflow, slowPath, .short)
                asm.ret()
                asm.bind(slowPath)
                asm.mov(.rax, Int64(overflowed))
                asm.ret()
            }
        }
        let add = try checked { $0.add(.rax, .rsi) }
        let sub = try checked { $0.sub(.rax, .rsi) }
        let mul = try checked { $0.imul(.rax, .rsi) }
        XCTAssertEqual(add(40, 2), 42)
        XCTAssertEqual(add(-40, -2), -42)
        XCTAssertEqual(add(Int.max, 1), overflowed)
        XCTAssertEqual(sub(2, 40), -38)
        XCTAssertEqual(sub(Int.min, 1), overflowed)
        XCTAssertEqual(mul(-6, 7), -42)
        XCTAssertEqual(mul(1 << 32, 1 << 31), overflowed)

        let divmod = try intFunction { asm in  // (a / b) * 1000 + a % b
            asm.mov(.rax, .rdi)
            asm.cqo()
            asm.idiv(.rsi)
            asm.imul(.rax, .rax, 1000)
            asm.add(.rax, .rdx)
            asm.ret()
        }
        XCTAssertEqual(divmod(47, 5), 9 * 1000 + 2)
        XCTAssertEqual(divmod(-47, 5), -9 * 1000 - 2)

        let carry = try intFunction { asm in  // the carry out of an unsigned add, through setcc
            asm.add(.rdi, .rsi)
            asm.setcc(.below, .al)
            asm.movzx(.eax, .al)
            asm.ret()
        }
        XCTAssertEqual(carry(-1, 1), 1)
        XCTAssertEqual(carry(1, 1), 0)
    }

    /// A backward conditional jump: the sum 1 + 2 + ... + n, and the larger of two with cmov.
    func testLoop() throws {
        let sum = try intFunction { asm in
            let loop = asm.newLabel(), done = asm.newLabel()
            asm.xor(.eax, .eax)
            asm.test(.rdi, .rdi)
            asm.jcc(.lessOrEqual, done)
            asm.bind(loop)
            asm.add(.rax, .rdi)
            asm.sub(.rdi, 1)
            asm.jcc(.notEqual, loop)
            asm.bind(done)
            asm.ret()
        }
        XCTAssertEqual(sum(100, 0), 5050)
        XCTAssertEqual(sum(0, 0), 0)
        XCTAssertEqual(sum(-5, 0), 0)

        let maximum = try intFunction { asm in
            asm.mov(.rax, .rdi)
            asm.cmp(.rsi, .rdi)
            asm.cmovcc(.greater, .rax, .rsi)
            asm.ret()
        }
        XCTAssertEqual(maximum(3, 9), 9)
        XCTAssertEqual(maximum(-3, -9), -3)
    }

    /// Generated code calls a `@convention(c)` Swift function through a register, with the
    /// stack 16-byte aligned at the call and rbp holding its frame, and returns its result.
    func testCallFromGeneratedCodeIntoSwiftAndBack() throws {
        // Returns x * 2 when called with an aligned stack and a frame pointer just below the
        // return address, else -1. Non-capturing, so it converts to a C function pointer.
        let swiftFunction: @convention(c) (Int, Int, Int) -> Int = { x, stackPointer, framePointer in
            stackPointer % 16 == 0 && framePointer == stackPointer ? x * 2 : -1
        }
        let twiceThenAddOne = try intFunction { asm in
            asm.push(.rbp)
            asm.mov(.rbp, .rsp)
            asm.mov(.rsi, .rsp)
            asm.mov(.rdx, .rbp)
            asm.mov(.rax, Int64(Int(bitPattern: unsafeBitCast(swiftFunction, to: UnsafeRawPointer.self))))
            asm.call(.rax)
            asm.add(.rax, 1)
            asm.pop(.rbp)
            asm.ret()
        }
        XCTAssertEqual(twiceThenAddOne(20, 0), 41)
    }

    /// A jump and a call to another installed block, relocated when the code is placed.
    func testJumpAndCallToAnotherBlockAreRelocated() throws {
        let triple = try install { asm in
            asm.lea(.rax, .at(.rdi, index: .rdi, scale: .x2))
            asm.ret()
        }
        let tripleOfNext = try intFunction { asm in
            asm.add(.rdi, 1)
            asm.jmp(asm.label(at: triple.start))
        }
        let tripleThenAddOne = try intFunction { asm in
            asm.push(.rbp)
            asm.mov(.rbp, .rsp)
            asm.call(asm.label(at: triple.start))
            asm.add(.rax, 1)
            asm.pop(.rbp)
            asm.ret()
        }
        XCTAssertEqual(tripleOfNext(4, 0), 15)
        XCTAssertEqual(tripleThenAddOne(4, 0), 13)
    }

    func testFloatArithmetic() throws {
        let hypotenuse = try doubleFunction { asm in
            asm.mulsd(.xmm0, .xmm0)
            asm.mulsd(.xmm1, .xmm1)
            asm.addsd(.xmm0, .xmm1)
            asm.sqrtsd(.xmm0, .xmm0)
            asm.ret()
        }
        XCTAssertEqual(hypotenuse(3, 4), 5)

        let relativeChange = try doubleFunction { asm in  // (a - b) / b, through memory
            asm.movsd(.at(.rsp, -8), .xmm1)
            asm.subsd(.xmm0, .at(.rsp, -8))
            asm.divsd(.xmm0, .xmm1)
            asm.ret()
        }
        XCTAssertEqual(relativeChange(15, 10), 0.5)

        let negatedAbsolute = try doubleFunction { asm in  // -|a|, with 16-byte literals
            asm.andpd(.xmm0, .rip(asm.literal(low: 0x7FFF_FFFF_FFFF_FFFF, high: 0x7FFF_FFFF_FFFF_FFFF)))
            asm.xorpd(.xmm0, .rip(asm.literal(low: 0x8000_0000_0000_0000, high: 0x8000_0000_0000_0000)))
            asm.ret()
        }
        XCTAssertEqual(negatedAbsolute(2.5, 0), -2.5)
        XCTAssertEqual(negatedAbsolute(-2.5, 0), -2.5)

        let floorSum = try doubleFunction { asm in  // floor(a) + trunc(b)
            asm.roundsd(.xmm0, .xmm0, .down)
            asm.roundsd(.xmm1, .xmm1, .towardZero)
            asm.addsd(.xmm0, .xmm1)
            asm.ret()
        }
        XCTAssertEqual(floorSum(-2.5, -2.5), -5)
        XCTAssertEqual(floorSum(2.7, 2.7), 4)

        let halfTruncated = try intFunction { asm in  // Int(Double(a) * 0.5), and back through movq
            asm.cvtsi2sd(.xmm0, .rdi)
            asm.movq(.rax, .xmm0)
            asm.movq(.xmm1, .rax)
            asm.mulsd(.xmm1, .rip(asm.literal(low: 0.5.bitPattern)))
            asm.cvttsd2si(.rax, .xmm1)
            asm.ret()
        }
        XCTAssertEqual(halfTruncated(7, 0), 3)
        XCTAssertEqual(halfTruncated(-7, 0), -3)

        // a < b, false when either is NaN: ucomisd sets CF and ZF (and PF) for unordered.
        let less: @convention(c) (Double, Double) -> Int = unsafeBitCast(try install { asm in
            asm.xor(.eax, .eax)
            asm.ucomisd(.xmm1, .xmm0)
            asm.setcc(.above, .al)
            asm.ret()
        }.start, to: (@convention(c) (Double, Double) -> Int).self)
        XCTAssertEqual(less(1, 2), 1)
        XCTAssertEqual(less(2, 1), 0)
        XCTAssertEqual(less(.nan, 1), 0)
        XCTAssertEqual(less(1, .nan), 0)
    }

    /// A patched jump changes which of two blocks runs, rewriting only its four bytes.
    func testPatchedJumpChoosesWhichBlockRuns() throws {
        let asm = Assembler()
        let first = asm.newLabel(), second = asm.newLabel()
        let site = asm.patchableJmp(to: first)
        asm.bind(first)
        asm.mov(.eax, 1)
        asm.ret()
        asm.bind(second)
        asm.mov(.eax, 2)
        asm.ret()
        let code = try cache.edit { try $0.install(asm) }
        let function = unsafeBitCast(code.start, to: IntFunction.self)
        let jump = code.patchableJump(at: site)
        XCTAssertEqual(function(0, 0), 1)

        let before = Array(UnsafeRawBufferPointer(start: code.start, count: code.size))
        try cache.edit { try $0.patch(jump, to: code.address(at: asm.offset(of: second))) }
        let after = Array(UnsafeRawBufferPointer(start: code.start, count: code.size))
        XCTAssertEqual(function(0, 0), 2)
        XCTAssertEqual(jump.target, code.address(at: asm.offset(of: second)))
        XCTAssertEqual(before[0], after[0])
        XCTAssertNotEqual(Array(before[1..<5]), Array(after[1..<5]))
        XCTAssertEqual(Array(before[5...]), Array(after[5...]))

        // And to another block altogether.
        let third = try install { asm in
            asm.mov(.eax, 3)
            asm.ret()
        }
        try cache.edit { try $0.patch(jump, to: third.start) }
        XCTAssertEqual(function(0, 0), 3)
    }
}
