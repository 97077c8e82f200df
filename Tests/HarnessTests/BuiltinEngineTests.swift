import Foundation
import XCTest
@testable import Harness

/// The built-in engines driven end to end through the exec protocol, with a stand-in for `jitbench exec`
/// (Fixtures/engines/fake_jitbench.py) in place of the interpreter that does not exist yet.
final class BuiltinEngineTests: XCTestCase {
    static let fakeJitbench = Fixtures.engines.appendingPathComponent("fake_jitbench.py")

    static let report: Report = {
        let launcher = try! Launcher(jitbench: fakeJitbench)
        let engines = try! EngineCatalog(declarations: []).select("interp,jit,cpython", defaults: [])
        let availability = Dictionary(uniqueKeysWithValues: engines.map { ($0.name, launcher.availability(of: $0)) })
        let settings = RunSettings(
            commandLine: [], paths: [], processes: 2, iterations: 2, quick: false, seed: 3, subject: "jit",
            baselines: ["interp", "cpython"])
        let session = BenchmarkSession(launcher: launcher, engines: engines, availability: availability, settings: settings, progress: nil)
        return session.run([try! Fixtures.program("int/sum_squares")])
    }()

    func testAProbeThatSucceedsMakesTheEngineAvailableWithItsVersion() throws {
        let jit = try XCTUnwrap(Self.report.engines.first { $0.name == "jit" })
        XCTAssertTrue(jit.available)
        XCTAssertEqual(jit.version?.hasPrefix("jit: fake engine on CPython 3."), true)
        XCTAssertEqual(jit.command, [Self.fakeJitbench.path, "exec", "--engine", "jit", "--iterations", "2", "--stats-file", "{stats_file}", "{program}"])
    }

    func testTheJITIsComparedWithTheInterpreterAndCPython() throws {
        let program = Self.report.programs[0]
        XCTAssertEqual(program.engines.map(\.status), [.ok, .ok, .ok])
        XCTAssertEqual(program.comparisons.map(\.baseline), ["interp", "cpython"])
        XCTAssertEqual(Self.report.summary.overall.map(\.baseline), ["interp", "cpython"])
        XCTAssertEqual(Self.report.summary.categories.map(\.category), ["int"])
    }

    func testJITCountersReachEveryView() throws {
        let jit = try XCTUnwrap(Self.report.programs[0].engine("jit")?.summary)
        XCTAssertEqual(jit.counters, ["code_bytes": 4096, "side_exits": 3])
        XCTAssertEqual(Self.report.programs[0].engine("interp")?.summary?.counters, [:])
        XCTAssertTrue(ReportMarkdown.render(Self.report).contains("| int/sum\\_squares | jit | code\\_bytes=4096, side\\_exits=3 |"))
        XCTAssertTrue(ReportHTML.render(Self.report).contains("<td>code_bytes</td><td>4096</td>"))
    }

    func testDiffRunsBuiltinEnginesOnceWithoutAStatsFile() throws {
        let launcher = try Launcher(jitbench: Self.fakeJitbench)
        let engines = try EngineCatalog(declarations: []).select("interp,jit,jit-eager,jit-one-version,gc-stress", defaults: [])
        let check = try CorrectnessCheck(launcher: launcher, engines: engines, availability: [:]).check(Fixtures.program("errors/divide_by_zero"))
        XCTAssertEqual(check.verdicts.map(\.status), [.ok, .ok, .ok, .ok, .ok])
    }
}
