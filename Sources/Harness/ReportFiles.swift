import Foundation

/// Writes a report and its views into a directory: the JSON under a timestamped name and as
/// latest.json, and latest.md, latest.csv and latest.html generated from it. Each file is written
/// atomically, the JSON first, so that the source of truth exists before any view of it.
public enum ReportFiles {
    /// Returns the paths written.
    @discardableResult
    public static func write(_ report: Report, to directory: URL) throws -> [URL] {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let json = try ReportJSON.encode(report)
        let stamp = report.startedAt.replacingOccurrences(of: ":", with: "")
        let files: [(String, Data)] = [
            ("run-\(stamp).json", json),
            ("latest.json", json),
            ("latest.md", Data(ReportMarkdown.render(report).utf8)),
            ("latest.csv", Data(ReportCSV.render(report).utf8)),
            ("latest.html", Data(ReportHTML.render(report).utf8)),
        ]
        return try files.map { name, data in
            let url = directory.appendingPathComponent(name)
            try AtomicFile.write(data, to: url)
            return url
        }
    }
}
