import Compiler
import Foundation
import FrontEnd
import Runtime

/// Running a program file as `python3 PROGRAM.py ARGS` would: the entry point of
/// `jitbench exec`.
public enum Program {
    /// What one run asks for.
    public struct Options {
        public var path: String
        public var arguments: [String]
        public var iterations = 1
        public var statsFile: String?
        public var gcStress = false

        public init(path: String, arguments: [String]) {
            self.path = path
            self.arguments = arguments
        }
    }

    /// Runs the program on a thread with a large stack (deep Python recursion recurses in
    /// Swift) and returns the process's exit status.
    public static func run(_ options: Options) -> Int32 {
        final class Box: @unchecked Sendable { var status: Int32 = 0 }
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.status = runOnThisThread(options)
            done.signal()
        }
        thread.stackSize = 1 << 30
        thread.start()
        done.wait()
        return box.status
    }

    private static func runOnThisThread(_ options: Options) -> Int32 {
        Runtime.initialize()
        Setup.installOnce()
        Collector.stress = options.gcStress
        if let period = ProcessInfo.processInfo.environment["JITBENCH_GC_STRESS_PERIOD"].flatMap(Int.init) {
            Collector.stressPeriod = period
        }
        Modules.arguments = [options.path] + options.arguments
        guard let bytes = FileManager.default.contents(atPath: options.path) else {
            Output.write("python3: can't open file '\(options.path)': [Errno 2] No such file or directory\n", toStandardError: true)
            return 2
        }
        let code: CodeObject
        do throws(SyntaxErrorInfo) {
            let source = try SourceText(fileName: options.path, bytes: Array(bytes))
            SourceLines.register(options.path, String(decoding: bytes, as: UTF8.self))
            code = try compileSource(source)
        } catch {
            Output.write(error.rendered, toStandardError: true)
            return 1
        }
        var status: Int32 = 0
        for iteration in 1...options.iterations {
            let start = DispatchTime.now().uptimeNanoseconds
            status = runModule(code, path: options.path)
            Output.flush()
            if status != 0 { return status }
            if let statsFile = options.statsFile {
                let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
                appendLine("{\"iteration\": \(iteration), \"seconds\": \(seconds)}", to: statsFile)
            }
        }
        return status
    }

    /// Runs the module body in a fresh `__main__` namespace; the exit status.
    private static func runModule(_ code: CodeObject, path: String) -> Int32 {
        let globals = Dict.make()
        Modules.mainGlobals = globals
        try? Dict.set(globals, Interned.str("__name__"), Interned.str("__main__"))
        // None unless the module's docstring replaces it, as in every CPython module.
        try? Dict.set(globals, Interned.str("__doc__"), BuiltinTypes.none)
        try? Dict.set(globals, Interned.str("__file__"), Str.make(path))
        // As in CPython's `__main__`, the module (other modules get its dict).
        let builtins = (try? Modules.importModule(Interned.str("builtins"), fromList: BuiltinTypes.none)) ?? VM.builtins
        try? Dict.set(globals, Interned.str("__builtins__"), builtins)
        let function = Callables.makeFunction(
            code: code.word, globals: globals, name: Interned.str("<module>"), qualifiedName: Interned.str("<module>"))
        let fp = VM.stackBase + VM.headerSlots
        fp[-3] = function
        fp[-2] = globals
        fp[-1] = globals
        VM.stackTop = fp + code.slotCount + code.maxStackDepth
        VM.depth = 1
        var exit = FrameExit.returned
        var status: Int32 = 0
        do throws(PythonError) {
            _ = try execute(code, fp: fp, exit: &exit)
        } catch {
            status = report(error.exception)
        }
        Generators.finalizeAtExit(globals: globals)
        return status
    }

    /// SystemExit ends quietly with its code; anything else prints a traceback, status 1.
    private static func report(_ exception: Value) -> Int32 {
        Output.flush()
        if TypeObjects.isSubtype(exception.type, of: BuiltinException.systemExit.type) {
            let args = Exceptions.arguments(exception)
            let code = Tuple.count(args) == 0 ? BuiltinTypes.none : (Tuple.count(args) == 1 ? Tuple.items(args)[0] : args)
            if code.is(BuiltinTypes.none) { return 0 }
            if Ints.isInt(code) {
                let n = Ints.unbool(code)
                return n.isSmallInt ? Int32(truncatingIfNeeded: n.smallInt) : -1
            }
            Output.write(((try? Objects.str(code)) ?? "") + "\n", toStandardError: true)
            return 1
        }
        Output.write(Tracebacks.render(exception), toStandardError: true)
        if exception.type.is(BuiltinException.keyboardInterrupt.type) {
            // CPython ends by the signal itself, so the parent sees an interrupted process.
            Output.flush()
            signal(SIGINT, SIG_DFL)
            raise(SIGINT)
        }
        return 1
    }

    private static func appendLine(_ line: String, to path: String) {
        guard let handle = FileHandle(forWritingAtPath: path) ?? {
            _ = FileManager.default.createFile(atPath: path, contents: nil)
            return FileHandle(forWritingAtPath: path)
        }() else { return }
        handle.seekToEndOfFile()
        handle.write((line + "\n").data(using: .utf8)!)
        handle.closeFile()
    }
}

/// Builds the interpreter's types, builtins and modules, once per process.
enum Setup {
    nonisolated(unsafe) static var done = false

    static func installOnce() {
        guard !done else { return }
        done = true
        VM.stackTop = VM.stackBase
        VM.installRoots()
        InterpreterObjects.registerTracer()
        InterpreterTypes.create()
        Classes.install()
        Builtins.install()
        BuiltinConstructors.install()
        BuiltinMethods.install()
        BuiltinSpecialMethods.install()
        Introspection.install()
        TypeHints.install()
        Generators.installMethods()
        Generators.installFinalization()
        Output.installStreamMethods()
        Hooks.install()
        Modules.install()
    }
}

/// Modules written against the interpreter's native API (itertools, functools, collections,
/// operator), registered by name.
enum NativeModules {
    nonisolated(unsafe) static var builders: [String: () throws(PythonError) -> Value] = [
        "itertools": Itertools.module, "functools": Functools.module, "operator": OperatorModule.module,
    ]
}

extension Program {
    /// The bytecode listing of a program's code objects, outermost first (`jitbench dis`).
    public static func disassembly(path: String) throws -> String {
        Runtime.initialize()
        guard let bytes = FileManager.default.contents(atPath: path) else {
            throw CocoaError(.fileReadNoSuchFile)
        }
        let code = try compileSource(try SourceText(fileName: path, bytes: Array(bytes)))
        var listings: [String] = []
        var pending = [code]
        while !pending.isEmpty {
            let next = pending.removeFirst()
            listings.append(next.disassembly)
            pending.append(contentsOf: next.children)
        }
        return listings.joined(separator: "\n\n")
    }
}
