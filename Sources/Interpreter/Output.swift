import Glibc
import Runtime

/// The program's stdout and stderr. Stdout is buffered and flushed when the buffer fills,
/// on `flush=True`, before anything goes to stderr, and at exit, so that the two streams
/// interleave as they would at a terminal and the bytes match CPython's.
enum Output {
    nonisolated(unsafe) private static var buffer: [UInt8] = []

    static func write(_ text: String, toStandardError: Bool = false) {
        if toStandardError {
            flush()
            writeAll(2, Array(text.utf8))
            return
        }
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    static func flush() {
        guard !buffer.isEmpty else { return }
        writeAll(1, buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    private static func writeAll(_ fd: Int32, _ bytes: [UInt8]) {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n <= 0 { return }
                offset += n
            }
        }
    }

    /// The standard streams, and the methods of `sys.stdout` and `sys.stderr`.
    static func installStreamMethods() {
        standardStreams = (0...2).map { stream(descriptor: $0) }
        for stream in standardStreams { Collector.addPermanentRoot(stream) }
        let type = InterpreterTypes.textStream
        Natives.method(type, "write") { args throws(PythonError) in
            try args.expect(2...2)
            guard args[1].kind == .str else {
                throw PythonError(.typeError, "write() argument must be str, not \(TypeObjects.name(args[1].type))")
            }
            write(Str.swiftString(args[1]), toStandardError: InterpreterObjects.fields(args[0]).pointee.i == 2)
            return Value(smallInt: Str.count(args[1]))
        }
        Natives.method(type, "flush") { _ throws(PythonError) in
            flush()
            return BuiltinTypes.none
        }
        Natives.method(type, "writelines") { args throws(PythonError) in
            try args.expect(2...2)
            let toStandardError = InterpreterObjects.fields(args[0]).pointee.i == 2
            try Iteration.forEach(args[1]) { line throws(PythonError) in
                guard line.kind == .str else {
                    throw PythonError(.typeError, "write() argument must be str, not \(TypeObjects.name(line.type))")
                }
                write(Str.swiftString(line), toStandardError: toStandardError)
            }
            return BuiltinTypes.none
        }
        Natives.method(type, "fileno") { args throws(PythonError) in Value(smallInt: InterpreterObjects.fields(args[0]).pointee.i) }
        Natives.method(type, "isatty") { args throws(PythonError) in
            Value.bool(isatty(Int32(InterpreterObjects.fields(args[0]).pointee.i)) != 0)
        }
        Natives.method(type, "readline") { _ throws(PythonError) in Interned.str("") }
        Natives.method(type, "read") { _ throws(PythonError) in Interned.str("") }
        NativeTypes.getter(type, "encoding") { _ throws(PythonError) in Interned.str("utf-8") }
    }

    /// What `print` writes to: `sys.stdout` as the program left it (it may replace it), or
    /// the real stdout while `sys` was never imported.
    static func standardOutput() throws(PythonError) -> Value {
        let sys = try Dict.get(VM.modules, sysName)
        guard InterpreterObjects.tag(sys) == .module else { return standardStreams[1] }
        let stdout = try Dict.get(InterpreterObjects.fields(sys).pointee.a, stdoutName)
        if stdout.isNull { throw PythonError(.runtimeError, "lost sys.stdout") }
        return stdout
    }

    private static let sysName = Interned.str("sys")
    private static let stdoutName = Interned.str("stdout")

    /// The stream objects of descriptors 0, 1 and 2: `sys.stdin`, `sys.stdout`, `sys.stderr`.
    nonisolated(unsafe) static var standardStreams: [Value] = []

    /// The descriptor behind one of our own streams, or nil for any other object.
    static func descriptor(of file: Value) -> Int? {
        InterpreterObjects.tag(file) == .textStream ? InterpreterObjects.fields(file).pointee.i : nil
    }

    /// `sys.stdout` (descriptor 1) or `sys.stderr` (2); `i` holds the descriptor.
    static func stream(descriptor: Int) -> Value {
        InterpreterObjects.make(.textStream, type: InterpreterTypes.textStream, i: descriptor)
    }
}
