import Foundation

/// `jitbench compare OLD NEW`: per program and engine, how time and memory changed, and whether the
/// change is real. A change is significant when the Mann-Whitney U test rejects "same distribution"
/// at 5 % and the bootstrap interval of the ratio of medians excludes 1: the test guards against noise,
/// the interval says by how much.
public struct ReportComparison {
    public enum Verdict: String, Sendable {
        case faster, slower
        case unchanged = "no significant change"
    }

    public struct Change: Sendable {
        public var program: String
        public var engine: String
        /// New median time / old median time (below 1: faster).
        public var timeRatio: Estimate
        public var timeTest: MannWhitneyU
        public var verdict: Verdict
        /// New median peak RSS / old.
        public var memoryRatio: Double
        public var memoryTest: MannWhitneyU
        /// The samples compared: new times over old.
        public var times: Bootstrap.Pair
    }

    public struct EngineMean: Sendable {
        public var engine: String
        public var programs: Int
        /// Geometric mean over programs of new time / old time.
        public var timeRatio: Estimate
        public var memoryRatio: Double
    }

    public var changes: [Change] = []
    public var means: [EngineMean] = []
    /// Program and engine pairs measured in only one of the two reports, or not ok in one.
    public var notCompared: [String] = []

    public init(old: Report, new: Report, seed: UInt64 = Bootstrap.defaultSeed) {
        for newProgram in new.programs {
            guard let oldProgram = old.programs.first(where: { $0.id == newProgram.id }) else {
                notCompared.append("\(newProgram.id): only in the new report")
                continue
            }
            for newResult in newProgram.engines {
                guard let oldResult = oldProgram.engine(newResult.engine) else { continue }
                guard oldResult.summary != nil, newResult.summary != nil else {
                    notCompared.append("\(newProgram.id) \(newResult.engine): \(oldResult.status.rawValue) → \(newResult.status.rawValue)")
                    continue
                }
                changes.append(Self.change(newProgram.id, oldResult, newResult, seed: seed))
            }
        }
        means = Self.means(changes, seed: seed)
    }

    private static func change(_ program: String, _ old: EngineResult, _ new: EngineResult, seed: UInt64) -> Change {
        let oldTimes = ReportSummary.headlineSamples(old.processes)
        let newTimes = ReportSummary.headlineSamples(new.processes)
        let times = Bootstrap.Pair(numerator: newTimes, denominator: oldTimes)
        let ratio = Bootstrap.geometricMeanOfRatios([times], seed: seed)
        let test = MannWhitneyU(oldTimes, newTimes)
        let verdict: Verdict = test.isSignificant && ratio.excludes(1) ? (ratio.value < 1 ? .faster : .slower) : .unchanged
        let oldPeaks = old.processes.map { Double($0.peakRssBytes) }
        let newPeaks = new.processes.map { Double($0.peakRssBytes) }
        return Change(
            program: program, engine: new.engine, timeRatio: ratio, timeTest: test, verdict: verdict,
            memoryRatio: Statistics.median(newPeaks) / max(1, Statistics.median(oldPeaks)),
            memoryTest: MannWhitneyU(oldPeaks, newPeaks), times: times)
    }

    private static func means(_ changes: [Change], seed: UInt64) -> [EngineMean] {
        let engines = Array(Set(changes.map(\.engine))).sorted()
        return engines.map { engine in
            let mine = changes.filter { $0.engine == engine }
            return EngineMean(
                engine: engine, programs: mine.count,
                timeRatio: Bootstrap.geometricMeanOfRatios(mine.map(\.times), seed: seed),
                memoryRatio: Statistics.geometricMean(mine.map(\.memoryRatio)))
        }
    }

    /// A Markdown table of the changes, then the geometric means.
    public func render() -> String {
        var lines = ["| program | engine | time new/old [95% CI] | p (Mann-Whitney) | verdict | memory new/old | p (memory) |",
                     "|---|---|---|---|---|---|---|"]
        lines += changes.map { change in
            "| \(ReportMarkdown.escape(change.program)) | \(ReportMarkdown.escape(change.engine)) | \(FigureFormat.ratio(change.timeRatio)) | "
                + String(format: "%.3g", change.timeTest.pValue) + " | \(change.verdict.rawValue) | "
                + String(format: "%.3f× | %.3g |", change.memoryRatio, change.memoryTest.pValue)
        }
        lines += ["", "| engine | programs | geometric-mean time new/old [95% CI] | geometric-mean memory new/old |", "|---|---|---|---|"]
        lines += means.map { mean in
            "| \(ReportMarkdown.escape(mean.engine)) | \(mean.programs) | \(FigureFormat.ratio(mean.timeRatio)) | " + String(format: "%.3f× |", mean.memoryRatio)
        }
        if !notCompared.isEmpty { lines += ["", "Not compared:"] + notCompared.map { "- " + ReportMarkdown.escape($0) } }
        return lines.joined(separator: "\n") + "\n"
    }
}
