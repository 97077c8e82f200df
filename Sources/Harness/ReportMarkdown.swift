import Foundation

/// The Markdown view of a report: a few tables that read well as a CI job summary.
public enum ReportMarkdown {
    public static func render(_ report: Report) -> String {
        var lines = ["# jitbench run\(report.partial ? " (partial: interrupted)" : "")", ""]
        lines += metadata(report) + [""]
        lines += summary(report) + [""]
        lines += programs(report) + [""]
        lines += problems(report)
        lines += counters(report)
        return lines.joined(separator: "\n") + "\n"
    }

    /// One line for a terminal: counts of each status, and the overall geometric means.
    public static func summaryLine(_ report: Report) -> String {
        let results = report.programs.flatMap(\.engines)
        let counts = RunStatus.allCases.compactMap { status -> String? in
            let count = results.filter { $0.status == status }.count
            return count == 0 ? nil : "\(count) \(status.rawValue)"
        }
        let means = report.summary.overall.map { "\($0.subject) vs \($0.baseline) \(FigureFormat.ratio($0.geometricMeanSpeedup))" }
        return "\(report.programs.count) programs\(report.partial ? " (partial)" : ""): \(counts.joined(separator: ", "))"
            + (means.isEmpty ? "" : "; " + means.joined(separator: "; "))
    }

    private static func metadata(_ report: Report) -> [String] {
        let machine = report.machine
        var lines = [
            "Started \(report.startedAt) on \(escape(machine.hostname)): \(escape(machine.cpuModel)), \(machine.cpuCount) CPUs, \(escape(machine.kernel)); commit \(machine.commit ?? "unknown")\(machine.commitDirty == true ? " (dirty)" : "").",
            "\(report.settings.processes) processes × \(report.settings.iterations) iterations per program and engine.",
            "",
            "| engine | version or reason |",
            "|---|---|",
        ]
        lines += report.engines.map { engine in
            let text = engine.available ? (engine.version ?? engine.kind.rawValue) : "missing: \(engine.missingReason ?? "")"
            return "| \(escape(engine.name)) | \(escape(text)) |"
        }
        return lines
    }

    private static func summary(_ report: Report) -> [String] {
        var lines = ["## Summary", ""]
        guard !report.summary.overall.isEmpty else {
            return lines + ["No speedup of `\(escape(report.settings.subject))` could be computed: it and a baseline must both run correctly."]
        }
        lines += ["| scope | comparison | programs | geometric-mean speedup [95% CI] | memory overhead |", "|---|---|---|---|---|"]
        let scopes = [("all", report.summary.overall)] + report.summary.categories.map { ($0.category, $0.figures) }
        for (scope, figures) in scopes {
            for figure in figures {
                lines.append("| \(escape(scope)) | \(escape(figure.subject)) vs \(escape(figure.baseline)) | \(figure.programs) | \(FigureFormat.ratio(figure.geometricMeanSpeedup)) | \(FigureFormat.percent(figure.geometricMeanMemoryOverheadPercent)) |")
            }
        }
        return lines
    }

    private static func programs(_ report: Report) -> [String] {
        let engines = report.engines.map(\.name)
        let baselines = report.settings.baselines
        let subject = report.settings.subject
        var header = ["program"] + engines.map { "\($0) median [95% CI]" }
        header += baselines.map { "\(subject) vs \($0)" } + ["\(subject) first iteration vs steady", "\(subject) peak RSS"]
        var lines = ["## Programs", "", "| " + header.map(escape).joined(separator: " | ") + " |",
                     "|" + String(repeating: "---|", count: header.count)]
        for program in report.programs {
            var cells = [escape(program.id)]
            cells += engines.map { name in program.engine(name).map(engineCell) ?? "" }
            cells += baselines.map { baseline in
                program.comparisons.first { $0.baseline == baseline }.map { FigureFormat.ratio($0.speedup) } ?? "–"
            }
            let subjectSummary = program.engine(subject)?.summary
            cells.append(subjectSummary.map { summary in
                "\(FigureFormat.seconds(summary.firstIteration.value)) / \(summary.steadyState.map { FigureFormat.seconds($0.value) } ?? "–")"
            } ?? "–")
            cells.append(subjectSummary.map { FigureFormat.mebibytes($0.peakRssBytes) } ?? "–")
            lines.append("| " + cells.joined(separator: " | ") + " |")
        }
        return lines
    }

    private static func engineCell(_ result: EngineResult) -> String {
        guard let summary = result.summary else { return escape(FigureFormat.status(result)) }
        return FigureFormat.time(summary.time) + FigureFormat.outliers(summary.outliers)
    }

    private static func problems(_ report: Report) -> [String] {
        let failures = report.programs.flatMap { program in
            program.engines.filter { $0.status.isFailure || $0.status == .unchecked }.map { (program.id, $0) }
        }
        guard !failures.isEmpty else { return [] }
        return ["## Problems", ""] + failures.map { id, result in
            "- **\(escape(id))** under `\(escape(result.engine))`: \(escape(FigureFormat.status(result)))\(result.detail.map { " — " + escape($0) } ?? "")"
        } + [""]
    }

    private static func counters(_ report: Report) -> [String] {
        let rows = report.programs.flatMap { program in
            program.engines.compactMap { result -> String? in
                guard let counters = result.summary?.counters, !counters.isEmpty else { return nil }
                let text = counters.keys.sorted().map { "\($0)=\(FigureFormat.counter(counters[$0]!))" }.joined(separator: ", ")
                return "| \(escape(program.id)) | \(escape(result.engine)) | \(escape(text)) |"
            }
        }
        guard !rows.isEmpty else { return [] }
        return ["## JIT counters (median over processes)", "", "| program | engine | counters |", "|---|---|---|"] + rows + [""]
    }

    /// Text from programs and engines is made inert: no HTML (job summaries render it), no table breaks.
    static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "|": escaped += "\\|"
            case "`", "*", "_", "[", "]", "\\": escaped += "\\\(character)"
            case "\n", "\r", "\r\n": escaped += " "
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
