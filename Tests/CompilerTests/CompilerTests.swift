import Compiler
import FrontEnd
import Foundation
import Runtime
import XCTest

final class CompilerTests: XCTestCase {
    override class func setUp() {
        super.setUp()
        Runtime.initialize()
    }

    private func compile(_ text: String, file: String = "test.py") throws -> CodeObject {
        try compileSource(try SourceText(fileName: file, text: text))
    }

    private func compileError(_ text: String) -> SyntaxErrorInfo? {
        do {
            _ = try compile(text)
            return nil
        } catch let error as SyntaxErrorInfo {
            return error
        } catch {
            return nil
        }
    }

    /// Every code object reachable from `code`, itself first.
    private func allCode(_ code: CodeObject) -> [CodeObject] {
        [code] + code.children.flatMap(allCode)
    }

    /// What the interpreter and the JIT rely on: targets in range and at block starts,
    /// handlers inside the code and within the stack, one line per instruction, and code
    /// that cannot fall off its end.
    private func checkInvariants(_ code: CodeObject, _ context: String) {
        let starts = Set(code.blockStarts)
        for i in 0..<code.instructionCount {
            let instruction = code.instructions[i]
            if instruction.opcode.isJump {
                XCTAssert(instruction.argument >= 0 && Int(instruction.argument) < code.instructionCount,
                          "\(context) \(code.qualifiedName)@\(i): jump out of range")
                XCTAssert(starts.contains(instruction.argument), "\(context) \(code.qualifiedName)@\(i): target not a block start")
            }
            if instruction.opcode.usesInlineCache {
                XCTAssert(Int(instruction.argument) < code.cacheCount, "\(context) \(code.qualifiedName)@\(i): cache index")
            }
            XCTAssertGreaterThan(code.lines[i], 0, "\(context) \(code.qualifiedName)@\(i): no line")
        }
        for entry in code.exceptionTable {
            XCTAssert(entry.start < entry.end && Int(entry.end) <= code.instructionCount, "\(context): handler range")
            XCTAssert(starts.contains(entry.target), "\(context) \(code.qualifiedName): handler target not a block start")
            XCTAssertLessThan(Int(entry.depth), code.maxStackDepth, "\(context): handler depth")
        }
        XCTAssert(code.instructions[code.instructionCount - 1].opcode.endsBlock,
                  "\(context) \(code.qualifiedName): the last instruction falls through")
    }

    func testEveryCorpusProgramCompilesWithSoundCode() throws {
        let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../corpus").standardized
        let files = FileManager.default.enumerator(atPath: corpus.path)!.compactMap { $0 as? String }
            .filter { $0.hasSuffix(".py") }.sorted()
        XCTAssertGreaterThan(files.count, 60)
        var codeObjects = 0
        for file in files {
            let text = try String(contentsOf: corpus.appendingPathComponent(file), encoding: .utf8)
            let code = try compile(text, file: file)
            for unit in allCode(code) {
                checkInvariants(unit, file)
                codeObjects += 1
            }
        }
        XCTAssertGreaterThan(codeObjects, files.count * 3)
    }

    func testScopesDecideLocalsCellsAndFrees() throws {
        let module = try compile("""
            def outer(a):
                b = 1
                def inner():
                    nonlocal b
                    b += a
                    return b + c
                return inner
            c = 3
            """)
        let outer = try XCTUnwrap(module.children.first)
        XCTAssertEqual(outer.slotNames, ["a", "inner", "b"])
        // `a` and `b` are read by `inner`: a parameter's cell takes its argument at entry.
        XCTAssertEqual(Set(outer.cellSlots.map { outer.slotNames[Int($0)] }), ["a", "b"])
        let inner = try XCTUnwrap(outer.children.first)
        XCTAssertEqual(inner.slotNames, ["a", "b"])
        XCTAssertEqual(inner.firstFreeSlot, 0)
        let listing = inner.disassembly
        XCTAssert(listing.contains("loadDeref 1 (b)"), listing)
        XCTAssert(listing.contains("loadGlobal 0 (c)"), listing)
        XCTAssertEqual(module.disassembly.components(separatedBy: "storeGlobal").count, 3, module.disassembly)
    }

    func testClassBodiesUseTheNamespaceAndMethodsGetTheClassCell() throws {
        let module = try compile("""
            class A(B):
                x = 1
                def f(self):
                    return super().f() + x
            """)
        let body = try XCTUnwrap(module.children.first)
        XCTAssert(body.flags.contains(.classBody))
        XCTAssertEqual(body.slotNames, ["__class__"])
        XCTAssert(body.disassembly.contains("storeName"), body.disassembly)
        let method = try XCTUnwrap(body.children.first)
        XCTAssertEqual(method.slotNames, ["self", "__class__"])
        XCTAssert(method.disassembly.contains("loadGlobal 2 (x)"), method.disassembly)
    }

    func testTryFinallyRunsTheFinalBodyOnEveryExit() throws {
        let module = try compile("""
            def f(items):
                for item in items:
                    try:
                        if item:
                            return item
                        continue
                    finally:
                        print("done")
            """)
        let f = try XCTUnwrap(module.children.first)
        // The final body appears on the return path, the continue path, the normal path and
        // the exceptional path.
        XCTAssertEqual(f.disassembly.components(separatedBy: "'done'").count - 1, 4, f.disassembly)
        XCTAssertFalse(f.exceptionTable.isEmpty)
    }

    func testComprehensionsAreFunctionsOfTheirFirstIterator() throws {
        let module = try compile("squares = [x * x for x in range(10) if x % 2]")
        let comprehension = try XCTUnwrap(module.children.first)
        XCTAssertEqual(comprehension.name, "<listcomp>")
        XCTAssertEqual(comprehension.positionalCount, 1)
        XCTAssertEqual(comprehension.slotNames, [".0", "x"])
        XCTAssert(comprehension.disassembly.contains("listAppend 2"), comprehension.disassembly)
    }

    func testGeneratorsAreFlagged() throws {
        let module = try compile("def g():\n    yield 1\n    yield from range(3)\n")
        let g = try XCTUnwrap(module.children.first)
        XCTAssert(g.flags.contains(.generator))
        XCTAssert(g.disassembly.contains("send"), g.disassembly)
    }

    func testCompilerErrorsReadLikeCPythons() {
        let cases: [(String, String, Int)] = [
            ("x = 1\nreturn x\n", "'return' outside function", 2),
            ("break\n", "'break' outside loop", 1),
            ("def f():\n    continue\n", "'continue' not properly in loop", 2),
            ("nonlocal x\n", "nonlocal declaration not allowed at module level", 1),
            ("def f(a):\n    global a\n", "name 'a' is parameter and global", 2),
            ("def f():\n    x = 1\n    global x\n", "name 'x' is assigned to before global declaration", 3),
            ("class C:\n    yield 1\n", "'yield' outside function", 2),
            ("def f():\n    print(x)\n    x = 1\n    global x\n", "name 'x' is used prior to global declaration", 4),
            ("def f():\n    x += 1\n    global x\n", "name 'x' is assigned to before global declaration", 3),
            ("def f():\n    x: int\n    nonlocal x\n", "annotated name 'x' can't be nonlocal", 3),
            ("def f():\n    global x\n    x: int = 1\n", "annotated name 'x' can't be global", 3),
            ("x = 0\ndef f():\n    nonlocal x\n", "no binding for nonlocal 'x' found", 3),
            ("def f():\n    x = 1\n    def g():\n        nonlocal x, y\n", "no binding for nonlocal 'y' found", 4),
            ("class C:\n    x = 1\n    def g():\n        nonlocal x\n", "no binding for nonlocal 'x' found", 4),
            ("f(a,\n  b=1, b=2)\n", "keyword argument repeated: b", 2),
            ("f(b=1, **k, b=2)\n", "keyword argument repeated: b", 1),
            ("class C(x=1, x=2): pass\n", "keyword argument repeated: x", 1),
        ]
        for (source, message, line) in cases {
            let error = compileError(source)
            XCTAssertEqual(error?.message, message, source)
            XCTAssertEqual(error?.line, line, source)
        }
    }

    /// A compiler error shows its source line and carets, as CPython re-reads the line from the file.
    func testCompilerErrorsShowTheSourceLine() {
        XCTAssertEqual(
            compileError("x = 0\ndef f():\n    nonlocal x\n")?.rendered,
            "  File \"test.py\", line 3\n    nonlocal x\n    ^^^^^^^^^^\nSyntaxError: no binding for nonlocal 'x' found\n")
        XCTAssertNil(compileError("def f():\n    def g():\n        nonlocal x\n    x = 1\n"))
    }

    func testStackDepthCoversNestedCalls() throws {
        let module = try compile("f(g(h(1, 2), 3), [4, 5, (6, 7)])\n")
        XCTAssertGreaterThanOrEqual(module.maxStackDepth, 7)
        checkInvariants(module, "nested calls")
    }
}
