import ArgumentParser
import Harness

/// `jitbench compare OLD.json NEW.json`: what changed between two runs, and whether it is significant.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare", abstract: "Per-program change in time and memory between two JSON reports.")

    @Argument(help: "The report to compare against.")
    var old: String

    @Argument(help: "The report to compare.")
    var new: String

    func run() throws {
        try CommandFailure.exitingWith {
            let comparison = ReportComparison(old: try ReportJSON.read(old), new: try ReportJSON.read(new))
            print(comparison.render(), terminator: "")
            return 0
        }
    }
}
