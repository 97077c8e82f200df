import Foundation

/// SplitMix64 (Steele, Lea and Flood, 2014): a small, fast generator whose whole state is one word, so
/// a seed recorded in a report reproduces every resample.
public struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Percentile-bootstrap confidence intervals for ratios of medians and their geometric means.
public enum Bootstrap {
    public static let resamples = 2000
    public static let defaultSeed: UInt64 = 2026

    /// One sample pair: `numerator` and `denominator` measurements (for a speedup, the baseline's times
    /// over the subject's; for a change, the new times over the old).
    public struct Pair: Sendable {
        public var numerator: [Double]
        public var denominator: [Double]

        public init(numerator: [Double], denominator: [Double]) {
            self.numerator = numerator
            self.denominator = denominator
        }

        var ratioOfMedians: Double { Statistics.median(numerator) / Statistics.median(denominator) }
    }

    /// The geometric mean over pairs of median(numerator) / median(denominator), with a percentile
    /// interval from resampling every sample with replacement (a hierarchical bootstrap over
    /// measurements, programs kept fixed). With one pair this is the ratio of medians and its interval.
    public static func geometricMeanOfRatios(_ pairs: [Pair], seed: UInt64 = defaultSeed) -> Estimate {
        precondition(!pairs.isEmpty && pairs.allSatisfy { !$0.numerator.isEmpty && !$0.denominator.isEmpty })
        var generator = SplitMix64(seed: seed)
        var estimates: [Double] = []
        estimates.reserveCapacity(resamples)
        for _ in 0..<resamples {
            let ratios = pairs.map { pair in
                Pair(numerator: resample(pair.numerator, &generator), denominator: resample(pair.denominator, &generator))
                    .ratioOfMedians
            }
            estimates.append(Statistics.geometricMean(ratios))
        }
        let tail = (1 - Statistics.confidenceLevel) / 2
        return Estimate(
            value: Statistics.geometricMean(pairs.map(\.ratioOfMedians)),
            low: Statistics.quantile(estimates, tail), high: Statistics.quantile(estimates, 1 - tail))
    }

    private static func resample(_ values: [Double], _ generator: inout SplitMix64) -> [Double] {
        values.indices.map { _ in values[Int(generator.next() % UInt64(values.count))] }
    }
}
