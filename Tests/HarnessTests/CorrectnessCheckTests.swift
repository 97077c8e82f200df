import Foundation
import XCTest
@testable import Harness

final class CorrectnessCheckTests: XCTestCase {
    private func check(_ id: String, engines declarations: [String], selecting names: String? = nil) throws -> ProgramCheck {
        let launcher = try Fixtures.launcher()
        let engines = try EngineCatalog(declarations: declarations).select(names, defaults: [])
        let availability = Dictionary(uniqueKeysWithValues: engines.map { ($0.name, launcher.availability(of: $0)) })
        return try CorrectnessCheck(launcher: launcher, engines: engines, availability: availability)
            .check(try Fixtures.program(id))
    }

    private func statuses(_ check: ProgramCheck) -> [String: RunStatus] {
        Dictionary(uniqueKeysWithValues: check.verdicts.map { ($0.engine, $0.status) })
    }

    func testCorrectEnginesAgreeWithTheExpectedOutput() throws {
        let result = try check("errors/divide_by_zero", engines: [Fixtures.scriptEngine("correct")], selecting: "cpython,correct")
        XCTAssertEqual(statuses(result), ["cpython": .ok, "correct": .ok])
        XCTAssertTrue(result.divergences.isEmpty)
    }

    func testAWrongEngineDivergesWithAReadableDiff() throws {
        let result = try check("int/sum_squares", engines: [Fixtures.scriptEngine("wrong")])
        XCTAssertEqual(statuses(result), ["wrong": .wrongOutput])
        XCTAssertEqual(result.divergences.first?.rendered, """
            int/sum_squares: expected vs wrong
              stdout differs
                --- expected
                +++ wrong
                @@ -1,1 +1,1 @@
                -sum of squares: 2664667000
                +zum of zquarez: 2664667000

            """)
    }

    func testAnErrorExitInPlaceOfTheExpectedExceptionIsWrong() throws {
        let result = try check("errors/divide_by_zero", engines: [Fixtures.scriptEngine("failing")])
        XCTAssertEqual(statuses(result), ["failing": .error])
        let differences = try XCTUnwrap(result.divergences.first?.differences)
        XCTAssertEqual(differences[0], "ending: expected exit status 1, failing exit status 3")
        XCTAssertTrue(differences[1].hasPrefix("last stderr line: expected \"ZeroDivisionError: integer division or modulo by zero\", failing \"failing engine: cannot run"), differences[1])
    }

    func testCrashesAndHangsAreRecordedAndTheCheckGoesOn() throws {
        let program = try Fixtures.temporaryCopy(of: "int/sum_squares", header: "# jitbench: timeout=1")
        try ExpectedOutputFile.write(ExpectedOutput(stdout: Data("sum of squares: 2664667000\n".utf8), exitStatus: 0, stderrLastLine: ""), for: program)
        let launcher = try Fixtures.launcher()
        let engines = try EngineCatalog(declarations: ["crash", "hang", "correct"].map(Fixtures.scriptEngine)).declared
        let start = Date()
        let result = try CorrectnessCheck(launcher: launcher, engines: engines, availability: [:]).check(program)
        XCTAssertEqual(statuses(result), ["crash": .crash, "hang": .timeout, "correct": .ok])
        XCTAssertEqual(result.verdicts[0].detail, "killed by SIGSEGV (11)")
        XCTAssertLessThan(Date().timeIntervalSince(start), 10)
    }

    func testMissingEnginesAreNotRunAndNotFailures() throws {
        let launcher = try Fixtures.launcher()
        let engines = [Engine(name: "absent", kind: .external, definition: ["no-such-engine-binary"])]
            + (try EngineCatalog(declarations: []).select("cpython", defaults: []))
        let availability = Dictionary(uniqueKeysWithValues: engines.map { ($0.name, launcher.availability(of: $0)) })
        let result = try CorrectnessCheck(launcher: launcher, engines: engines, availability: availability)
            .check(try Fixtures.program("int/sum_squares"))
        XCTAssertEqual(statuses(result), ["absent": .missing, "cpython": .ok])
        XCTAssertFalse(result.verdicts.contains { $0.status.isFailure })
    }

    func testWithoutAnExpectedOutputTheFirstEngineIsTheReference() throws {
        let program = try Fixtures.temporaryCopy(of: "int/sum_squares")
        let launcher = try Fixtures.launcher()
        let engines = try EngineCatalog(declarations: ["correct", "wrong"].map(Fixtures.scriptEngine)).select("cpython,correct,wrong", defaults: [])
        let result = try CorrectnessCheck(launcher: launcher, engines: engines, availability: [:]).check(program)
        XCTAssertEqual(statuses(result), ["cpython": .unchecked, "correct": .unchecked, "wrong": .wrongOutput])
        XCTAssertEqual(result.divergences.map { "\($0.left) vs \($0.right)" }, ["cpython vs wrong"])
    }

    func testJUnitReportIsValidXMLWithOneCasePerEngine() throws {
        let result = try check("strings/markup", engines: [Fixtures.scriptEngine("wrong")], selecting: "jit,cpython,wrong")
        let xml = JUnitReport.render([result])
        XCTAssertTrue(xml.contains("tests=\"3\" failures=\"1\" skipped=\"1\""), xml)
        XCTAssertTrue(xml.contains("&lt;zcript&gt;"), xml)
        try PythonCheck.run("import sys, xml.etree.ElementTree as t; t.fromstring(sys.stdin.buffer.read())", input: xml)
    }
}

/// Runs a small python3 check on a text; fails the test if it raises.
enum PythonCheck {
    static func run(_ code: String, input: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", code]
        let stdin = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        process.waitUntilExit()
        let message = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        XCTAssertEqual(process.terminationStatus, 0, message, file: file, line: line)
    }
}
