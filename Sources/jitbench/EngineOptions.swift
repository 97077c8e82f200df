import ArgumentParser
import Harness

/// The options that choose engines, shared by run and diff.
struct EngineOptions: ParsableArguments {
    @Option(help: "Comma-separated engines to run (default depends on the command; declared engines are added).")
    var engines: String?

    @Option(
        name: .customLong("engine-cmd"),
        help: ArgumentHelp(
            "Declares an engine as a shell command with a {program} placeholder, e.g. 'mine=python3 -X dev {program}'.",
            valueName: "NAME=COMMAND"))
    var engineCommands: [String] = []

    @Option(
        name: .customLong("engine-file"),
        help: ArgumentHelp("Declares the engines listed in a file, one NAME=COMMAND a line ('#' starts a comment).", valueName: "FILE"))
    var engineFiles: [String] = []

    func selected(defaults: [String]) throws -> [Engine] {
        let declarations = try engineFiles.flatMap(EngineCatalog.declarations(inFile:)) + engineCommands
        return try EngineCatalog(declarations: declarations).select(engines, defaults: defaults)
    }
}

/// Probes each engine once and says which are missing (not a failure: they are reported as such).
func probe(_ engines: [Engine], with launcher: Launcher, progress: ProgressDisplay) -> [String: EngineAvailability] {
    var availability: [String: EngineAvailability] = [:]
    for engine in engines {
        let found = launcher.availability(of: engine)
        availability[engine.name] = found
        if !found.available { progress.say("\(engine.name): missing (\(found.reason ?? "unavailable"))") }
    }
    return availability
}
