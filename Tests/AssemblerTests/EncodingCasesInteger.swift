@testable import Assembler

/// The five operand forms of one ALU mnemonic.
private struct ArithmeticForms: Sendable {
    let mnemonic: String
    let registerRegister: @Sendable (Assembler, Register, Register) -> Void
    let registerMemory: @Sendable (Assembler, Register, Memory) -> Void
    let memoryRegister: @Sendable (Assembler, Memory, Register) -> Void
    let registerImmediate: @Sendable (Assembler, Register, Int64) -> Void
    let memoryImmediate: @Sendable (Assembler, Width, Memory, Int64) -> Void
}

private let arithmeticForms = [
    ArithmeticForms(mnemonic: "add", registerRegister: { $0.add($1, $2) }, registerMemory: { $0.add($1, $2) },
                    memoryRegister: { $0.add($1, $2) }, registerImmediate: { $0.add($1, $2) }, memoryImmediate: { $0.add($1, $2, $3) }),
    ArithmeticForms(mnemonic: "or", registerRegister: { $0.or($1, $2) }, registerMemory: { $0.or($1, $2) },
                    memoryRegister: { $0.or($1, $2) }, registerImmediate: { $0.or($1, $2) }, memoryImmediate: { $0.or($1, $2, $3) }),
    ArithmeticForms(mnemonic: "adc", registerRegister: { $0.adc($1, $2) }, registerMemory: { $0.adc($1, $2) },
                    memoryRegister: { $0.adc($1, $2) }, registerImmediate: { $0.adc($1, $2) }, memoryImmediate: { $0.adc($1, $2, $3) }),
    ArithmeticForms(mnemonic: "sbb", registerRegister: { $0.sbb($1, $2) }, registerMemory: { $0.sbb($1, $2) },
                    memoryRegister: { $0.sbb($1, $2) }, registerImmediate: { $0.sbb($1, $2) }, memoryImmediate: { $0.sbb($1, $2, $3) }),
    ArithmeticForms(mnemonic: "and", registerRegister: { $0.and($1, $2) }, registerMemory: { $0.and($1, $2) },
                    memoryRegister: { $0.and($1, $2) }, registerImmediate: { $0.and($1, $2) }, memoryImmediate: { $0.and($1, $2, $3) }),
    ArithmeticForms(mnemonic: "sub", registerRegister: { $0.sub($1, $2) }, registerMemory: { $0.sub($1, $2) },
                    memoryRegister: { $0.sub($1, $2) }, registerImmediate: { $0.sub($1, $2) }, memoryImmediate: { $0.sub($1, $2, $3) }),
    ArithmeticForms(mnemonic: "xor", registerRegister: { $0.xor($1, $2) }, registerMemory: { $0.xor($1, $2) },
                    memoryRegister: { $0.xor($1, $2) }, registerImmediate: { $0.xor($1, $2) }, memoryImmediate: { $0.xor($1, $2, $3) }),
    ArithmeticForms(mnemonic: "cmp", registerRegister: { $0.cmp($1, $2) }, registerMemory: { $0.cmp($1, $2) },
                    memoryRegister: { $0.cmp($1, $2) }, registerImmediate: { $0.cmp($1, $2) }, memoryImmediate: { $0.cmp($1, $2, $3) }),
]

extension EncodingCases {
    /// Every register paired with every memory sample at least once.
    static func registerMemoryPairs(_ width: Width) -> [(Register, MemorySample)] {
        (0..<2 * memory.count).map { (Register(number: UInt8($0 * 7 % 16), width: width), memory[$0 % memory.count]) }
    }

    /// Every ordered pair of registers at `width`.
    static func registerPairs(_ width: Width) -> [(Register, Register)] {
        registers(width).flatMap { a in registers(width).map { b in (a, b) } }
    }

    /// Memory samples each with an immediate that fits `width`, cycling through the boundary values.
    static func memoryImmediatePairs(_ width: Width) -> [(MemorySample, Int64)] {
        let values = immediates.filter { fits($0, width) }
        return memory.enumerated().map { ($1, values[$0 % values.count]) }
    }

    static var arithmetic: [EncodingCase] {
        var cases: [EncodingCase] = []
        for form in arithmeticForms {
            let m = form.mnemonic
            for width in Width.allCases {
                let ptr = self.ptr[width]!
                for (dst, src) in registerPairs(width) {
                    cases.append(EncodingCase(expected: "\(m) \(dst),\(src)") { form.registerRegister($0, dst, src) })
                }
                for (register, sample) in registerMemoryPairs(width) {
                    cases.append(memoryCase("\(m) \(register),\(ptr)\(sample.text)", sample) { form.registerMemory($0, register, $1) })
                    cases.append(memoryCase("\(m) \(ptr)\(sample.text),\(register)", sample) { form.memoryRegister($0, $1, register) })
                }
                for dst in registers(width) {
                    for imm in immediates where fits(imm, width) {
                        cases.append(EncodingCase(expected: "\(m) \(dst),\(hex(imm, width))") { form.registerImmediate($0, dst, imm) })
                    }
                }
                for (sample, imm) in memoryImmediatePairs(width) {
                    cases.append(memoryCase("\(m) \(ptr)\(sample.text),\(hex(imm, width))", sample) { form.memoryImmediate($0, width, $1, imm) })
                }
            }
        }
        return cases
    }

    static var moves: [EncodingCase] {
        var cases: [EncodingCase] = []
        for width in Width.allCases {
            let ptr = self.ptr[width]!
            for (dst, src) in registerPairs(width) {
                cases.append(EncodingCase(expected: "mov \(dst),\(src)") { $0.mov(dst, src) })
            }
            for (register, sample) in registerMemoryPairs(width) {
                cases.append(memoryCase("mov \(register),\(ptr)\(sample.text)", sample) { $0.mov(register, $1) })
                cases.append(memoryCase("mov \(ptr)\(sample.text),\(register)", sample) { $0.mov($1, register) })
            }
            for (sample, imm) in memoryImmediatePairs(width) {
                cases.append(memoryCase("mov \(ptr)\(sample.text),\(hex(imm, width))", sample) { $0.mov(width, $1, imm) })
            }
            let constants = immediates + [0x1_0000_0000, -0x8000_0001, .max, .min]
            for dst in registers(width) {
                for imm in constants where width == .qword || fits(imm, width) {
                    cases.append(EncodingCase(expected: movImmediateText(dst, imm)) { $0.mov(dst, imm) })
                }
            }
        }
        for (op, mnemonic) in [(0, "movzx"), (1, "movsx")] {
            for (dstWidth, srcWidth) in [(Width.word, Width.byte), (.dword, .byte), (.qword, .byte), (.dword, .word), (.qword, .word)] {
                for dst in registers(dstWidth) {
                    for src in registers(srcWidth) {
                        cases.append(EncodingCase(expected: "\(mnemonic) \(dst),\(src)") { op == 0 ? $0.movzx(dst, src) : $0.movsx(dst, src) })
                    }
                }
                for (dst, sample) in registerMemoryPairs(dstWidth) {
                    cases.append(memoryCase("\(mnemonic) \(dst),\(ptr[srcWidth]!)\(sample.text)", sample) {
                        op == 0 ? $0.movzx(dst, srcWidth, $1) : $0.movsx(dst, srcWidth, $1)
                    })
                }
            }
        }
        for dst in registers(.qword) {
            for src in registers(.dword) {
                cases.append(EncodingCase(expected: "movsxd \(dst),\(src)") { $0.movsxd(dst, src) })
            }
        }
        for (dst, sample) in registerMemoryPairs(.qword) {
            cases.append(memoryCase("movsxd \(dst),DWORD PTR \(sample.text)", sample) { $0.movsxd(dst, $1) })
        }
        for width in [Width.dword, .qword] {
            for (dst, sample) in registerMemoryPairs(width) {
                cases.append(memoryCase("lea \(dst),\(sample.text)", sample) { $0.lea(dst, $1) })
            }
        }
        return cases
    }

    /// The shortest form `mov` picks for a constant, as objdump names it.
    private static func movImmediateText(_ dst: Register, _ imm: Int64) -> String {
        guard dst.width == .qword else { return "mov \(dst),\(hex(imm, dst.width))" }
        if (0...0xFFFF_FFFF).contains(imm) { return "mov \(dst.at(.dword)),\(hex(imm, .dword))" }
        if Int32(exactly: imm) != nil { return "mov \(dst),\(hex(imm, .qword))" }
        return "movabs \(dst),\(hex(imm, .qword))"
    }

    static var multiplyAndDivide: [EncodingCase] {
        var cases: [EncodingCase] = []
        for width in [Width.word, .dword, .qword] {
            let ptr = self.ptr[width]!
            let values = immediates.filter { fits($0, width) }
            for (dst, src) in registerPairs(width) {
                cases.append(EncodingCase(expected: "imul \(dst),\(src)") { $0.imul(dst, src) })
            }
            for (index, (dst, src)) in registerPairs(width).enumerated() where index % 5 == 0 {
                let imm = values[index % values.count]
                cases.append(EncodingCase(expected: "imul \(dst),\(src),\(hex(imm, width))") { $0.imul(dst, src, imm) })
            }
            for (index, (dst, sample)) in registerMemoryPairs(width).enumerated() {
                let imm = values[index % values.count]
                cases.append(memoryCase("imul \(dst),\(ptr)\(sample.text)", sample) { $0.imul(dst, $1) })
                cases.append(memoryCase("imul \(dst),\(ptr)\(sample.text),\(hex(imm, width))", sample) { $0.imul(dst, $1, imm) })
            }
        }
        for width in Width.allCases {
            let ptr = self.ptr[width]!
            for register in registers(width) {
                cases.append(EncodingCase(expected: "neg \(register)") { $0.neg(register) })
                cases.append(EncodingCase(expected: "not \(register)") { $0.not(register) })
                cases.append(EncodingCase(expected: "idiv \(register)") { $0.idiv(register) })
            }
            for sample in memory {
                cases.append(memoryCase("neg \(ptr)\(sample.text)", sample) { $0.neg(width, $1) })
                cases.append(memoryCase("not \(ptr)\(sample.text)", sample) { $0.not(width, $1) })
                cases.append(memoryCase("idiv \(ptr)\(sample.text)", sample) { $0.idiv(width, $1) })
            }
        }
        cases.append(EncodingCase(expected: "cqo") { $0.cqo() })
        return cases
    }

    static var shifts: [EncodingCase] {
        typealias Forms = (String, (Assembler, Register, UInt8) -> Void, (Assembler, Register) -> Void,
                           (Assembler, Width, Memory, UInt8) -> Void, (Assembler, Width, Memory) -> Void)
        let forms: [Forms] = [
            ("shl", { $0.shl($1, $2) }, { $0.shl($1, .cl) }, { $0.shl($1, $2, $3) }, { $0.shl($1, $2, .cl) }),
            ("shr", { $0.shr($1, $2) }, { $0.shr($1, .cl) }, { $0.shr($1, $2, $3) }, { $0.shr($1, $2, .cl) }),
            ("sar", { $0.sar($1, $2) }, { $0.sar($1, .cl) }, { $0.sar($1, $2, $3) }, { $0.sar($1, $2, .cl) }),
        ]
        var cases: [EncodingCase] = []
        for (m, byImmediate, byCL, memoryByImmediate, memoryByCL) in forms {
            for width in Width.allCases {
                let ptr = self.ptr[width]!
                let counts: [UInt8] = [1, 2, width == .qword ? 63 : 31]
                for register in registers(width) {
                    for count in counts {
                        let countText = count == 1 ? "1" : hex(Int64(count), .byte)
                        cases.append(EncodingCase(expected: "\(m) \(register),\(countText)") { byImmediate($0, register, count) })
                    }
                    cases.append(EncodingCase(expected: "\(m) \(register),cl") { byCL($0, register) })
                }
                for (index, sample) in memory.enumerated() {
                    let count = counts[index % counts.count]
                    let countText = count == 1 ? "1" : hex(Int64(count), .byte)
                    cases.append(memoryCase("\(m) \(ptr)\(sample.text),\(countText)", sample) { memoryByImmediate($0, width, $1, count) })
                    cases.append(memoryCase("\(m) \(ptr)\(sample.text),cl", sample) { memoryByCL($0, width, $1) })
                }
            }
        }
        return cases
    }

    static var testsAndConditions: [EncodingCase] {
        var cases: [EncodingCase] = []
        for width in Width.allCases {
            let ptr = self.ptr[width]!
            for (a, b) in registerPairs(width) {
                cases.append(EncodingCase(expected: "test \(a),\(b)") { $0.test(a, b) })
            }
            for (register, sample) in registerMemoryPairs(width) {
                cases.append(memoryCase("test \(ptr)\(sample.text),\(register)", sample) { $0.test($1, register) })
            }
            for register in registers(width) {
                for imm in immediates where fits(imm, width) {
                    cases.append(EncodingCase(expected: "test \(register),\(hex(imm, width))") { $0.test(register, imm) })
                }
            }
            for (sample, imm) in memoryImmediatePairs(width) {
                cases.append(memoryCase("test \(ptr)\(sample.text),\(hex(imm, width))", sample) { $0.test(width, $1, imm) })
            }
        }
        for condition in Condition.allCases {
            for register in registers(.byte) {
                cases.append(EncodingCase(expected: "set\(condition.suffix) \(register)") { $0.setcc(condition, register) })
            }
            for sample in memory {
                cases.append(memoryCase("set\(condition.suffix) BYTE PTR \(sample.text)", sample) { $0.setcc(condition, $1) })
            }
            for width in [Width.word, .dword, .qword] {
                for (index, dst) in registers(width).enumerated() {
                    let src = Register(number: UInt8((index * 5 + Int(condition.rawValue)) % 16), width: width)
                    cases.append(EncodingCase(expected: "cmov\(condition.suffix) \(dst),\(src)") { $0.cmovcc(condition, dst, src) })
                }
                for (dst, sample) in registerMemoryPairs(width) {
                    cases.append(memoryCase("cmov\(condition.suffix) \(dst),\(ptr[width]!)\(sample.text)", sample) { $0.cmovcc(condition, dst, $1) })
                }
            }
        }
        return cases
    }

    static var stackAndCalls: [EncodingCase] {
        var cases: [EncodingCase] = []
        for register in registers(.qword) {
            cases.append(EncodingCase(expected: "push \(register)") { $0.push(register) })
            cases.append(EncodingCase(expected: "pop \(register)") { $0.pop(register) })
            cases.append(EncodingCase(expected: "call \(register)") { $0.call(register) })
        }
        cases.append(EncodingCase(expected: "ret") { $0.ret() })
        return cases
    }
}
