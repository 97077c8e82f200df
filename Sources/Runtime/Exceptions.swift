/// A raised Python exception, as Swift code propagates it (`throws(PythonError)`). The
/// exception object lives in the GC heap; while the error is in flight its value sits in a
/// register or on the native stack, where the conservative scan keeps it alive.
public struct PythonError: Error {
    public let exception: Value

    public init(exception: Value) { self.exception = exception }

    /// A new exception of a builtin class with the message as its one argument.
    public init(_ kind: BuiltinException, _ message: String) {
        exception = Exceptions.make(kind.type, arguments: [Str.make(message)])
    }

    /// A new exception of a builtin class with no arguments.
    public init(_ kind: BuiltinException) {
        exception = Exceptions.make(kind.type, arguments: [])
    }

    /// The name of the exception's class, as a traceback prints it.
    public var typeName: String { TypeObjects.name(exception.type) }
}

/// The builtin exception classes, parent first, as CPython's hierarchy has them.
public enum BuiltinException: Int, CaseIterable {
    case baseException, systemExit, keyboardInterrupt, generatorExit, exception
    case stopIteration, arithmeticError, floatingPointError, overflowError, zeroDivisionError
    case assertionError, attributeError, eofError, importError, moduleNotFoundError
    case lookupError, indexError, keyError, memoryError, nameError, unboundLocalError
    case osError, runtimeError, notImplementedError, recursionError
    case syntaxError, indentationError, tabError, systemError, typeError
    case valueError, unicodeError

    public var name: String {
        switch self {
        case .eofError: return "EOFError"
        case .osError: return "OSError"
        default:
            let raw = String(describing: self)
            return raw.prefix(1).uppercased() + raw.dropFirst()
        }
    }

    var parent: BuiltinException? {
        switch self {
        case .baseException: return nil
        case .systemExit, .keyboardInterrupt, .generatorExit, .exception: return .baseException
        case .floatingPointError, .overflowError, .zeroDivisionError: return .arithmeticError
        case .moduleNotFoundError: return .importError
        case .indexError, .keyError: return .lookupError
        case .unboundLocalError: return .nameError
        case .notImplementedError, .recursionError: return .runtimeError
        case .indentationError: return .syntaxError
        case .tabError: return .indentationError
        case .unicodeError: return .valueError
        default: return .exception
        }
    }

    public var type: Value { BuiltinTypes.exceptions[rawValue] }
}

public enum Exceptions {
    public static func make(_ type: Value, arguments: [Value]) -> Value {
        let args = Tuple.make(arguments)
        let raw = Heap.allocate(.exception, type: type, size: MemoryLayout<ExceptionObject>.size)
        let exception = raw.assumingMemoryBound(to: ExceptionObject.self)
        exception.pointee.args = args
        exception.pointee.traceback = BuiltinTypes.none
        exception.pointee.cause = BuiltinTypes.none
        exception.pointee.context = BuiltinTypes.none
        exception.pointee.suppressContext = BuiltinTypes.falseValue
        exception.pointee.attributes = BuiltinTypes.none
        exception.pointee.name = Value.null
        exception.pointee.target = Value.null
        return Value(object: raw)
    }

    public static func arguments(_ e: Value) -> Value { e.fields(ExceptionObject.self).pointee.args }

    /// `str(e)`: nothing, the one argument's str, or the repr of the arguments; a KeyError
    /// shows its one argument's repr.
    /// `[Errno 2] No such file: 'name'` for an OSError made with errno, strerror and
    /// filenames (`-> 'other'` when a second filename is given).
    static func osErrorMessage(_ args: UnsafeMutablePointer<Value>, count: Int) throws(PythonError) -> String {
        var text = "[Errno \(try Objects.str(args[0]))] \(try Objects.str(args[1]))"
        if count >= 3 && !args[2].is(BuiltinTypes.none) {
            text += ": \(try Objects.repr(args[2]))"
            if count == 5 && !args[4].is(BuiltinTypes.none) { text += " -> \(try Objects.repr(args[4]))" }
        }
        return text
    }

    public static func message(_ e: Value) throws(PythonError) -> String {
        let args = arguments(e)
        switch Tuple.count(args) {
        case 0: return ""
        case 2...5 where TypeObjects.isSubtype(e.type, of: BuiltinException.osError.type):
            return try osErrorMessage(Tuple.items(args), count: Tuple.count(args))
        case 1:
            let argument = Tuple.items(args)[0]
            if TypeObjects.isSubtype(e.type, of: BuiltinException.keyError.type) { return try Objects.repr(argument) }
            return try Objects.str(argument)
        default: return try Objects.repr(args)
        }
    }
}
