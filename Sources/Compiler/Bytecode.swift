/// The instruction set the compiler emits, the interpreter runs and the JIT translates.
/// docs/BYTECODE.md describes every instruction's stack effect; keep the two in step.
///
/// A stack machine close to CPython 3.11's, with its zero-cost exception table, but with
/// fixed-width instructions: one opcode and one 32-bit argument. Jump arguments are absolute
/// instruction indexes. Instructions that look something up by name (globals, attributes,
/// methods) take an inline-cache index as their argument; the cache entry names the name.
public enum Opcode: UInt8, CaseIterable, Sendable {
    case nop

    // Stack shuffles.
    case popTop
    /// Pushes the value `argument` slots down (1 is the top).
    case copy
    /// Swaps the top with the value `argument` slots down.
    case swap
    case pushNull

    // Constants and variables.
    case loadConst
    case loadFast, storeFast, deleteFast
    /// Cell and free variables: the local slot holds the cell.
    case loadDeref, storeDeref, deleteDeref
    /// Pushes the cell itself, to build a closure.
    case loadClosure
    /// In a class body: the class namespace first, then the cell.
    case loadClassDeref
    /// Argument: a cache index.
    case loadGlobal
    /// Argument: a name index.
    case storeGlobal, deleteGlobal
    /// Module and class bodies: the frame's namespace, then globals, then builtins.
    case loadName, storeName, deleteName

    // Attributes. loadAttr, storeAttr and loadMethod take a cache index; deleteAttr a name.
    case loadAttr, storeAttr, deleteAttr
    /// Pushes `[function, receiver]` for a method found on the type, else `[attribute, null]`.
    case loadMethod

    // Operators. binaryOperation's argument is a `BinaryOperation`, compare's a `Comparison`.
    case binaryOperation
    case compare
    /// `is` (argument 0) and `is not` (1).
    case isOperation
    /// `in` (0) and `not in` (1).
    case containsOperation
    case unaryNegative, unaryPositive, unaryInvert, unaryNot

    // Subscripts and slices.
    case binarySubscript, storeSubscript, deleteSubscript
    /// Argument 2 or 3: `slice(lower, upper[, step])`.
    case buildSlice

    // Building containers. The argument counts the items popped.
    case buildTuple, buildList, buildSet
    /// Pops `2 * argument` values: key, value, key, value...
    case buildMap
    /// Pops `argument` strings and pushes their concatenation.
    case buildString
    /// Appends the top to the list `argument` slots below it (comprehensions).
    case listAppend, setAdd
    /// Pops value then key; stores into the dict `argument` slots below.
    case mapAdd
    case listExtend, setUpdate, dictUpdate
    /// `**mapping` in a call: like dictUpdate, but duplicate keys are a TypeError.
    case dictMerge
    case listToTuple
    case unpackSequence
    /// Argument: `before | after << 8` around the starred target.
    case unpackExtended

    // Control flow. Jump arguments are instruction indexes.
    case jump
    case popJumpIfFalse, popJumpIfTrue
    case popJumpIfNone, popJumpIfNotNone
    /// Keeps the value when jumping, pops it otherwise (`and`, `or`).
    case jumpIfFalseOrPop, jumpIfTrueOrPop
    /// `iter(top)`. With argument 1, top is what the call just made returned, and a
    /// generator that call made is owned by the `for` loop (see `forgetLastGenerator`).
    case getIterator
    /// Pushes the iterator's next value, or pops the iterator and jumps when it is exhausted.
    case forIterator
    /// Pops the iterator of a `for` loop left early (`break`, `return`). A generator the loop
    /// owns is closed now, as CPython's reference count would close it: its `finally` runs.
    case popIterator
    /// `locals()`, `vars()` or `dir()` called by name with no arguments: stack `callable,
    /// null`. When the callable is that builtin, it reads this frame; anything else is
    /// called as `call 0` would.
    case callFrameBuiltin
    /// Emitted just before the call of `for x in f(...)`: the interpreter forgets the last
    /// generator made, so that `getIterator 1` can tell whether this very call made one.
    case forgetLastGenerator
    case returnValue

    // Calls and functions.
    /// Sets the keyword names (a constant tuple) of the next call.
    case keywordNames
    /// Stack: `callable, receiver-or-null, arguments...`; argument: how many arguments.
    case call
    /// Stack: `callable, null, positional tuple, keyword dict-or-null`.
    case callExtended
    /// Pops a code constant and what `MakeFunctionFlags` say; pushes the function.
    case makeFunction
    /// Pushes the builtin that executes a class body and makes the class.
    case loadBuildClass

    // Exceptions.
    /// Argument 0: re-raise the handled exception; 1: raise top; 2: raise `exception from cause`.
    case raise
    /// Re-raises the top; argument 1 also restores the instruction index saved below it.
    case reraise
    /// Pushes the exception being handled before this one under the new one, and makes the new
    /// one the handled exception.
    case pushExceptionInfo
    /// Pops the saved exception and makes it the handled one again.
    case popExcept
    /// Stack: `exception, type`; pops both, pushes whether the exception matches the type.
    case checkExceptionMatch
    case loadAssertionError
    /// Stack: `exit, value`; for `with`: calls the `__exit__` with the handled exception.
    case withExceptStart
    /// Pops a context manager; pushes its bound `__exit__` and the result of `__enter__()`.
    case beforeWith

    // Generators.
    case yieldValue
    /// Stack: `subiterator, value`; sends the value in: pushes the yielded value, or pops
    /// both, pushes the subiterator's return value and jumps to the argument.
    case send
    /// `iter()` for `yield from`: a generator stays as it is.
    case getYieldFromIterator

    // Strings.
    /// Argument: `FormatFlags`. Stack: `value[, spec]`.
    case formatValue

    // Imports. Argument: a name index.
    case importName, importFrom, importStar
}

/// One instruction: eight bytes, so that code is an array the interpreter indexes directly.
@frozen
public struct Instruction: Equatable, Sendable {
    public var opcode: Opcode
    public var argument: Int32

    @inlinable
    public init(_ opcode: Opcode, _ argument: Int32 = 0) {
        self.opcode = opcode
        self.argument = argument
    }
}

/// The operator of a `binaryOperation`: the plain forms, then the in-place ones in the same
/// order (`inplace = plain + inPlaceOffset`).
public enum BinaryOperation: Int32, CaseIterable, Sendable {
    case add, subtract, multiply, matrixMultiply, trueDivide, floorDivide, remainder, power
    case leftShift, rightShift, bitAnd, bitOr, bitXor
    case inPlaceAdd, inPlaceSubtract, inPlaceMultiply, inPlaceMatrixMultiply, inPlaceTrueDivide
    case inPlaceFloorDivide, inPlaceRemainder, inPlacePower, inPlaceLeftShift, inPlaceRightShift
    case inPlaceBitAnd, inPlaceBitOr, inPlaceBitXor

    public static let inPlaceOffset: Int32 = 13

    public var isInPlace: Bool { rawValue >= Self.inPlaceOffset }

    /// The plain operator of an in-place one.
    public var plain: BinaryOperation {
        isInPlace ? BinaryOperation(rawValue: rawValue - Self.inPlaceOffset)! : self
    }

    /// The operator's symbol, as error messages print it (`+=` for in-place forms).
    public var symbol: String {
        let symbols = ["+", "-", "*", "@", "/", "//", "%", "**", "<<", ">>", "&", "|", "^"]
        return symbols[Int(plain.rawValue)] + (isInPlace ? "=" : "")
    }

    /// The special method names: `__add__`, `__radd__`, `__iadd__`.
    public var methodStem: String {
        let stems = ["add", "sub", "mul", "matmul", "truediv", "floordiv", "mod", "pow", "lshift", "rshift", "and", "or", "xor"]
        return stems[Int(plain.rawValue)]
    }
}

/// The operator of a `compare` instruction.
public enum Comparison: Int32, CaseIterable, Sendable {
    case less, lessEqual, equal, notEqual, greater, greaterEqual

    public var symbol: String { ["<", "<=", "==", "!=", ">", ">="][Int(rawValue)] }
    public var methodName: String { ["__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"][Int(rawValue)] }
    /// The comparison with operands swapped: `a < b` is `b > a`.
    public var reflected: Comparison { [.greater, .greaterEqual, .equal, .notEqual, .less, .lessEqual][Int(rawValue)] }
}

/// What `makeFunction` pops besides the code, in this order from the bottom.
public struct MakeFunctionFlags: OptionSet, Sendable {
    public var rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }
    /// A tuple of positional defaults.
    public static let defaults = MakeFunctionFlags(rawValue: 1)
    /// A dict of keyword-only defaults.
    public static let keywordDefaults = MakeFunctionFlags(rawValue: 2)
    /// A dict of the parameters' and the return's annotations.
    public static let annotations = MakeFunctionFlags(rawValue: 4)
    /// A tuple of cells.
    public static let closure = MakeFunctionFlags(rawValue: 8)
}

/// The argument of `formatValue`: the conversion in the low bits, and whether a spec is on
/// the stack.
public enum FormatFlags {
    public static let conversionMask: Int32 = 3
    public static let noConversion: Int32 = 0
    public static let str: Int32 = 1
    public static let repr: Int32 = 2
    public static let ascii: Int32 = 3
    public static let hasSpec: Int32 = 4
}

public extension Opcode {
    /// Whether the argument is a jump target.
    var isJump: Bool {
        switch self {
        case .jump, .popJumpIfFalse, .popJumpIfTrue, .popJumpIfNone, .popJumpIfNotNone,
             .jumpIfFalseOrPop, .jumpIfTrueOrPop, .forIterator, .send:
            return true
        default:
            return false
        }
    }

    /// Whether control never falls through to the next instruction.
    var endsBlock: Bool {
        switch self {
        case .jump, .returnValue, .raise, .reraise: return true
        default: return false
        }
    }

    /// Whether the argument is an inline-cache index.
    var usesInlineCache: Bool {
        switch self {
        case .loadGlobal, .loadAttr, .storeAttr, .loadMethod: return true
        default: return false
        }
    }
}
