import Foundation

/// The JSON report: the source of truth of a `jitbench run`, from which every other view is generated.
/// docs/REPORT.md documents each field; change `schemaVersion` with any change of meaning.
public struct Report: Codable, Sendable {
    public static let schemaName = "jitbench-report"
    public static let schemaVersion = 1

    public var schema = Report.schemaName
    public var schemaVersion = Report.schemaVersion
    /// True when the run was interrupted: programs or engines after the interruption were not run.
    public var partial: Bool
    public var startedAt: String
    public var finishedAt: String
    public var settings: RunSettings
    public var machine: MachineInfo
    public var engines: [EngineInfo]
    public var programs: [ProgramResult]
    public var summary: SuiteSummary
}

public struct RunSettings: Codable, Sendable {
    public var commandLine: [String]
    public var paths: [String]
    /// Fresh processes per program and engine.
    public var processes: Int
    /// Iterations of the module body per process (command engines always run one).
    public var iterations: Int
    public var quick: Bool
    /// Seeds the engine order and the bootstrap.
    public var seed: UInt64
    /// The engine whose speedup is reported (normally jit) and the engines it is compared with.
    public var subject: String
    public var baselines: [String]

    public init(
        commandLine: [String], paths: [String], processes: Int, iterations: Int, quick: Bool, seed: UInt64,
        subject: String, baselines: [String]
    ) {
        self.commandLine = commandLine
        self.paths = paths
        self.processes = processes
        self.iterations = iterations
        self.quick = quick
        self.seed = seed
        self.subject = subject
        self.baselines = baselines
    }
}

public struct MachineInfo: Codable, Sendable {
    public var hostname: String
    public var cpuModel: String
    public var cpuCount: Int
    public var memoryBytes: UInt64
    public var kernel: String
    public var operatingSystem: String
    public var commit: String?
    public var commitDirty: Bool?
    /// Environment variables set for every engine (the hash seed).
    public var engineEnvironment: [String: String]
}

public struct EngineInfo: Codable, Sendable {
    public var name: String
    public var kind: Engine.Kind
    public var available: Bool
    public var version: String?
    /// Why the engine is missing.
    public var missingReason: String?
    /// The command line of a measured run, with {program}, {iterations} and {stats_file} placeholders.
    public var command: [String]
    public var supportsIterations: Bool
}

public struct ProgramResult: Codable, Sendable {
    public var id: String
    public var category: String
    public var path: String
    public var description: String
    public var timeoutSeconds: Double
    public var hasExpectedOutput: Bool
    public var engines: [EngineResult]
    /// The subject against each baseline, when both ran correctly.
    public var comparisons: [EngineComparison]

    public func engine(_ name: String) -> EngineResult? { engines.first { $0.engine == name } }
}

public struct EngineResult: Codable, Sendable {
    public var engine: String
    /// ok only if every process was ok; otherwise the first failure.
    public var status: RunStatus
    /// A one-line account of a failure, or why the engine is missing.
    public var detail: String?
    /// The signal of a crash.
    public var signal: Int32?
    public var processes: [ProcessRecord]
    /// Derived from `processes`; absent unless status is ok (no timing for a wrong output).
    public var summary: EngineSummary?
}

/// One process: the raw measurements.
public struct ProcessRecord: Codable, Sendable {
    /// 0-based index among this engine's processes for this program.
    public var process: Int
    /// 0-based position of this process in the whole run's order (engines are interleaved randomly).
    public var sequence: Int
    public var status: RunStatus
    public var exitCode: Int32?
    public var signal: Int32?
    public var wallSeconds: Double
    public var userSeconds: Double
    public var systemSeconds: Double
    public var peakRssBytes: Int
    /// Seconds of each iteration, in order; for an engine without iterations, the process wall time.
    public var iterationSeconds: [Double]
    /// "stats_file" (the engine timed its iterations) or "process_wall" (the harness timed the process).
    public var timingSource: String
    public var counters: [String: Double]
}

public struct EngineSummary: Codable, Sendable {
    /// The headline time: steady state when there is one, else first iteration.
    public var time: Estimate
    public var timeBasis: String
    /// Median and interval of each process's first iteration.
    public var firstIteration: Estimate
    /// Median and interval of all iterations after the first; absent with one iteration per process.
    public var steadyState: Estimate?
    /// Median and maximum over processes of the peak RSS.
    public var peakRssBytes: Int
    public var maxPeakRssBytes: Int
    /// Outliers among the samples `time` was computed from (indices into that sample list).
    public var outliers: OutlierFlags
    /// Median over processes of each counter the engine reported.
    public var counters: [String: Double]
    /// Median over processes of each iteration's time, by iteration index: the warm-up curve.
    public var warmupCurve: [Double]
}

public struct EngineComparison: Codable, Sendable {
    public var baseline: String
    public var subject: String
    /// Baseline time / subject time (above 1: the subject is faster), with a bootstrap interval.
    public var speedup: Estimate
    /// Speedup computed on first iterations only.
    public var firstIterationSpeedup: Estimate
    /// (subject peak RSS / baseline peak RSS - 1) x 100.
    public var memoryOverheadPercent: Double
}

public struct SuiteSummary: Codable, Sendable {
    public var overall: [SuiteFigure]
    /// By category name, in category order.
    public var categories: [CategorySummary]
}

public struct CategorySummary: Codable, Sendable {
    public var category: String
    public var figures: [SuiteFigure]
}

/// Geometric means over the programs where the subject and the baseline both ran correctly.
public struct SuiteFigure: Codable, Sendable {
    public var baseline: String
    public var subject: String
    public var programs: Int
    public var geometricMeanSpeedup: Estimate
    /// (geometric mean of subject/baseline peak RSS - 1) x 100.
    public var geometricMeanMemoryOverheadPercent: Double
}
