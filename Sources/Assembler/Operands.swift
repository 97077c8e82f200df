/// The factor an index register is multiplied by; the raw value is the SIB `scale` field.
public enum Scale: UInt8, CaseIterable, Sendable {
    case x1 = 0, x2 = 1, x4 = 2, x8 = 3
}

/// A memory operand: `[base + index*scale + displacement]`, or an address relative to the next
/// instruction's (`[rip + label]`). It carries no size: the instruction's other operand implies
/// it, and the forms that have no register operand take a `Width` argument instead.
public struct Memory: Sendable {
    enum Base: Sendable {
        case register(UInt8)
        case rip(Label)
    }

    let base: Base
    let index: UInt8?
    let scale: Scale
    let displacement: Int32

    /// `[base + displacement]`.
    public static func at(_ base: Register, _ displacement: Int32 = 0) -> Memory {
        Memory(base: .register(baseNumber(base)), index: nil, scale: .x1, displacement: displacement)
    }

    /// `[base + index*scale + displacement]`.
    public static func at(_ base: Register, index: Register, scale: Scale, _ displacement: Int32 = 0) -> Memory {
        precondition(index.width == .qword, "a memory index must be a 64-bit register, not \(index)")
        // SIB index 100 without REX.X means "no index", so rsp can never be one (r12 can).
        precondition(index != .rsp, "rsp cannot be a memory index")
        return Memory(base: .register(baseNumber(base)), index: index.number, scale: scale, displacement: displacement)
    }

    /// `[rip + label]`: the address of a label in the same code (a literal, a table) or outside it.
    public static func rip(_ label: Label) -> Memory {
        Memory(base: .rip(label), index: nil, scale: .x1, displacement: 0)
    }

    private static func baseNumber(_ base: Register) -> UInt8 {
        precondition(base.width == .qword, "a memory base must be a 64-bit register, not \(base)")
        return base.number
    }
}

/// A condition code as encoded in the low nibble of jcc, setcc and cmovcc.
public enum Condition: UInt8, CaseIterable, Sendable {
    case overflow, noOverflow, below, aboveOrEqual, equal, notEqual, belowOrEqual, above
    case sign, noSign, parity, noParity, less, greaterOrEqual, lessOrEqual, greater

    /// The suffix Intel syntax appends to j, set and cmov.
    public var suffix: String { Condition.suffixes[Int(rawValue)] }

    static let suffixes = ["o", "no", "b", "ae", "e", "ne", "be", "a", "s", "ns", "p", "np", "l", "ge", "le", "g"]
}
