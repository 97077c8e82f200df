import ArgumentParser
import Interpreter

/// `jitbench dis PROGRAM.py`: the bytecode the interpreter runs and the JIT will compile.
struct DisCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dis", abstract: "Prints the bytecode of a program (docs/BYTECODE.md).")

    @Argument(help: "The program.")
    var program: String

    func run() throws {
        print(try Program.disassembly(path: program))
    }
}
