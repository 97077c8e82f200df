import Foundation
import XCTest
@testable import FrontEnd

/// Tokenizer errors compared with what CPython 3.11's compile() raises for the same snippets:
/// exception class, message, line and offset; and the stderr text of an uncaught one.
final class ErrorTests: XCTestCase {
    static let snippets: [String] = [
        "s = 'abc\n", "s = '''abc\ndef\n", "s = '''abc\ndef", "x = '''a\n\nb\n\n", "x = 'a\\\nb\n", "x = 'a\\'\n",
        "x = \"\"\"abc\"\n", "y = 2\nx = f'abc\n", "x = 'é\n", "x = 5\r\ny = 'abc\r\n", "x = 5\ry = 'abc\r",
        "x = 1abc\n", "x = 0x\n", "x = 0xg\n", "x = 0x1_\n", "x = 0x1g\n", "x = 012\n", "x = 0777\n", "x = 0_a\n",
        "x = 1__0\n", "x = 1_\n", "x = 1.0_\n", "x = 1e5_\n", "x = 0o8\n", "x = 0o\n", "x = 0o17_\n", "x = 0o1a\n",
        "x = 0b2\n", "x = 0b\n", "x = 0b12\n", "x = 0b1_\n", "x = 0b1a\n", "x = 1ex\n", "x = 1e+\n", "x = .5e\n",
        "x = 1.e-\n", "x = 1.5j2\n", "6ords = 1\n", "x = 0x1fand\n",
        "x = 1 \\ 2\n", "y = 1\nx = 1 \\ 2\n", "x = 1 # comment\\\n \\ y\n", "x = 1 + \\", "y = 1\nx = 1 + \\\n",
        "x = 1\n\\",
        "x = (1,\n", "x = (1,\n\n", "foo(a,\nb = 3\n", "x = [1)\n", "x = [1,\n2)\n", "x = (\n  [1,\n 2)\n", "x = 1)\n",
        "x = " + String(repeating: "(", count: 201) + "1\n",
        "x = €\n", "x = a\u{a0}b\n", "x = \u{a0}\n", "x = é€\n", "x = 'a' 'b'\ny = é€\n", "x = \u{1}\n", "x = 1é + 0x\n",
        "x = 0€\n", "x = $ + 0x\n", "x = 5 ! 1abc\n",
        "if x:\n  a\n b\n", "if x:\n  a\n b = 1\n", "if x:\n    a\n  # c\n b = 1\n", "if x:\n\ta\n        b\n",
        "if x:\n    a\n\tb\n", "def f():\n\tif x:\n        a\n", "if x:\n    a\n   \\ b\n", "if x:\n    a\n  \\\n  b\n",
        "def f():\n" + (1...100).map { String(repeating: " ", count: $0) + "if x:\n" }.joined() + String(repeating: " ", count: 101) + "pass\n",
    ]

    func testMessagesAndLocationsMatchCPython() throws {
        let expected = try compileWithCPython(Self.snippets)
        XCTAssertEqual(expected.count, Self.snippets.count)
        for (snippet, expectedLine) in zip(Self.snippets, expected) {
            XCTAssertEqual(ourErrorLine(snippet), expectedLine, "snippet \(pythonASCII(snippet))")
        }
    }

    /// Messages only CPython's tokenizer raises: when compile() reports one of these, the lexer must
    /// report the same error. (f-string errors come from parsing a string's fields: not the lexer's.)
    static let tokenizerMessages = [
        "unterminated", "invalid decimal", "invalid hexadecimal", "invalid octal", "invalid binary", "invalid imaginary",
        "invalid digit", "leading zeros", "line continuation", "unexpected EOF", "was never closed",
        "does not match opening", "unmatched", "nested parentheses", "invalid character", "non-printable",
        "unindent does not", "levels of indentation", "inconsistent use",
    ]

    /// Windows of corpus files with a few characters replaced, deleted or inserted: wherever CPython
    /// compiles one, the lexer accepts it; wherever CPython reports a tokenizer error, the lexer
    /// reports the same one at the same place. Snippets with f-strings are left out: CPython
    /// tokenizes their fields while parsing, so an error inside one surfaces before later ones.
    func testMutatedCorpusSnippetsFailLikeCPython() throws {
        var random = FuzzTests.SplitMix64(state: 11)
        let files = try pythonFiles(under: corpusDirectory).map { try String(contentsOf: $0, encoding: .utf8) }
        let alphabet = "'\"()[]{}\\\n\r\t #0123456789xobjeE._+-*/<>=!:;,fFrRbB$?é€\u{a0}".map(String.init) + ["    "]
        let snippets = (0..<1500).map { _ -> String in
            let lines = files[random.below(files.count)].components(separatedBy: "\n")
            let first = random.below(lines.count)
            let window = lines[first..<min(lines.count, first + 1 + random.below(12))].joined(separator: "\n") + "\n"
            var pieces = window.map(String.init)
            for _ in 0..<(1 + random.below(3)) where !pieces.isEmpty {
                let at = random.below(pieces.count)
                let replacement = alphabet[random.below(alphabet.count)]
                switch random.below(3) {
                case 0: pieces[at] = replacement
                case 1: pieces.remove(at: at)
                default: pieces.insert(replacement, at: at)
                }
            }
            return pieces.joined()
        }
        let expected = try compileWithCPython(snippets)
        var compared = 0
        let fStringStarts = ["f'", "f\"", "F'", "F\""]
        for (snippet, theirs) in zip(snippets, expected)
        where (theirs == "OK" || Self.tokenizerMessages.contains(where: { theirs.contains($0) }))
            && !fStringStarts.contains(where: { snippet.contains($0) }) {
            compared += 1
            XCTAssertEqual(ourErrorLine(snippet), theirs, "snippet \(pythonASCII(snippet))")
        }
        XCTAssertGreaterThan(compared, 300)
    }

    /// CPython's verdict on each snippet: `OK`, or the error's class, repr of its message, line and offset.
    private func compileWithCPython(_ snippets: [String]) throws -> [String] {
        let script = """
            import sys, json, warnings
            warnings.simplefilter('ignore')
            for src in json.load(open(sys.argv[1], encoding='utf-8')):
                try:
                    compile(src, 'prog.py', 'exec')
                    print('OK')
                except SyntaxError as e:
                    print(type(e).__name__, repr(e.msg), e.lineno, e.offset)
            """
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("frontend-errors-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("snippets.json")
        try JSONEncoder().encode(snippets).write(to: input)
        // An empty working directory: CPython re-reads error lines from a file named like the source.
        return try runPython(script, arguments: [input.path], workingDirectory: directory)
            .split(separator: "\n").map(String.init)
    }

    func testRenderingMatchesCPythonsStderr() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("frontend-render-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let snippets = [
            "s = 'abc\n", "x = 012\n", "if x:\n\ta\n        b\n", "x = 1 + \\", "x = (1,\n", "if x:\n  a\n b\n",
            "x = 1 \\ 2\n", "x = \t€\n", "x = ('é',\n  é€)\n", "\u{FEFF}x = 1)\n", "x = 1\u{0}\n",
        ]
        for snippet in snippets {
            let file = directory.appendingPathComponent("prog.py")
            try Data(snippet.utf8).write(to: file)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", file.path]
            let errors = Pipe()
            process.standardError = errors
            try process.run()
            let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            XCTAssertEqual(process.terminationStatus, 1)
            XCTAssertEqual(ourError(snippet, fileName: file.path)?.rendered, stderr, "snippet \(pythonASCII(snippet))")
        }
    }

    func testInvalidUTF8IsReportedLikeCPython() {
        let bytes: [UInt8] = Array("x = 1\ny = ".utf8) + [0xFF, 0x0A]
        XCTAssertThrowsError(try SourceText(fileName: "prog.py", bytes: bytes)) { error in
            XCTAssertEqual(
                (error as? SyntaxErrorInfo)?.rendered,
                "SyntaxError: Non-UTF-8 code starting with '\\xff' in file prog.py on line 2, but no encoding declared; see https://peps.python.org/pep-0263/ for details\n")
        }
        for invalid: [UInt8] in [[0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82]] {
            XCTAssertThrowsError(try SourceText(fileName: "prog.py", bytes: invalid))
        }
    }

    private func ourError(_ snippet: String, fileName: String = "prog.py") -> SyntaxErrorInfo? {
        do {
            _ = try tokenize(try SourceText(fileName: fileName, text: snippet))
            return nil
        } catch {
            return error
        }
    }

    private func ourErrorLine(_ snippet: String) -> String {
        guard let error = ourError(snippet) else { return "OK" }
        let message = pythonRepr(error.message)
        return "\(error.kind.rawValue) \(message) \(error.line) \(error.offset)"
    }

    /// repr() of an error message (they hold no backslashes or control characters).
    private func pythonRepr(_ text: String) -> String {
        text.contains("'") && !text.contains("\"") ? "\"\(text)\"" : "'\(text)'"
    }
}
