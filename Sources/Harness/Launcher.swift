import Foundation

/// Whether an engine can run programs here, found once per session (docs/HARNESS.md, "Engines").
public struct EngineAvailability: Sendable, Equatable {
    public var available: Bool
    /// The engine's own account of itself: a version, or what it runs instead ("jit: runs the interpreter").
    public var version: String?
    /// Why the engine is missing.
    public var reason: String?
}

/// One measured process of an engine on a program.
public struct Measurement: Sendable {
    public var outcome: ProcessOutcome
    public var stats: EngineStats
}

/// Starts engines on programs: the one place that knows the command lines, the environment, the
/// Python driver and the stats files.
public final class Launcher {
    private let runner: ProcessRunner
    public let jitbench: URL
    private let pythonDriver: URL

    /// `jitbench` is the executable whose `exec` subcommand runs the built-in engines.
    public init(jitbench: URL, spawner: URL = ProcessRunner.locateSpawner()) throws {
        let scratch = try ScratchDirectory()
        runner = try ProcessRunner(spawner: spawner, scratch: scratch)
        self.jitbench = jitbench
        pythonDriver = try PythonDriver.install(in: scratch)
    }

    public func availability(of engine: Engine) -> EngineAvailability {
        switch engine.kind {
        case .builtin: return probeBuiltin(engine)
        case .external: return probeExternal(engine)
        case .command: return EngineAvailability(available: true)
        }
    }

    /// Runs `program` once, as directly as the engine allows: the run whose output is compared.
    public func runOnce(_ engine: Engine, _ program: Program) throws -> ProcessOutcome {
        var outcome = try runner.run(ProcessRequest(
            arguments: engine.arguments(program: program.path, jitbench: jitbench, pythonDriver: pythonDriver),
            environment: Engine.environment, timeoutSeconds: program.timeoutSeconds))
        if engine.kind == .command { outcome.termination = Self.unwrappingShellStatus(outcome.termination) }
        return outcome
    }

    /// A command engine runs under /bin/sh, which reports a command killed by signal N as exit status
    /// 128+N; the harness takes it back to the signal, so that the engine's crash is recorded as a crash.
    static func unwrappingShellStatus(_ termination: Termination) -> Termination {
        guard case .exited(let status) = termination, status > 128, status <= 128 + 64 else { return termination }
        return .signaled(status - 128)
    }

    /// Runs `iterations` iterations of `program` in one process and collects the engine's stats file.
    /// A command engine runs one iteration and reports none (its time is the process's wall time).
    public func measure(_ engine: Engine, _ program: Program, iterations: Int) throws -> Measurement {
        guard engine.supportsIterations else {
            return Measurement(outcome: try runOnce(engine, program), stats: EngineStats())
        }
        let statsFile = runner.scratch.freshFile("stats.jsonl")
        defer { try? FileManager.default.removeItem(at: statsFile) }
        let arguments = engine.arguments(
            program: program.path, iterations: iterations, statsFile: statsFile,
            jitbench: jitbench, pythonDriver: pythonDriver)
        // A program given N iterations may take up to N times as long as its header's timeout allows one.
        let timeout = program.timeoutSeconds * Double(iterations)
        let outcome = try runner.run(ProcessRequest(
            arguments: arguments, environment: Engine.environment, timeoutSeconds: timeout))
        let stats = EngineStats.parse((try? Data(contentsOf: statsFile)) ?? Data())
        return Measurement(outcome: outcome, stats: stats)
    }

    private func probeBuiltin(_ engine: Engine) -> EngineAvailability {
        let arguments = [jitbench.path, "exec", "--probe"] + engine.definition
        guard let outcome = try? runner.run(ProcessRequest(arguments: arguments, timeoutSeconds: 30)) else {
            return EngineAvailability(available: false, reason: "could not run \(jitbench.lastPathComponent) exec --probe")
        }
        if outcome.termination == .exited(0) {
            return EngineAvailability(available: true, version: Self.firstLine(outcome.stdout))
        }
        let reason = ExpectedOutput.lastLine(of: outcome.stderr)
        return EngineAvailability(available: false, reason: reason.isEmpty ? "exec --probe failed" : reason)
    }

    private func probeExternal(_ engine: Engine) -> EngineAvailability {
        let executable = engine.definition[0]
        guard ExecutableSearch.find(executable) != nil else {
            return EngineAvailability(available: false, reason: "\(executable) not found on PATH")
        }
        let outcome = try? runner.run(ProcessRequest(arguments: [executable, "--version"], timeoutSeconds: 30))
        guard let outcome, outcome.termination == .exited(0) else {
            return EngineAvailability(available: false, reason: "\(executable) --version failed")
        }
        // CPython prints its version on stdout, older ones and PyPy partly on stderr.
        let version = String(decoding: outcome.stdout + outcome.stderr, as: UTF8.self)
            .split(whereSeparator: \.isNewline).joined(separator: " ")
        return EngineAvailability(available: true, version: version)
    }

    private static func firstLine(_ data: Data) -> String? {
        String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline).first.map(String.init)
    }
}

/// The PATH lookup a shell would do.
enum ExecutableSearch {
    static func find(_ name: String) -> URL? {
        if name.contains("/") { return FileManager.default.isExecutableFile(atPath: name) ? URL(fileURLWithPath: name) : nil }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":")
            .map { URL(fileURLWithPath: String($0)).appendingPathComponent(name) }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }
}
