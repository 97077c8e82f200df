import ArgumentParser
import Foundation
import Interpreter

/// `jitbench exec`: the single-program entry point that the built-in engines call (docs/HARNESS.md,
/// "The exec protocol"). The options are the contract with the harness. Until the JIT exists, the jit
/// engines run the reference interpreter, and their probe lines say so.
struct ExecCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exec", abstract: "Runs one program as `python3 PROGRAM.py` would, under one of our engines (the JIT by default).")

    static let engineNames = ["interp", "jit", "jit-eager", "jit-one-version"]

    @Option(help: "interp, jit (the default), jit-eager (threshold 0) or jit-one-version (one version per block).")
    var engine = "jit"

    @Flag(help: "Collect garbage at every allocation (the gc-stress engine).")
    var gcStress = false

    @Option(help: "Run the module body this many times, each in a fresh namespace.")
    var iterations = 1

    @Option(help: "Append one JSON line per iteration (and optionally the JIT's counters) to this file.")
    var statsFile: String?

    @Flag(help: "Exit 0 if this engine can run programs, printing one line about it; exit 1 otherwise.")
    var probe = false

    @Argument(parsing: .captureForPassthrough, help: "The program, then its arguments.")
    var program: [String] = []

    func validate() throws {
        guard Self.engineNames.contains(engine) else {
            throw ValidationError("unknown engine `\(engine)`; exec knows \(Self.engineNames.joined(separator: ", "))")
        }
        guard iterations >= 1 else { throw ValidationError("--iterations must be at least 1") }
        guard probe || !program.isEmpty else { throw ValidationError("give a program to run, or --probe") }
    }

    func run() throws {
        if probe {
            print(engine == "interp" ? "interp: jitbench reference interpreter" : "\(engine): JIT not built yet, runs the interpreter")
            return
        }
        var options = Program.Options(path: program[0], arguments: Array(program.dropFirst()))
        options.iterations = iterations
        options.statsFile = statsFile
        options.gcStress = gcStress
        let status = Program.run(options)
        if status != 0 { throw ExitCode(status) }
    }
}
