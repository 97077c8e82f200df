@testable import Assembler

extension EncodingCases {
    /// Every ordered pair of xmm registers.
    static var xmmPairs: [(XMM, XMM)] { xmms.flatMap { a in xmms.map { b in (a, b) } } }

    /// Every xmm register paired with every memory sample at least once.
    static var xmmMemoryPairs: [(XMM, MemorySample)] {
        (0..<2 * memory.count).map { (xmms[$0 * 7 % 16], memory[$0 % memory.count]) }
    }

    static var sse: [EncodingCase] {
        typealias Forms = (String, String, (Assembler, XMM, XMM) -> Void, (Assembler, XMM, Memory) -> Void)
        let forms: [Forms] = [
            ("movsd", "QWORD", { $0.movsd($1, $2) }, { $0.movsd($1, $2) }),
            ("addsd", "QWORD", { $0.addsd($1, $2) }, { $0.addsd($1, $2) }),
            ("subsd", "QWORD", { $0.subsd($1, $2) }, { $0.subsd($1, $2) }),
            ("mulsd", "QWORD", { $0.mulsd($1, $2) }, { $0.mulsd($1, $2) }),
            ("divsd", "QWORD", { $0.divsd($1, $2) }, { $0.divsd($1, $2) }),
            ("sqrtsd", "QWORD", { $0.sqrtsd($1, $2) }, { $0.sqrtsd($1, $2) }),
            ("ucomisd", "QWORD", { $0.ucomisd($1, $2) }, { $0.ucomisd($1, $2) }),
            ("comisd", "QWORD", { $0.comisd($1, $2) }, { $0.comisd($1, $2) }),
            ("xorpd", "XMMWORD", { $0.xorpd($1, $2) }, { $0.xorpd($1, $2) }),
            ("andpd", "XMMWORD", { $0.andpd($1, $2) }, { $0.andpd($1, $2) }),
        ]
        var cases: [EncodingCase] = []
        for (m, size, registerForm, memoryForm) in forms {
            for (dst, src) in xmmPairs {
                cases.append(EncodingCase(expected: "\(m) \(dst),\(src)") { registerForm($0, dst, src) })
            }
            for (xmm, sample) in xmmMemoryPairs {
                cases.append(memoryCase("\(m) \(xmm),\(size) PTR \(sample.text)", sample) { memoryForm($0, xmm, $1) })
            }
        }
        for (xmm, sample) in xmmMemoryPairs {
            cases.append(memoryCase("movsd QWORD PTR \(sample.text),\(xmm)", sample) { $0.movsd($1, xmm) })
        }
        for xmm in xmms {
            for register in registers(.qword) {
                cases.append(EncodingCase(expected: "movq \(xmm),\(register)") { $0.movq(xmm, register) })
                cases.append(EncodingCase(expected: "movq \(register),\(xmm)") { $0.movq(register, xmm) })
            }
        }
        for width in [Width.dword, .qword] {
            for xmm in xmms {
                for register in registers(width) {
                    cases.append(EncodingCase(expected: "cvtsi2sd \(xmm),\(register)") { $0.cvtsi2sd(xmm, register) })
                    cases.append(EncodingCase(expected: "cvttsd2si \(register),\(xmm)") { $0.cvttsd2si(register, xmm) })
                }
            }
            for (index, (xmm, sample)) in xmmMemoryPairs.enumerated() {
                let register = Register(number: UInt8(index % 16), width: width)
                cases.append(memoryCase("cvtsi2sd \(xmm),\(ptr[width]!)\(sample.text)", sample) { $0.cvtsi2sd(xmm, width, $1) })
                cases.append(memoryCase("cvttsd2si \(register),QWORD PTR \(sample.text)", sample) { $0.cvttsd2si(register, $1) })
            }
        }
        for (index, (dst, src)) in xmmPairs.enumerated() {
            let mode = RoundingMode.allCases[index % 4]
            cases.append(EncodingCase(expected: "roundsd \(dst),\(src),\(hex(Int64(mode.rawValue), .byte))") { $0.roundsd(dst, src, mode) })
        }
        for (index, (xmm, sample)) in xmmMemoryPairs.enumerated() {
            let mode = RoundingMode.allCases[index % 4]
            cases.append(memoryCase("roundsd \(xmm),QWORD PTR \(sample.text),\(hex(Int64(mode.rawValue), .byte))", sample) {
                $0.roundsd(xmm, $1, mode)
            })
        }
        return cases
    }
}
