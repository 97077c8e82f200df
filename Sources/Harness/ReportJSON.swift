import Foundation

public enum ReportFileError: Error, CustomStringConvertible {
    case unreadable(path: String, why: String)
    case wrongSchema(path: String, found: String)
    case unwritable(directory: String, why: String, savedAt: String)

    public var description: String {
        switch self {
        case .unreadable(let path, let why): return "\(path): not a readable jitbench report: \(why)"
        case .wrongSchema(let path, let found):
            return "\(path): report schema \(found), this jitbench reads \(Report.schemaName) version \(Report.schemaVersion)"
        case .unwritable(let directory, let why, let savedAt):
            return "cannot write the reports to \(directory) (\(why)); the JSON report is saved at \(savedAt)"
        }
    }
}

/// The JSON form of a report (docs/REPORT.md): snake_case keys, sorted, indented for diffs.
public enum ReportJSON {
    public static func encode(_ report: Report) throws -> Data {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(report) + Data("\n".utf8)
    }

    public static func read(_ path: String) throws -> Report {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw ReportFileError.unreadable(path: path, why: error.localizedDescription)
        }
        let header = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
        let schema = "\(header?["schema"] ?? "none") version \(header?["schema_version"] ?? "none")"
        guard header?["schema"] as? String == Report.schemaName, header?["schema_version"] as? Int == Report.schemaVersion else {
            throw ReportFileError.wrongSchema(path: path, found: schema)
        }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        do { return try decoder.decode(Report.self, from: data) } catch {
            throw ReportFileError.unreadable(path: path, why: "\(error)")
        }
    }
}

/// Writes files so that a reader never sees half of one: a temporary file in the same directory, then
/// a rename over the target.
public enum AtomicFile {
    public static func write(_ data: Data, to url: URL) throws {
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
        try data.write(to: temporary)
        guard rename(temporary.path, url.path) == 0 else {
            let error = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "cannot write \(url.path): \(error)"])
        }
    }
}
