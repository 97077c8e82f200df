import Foundation
import XCTest
@testable import Harness

final class CorpusTests: XCTestCase {
    func testFindsProgramsRecursivelySortedByID() throws {
        let programs = try Corpus.programs(at: [Fixtures.corpus.path])
        XCTAssertEqual(programs.map(\.id), ["errors/divide_by_zero", "int/sum_squares", "strings/markup"])
        XCTAssertEqual(programs[1].category, "int")
    }

    func testAProgramNamedTwiceIsRunOnce() throws {
        let file = Fixtures.corpus.appendingPathComponent("int/sum_squares.py").path
        XCTAssertEqual(try Corpus.programs(at: [file, Fixtures.corpus.path]).count, 3)
    }

    func testReadsTheHeader() throws {
        let program = try Fixtures.program("int/sum_squares")
        XCTAssertEqual(program.description, "sums squares in a loop")
        XCTAssertEqual(program.timeoutSeconds, 10)
    }

    func testHeaderDefaultsAndUnknownSettingsAreDescription() throws {
        let header = try ProgramHeader.parse("#!/usr/bin/env python3\n# jitbench: size=large\nx = 1\n# jitbench: timeout=5\n", path: "p.py")
        XCTAssertEqual(header.description, "size=large")
        XCTAssertEqual(header.timeoutSeconds, Program.defaultTimeoutSeconds, "settings after the first code line are not header")
    }

    func testABadTimeoutIsAClearError() {
        XCTAssertThrowsError(try ProgramHeader.parse("# jitbench: timeout=soon\n", path: "p.py")) { error in
            XCTAssertEqual("\(error)", "p.py: bad header line `# jitbench: timeout=soon`: timeout must be a positive number of seconds")
        }
    }

    func testMissingPathsAndEmptyDirectoriesAreErrors() throws {
        XCTAssertThrowsError(try Corpus.programs(at: ["/nonexistent/corpus"])) {
            XCTAssertEqual($0 as? CorpusError, .notFound("/nonexistent/corpus"))
        }
        let empty = try ScratchDirectory()
        XCTAssertThrowsError(try Corpus.programs(at: [empty.url.path])) {
            XCTAssertEqual($0 as? CorpusError, .noPrograms(empty.url.path))
        }
    }
}

final class CorpusErrorTests: XCTestCase {
    func testTwoProgramsWithTheSameIDAreAnError() throws {
        let first = try Fixtures.temporaryCopy(of: "int/sum_squares")
        let second = try Fixtures.temporaryCopy(of: "int/sum_squares")
        XCTAssertThrowsError(try Corpus.programs(at: [first.path.path, second.path.path])) { error in
            guard case .duplicateID("int/sum_squares", _, _) = error as? CorpusError else { return XCTFail("\(error)") }
        }
    }

    func testASourceThatIsNotUTF8StillLoads() throws {
        let program = try Fixtures.temporaryCopy(of: "int/sum_squares")
        try (Data("# jitbench: latin-1 ahead\nprint('caf".utf8) + Data([0xE9]) + Data("')\n".utf8)).write(to: program.path)
        XCTAssertEqual(try Corpus.load(program.path).description, "latin-1 ahead")
    }
}
