import Foundation
import XCTest
@testable import Harness

/// Paths to the test fixtures and the built executables, and the fake engines built from them.
enum Fixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let corpus = directory.appendingPathComponent("corpus")
    static let engines = directory.appendingPathComponent("engines")
    /// swift test builds jitbench next to the test bundle.
    static let jitbench = RunningExecutable.directory.appendingPathComponent("jitbench")

    static func program(_ id: String) throws -> Program {
        try Corpus.load(corpus.appendingPathComponent(id + ".py"))
    }

    /// A command engine that runs the fixture script engines/NAME.sh.
    static func scriptEngine(_ name: String) -> String {
        "\(name)=sh '\(engines.appendingPathComponent(name + ".sh").path)' {program}"
    }

    static func launcher() throws -> Launcher { try Launcher(jitbench: jitbench) }

    static func runner() throws -> ProcessRunner {
        try ProcessRunner(spawner: ProcessRunner.locateSpawner(), scratch: ScratchDirectory())
    }

    /// Where `temporaryCopy` puts its copies: one directory for the test process, removed
    /// when the process exits.
    static let temporaryRoot: URL = {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("jitbench-test-\(UUID().uuidString)")
        atexit { try? FileManager.default.removeItem(at: Fixtures.temporaryRoot) }
        return root
    }()

    /// A copy of a fixture program in a fresh temporary directory (category folder included), for tests
    /// that write expected outputs or change headers (`header` replaces the timeout setting).
    static func temporaryCopy(of id: String, header: String? = nil) throws -> Program {
        let directory = temporaryRoot
            .appendingPathComponent(UUID().uuidString)
            .appendingPathComponent(String(id.split(separator: "/")[0]))
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let target = directory.appendingPathComponent(String(id.split(separator: "/")[1]) + ".py")
        var source = try String(contentsOf: corpus.appendingPathComponent(id + ".py"), encoding: .utf8)
        if let header {
            let lines = source.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("# jitbench: timeout=") }
            source = header + "\n" + lines.joined(separator: "\n")
        }
        try source.write(to: target, atomically: true, encoding: .utf8)
        return try Corpus.load(target)
    }
}
