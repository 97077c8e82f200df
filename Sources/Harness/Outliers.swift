import Foundation

/// Which measurements look unlike the rest, by two common rules; they are flagged in the report, never
/// dropped (a JIT's slow first iterations are real, and the reader decides).
public struct OutlierFlags: Codable, Equatable, Sendable {
    /// Indices outside [Q1 - 1.5 IQR, Q3 + 1.5 IQR] (Tukey's fences, as pyperf counts them).
    public var iqr: [Int]
    /// Indices whose modified Z-score 0.6745 (x - median) / MAD exceeds 3.5 in magnitude (Iglewicz and
    /// Hoaglin; hyperfine's rule). None when the MAD is 0.
    public var modifiedZ: [Int]

    public static let modifiedZThreshold = 3.5

    public init(_ values: [Double]) {
        guard !values.isEmpty else {
            iqr = []
            modifiedZ = []
            return
        }
        let q1 = Statistics.quantile(values, 0.25)
        let q3 = Statistics.quantile(values, 0.75)
        let fence = 1.5 * (q3 - q1)
        iqr = values.indices.filter { values[$0] < q1 - fence || values[$0] > q3 + fence }
        let median = Statistics.median(values)
        let mad = Statistics.median(values.map { abs($0 - median) })
        modifiedZ = mad == 0 ? [] : values.indices.filter {
            abs(0.6745 * (values[$0] - median) / mad) > Self.modifiedZThreshold
        }
    }
}
