import Foundation
import XCTest
@testable import FrontEnd

/// Syntax errors compared with what CPython 3.11's parser raises (`ast.parse`, so that no
/// compiler-stage error such as "'return' outside function" gets in): class, message, line,
/// offset, end line and end offset.
final class ParserErrorTests: XCTestCase {
    static let snippets: [String] = [
        // Indentation.
        "x\n    y\n", "  x = 1\n", "if x:\npass\n", "if x:\n", "while x:\npass\n", "for x in y:\nx\n", "with a:\nx\n",
        "def f():\nreturn\n", "class A:\nx\n", "try:\nx\n", "try:\n  x\nexcept:\nx\n", "try:\n  x\nfinally:\nx\n",
        "if x:\n  pass\nelif y:\nx\n", "if x:\n  pass\nelse:\npass\n", "while x:\n pass\nelse:\nx\n", "if x:\n  a\n b\n",
        // Generic errors and their locations.
        "x = 1 +\n", "a b\n", "x = a b\n", "a $ b\n", "x = é é\n", "a.1\n", "x = 1;;\n", "import\n", "else: pass\n",
        "except: pass\n", "x = not\n", "x = 1 if 2 else\n", "@\ndef f(): pass\n", "from a import *, b\n",
        "import a.b as c from d\n", "def f(/): pass\n", "{**a: b}\n", "a = 1 if 2 else *b\n", "f(x = 1 = 2)\n",
        "d = {a: b for a, b in c, d}\n", "x = (1 2)\n", "x = [1, 2 3]\n", "x = (1,\n y 2)\n", "f(a b)\n", "x[a b]\n",
        "{1: 2 3}\n", "print \"hello\"\n", "x = 1 if 2\n",
        // Missing colons and blocks.
        "if x\n  pass\n", "while x\n", "for x in range(10)\n  pass\n", "def f()\n", "class A(b)\n", "class A\n  pass\n",
        "try:\n  pass\nx = 1\n", "lambda x y: 1\n",
        // Assignments.
        "1 = x\n", "f() = 1\n", "a + b = 1\n", "x = 1 = y\n", "(a, 1) = x\n", "a, *b, 1 = x\n", "None = 1\n", "True = 1\n",
        "... = 1\n", "f\"{x}\" = 1\n", "x = yield = 1\n", "(a, 1) += 1\n", "x + 1 += 1\n", "f() += 1\n", "a, b: int\n",
        "[a]: int\n", "f(): int\n", "(a, b): int = 1\n", "for 1 in x: pass\n", "for f() in x: pass\n", "with a as 1: pass\n",
        "[x for 1 in y]\n", "del 1\n", "del f()\n", "del (a, 1)\n", "del *a\n", "(a.b := 1)\n", "if x = 1: pass\n",
        "if x.y = 1: pass\n", "while f() = 1: pass\n", "f(x.y = 1)\n", "f(True=1)\n",
        // Arguments and parameters.
        "f(a=1, b)\n", "f(**a, b)\n", "f(**a, *b)\n", "f(a=1, **b, c)\n", "f(a for a in b, c)\n", "f(c, a for a in b)\n",
        "def f(a=1, b): pass\n", "lambda x=1, y: x\n", "def f(*): pass\n", "def f(*, **k): pass\n", "def f(**k, a): pass\n",
        "def f(a, *, b, *c): pass\n", "def f(*a, /): pass\n", "def f(a, /, b, /): pass\n",
        // Literals and f-strings.
        "x = 'a' b'b'\n", "x = b'a' 'b'\n", "x = f\"{a b}\"\n", "y = 1\nx = f\"{a b}\"\n", "x = f\"{1 +}\"\n",
        "x = f\"{a!x}\"\n", "x = f\"{}\"\n", "x = f\"{a:{b c}}\"\n", "x = f\"{a = 1}\"\n", "x = f\"{)}\"\n",
        // Brackets and tokenizer errors that win or lose against parser errors.
        "x = [1, 2\ny = 3\n", "foo(\n", "x = (\n", "a b\nx = 'abc\n", "a b\nx = (\n", "x = (\na b\n", "x\n    y\nz = 'abc\n",
        "[(*a)]\n", "[*a for a in b]\n", "x = {1: 2, 3}\n", "f(**)\n", "except A, B: pass\n",
        "try:\n  pass\nexcept A, B:\n  pass\n",
        // Missing colons before another token, comprehensions compared with `=`, f-string fields, starred subscripts.
        "for x in range(3) print(x)\n", "while x y:\n", "with a print(x)\n", "class A x\n",
        "if x:\n  pass\nelif y z\n", "try:\n  pass\nexcept\n  pass\n", "try:\n  pass\nexcept x, y\n  pass\n",
        "try:\n  pass\nexcept x, y as z:\n  pass\n", "def f() x\n", "try x\n", "if [x for x in y] = 1: pass\n",
        "if (a) + 1 = 2: pass\n", "if (a, b) + 1 = 2: pass\n", "if [1][0] + 1 = 2: pass\n", "x = f\"{'\\n'}\"\n",
        "f\"{d[\"key\"]}\"\n", "f\"{a(b\"\n", "x[*a]\n", "x[*a] = 1\n", "x[*a:b]\n",
    ]

    func testParserErrorsMatchCPython() throws {
        let expected = try Self.parseWithCPython(Self.snippets)
        XCTAssertEqual(expected.count, Self.snippets.count)
        var mismatches = 0
        for (snippet, theirs) in zip(Self.snippets, expected) {
            let ours = Self.ourVerdict(snippet)
            if ours != theirs {
                mismatches += 1
                XCTFail("snippet \(pythonASCII(snippet)): ours \(ours), CPython \(theirs)")
            }
        }
        print("parser errors: \(Self.snippets.count) snippets, \(mismatches) mismatches")
    }

    /// CPython's verdict on each snippet: `OK`, or the error's class, repr of its message and its
    /// four location numbers.
    static func parseWithCPython(_ snippets: [String]) throws -> [String] {
        let script = """
            import sys, json, ast, warnings
            warnings.simplefilter('ignore')
            for src in json.load(open(sys.argv[1], encoding='utf-8')):
                try:
                    ast.parse(src, 'prog.py')
                    print('OK')
                except SyntaxError as e:
                    print(type(e).__name__, ascii(e.msg), e.lineno, e.offset, e.end_lineno, e.end_offset)
                except (MemoryError, RecursionError) as e:
                    print('TooComplex')
            """
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("frontend-parse-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("snippets.json")
        try JSONEncoder().encode(snippets).write(to: input)
        return try runPython(script, arguments: [input.path], workingDirectory: directory)
            .split(separator: "\n").map(String.init)
    }

    static func ourVerdict(_ snippet: String) -> String {
        do {
            _ = try parse(try SourceText(fileName: "prog.py", text: snippet))
            return "OK"
        } catch {
            return "\(error.kind.rawValue) \(pythonASCII(error.message)) \(error.line) \(error.offset) \(error.endLine) \(error.endOffset)"
        }
    }
}
