import Foundation
import XCTest
@testable import Harness

final class ExpectedOutputTests: XCTestCase {
    func testRoundTripsStdoutByteForByte() throws {
        let stdout = Data([0x61, 0x0a, 0xff, 0x00, 0x62])  // invalid UTF-8, a NUL, no trailing newline
        let expected = ExpectedOutput(stdout: stdout, exitStatus: 1, stderrLastLine: "ValueError: bad")
        XCTAssertEqual(try ExpectedOutputFile.decode(ExpectedOutputFile.encode(expected), path: "x"), expected)
    }

    func testTheFormatIsAHeaderThenTheStdoutVerbatim() {
        let expected = ExpectedOutput(stdout: Data("1\n2".utf8), exitStatus: 0, stderrLastLine: "")
        let text = String(decoding: ExpectedOutputFile.encode(expected), as: UTF8.self)
        XCTAssertTrue(text.hasSuffix("\nexit: 0\nstderr-last-line: \nstdout:\n1\n2"), text)
    }

    func testMalformedFilesAreRejected() {
        XCTAssertThrowsError(try ExpectedOutputFile.decode(Data("exit: 0\n".utf8), path: "a.expected"))
        XCTAssertThrowsError(try ExpectedOutputFile.decode(Data("stdout:\n".utf8), path: "a.expected"))
        XCTAssertThrowsError(try ExpectedOutputFile.decode(Data("hello\nstdout:\n".utf8), path: "a.expected"))
    }

    func testLastLineOfStderrIsTheLastNonEmptyOne() {
        let traceback = "Traceback (most recent call last):\n  File \"x.py\", line 1\nZeroDivisionError: division by zero\n\n"
        XCTAssertEqual(ExpectedOutput.lastLine(of: Data(traceback.utf8)), "ZeroDivisionError: division by zero")
        XCTAssertEqual(ExpectedOutput.lastLine(of: Data()), "")
    }

    func testWriteReportsWhetherTheFileChanged() throws {
        let program = try Fixtures.temporaryCopy(of: "int/sum_squares")
        let expected = ExpectedOutput(stdout: Data("x\n".utf8), exitStatus: 0, stderrLastLine: "")
        XCTAssertTrue(try ExpectedOutputFile.write(expected, for: program))
        XCTAssertFalse(try ExpectedOutputFile.write(expected, for: program))
        XCTAssertEqual(try ExpectedOutputFile.read(for: program), expected)
    }
}
