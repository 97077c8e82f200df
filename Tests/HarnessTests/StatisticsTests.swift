import Foundation
import XCTest
@testable import Harness

/// Known values computed independently: numpy (percentile, median), scipy (binom, mannwhitneyu
/// with method="asymptotic") and a separate Python implementation of the bootstrap with SplitMix64.
final class StatisticsTests: XCTestCase {
    let timings = [0.31, 0.29, 0.35, 0.30, 0.33, 0.90, 0.32, 0.28, 0.34, 0.30]

    func testMedianAndQuantilesInterpolateLikeNumpy() {
        XCTAssertEqual(Statistics.median(timings), 0.315, accuracy: 1e-12)
        XCTAssertEqual(Statistics.quantile(timings, 0.25), 0.3, accuracy: 1e-12)
        XCTAssertEqual(Statistics.quantile(timings, 0.75), 0.3375, accuracy: 1e-12)
        XCTAssertEqual(Statistics.quantile([1, 2, 3, 4], 0.1), 1.3, accuracy: 1e-12)
        XCTAssertEqual(Statistics.median([5]), 5)
    }

    func testGeometricMean() {
        XCTAssertEqual(Statistics.geometricMean([2, 8]), 4, accuracy: 1e-12)
    }

    /// Bin(20, 1/2): P(B <= 5) = 0.0207 <= 0.025 < P(B <= 6) = 0.0577, so the interval is [x(6), x(15)];
    /// for n = 10, P(B <= 1) = 0.0107, so [x(2), x(9)].
    func testMedianIntervalUsesBinomialOrderStatistics() {
        let twenty = (1...20).map(Double.init).shuffled()
        XCTAssertEqual(Statistics.medianWithInterval(twenty), Estimate(value: 10.5, low: 6, high: 15))
        XCTAssertEqual(Statistics.orderStatisticRank(count: 10), 2)
        XCTAssertEqual(Statistics.medianWithInterval(timings), Estimate(value: 0.315, low: 0.29, high: 0.35))
    }

    func testTooFewValuesGiveTheWholeRange() {
        XCTAssertEqual(Statistics.orderStatisticRank(count: 5), 0)
        XCTAssertEqual(Statistics.medianWithInterval([3, 1, 2]), Estimate(value: 2, low: 1, high: 3))
        XCTAssertEqual(Statistics.medianWithInterval([7]), Estimate(value: 7, low: 7, high: 7))
    }

    func testSplitMix64MatchesTheReferenceSequence() {
        var generator = SplitMix64(seed: 0)
        XCTAssertEqual([generator.next(), generator.next(), generator.next()],
                       [0xE220_A839_7B1D_CDAF, 0x6E78_9E6A_A1B9_65F4, 0x06C4_5D18_8009_454F])
    }

    let baseline = [1.00, 1.04, 0.98, 1.10, 1.02, 0.99, 1.05]
    let subject = [0.50, 0.52, 0.49, 0.55, 0.51]

    func testBootstrapIntervalOfARatioOfMedians() {
        let speedup = Bootstrap.geometricMeanOfRatios([.init(numerator: baseline, denominator: subject)], seed: 42)
        XCTAssertEqual(speedup.value, 2.0, accuracy: 1e-12)
        XCTAssertEqual(speedup.low, 1.8545454545454545, accuracy: 1e-12)
        XCTAssertEqual(speedup.high, 2.1, accuracy: 1e-12)
    }

    func testBootstrapIntervalOfAGeometricMean() {
        let pairs: [Bootstrap.Pair] = [
            .init(numerator: baseline, denominator: subject),
            .init(numerator: [2.0, 2.2, 2.1, 1.9], denominator: [1.0, 1.1, 0.9, 1.05]),
        ]
        let geomean = Bootstrap.geometricMeanOfRatios(pairs, seed: 42)
        XCTAssertEqual(geomean.value, 2.0, accuracy: 1e-12)
        XCTAssertEqual(geomean.low, 1.8801286447821148, accuracy: 1e-12)
        XCTAssertEqual(geomean.high, 2.154554539378824, accuracy: 1e-12)
    }

    func testBootstrapOfConstantSamplesIsExact() {
        let ratio = Bootstrap.geometricMeanOfRatios([.init(numerator: [3], denominator: [1.5])])
        XCTAssertEqual(ratio, Estimate(value: 2, low: 2, high: 2))
    }

    func testMannWhitneyWithoutTies() {
        let test = MannWhitneyU([1.1, 2.2, 3.3, 4.4, 5.5, 6.6, 7.7], [3.0, 5.0, 7.0, 9.0, 11.0, 13.0])
        XCTAssertEqual(test.u, 9)
        XCTAssertEqual(test.pValue, 0.10041249398610284, accuracy: 1e-12)
        XCTAssertFalse(test.isSignificant)
    }

    func testMannWhitneyWithTies() {
        let test = MannWhitneyU([1, 2, 2, 3, 3, 3, 4], [3, 4, 4, 5, 5, 6])
        XCTAssertEqual(test.u, 3.5)
        XCTAssertEqual(test.pValue, 0.012999854364387305, accuracy: 1e-12)
        XCTAssertTrue(test.isSignificant)
    }

    func testMannWhitneyOfIdenticalConstantSamplesIsNotSignificant() {
        XCTAssertEqual(MannWhitneyU([1, 1, 1], [1, 1]).pValue, 1)
    }

    /// Modified Z-scores of the timings: the 0.90 scores 19.7, every other |z| is at most 1.18.
    func testOutliersByBothRules() {
        let flags = OutlierFlags(timings)
        XCTAssertEqual(flags.iqr, [5])
        XCTAssertEqual(flags.modifiedZ, [5])
        XCTAssertEqual(OutlierFlags([1, 1, 1, 5]).modifiedZ, [], "MAD 0 flags nothing")
        XCTAssertEqual(OutlierFlags([1, 1, 1, 5]).iqr, [3])
    }
}

final class FigureFormatTests: XCTestCase {
    func testFormatsForPeople() {
        XCTAssertEqual(FigureFormat.seconds(0.000_012_3), "12.3 µs")
        XCTAssertEqual(FigureFormat.seconds(0.25), "250.0 ms")
        XCTAssertEqual(FigureFormat.seconds(12.345), "12.35 s")
        XCTAssertEqual(FigureFormat.ratio(Estimate(value: 2, low: 1.5, high: 2.25)), "2.00× [1.50, 2.25]")
        XCTAssertEqual(FigureFormat.percent(-3.21), "-3.2 %")
        XCTAssertEqual(FigureFormat.counter(4096), "4096")
        XCTAssertEqual(FigureFormat.counter(0.0213), "0.0213")
        XCTAssertEqual(FigureFormat.outliers(OutlierFlags([0.31, 0.29, 0.35, 0.30, 0.33, 0.90, 0.32, 0.28, 0.34, 0.30])), " (1 outlier)")
        XCTAssertEqual(FigureFormat.outliers(OutlierFlags([1, 1, 1])), "")
    }
}
