import Runtime

extension CodeObject {
    /// A listing for people and tests: one instruction per line with its index, source line,
    /// opcode and argument, what the argument names, block starts marked with `>>`, and the
    /// exception table.
    public var disassembly: String {
        var lines = ["\(qualifiedName): \(slotCount) slots, stack \(maxStackDepth)"]
        let starts = Set(blockStarts)
        for i in 0..<instructionCount {
            let instruction = instructions[i]
            let marker = starts.contains(Int32(i)) ? ">>" : "  "
            var text = "\(marker) \(String(i).leftPadded(4)) L\(String(self.lines[i]).leftPadded(3)) \(instruction.opcode)"
            if instruction.argument != 0 || takesArgument(instruction.opcode) {
                text += " \(instruction.argument)"
            }
            if let note = note(for: instruction) { text += " (\(note))" }
            lines.append(text)
        }
        for entry in exceptionTable {
            lines.append("   handler \(entry.start)..<\(entry.end) -> \(entry.target) depth \(entry.depth)")
        }
        return lines.joined(separator: "\n")
    }

    private func takesArgument(_ opcode: Opcode) -> Bool {
        opcode.isJump || opcode.usesInlineCache
            || [.loadConst, .loadFast, .storeFast, .call, .buildTuple, .buildList].contains(opcode)
    }

    private func note(for instruction: Instruction) -> String? {
        let argument = Int(instruction.argument)
        switch instruction.opcode {
        case .loadFast, .storeFast, .deleteFast, .loadDeref, .storeDeref, .deleteDeref, .loadClosure, .loadClassDeref:
            return slotNames[argument]
        case .loadGlobal, .loadAttr, .storeAttr, .loadMethod:
            return Str.swiftString(caches[argument].name)
        case .storeGlobal, .deleteGlobal, .loadName, .storeName, .deleteName, .deleteAttr, .importName, .importFrom:
            return Str.swiftString(nameItems[argument])
        case .binaryOperation:
            return BinaryOperation(rawValue: instruction.argument).map(\.symbol)
        case .compare:
            return Comparison(rawValue: instruction.argument).map(\.symbol)
        case .loadConst:
            let constant = constantItems[argument]
            if constant.isSmallInt, let child = children.first(where: { $0.word.bits == constant.bits }) {
                return "code \(child.qualifiedName)"
            }
            return (try? Objects.repr(constant)) ?? "?"
        default:
            return nil
        }
    }
}

private extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
