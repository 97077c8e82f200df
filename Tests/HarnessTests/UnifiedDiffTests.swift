import Foundation
import XCTest
@testable import Harness

final class UnifiedDiffTests: XCTestCase {
    private func diff(_ old: String, _ new: String) -> String? {
        UnifiedDiff.render(Data(old.utf8), Data(new.utf8), oldLabel: "expected", newLabel: "jit")
    }

    func testEqualOutputsHaveNoDiff() {
        XCTAssertNil(diff("a\nb\n", "a\nb\n"))
    }

    func testShowsContextAroundTheFirstDifference() {
        let old = (1...10).map { "line \($0)\n" }.joined()
        let new = old.replacingOccurrences(of: "line 6\n", with: "LINE 6\n")
        XCTAssertEqual(diff(old, new), """
            --- expected
            +++ jit
            @@ -3,7 +3,7 @@
             line 3
             line 4
             line 5
            -line 6
            +LINE 6
             line 7
             line 8
             line 9

            """)
    }

    func testMissingTrailingNewlineIsADifference() {
        XCTAssertEqual(diff("a\nb\n", "a\nb"), """
            --- expected
            +++ jit
            @@ -1,2 +1,2 @@
             a
            -b
            +b
            \\ No newline at end of file

            """)
    }

    func testOutputThatStopsEarly() {
        XCTAssertEqual(diff("a\nb\nc\n", "a\n"), """
            --- expected
            +++ jit
            @@ -1,3 +1,1 @@
             a
            -b
            -c

            """)
    }

    func testLongDivergencesAreCut() throws {
        let old = (1...100).map { "\($0)\n" }.joined()
        let new = (1...100).map { "x\($0)\n" }.joined()
        let rendered = try XCTUnwrap(diff(old, new))
        XCTAssertTrue(rendered.hasSuffix("(94 more expected lines and 94 more jit lines differ)\n"), rendered)
        XCTAssertTrue(rendered.contains("@@ -1,6 +1,6 @@"), rendered)
    }
}

final class DivergenceSummaryTests: XCTestCase {
    private func output(_ stdout: String, exit: Int32 = 0, stderr: String = "") -> ComparedOutput {
        ComparedOutput(ExpectedOutput(stdout: Data(stdout.utf8), exitStatus: exit, stderrLastLine: stderr))
    }

    private func summary(_ left: ComparedOutput, _ right: ComparedOutput) -> String? {
        Divergence.between(left, right, program: "p", leftLabel: "expected", rightLabel: "jit")?.summary
    }

    func testNamesTheFirstDifferingLine() {
        XCTAssertEqual(summary(output("a\nb\nc\n"), output("a\nB\nc\n")), "stdout line 2: expected \"b\", jit \"B\"")
        XCTAssertEqual(summary(output("a\nb\n"), output("a\n")), "stdout line 2: expected \"b\", jit nothing (output ended)")
    }

    func testPrefersHowTheProcessEnded() {
        XCTAssertEqual(
            summary(output("a\n", exit: 1, stderr: "ValueError: x"), output("", exit: 0)),
            "ending: expected exit status 1, jit exit status 0; last stderr line: expected \"ValueError: x\", jit \"\"")
    }

    func testEqualOutputsDoNotDiverge() {
        XCTAssertNil(summary(output("a"), output("a")))
    }
}
