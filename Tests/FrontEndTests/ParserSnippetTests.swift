import Foundation
import XCTest
@testable import FrontEnd

/// Small programs covering each construct, compared with CPython's plain `ast.dump(tree)` text
/// (no positions): the forms the standard library seldom uses are here.
final class ParserSnippetTests: XCTestCase {
    static let snippets: [String] = [
        "match = 3\ncase = match + 1\n_ = case\n", "x = y = z = 1\n", "a, *b = c\n", "[a, (b, c)] = d\n", "x += 1\nx @= m\nx **= 2\n",
        "x: int\n(y): int = 1\na.b: str = 'c'\nd[0]: 'e'\n", "del a, b[1], c.d\ndel (e, [f])\n", "assert x, 'msg'\n",
        "import a.b.c as d, e\nfrom . import x\nfrom ..a.b import (c as d, e,)\nfrom ... import *\nfrom .... import y\n",
        "global a, b\nnonlocal c\n", "if a: pass\nelif b: x = 1; y = 2\nelse: z\n", "while x:\n    break\nelse:\n    continue\n",
        "for i, (j, *k) in enumerate(y): pass\nelse: pass\n",
        "try:\n  a\nexcept (A, B) as e:\n  b\nexcept C:\n  c\nexcept:\n  d\nelse:\n  e\nfinally:\n  f\n",
        "with a as b, c as (d, e), f:\n  pass\nwith (a as b, c):\n  pass\nwith (a, b):\n  pass\nwith (a):\n  pass\n",
        "@dec\n@dec.attr(1)\ndef f(a, b: int = 1, /, c=2, *args: str, d, e=3, **kw) -> None:\n  return a, b\n",
        "def f(*, a): pass\ndef g(a, /): pass\ndef h(**k): pass\n", "@d\nclass A(B, *C, metaclass=M, **K):\n  x = 1\n",
        "class A: pass\nclass B(): pass\n", "lambda: 0\nlambda x, *y, z=1, **w: x\nlambda x, /, y: 0\n",
        "x = a if b else c if d else e\n", "x = not a and b or c and not d\n", "x = a < b <= c != d is not e not in f in g is h\n",
        "x = a | b ^ c & d << e >> f + g - h * i / j // k % l @ m\n", "x = -a ** -b ** c\nx = ~+-a\nx = (a + b) * c\n",
        "f(a, *b, c=1, **d)\nf(x for x in y)\nf(*a, *b, **c, d=1, **e)\n", "a.b.c[1:2, ::3, 4][...]\nx[1:2]\nx[:]\nx[::]\nx[a, *b]\n",
        "x = [1, 2]\nx = (1,)\nx = ()\nx = {}\nx = {1}\nx = {1: 2, **a}\nx = [*a, *b]\nx = {*a}\n",
        "x = [i for i in range(3) if i if not i for j in i]\nx = {i for i in a}\nx = {k: v for k, v in a}\nx = (i for i in a)\n",
        "x = (y := 5)\nif (n := len(a)) > 10: pass\nprint(f(x:=1))\n", "def g():\n  yield\n  yield 1, 2\n  x = yield from y\n  z = (yield)\n",
        "x = 'a' 'b' \"c\"\nx = b'a' b'\\x00'\nx = r'\\d' u'x'\nx = '''multi\nline'''\n",
        "x = f'a{b}c{d!r:>{w}.{p}}' 'e' f'{f=}' f'{g=!s}' f'{h=:x}' f'{{}}'\n", "x = f'{a}' f'{b}'\nx = f''\nx = '' f''\nx = f'{x:}'\n",
        "x = 1, 2.5, 3j, 0x1F, 0o17, 0b101, 1_000, 1e10, 1.5e-7, 12345678901234567890123, 0xFFFFFFFFFFFFFFFFFFFF\n",
        "x = None, True, False, ...\n", "raise\nraise E\nraise E from e\n", "x = 'é' + '€' + '\\u0000' + '\\U0001F600'\n",
        "if x:\n  pass\n  # comment\n\n  y\n", "x = (1 +\n  2)\n", "x = \\\n  1\n", "print(*a, sep='')\n", "x[a:b, c] = y\n",
        "x = a[1](2).b\n", "x = yield\n", "def f(): return\n", "x = lambda: (yield)\n", "x = -1\n", "f(a)(b)(c)\n",
    ]

    func testSnippetsDumpLikeCPython() throws {
        let script = """
            import sys, json, ast
            for src in json.load(open(sys.argv[1], encoding='utf-8')):
                print(ast.dump(ast.parse(src)).encode('ascii', 'backslashreplace').decode('ascii'))
            """
        let input = FileManager.default.temporaryDirectory.appendingPathComponent("frontend-snippets-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: input) }
        try JSONEncoder().encode(Self.snippets).write(to: input)
        let expected = try runPython(script, arguments: [input.path]).split(separator: "\n").map(String.init)
        XCTAssertEqual(expected.count, Self.snippets.count)
        for (snippet, theirs) in zip(Self.snippets, expected) {
            let ours: String
            do {
                ours = ASTDumper(attributes: false).dump(try parse(try SourceText(fileName: "prog.py", text: snippet)))
            } catch {
                ours = "error: \(error.rendered)"
            }
            XCTAssertEqual(ours, theirs, "snippet \(pythonASCII(snippet)): \(firstDifference(ours, theirs))")
        }
    }
}
