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

    /// Like `write`, but if the directory cannot be written the JSON goes to the temporary directory
    /// instead, and the error says where: measurements that took an hour are never thrown away.
    public static func writeKeepingMeasurements(_ report: Report, to directory: URL) throws -> [URL] {
        do {
            return try write(report, to: directory)
        } catch {
            let rescue = FileManager.default.temporaryDirectory.appendingPathComponent("jitbench-report-\(getpid()).json")
            try AtomicFile.write(ReportJSON.encode(report), to: rescue)
            throw ReportFileError.unwritable(directory: directory.path, why: "\(error)", savedAt: rescue.path)
        }
    }
}
