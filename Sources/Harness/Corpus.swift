import Foundation

/// One corpus program: corpus/<category>/NAME.py, with NAME.expected beside it.
public struct Program: Sendable, Equatable {
    public static let defaultTimeoutSeconds = 60.0

    public var path: URL
    /// "category/NAME": unique within a corpus, and how reports name the program.
    public var id: String { "\(category)/\(name)" }
    public var name: String { path.deletingPathExtension().lastPathComponent }
    /// The program's folder name (int, float, regressions, ...).
    public var category: String { path.deletingLastPathComponent().lastPathComponent }
    public var expectedOutputPath: URL { path.deletingPathExtension().appendingPathExtension("expected") }
    /// The path to show a user: relative to the current directory when the program is under it.
    public var displayPath: String { Self.display(path) }
    public var description: String
    public var timeoutSeconds: Double

    public static func display(_ url: URL) -> String {
        let directory = FileManager.default.currentDirectoryPath + "/"
        let path = url.standardizedFileURL.path
        return path.hasPrefix(directory) ? String(path.dropFirst(directory.count)) : path
    }
}

public enum CorpusError: Error, CustomStringConvertible, Equatable {
    case notFound(String)
    case noPrograms(String)
    case badSetting(path: String, line: String, why: String)
    /// Two programs with the same category and name: reports could not tell them apart.
    case duplicateID(String, String, String)

    public var description: String {
        switch self {
        case .notFound(let path): return "\(path): no such file or directory"
        case .noPrograms(let paths): return "no .py programs found under \(paths)"
        case .badSetting(let path, let line, let why): return "\(path): bad header line `\(line)`: \(why)"
        case .duplicateID(let id, let first, let second): return "two programs named \(id): \(first) and \(second)"
        }
    }
}

public enum Corpus {
    /// The programs named by `paths` (files, or directories searched recursively), sorted by id.
    public static func programs(at paths: [String]) throws -> [Program] {
        var found: [URL] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw CorpusError.notFound(path)
            }
            let url = URL(fileURLWithPath: path)
            found += isDirectory.boolValue ? pythonFiles(under: url) : [url]
        }
        guard !found.isEmpty else { throw CorpusError.noPrograms(paths.joined(separator: ", ")) }
        let unique = Set(found.map { $0.standardizedFileURL })
        let programs = try unique.map(load).sorted { $0.id < $1.id }
        for (first, second) in zip(programs, programs.dropFirst()) where first.id == second.id {
            throw CorpusError.duplicateID(first.id, first.displayPath, second.displayPath)
        }
        return programs
    }

    public static func load(_ path: URL) throws -> Program {
        // The header is ASCII; the rest of the source is the engines' business, whatever its encoding.
        let source = String(decoding: try Data(contentsOf: path), as: UTF8.self)
        let header = try ProgramHeader.parse(source, path: path.path)
        return Program(path: path, description: header.description, timeoutSeconds: header.timeoutSeconds)
    }

    private static func pythonFiles(under directory: URL) -> [URL] {
        let walker = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil)
        return (walker?.allObjects as? [URL] ?? []).filter { $0.pathExtension == "py" }
    }
}

/// The `# jitbench:` lines at the top of a program (docs/HARNESS.md, "Adding a program"). A line whose
/// text is a known `key=value` setting sets it; any other such line is (part of) the description.
struct ProgramHeader {
    var description = ""
    var timeoutSeconds = Program.defaultTimeoutSeconds

    static let marker = "# jitbench:"

    static func parse(_ source: String, path: String) throws -> ProgramHeader {
        var header = ProgramHeader()
        var descriptionLines: [String] = []
        for line in leadingCommentLines(source) where line.hasPrefix(marker) {
            let text = line.dropFirst(marker.count).trimmingCharacters(in: .whitespaces)
            if try !header.apply(setting: text, line: line, path: path) {
                descriptionLines.append(text)
            }
        }
        header.description = descriptionLines.joined(separator: " ")
        return header
    }

    /// The comment and blank lines before the first line of code.
    private static func leadingCommentLines(_ source: String) -> [String] {
        var lines: [String] = []
        for line in source.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.isEmpty || trimmed.hasPrefix("#") else { break }
            lines.append(trimmed)
        }
        return lines
    }

    /// Applies `text` if it is a known setting; returns false if it is not one.
    private mutating func apply(setting text: String, line: String, path: String) throws -> Bool {
        let parts = text.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2 else { return false }
        switch parts[0] {
        case "timeout":
            guard let seconds = Double(parts[1]), seconds > 0, seconds.isFinite else {
                throw CorpusError.badSetting(path: path, line: line, why: "timeout must be a positive number of seconds")
            }
            timeoutSeconds = seconds
            return true
        default:
            return false
        }
    }
}
