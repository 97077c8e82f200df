import Foundation

/// A point estimate with its confidence interval.
public struct Estimate: Codable, Equatable, Sendable {
    public var value: Double
    public var low: Double
    public var high: Double

    public init(value: Double, low: Double, high: Double) {
        self.value = value
        self.low = low
        self.high = high
    }

    /// Whether the whole interval lies on one side of `reference` (for ratios, 1).
    public func excludes(_ reference: Double) -> Bool { low > reference || high < reference }
}

/// The statistics the reports use. Every function is deterministic: the bootstrap takes a seed, so a
/// report recomputed from its raw measurements gives the same figures.
public enum Statistics {
    public static let confidenceLevel = 0.95

    public static func median(_ values: [Double]) -> Double { quantile(values, 0.5) }

    /// The p-quantile by linear interpolation between order statistics (Hyndman and Fan's type 7, the
    /// default of numpy and R).
    public static func quantile(_ values: [Double], _ p: Double) -> Double {
        precondition(!values.isEmpty, "quantile of no values")
        let sorted = values.sorted()
        let position = p * Double(sorted.count - 1)
        let below = Int(position.rounded(.down))
        let above = min(below + 1, sorted.count - 1)
        return sorted[below] + (position - Double(below)) * (sorted[above] - sorted[below])
    }

    public static func geometricMean(_ values: [Double]) -> Double {
        exp(values.map(log).reduce(0, +) / Double(values.count))
    }

    /// The median with a distribution-free confidence interval from order statistics: the interval
    /// [x(k), x(n+1-k)] with the largest k whose binomial tail P(B < k), B ~ Bin(n, 1/2), is at most
    /// (1 - level)/2. Below six values no such k exists and the interval is the whole range.
    public static func medianWithInterval(_ values: [Double]) -> Estimate {
        let sorted = values.sorted()
        let k = max(1, orderStatisticRank(count: sorted.count))
        return Estimate(value: median(sorted), low: sorted[k - 1], high: sorted[sorted.count - k])
    }

    /// The k above; 0 when even k = 1 has too large a tail.
    static func orderStatisticRank(count n: Int) -> Int {
        let tail = (1 - confidenceLevel) / 2
        var cumulative = 0.0
        var k = 0
        while k < n {
            cumulative += binomialHalfProbability(n, k)
            if cumulative > tail { break }
            k += 1
        }
        return k
    }

    /// P(B = k) for B ~ Bin(n, 1/2), computed in logarithms so that large n does not overflow.
    private static func binomialHalfProbability(_ n: Int, _ k: Int) -> Double {
        exp(lgamma(Double(n + 1)) - lgamma(Double(k + 1)) - lgamma(Double(n - k + 1)) - Double(n) * log(2))
    }
}
