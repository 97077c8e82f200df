import Foundation
import XCTest
@testable import FrontEnd

/// Tokenizer throughput on the standard library's largest modules. Meaningful in release:
/// `swift test -c release --filter FrontEndTests.SpeedTests`.
final class SpeedTests: XCTestCase {
    func testThroughputOnLargestStandardLibraryFiles() throws {
        let stdlib = try runPython("import sysconfig; print(sysconfig.get_paths()['stdlib'])")
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let files = try FileManager.default.contentsOfDirectory(atPath: stdlib)
            .filter { $0.hasSuffix(".py") }
            .map { try SourceText(fileName: $0, bytes: [UInt8](Data(contentsOf: URL(fileURLWithPath: stdlib + "/" + $0)))) }
            .sorted { $0.bytes.count > $1.bytes.count }
            .prefix(10)
        let bytesPerRound = files.reduce(0) { $0 + $1.bytes.count }
        var rounds = 0, tokens = 0
        let clock = ContinuousClock()
        let elapsed = try clock.measure {
            repeat {
                for file in files { tokens += try tokenize(file).count }
                rounds += 1
            } while rounds < 20
        }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let megabytesPerSecond = Double(bytesPerRound * rounds) / seconds / 1_000_000
        print("speed: \(files.map(\.fileName).joined(separator: " ")): \(bytesPerRound) bytes, \(tokens / rounds) tokens per round, \(String(format: "%.1f", megabytesPerSecond)) MB/s")
        XCTAssertGreaterThan(megabytesPerSecond, 1)
    }
}
