import Foundation

/// How a measured process ended.
public enum Termination: Equatable, Sendable {
    case exited(Int32)
    case signaled(Int32)
    /// Killed by the harness after its timeout (SIGTERM to its group, then SIGKILL).
    case timedOut
    /// The program could not be started at all (not found, not executable).
    case couldNotStart(String)

    public var exitCode: Int32? {
        if case .exited(let code) = self { return code }
        return nil
    }

    public var signal: Int32? {
        if case .signaled(let signal) = self { return signal }
        return nil
    }
}

/// What one process did: its outputs, how it ended and the resources it used, measured on it alone.
public struct ProcessOutcome: Sendable {
    public var termination: Termination
    public var stdout: Data
    public var stderr: Data
    public var wallSeconds: Double
    public var userSeconds: Double
    public var systemSeconds: Double
    public var peakRSSBytes: Int
}

public struct ProcessRequest: Sendable {
    /// argv; the first element is looked up on PATH.
    public var arguments: [String]
    /// Variables set on top of the harness's own environment.
    public var environment: [String: String]
    /// Seconds before the process group is killed; 0 for none.
    public var timeoutSeconds: Double

    public init(arguments: [String], environment: [String: String] = [:], timeoutSeconds: Double = 0) {
        self.arguments = arguments
        self.environment = environment
        self.timeoutSeconds = timeoutSeconds
    }
}

public enum ProcessRunnerError: Error, CustomStringConvertible {
    case spawnerMissing(String)
    case spawnerFailed(String)

    public var description: String {
        switch self {
        case .spawnerMissing(let path):
            return "jitbench-spawn not found at \(path): build it with `swift build` (it is installed next to jitbench), or set JITBENCH_SPAWN"
        case .spawnerFailed(let why): return "jitbench-spawn failed: \(why)"
        }
    }
}

/// Runs processes one at a time through `jitbench-spawn` (Sources/jitbench-spawn/main.c), which waits
/// for the process and reports its rusage. Stdin is /dev/null; stdout and stderr go to scratch files,
/// so that a process printing a lot never blocks on a pipe nobody reads.
public struct ProcessRunner {
    public static let terminationGraceSeconds = 2

    public let spawner: URL
    public let scratch: ScratchDirectory

    public init(spawner: URL, scratch: ScratchDirectory) throws {
        guard FileManager.default.isExecutableFile(atPath: spawner.path) else {
            throw ProcessRunnerError.spawnerMissing(spawner.path)
        }
        self.spawner = spawner
        self.scratch = scratch
    }

    /// The spawner installed next to the running executable (jitbench, or the test bundle), unless
    /// JITBENCH_SPAWN names another.
    public static func locateSpawner() -> URL {
        if let path = ProcessInfo.processInfo.environment["JITBENCH_SPAWN"] {
            return URL(fileURLWithPath: path)
        }
        return RunningExecutable.directory.appendingPathComponent("jitbench-spawn")
    }

    public func run(_ request: ProcessRequest) throws -> ProcessOutcome {
        let stdoutFile = scratch.freshFile("stdout")
        let stderrFile = scratch.freshFile("stderr")
        let resultFile = scratch.freshFile("result")
        defer {
            for file in [stdoutFile, stderrFile, resultFile] { try? FileManager.default.removeItem(at: file) }
        }
        let spawnerArguments = [
            spawner.path, resultFile.path, String(request.timeoutSeconds), String(Self.terminationGraceSeconds),
        ] + request.arguments
        let status = try spawnAndWait(
            spawnerArguments, environment: mergedEnvironment(request.environment),
            stdout: stdoutFile.path, stderr: stderrFile.path)
        let stderr = (try? Data(contentsOf: stderrFile)) ?? Data()
        guard status == 0, let result = try? String(contentsOf: resultFile, encoding: .utf8) else {
            throw ProcessRunnerError.spawnerFailed(
                "exit status \(status): \(String(decoding: stderr, as: UTF8.self))")
        }
        var outcome = try SpawnerResult.parse(result)
        outcome.stdout = (try? Data(contentsOf: stdoutFile)) ?? Data()
        outcome.stderr = stderr
        return outcome
    }

    private func mergedEnvironment(_ overrides: [String: String]) -> [String] {
        ProcessInfo.processInfo.environment.merging(overrides) { _, override in override }
            .map { "\($0.key)=\($0.value)" }
    }

    /// Spawns the spawner itself and waits for it; returns its exit status.
    private func spawnAndWait(_ arguments: [String], environment: [String], stdout: String, stderr: String)
        throws -> Int32
    {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

        let argv = CStringArray(arguments)
        let envp = CStringArray(environment)
        var pid: pid_t = 0
        let error = posix_spawn(&pid, arguments[0], &actions, nil, argv.pointers, envp.pointers)
        guard error == 0 else { throw ProcessRunnerError.spawnerFailed(String(cString: strerror(error))) }
        Interruption.setRunningSpawner(pid)
        defer { Interruption.setRunningSpawner(0) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 {
            guard errno == EINTR else { throw ProcessRunnerError.spawnerFailed("waitpid: errno \(errno)") }
        }
        let signalNumber = status & 0x7f
        return signalNumber == 0 ? (status >> 8) & 0xff : 128 + signalNumber
    }
}

/// The one line of key=value pairs that jitbench-spawn writes to its result file.
enum SpawnerResult {
    static func parse(_ line: String) throws -> ProcessOutcome {
        var fields: [String: String] = [:]
        for pair in line.split(whereSeparator: \.isWhitespace) {
            let parts = pair.split(separator: "=", maxSplits: 1)
            if parts.count == 2 { fields[String(parts[0])] = String(parts[1]) }
        }
        func number(_ key: String) throws -> Double {
            guard let text = fields[key], let value = Double(text) else {
                throw ProcessRunnerError.spawnerFailed("result has no \(key): \(line)")
            }
            return value
        }
        let termination: Termination
        if try number("spawn_errno") != 0 {
            termination = .couldNotStart(String(cString: strerror(Int32(try number("spawn_errno")))))
        } else if try number("timed_out") != 0 {
            termination = .timedOut
        } else if try number("signal") != 0 {
            termination = .signaled(Int32(try number("signal")))
        } else {
            termination = .exited(Int32(try number("exit_code")))
        }
        return ProcessOutcome(
            termination: termination, stdout: Data(), stderr: Data(),
            wallSeconds: try number("wall_seconds"), userSeconds: try number("user_seconds"),
            systemSeconds: try number("sys_seconds"), peakRSSBytes: Int(try number("max_rss_kib")) * 1024)
    }
}

/// A NULL-terminated array of C strings that lives as long as this value.
private final class CStringArray {
    let pointers: [UnsafeMutablePointer<CChar>?]

    init(_ strings: [String]) { pointers = strings.map { strdup($0) } + [nil] }

    deinit { pointers.forEach { free($0) } }
}
