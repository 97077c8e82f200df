import Foundation
import XCTest
@testable import Harness

/// The jitbench executable, end to end.
final class CommandLineTests: XCTestCase {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs jitbench in `directory`; `signalAfter` sends SIGTERM to it after that many seconds;
    /// `environment` overrides variables of the test's own environment.
    private func jitbench(
        _ arguments: [String], in directory: URL? = nil, signalAfter: Double? = nil, environment: [String: String] = [:]
    ) throws -> Result {
        let process = Process()
        process.executableURL = Fixtures.jitbench
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        if let directory { process.currentDirectoryURL = directory }
        let scratch = try ScratchDirectory()
        let (stdout, stderr) = (scratch.freshFile("out"), scratch.freshFile("err"))
        FileManager.default.createFile(atPath: stdout.path, contents: nil)
        FileManager.default.createFile(atPath: stderr.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: stdout)
        process.standardError = try FileHandle(forWritingTo: stderr)
        try process.run()
        if let signalAfter {
            Thread.sleep(forTimeInterval: signalAfter)
            kill(process.processIdentifier, SIGTERM)
        }
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            stdout: try String(contentsOf: stdout, encoding: .utf8), stderr: try String(contentsOf: stderr, encoding: .utf8))
    }

    func testDiffCatchesAWrongEngineWithAReadableDiff() throws {
        let result = try jitbench(["diff", "--engines", "cpython,wrong", "--engine-cmd", Fixtures.scriptEngine("wrong"), Fixtures.corpus.path + "/int"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("""
            int/sum_squares: expected vs wrong
              stdout differs
                --- expected
                +++ wrong
            """), result.stderr)
        XCTAssertTrue(result.stdout.contains("1 programs: 1 ok, 1 wrong_output; 1 with divergences"), result.stdout)
    }

    func testDiffPassesAndWritesJUnitWhenEnginesAgree() throws {
        let scratch = try ScratchDirectory()
        let junit = scratch.url.appendingPathComponent("junit.xml")
        let result = try jitbench(["diff", "--engines", "cpython,jit", "--junit", junit.path, Fixtures.corpus.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("3 programs: 6 ok; 0 with divergences"), result.stdout)
        XCTAssertTrue(try String(contentsOf: junit, encoding: .utf8).contains("tests=\"6\" failures=\"0\" skipped=\"0\""))
    }

    func testDiffSaysWhenNoEngineCouldRun() throws {
        let result = try jitbench(["diff", "--engines", "cpython,pypy", Fixtures.corpus.path], environment: ["PATH": "/nonexistent"])
        XCTAssertEqual(result.status, 0)
        XCTAssertTrue(result.stdout.contains("3 programs: 6 missing; 0 with divergences\nno engine was available: nothing was compared"), result.stdout)
    }

    func testBadInputIsAClearErrorWithStatus2() throws {
        let missing = try jitbench(["diff", "/nonexistent/corpus"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertEqual(missing.stderr, "jitbench: /nonexistent/corpus: no such file or directory\n")
        let unknown = try jitbench(["run", "--engines", "cpython,nope", Fixtures.corpus.path])
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.stderr.hasPrefix("jitbench: unknown engine `nope`"), unknown.stderr)
    }

    func testExecRunsOneProgramAsPython3WouldAndTimesIterations() throws {
        let probe = try jitbench(["exec", "--probe", "--engine", "jit-eager"])
        XCTAssertEqual(probe.status, 0)
        XCTAssertEqual(probe.stdout, "jit-eager: JIT not built yet, runs the interpreter\n")
        let scratch = try ScratchDirectory()
        let stats = scratch.url.appendingPathComponent("stats.jsonl")
        let program = Fixtures.corpus.appendingPathComponent("int/sum_squares.py").path
        let run = try jitbench(["exec", "--engine", "interp", "--gc-stress", "--iterations", "3", "--stats-file", stats.path, program],
                               environment: ["JITBENCH_GC_STRESS_PERIOD": "101"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stdout, String(repeating: "sum of squares: 2664667000\n", count: 3))
        let lines = try String(contentsOf: stats, encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(lines.count, 3)
        XCTAssertTrue(lines[2].hasPrefix("{\"iteration\": 3, \"seconds\": "), String(lines[2]))
        let failing = try jitbench(["exec", "--engine", "interp", Fixtures.corpus.appendingPathComponent("errors/divide_by_zero.py").path])
        XCTAssertEqual(failing.status, 1)
        XCTAssertTrue(failing.stderr.hasSuffix("ZeroDivisionError: integer division or modulo by zero\n"), failing.stderr)
        XCTAssertNotEqual(try jitbench(["exec", "--engine", "nope", "p.py"]).status, 0)
    }

    func testExecWithoutAnEngineRunsLikePython3() throws {
        let program = Fixtures.corpus.appendingPathComponent("int/sum_squares.py").path
        let run = try jitbench(["exec", program])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stdout, "sum of squares: 2664667000\n")
    }

    func testRunWritesEveryReportAndExitsNonZeroOnFailures() throws {
        let scratch = try ScratchDirectory()
        let result = try jitbench(
            ["run", "--quick", "--engines", "cpython,crash", "--engine-cmd", Fixtures.scriptEngine("crash"),
             "--subject", "cpython", "--output-directory", scratch.url.path, Fixtures.corpus.path])
        XCTAssertEqual(result.status, 1, result.stderr)
        for name in ["latest.json", "latest.md", "latest.csv", "latest.html"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent(name).path), name)
        }
        let report = try ReportJSON.read(scratch.url.appendingPathComponent("latest.json").path)
        XCTAssertEqual(report.programs.map { $0.engine("crash")?.status }, [.crash, .crash, .crash])
        XCTAssertEqual(report.programs.map { $0.engine("cpython")?.status }, [.ok, .ok, .ok])
        XCTAssertTrue(result.stdout.contains("3 programs: 3 ok, 3 crash"), result.stdout)
    }

    func testAnInterruptedRunStillWritesItsPartialReport() throws {
        let scratch = try ScratchDirectory()
        let start = Date()
        let result = try jitbench(
            ["run", "--quick", "--engines", "hang", "--engine-cmd", Fixtures.scriptEngine("hang"),
             "--output-directory", scratch.url.path, Fixtures.corpus.path],
            signalAfter: 1.5)
        XCTAssertEqual(result.status, 130, result.stderr)
        XCTAssertLessThan(Date().timeIntervalSince(start), 8, "the hanging engine is stopped, not waited for")
        let report = try ReportJSON.read(scratch.url.appendingPathComponent("latest.json").path)
        XCTAssertTrue(report.partial)
        XCTAssertEqual(report.programs.map { $0.engines[0].status }, [.notRun, .notRun, .notRun], "the interrupted run is discarded, not a crash")
    }
}
