import Foundation

/// Derives every figure of a report from its raw process records. `jitbench compare` and any reader of
/// the JSON can recompute the same figures from the same records with the same seed.
public enum ReportSummary {
    /// The summary of an engine whose processes were all ok.
    public static func summarize(_ processes: [ProcessRecord]) -> EngineSummary {
        let first = processes.map { $0.iterationSeconds[0] }
        let steady = processes.flatMap { $0.iterationSeconds.dropFirst() }
        let headline = steady.isEmpty ? first : steady
        let peaks = processes.map(\.peakRssBytes)
        return EngineSummary(
            time: Statistics.medianWithInterval(headline),
            timeBasis: steady.isEmpty ? "first_iteration" : "steady_state",
            firstIteration: Statistics.medianWithInterval(first),
            steadyState: steady.isEmpty ? nil : Statistics.medianWithInterval(steady),
            peakRssBytes: Int(Statistics.median(peaks.map(Double.init))),
            maxPeakRssBytes: peaks.max() ?? 0,
            outliers: OutlierFlags(headline),
            counters: medianCounters(processes),
            warmupCurve: warmupCurve(processes))
    }

    /// The samples an engine's headline time comes from: steady-state iterations when there are any.
    public static func headlineSamples(_ processes: [ProcessRecord]) -> [Double] {
        let steady = processes.flatMap { $0.iterationSeconds.dropFirst() }
        return steady.isEmpty ? processes.map { $0.iterationSeconds[0] } : steady
    }

    public static func compare(
        _ subject: EngineResult, against baseline: EngineResult, seed: UInt64
    ) -> EngineComparison? {
        guard let subjectSummary = subject.summary, let baselineSummary = baseline.summary else { return nil }
        let speedup = Bootstrap.geometricMeanOfRatios(
            [.init(numerator: headlineSamples(baseline.processes), denominator: headlineSamples(subject.processes))],
            seed: seed)
        let firstIterationSpeedup = Bootstrap.geometricMeanOfRatios(
            [.init(numerator: baseline.processes.map { $0.iterationSeconds[0] },
                   denominator: subject.processes.map { $0.iterationSeconds[0] })],
            seed: seed)
        let memoryRatio = Double(subjectSummary.peakRssBytes) / Double(max(1, baselineSummary.peakRssBytes))
        return EngineComparison(
            baseline: baseline.engine, subject: subject.engine, speedup: speedup,
            firstIterationSpeedup: firstIterationSpeedup, memoryOverheadPercent: (memoryRatio - 1) * 100)
    }

    /// The subject's comparisons with each baseline, for one program.
    public static func comparisons(_ engines: [EngineResult], settings: RunSettings) -> [EngineComparison] {
        guard let subject = engines.first(where: { $0.engine == settings.subject }) else { return [] }
        return settings.baselines.compactMap { name in
            engines.first { $0.engine == name }.flatMap { compare(subject, against: $0, seed: settings.seed) }
        }
    }

    public static func suite(_ programs: [ProgramResult], settings: RunSettings) -> SuiteSummary {
        let categories = Array(Set(programs.map(\.category))).sorted()
        return SuiteSummary(
            overall: figures(programs, settings: settings),
            categories: categories.map { category in
                CategorySummary(category: category, figures: figures(programs.filter { $0.category == category }, settings: settings))
            })
    }

    private static func figures(_ programs: [ProgramResult], settings: RunSettings) -> [SuiteFigure] {
        settings.baselines.compactMap { baseline in
            let compared = programs.compactMap { program in
                speedupSamples(program, baseline: baseline, subject: settings.subject).map { (program, $0) }
            }
            guard !compared.isEmpty else { return nil }
            let memoryRatios = compared.flatMap { program, _ in
                program.comparisons.filter { $0.baseline == baseline }.map { 1 + $0.memoryOverheadPercent / 100 }
            }
            return SuiteFigure(
                baseline: baseline, subject: settings.subject, programs: compared.count,
                geometricMeanSpeedup: Bootstrap.geometricMeanOfRatios(compared.map(\.1), seed: settings.seed),
                geometricMeanMemoryOverheadPercent: (Statistics.geometricMean(memoryRatios) - 1) * 100)
        }
    }

    /// The baseline's and the subject's samples on a program where they were compared.
    private static func speedupSamples(_ program: ProgramResult, baseline: String, subject: String) -> Bootstrap.Pair? {
        guard program.comparisons.contains(where: { $0.baseline == baseline }),
              let baselineResult = program.engine(baseline), let subjectResult = program.engine(subject)
        else { return nil }
        return Bootstrap.Pair(
            numerator: headlineSamples(baselineResult.processes), denominator: headlineSamples(subjectResult.processes))
    }

    private static func medianCounters(_ processes: [ProcessRecord]) -> [String: Double] {
        let keys = Set(processes.flatMap(\.counters.keys))
        return Dictionary(uniqueKeysWithValues: keys.map { key in
            (key, Statistics.median(processes.compactMap { $0.counters[key] }))
        })
    }

    private static func warmupCurve(_ processes: [ProcessRecord]) -> [Double] {
        let length = processes.map(\.iterationSeconds.count).max() ?? 0
        return (0..<length).map { index in
            Statistics.median(processes.compactMap { $0.iterationSeconds.indices.contains(index) ? $0.iterationSeconds[index] : nil })
        }
    }
}
