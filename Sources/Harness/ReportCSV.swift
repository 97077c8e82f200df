import Foundation

/// The CSV view of a report: one row per program and engine, for spreadsheets and plotting scripts.
public enum ReportCSV {
    public static func render(_ report: Report) -> String {
        let baselines = report.settings.baselines
        var header = [
            "program", "category", "engine", "status", "signal", "detail", "processes", "time_basis",
            "median_seconds", "ci_low_seconds", "ci_high_seconds", "first_iteration_seconds", "steady_state_seconds",
            "peak_rss_bytes",
        ]
        header += baselines.flatMap { ["speedup_vs_\($0)", "speedup_vs_\($0)_ci_low", "speedup_vs_\($0)_ci_high", "memory_overhead_percent_vs_\($0)"] }
        var rows = [header]
        for program in report.programs {
            for result in program.engines {
                rows.append(row(program, result, baselines: baselines))
            }
        }
        return rows.map { $0.map(quote).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    private static func row(_ program: ProgramResult, _ result: EngineResult, baselines: [String]) -> [String] {
        let summary = result.summary
        var cells = [
            program.id, program.category, result.engine, result.status.rawValue, result.signal.map { String($0) } ?? "",
            result.detail ?? "", String(result.processes.count), summary?.timeBasis ?? "",
            number(summary?.time.value), number(summary?.time.low), number(summary?.time.high),
            number(summary?.firstIteration.value), number(summary?.steadyState?.value),
            summary.map { String($0.peakRssBytes) } ?? "",
        ]
        for baseline in baselines {
            let comparison = program.comparisons.first { $0.baseline == baseline && $0.subject == result.engine }
            cells += [number(comparison?.speedup.value), number(comparison?.speedup.low), number(comparison?.speedup.high),
                      number(comparison?.memoryOverheadPercent)]
        }
        return cells
    }

    private static func number(_ value: Double?) -> String { value.map { String($0) } ?? "" }

    /// RFC 4180: fields with a comma, quote or line break are quoted, quotes doubled.
    static func quote(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
