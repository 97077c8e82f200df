import Runtime

/// One compiled function, lambda, comprehension, class body or module: its instructions and
/// everything they index. Code objects live as long as the program: functions point at them
/// with a raw, even word (which the collector reads as a small int and skips), and their
/// constants and names are permanent roots.
public final class CodeObject {
    public let name: String
    public let qualifiedName: String
    public let fileName: String
    public let firstLine: Int
    public let flags: CodeFlags

    /// Positional parameters, positional-only ones included, then keyword-only ones, then
    /// `*args`, then `**kwargs`: the first slots of the frame.
    public let positionalCount: Int
    public let positionalOnlyCount: Int
    public let keywordOnlyCount: Int
    /// Every slot of the frame: parameters, other locals, cells, free variables.
    public let slotCount: Int
    public let slotNames: [String]
    /// Slots that hold a fresh cell when the frame starts (the slot's argument, if it is a
    /// parameter, moves into the cell).
    public let cellSlots: [Int32]
    /// The first slot of the free variables, copied from the function's closure tuple.
    public let firstFreeSlot: Int
    public let maxStackDepth: Int

    public let instructions: UnsafeMutablePointer<Instruction>
    public let instructionCount: Int
    /// The tuple of constants and its items, for direct indexing.
    public let constants: Value
    public let constantItems: UnsafeMutablePointer<Value>
    /// Interned strs for names: attributes, globals, imports, and the parameter names
    /// (`slotNames` as strs, first `parameterNameCount` of `parameterNames`).
    public let names: Value
    public let nameItems: UnsafeMutablePointer<Value>
    public let parameterNames: Value
    public let caches: UnsafeMutablePointer<InlineCache>
    public let cacheCount: Int
    /// The source line of each instruction.
    public let lines: [Int32]
    public let exceptionTable: [ExceptionHandler]
    /// The first instruction of every basic block, ascending.
    public let blockStarts: [Int32]
    /// The code of the functions, classes and comprehensions defined in this code.
    public let children: [CodeObject]
    /// A function's docstring (a str in the constants), or null.
    public let docstring: Value

    init(
        name: String, qualifiedName: String, fileName: String, firstLine: Int, flags: CodeFlags,
        positionalCount: Int, positionalOnlyCount: Int, keywordOnlyCount: Int, slotNames: [String],
        cellSlots: [Int32], firstFreeSlot: Int, maxStackDepth: Int, instructions: [Instruction],
        constants: Value, names: Value, parameterNames: Value, cacheNames: [Int32], lines: [Int32],
        exceptionTable: [ExceptionHandler], blockStarts: [Int32], children: [CodeObject], docstring: Int
    ) {
        self.children = children
        self.docstring = docstring >= 0 ? Tuple.items(constants)[docstring] : Value.null
        self.name = name
        self.qualifiedName = qualifiedName
        self.fileName = fileName
        self.firstLine = firstLine
        self.flags = flags
        self.positionalCount = positionalCount
        self.positionalOnlyCount = positionalOnlyCount
        self.keywordOnlyCount = keywordOnlyCount
        self.slotCount = slotNames.count
        self.slotNames = slotNames
        self.cellSlots = cellSlots
        self.firstFreeSlot = firstFreeSlot
        self.maxStackDepth = maxStackDepth
        self.instructionCount = instructions.count
        self.instructions = .allocate(capacity: max(1, instructions.count))
        self.instructions.initialize(from: instructions, count: instructions.count)
        self.constants = constants
        self.constantItems = Tuple.items(constants)
        self.names = names
        self.nameItems = Tuple.items(names)
        self.parameterNames = parameterNames
        self.cacheCount = cacheNames.count
        self.caches = .allocate(capacity: max(1, cacheNames.count))
        for (i, nameIndex) in cacheNames.enumerated() {
            (self.caches + i).initialize(to: InlineCache(name: Tuple.items(names)[Int(nameIndex)]))
        }
        self.lines = lines
        self.exceptionTable = exceptionTable
        self.blockStarts = blockStarts
        for permanent in [constants, names, parameterNames] { Collector.addPermanentRoot(permanent) }
        // Function objects hold the code by a raw word, so the code object keeps itself alive.
        _ = Unmanaged.passRetained(self)
    }

    /// How many parameters are bound from arguments, `*args` and `**kwargs` included.
    public var parameterCount: Int {
        positionalCount + keywordOnlyCount + (flags.contains(.variadic) ? 1 : 0)
            + (flags.contains(.keywordVariadic) ? 1 : 0)
    }

    /// The word a function object stores for its code: the object's address, which is even.
    public var word: Value {
        Value(bits: UInt64(UInt(bitPattern: Unmanaged.passUnretained(self).toOpaque())))
    }

    /// The code object behind a word made by `word`.
    @inline(__always)
    public static func from(word: Value) -> CodeObject {
        Unmanaged<CodeObject>.fromOpaque(UnsafeRawPointer(bitPattern: UInt(word.bits)).unsafelyUnwrapped)
            .takeUnretainedValue()
    }

    /// The line of the instruction at `index`.
    public func line(at index: Int) -> Int {
        index >= 0 && index < lines.count ? Int(lines[index]) : firstLine
    }

    /// The innermost handler covering the instruction at `index`.
    public func handler(at index: Int) -> ExceptionHandler? {
        var found: ExceptionHandler?
        for entry in exceptionTable where entry.start <= index && index < entry.end {
            if found == nil || entry.start >= found!.start { found = entry }
        }
        return found
    }
}

public struct CodeFlags: OptionSet, Sendable {
    public var rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }
    public static let variadic = CodeFlags(rawValue: 1 << 0)
    public static let keywordVariadic = CodeFlags(rawValue: 1 << 1)
    public static let generator = CodeFlags(rawValue: 1 << 2)
    /// Names go through the frame's namespace dict (module and class bodies).
    public static let usesNamespace = CodeFlags(rawValue: 1 << 3)
    public static let classBody = CodeFlags(rawValue: 1 << 4)
}

/// Where control goes when an instruction in `start..<end` raises: the value stack is cut
/// back to `depth` slots, the exception pushed, and execution continues at `target`.
public struct ExceptionHandler: Equatable, Sendable {
    public var start: Int32
    public var end: Int32
    public var target: Int32
    public var depth: Int32
}

/// The memory of one lookup instruction: what it found last time and the versions under which
/// that stays true. The interpreter owns the meaning of the fields (docs/BYTECODE.md, "Inline
/// caches"); the JIT reads them to specialize.
public struct InlineCache {
    /// The name looked up: an interned str, alive through the code's names tuple.
    public let name: Value
    /// What the entry is keyed on: a dict's identity, a type's identity, a shape.
    public var key: UInt64 = 0
    /// The versions under which the entry holds (dict versions, a type version).
    public var version: UInt64 = 0
    public var version2: UInt64 = 0
    /// What was found: an entry index in a dict, a slot index in an instance.
    public var index: Int = -1
    /// How to use `index`, by instruction.
    public var form: UInt8 = 0
    public var hits: UInt32 = 0

    init(name: Value) { self.name = name }
}
