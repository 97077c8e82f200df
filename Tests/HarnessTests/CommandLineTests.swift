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

    /// Runs jitbench in `directory`; `signalAfter` sends SIGTERM to it after that many seconds.
    private func jitbench(_ arguments: [String], in directory: URL? = nil, signalAfter: Double? = nil) throws -> Result {
        let process = Process()
        process.executableURL = Fixtures.jitbench
        process.arguments = arguments
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
        XCTAssertTrue(result.stderr.contains("jit: missing (engine jit: the interpreter is not built yet)"), result.stderr)
        XCTAssertTrue(try String(contentsOf: junit, encoding: .utf8).contains("tests=\"6\" failures=\"0\" skipped=\"3\""))
    }

    func testDiffSaysWhenNoEngineCouldRun() throws {
        let result = try jitbench(["diff", Fixtures.corpus.path])
        XCTAssertEqual(result.status, 0)
        XCTAssertTrue(result.stdout.contains("3 programs: 15 missing; 0 with divergences\nno engine was available: nothing was compared"), result.stdout)
    }

    func testBadInputIsAClearErrorWithStatus2() throws {
        let missing = try jitbench(["diff", "/nonexistent/corpus"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertEqual(missing.stderr, "jitbench: /nonexistent/corpus: no such file or directory\n")
        let unknown = try jitbench(["run", "--engines", "cpython,nope", Fixtures.corpus.path])
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.stderr.hasPrefix("jitbench: unknown engine `nope`"), unknown.stderr)
    }

    func testExecIsTheSkeletonUntilTheInterpreterExists() throws {
        let probe = try jitbench(["exec", "--probe", "--engine", "jit-eager"])
        XCTAssertEqual(probe.status, 1)
        XCTAssertEqual(probe.stderr, "engine jit-eager: the interpreter is not built yet\n")
        let run = try jitbench(["exec", "--engine", "interp", "--gc-stress", "--iterations", "3", "--stats-file", "/dev/null", "p.py", "--flag"])
        XCTAssertEqual(run.status, 2)
        XCTAssertEqual(run.stderr, "engine interp: the interpreter is not built yet\n")
        XCTAssertNotEqual(try jitbench(["exec", "--engine", "nope", "p.py"]).status, 0)
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
