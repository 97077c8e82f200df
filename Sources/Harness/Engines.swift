import Foundation

/// A named way to run a program (docs/HARNESS.md, "Engines").
public struct Engine: Sendable, Equatable {
    public enum Kind: String, Sendable, Codable {
        /// Runs `jitbench exec --engine ...`: our interpreter, JIT and their stress variants.
        case builtin
        /// A Python implementation found on PATH (CPython, PyPy), iterated by the Python driver.
        case external
        /// A user's command template with a `{program}` placeholder, run by /bin/sh.
        case command
    }

    public var name: String
    public var kind: Kind
    /// builtin: the `exec` arguments after `exec`; external: the executable; command: the template.
    public var definition: [String]

    /// Only builtin and external engines can re-run a module body in one process; a command engine is
    /// one iteration per process, timed by the process's wall time.
    public var supportsIterations: Bool { kind != .command }

    /// The command line that runs `program` once or `iterations` times, writing per-iteration timings
    /// to `statsFile` (the protocol in docs/HARNESS.md). Without a stats file the program runs as
    /// directly as the engine allows: that is the form correctness checks use.
    public func arguments(
        program: URL, arguments programArguments: [String] = [], iterations: Int = 1, statsFile: URL? = nil,
        jitbench: URL, pythonDriver: URL
    ) -> [String] {
        switch kind {
        case .builtin:
            var execArguments = [jitbench.path, "exec"] + definition
            if let statsFile {
                execArguments += ["--iterations", String(iterations), "--stats-file", statsFile.path]
            }
            return execArguments + [program.path] + programArguments
        case .external:
            guard let statsFile else { return definition + [program.path] + programArguments }
            return definition + [pythonDriver.path, String(iterations), statsFile.path, program.path] + programArguments
        case .command:
            let quotedProgram = ([program.path] + programArguments).map(Self.shellQuoted).joined(separator: " ")
            return ["/bin/sh", "-c", definition[0].replacingOccurrences(of: "{program}", with: quotedProgram)]
        }
    }

    /// The environment every engine runs in, on top of the harness's own: a fixed hash seed, so that
    /// set and dict orders are the ones the expected outputs were made with.
    public static let environment = ["PYTHONHASHSEED": "0"]

    static func shellQuoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

public enum EngineError: Error, CustomStringConvertible, Equatable {
    case unknown(String, known: [String])
    case badDeclaration(String, why: String)
    case unreadableFile(String)

    public var description: String {
        switch self {
        case .unknown(let name, let known):
            return "unknown engine `\(name)`; known engines: \(known.joined(separator: ", "))"
        case .badDeclaration(let text, let why): return "bad engine declaration `\(text)`: \(why)"
        case .unreadableFile(let path): return "\(path): cannot read the engines file"
        }
    }
}

/// The engines a session can use: the built-in ones and those the user declared.
public struct EngineCatalog: Sendable {
    public static let builtins: [Engine] = [
        Engine(name: "interp", kind: .builtin, definition: ["--engine", "interp"]),
        Engine(name: "jit", kind: .builtin, definition: ["--engine", "jit"]),
        Engine(name: "jit-eager", kind: .builtin, definition: ["--engine", "jit-eager"]),
        Engine(name: "jit-one-version", kind: .builtin, definition: ["--engine", "jit-one-version"]),
        Engine(name: "gc-stress", kind: .builtin, definition: ["--engine", "interp", "--gc-stress"]),
        Engine(name: "cpython", kind: .external, definition: ["python3"]),
        Engine(name: "pypy", kind: .external, definition: ["pypy3"]),
    ]

    public private(set) var engines: [Engine]

    /// `declarations` are `NAME=TEMPLATE` strings, as given to `--engine-cmd`.
    public init(declarations: [String]) throws {
        engines = Self.builtins
        for declaration in declarations {
            let engine = try Self.parseDeclaration(declaration)
            guard !engines.contains(where: { $0.name == engine.name }) else {
                throw EngineError.badDeclaration(declaration, why: "an engine named `\(engine.name)` already exists")
            }
            engines.append(engine)
        }
    }

    public var declared: [Engine] { engines.filter { $0.kind == .command } }

    public func engine(named name: String) throws -> Engine {
        guard let engine = engines.first(where: { $0.name == name }) else {
            throw EngineError.unknown(name, known: engines.map(\.name))
        }
        return engine
    }

    /// The engines a comma-separated `--engines` value names, or else the defaults plus every declared
    /// engine (declaring an engine is asking to run it).
    public func select(_ list: String?, defaults: [String]) throws -> [Engine] {
        guard let list else { return try (defaults.map(engine(named:)) + declared) }
        let names = list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        var selected: [Engine] = []
        for name in names where !selected.contains(where: { $0.name == name }) {
            selected.append(try engine(named: name))
        }
        return selected
    }

    /// The declarations in an engines file: one `NAME=COMMAND` a line; blank lines and lines starting
    /// with `#` are skipped.
    public static func declarations(inFile path: String) throws -> [String] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw EngineError.unreadableFile(path)
        }
        return text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }

    static func parseDeclaration(_ text: String) throws -> Engine {
        let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { throw EngineError.badDeclaration(text, why: "expected NAME=COMMAND") }
        let name = parts[0].trimmingCharacters(in: .whitespaces)
        let nameCharacters = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-_."))
        guard !name.isEmpty, name.unicodeScalars.allSatisfy(nameCharacters.contains) else {
            throw EngineError.badDeclaration(text, why: "an engine name uses letters, digits, '-', '_' and '.'")
        }
        guard parts[1].contains("{program}") else {
            throw EngineError.badDeclaration(text, why: "the command needs a {program} placeholder")
        }
        return Engine(name: name, kind: .command, definition: [parts[1].trimmingCharacters(in: .whitespaces)])
    }
}
