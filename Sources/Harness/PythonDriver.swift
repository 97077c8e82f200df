import Foundation

/// The program that lets CPython and PyPy follow the iterations protocol (docs/HARNESS.md): it compiles
/// the program once, then executes its module body N times, each in a fresh `__main__` namespace, and
/// writes one JSON line per iteration to the stats file. An exception or SystemExit ends the process
/// as it would end the program.
enum PythonDriver {
    static let source = #"""
    import json, os, sys, time

    def main():
        iterations, stats_path, program = int(sys.argv[1]), sys.argv[2], sys.argv[3]
        with open(program, "rb") as source_file:
            code = compile(source_file.read(), program, "exec")
        sys.argv = sys.argv[3:]
        sys.path[0] = os.path.dirname(os.path.abspath(program))
        with open(stats_path, "w") as stats:
            for iteration in range(1, iterations + 1):
                namespace = {"__name__": "__main__", "__file__": program}
                start = time.perf_counter()
                exec(code, namespace)
                seconds = time.perf_counter() - start
                stats.write(json.dumps({"iteration": iteration, "seconds": seconds}) + "\n")
                stats.flush()

    main()
    """#

    /// Writes the driver into the scratch directory and returns its path.
    static func install(in scratch: ScratchDirectory) throws -> URL {
        let url = scratch.url.appendingPathComponent("jitbench_driver.py")
        try Data(source.utf8).write(to: url)
        return url
    }
}
