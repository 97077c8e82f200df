import Foundation
import XCTest
@testable import FrontEnd

/// String and number literal decoding, checked by CPython evaluating the same literals.
final class LiteralTests: XCTestCase {
    static let strings: [String] = [
        #"'abc'"#, #""a\"b""#, #"'\n\t\r\a\b\f\v\0\\\''"#, #"'\x41\x7e\xff'"#, #"'\u20ac\U0001F600'"#, #"'\101\7\777'"#,
        #"'\N{EURO SIGN}\N{latin small letter a}'"#, #"'\d\q\%'"#, "'a\\\nb'", "'''x\ny'''", #"r'\n\x'"#,
        #"R"\N{EURO SIGN}""#, #"u'é€😀'"#, #"b'\x00\xff\n\777'"#, #"rb'\x00'"#, #"Br'\\'"#, #"b'\u20ac'"#, "'''a\r\nb'''",
        #"'\N{CJK UNIFIED IDEOGRAPH-4E00}'"#, "\"\"\"\"\"\"",
    ]

    func testStringLiteralsDecodeLikeCPython() throws {
        var lines: [String] = []
        for literal in Self.strings {
            let source = try SourceText(fileName: "prog.py", text: literal)
            let token = try tokenize(source)[0]
            let decoded = try decodeStringLiteral(token, in: source)
            lines.append("\(pythonASCII(literal))\t\(decoded.isBytes)\t\(decoded.codePoints.map(String.init).joined(separator: ","))")
        }
        let script = """
            import sys, warnings
            warnings.simplefilter('ignore')
            for line in sys.argv[1].split('\\n'):
                lit, is_bytes, points = line.split('\\t')
                value = eval(eval(lit))
                expected = list(value) if isinstance(value, bytes) else [ord(c) for c in value]
                if str(isinstance(value, bytes)).lower() != is_bytes or ','.join(map(str, expected)) != points:
                    print('MISMATCH', lit, is_bytes, points, expected)
            """
        XCTAssertEqual(try runPython(script, arguments: [lines.joined(separator: "\n")]), "")
    }

    func testBytesRejectNonASCII() throws {
        let source = try SourceText(fileName: "prog.py", text: "x = b'é'\n")
        let token = try tokenize(source)[2]
        XCTAssertThrowsError(try decodeStringLiteral(token, in: source)) { error in
            let info = error as? SyntaxErrorInfo
            XCTAssertEqual(info?.message, "bytes can only contain ASCII literal characters")
            XCTAssertEqual(info?.offset, 5)
        }
    }

    func testMalformedEscapesAreErrors() throws {
        for (literal, message) in [
            (#"'\x4'"#, "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: truncated \\xXX escape"),
            (#"'\u12'"#, "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-3: truncated \\uXXXX escape"),
            (#"'\U00110000'"#, "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-9: illegal Unicode character"),
            (#"'\N{NO SUCH NAME}'"#, "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-15: unknown Unicode character name"),
            (#"b'\x4'"#, "(value error) invalid \\x escape at position 0"),
        ] {
            let source = try SourceText(fileName: "prog.py", text: literal)
            XCTAssertThrowsError(try decodeStringLiteral(tokenize(source)[0], in: source), literal) { error in
                XCTAssertEqual((error as? SyntaxErrorInfo)?.message, message)
            }
        }
    }

    static let numbers = [
        "0", "00", "0_0", "123", "1_000_000", "0xFF", "0XdeadBEEF", "0o17", "0O7_7", "0b1010", "0B1_1",
        "123456789012345678901234567890", "1.5", "1.", ".5", "1e10", "1E-5", "1_0.2_5e1_0", "09.5", "0e0",
        "1e400", "0.1", "2.2250738585072011e-308", "4.9406564584124654e-324", "1j", "1.5J", "1e3j", "0j", "09j",
    ]

    func testNumberLiteralsDecodeLikeCPython() throws {
        let lines = Self.numbers.map { literal -> String in
            switch decodeNumberLiteral(Substring(literal)) {
            case .integer(let digits, let radix): return "\(literal)\tint('\(digits)', \(radix))"
            case .float(let value): return "\(literal)\tdouble(\(value.bitPattern))"
            case .imaginary(let value): return "\(literal)\tcomplex(0, double(\(value.bitPattern)))"
            }
        }
        let script = """
            import sys, struct
            def double(bits): return struct.unpack('<d', struct.pack('<Q', bits))[0]
            for line in sys.argv[1].split('\\n'):
                lit, ours = line.split('\\t')
                a, b = eval(lit), eval(ours)
                if type(a) is not type(b) or a != b:
                    print('MISMATCH', lit, ours, a, b)
            """
        XCTAssertEqual(try runPython(script, arguments: [lines.joined(separator: "\n")]), "")
    }
}
