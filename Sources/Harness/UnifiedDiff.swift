import Foundation

/// A short unified diff of two outputs around their first differing line: the lines the two share at
/// the start and at the end are trimmed to a few lines of context, and what lies between is the hunk.
/// One hunk is all a reader needs to see where an engine went wrong; the full outputs are in the report.
public enum UnifiedDiff {
    public static let contextLines = 3
    public static let maximumHunkLines = 12

    /// nil when the outputs are equal.
    public static func render(_ old: Data, _ new: Data, oldLabel: String, newLabel: String) -> String? {
        guard old != new else { return nil }
        let oldLines = Line.split(old)
        let newLines = Line.split(new)
        let prefix = zip(oldLines, newLines).prefix { $0 == $1 }.count
        let suffix = zip(oldLines.dropFirst(prefix).reversed(), newLines.dropFirst(prefix).reversed())
            .prefix { $0 == $1 }.count
        guard prefix + suffix < max(oldLines.count, newLines.count) else {
            return "--- \(oldLabel)\n+++ \(newLabel)\n(the outputs differ only in bytes that are not valid UTF-8)\n"
        }
        let start = max(0, prefix - contextLines)
        let oldChanged = Array(oldLines[prefix..<(oldLines.count - suffix)])
        let newChanged = Array(newLines[prefix..<(newLines.count - suffix)])
        let before = Array(oldLines[start..<prefix])
        let after = Array(oldLines[(oldLines.count - suffix)...].prefix(contextLines))

        var hunk = before.map { " " + $0.rendered }
        let (shownOld, hiddenOld) = capped(oldChanged)
        let (shownNew, hiddenNew) = capped(newChanged)
        hunk += shownOld.map { "-" + $0.rendered } + shownNew.map { "+" + $0.rendered }
        hunk += after.map { " " + $0.rendered }
        let header = "@@ -\(range(start, before.count + shownOld.count + after.count)) "
            + "+\(range(start, before.count + shownNew.count + after.count)) @@"
        var lines = ["--- \(oldLabel)", "+++ \(newLabel)", header] + hunk
        if hiddenOld + hiddenNew > 0 {
            lines.append("(\(hiddenOld) more \(oldLabel) lines and \(hiddenNew) more \(newLabel) lines differ)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The first line where two outputs differ: its 1-based number and each side's text (nil where that
    /// output has ended). nil when the outputs are equal line for line.
    public static func firstDifference(_ old: Data, _ new: Data) -> (line: Int, old: String?, new: String?)? {
        let oldLines = Line.split(old)
        let newLines = Line.split(new)
        for index in 0..<max(oldLines.count, newLines.count) {
            let oldLine = oldLines.indices.contains(index) ? oldLines[index] : nil
            let newLine = newLines.indices.contains(index) ? newLines[index] : nil
            if oldLine != newLine { return (index + 1, oldLine?.text, newLine?.text) }
        }
        return nil
    }

    private static func capped(_ lines: [Line]) -> ([Line], Int) {
        (Array(lines.prefix(maximumHunkLines / 2)), max(0, lines.count - maximumHunkLines / 2))
    }

    /// A unified-diff line range: 1-based start and count; an empty range names the line before it.
    private static func range(_ zeroBasedStart: Int, _ count: Int) -> String {
        "\(count == 0 ? zeroBasedStart : zeroBasedStart + 1),\(count)"
    }

    /// A line of output, and whether it ended with a newline (only the last line of an output may not).
    struct Line: Equatable {
        var text: String
        var hasNewline: Bool

        var rendered: String { hasNewline ? text : text + "\n\\ No newline at end of file" }

        static func split(_ data: Data) -> [Line] {
            var lines = String(decoding: data, as: UTF8.self)
                .split(separator: "\n", omittingEmptySubsequences: false)
                .map { Line(text: String($0), hasNewline: true) }
            if lines.last?.text == "" {
                lines.removeLast()
            } else if !lines.isEmpty {
                lines[lines.count - 1].hasNewline = false
            }
            return lines
        }
    }
}
