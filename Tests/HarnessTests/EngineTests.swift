import Foundation
import XCTest
@testable import Harness

final class EngineTests: XCTestCase {
    func testDefaultsPlusDeclaredEnginesAreSelected() throws {
        let catalog = try EngineCatalog(declarations: ["mine=python3 {program}"])
        XCTAssertEqual(try catalog.select(nil, defaults: ["interp", "cpython"]).map(\.name), ["interp", "cpython", "mine"])
        XCTAssertEqual(try catalog.select("mine, cpython,mine", defaults: []).map(\.name), ["mine", "cpython"])
    }

    func testUnknownEnginesAndBadDeclarationsAreErrors() throws {
        XCTAssertThrowsError(try EngineCatalog(declarations: []).select("interp,nope", defaults: []))
        XCTAssertThrowsError(try EngineCatalog(declarations: ["python3 {program}"]))
        XCTAssertThrowsError(try EngineCatalog(declarations: ["x=python3 prog.py"]), "no placeholder")
        XCTAssertThrowsError(try EngineCatalog(declarations: ["jit=python3 {program}"]), "a built-in name")
        XCTAssertThrowsError(try EngineCatalog(declarations: ["a b=python3 {program}"]))
    }

    func testBuiltinEnginesRunJitbenchExec() throws {
        let gcStress = try EngineCatalog(declarations: []).engine(named: "gc-stress")
        let arguments = gcStress.arguments(
            program: URL(fileURLWithPath: "/c/p.py"), iterations: 5, statsFile: URL(fileURLWithPath: "/t/s"),
            jitbench: URL(fileURLWithPath: "/bin/jitbench"), pythonDriver: URL(fileURLWithPath: "/t/d.py"))
        XCTAssertEqual(arguments, ["/bin/jitbench", "exec", "--engine", "interp", "--gc-stress", "--iterations", "5", "--stats-file", "/t/s", "/c/p.py"])
    }

    func testExternalEnginesRunTheProgramDirectlyOrThroughTheDriver() throws {
        let cpython = try EngineCatalog(declarations: []).engine(named: "cpython")
        let program = URL(fileURLWithPath: "/c/p.py")
        let (jitbench, driver) = (URL(fileURLWithPath: "/bin/jitbench"), URL(fileURLWithPath: "/t/d.py"))
        XCTAssertEqual(cpython.arguments(program: program, jitbench: jitbench, pythonDriver: driver), ["python3", "/c/p.py"])
        XCTAssertEqual(
            cpython.arguments(program: program, iterations: 3, statsFile: URL(fileURLWithPath: "/t/s"), jitbench: jitbench, pythonDriver: driver),
            ["python3", "/t/d.py", "3", "/t/s", "/c/p.py"])
    }

    func testCommandEnginesQuoteTheProgramPath() throws {
        let engine = try EngineCatalog.parseDeclaration("mine=python3 {program} | cat")
        let arguments = engine.arguments(
            program: URL(fileURLWithPath: "/c/it's here.py"), jitbench: URL(fileURLWithPath: "/j"), pythonDriver: URL(fileURLWithPath: "/d"))
        XCTAssertEqual(arguments, ["/bin/sh", "-c", "python3 '/c/it'\\''s here.py' | cat"])
    }

    func testBuiltinEnginesProbeTheInterpreter() throws {
        let launcher = try Fixtures.launcher()
        let catalog = try EngineCatalog(declarations: [])
        let interp = launcher.availability(of: try catalog.engine(named: "interp"))
        XCTAssertEqual(interp, EngineAvailability(available: true, version: "interp: jitbench reference interpreter"))
        let jit = launcher.availability(of: try catalog.engine(named: "jit"))
        XCTAssertEqual(jit, EngineAvailability(available: true, version: "jit: JIT not built yet, runs the interpreter"))
    }

    func testCPythonIsAvailableWithItsVersionAndAMissingExecutableIsMissing() throws {
        let launcher = try Fixtures.launcher()
        let cpython = launcher.availability(of: try EngineCatalog(declarations: []).engine(named: "cpython"))
        XCTAssertTrue(cpython.available)
        XCTAssertTrue(cpython.version?.hasPrefix("Python 3") ?? false, "\(String(describing: cpython.version))")
        let absent = launcher.availability(of: Engine(name: "nothing", kind: .external, definition: ["no-such-python3"]))
        XCTAssertEqual(absent, EngineAvailability(available: false, reason: "no-such-python3 not found on PATH"))
    }

    func testTheDriverIteratesInFreshNamespacesAndWritesTimings() throws {
        let launcher = try Fixtures.launcher()
        let cpython = try EngineCatalog(declarations: []).engine(named: "cpython")
        let program = try Fixtures.program("int/sum_squares")
        let measurement = try launcher.measure(cpython, program, iterations: 3)
        XCTAssertEqual(measurement.outcome.termination, .exited(0))
        XCTAssertEqual(String(decoding: measurement.outcome.stdout, as: UTF8.self), String(repeating: "sum of squares: 2664667000\n", count: 3))
        XCTAssertEqual(measurement.stats.iterationSeconds.count, 3)
        XCTAssertTrue(measurement.stats.iterationSeconds.allSatisfy { $0 > 0 && $0 < measurement.outcome.wallSeconds })
    }

    func testStatsFileLinesAndCounters() {
        let text = """
            {"iteration": 1, "seconds": 0.5}
            not json
            {"iteration": 2, "seconds": 0.25}
            {"counters": {"code_bytes": 4096, "compile_seconds": 0.01, "label": "x"}}

            """
        let stats = EngineStats.parse(Data(text.utf8))
        XCTAssertEqual(stats.iterationSeconds, [0.5, 0.25])
        XCTAssertEqual(stats.counters, ["code_bytes": 4096, "compile_seconds": 0.01])
    }
}

final class EngineFileTests: XCTestCase {
    func testAnEnginesFileListsDeclarations() throws {
        let scratch = try ScratchDirectory()
        let file = scratch.url.appendingPathComponent("engines")
        try "# engines to compare with\n\nmine = python3 -X dev {program}\nother=pypy3 {program}\n".write(to: file, atomically: true, encoding: .utf8)
        let declarations = try EngineCatalog.declarations(inFile: file.path)
        XCTAssertEqual(declarations, ["mine = python3 -X dev {program}", "other=pypy3 {program}"])
        XCTAssertEqual(try EngineCatalog(declarations: declarations).declared.map(\.name), ["mine", "other"])
        XCTAssertThrowsError(try EngineCatalog.declarations(inFile: scratch.url.appendingPathComponent("none").path))
    }
}
