import FrontEnd
import Runtime

/// A label: the index of a basic block in its unit.
struct BlockID: Hashable {
    let index: Int
}

/// An instruction before layout: jumps name blocks, not indexes.
struct PendingInstruction {
    var opcode: Opcode
    var argument: Int32
    var target: BlockID?
    var line: Int32
    /// The innermost exception handler covering it (an index into `CodeUnit.handlers`).
    var handler: Int?
}

struct BasicBlock {
    var instructions: [PendingInstruction] = []
    /// The stack depth on entry, once a jump to the block or a fallthrough has said it.
    var entryDepth: Int?
}

/// A handler in force over a stretch of code: where to go and how deep the stack is there.
struct HandlerRecord {
    var target: BlockID
    var depth: Int
}

/// The code under construction for one scope: blocks of instructions, constants, names and
/// slots. `CodeGenerator` drives it; `assemble()` lays it out into a `CodeObject`.
final class CodeUnit {
    let scope: Scope
    let name: String
    let qualifiedName: String
    let firstLine: Int
    var blocks: [BasicBlock] = [BasicBlock(entryDepth: 0)]
    var current = BlockID(index: 0)
    /// Blocks in the order emission reached them: the layout order.
    var layoutOrder: [Int] = [0]
    var line: Int32
    /// The stack depth at the emission point; exact in straight-line code.
    var depth = 0

    var constantIndexes: [ConstantKey: Int32] = [:]
    var constantValues: [Value] = []
    var nameIndexes: [String: Int32] = [:]
    var nameList: [String] = []
    var cacheNames: [Int32] = []
    var slotIndexes: [String: Int32] = [:]
    var slotNames: [String] = []
    var cellSlots: [Int32] = []
    var firstFreeSlot = 0

    /// The constant index of the function's docstring, if its body starts with one.
    var docstring: Int32?
    /// The code objects of nested functions, classes and comprehensions, in order.
    var children: [CodeObject] = []
    var handlers: [HandlerRecord] = []
    var handlerStack: [Int] = []
    var frameBlocks: [FrameBlock] = []

    init(scope: Scope, name: String, qualifiedName: String, firstLine: Int) {
        self.scope = scope
        self.name = name
        self.qualifiedName = qualifiedName
        self.firstLine = firstLine
        self.line = Int32(firstLine)
    }

    // MARK: Slots

    /// Parameters first, in order, then other locals, then cells that are not parameters,
    /// then free variables.
    func assignSlots() {
        for parameter in scope.parameters { addSlot(parameter) }
        if scope.isFunctionLike {
            for name in scope.bound.sorted() where scope.isLocal(name) && !scope.cells.contains(name) {
                addSlot(name)
            }
        }
        for name in scope.cells.sorted() {
            cellSlots.append(addSlot(name))
        }
        firstFreeSlot = slotNames.count
        for name in scope.frees.sorted() { addSlot(name) }
    }

    @discardableResult
    func addSlot(_ name: String) -> Int32 {
        if let index = slotIndexes[name] { return index }
        let index = Int32(slotNames.count)
        slotIndexes[name] = index
        slotNames.append(name)
        return index
    }

    func slot(_ name: String) -> Int32 { slotIndexes[name]! }

    // MARK: Pools

    func constant(_ key: ConstantKey, _ make: () -> Value) -> Int32 {
        if let index = constantIndexes[key] { return index }
        let index = Int32(constantValues.count)
        let value = make()
        ConstantPool.keepAlive(value)
        constantValues.append(value)
        constantIndexes[key] = index
        return index
    }

    func nameIndex(_ name: String) -> Int32 {
        if let index = nameIndexes[name] { return index }
        let index = Int32(nameList.count)
        nameIndexes[name] = index
        nameList.append(name)
        return index
    }

    /// A fresh inline cache for one lookup instruction.
    func cache(for name: String) -> Int32 {
        cacheNames.append(nameIndex(name))
        return Int32(cacheNames.count - 1)
    }

    // MARK: Blocks and emission

    func newBlock() -> BlockID {
        blocks.append(BasicBlock())
        return BlockID(index: blocks.count - 1)
    }

    /// Continues emission in `block`. Falling into it from the current block records the
    /// depth; a block only jumped to takes the depth its jumps recorded.
    func use(_ block: BlockID, fallingThrough: Bool = true) {
        if fallingThrough && !currentBlockEnds {
            setEntryDepth(block, depth)
        }
        current = block
        layoutOrder.append(block.index)
        if let known = blocks[block.index].entryDepth { depth = known }
    }

    var currentBlockEnds: Bool {
        guard let last = blocks[current.index].instructions.last else { return false }
        return last.opcode.endsBlock
    }

    /// Code after a `return`, `raise` or jump that nothing jumps to: it is emitted (it may hold
    /// a label's predecessor) but never runs.
    private func startUnreachableBlock() {
        let block = newBlock()
        current = block
        layoutOrder.append(block.index)
    }

    func setEntryDepth(_ block: BlockID, _ value: Int) {
        if blocks[block.index].entryDepth == nil { blocks[block.index].entryDepth = value }
    }

    func emit(_ opcode: Opcode, _ argument: Int32 = 0) {
        if currentBlockEnds { startUnreachableBlock() }
        blocks[current.index].instructions.append(
            PendingInstruction(opcode: opcode, argument: argument, target: nil, line: line, handler: handlerStack.last))
        depth += StackEffect.of(opcode, argument, jumping: false)
    }

    func emitJump(_ opcode: Opcode, to target: BlockID) {
        if currentBlockEnds { startUnreachableBlock() }
        blocks[current.index].instructions.append(
            PendingInstruction(opcode: opcode, argument: 0, target: target, line: line, handler: handlerStack.last))
        setEntryDepth(target, depth + StackEffect.of(opcode, 0, jumping: true))
        depth += StackEffect.of(opcode, 0, jumping: false)
    }

    // MARK: Exception handlers

    /// Covers the code emitted until `popHandler()` with a handler at `target`, which the
    /// stack reaches cut back to the current depth, with the exception pushed.
    func pushHandler(_ target: BlockID) {
        handlers.append(HandlerRecord(target: target, depth: depth))
        handlerStack.append(handlers.count - 1)
        setEntryDepth(target, depth + 1)
    }

    func popHandler() {
        handlerStack.removeLast()
    }
}

/// What a `return`, `break` or `continue` must undo on its way out of a construct.
enum FrameBlock {
    case whileLoop(head: BlockID, exit: BlockID)
    case forLoop(head: BlockID, exit: BlockID)
    /// The body of `try ... finally`: leaving it runs the final body.
    case tryFinally(body: [Statement], handlerDepth: Int)
    /// The final body run for an exception: the saved exception is on the stack.
    case finallyForException(handlerDepth: Int)
    case with(handlerDepth: Int)
    /// An `except` clause: the saved exception is on the stack; a name may be bound.
    case exceptClause(name: String?, handlerDepth: Int)
    /// A final body run for a `return`, whose value waits on the stack: a `break`,
    /// `continue` or `return` in that body drops it.
    case returnValue
}

/// Keys that deduplicate constants within one code object. Floats key on their bits so that
/// `0.0` and `-0.0` stay apart.
enum ConstantKey: Hashable {
    case none, `true`, `false`, ellipsis
    case integer(String, Int)
    case float(UInt64)
    case string([UInt32])
    case code(ObjectIdentifier)
    case tuple([ConstantKey])
    case frozenset([ConstantKey])
    case smallInt(Int)
}

/// Keeps compile-time constants alive between their creation and their code object's.
enum ConstantPool {
    nonisolated(unsafe) private static var pool = Value.null

    static func keepAlive(_ value: Value) {
        if pool.isNull {
            pool = List.make()
            Collector.addPermanentRoot(pool)
        }
        List.append(pool, value)
    }

    /// Lets go of everything once the module's code objects root their own constants.
    static func release() {
        if !pool.isNull { List.clear(pool) }
    }
}
