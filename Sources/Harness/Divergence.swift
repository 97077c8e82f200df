import Foundation

/// The outputs a comparison looks at: stdout byte for byte, how the process ended, and the last line
/// of its stderr.
public struct ComparedOutput: Equatable, Sendable {
    public var stdout: Data
    public var ending: String
    public var stderrLastLine: String

    public init(_ expected: ExpectedOutput) {
        stdout = expected.stdout
        ending = Self.describe(.exited(expected.exitStatus))
        stderrLastLine = expected.stderrLastLine
    }

    public init(_ outcome: ProcessOutcome) {
        stdout = outcome.stdout
        ending = Self.describe(outcome.termination)
        stderrLastLine = ExpectedOutput.lastLine(of: outcome.stderr)
    }

    static func describe(_ termination: Termination) -> String {
        switch termination {
        case .exited(let code): return "exit status \(code)"
        case .signaled(let signal): return "killed by \(SignalName.of(signal))"
        case .timedOut: return "timed out"
        case .couldNotStart(let why): return "could not start: \(why)"
        }
    }
}

/// Where two outputs of a program differ, named by what produced them ("expected", an engine).
public struct Divergence: Sendable, Equatable {
    public var program: String
    public var left: String
    public var right: String
    /// One line per aspect that differs, e.g. "exit status: expected exit status 0, jit exit status 1".
    public var differences: [String]
    /// A short unified diff of the stdouts, when they differ.
    public var stdoutDiff: String?
    /// One line for reports: the ending or stderr difference if any, else the first differing stdout line.
    public var summary: String

    public static func between(
        _ left: ComparedOutput, _ right: ComparedOutput, program: String, leftLabel: String, rightLabel: String
    ) -> Divergence? {
        var differences: [String] = []
        if left.ending != right.ending {
            differences.append("ending: \(leftLabel) \(left.ending), \(rightLabel) \(right.ending)")
        }
        if left.stderrLastLine != right.stderrLastLine {
            differences.append(
                "last stderr line: \(leftLabel) \"\(left.stderrLastLine)\", \(rightLabel) \"\(right.stderrLastLine)\"")
        }
        let endingDifferences = differences
        let diff = UnifiedDiff.render(left.stdout, right.stdout, oldLabel: leftLabel, newLabel: rightLabel)
        if diff != nil { differences.append("stdout differs") }
        guard !differences.isEmpty else { return nil }
        let summary = endingDifferences.isEmpty
            ? firstStdoutDifference(left.stdout, right.stdout, leftLabel: leftLabel, rightLabel: rightLabel)
            : endingDifferences.joined(separator: "; ")
        return Divergence(
            program: program, left: leftLabel, right: rightLabel, differences: differences, stdoutDiff: diff,
            summary: summary)
    }

    private static func firstStdoutDifference(_ left: Data, _ right: Data, leftLabel: String, rightLabel: String) -> String {
        guard let (line, leftLine, rightLine) = UnifiedDiff.firstDifference(left, right) else {
            return "stdout differs in bytes that are not valid UTF-8"
        }
        func shown(_ text: String?) -> String { text.map { "\"\($0)\"" } ?? "nothing (output ended)" }
        return "stdout line \(line): \(leftLabel) \(shown(leftLine)), \(rightLabel) \(shown(rightLine))"
    }

    /// The text `jitbench diff` prints for this divergence.
    public var rendered: String {
        var lines = ["\(program): \(left) vs \(right)"] + differences.map { "  " + $0 }
        if let stdoutDiff { lines += stdoutDiff.split(separator: "\n").map { "    " + $0 } }
        return lines.joined(separator: "\n") + "\n"
    }
}
