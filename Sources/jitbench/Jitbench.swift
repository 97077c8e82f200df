import ArgumentParser

@main
struct Jitbench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jitbench",
        abstract: "Runs Python programs under several engines, checks their outputs agree and measures them.",
        discussion: "See docs/HARNESS.md.",
        subcommands: [
            RunCommand.self, DiffCommand.self, ExpectCommand.self, CompareCommand.self, ExecCommand.self,
            DisCommand.self,
        ])
}
