import XCTest
@testable import Runtime

final class ObjectTests: RuntimeTestCase {
    func testStrHashMatchesCPythonWithHashSeedZero() throws {
        let texts = ["", "a", "hello", "héllo wörld", "日本語のテキスト", "emoji 🎉 four bytes", "exactly8", "sixteen chars!!!"]
        let expected = try runPython("import sys\nfor a in sys.argv[1:]: print(hash(a))", arguments: texts)
        XCTAssertEqual(texts.map { String(Str.hash(Str.make($0))) + "\n" }.joined(), expected)
    }

    func testStrKeepsCodePointsInTheNarrowestWidth() {
        XCTAssertEqual(Str.width(Str.make("abc")), 1)
        XCTAssertEqual(Str.width(Str.make("é")), 1)
        XCTAssertEqual(Str.width(Str.make("€")), 2)
        XCTAssertEqual(Str.width(Str.make("🎉")), 4)
        let s = Str.make("a€🎉")
        XCTAssertEqual(Str.count(s), 3)
        XCTAssertEqual(Str.codePoint(s, at: 2), 0x1F389)
        XCTAssertEqual(Str.swiftString(Str.concatenate(Str.make("ab"), Str.make("🎉"))), "ab🎉")
    }

    func testTupleHashMatchesCPython() throws {
        let tuple = Tuple.make(Value(smallInt: 1), Floats.make(2.5), Tuple.make(Value(smallInt: -1), BuiltinTypes.trueValue))
        let expected = try runPython("print(hash((1, 2.5, (-1, True))))")
        XCTAssertEqual(String(try Objects.hash(tuple)) + "\n", expected)
    }

    func testDictKeepsInsertionOrderThroughDeletesAndGrowth() throws {
        let dict = Dict.make()
        for i in 0..<100 { try Dict.set(dict, Str.make("k\(i)"), Value(smallInt: i)) }
        for i in stride(from: 0, to: 100, by: 3) { try Dict.remove(dict, Str.make("k\(i)")) }
        try Dict.set(dict, Str.make("k0"), Value(smallInt: -1))
        var keys: [String] = []
        try Dict.forEach(dict) { key, _ in keys.append(Str.swiftString(key)) }
        let expected = (0..<100).filter { $0 % 3 != 0 }.map { "k\($0)" } + ["k0"]
        XCTAssertEqual(keys, expected)
        XCTAssertEqual(try Dict.get(dict, Str.make("k5")).smallInt, 5)
        XCTAssertTrue(try Dict.get(dict, Str.make("k3")).isNull)
    }

    func testNumericKeysThatCompareEqualAreOneKey() throws {
        let dict = Dict.make()
        try Dict.set(dict, Value(smallInt: 1), Str.make("int"))
        try Dict.set(dict, Floats.make(1.0), Str.make("float"))
        try Dict.set(dict, BuiltinTypes.trueValue, Str.make("bool"))
        XCTAssertEqual(Dict.count(dict), 1)
        XCTAssertEqual(repr(dict), "{1: 'bool'}")
    }

    func testUnhashableTypesRaise() {
        XCTAssertEqual(outcome { Ints.make(try Objects.hash(List.make())) }, "TypeError: unhashable type: 'list'")
    }

    func testReprOfContainersAndStrings() throws {
        let list = List.make()
        List.append(list, Str.make("it's"))
        List.append(list, Tuple.make(Value(smallInt: 1)))
        List.append(list, BuiltinTypes.none)
        List.append(list, Str.make("tab\there\n\u{7f}"))
        XCTAssertEqual(repr(list), #"["it's", (1,), None, 'tab\there\n\x7f']"#)
    }

    func testExceptionHierarchyAndMessages() {
        let error = PythonError(.zeroDivisionError, "division by zero")
        XCTAssertEqual(error.typeName, "ZeroDivisionError")
        XCTAssertTrue(TypeObjects.isSubtype(error.exception.type, of: BuiltinException.arithmeticError.type))
        XCTAssertTrue(TypeObjects.isSubtype(error.exception.type, of: BuiltinException.exception.type))
        XCTAssertFalse(TypeObjects.isSubtype(BuiltinException.systemExit.type, of: BuiltinException.exception.type))
        let keyError = Exceptions.make(BuiltinException.keyError.type, arguments: [Str.make("gizmo")])
        XCTAssertEqual(try Exceptions.message(keyError), "'gizmo'")
        XCTAssertEqual(repr(keyError), "KeyError('gizmo')")
    }

    func testBoolIsAnIntInArithmetic() throws {
        XCTAssertEqual(repr(try Arithmetic.add(BuiltinTypes.trueValue, BuiltinTypes.trueValue)), "2")
        XCTAssertEqual(repr(try Arithmetic.bitwise(.and, BuiltinTypes.trueValue, BuiltinTypes.falseValue)), "False")
        XCTAssertEqual(outcome { try Arithmetic.add(Value(smallInt: 1), Str.make("a")) },
                       "TypeError: unsupported operand type(s) for +: 'int' and 'str'")
    }
}
