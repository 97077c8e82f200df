import XCTest
@testable import FrontEnd

/// Behaviours the differential test's files may not exercise, with the tokens CPython gives.
final class LexerTests: XCTestCase {
    private func lines(_ text: String) throws -> [String] {
        let source = try SourceText(fileName: "prog.py", text: text)
        return try tokenize(source).map { tokenLine($0, in: source) }
    }

    func testMissingFinalNewlineGetsAnEmptyNewlineThenDedents() throws {
        XCTAssertEqual(try lines("if x:\n  y"), [
            "NAME 'if' (1, 0) (1, 2)", "NAME 'x' (1, 3) (1, 4)", "OP ':' (1, 4) (1, 5)", "NEWLINE '\\n' (1, 5) (1, 6)",
            "INDENT '  ' (2, 0) (2, 2)", "NAME 'y' (2, 2) (2, 3)", "NEWLINE '' (2, 3) (2, 4)", "DEDENT '' (3, 0) (3, 0)",
            "ENDMARKER '' (3, 0) (3, 0)",
        ])
    }

    func testCommentOnLastLineWithoutNewlineEndsWithAnEmptyNL() throws {
        XCTAssertEqual(try lines("# c"), ["COMMENT '# c' (1, 0) (1, 3)", "NL '' (1, 3) (1, 3)", "ENDMARKER '' (2, 0) (2, 0)"])
    }

    func testCarriageReturnsEndLines() throws {
        XCTAssertEqual(try lines("a\rb\r\n"), [
            "NAME 'a' (1, 0) (1, 1)", "NEWLINE '\\r' (1, 1) (1, 2)", "NAME 'b' (2, 0) (2, 1)",
            "NEWLINE '\\r\\n' (2, 1) (2, 3)", "ENDMARKER '' (3, 0) (3, 0)",
        ])
    }

    func testByteOrderMarkIsSkipped() throws {
        XCTAssertEqual(try lines("\u{FEFF}x\n"), ["NAME 'x' (1, 0) (1, 1)", "NEWLINE '\\n' (1, 1) (1, 2)", "ENDMARKER '' (2, 0) (2, 0)"])
    }

    func testTabsIndentToMultiplesOfEightAndFormFeedResets() throws {
        // A tab and eight spaces are the same level; the form feed restarts the count.
        XCTAssertEqual(try lines("if x:\n\ta\n\u{0C}\tb\n").filter { $0.hasPrefix("INDENT") || $0.hasPrefix("DEDENT") }, [
            "INDENT '\\t' (2, 0) (2, 1)", "DEDENT '' (4, 0) (4, 0)",
        ])
    }

    func testBracketsSuppressNewlinesAndIndentation() throws {
        XCTAssertEqual(try lines("f(a,\n      b)\n").map { String($0.prefix(while: { $0 != " " })) }, [
            "NAME", "OP", "NAME", "OP", "NL", "NAME", "OP", "NEWLINE", "ENDMARKER",
        ])
    }

    func testNumberMayRunIntoAKeyword() throws {
        XCTAssertEqual(try lines("1if 0else 2\n").prefix(4), ["NUMBER '1' (1, 0) (1, 1)", "NAME 'if' (1, 1) (1, 3)", "NUMBER '0' (1, 4) (1, 5)", "NAME 'else' (1, 5) (1, 9)"])
    }

    func testNonASCIIIdentifiersAndColumnsInCodePoints() throws {
        XCTAssertEqual(try lines("é = 'ü'\n").prefix(3), ["NAME '\\xe9' (1, 0) (1, 1)", "OP '=' (1, 2) (1, 3)", "STRING \"'\\xfc'\" (1, 4) (1, 7)"])
    }

    func testEveryStringPrefixAndAFStringIsOneToken() throws {
        for prefix in ["", "r", "u", "R", "U", "b", "B", "f", "F", "br", "rB", "Fr", "rf", "bR", "RB"] {
            XCTAssertEqual(try lines("\(prefix)'{x}'\n")[0].prefix(6), "STRING", prefix)
        }
        XCTAssertEqual(try lines("ur'x'\n")[0], "NAME 'ur' (1, 0) (1, 2)")
    }

    func testOperatorsTakeTheLongestSpelling() throws {
        let ops = "**= //= >>= <<= ... -> := != == <= >= ** // << >> += -= *= /= %= &= |= ^= @= ~"
        let tokens = try lines(ops + "\n").dropLast(2).map { $0.split(separator: " ")[1] }
        XCTAssertEqual(tokens.map { String($0.dropFirst().dropLast()) }, ops.split(separator: " ").map(String.init))
    }

    func testStrayPunctuationIsAnErrorTokenForTheParser() throws {
        XCTAssertEqual(try lines("$?!\n").prefix(3), ["ERRORTOKEN '$' (1, 0) (1, 1)", "ERRORTOKEN '?' (1, 1) (1, 2)", "ERRORTOKEN '!' (1, 2) (1, 3)"])
    }
}
