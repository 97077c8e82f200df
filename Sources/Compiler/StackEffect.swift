/// How many values each instruction leaves on the stack minus how many it takes; for jumps,
/// along the edge taken (`jumping`) or the fallthrough. docs/BYTECODE.md lists the same.
public enum StackEffect {
    public static func of(_ opcode: Opcode, _ argument: Int32, jumping: Bool) -> Int {
        let n = Int(argument)
        switch opcode {
        case .nop, .forgetLastGenerator, .swap, .deleteFast, .deleteDeref, .deleteGlobal, .deleteName, .loadAttr,
             .unaryNegative, .unaryPositive, .unaryInvert, .unaryNot, .listToTuple, .getIterator,
             .keywordNames, .yieldValue, .getYieldFromIterator, .jump:
            return 0
        case .popTop, .popIterator, .storeFast, .storeDeref, .storeGlobal, .storeName, .deleteAttr,
             .binaryOperation, .compare, .isOperation, .containsOperation, .binarySubscript,
             .listAppend, .setAdd, .listExtend, .setUpdate, .dictUpdate, .dictMerge, .returnValue,
             .popExcept, .reraise, .checkExceptionMatch, .importName, .importStar, .popJumpIfFalse, .popJumpIfTrue,
             .popJumpIfNone, .popJumpIfNotNone:
            return -1
        case .copy, .pushNull, .loadConst, .loadFast, .loadDeref, .loadClosure, .loadClassDeref,
             .loadGlobal, .loadName, .loadMethod, .loadBuildClass, .pushExceptionInfo,
             .loadAssertionError, .withExceptStart, .beforeWith, .importFrom:
            return 1
        case .storeAttr, .deleteSubscript, .mapAdd:
            return -2
        case .storeSubscript, .callExtended:
            return -3
        case .buildSlice: return 1 - n
        case .buildTuple, .buildList, .buildSet, .buildString: return 1 - n
        case .buildMap: return 1 - 2 * n
        case .unpackSequence: return n - 1
        case .unpackExtended: return (n & 0xFF) + (n >> 8)
        case .jumpIfFalseOrPop, .jumpIfTrueOrPop: return jumping ? 0 : -1
        case .forIterator: return jumping ? -1 : 1
        case .send: return jumping ? -1 : 0
        case .call: return -n - 1
        case .callFrameBuiltin: return -1
        case .makeFunction:
            let flags = MakeFunctionFlags(rawValue: argument)
            return -[MakeFunctionFlags.defaults, .keywordDefaults, .closure].filter { flags.contains($0) }.count
        case .raise: return -n
        case .formatValue: return argument & FormatFlags.hasSpec != 0 ? -1 : 0
        }
    }
}
