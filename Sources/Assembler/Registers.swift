/// The size of an integer operand. It picks the opcode variant (byte forms have their own opcodes),
/// the 0x66 operand-size prefix (word) or REX.W (qword); dword is the default size in 64-bit mode.
public enum Width: Int, CaseIterable, Sendable {
    case byte = 1, word = 2, dword = 4, qword = 8
}

/// A general-purpose register seen at one width: `rax`, `eax`, `ax` and `al` share number 0.
/// Numbers 8–15 (r8–r15) need a REX extension bit wherever they are encoded.
public struct Register: Hashable, Sendable, CustomStringConvertible {
    public let number: UInt8
    public let width: Width

    public init(number: UInt8, width: Width) {
        precondition(number < 16, "there is no general register number \(number)")
        self.number = number
        self.width = width
    }

    public static let rax = Register(number: 0, width: .qword), eax = rax.at(.dword), ax = rax.at(.word), al = rax.at(.byte)
    public static let rcx = Register(number: 1, width: .qword), ecx = rcx.at(.dword), cx = rcx.at(.word), cl = rcx.at(.byte)
    public static let rdx = Register(number: 2, width: .qword), edx = rdx.at(.dword), dx = rdx.at(.word), dl = rdx.at(.byte)
    public static let rbx = Register(number: 3, width: .qword), ebx = rbx.at(.dword), bx = rbx.at(.word), bl = rbx.at(.byte)
    public static let rsp = Register(number: 4, width: .qword), esp = rsp.at(.dword), sp = rsp.at(.word), spl = rsp.at(.byte)
    public static let rbp = Register(number: 5, width: .qword), ebp = rbp.at(.dword), bp = rbp.at(.word), bpl = rbp.at(.byte)
    public static let rsi = Register(number: 6, width: .qword), esi = rsi.at(.dword), si = rsi.at(.word), sil = rsi.at(.byte)
    public static let rdi = Register(number: 7, width: .qword), edi = rdi.at(.dword), di = rdi.at(.word), dil = rdi.at(.byte)
    public static let r8 = Register(number: 8, width: .qword), r8d = r8.at(.dword), r8w = r8.at(.word), r8b = r8.at(.byte)
    public static let r9 = Register(number: 9, width: .qword), r9d = r9.at(.dword), r9w = r9.at(.word), r9b = r9.at(.byte)
    public static let r10 = Register(number: 10, width: .qword), r10d = r10.at(.dword), r10w = r10.at(.word), r10b = r10.at(.byte)
    public static let r11 = Register(number: 11, width: .qword), r11d = r11.at(.dword), r11w = r11.at(.word), r11b = r11.at(.byte)
    public static let r12 = Register(number: 12, width: .qword), r12d = r12.at(.dword), r12w = r12.at(.word), r12b = r12.at(.byte)
    public static let r13 = Register(number: 13, width: .qword), r13d = r13.at(.dword), r13w = r13.at(.word), r13b = r13.at(.byte)
    public static let r14 = Register(number: 14, width: .qword), r14d = r14.at(.dword), r14w = r14.at(.word), r14b = r14.at(.byte)
    public static let r15 = Register(number: 15, width: .qword), r15d = r15.at(.dword), r15w = r15.at(.word), r15b = r15.at(.byte)

    /// The same register at another width, e.g. `Register.rdx.at(.byte)` is `dl`.
    public func at(_ width: Width) -> Register { Register(number: number, width: width) }

    /// Byte registers 4–7 mean spl/bpl/sil/dil only when a REX prefix is present;
    /// without one the same encoding selects ah/ch/dh/bh, which this assembler never names.
    var needsREXForByteAccess: Bool { width == .byte && (4...7).contains(number) }

    public var description: String { Register.names[width]![Int(number)] }

    private static let names: [Width: [String]] = [
        .qword: ["rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi"] + (8...15).map { "r\($0)" },
        .dword: ["eax", "ecx", "edx", "ebx", "esp", "ebp", "esi", "edi"] + (8...15).map { "r\($0)d" },
        .word: ["ax", "cx", "dx", "bx", "sp", "bp", "si", "di"] + (8...15).map { "r\($0)w" },
        .byte: ["al", "cl", "dl", "bl", "spl", "bpl", "sil", "dil"] + (8...15).map { "r\($0)b" },
    ]
}

/// An SSE register; this assembler uses only its low 64 bits as a scalar double
/// (plus the full 128 bits for the bitwise andpd/xorpd).
public struct XMM: Hashable, Sendable, CustomStringConvertible {
    public let number: UInt8

    public init(number: UInt8) {
        precondition(number < 16, "there is no xmm register number \(number)")
        self.number = number
    }

    public static let xmm0 = XMM(number: 0), xmm1 = XMM(number: 1), xmm2 = XMM(number: 2), xmm3 = XMM(number: 3)
    public static let xmm4 = XMM(number: 4), xmm5 = XMM(number: 5), xmm6 = XMM(number: 6), xmm7 = XMM(number: 7)
    public static let xmm8 = XMM(number: 8), xmm9 = XMM(number: 9), xmm10 = XMM(number: 10), xmm11 = XMM(number: 11)
    public static let xmm12 = XMM(number: 12), xmm13 = XMM(number: 13), xmm14 = XMM(number: 14), xmm15 = XMM(number: 15)

    public var description: String { "xmm\(number)" }
}
