import Foundation
import XCTest
@testable import Runtime

/// Base class of the runtime's tests: starts the runtime once, and turns on the collector's
/// stress switch when JITBENCH_GC_STRESS=1 so that the whole suite can run under it.
class RuntimeTestCase: XCTestCase {
    static let stressed = ProcessInfo.processInfo.environment["JITBENCH_GC_STRESS"] == "1"

    override class func setUp() {
        super.setUp()
        Runtime.initialize()
        Collector.stress = stressed
    }

    /// A count scaled down under the stress switch, where every allocation collects.
    func scaled(_ normal: Int, stressed: Int) -> Int { Self.stressed ? stressed : normal }

    func int(_ text: String) -> Value { try! Ints.parse(text, base: 10) }

    func repr(_ v: Value) -> String { try! Objects.repr(v) }

    /// The result of `body` as Python would print it: its repr, or "Name: message".
    func outcome(_ body: () throws -> Value) -> String {
        do {
            return try Objects.repr(try body())
        } catch let error as PythonError {
            return error.typeName + ": " + ((try? Exceptions.message(error.exception)) ?? "?")
        } catch {
            return "not a Python exception: \(error)"
        }
    }

    /// What python3 makes of each Python expression in `expressions`: its repr, or
    /// "Name: message" for the exception it raises, one result per expression.
    func pythonResults(of expressions: [String]) throws -> [Substring] {
        try pythonResults(of: expressions, script: """
            import sys, math, warnings
            warnings.simplefilter('ignore')
            for line in open(sys.argv[1], encoding='utf-8'):
                try:
                    r = repr(eval(line))
                except Exception as e:
                    r = type(e).__name__ + ': ' + str(e)
                print(r)
            """)
    }

    /// Runs `script` with the path of a file holding `lines`, one per line; returns one output
    /// line per input line.
    func pythonResults(of lines: [String], script: String) throws -> [Substring] {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("cases-\(getpid())-\(UUID().uuidString).txt")
        try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        return try runPython(script, arguments: [file.path]).split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// Runs python3 on `script` with `arguments`; returns its stdout.
    func runPython(_ script: String, arguments: [String] = []) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["PYTHONHASHSEED"] = "0"
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "python3 failed")
        return String(decoding: data, as: UTF8.self)
    }
}
