import XCTest
@testable import Runtime

final class FloatTests: RuntimeTestCase {
    func testReprMatchesCPythonLayout() {
        let cases: [(Double, String)] = [
            (1e16, "1e+16"), (1e15, "1000000000000000.0"), (1e-5, "1e-05"), (0.0001, "0.0001"),
            (100.0, "100.0"), (-0.0, "-0.0"), (0.1 + 0.2, "0.30000000000000004"), (.infinity, "inf"),
            (-.infinity, "-inf"), (.nan, "nan"), (5e-324, "5e-324"), (1.7976931348623157e308, "1.7976931348623157e+308"),
            (123456789.125, "123456789.125"), (2.5e-7, "2.5e-07"), (1.5, "1.5"), (9007199254740993.0, "9007199254740992.0"),
        ]
        for (d, expected) in cases { XCTAssertEqual(Floats.repr(d), expected) }
    }

    func testReprOfRandomDoublesMatchesCPython() throws {
        var generator = SplitMix64(seed: 7)
        let doubles = (0..<2000).map { _ in Double(bitPattern: generator.next() & 0x7FEF_FFFF_FFFF_FFFF) }
        let expected = try runPython("import sys,struct\nfor a in sys.argv[1:]: print(repr(struct.unpack('<d', struct.pack('<Q', int(a)))[0]))",
                                     arguments: doubles.map { String($0.bitPattern) })
        XCTAssertEqual(doubles.map { Floats.repr($0) + "\n" }.joined(), expected)
    }

    func testDivisionModuloAndTheirErrors() {
        XCTAssertEqual(outcome { try Floats.modulo(-7.5, 2.0) }, "0.5")
        XCTAssertEqual(outcome { try Floats.modulo(7.5, -2.0) }, "-0.5")
        XCTAssertEqual(outcome { try Floats.modulo(-0.0, 1.0) }, "0.0")
        XCTAssertEqual(outcome { try Floats.floorDivide(-7.5, 2.0) }, "-4.0")
        XCTAssertEqual(outcome { try Floats.divmod(-7.0, 2.0) }, "(-4.0, 1.0)")
        XCTAssertEqual(outcome { try Floats.trueDivide(1.0, 0.0) }, "ZeroDivisionError: float division by zero")
        XCTAssertEqual(outcome { try Floats.floorDivide(1.0, 0.0) }, "ZeroDivisionError: float floor division by zero")
        XCTAssertEqual(outcome { try Floats.modulo(1.0, 0.0) }, "ZeroDivisionError: float modulo")
        XCTAssertEqual(outcome { try Floats.divmod(1.0, 0.0) }, "ZeroDivisionError: float divmod()")
    }

    func testPowerCornerCases() {
        XCTAssertEqual(outcome { try Floats.power(2.0, 10000.0) }, "OverflowError: (34, 'Numerical result out of range')")
        XCTAssertEqual(outcome { try Floats.power(0.0, -1.0) }, "ZeroDivisionError: 0.0 cannot be raised to a negative power")
        XCTAssertEqual(outcome { try Floats.power(-2.0, 3.0) }, "-8.0")
        XCTAssertEqual(outcome { try Floats.power(-0.0, 3.0) }, "-0.0")
        XCTAssertEqual(outcome { try Floats.power(.nan, 0.0) }, "1.0")
        XCTAssertEqual(outcome { try Floats.power(1.0, .nan) }, "1.0")
        XCTAssertEqual(outcome { try Floats.power(-1.0, .infinity) }, "1.0")
        XCTAssertEqual(outcome { try Floats.power(0.5, -.infinity) }, "inf")
    }

    func testIntConversionErrors() {
        XCTAssertEqual(outcome { try Ints.make(truncating: .nan) }, "ValueError: cannot convert float NaN to integer")
        XCTAssertEqual(outcome { try Ints.make(truncating: -.infinity) }, "OverflowError: cannot convert float infinity to integer")
        XCTAssertEqual(outcome { try Ints.make(truncating: -2.9) }, "-2")
        XCTAssertEqual(outcome { try Ints.make(truncating: 1e20) }, "100000000000000000000")
    }

    func testHashesMatchCPython() throws {
        let doubles: [Double] = [0, -0.0, 1.5, -1.5, 1e300, 1e-300, 0.1, 2.0.squareRoot(), 3.0, -1.0, 4.6116860184273879e18, .infinity, -.infinity]
        let expected = try runPython("import sys\nfor a in sys.argv[1:]: print(hash(float(a)))", arguments: doubles.map { Floats.repr($0) })
        XCTAssertEqual(doubles.map { String(Floats.hash($0)) + "\n" }.joined(), expected)
    }
}

/// A small seeded generator (SplitMix64), so that random tests are reproducible.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
}

final class RoundingTests: RuntimeTestCase {
    func testTiesGoToEvenOnTheExactBinaryValue() throws {
        func r(_ d: Double, _ digits: Int?) -> String { outcome { try Arithmetic.round(Floats.make(d), digits: digits.map { Ints.make($0) }) } }
        XCTAssertEqual(r(0.5, nil), "0")
        XCTAssertEqual(r(1.5, nil), "2")
        XCTAssertEqual(r(-2.5, nil), "-2")
        XCTAssertEqual(r(2.675, 2), "2.67", "2.675 is really 2.67499999...")
        XCTAssertEqual(r(0.125, 2), "0.12")
        XCTAssertEqual(r(12345.6, -2), "12300.0")
        XCTAssertEqual(r(250.0, -2), "200.0")
        XCTAssertEqual(r(1e300, -301), "0.0")
        XCTAssertEqual(r(.nan, nil), "ValueError: cannot convert float NaN to integer")
        XCTAssertEqual(r(.infinity, nil), "OverflowError: cannot convert float infinity to integer")
        XCTAssertEqual(outcome { try Arithmetic.round(Value(smallInt: 25), digits: Value(smallInt: -1)) }, "20")
        XCTAssertEqual(outcome { try Arithmetic.round(Value(smallInt: 35), digits: Value(smallInt: -1)) }, "40")
        XCTAssertEqual(outcome { try Arithmetic.round(Value(smallInt: 35), digits: Value(smallInt: 3)) }, "35")
    }
}
