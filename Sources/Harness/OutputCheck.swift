import Foundation

/// How one engine's run of one program turned out.
public enum RunStatus: String, Codable, Sendable, CaseIterable {
    case ok
    /// The process ended normally but its stdout, exit status or last stderr line is not the expected one.
    case wrongOutput = "wrong_output"
    /// The engine failed (a non-zero exit where none was expected, or it could not be started), or the
    /// harness could not judge it (a malformed expected file, a failed spawn).
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
