import Foundation
import XCTest
@testable import FrontEnd

/// Whatever the bytes, the lexer either tokenizes them or reports a SyntaxError; it never traps.
final class FuzzTests: XCTestCase {
    /// A small deterministic generator, so a failure can be replayed.
    struct SplitMix64 {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
    }

    /// Bytes biased toward what makes tokens: quotes, brackets, backslashes, line breaks, digits.
    static let alphabet: [UInt8] = Array("'\"()[]{}\\\n\r\t \u{0C}#0123456789xobjeEJ._+-*/<>=!:;,@fFrRbBuU".utf8) + [0x80, 0xC3, 0xA9, 0xE2, 0x82, 0xAC, 0xFF, 0x00]

    func testRandomBytesNeverCrash() {
        var random = SplitMix64(state: 42)
        var outcomes = (tokenized: 0, rejected: 0)
        for _ in 0..<4000 {
            let length = random.below(64)
            let bytes = (0..<length).map { _ in
                random.below(4) == 0 ? UInt8(truncatingIfNeeded: random.next()) : Self.alphabet[random.below(Self.alphabet.count)]
            }
            if lexes(bytes) { outcomes.tokenized += 1 } else { outcomes.rejected += 1 }
        }
        XCTAssertGreaterThan(outcomes.tokenized, 0)
        XCTAssertGreaterThan(outcomes.rejected, 0)
    }

    func testMutatedCorpusFilesNeverCrash() throws {
        var random = SplitMix64(state: 7)
        let files = pythonFiles(under: corpusDirectory)
        XCTAssertFalse(files.isEmpty)
        for round in 0..<2000 {
            var bytes = [UInt8](try Data(contentsOf: files[round % files.count]))
            for _ in 0..<(1 + random.below(4)) where !bytes.isEmpty {
                let at = random.below(bytes.count)
                switch random.below(3) {
                case 0: bytes[at] = Self.alphabet[random.below(Self.alphabet.count)]
                case 1: bytes.remove(at: at)
                default: bytes.insert(Self.alphabet[random.below(Self.alphabet.count)], at: at)
                }
            }
            _ = lexes(bytes)
        }
    }

    /// True when the bytes tokenize; false when they are rejected with an error that has a message.
    private func lexes(_ bytes: [UInt8]) -> Bool {
        do {
            let source = try SourceText(fileName: "fuzz.py", bytes: bytes)
            let tokens = try tokenize(source)
            XCTAssertEqual(tokens.last?.kind, .endMarker)
            return true
        } catch {
            XCTAssertFalse(error.message.isEmpty)
            _ = error.rendered
            return false
        }
    }
}
