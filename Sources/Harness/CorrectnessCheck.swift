import Foundation

/// One engine's single run of a program, judged.
public struct EngineVerdict: Sendable {
    public var engine: String
    public var status: RunStatus
    /// A one-line account of a failure, or why the engine is missing.
    public var detail: String?
    public var outcome: ProcessOutcome?
}

/// Everything `jitbench diff` learned about one program.
public struct ProgramCheck: Sendable {
    public var program: Program
    public var hasExpectedOutput: Bool
    public var verdicts: [EngineVerdict]
    public var divergences: [Divergence]
}

/// Runs each selected engine once on a program and compares the outputs: each against the program's
/// expected output, or, when it has none yet, each against the first engine that ran (docs/HARNESS.md,
/// "Reading a divergence").
public struct CorrectnessCheck {
    public let launcher: Launcher
    public let engines: [Engine]
    public let availability: [String: EngineAvailability]

    public init(launcher: Launcher, engines: [Engine], availability: [String: EngineAvailability]) {
        self.launcher = launcher
        self.engines = engines
        self.availability = availability
    }

    public func check(_ program: Program) throws -> ProgramCheck {
        let expected = try ExpectedOutputFile.read(for: program)
        var verdicts: [EngineVerdict] = []
        var divergences: [Divergence] = []
        var reference: (label: String, output: ComparedOutput)? = expected.map { ("expected", ComparedOutput($0)) }
        for engine in engines {
            if let missing = availability[engine.name], !missing.available {
                verdicts.append(EngineVerdict(engine: engine.name, status: .missing, detail: missing.reason))
                continue
            }
            let outcome = try launcher.runOnce(engine, program)
            let output = ComparedOutput(outcome)
            guard let (label, referenceOutput) = reference else {
                reference = (engine.name, output)
                verdicts.append(verdict(engine, outcome, divergence: nil, expected: nil))
                continue
            }
            let divergence = Divergence.between(
                referenceOutput, output, program: program.id, leftLabel: label, rightLabel: engine.name)
            if let divergence { divergences.append(divergence) }
            verdicts.append(verdict(engine, outcome, divergence: divergence, expected: expected))
        }
        return ProgramCheck(
            program: program, hasExpectedOutput: expected != nil, verdicts: verdicts, divergences: divergences)
    }

    /// Without an expected output, the first engine is the reference: it is unchecked; the others are
    /// judged against it as if its output were the expected one.
    private func verdict(_ engine: Engine, _ outcome: ProcessOutcome, divergence: Divergence?, expected: ExpectedOutput?)
        -> EngineVerdict
    {
        var status = OutputCheck.status(of: outcome, matches: divergence, expected: expected)
        if expected == nil, status == .unchecked, divergence != nil { status = .wrongOutput }
        return EngineVerdict(
            engine: engine.name, status: status, detail: OutputCheck.detail(of: outcome, divergence: divergence),
            outcome: outcome)
    }
}
