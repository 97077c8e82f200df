import Compiler
import Foundation
import Runtime

/// `raise`, `except` matching, and what an exception carries along as it propagates: its
/// context, its cause and its traceback.
enum Raising {
    /// The exception a `raise` instruction raises. Argument 0 re-raises the handled exception;
    /// 1 raises the top (a class is instantiated); 2 raises `exception from cause`.
    static func error(for argument: Int, exception raised: Value, cause: Value) throws(PythonError) -> PythonError {
        switch argument {
        case 0:
            guard !VM.handledException.isNull else { throw PythonError(.runtimeError, "No active exception to reraise") }
            return PythonError(exception: VM.handledException)
        case 1:
            return PythonError(exception: try instance(raised))
        default:
            let exception = try instance(raised)
            if cause.is(BuiltinTypes.none) {
                exception.fields(ExceptionObject.self).pointee.cause = BuiltinTypes.none
            } else {
                let causeException = try instance(cause, forCause: true)
                exception.fields(ExceptionObject.self).pointee.cause = causeException
            }
            exception.fields(ExceptionObject.self).pointee.suppressContext = BuiltinTypes.trueValue
            return PythonError(exception: exception)
        }
    }

    /// `error` raised from `cause`, as CPython's `_PyErr_FormatFromCause` makes it: the cause is
    /// its context too, and the traceback shows only the cause.
    static func chained(_ error: PythonError, from cause: Value) -> PythonError {
        let fields = error.exception.fields(ExceptionObject.self)
        fields.pointee.cause = cause
        fields.pointee.context = cause
        fields.pointee.suppressContext = BuiltinTypes.trueValue
        return error
    }

    /// `e.add_note(note)`: appended to `e.__notes__`, a list made with the first note.
    static func addNote(_ exception: Value, _ note: Value) throws(PythonError) {
        guard note.kind == .str else { throw PythonError(.typeError, "note must be a str, not '\(TypeObjects.name(note.type))'") }
        let name = Interned.str("__notes__")
        var notes = try Attributes.find(exception, name)
        if notes.isNull {
            notes = List.make()
            try Attributes.set(exception, name, notes)
        }
        guard notes.kind == .list else { throw PythonError(.typeError, "Cannot add note: __notes__ is not a list") }
        List.append(notes, note)
    }

    /// An exception instance from what `raise` was given.
    static func instance(_ v: Value, forCause: Bool = false) throws(PythonError) -> Value {
        if v.kind == .exception { return v }
        if v.kind == .type && TypeObjects.isSubtype(v, of: BuiltinException.baseException.type) {
            let made = try Calls.call(v)
            guard made.kind == .exception else {
                throw PythonError(.typeError, "calling \(try Objects.repr(v)) should have returned an instance of BaseException, not \(TypeObjects.name(made.type))")
            }
            return made
        }
        throw PythonError(.typeError, forCause ? "exception causes must derive from BaseException" : "exceptions must derive from BaseException")
    }

    /// `except type:` — `type` may be a class or a tuple of classes.
    static func matches(_ exception: Value, _ type: Value) throws(PythonError) -> Bool {
        if type.kind == .tuple {
            for i in 0..<Tuple.count(type) where try matches(exception, Tuple.items(type)[i]) { return true }
            return false
        }
        guard type.kind == .type, TypeObjects.isSubtype(type, of: BuiltinException.baseException.type) else {
            throw PythonError(.typeError, "catching classes that do not inherit from BaseException is not allowed")
        }
        return TypeObjects.isSubtype(exception.type, of: type)
    }

    /// Records that `exception` passed through `code` at `instruction`: a traceback entry, and
    /// on its first step the exception being handled as its context.
    static func noteRaised(_ exception: Value, code: CodeObject, instruction: Int) {
        let fields = exception.fields(ExceptionObject.self)
        var traceback = fields.pointee.traceback
        if traceback.kind != .list {
            traceback = List.make()
            exception.fields(ExceptionObject.self).pointee.traceback = traceback
            let handled = VM.handledException
            let context = exception.fields(ExceptionObject.self).pointee.context
            if !handled.isNull && !handled.is(exception) && (context.isNull || context.is(BuiltinTypes.none)) {
                exception.fields(ExceptionObject.self).pointee.context = handled
            }
        }
        List.append(traceback, code.word)
        List.append(traceback, Value(smallInt: code.line(at: instruction)))
    }
}

/// The uncaught-exception report on stderr, as CPython prints it; and `e.__traceback__`.
enum Tracebacks {
    nonisolated(unsafe) static var tracebackType = Value.null

    /// `e.__traceback__`: a chain of `traceback` objects from the frame the exception has
    /// reached (the outermost recorded) to the one that raised it, or None before it is raised.
    /// They have line numbers and names, not frames: `tb_frame` is None.
    static func object(for exception: Value) -> Value {
        let entries = exception.fields(ExceptionObject.self).pointee.traceback
        guard entries.kind == .list, List.count(entries) >= 2 else { return BuiltinTypes.none }
        if tracebackType.isNull {
            tracebackType = NativeTypes.make("traceback")
            Collector.addPermanentRoot(tracebackType)
            NativeTypes.getter(tracebackType, "tb_next") { v throws(PythonError) in NativeTypes.fields(v).pointee.a }
            NativeTypes.getter(tracebackType, "tb_lineno") { v throws(PythonError) in Value(smallInt: NativeTypes.fields(v).pointee.i) }
            NativeTypes.getter(tracebackType, "tb_lasti") { _ throws(PythonError) in Value(smallInt: 0) }
            NativeTypes.getter(tracebackType, "tb_frame") { _ throws(PythonError) in BuiltinTypes.none }
        }
        // Entries run from the raising frame outward; the chain starts at the outermost.
        var next = BuiltinTypes.none
        var i = 0
        while i + 1 < List.count(entries) {
            next = NativeTypes.object(tracebackType, a: next, i: List.items(entries)[i + 1].smallInt)
            i += 2
        }
        return next
    }
    static func render(_ exception: Value) -> String {
        var text = ""
        let fields = exception.fields(ExceptionObject.self)
        let cause = fields.pointee.cause
        let context = fields.pointee.context
        if cause.kind == .exception {
            text += render(cause) + "\nThe above exception was the direct cause of the following exception:\n\n"
        } else if context.kind == .exception && !Objects.isTrue(fields.pointee.suppressContext) {
            text += render(context) + "\nDuring handling of the above exception, another exception occurred:\n\n"
        }
        return text + renderAlone(exception)
    }

    /// The traceback and last line of `exception`, without its cause or context.
    private static func renderAlone(_ exception: Value) -> String {
        var text = ""
        let traceback = exception.fields(ExceptionObject.self).pointee.traceback
        if traceback.kind == .list && List.count(traceback) > 0 {
            text += "Traceback (most recent call last):\n"
            var entries: [(CodeObject, Int)] = []
            var i = 0
            while i + 1 < List.count(traceback) {
                entries.append((CodeObject.from(word: List.items(traceback)[i]), List.items(traceback)[i + 1].smallInt))
                i += 2
            }
            for (code, line) in entries.reversed() {
                text += "  File \"\(code.fileName)\", line \(line), in \(code.name)\n"
                if let source = SourceLines.line(code.fileName, line) { text += "    \(source)\n" }
            }
        }
        return text + lastLine(exception) + Suggestions.hint(for: exception) + "\n" + notes(exception)
    }

    /// What `add_note` attached, after the message, as CPython prints it: each note's str and
    /// a newline; a `__notes__` that is not a sequence as its repr alone.
    private static func notes(_ exception: Value) -> String {
        guard let notes = try? Attributes.find(exception, Interned.str("__notes__")), !notes.isNull else { return "" }
        guard notes.kind == .list || notes.kind == .tuple || notes.kind == .str else {
            return (try? Objects.repr(notes)) ?? "<__notes__ repr() failed>"
        }
        guard let items = try? Iteration.list(notes) else { return "" }
        var text = ""
        for i in 0..<List.count(items) {
            text += ((try? Objects.str(List.items(items)[i])) ?? "<note str() failed>") + "\n"
        }
        return text
    }

    /// An exception that cannot propagate (it came from closing an abandoned generator) is
    /// written to stderr, as CPython's `PyErr_WriteUnraisable` writes it, and dropped.
    static func reportUnraisable(_ error: PythonError, in object: Value) {
        let what = (try? Objects.repr(object)) ?? "<object repr() failed>"
        Output.write("Exception ignored in: \(what)\n" + renderAlone(error.exception), toStandardError: true)
    }

    /// `ValueError: message`, or just the name when the message is empty.
    static func lastLine(_ exception: Value) -> String {
        // The qualified name: a class nested in another prints as `Outer.Inner`.
        let qualified = (try? BuiltinAttributes.typeAttribute(exception.type, Interned.str("__qualname__"))) ?? Value.null
        var name = qualified.isObject && !qualified.isNull && qualified.kind == .str
            ? Str.swiftString(qualified) : TypeObjects.name(exception.type)
        let module = (try? Dict.get(exception.type.fields(TypeObject.self).pointee.dict, Interned.str("__module__"))) ?? Value.null
        if !module.isNull, module.kind == .str, Str.swiftString(module) != "builtins", Str.swiftString(module) != "__main__" {
            name = Str.swiftString(module) + "." + name
        }
        let message: String
        if exception.type.is(BuiltinException.keyError.type) || TypeObjects.isSubtype(exception.type, of: BuiltinException.keyError.type),
           Tuple.count(Exceptions.arguments(exception)) == 1 {
            message = (try? Objects.repr(Tuple.items(Exceptions.arguments(exception))[0])) ?? ""
        } else {
            message = (try? Objects.str(exception)) ?? "<exception str() failed>"
        }
        return message.isEmpty ? name : name + ": " + message
    }
}

/// The source lines of the program, for tracebacks.
enum SourceLines {
    nonisolated(unsafe) static var files: [String: [Substring]] = [:]

    static func register(_ fileName: String, _ text: String) {
        files[fileName] = text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    static func line(_ fileName: String, _ number: Int) -> String? {
        guard let lines = files[fileName], number >= 1, number <= lines.count else { return nil }
        let text = lines[number - 1].trimmingCharacters(in: .whitespaces)
        return text.isEmpty ? nil : text
    }
}
