import Runtime

/// Lays a finished `CodeUnit` out into a `CodeObject`: blocks in emission order, jump
/// targets resolved to instruction indexes, the exception table built from the handler each
/// instruction was emitted under, and the deepest stack found by walking every path.
extension CodeUnit {
    func assemble(fileName: String, flags: CodeFlags, positionalCount: Int, positionalOnlyCount: Int,
                  keywordOnlyCount: Int) -> CodeObject {
        var starts = [Int](repeating: 0, count: blocks.count)
        var count = 0
        for index in layoutOrder {
            starts[index] = count
            count += blocks[index].instructions.count
        }
        var instructions: [Instruction] = []
        var lines: [Int32] = []
        var handlerOf: [Int?] = []
        instructions.reserveCapacity(count)
        for index in layoutOrder {
            for pending in blocks[index].instructions {
                let argument = pending.target.map { Int32(starts[$0.index]) } ?? pending.argument
                instructions.append(Instruction(pending.opcode, argument))
                lines.append(pending.line)
                handlerOf.append(pending.handler)
            }
        }
        let table = exceptionTable(handlerOf, starts)
        let maxDepth = deepestStack(instructions, table)
        let constants = Tuple.make(constantValues)
        let names = Tuple.make(nameList.map { Interned.str($0) })
        let parameterNames = Tuple.make(slotNames.prefix(scope.parameters.count).map { Interned.str($0) })
        return CodeObject(
            name: name, qualifiedName: qualifiedName, fileName: fileName, firstLine: firstLine, flags: flags,
            positionalCount: positionalCount, positionalOnlyCount: positionalOnlyCount,
            keywordOnlyCount: keywordOnlyCount, slotNames: slotNames, cellSlots: cellSlots,
            firstFreeSlot: firstFreeSlot, maxStackDepth: maxDepth, instructions: instructions,
            constants: constants, names: names, parameterNames: parameterNames, cacheNames: cacheNames,
            lines: lines, exceptionTable: table, blockStarts: blockStarts(instructions, table), children: children,
            docstring: docstring.map { Int($0) } ?? -1)
    }

    /// One entry per maximal run of instructions under the same innermost handler.
    private func exceptionTable(_ handlerOf: [Int?], _ starts: [Int]) -> [ExceptionHandler] {
        var table: [ExceptionHandler] = []
        var runStart = 0
        for i in 0...handlerOf.count {
            let runEnds = i == handlerOf.count || handlerOf[i] != handlerOf[runStart]
            guard runEnds else { continue }
            if let handler = handlerOf[runStart] {
                let record = handlers[handler]
                table.append(ExceptionHandler(
                    start: Int32(runStart), end: Int32(i), target: Int32(starts[record.target.index]),
                    depth: Int32(record.depth)))
            }
            runStart = i
        }
        return table
    }

    /// The stack depth before each instruction, propagated along every edge; returns the
    /// maximum. Two paths reaching one instruction at different depths would be a compiler bug.
    private func deepestStack(_ instructions: [Instruction], _ table: [ExceptionHandler]) -> Int {
        guard !instructions.isEmpty else { return 0 }
        var depthAt = [Int](repeating: -1, count: instructions.count)
        var work: [(Int, Int)] = [(0, 0)]
        for entry in table { work.append((Int(entry.target), Int(entry.depth) + 1)) }
        var deepest = 0
        while let (start, startDepth) = work.popLast() {
            var i = start
            var depth = startDepth
            while i < instructions.count {
                if depthAt[i] >= 0 {
                    assert(depthAt[i] == depth, "inconsistent stack depth at \(i) in \(qualifiedName)")
                    break
                }
                depthAt[i] = depth
                let instruction = instructions[i]
                if instruction.opcode.isJump {
                    let taken = depth + StackEffect.of(instruction.opcode, instruction.argument, jumping: true)
                    deepest = max(deepest, taken)
                    work.append((Int(instruction.argument), taken))
                }
                depth += StackEffect.of(instruction.opcode, instruction.argument, jumping: false)
                deepest = max(deepest, depth)
                if instruction.opcode.endsBlock { break }
                i += 1
            }
        }
        return deepest + 1
    }

    private func blockStarts(_ instructions: [Instruction], _ table: [ExceptionHandler]) -> [Int32] {
        var starts: Set<Int32> = [0]
        for (i, instruction) in instructions.enumerated() {
            if instruction.opcode.isJump { starts.insert(instruction.argument) }
            if instruction.opcode.isJump || instruction.opcode.endsBlock { starts.insert(Int32(i + 1)) }
        }
        for entry in table { starts.insert(entry.target) }
        return starts.filter { $0 < instructions.count }.sorted()
    }
}
