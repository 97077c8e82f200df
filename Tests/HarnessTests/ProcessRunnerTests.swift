import Foundation
import XCTest
@testable import Harness

final class ProcessRunnerTests: XCTestCase {
    func testCapturesOutputsAndExitStatus() throws {
        let outcome = try Fixtures.runner().run(ProcessRequest(arguments: ["sh", "-c", "echo out; echo err >&2; exit 7"]))
        XCTAssertEqual(outcome.termination, .exited(7))
        XCTAssertEqual(String(decoding: outcome.stdout, as: UTF8.self), "out\n")
        XCTAssertEqual(String(decoding: outcome.stderr, as: UTF8.self), "err\n")
    }

    func testPassesTheRequestedEnvironment() throws {
        let outcome = try Fixtures.runner().run(
            ProcessRequest(arguments: ["sh", "-c", "printf %s \"$PYTHONHASHSEED\""], environment: Engine.environment))
        XCTAssertEqual(String(decoding: outcome.stdout, as: UTF8.self), "0")
    }

    func testRecordsTheSignalOfACrash() throws {
        let outcome = try Fixtures.runner().run(ProcessRequest(arguments: ["sh", "-c", "kill -SEGV $$"]))
        XCTAssertEqual(outcome.termination, .signaled(SIGSEGV))
    }

    func testTimeoutKillsTheWholeProcessGroup() throws {
        let marker = FileManager.default.temporaryDirectory.appendingPathComponent("jitbench-\(UUID().uuidString)")
        // The background child would create the marker after 3 s if it survived the timeout.
        let script = "(sleep 3; touch '\(marker.path)') & sleep 100"
        let outcome = try Fixtures.runner().run(ProcessRequest(arguments: ["sh", "-c", script], timeoutSeconds: 0.5))
        XCTAssertEqual(outcome.termination, .timedOut)
        XCTAssertLessThan(outcome.wallSeconds, 3)
        Thread.sleep(forTimeInterval: 3.5)
        XCTAssertFalse(FileManager.default.fileExists(atPath: marker.path))
    }

    func testAProgramThatCannotStartIsReportedAsSuch() throws {
        let outcome = try Fixtures.runner().run(ProcessRequest(arguments: ["/nonexistent/engine"]))
        guard case .couldNotStart = outcome.termination else { return XCTFail("\(outcome.termination)") }
    }

    /// The peak RSS is the child's alone: `true` needs about a megabyte, far below the test process's.
    func testPeakRSSIsTheChildsAlone() throws {
        let ballast = [UInt8](repeating: 1, count: 64 << 20)  // make this process's own peak large
        let outcome = try Fixtures.runner().run(ProcessRequest(arguments: ["true"]))
        XCTAssertEqual(ballast.count, 64 << 20)
        XCTAssertGreaterThan(outcome.peakRSSBytes, 0)
        XCTAssertLessThan(outcome.peakRSSBytes, 4 << 20)
    }

    func testPeakRSSSeesWhatTheChildAllocates() throws {
        let outcome = try Fixtures.runner().run(ProcessRequest(arguments: ["python3", "-c", "b = bytearray(100 << 20)"]))
        XCTAssertGreaterThan(outcome.peakRSSBytes, 100 << 20)
        XCTAssertGreaterThan(outcome.wallSeconds, 0)
    }

    func testLargeOutputDoesNotBlock() throws {
        let outcome = try Fixtures.runner().run(
            ProcessRequest(arguments: ["python3", "-c", "print('x' * (4 << 20))"], timeoutSeconds: 30))
        XCTAssertEqual(outcome.stdout.count, (4 << 20) + 1)
    }
}
