import Foundation

/// The Mann-Whitney U test (two-sided): do two sets of measurements come from the same distribution?
/// It assumes no normality, which timings rarely have. The p-value uses the normal approximation with
/// the tie correction and a continuity correction, as scipy.stats.mannwhitneyu(method="asymptotic").
public struct MannWhitneyU: Codable, Equatable, Sendable {
    /// U of the first sample: the number of pairs (a, b) with a > b, ties counting one half.
    public var u: Double
    public var pValue: Double

    public static let significanceLevel = 0.05

    public var isSignificant: Bool { pValue < Self.significanceLevel }

    public init(_ first: [Double], _ second: [Double]) {
        let n1 = Double(first.count)
        let n2 = Double(second.count)
        let (ranks, tieTerm) = Self.ranks(of: first + second)
        let rankSum = ranks.prefix(first.count).reduce(0, +)
        u = rankSum - n1 * (n1 + 1) / 2
        let n = n1 + n2
        let mean = n1 * n2 / 2
        let variance = n1 * n2 / 12 * ((n + 1) - tieTerm / (n * (n - 1)))
        guard variance > 0 else {
            pValue = 1  // every value tied: no evidence of any difference
            return
        }
        let z = (max(u, n1 * n2 - u) - mean - 0.5) / variance.squareRoot()
        pValue = min(1, erfc(z / 2.0.squareRoot()))
    }

    /// Mid-ranks (1-based, ties sharing their average rank) and the tie term sum(t^3 - t) over groups
    /// of t tied values.
    private static func ranks(of values: [Double]) -> ([Double], Double) {
        let order = values.indices.sorted { values[$0] < values[$1] }
        var ranks = [Double](repeating: 0, count: values.count)
        var tieTerm = 0.0
        var start = 0
        while start < order.count {
            var end = start
            while end + 1 < order.count && values[order[end + 1]] == values[order[start]] { end += 1 }
            let averageRank = Double(start + end) / 2 + 1
            for position in start...end { ranks[order[position]] = averageRank }
            let tied = Double(end - start + 1)
            tieTerm += tied * tied * tied - tied
            start = end + 1
        }
        return (ranks, tieTerm)
    }
}
