import Foundation

/// How one engine's run of one program turned out.
public enum RunStatus: String, Codable, Sendable, CaseIterable {
    case ok
    /// The process ended normally but its stdout, exit status or last stderr line is not the expected one.
    case wrongOutput = "wrong_output"
    /// The engine failed: a non-zero exit where none was expected, or it could not be started.
    case error
    /// Killed by a signal it did not get from the harness.
    case crash
    /// Killed by the harness after the program's timeout.
    case timeout
    /// The engine cannot run here (not installed, or not built yet): not a failure.
    case missing
    /// No expected output to check against: run `jitbench expect`.
    case unchecked
    /// Not reached: the run was interrupted first.
    case notRun = "not_run"

    public var isFailure: Bool { ![.ok, .missing, .unchecked, .notRun].contains(self) }
}

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

/// Judges a process against a program's expected output.
public enum OutputCheck {
    /// What a process asked for `iterations` iterations must print, given that it reported `completed`
    /// of them: the expected stdout once per iteration that ran. An iteration that ends the process (an
    /// exception, `sys.exit`) is the last, and must end it as the single run in the expected output did.
    public static func expectation(_ expected: ExpectedOutput, iterations: Int, completed: Int) -> ComparedOutput {
        let iterationsRun = completed >= iterations ? iterations : completed + 1
        var repeated = expected
        repeated.stdout = Data()
        for _ in 0..<iterationsRun { repeated.stdout.append(expected.stdout) }
        return ComparedOutput(repeated)
    }

    public static func status(of outcome: ProcessOutcome, matches divergence: Divergence?, expected: ExpectedOutput?)
        -> RunStatus
    {
        switch outcome.termination {
        case .timedOut: return .timeout
        case .signaled: return .crash
        case .couldNotStart: return .error
        case .exited(let code):
            guard let expected else { return .unchecked }
            if divergence == nil { return .ok }
            return code != 0 && code != expected.exitStatus ? .error : .wrongOutput
        }
    }

    /// A one-line account of a failed run for reports: how it ended, or its first difference.
    public static func detail(of outcome: ProcessOutcome, divergence: Divergence?) -> String? {
        switch outcome.termination {
        case .exited: return divergence?.summary
        default:
            return ComparedOutput.describe(outcome.termination)
        }
    }
}

/// Signal names for reports ("SIGSEGV (11)"), so that a reader need not know the numbers.
public enum SignalName {
    public static func of(_ signal: Int32) -> String {
        let names: [Int32: String] = [
            SIGHUP: "SIGHUP", SIGINT: "SIGINT", SIGQUIT: "SIGQUIT", SIGILL: "SIGILL", SIGTRAP: "SIGTRAP",
            SIGABRT: "SIGABRT", SIGBUS: "SIGBUS", SIGFPE: "SIGFPE", SIGKILL: "SIGKILL", SIGSEGV: "SIGSEGV",
            SIGPIPE: "SIGPIPE", SIGALRM: "SIGALRM", SIGTERM: "SIGTERM", SIGXCPU: "SIGXCPU",
        ]
        return "\(names[signal] ?? "signal") (\(signal))"
    }
}
