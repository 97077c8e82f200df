import Foundation

/// How reports write numbers for people: times with a unit that keeps three significant digits,
/// ratios with their interval, sizes in MiB.
public enum FigureFormat {
    public static func seconds(_ value: Double) -> String {
        switch value {
        case ..<1e-3: return String(format: "%.1f µs", value * 1e6)
        case ..<1: return String(format: "%.1f ms", value * 1e3)
        default: return String(format: "%.2f s", value)
        }
    }

    public static func time(_ estimate: Estimate) -> String {
        "\(seconds(estimate.value)) [\(seconds(estimate.low)), \(seconds(estimate.high))]"
    }

    public static func ratio(_ estimate: Estimate) -> String {
        String(format: "%.2f× [%.2f, %.2f]", estimate.value, estimate.low, estimate.high)
    }

    public static func mebibytes(_ bytes: Int) -> String {
        String(format: "%.1f MiB", Double(bytes) / 1_048_576)
    }

    public static func percent(_ value: Double) -> String {
        String(format: "%+.1f %%", value)
    }

    /// A counter: whole numbers without a fraction, others with up to six significant digits.
    public static func counter(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(format: "%.6g", value)
    }

    /// "" or " (2 outliers)": how many samples either rule flagged, for a table cell.
    public static func outliers(_ flags: OutlierFlags) -> String {
        let count = Set(flags.iqr + flags.modifiedZ).count
        return count == 0 ? "" : " (\(count) outlier\(count == 1 ? "" : "s"))"
    }

    /// "ok", "crash SIGSEGV (11)", "missing": an engine's status as a table cell shows it.
    public static func status(_ result: EngineResult) -> String {
        if let signal = result.signal { return "\(result.status.rawValue) \(SignalName.of(signal))" }
        return result.status.rawValue
    }
}
