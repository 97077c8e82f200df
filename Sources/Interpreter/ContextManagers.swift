import Runtime

/// The `with` statement's protocol.
enum ContextManagers {
    /// `__enter__()` of the manager, and its `__exit__` bound to it.
    static func enter(_ manager: Value, exit boundExit: inout Value) throws(PythonError) -> Value {
        guard let enter = try Attributes.lookupSpecial(manager, interned: SpecialNames.enter),
              let exit = try Attributes.lookupSpecial(manager, interned: SpecialNames.exit) else {
            throw PythonError(.typeError, "'\(TypeObjects.name(manager.type))' object does not support the context manager protocol")
        }
        boundExit = try Attributes.bind(exit, to: manager, type: manager.type)
        return try Calls.call(enter, manager)
    }

    /// `__exit__(type, exception, traceback)` for an exception leaving the block.
    static func exit(_ exit: Value, exception: Value, stackTop: UnsafeMutablePointer<Value>) throws(PythonError) -> Value {
        try Calls.call(exit, exception.type, exception, Tracebacks.object(for: exception))
    }
}
