// The assembler's speed and the cost of crossing between Swift and generated code.
// Run: swift run -c release --scratch-path .build-asm assembler-bench
import Assembler

/// Seconds per call of `body`, the best of `rounds` timings of `iterations` calls.
func measure(iterations: Int, rounds: Int = 5, _ body: () -> Void) -> Double {
    var best = Double.infinity
    for _ in 0..<rounds {
        let start = ContinuousClock.now
        for _ in 0..<iterations { body() }
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        best = min(best, seconds / Double(iterations))
    }
    return best
}

/// A block shaped like a JIT's: loads and stores of frame slots, arithmetic with overflow
/// checks, a compare and branch, a call out, and some floating point.
func emitTypicalBlock(_ asm: Assembler) {
    let slowPath = asm.newLabel(), done = asm.newLabel()
    asm.push(.rbp)
    asm.mov(.rbp, .rsp)
    asm.mov(.rax, .at(.rbx, 8))
    asm.mov(.rcx, .at(.rbx, 16))
    asm.add(.rax, .rcx)
    asm.jcc(.overflow, slowPath)
    asm.sub(.rax, 1)
    asm.imul(.rdx, .rax, 12)
    asm.mov(.at(.rbx, 24), .rax)
    asm.cmp(.rax, .r12)
    asm.jcc(.greaterOrEqual, done, .short)
    asm.lea(.rsi, .at(.r13, index: .rax, scale: .x8, -16))
    asm.mov(.rdi, .rsi)
    asm.mov(.r11, 0x7f12_3456_7890)
    asm.call(.r11)
    asm.test(.rax, .rax)
    asm.setcc(.notEqual, .al)
    asm.movzx(.eax, .al)
    asm.shl(.rax, 3)
    asm.and(.rax, 0xFF0)
    asm.movsd(.xmm0, .at(.rbx, 32))
    asm.addsd(.xmm0, .xmm1)
    asm.mulsd(.xmm0, .at(.rbp, -8))
    asm.cvttsd2si(.rcx, .xmm0)
    asm.mov(.at(.rsp, 8), .rcx)
    asm.bind(done)
    asm.pop(.rbp)
    asm.ret()
    asm.bind(slowPath)
    asm.mov(.edi, 3)
    asm.xor(.eax, .eax)
    asm.jmp(done)
}

/// Counted by decoding one block rather than by hand.
let instructionsPerBlock: Int = {
    let asm = Assembler()
    emitTypicalBlock(asm)
    return Disassembler.disassemble(asm.code).count
}()
let blocksPerRound = 1000

func benchmarkEncoding() -> Double {
    let asm = Assembler(capacity: 1 << 20)
    let secondsPerRound = measure(iterations: 50) {
        asm.reset()
        for _ in 0..<blocksPerRound { emitTypicalBlock(asm) }
    }
    precondition(asm.position > 0)
    return Double(instructionsPerBlock * blocksPerRound) / secondsPerRound
}

/// The Swift function generated code calls back into.
let increment: @convention(c) (Int) -> Int = { $0 &+ 1 }

func benchmarkRoundTrip(cache: CodeCache) throws -> (roundTrip: Double, leaf: Double) {
    let asm = Assembler()
    asm.push(.rbp)  // keeps rsp 16-byte aligned at the call and the frame chain intact
    asm.mov(.rbp, .rsp)
    asm.mov(.rax, Int64(Int(bitPattern: unsafeBitCast(increment, to: UnsafeRawPointer.self))))
    asm.call(.rax)
    asm.pop(.rbp)
    asm.ret()
    let trampoline = unsafeBitCast(try cache.edit { try $0.install(asm) }.start, to: (@convention(c) (Int) -> Int).self)
    asm.reset()
    asm.lea(.rax, .at(.rdi, 1))
    asm.ret()
    let leaf = unsafeBitCast(try cache.edit { try $0.install(asm) }.start, to: (@convention(c) (Int) -> Int).self)

    var sink = 0
    let calls = 1_000_000
    let roundTrip = measure(iterations: 1) { for i in 0..<calls { sink &+= trampoline(i) } } / Double(calls)
    let leafCall = measure(iterations: 1) { for i in 0..<calls { sink &+= leaf(i) } } / Double(calls)
    precondition(sink != 0)
    return (roundTrip, leafCall)
}

func benchmarkInstall(cache: CodeCache) -> Double {
    let asm = Assembler()
    return measure(iterations: 200) {
        asm.reset()
        emitTypicalBlock(asm)
        _ = try! cache.edit { try $0.install(asm) }
    }
}

/// `value` with one decimal.
func oneDecimal(_ value: Double) -> String { String((value * 10).rounded() / 10) }

let cache = try CodeCache(capacity: 64 << 20)
let encodingRate = benchmarkEncoding()
let (roundTrip, leaf) = try benchmarkRoundTrip(cache: cache)
let install = benchmarkInstall(cache: cache)
let statistics = cache.statistics
print("""
    encode:      \(oneDecimal(encodingRate / 1e6)) million instructions/s (\(oneDecimal(1e9 / encodingRate)) ns each, in blocks of \(instructionsPerBlock))
    round trip:  \(oneDecimal(roundTrip * 1e9)) ns  Swift -> generated code -> Swift @convention(c) function -> back
    leaf call:   \(oneDecimal(leaf * 1e9)) ns  Swift -> generated code -> back
    install:     \(oneDecimal(install * 1e6)) us per block (encode \(instructionsPerBlock) instructions, edit, install: 2 mprotect calls)
    code cache:  \(statistics.blocks) blocks, \(statistics.codeBytes) bytes of code, \(statistics.metadataBytes) of metadata, \
    \(statistics.paddingBytes) of padding, \(statistics.freeBytes) free, \(statistics.protectionChanges) protection changes
    """)
