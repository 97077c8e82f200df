import Foundation
import XCTest
@testable import FrontEnd

final class FStringTests: XCTestCase {
    private func parts(_ literal: String) throws -> [FStringPart] {
        let source = try SourceText(fileName: "prog.py", text: literal)
        return try splitFString(tokenize(source)[0], in: source)
    }

    private func text(_ string: String) -> FStringPart {
        .literal(string.unicodeScalars.map(\.value))
    }

    func testLiteralTextAndDoubledBraces() throws {
        XCTAssertEqual(try parts("f'a{{b}}\\n'"), [text("a{b}\n")])
        XCTAssertEqual(try parts("rf'\\n{{'"), [text("\\n{")])
        XCTAssertEqual(try parts("f'\\N{EURO SIGN}'"), [text("€")])
    }

    func testFieldsWithConversionSpecAndDebugText() throws {
        let result = try parts("f'x={a[\"k\"] + 1 = !r:>{width}.2f} end'")
        XCTAssertEqual(result.count, 3)
        XCTAssertEqual(result[0], text("x="))
        guard case .field(let field) = result[1] else { return XCTFail("expected a field") }
        XCTAssertEqual(field.expression, "a[\"k\"] + 1 ")
        XCTAssertEqual(field.debugText, "a[\"k\"] + 1 = ")
        XCTAssertEqual(field.conversion, "r")
        XCTAssertEqual(field.formatSpec.count, 3)
        XCTAssertEqual(field.formatSpec[0], text(">"))
        guard case .field(let nested) = field.formatSpec[1] else { return XCTFail("expected a nested field") }
        XCTAssertEqual(nested.expression, "width")
        XCTAssertEqual(field.formatSpec[2], text(".2f"))
        XCTAssertEqual(result[2], text(" end"))
    }

    func testComparisonOperatorsAreNotDebugMarkers() throws {
        guard case .field(let field) = try parts("f'{a != b}{c == d}'")[0] else { return XCTFail("expected a field") }
        XCTAssertEqual(field.expression, "a != b")
        XCTAssertNil(field.debugText)
    }

    func testErrorsMatchCPython() throws {
        let cases = [
            "f'{'", "f'}'", "f'{}'", "f'{ }'", "f'{x!z}'", "f'{x!}'", "f'{x\\n}'", "f'{x#}'", "f'{x)}'", "f'{(x]}'",
            "f'{x:{y:{z}}}'", "f'{x'", "f'{x:'", "f'{x!r'", "f'{x!r }'", "f'{x=!r:>10}'", "f'{{{x}}}'", "f'{x:{{}}}'",
        ]
        let script = """
            import sys, json
            for src in json.loads(sys.argv[1]):
                try:
                    compile(src, 'prog.py', 'eval'); print('OK')
                except SyntaxError as e:
                    print(e.msg, e.offset)
            """
        let json = String(decoding: try JSONEncoder().encode(cases), as: UTF8.self)
        let expected = try runPython(script, arguments: [json]).split(separator: "\n").map(String.init)
        let ours = cases.map { literal -> String in
            do {
                _ = try parts(literal)
                return "OK"
            } catch {
                let info = error as! SyntaxErrorInfo
                return "\(info.message) \(info.offset)"
            }
        }
        XCTAssertEqual(ours, expected)
    }
}
