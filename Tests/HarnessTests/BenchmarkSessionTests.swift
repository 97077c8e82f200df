import Foundation
import XCTest
@testable import Harness

/// One run over the fixture corpus, shared by the report tests: CPython (the subject), a correct command
/// engine (the baseline), a wrong one, a crashing one and a missing external engine.
enum SampleRun {
    static let settings = RunSettings(
        commandLine: ["jitbench", "run"], paths: [Fixtures.corpus.path], processes: 2, iterations: 3, quick: false,
        seed: 7, subject: "cpython", baselines: ["correct", "absent"])

    static let report: Report = {
        let launcher = try! Fixtures.launcher()
        let catalog = try! EngineCatalog(declarations: ["correct", "wrong", "crash"].map(Fixtures.scriptEngine))
        let engines = try! catalog.select("cpython,correct,wrong,crash", defaults: [])
            + [Engine(name: "absent", kind: .external, definition: ["no-such-engine-binary"])]
        let availability = Dictionary(uniqueKeysWithValues: engines.map { ($0.name, launcher.availability(of: $0)) })
        let session = BenchmarkSession(launcher: launcher, engines: engines, availability: availability, settings: settings, progress: nil)
        return session.run(try! Corpus.programs(at: [Fixtures.corpus.path]))
    }()

    static func result(_ program: String, _ engine: String) -> EngineResult {
        report.programs.first { $0.id == program }!.engine(engine)!
    }
}

final class BenchmarkSessionTests: XCTestCase {
    func testEveryEngineGetsAStatusOnEveryProgram() {
        for program in ["int/sum_squares", "strings/markup"] {
            XCTAssertEqual(SampleRun.result(program, "cpython").status, .ok)
            XCTAssertEqual(SampleRun.result(program, "correct").status, .ok)
            XCTAssertEqual(SampleRun.result(program, "wrong").status, .wrongOutput)
            XCTAssertEqual(SampleRun.result(program, "crash").status, .crash)
            XCTAssertEqual(SampleRun.result(program, "crash").signal, SIGSEGV)
            XCTAssertEqual(SampleRun.result(program, "absent").status, .missing)
        }
        XCTAssertFalse(SampleRun.report.partial)
    }

    func testNoTimingIsReportedForAWrongOutput() {
        XCTAssertNil(SampleRun.result("int/sum_squares", "wrong").summary)
        XCTAssertNotNil(SampleRun.result("int/sum_squares", "cpython").summary)
    }

    func testAFailingEngineIsNotRunAgainOnTheSameProgram() {
        XCTAssertEqual(SampleRun.result("int/sum_squares", "crash").processes.count, 1)
        XCTAssertEqual(SampleRun.result("int/sum_squares", "cpython").processes.count, 2)
    }

    func testIterationsAreTimedInProcessAndSplitIntoFirstAndSteadyState() throws {
        let result = SampleRun.result("int/sum_squares", "cpython")
        XCTAssertEqual(result.processes.map(\.iterationSeconds.count), [3, 3])
        XCTAssertEqual(result.processes.map(\.timingSource), ["stats_file", "stats_file"])
        let summary = try XCTUnwrap(result.summary)
        XCTAssertEqual(summary.timeBasis, "steady_state")
        XCTAssertEqual(summary.firstIteration.value, Statistics.median(result.processes.map { $0.iterationSeconds[0] }))
        XCTAssertEqual(summary.steadyState?.value, Statistics.median(result.processes.flatMap { $0.iterationSeconds.dropFirst() }))
        XCTAssertEqual(summary.warmupCurve.count, 3)
        XCTAssertGreaterThan(summary.peakRssBytes, 1 << 20)
    }

    func testCommandEnginesAreTimedByTheirProcess() {
        let result = SampleRun.result("int/sum_squares", "correct")
        XCTAssertEqual(result.processes.map(\.iterationSeconds), result.processes.map { [$0.wallSeconds] })
        XCTAssertEqual(result.summary?.timeBasis, "first_iteration")
    }

    func testEnginesAreInterleavedAcrossRounds() {
        let program = SampleRun.report.programs.first { $0.id == "int/sum_squares" }!
        let sequences = program.engines.flatMap { result in result.processes.map { ($0.sequence, result.engine, $0.process) } }.sorted { $0.0 < $1.0 }
        let firstRound = sequences.prefix { $0.2 == 0 }
        XCTAssertEqual(Set(firstRound.map(\.1)), ["cpython", "correct", "wrong", "crash"], "each engine's first process comes before any second one")
        XCTAssertEqual(sequences.map(\.0), Array(sequences.first!.0...sequences.last!.0))
    }

    func testComparisonsAndSuiteSummaryUseOnlyCorrectRuns() throws {
        let program = SampleRun.report.programs.first { $0.id == "int/sum_squares" }!
        XCTAssertEqual(program.comparisons.map(\.baseline), ["correct"], "absent is missing: no comparison")
        let comparison = try XCTUnwrap(program.comparisons.first)
        XCTAssertGreaterThan(comparison.speedup.value, 1, "in-process iterations beat whole processes")
        XCTAssertLessThanOrEqual(comparison.speedup.low, comparison.speedup.value)
        XCTAssertEqual(SampleRun.report.summary.overall.map(\.programs), [3])
        XCTAssertEqual(SampleRun.report.summary.categories.map(\.category), ["errors", "int", "strings"])
    }

    func testAnExpectedExceptionIsCorrectAndTimedByItsProcess() {
        let result = SampleRun.result("errors/divide_by_zero", "cpython")
        XCTAssertEqual(result.status, .ok)
        XCTAssertEqual(result.processes.first?.exitCode, 1)
        XCTAssertEqual(result.processes.first?.timingSource, "process_wall")
    }

    func testAHangIsATimeoutAndEveryOtherRunIsStillMeasured() throws {
        let programs = try ["int/sum_squares", "strings/markup"].map { id in
            let copy = try Fixtures.temporaryCopy(of: id, header: "# jitbench: timeout=1")
            try ExpectedOutputFile.write(try XCTUnwrap(ExpectedOutputFile.read(for: Fixtures.program(id))), for: copy)
            return copy
        }
        let engines = try EngineCatalog(declarations: ["hang", "correct"].map(Fixtures.scriptEngine)).declared
        let session = BenchmarkSession(
            launcher: try Fixtures.launcher(), engines: engines, availability: [:],
            settings: RunSettings(commandLine: [], paths: [], processes: 1, iterations: 1, quick: true, seed: 1, subject: "hang", baselines: []),
            progress: nil)
        let report = session.run(programs)
        XCTAssertEqual(report.programs.map { $0.engine("hang")!.status }, [.timeout, .timeout])
        XCTAssertEqual(report.programs.map { $0.engine("correct")!.status }, [.ok, .ok])
        XCTAssertEqual(report.programs[0].engine("hang")!.detail, "timed out")
    }
}

final class EarlyExitTests: XCTestCase {
    /// A program that calls sys.exit(0) ends its process in the first iteration: it is correct with its
    /// output printed once, and timed by the process.
    func testAProgramThatExitsItselfIsCheckedAgainstTheIterationsThatRan() throws {
        let program = try Fixtures.temporaryCopy(of: "int/sum_squares")
        try "import sys\nprint('leaving')\nsys.exit(0)\n".write(to: program.path, atomically: true, encoding: .utf8)
        try ExpectedOutputFile.write(ExpectedOutput(stdout: Data("leaving\n".utf8), exitStatus: 0, stderrLastLine: ""), for: program)
        let engines = try EngineCatalog(declarations: []).select("cpython", defaults: [])
        let session = BenchmarkSession(
            launcher: try Fixtures.launcher(), engines: engines, availability: [:],
            settings: RunSettings(commandLine: [], paths: [], processes: 1, iterations: 3, quick: false, seed: 1, subject: "cpython", baselines: []),
            progress: nil)
        let result = session.run([try Corpus.load(program.path)]).programs[0].engines[0]
        XCTAssertEqual(result.status, .ok, result.detail ?? "")
        XCTAssertEqual(result.processes[0].timingSource, "process_wall")
    }

    func testExpectationRepeatsTheOutputOncePerIterationThatRan() {
        let expected = ExpectedOutput(stdout: Data("x\n".utf8), exitStatus: 0, stderrLastLine: "")
        XCTAssertEqual(OutputCheck.expectation(expected, iterations: 3, completed: 3).stdout, Data("x\nx\nx\n".utf8))
        XCTAssertEqual(OutputCheck.expectation(expected, iterations: 3, completed: 1).stdout, Data("x\nx\n".utf8))
        XCTAssertEqual(OutputCheck.expectation(expected, iterations: 1, completed: 0).stdout, Data("x\n".utf8))
    }
}

final class SessionRobustnessTests: XCTestCase {
    /// A malformed expected file is that program's error; the next program is still measured.
    func testAMalformedExpectedFileDoesNotStopTheRun() throws {
        let broken = try Fixtures.temporaryCopy(of: "int/sum_squares")
        try Data("not an expected file\n".utf8).write(to: broken.expectedOutputPath)
        let engines = try EngineCatalog(declarations: []).select("cpython", defaults: [])
        let session = BenchmarkSession(
            launcher: try Fixtures.launcher(), engines: engines, availability: [:],
            settings: RunSettings(commandLine: [], paths: [], processes: 1, iterations: 1, quick: true, seed: 1, subject: "cpython", baselines: []),
            progress: nil)
        let report = session.run([broken, try Fixtures.program("strings/markup")])
        XCTAssertEqual(report.programs.map { $0.engines[0].status }, [.error, .ok])
        XCTAssertTrue(report.programs[0].engines[0].detail?.contains("not a jitbench expected-output file") ?? false)
    }
}
