import Foundation

/// The HTML view of a report: one self-contained file (inline CSS and SVG, no script, nothing fetched)
/// that any browser opens. Every string from a program, its output or an engine is escaped.
public enum ReportHTML {
    public static func render(_ report: Report) -> String {
        let title = "jitbench run \(report.startedAt)\(report.partial ? " (partial)" : "")"
        var body = "<h1>\(e(title))</h1>\n"
        if report.partial { body += "<p class=\"warn\">This run was interrupted: it holds only what was measured before.</p>\n" }
        body += metadata(report) + speedupCharts(report) + memoryChart(report) + programTable(report)
        body += problems(report) + counters(report) + warmupSection(report)
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>\(e(title))</title>
            <style>\(style)</style>
            </head>
            <body>
            \(body)
            </body>
            </html>

            """
    }

    private static let style = """
        body{font-family:system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:1em 0}
        td,th{border:1px solid #ccc;padding:3px 8px;text-align:left;font-size:13px}th{background:#f3f3f3}
        .ok{color:#1a7f37}.fail{color:#c62828;font-weight:bold}.muted{color:#888}.warn{color:#c62828}
        figure{display:inline-block;margin:0.5em 1em 0.5em 0;vertical-align:top}figcaption{font-size:13px}
        pre{background:#f6f6f6;padding:0.5em;white-space:pre-wrap}
        """

    private static func e(_ text: String) -> String { MarkupText.escape(text) }

    private static func metadata(_ report: Report) -> String {
        let machine = report.machine
        var rows = [
            ("machine", "\(machine.hostname): \(machine.cpuModel), \(machine.cpuCount) CPUs, \(FigureFormat.mebibytes(Int(machine.memoryBytes)))"),
            ("system", "\(machine.operatingSystem); \(machine.kernel)"),
            ("commit", "\(machine.commit ?? "unknown")\(machine.commitDirty == true ? " (dirty)" : "")"),
            ("settings", "\(report.settings.processes) processes × \(report.settings.iterations) iterations, seed \(report.settings.seed)"),
        ]
        rows += report.engines.map { engine in
            ("engine \(engine.name)", engine.available ? (engine.version ?? engine.kind.rawValue) : "missing: \(engine.missingReason ?? "")")
        }
        return "<table>" + rows.map { "<tr><th>\(e($0.0))</th><td>\(e($0.1))</td></tr>" }.joined() + "</table>\n"
    }

    private static func speedupCharts(_ report: Report) -> String {
        var html = "<h2>Speedup of \(e(report.settings.subject))</h2>\n"
        let subject = report.settings.subject
        for figure in report.summary.overall {
            var bars = report.programs.compactMap { program in
                program.comparisons.first { $0.baseline == figure.baseline }.map { SVGCharts.Bar(label: program.id, estimate: $0.speedup) }
            }
            bars.append(SVGCharts.Bar(label: "geometric mean", estimate: figure.geometricMeanSpeedup, isSummary: true))
            html += "<figure>\(SVGCharts.speedupBars(bars))<figcaption>\(e(subject)) vs \(e(figure.baseline)): baseline time / \(e(subject)) time, median with 95% interval</figcaption></figure>\n"
        }
        if report.summary.overall.isEmpty {
            html += "<p class=\"muted\">No speedup could be computed: \(e(subject)) and a baseline must both run correctly.</p>\n"
        }
        return html
    }

    private static func memoryChart(_ report: Report) -> String {
        var html = "<h2>Memory overhead of \(e(report.settings.subject))</h2>\n"
        for figure in report.summary.overall {
            var bars = report.programs.compactMap { program in
                program.comparisons.first { $0.baseline == figure.baseline }.map { (label: program.id, percent: $0.memoryOverheadPercent, isSummary: false) }
            }
            bars.append((label: "geometric mean", percent: figure.geometricMeanMemoryOverheadPercent, isSummary: true))
            html += "<figure>\(SVGCharts.percentBars(bars))<figcaption>peak RSS over \(e(figure.baseline))'s, in percent</figcaption></figure>\n"
        }
        return html
    }

    private static func programTable(_ report: Report) -> String {
        let engines = report.engines.map(\.name)
        var html = "<h2>Programs</h2>\n<table><tr><th>program</th><th>category</th>"
        html += engines.map { "<th>\(e($0))</th>" }.joined()
        html += report.settings.baselines.map { "<th>\(e(report.settings.subject)) vs \(e($0))</th><th>memory vs \(e($0))</th>" }.joined() + "</tr>\n"
        for program in report.programs {
            html += "<tr><td title=\"\(e(program.description))\">\(e(program.id))</td><td>\(e(program.category))</td>"
            html += engines.map { name in program.engine(name).map(engineCell) ?? "<td></td>" }.joined()
            for baseline in report.settings.baselines {
                let comparison = program.comparisons.first { $0.baseline == baseline }
                html += "<td>\(comparison.map { e(FigureFormat.ratio($0.speedup)) } ?? "–")</td>"
                html += "<td>\(comparison.map { e(FigureFormat.percent($0.memoryOverheadPercent)) } ?? "–")</td>"
            }
            html += "</tr>\n"
        }
        return html + "</table>\n"
    }

    private static func engineCell(_ result: EngineResult) -> String {
        guard let summary = result.summary else {
            let css = result.status.isFailure ? "fail" : "muted"
            return "<td class=\"\(css)\">\(e(FigureFormat.status(result)))</td>"
        }
        let rss = FigureFormat.mebibytes(summary.peakRssBytes)
        return "<td class=\"ok\">\(e(FigureFormat.time(summary.time)))<br><span class=\"muted\">first \(e(FigureFormat.seconds(summary.firstIteration.value))), \(e(rss))\(e(FigureFormat.outliers(summary.outliers)))</span></td>"
    }

    private static func problems(_ report: Report) -> String {
        let failures = report.programs.flatMap { program in
            program.engines.filter { $0.status.isFailure || $0.status == .unchecked }.map { (program, $0) }
        }
        guard !failures.isEmpty else { return "" }
        let items = failures.map { program, result in
            "<li><b>\(e(program.id))</b> under <code>\(e(result.engine))</code>: <span class=\"fail\">\(e(FigureFormat.status(result)))</span><pre>\(e(result.detail ?? ""))</pre></li>"
        }
        return "<h2>Problems</h2>\n<ul>\(items.joined(separator: "\n"))</ul>\n"
    }

    /// The JIT's own counters, one row per program, engine and counter.
    private static func counters(_ report: Report) -> String {
        let rows = report.programs.flatMap { program in
            program.engines.flatMap { result in
                (result.summary?.counters ?? [:]).sorted { $0.key < $1.key }.map { name, value in
                    "<tr><td>\(e(program.id))</td><td>\(e(result.engine))</td><td>\(e(name))</td><td>\(e(FigureFormat.counter(value)))</td></tr>"
                }
            }
        }
        guard !rows.isEmpty else { return "" }
        return "<h2>JIT counters (median over processes)</h2>\n<table><tr><th>program</th><th>engine</th><th>counter</th><th>value</th></tr>\n"
            + rows.joined(separator: "\n") + "</table>\n"
    }

    private static func warmupSection(_ report: Report) -> String {
        let figures = report.programs.compactMap { program -> String? in
            // A curve needs two iterations; engines timed by their process have one.
            let curves = program.engines.compactMap { result in
                result.summary.flatMap { $0.warmupCurve.count > 1 ? (engine: result.engine, seconds: $0.warmupCurve) : nil }
            }
            guard !curves.isEmpty else { return nil }
            return "<figure>\(SVGCharts.warmupCurves(curves))<figcaption>\(e(program.id))</figcaption></figure>"
        }
        guard !figures.isEmpty else { return "" }
        return "<h2>Warm-up: time per iteration (median over processes)</h2>\n" + figures.joined(separator: "\n") + "\n"
    }
}
