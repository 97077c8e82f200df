import Foundation

/// `jitbench run`: every program under every engine, in fresh processes, engines interleaved in a
/// random (seeded) order within each round, so that drift of the machine over time (thermal, other
/// load) spreads over all engines instead of favouring whichever ran first.
public final class BenchmarkSession {
    private let launcher: Launcher
    private let engines: [Engine]
    private let availability: [String: EngineAvailability]
    private let settings: RunSettings
    private let progress: ProgressDisplay?
    private var generator: SplitMix64
    private var sequence = 0

    public init(
        launcher: Launcher, engines: [Engine], availability: [String: EngineAvailability], settings: RunSettings,
        progress: ProgressDisplay?
    ) {
        self.launcher = launcher
        self.engines = engines
        self.availability = availability
        self.settings = settings
        self.progress = progress
        generator = SplitMix64(seed: settings.seed)
    }

    /// The number of processes `run` starts at most, for progress estimates.
    public static func plannedProcesses(programs: Int, engines: [Engine], availability: [String: EngineAvailability], processes: Int) -> Int {
        programs * processes * engines.filter { availability[$0.name]?.available ?? true }.count
    }

    /// Runs everything, unless interrupted (Interruption), and returns the report; a report of an
    /// interrupted run holds what was measured before and says it is partial. Nothing here throws: a
    /// problem with one program (a malformed expected file, a process that cannot be spawned) is
    /// recorded as that program's error, and the others are still measured.
    public func run(_ programs: [Program]) -> Report {
        let startedAt = Self.timestamp()
        let results = programs.map(measure)
        let interrupted = Interruption.requested
        return Report(
            partial: interrupted, startedAt: startedAt, finishedAt: Self.timestamp(), settings: settings,
            machine: MachineMetadata.collect(), engines: engineInfo(),
            programs: results, summary: ReportSummary.suite(results, settings: settings))
    }

    private func measure(_ program: Program) -> ProgramResult {
        var states = engines.map { EngineState(engine: $0, availability: availability[$0.name]) }
        let expected: ExpectedOutput?
        do {
            expected = try ExpectedOutputFile.read(for: program)
        } catch {
            expected = nil
            for index in states.indices { states[index].harnessError = "\(error)" }
        }
        for _ in 0..<settings.processes {
            for index in Array(states.indices).shuffled(using: &generator) where states[index].wantsAnotherProcess {
                guard !Interruption.requested else { break }
                do {
                    try runProcess(of: &states[index], program: program, expected: expected)
                } catch {
                    states[index].harnessError = "\(error)"
                    progress?.say("\(program.id) \(states[index].engine.name): \(error)")
                }
            }
        }
        var engineResults = states.map { $0.result() }
        for index in engineResults.indices where engineResults[index].status == .ok {
            engineResults[index].summary = ReportSummary.summarize(engineResults[index].processes)
        }
        return ProgramResult(
            id: program.id, category: program.category, path: program.displayPath, description: program.description,
            timeoutSeconds: program.timeoutSeconds, hasExpectedOutput: expected != nil, engines: engineResults,
            comparisons: ReportSummary.comparisons(engineResults, settings: settings))
    }

    private func runProcess(of state: inout EngineState, program: Program, expected: ExpectedOutput?) throws {
        let engine = state.engine
        let iterations = engine.supportsIterations ? settings.iterations : 1
        progress?.begin(program.id, engine.name)
        let measurement = try launcher.measure(engine, program, iterations: iterations)
        // An interrupted process is not a crash of the engine: its run is discarded.
        guard !Interruption.requested else { return }
        let outcome = measurement.outcome
        let timings = measurement.stats.iterationSeconds
        let divergence = expected.flatMap {
            Divergence.between(
                OutputCheck.expectation($0, iterations: iterations, completed: timings.count), ComparedOutput(outcome),
                program: program.id, leftLabel: "expected", rightLabel: engine.name)
        }
        let status = OutputCheck.status(of: outcome, matches: divergence, expected: expected)
        let detail = OutputCheck.detail(of: outcome, divergence: divergence)
        // A program that ends its process itself (an exception, sys.exit) completes fewer iterations
        // than asked: its one timing is the process's.
        let timedByEngine = timings.count == iterations
        state.record(ProcessRecord(
            process: state.processes.count, sequence: sequence, status: status,
            exitCode: outcome.termination.exitCode, signal: outcome.termination.signal,
            wallSeconds: outcome.wallSeconds, userSeconds: outcome.userSeconds, systemSeconds: outcome.systemSeconds,
            peakRssBytes: outcome.peakRSSBytes,
            iterationSeconds: timedByEngine ? timings : [outcome.wallSeconds],
            timingSource: timedByEngine ? "stats_file" : "process_wall",
            counters: measurement.stats.counters),
            detail: detail)
        sequence += 1
        let shown = status == .ok ? String(format: "ok %.3f s", outcome.wallSeconds) : "\(status.rawValue): \(detail ?? "")"
        progress?.end(program.id, engine.name, status: status, outcome: shown)
    }

    private func engineInfo() -> [EngineInfo] {
        // Placeholders stand for per-run paths; as absolute paths they pass through URL unchanged.
        func placeholder(_ name: String) -> URL { URL(fileURLWithPath: "/{\(name)}") }
        return engines.map { engine in
            let found = availability[engine.name]
            let command = engine.arguments(
                program: placeholder("program"), iterations: engine.supportsIterations ? settings.iterations : 1,
                statsFile: engine.supportsIterations ? placeholder("stats_file") : nil,
                jitbench: launcher.jitbench, pythonDriver: placeholder("python_driver"))
            return EngineInfo(
                name: engine.name, kind: engine.kind, available: found?.available ?? true, version: found?.version,
                missingReason: found?.reason, command: command.map { $0.replacingOccurrences(of: "/{", with: "{") },
                supportsIterations: engine.supportsIterations)
        }
    }

    static func timestamp() -> String { ISO8601DateFormatter().string(from: Date()) }
}

/// What has been measured so far of one engine on one program.
private struct EngineState {
    let engine: Engine
    let missingReason: String?
    var processes: [ProcessRecord] = []
    var detail: String?
    /// Why the harness itself could not run or judge this engine on this program.
    var harnessError: String?

    init(engine: Engine, availability: EngineAvailability?) {
        self.engine = engine
        missingReason = availability.flatMap { $0.available ? nil : ($0.reason ?? "unavailable") }
    }

    /// A missing engine runs nothing, and one that failed once is not run again on this program (a
    /// crash or a hang would only repeat, and cost the whole timeout again).
    var wantsAnotherProcess: Bool {
        missingReason == nil && harnessError == nil && !processes.contains { $0.status.isFailure }
    }

    mutating func record(_ process: ProcessRecord, detail: String?) {
        processes.append(process)
        if process.status.isFailure && self.detail == nil { self.detail = detail }
    }

    func result() -> EngineResult {
        if let missingReason {
            return EngineResult(engine: engine.name, status: .missing, detail: missingReason, processes: [])
        }
        if let harnessError {
            return EngineResult(engine: engine.name, status: .error, detail: harnessError, processes: processes)
        }
        let failure = processes.first { $0.status.isFailure }
        let status = failure?.status ?? processes.first?.status ?? .notRun
        return EngineResult(engine: engine.name, status: status, detail: detail, signal: failure?.signal, processes: processes)
    }
}
