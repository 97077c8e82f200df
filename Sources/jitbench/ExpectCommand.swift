import ArgumentParser
import Foundation
import Harness

/// `jitbench expect`: writes each program's NAME.expected from a CPython run (PYTHONHASHSEED=0) and
/// lists the files that changed, so that a reviewer sees every change of expected behaviour.
struct ExpectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "expect", abstract: "Writes each program's expected output, as CPython (python3) prints it.")

    @Argument(help: "Programs or directories of programs.")
    var paths: [String] = ["corpus"]

    func run() throws {
        try CommandFailure.exitingWith {
            let programs = try Corpus.programs(at: paths)
            let launcher = try Launcher(jitbench: RunningExecutable.url)
            let cpython = try EngineCatalog(declarations: []).engine(named: "cpython")
            let availability = launcher.availability(of: cpython)
            guard availability.available else {
                CommandFailure.printError("jitbench: cpython is needed to write expected outputs: \(availability.reason ?? "")")
                return CommandFailure.badInput
            }
            var changed = 0
            var failed = 0
            for program in programs {
                let outcome = try launcher.runOnce(cpython, program)
                guard case .exited(let status) = outcome.termination else {
                    CommandFailure.printError("\(program.id): not written: python3 \(ComparedOutput(outcome).ending)")
                    failed += 1
                    continue
                }
                let expected = ExpectedOutput(
                    stdout: outcome.stdout, exitStatus: status, stderrLastLine: ExpectedOutput.lastLine(of: outcome.stderr))
                if try ExpectedOutputFile.write(expected, for: program) {
                    print("changed: \(Program.display(program.expectedOutputPath))")
                    changed += 1
                }
            }
            print("\(programs.count) programs: \(changed) expected files changed, \(failed) not written")
            return failed > 0 ? CommandFailure.failures : 0
        }
    }
}
