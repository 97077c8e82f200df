import Foundation
import XCTest

/// What a program did: its stdout, its exit status and the last non-empty line of its stderr,
/// which is what the harness compares.
struct ProgramOutcome: Equatable, CustomStringConvertible {
    var stdout: String
    var status: Int32
    var lastErrorLine: String

    var description: String { "exit \(status), stderr '\(lastErrorLine)', stdout:\n\(stdout)" }
}

/// Runs programs under python3 and under our interpreter (the jitbench built beside the test
/// bundle), each in its own process.
enum ProgramRunner {
    static var jitbench: URL {
        URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
            .appendingPathComponent("jitbench")
    }

    static func python(_ source: String) throws -> ProgramOutcome {
        try run(URL(fileURLWithPath: "/usr/bin/env"), ["python3"], source, environment: ["PYTHONHASHSEED": "0"])
    }

    static func interpreter(_ source: String, stressPeriod: Int? = nil) throws -> ProgramOutcome {
        var arguments = ["exec", "--engine", "interp"]
        var environment: [String: String] = [:]
        if let stressPeriod {
            arguments.append("--gc-stress")
            environment["JITBENCH_GC_STRESS_PERIOD"] = String(stressPeriod)
        }
        return try run(jitbench, arguments, source, environment: environment)
    }

    private static func run(_ executable: URL, _ arguments: [String], _ source: String, environment: [String: String]) throws -> ProgramOutcome {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("interp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let program = directory.appendingPathComponent("prog.py")
        try source.write(to: program, atomically: true, encoding: .utf8)
        let (out, err) = (directory.appendingPathComponent("out"), directory.appendingPathComponent("err"))
        for file in [out, err] { _ = FileManager.default.createFile(atPath: file.path, contents: nil) }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments + ["prog.py"]
        process.currentDirectoryURL = directory
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        process.waitUntilExit()
        let stderr = String(decoding: try Data(contentsOf: err), as: UTF8.self)
        let last = stderr.split(separator: "\n").last { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.map(String.init) ?? ""
        return ProgramOutcome(stdout: String(decoding: try Data(contentsOf: out), as: UTF8.self),
                              status: process.terminationStatus, lastErrorLine: last)
    }
}

class InterpreterTestCase: XCTestCase {
    /// Runs each program under python3 and the interpreter and checks they agree.
    func assertSameAsPython(_ programs: [String], stressPeriod: Int? = nil, file: StaticString = #filePath, line: UInt = #line) throws {
        for source in programs {
            let expected = try ProgramRunner.python(source)
            let actual = try ProgramRunner.interpreter(source, stressPeriod: stressPeriod)
            XCTAssertEqual(actual, expected, "program:\n\(source)", file: file, line: line)
        }
    }
}
