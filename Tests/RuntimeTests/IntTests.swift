import XCTest
@testable import Runtime

final class IntTests: RuntimeTestCase {
    func testSmallIntRangeIsSixtyThreeBits() {
        XCTAssertTrue(Value.fitsSmallInt(Value.smallIntMax))
        XCTAssertTrue(Value.fitsSmallInt(Value.smallIntMin))
        XCTAssertFalse(Value.fitsSmallInt(Value.smallIntMax + 1))
        XCTAssertFalse(Value.fitsSmallInt(Value.smallIntMin - 1))
        XCTAssertTrue(Ints.make(Value.smallIntMax).isSmallInt)
        XCTAssertFalse(Ints.make(Value.smallIntMax + 1).isSmallInt)
    }

    func testAdditionPromotesAtTheBoundaryAndDemotesBack() throws {
        let max = Ints.make(Value.smallIntMax)
        let big = Ints.add(max, Value(smallInt: 1))
        XCTAssertFalse(big.isSmallInt)
        XCTAssertEqual(repr(big), "4611686018427387904")
        let back = Ints.subtract(big, Value(smallInt: 1))
        XCTAssertTrue(back.isSmallInt, "a result in range must be small again: one canonical form")
        XCTAssertEqual(back.smallInt, Value.smallIntMax)
    }

    func testBoundaryValues() throws {
        let cases: [(String, String)] = [
            ("2**62", "4611686018427387904"), ("-(2**62)", "-4611686018427387904"),
            ("2**63", "9223372036854775808"), ("-(2**63)", "-9223372036854775808"),
            ("2**64", "18446744073709551616"), ("-(2**64)", "-18446744073709551616"),
        ]
        for (expression, expected) in cases {
            let exponent = Int(expression.filter(\.isNumber).dropFirst())!
            var v = try Ints.power(Value(smallInt: 2), Value(smallInt: exponent))
            if expression.hasPrefix("-") { v = Ints.negate(v) }
            XCTAssertEqual(repr(v), expected, expression)
        }
        XCTAssertEqual(repr(try Ints.power(Value(smallInt: 2), Value(smallInt: 1000))).count, 302)
    }

    func testFloorDivisionAndModuloFollowTheDivisorsSign() throws {
        XCTAssertEqual(repr(try Ints.floorDivide(Value(smallInt: -1), Value(smallInt: 2))), "-1")
        XCTAssertEqual(repr(try Ints.modulo(Value(smallInt: -7), Value(smallInt: 3))), "2")
        XCTAssertEqual(repr(try Ints.modulo(Value(smallInt: 7), Value(smallInt: -3))), "-2")
        XCTAssertEqual(repr(try Ints.divmod(Value(smallInt: -7), Value(smallInt: 2))), "(-4, 1)")
        let minSmall = Value(smallInt: Value.smallIntMin)
        XCTAssertEqual(repr(try Ints.floorDivide(minSmall, Value(smallInt: -1))), "4611686018427387904")
        XCTAssertEqual(outcome { try Ints.floorDivide(Value(smallInt: 1), Value(smallInt: 0)) },
                       "ZeroDivisionError: integer division or modulo by zero")
        XCTAssertEqual(outcome { try Ints.modulo(Value(smallInt: 1), Value(smallInt: 0)) },
                       "ZeroDivisionError: integer modulo by zero")
    }

    func testShifts() throws {
        XCTAssertEqual(repr(try Ints.shiftLeft(Value(smallInt: 1), Value(smallInt: 100))), "1267650600228229401496703205376")
        XCTAssertEqual(repr(try Ints.shiftRight(Value(smallInt: -1), Value(smallInt: 100))), "-1")
        XCTAssertEqual(repr(try Ints.shiftRight(Value(smallInt: -5), Value(smallInt: 1))), "-3")
        XCTAssertEqual(outcome { try Ints.shiftLeft(Value(smallInt: 1), Value(smallInt: -1)) }, "ValueError: negative shift count")
    }

    func testBitwiseOperationsOnNegativeNumbers() throws {
        let big = int("-18446744073709551617")
        XCTAssertEqual(repr(Ints.and(big, Value(smallInt: 0xFF))), "255")
        XCTAssertEqual(repr(Ints.or(Value(smallInt: -8), Value(smallInt: 3))), "-5")
        XCTAssertEqual(repr(Ints.xor(big, Value(smallInt: -1))), "18446744073709551616")
        XCTAssertEqual(repr(Ints.invert(big)), "18446744073709551616")
    }

    func testPowerSemantics() throws {
        XCTAssertEqual(repr(try Ints.power(Value(smallInt: 2), Value(smallInt: -1))), "0.5")
        XCTAssertEqual(outcome { try Ints.power(Value(smallInt: 0), Value(smallInt: -1)) },
                       "ZeroDivisionError: 0.0 cannot be raised to a negative power")
        XCTAssertEqual(repr(try Ints.power(Value(smallInt: 3), Value(smallInt: 2), modulo: Value(smallInt: -5))), "-1")
        XCTAssertEqual(repr(try Ints.power(Value(smallInt: 3), Value(smallInt: -1), modulo: Value(smallInt: 7))), "5")
        XCTAssertEqual(outcome { try Ints.power(Value(smallInt: 2), Value(smallInt: -1), modulo: Value(smallInt: 4)) },
                       "ValueError: base is not invertible for the given modulus")
        XCTAssertEqual(outcome { try Ints.power(Value(smallInt: 2), Value(smallInt: 3), modulo: Value(smallInt: 0)) },
                       "ValueError: pow() 3rd argument cannot be 0")
    }

    func testTrueDivisionIsCorrectlyRoundedForHugeOperands() throws {
        let a = try Ints.power(Value(smallInt: 10), Value(smallInt: 400))
        let b = Ints.add(try Ints.power(Value(smallInt: 10), Value(smallInt: 399)), Value(smallInt: 7))
        XCTAssertEqual(repr(try Ints.trueDivide(a, b)), "10.0")
        XCTAssertEqual(outcome { try Ints.trueDivide(a, Value(smallInt: 1)) },
                       "OverflowError: integer division result too large for a float")
        let tiny = try Ints.trueDivide(Value(smallInt: 1), try Ints.power(Value(smallInt: 2), Value(smallInt: 1074)))
        XCTAssertEqual(repr(tiny), "5e-324")
        let belowHalf = try Ints.trueDivide(Value(smallInt: 1), try Ints.power(Value(smallInt: 2), Value(smallInt: 1076)))
        XCTAssertEqual(repr(belowHalf), "0.0")
    }

    func testConversionToFloatRoundsHalfToEven() throws {
        // 2**53 + 1 is halfway between two floats: ties go to the even one, 2**53.
        XCTAssertEqual(try Ints.toDouble(int("9007199254740993")), 9007199254740992.0)
        XCTAssertEqual(try Ints.toDouble(int("9007199254740995")), 9007199254740996.0)
        XCTAssertEqual(outcome { Floats.make(try Ints.toDouble(try Ints.power(Value(smallInt: 10), Value(smallInt: 400)))) },
                       "OverflowError: int too large to convert to float")
    }

    func testExactComparisonWithFloats() throws {
        let n = int("9007199254740993")
        let f = Floats.make(9007199254740992.0)
        XCTAssertTrue(try Objects.compare(n, f, .greater))
        XCTAssertFalse(try Objects.compare(n, f, .equal))
        XCTAssertTrue(try Objects.compare(Floats.make(0.5), Value(smallInt: 0), .greater))
        XCTAssertTrue(try Objects.compare(Floats.make(-0.5), Value(smallInt: 0), .less))
        XCTAssertFalse(try Objects.compare(Floats.make(.nan), Value(smallInt: 0), .equal))
        XCTAssertTrue(try Objects.compare(Floats.make(.nan), Value(smallInt: 0), .notEqual))
    }

    func testTextConversionsAndTheirErrors() throws {
        XCTAssertEqual(repr(try Ints.parse("  -0x_ff ", base: 0)), "-255")
        XCTAssertEqual(repr(try Ints.parse("1_000", base: 10)), "1000")
        XCTAssertEqual(repr(try Ints.parse("zz", base: 36)), "1295")
        XCTAssertEqual(repr(try Ints.parse("123456789012345678901234567890", base: 10)), "123456789012345678901234567890")
        XCTAssertEqual(outcome { try Ints.parse("010", base: 0) }, "ValueError: invalid literal for int() with base 0: '010'")
        XCTAssertEqual(outcome { try Ints.parse("1__0", base: 10) }, "ValueError: invalid literal for int() with base 10: '1__0'")
        XCTAssertEqual(outcome { try Ints.parse("", base: 16) }, "ValueError: invalid literal for int() with base 16: ''")
        XCTAssertEqual(outcome { try Ints.parse("5", base: 1) }, "ValueError: int() base must be >= 2 and <= 36, or 0")
        let huge = try Ints.power(Value(smallInt: 10), Value(smallInt: 5000))
        XCTAssertEqual(outcome { Str.make(try Ints.text(huge)) },
                       "ValueError: Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit")
        XCTAssertEqual(try Ints.text(try Ints.power(Value(smallInt: 2), Value(smallInt: 100000)), base: 16).count, 25001)
    }

    func testHashesMatchCPython() throws {
        let values = ["0", "1", "-1", "-2", "2305843009213693951", "2305843009213693952", "-2305843009213693953",
                      "4611686018427387904", "-9223372036854775808", "18446744073709551616", "12345678901234567890123"]
        let expected = try runPython("import sys\nfor a in sys.argv[1:]: print(hash(int(a)))", arguments: values)
        let ours = values.map { String(Ints.hash(int($0))) + "\n" }.joined()
        XCTAssertEqual(ours, expected)
    }
}
