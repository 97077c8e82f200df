/// The measured indentation of a line. CPython measures it twice: `column` with tabs to the next
/// multiple of 8, `alternateColumn` with tabs as one column. A line whose indentation compares one
/// way under the first measure and another way under the second mixes tabs and spaces ambiguously.
struct IndentWidth: Equatable {
    var column = 0
    var alternateColumn = 0

    static let tabSize = 8

    mutating func addSpace() {
        column += 1
        alternateColumn += 1
    }

    mutating func addTab() {
        column = (column / Self.tabSize + 1) * Self.tabSize
        alternateColumn += 1
    }

    /// A form feed restarts the count, for Emacs users' page breaks.
    mutating func addFormFeed() {
        column = 0
        alternateColumn = 0
    }
}

/// The stack of open indentation levels, and the INDENT/DEDENT decision for each new logical line.
struct IndentationStack {
    /// CPython's MAXINDENT: the deepest nesting of indented blocks.
    static let maximumDepth = 100

    enum Change: Equatable {
        case none
        case indent
        case dedent(count: Int)
    }

    enum Failure: Error {
        case inconsistentTabs, unmatchedDedent, tooDeep
    }

    private var levels: [IndentWidth] = [IndentWidth()]

    /// Open levels above the outermost one: the DEDENTs owed at the end of input.
    var depth: Int { levels.count - 1 }

    /// Pops every open level, at the end of input.
    mutating func closeAll() {
        levels.removeSubrange(1...)
    }

    /// Compares a line's indentation with the open levels and pushes or pops them.
    mutating func change(to width: IndentWidth) throws(Failure) -> Change {
        let current = levels[levels.count - 1]
        if width.column == current.column {
            guard width.alternateColumn == current.alternateColumn else { throw .inconsistentTabs }
            return .none
        }
        if width.column > current.column {
            guard levels.count < Self.maximumDepth else { throw .tooDeep }
            guard width.alternateColumn > current.alternateColumn else { throw .inconsistentTabs }
            levels.append(width)
            return .indent
        }
        var count = 0
        while levels.count > 1 && width.column < levels[levels.count - 1].column {
            levels.removeLast()
            count += 1
        }
        let reached = levels[levels.count - 1]
        guard width.column == reached.column else { throw .unmatchedDedent }
        guard width.alternateColumn == reached.alternateColumn else { throw .inconsistentTabs }
        return .dedent(count: count)
    }
}
