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
