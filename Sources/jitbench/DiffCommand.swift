import ArgumentParser
import Foundation
import Harness

/// `jitbench diff`: correctness only. Every selected engine runs every program once; any divergence
/// from the expected output (or, without one, between engines) is printed and makes the exit status 1.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff", abstract: "Checks that every engine's output matches the expected output (no timing).")

    static let defaultEngines = ["interp", "jit", "jit-eager", "jit-one-version", "gc-stress"]

    @Argument(help: "Programs or directories of programs.")
    var paths: [String] = ["corpus"]

    @OptionGroup var engineOptions: EngineOptions

    @Option(help: "Also write the results as JUnit XML to this file.")
    var junit: String?

    func run() throws {
        try CommandFailure.exitingWith {
            let programs = try Corpus.programs(at: paths)
            let engines = try engineOptions.selected(defaults: Self.defaultEngines)
            let launcher = try Launcher(jitbench: RunningExecutable.url)
            let progress = ProgressDisplay(total: programs.count * engines.count)
            let check = CorrectnessCheck(
                launcher: launcher, engines: engines, availability: probe(engines, with: launcher, progress: progress))
            var checks: [ProgramCheck] = []
            for program in programs {
                progress.begin(program.id, engines.map(\.name).joined(separator: ","))
                let result = try check.check(program)
                for verdict in result.verdicts {
                    progress.end(program.id, verdict.engine, status: verdict.status, outcome: verdict.status.rawValue)
                }
                result.divergences.forEach { progress.say($0.rendered) }
                checks.append(result)
            }
            progress.finish()
            if let junit { try Data(JUnitReport.render(checks).utf8).write(to: URL(fileURLWithPath: junit), options: .atomic) }
            print(Self.summary(checks))
            return checks.flatMap(\.verdicts).contains { $0.status.isFailure } ? CommandFailure.failures : 0
        }
    }

    static func summary(_ checks: [ProgramCheck]) -> String {
        let verdicts = checks.flatMap(\.verdicts)
        let counts = RunStatus.allCases.compactMap { status -> String? in
            let count = verdicts.filter { $0.status == status }.count
            return count == 0 ? nil : "\(count) \(status.rawValue)"
        }
        let divergent = checks.filter { !$0.divergences.isEmpty }.count
        var lines = ["\(checks.count) programs: \(counts.joined(separator: ", ")); \(divergent) with divergences"]
        let unchecked = checks.filter { !$0.hasExpectedOutput }.count
        if unchecked > 0 { lines.append("\(unchecked) programs have no .expected file: run `jitbench expect`") }
        if verdicts.allSatisfy({ $0.status == .missing }) { lines.append("no engine was available: nothing was compared") }
        return lines.joined(separator: "\n")
    }
}
