import Foundation
import XCTest
@testable import Harness

final class ReportComparisonTests: XCTestCase {
    /// The sample run with the iterations of `engine` set to fixed, distinct times scaled by
    /// `factor`: measured times may tie or be outliers on a loaded machine, which would change
    /// the statistics these tests check.
    private func scaled(_ engine: String, by factor: Double) -> Report {
        var report = SampleRun.report
        for p in report.programs.indices {
            for e in report.programs[p].engines.indices where report.programs[p].engines[e].engine == engine {
                for r in report.programs[p].engines[e].processes.indices {
                    let times = report.programs[p].engines[e].processes[r].iterationSeconds.indices.map { 0.1 + 0.001 * Double($0) + 0.0005 * Double(r) }
                    report.programs[p].engines[e].processes[r].iterationSeconds = times.map { $0 * factor }
                }
            }
        }
        return report
    }

    func testIdenticalReportsShowNoSignificantChange() {
        let comparison = ReportComparison(old: SampleRun.report, new: SampleRun.report)
        XCTAssertEqual(comparison.changes.count, 3 * 2, "cpython and correct on three programs")
        XCTAssertTrue(comparison.changes.allSatisfy { $0.verdict == .unchanged && $0.timeRatio.value == 1 })
        XCTAssertTrue(comparison.notCompared.contains("int/sum_squares wrong: wrong_output → wrong_output"))
    }

    /// Two processes of three iterations: four steady-state values each side, all new below all old,
    /// so U = 16 of 16 and p = 0.0304 (scipy's asymptotic method).
    func testAHalvedTimeIsSignificantlyFaster() throws {
        let comparison = ReportComparison(old: scaled("cpython", by: 1), new: scaled("cpython", by: 0.5))
        let change = try XCTUnwrap(comparison.changes.first { $0.program == "int/sum_squares" && $0.engine == "cpython" })
        XCTAssertEqual(change.verdict, .faster)
        XCTAssertEqual(change.timeRatio.value, 0.5, accuracy: 1e-9)
        XCTAssertEqual(change.timeTest.pValue, 0.030382821976577697, accuracy: 1e-9)
        let mean = try XCTUnwrap(comparison.means.first { $0.engine == "cpython" })
        XCTAssertEqual(mean.programs, 3)
        XCTAssertEqual(mean.timeRatio.value, 0.5, accuracy: 1e-9)
        XCTAssertTrue(comparison.render().contains("| int/sum\\_squares | cpython | 0.50× ["), comparison.render())
        XCTAssertTrue(comparison.render().contains("| 0.0304 | faster |"), comparison.render())
    }

    func testADoubledTimeIsSlower() throws {
        let comparison = ReportComparison(old: scaled("cpython", by: 1), new: scaled("cpython", by: 2))
        let change = try XCTUnwrap(comparison.changes.first { $0.program == "int/sum_squares" && $0.engine == "cpython" })
        XCTAssertEqual(change.verdict, .slower)
    }
}
