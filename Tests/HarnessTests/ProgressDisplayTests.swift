import Foundation
import XCTest
@testable import Harness

final class ProgressDisplayTests: XCTestCase {
    /// Drives a Progress writing into a pipe and returns what it wrote.
    private func transcript(isTerminal: Bool, environment: [String: String] = [:], _ steps: (ProgressDisplay) -> Void) -> String {
        let pipe = Pipe()
        let progress = ProgressDisplay(total: 2, output: pipe.fileHandleForWriting, isTerminal: isTerminal, environment: environment)
        steps(progress)
        try? pipe.fileHandleForWriting.close()
        return String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    }

    private func twoSteps(_ progress: ProgressDisplay) {
        progress.begin("int/a", "jit")
        progress.end("int/a", "jit", status: .ok, outcome: "ok 0.100 s")
        progress.begin("int/b", "jit")
        progress.end("int/b", "jit", status: .crash, outcome: "crash SIGSEGV (11)")
        progress.finish()
    }

    func testPlainLinesWhenNotATerminal() {
        XCTAssertEqual(transcript(isTerminal: false, twoSteps), "[1/2] int/a jit: ok 0.100 s\n[2/2] int/b jit: crash SIGSEGV (11)\n")
    }

    func testALiveLineWithAnEstimateOnATerminal() {
        let text = transcript(isTerminal: true, twoSteps)
        XCTAssertTrue(text.hasPrefix("\r\u{1B}[2K[1/2] int/a · jit · 0:00 elapsed"), text)
        XCTAssertTrue(text.contains("[2/2] int/b · jit · 0:00 elapsed, ~0:00 left"), text)
        XCTAssertTrue(text.contains("\u{1B}[31mcrash SIGSEGV (11)\u{1B}[0m\n"), "failures stay on screen, in red")
    }

    func testNoColorUnderNO_COLOR() {
        let text = transcript(isTerminal: true, environment: ["NO_COLOR": "1"], twoSteps)
        XCTAssertTrue(text.contains("int/b jit: crash SIGSEGV (11)\n"), text)
        XCTAssertFalse(text.contains("\u{1B}[31m"))
    }

    func testClock() {
        XCTAssertEqual(ProgressDisplay.clock(0.4), "0:00")
        XCTAssertEqual(ProgressDisplay.clock(125), "2:05")
    }
}
