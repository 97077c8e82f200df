import Foundation
import XCTest
@testable import FrontEnd

/// Whatever the input, the parser either builds a tree or reports a SyntaxError; it never traps
/// and never runs out of stack.
final class ParserFuzzTests: XCTestCase {
    func testMutatedCorpusBytesNeverCrash() throws {
        var random = FuzzTests.SplitMix64(state: 1234)
        let files = try pythonFiles(under: corpusDirectory).map { [UInt8](try Data(contentsOf: $0)) }
        var outcomes = (parsed: 0, rejected: 0)
        for round in 0..<2000 {
            var bytes = files[round % files.count]
            for _ in 0..<(1 + random.below(4)) where !bytes.isEmpty {
                let at = random.below(bytes.count)
                let byte = FuzzTests.alphabet[random.below(FuzzTests.alphabet.count)]
                switch random.below(3) {
                case 0: bytes[at] = byte
                case 1: bytes.remove(at: at)
                default: bytes.insert(byte, at: at)
                }
            }
            if parses(bytes) { outcomes.parsed += 1 } else { outcomes.rejected += 1 }
        }
        XCTAssertGreaterThan(outcomes.parsed, 0)
        XCTAssertGreaterThan(outcomes.rejected, 0)
    }

    /// Token-level mutations: a token dropped, duplicated, or swapped with its neighbour, or a
    /// keyword or operator put in its place. These reach far more of the grammar's error paths
    /// than byte noise, which mostly breaks tokens.
    func testMutatedTokenSequencesNeverCrash() throws {
        var random = FuzzTests.SplitMix64(state: 99)
        let pieces = ["if", "else", "for", "in", "lambda", "yield", "not", "*", "**", "=", ":=", ":", ",", "(", ")", "[", "]",
                      "{", "}", "f'{x}'", "'s'", "b'b'", "1", "x", ".", "@", "->", "=", "del", "import", "from", "as", "\n", "    "]
        let files = try pythonFiles(under: corpusDirectory).map { try String(contentsOf: $0, encoding: .utf8) }
        for round in 0..<2000 {
            let text = files[round % files.count]
            guard let source = try? SourceText(fileName: "fuzz.py", text: text), let tokens = try? tokenize(source) else { continue }
            var words = tokens.map { source.text(of: $0) + ($0.kind == .newline || $0.kind == .nl ? "" : " ") }
            for _ in 0..<(1 + random.below(3)) where words.count > 1 {
                let at = random.below(words.count - 1)
                switch random.below(4) {
                case 0: words.remove(at: at)
                case 1: words.insert(words[at], at: at)
                case 2: words.swapAt(at, at + 1)
                default: words[at] = pieces[random.below(pieces.count)] + " "
                }
            }
            _ = parses(Array(words.joined().utf8))
        }
    }

    func testDeepNestingIsACleanError() {
        let deep = [
            String(repeating: "(", count: 1000), String(repeating: "-", count: 100_000) + "1",
            String(repeating: "not ", count: 100_000) + "x", String(repeating: "[", count: 199) + String(repeating: "]", count: 199),
            "x = " + String(repeating: "lambda: ", count: 5000) + "1", "x = " + String(repeating: "1 if 2 else ", count: 5000) + "1",
            "x = 2" + String(repeating: " ** 2", count: 5000), "x = f" + String(repeating: "(", count: 150) + String(repeating: ")", count: 150),
            "x" + String(repeating: ".x", count: 100_000), "x" + String(repeating: "[1]", count: 20_000),
            String(repeating: "[", count: 150) + String(repeating: "{1: (", count: 10) + "1" + String(repeating: ")}", count: 10) + String(repeating: "]", count: 150),
        ]
        for text in deep {
            _ = parses(Array((text + "\n").utf8))
        }
        // Past the parser's depth limit: refused with a SyntaxError where CPython gives up too.
        XCTAssertFalse(parses(Array((String(repeating: "-", count: 100_000) + "1\n").utf8)))
        XCTAssertFalse(parses(Array(("x = " + String(repeating: "lambda: ", count: 5000) + "1\n").utf8)))
    }

    /// True when the bytes parse; false when they are rejected with an error that has a message.
    private func parses(_ bytes: [UInt8]) -> Bool {
        do {
            _ = try parse(try SourceText(fileName: "fuzz.py", bytes: bytes))
            return true
        } catch {
            XCTAssertFalse(error.message.isEmpty)
            _ = error.rendered
            return false
        }
    }
}
