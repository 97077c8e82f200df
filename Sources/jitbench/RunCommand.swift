import ArgumentParser
import Foundation
import Harness

/// `jitbench run`: measures every program under every engine and writes the reports.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Measures every program under every engine and writes reports/.")

    static let defaultEngines = ["interp", "jit", "cpython"]

    @Argument(help: "Programs or directories of programs.")
    var paths: [String] = ["corpus"]

    @OptionGroup var engineOptions: EngineOptions

    @Option(help: "Fresh processes per program and engine.")
    var processes = 5

    @Option(help: "Iterations of the program in each process (the first is reported apart, as warm-up).")
    var iterations = 5

    @Flag(help: "One process of one iteration per program and engine (for CI).")
    var quick = false

    @Option(help: "Seed of the engine order and of the bootstrap.")
    var seed: UInt64 = Bootstrap.defaultSeed

    @Option(help: "The engine whose speedup and memory overhead are reported.")
    var subject = "jit"

    @Option(help: "Comma-separated engines the subject is compared with.")
    var baselines = "interp,cpython"

    @Option(help: "Where the reports are written.")
    var outputDirectory = "reports"

    func validate() throws {
        guard processes >= 1, iterations >= 1 else { throw ValidationError("--processes and --iterations must be at least 1") }
    }

    func run() throws {
        try CommandFailure.exitingWith {
            let programs = try Corpus.programs(at: paths)
            let engines = try engineOptions.selected(defaults: Self.defaultEngines)
            let launcher = try Launcher(jitbench: RunningExecutable.url)
            Interruption.install()
            let settings = RunSettings(
                commandLine: CommandLine.arguments, paths: paths, processes: quick ? 1 : processes,
                iterations: quick ? 1 : iterations, quick: quick, seed: seed, subject: subject,
                baselines: baselines.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
            let messages = ProgressDisplay(total: 0)
            for name in [subject] + settings.baselines where !engines.contains(where: { $0.name == name }) {
                messages.say("note: \(name) is not among the engines run, so no speedup involves it")
            }
            let availability = probe(engines, with: launcher, progress: messages)
            let progress = ProgressDisplay(total: BenchmarkSession.plannedProcesses(
                programs: programs.count, engines: engines, availability: availability, processes: settings.processes))
            let session = BenchmarkSession(
                launcher: launcher, engines: engines, availability: availability, settings: settings, progress: progress)
            let report = session.run(programs)
            progress.finish()
            let written = try ReportFiles.writeKeepingMeasurements(report, to: URL(fileURLWithPath: outputDirectory))
            print(ReportMarkdown.summaryLine(report))
            print("wrote " + written.map { Program.display($0) }.joined(separator: ", "))
            if report.partial { return CommandFailure.interrupted }
            return report.programs.flatMap(\.engines).contains { $0.status.isFailure } ? CommandFailure.failures : 0
        }
    }
}
