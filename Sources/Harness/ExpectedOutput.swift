import Foundation

/// What a correct run of a program shows: CPython's exact stdout, its exit status and the last line of
/// its stderr (the exception line of a traceback). Stored in NAME.expected (format in docs/HARNESS.md).
public struct ExpectedOutput: Equatable, Sendable {
    public var stdout: Data
    public var exitStatus: Int32
    public var stderrLastLine: String

    public init(stdout: Data, exitStatus: Int32, stderrLastLine: String) {
        self.stdout = stdout
        self.exitStatus = exitStatus
        self.stderrLastLine = stderrLastLine
    }

    /// The last non-empty line of a stderr, without its line break: the line that names the exception.
    public static func lastLine(of stderr: Data) -> String {
        let lines = String(decoding: stderr, as: UTF8.self).split(whereSeparator: \.isNewline)
        return lines.last { !$0.allSatisfy(\.isWhitespace) }.map(String.init) ?? ""
    }
}

public enum ExpectedOutputError: Error, CustomStringConvertible {
    case malformed(path: String, why: String)

    public var description: String {
        switch self {
        case .malformed(let path, let why): return "\(path): not a jitbench expected-output file: \(why)"
        }
    }
}

/// The NAME.expected file: a short header of text lines, then the stdout verbatim to the end of the
/// file, so that `git diff` shows output changes as they are and no trailing newline is ever added.
public enum ExpectedOutputFile {
    static let titleLine = "# jitbench expected output, format 1 (docs/HARNESS.md). Written by `jitbench expect`."
    static let exitKey = "exit: "
    static let stderrKey = "stderr-last-line: "
    static let stdoutMarker = "stdout:"

    public static func encode(_ expected: ExpectedOutput) -> Data {
        let header = [
            titleLine,
            exitKey + String(expected.exitStatus),
            stderrKey + expected.stderrLastLine,
            stdoutMarker,
        ].joined(separator: "\n") + "\n"
        return Data(header.utf8) + expected.stdout
    }

    public static func decode(_ data: Data, path: String) throws -> ExpectedOutput {
        var exitStatus: Int32?
        var stderrLastLine: String?
        var offset = data.startIndex
        while let newline = data[offset...].firstIndex(of: UInt8(ascii: "\n")) {
            let line = String(decoding: data[offset..<newline], as: UTF8.self)
            offset = data.index(after: newline)
            if line == stdoutMarker {
                guard let exitStatus, let stderrLastLine else {
                    throw ExpectedOutputError.malformed(path: path, why: "the header lacks `exit:` or `stderr-last-line:`")
                }
                return ExpectedOutput(stdout: Data(data[offset...]), exitStatus: exitStatus, stderrLastLine: stderrLastLine)
            } else if line.hasPrefix(exitKey) {
                exitStatus = Int32(line.dropFirst(exitKey.count))
            } else if line.hasPrefix(stderrKey) {
                stderrLastLine = String(line.dropFirst(stderrKey.count))
            } else if !line.hasPrefix("#") {
                throw ExpectedOutputError.malformed(path: path, why: "unexpected header line `\(line)`")
            }
        }
        throw ExpectedOutputError.malformed(path: path, why: "no `\(stdoutMarker)` line")
    }

    /// The expected output of `program`, or nil when it has no .expected file yet.
    public static func read(for program: Program) throws -> ExpectedOutput? {
        let path = program.expectedOutputPath
        guard FileManager.default.fileExists(atPath: path.path) else { return nil }
        return try decode(Data(contentsOf: path), path: path.path)
    }

    /// Writes the file atomically; returns whether its content changed (a new file counts as changed).
    @discardableResult
    public static func write(_ expected: ExpectedOutput, for program: Program) throws -> Bool {
        let path = program.expectedOutputPath
        let encoded = encode(expected)
        if let existing = try? Data(contentsOf: path), existing == encoded { return false }
        try encoded.write(to: path, options: .atomic)
        return true
    }
}
