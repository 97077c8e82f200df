import Foundation

/// What an engine reports about itself in its stats file (docs/HARNESS.md, "The stats file"):
/// the seconds of each iteration, and optionally the JIT's counters.
public struct EngineStats: Equatable, Sendable {
    public var iterationSeconds: [Double] = []
    public var counters: [String: Double] = [:]

    /// Lines that are not one of the two documented objects are ignored, so that an engine can grow new
    /// kinds of lines without breaking older harnesses. Iterations are taken in their file order.
    public static func parse(_ data: Data) -> EngineStats {
        var stats = EngineStats()
        for line in data.split(separator: UInt8(ascii: "\n")) {
            guard let object = (try? JSONSerialization.jsonObject(with: Data(line))) as? [String: Any] else { continue }
            if let seconds = (object["seconds"] as? NSNumber)?.doubleValue, object["iteration"] != nil {
                stats.iterationSeconds.append(seconds)
            } else if let counters = object["counters"] as? [String: Any] {
                for (key, value) in counters {
                    if let number = (value as? NSNumber)?.doubleValue { stats.counters[key] = number }
                }
            }
        }
        return stats
    }
}
