import Foundation

/// Inline SVG charts for the HTML report: static markup, no script, every label escaped.
enum SVGCharts {
    struct Bar {
        var label: String
        var estimate: Estimate
        var isSummary = false
    }

    static let palette = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf"]
    private static let labelWidth = 220.0
    private static let plotWidth = 440.0
    private static let rowHeight = 22.0

    /// Horizontal bars on a log scale centred on 1 (no change), with interval whiskers; summary bars
    /// (the geometric mean) are drawn darker.
    static func speedupBars(_ bars: [Bar]) -> String {
        let values = bars.flatMap { [$0.estimate.low, $0.estimate.high, $0.estimate.value] }.filter { $0 > 0 }
        let lowest = log10(min(0.5, values.min() ?? 0.5)), highest = log10(max(2, values.max() ?? 2))
        func x(_ value: Double) -> Double { labelWidth + (log10(max(value, 1e-9)) - lowest) / (highest - lowest) * plotWidth }
        var body = axis(x(1), count: bars.count, label: "1× (no change); log scale")
        for (row, bar) in bars.enumerated() {
            let y = Double(row) * rowHeight + 20
            let (left, right) = (min(x(1), x(bar.estimate.value)), max(x(1), x(bar.estimate.value)))
            let color = bar.isSummary ? "#333" : (bar.estimate.value >= 1 ? "#2b7bba" : "#d1495b")
            body += label(bar.label, y: y, bold: bar.isSummary)
            body += rect(left, y + 4, max(right - left, 1), rowHeight - 8, color)
            body += whisker(x(bar.estimate.low), x(bar.estimate.high), y + rowHeight / 2)
            body += text(String(format: "%.2f×", bar.estimate.value), x: labelWidth + plotWidth + 8, y: y + 15)
        }
        return svg(body, height: Double(bars.count) * rowHeight + 40)
    }

    /// Horizontal bars of percentages from 0 (linear scale).
    static func percentBars(_ bars: [(label: String, percent: Double, isSummary: Bool)]) -> String {
        let extent = max(10, bars.map { abs($0.percent) }.max() ?? 10)
        func x(_ value: Double) -> Double { labelWidth + (value + extent) / (2 * extent) * plotWidth }
        var body = axis(x(0), count: bars.count, label: "0 % (same memory)")
        for (row, bar) in bars.enumerated() {
            let y = Double(row) * rowHeight + 20
            let (left, right) = (min(x(0), x(bar.percent)), max(x(0), x(bar.percent)))
            body += label(bar.label, y: y, bold: bar.isSummary)
            body += rect(left, y + 4, max(right - left, 1), rowHeight - 8, bar.isSummary ? "#333" : "#8c6bb1")
            body += text(String(format: "%+.1f %%", bar.percent), x: labelWidth + plotWidth + 8, y: y + 15)
        }
        return svg(body, height: Double(bars.count) * rowHeight + 40)
    }

    /// Time per iteration for each engine (median over processes): how an engine warms up.
    static func warmupCurves(_ curves: [(engine: String, seconds: [Double])]) -> String {
        // The plot spans [left, right] × [top, bottom]; the legend sits to the right of it.
        let (width, height, left, right, top, bottom) = (420.0, 150.0, 56.0, 310.0, 10.0, 130.0)
        let longest = max(2, curves.map(\.seconds.count).max() ?? 2)
        let highest = max(1e-9, curves.flatMap(\.seconds).max() ?? 1)
        var body = "<path d=\"M\(left) \(top)V\(bottom)H\(right)\" stroke=\"#999\" fill=\"none\"/>"
        body += text(FigureFormat.seconds(highest), x: left - 4, y: top + 8, size: 10, anchor: "end")
        body += text("0", x: left - 4, y: bottom, size: 10, anchor: "end")
        body += text("iteration 1 to \(longest)", x: left, y: height - 4, size: 10)
        for (index, curve) in curves.enumerated() {
            let color = palette[index % palette.count]
            let points = curve.seconds.enumerated().map { iteration, seconds in
                let x = left + Double(iteration) / Double(longest - 1) * (right - left)
                let y = bottom - seconds / highest * (bottom - top)
                return String(format: "%.1f,%.1f", x, y)
            }
            body += "<polyline fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\" points=\"\(points.joined(separator: " "))\"/>"
            body += text(curve.engine, x: right + 10, y: top + 10 + Double(index) * 14, size: 11, color: color)
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\" role=\"img\">\(body)</svg>"
    }

    private static func svg(_ body: String, height: Double) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(labelWidth + plotWidth + 80))\" height=\"\(Int(height))\" role=\"img\">\(body)</svg>"
    }

    private static func axis(_ x: Double, count: Int, label: String) -> String {
        let bottom = Double(count) * rowHeight + 20
        return String(format: "<line x1=\"%.1f\" y1=\"14\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#999\" stroke-dasharray=\"3,3\"/>", x, x, bottom)
            + text(label, x: x + 4, y: 12, size: 10)
    }

    private static func label(_ text: String, y: Double, bold: Bool) -> String {
        Self.text(text, x: labelWidth - 6, y: y + 15, anchor: "end", weight: bold ? "bold" : "normal")
    }

    private static func rect(_ x: Double, _ y: Double, _ width: Double, _ height: Double, _ color: String) -> String {
        String(format: "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" ", x, y, width, height) + "fill=\"\(color)\"/>"
    }

    private static func whisker(_ low: Double, _ high: Double, _ y: Double) -> String {
        String(format: "<path d=\"M%.1f %.1fH%.1fM%.1f %.1fV%.1fM%.1f %.1fV%.1f\" stroke=\"#000\" fill=\"none\"/>",
               low, y, high, low, y - 5, y + 5, high, y - 5, y + 5)
    }

    private static func text(
        _ content: String, x: Double, y: Double, size: Int = 12, anchor: String = "start", weight: String = "normal",
        color: String = "#222"
    ) -> String {
        String(format: "<text x=\"%.1f\" y=\"%.1f\" ", x, y)
            + "font-size=\"\(size)\" text-anchor=\"\(anchor)\" font-weight=\"\(weight)\" fill=\"\(color)\">"
            + MarkupText.escape(content) + "</text>"
    }
}
