import Foundation
import XCTest
@testable import Runtime

/// `format(value, spec)` over random values and random format specifications must give
/// CPython's text or CPython's error, exactly.
final class FormattingTests: RuntimeTestCase {
    func testRandomFormatSpecificationsMatchCPython() throws {
        var random = SplitMix64(seed: 3110)
        func pick<T>(_ xs: [T]) -> T { xs[Int(random.next() % UInt64(xs.count))] }
        func maybe(_ percent: UInt64, _ text: String) -> String { random.next() % 100 < percent ? text : "" }
        let values: [String] = ["0", "7", "-42", "255", "1234567", "-9876543210", "2**70", "-(2**65)", "True", "False",
                                "0.0", "-0.0", "1.5", "-2.5", "0.1", "123456.789", "1e16", "1e-7", "-1e300", "2.675",
                                "float('inf')", "float('-inf')", "float('nan')", "-0.0004", "65",
                                "'abc'", "''", "'héllo'", "'a longer string value'"]
        let types = ["", "", "", "d", "b", "o", "x", "X", "c", "n", "e", "E", "f", "F", "g", "G", "%", "s", "q"]
        var cases: [(String, String)] = []
        for _ in 0..<scaled(20_000, stressed: 300) {
            var spec = ""
            if random.next() % 3 == 0 {
                spec += maybe(40, pick(["*", "0", "x", "é", "{"])) + pick(["<", ">", "^", "="])
            }
            spec += maybe(25, pick(["+", "-", " "])) + maybe(8, "z") + maybe(15, "#") + maybe(20, "0")
            spec += maybe(50, String(random.next() % 16)) + maybe(20, pick([",", "_"]))
            spec += maybe(35, "." + String(random.next() % 12)) + pick(types)
            cases.append((pick(values), spec))
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("format-\(getpid()).txt")
        try cases.map { "\($0.0)\t\($0.1)" }.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let script = """
        import sys
        for line in open(sys.argv[1], encoding='utf-8'):
            value, spec = line.rstrip('\\n').split('\\t')
            try:
                r = repr(format(eval(value), spec))
            except Exception as e:
                r = type(e).__name__ + ': ' + str(e)
            print(r)
        """
        let expected = try runPython(script, arguments: [file.path]).split(separator: "\n", omittingEmptySubsequences: false)
        var mismatches: [String] = []
        for (i, (valueSource, spec)) in cases.enumerated() {
            let value = try evaluate(valueSource)
            let ours = outcome { Str.make(try Formatting.format(value, spec)) }
            if ours != expected[i] { mismatches.append("format(\(valueSource), \(Objects.reprOfString(spec)))\n  python3: \(expected[i])\n  runtime: \(ours)") }
        }
        XCTAssertEqual(mismatches.count, 0, "of \(cases.count):\n" + mismatches.prefix(15).joined(separator: "\n"))
    }

    /// The values of the test's small vocabulary of Python expressions.
    func evaluate(_ source: String) throws -> Value {
        switch source {
        case "True": return BuiltinTypes.trueValue
        case "False": return BuiltinTypes.falseValue
        case "2**70": return try Ints.power(Value(smallInt: 2), Value(smallInt: 70))
        case "-(2**65)": return Ints.negate(try Ints.power(Value(smallInt: 2), Value(smallInt: 65)))
        case "float('inf')": return Floats.make(.infinity)
        case "float('-inf')": return Floats.make(-.infinity)
        case "float('nan')": return Floats.make(.nan)
        default:
            if source.hasPrefix("'") { return Str.make(String(source.dropFirst().dropLast())) }
            if source.contains(".") || source.contains("e") { return Floats.make(Double(source)!) }
            return try Ints.parse(source, base: 10)
        }
    }

    func testGroupedZeroPaddingAndEmptySpecs() throws {
        XCTAssertEqual(try Formatting.format(Value(smallInt: 12), "010,"), "00,000,012")
        XCTAssertEqual(try Formatting.format(Value(smallInt: 255), "#_b"), "0b1111_1111")
        XCTAssertEqual(try Formatting.format(BuiltinTypes.trueValue, ""), "True")
        XCTAssertEqual(try Formatting.format(Floats.make(1e16), ""), "1e+16")
        XCTAssertEqual(try Formatting.format(Str.make("ab"), "05"), "ab000")
        XCTAssertEqual(outcome { Str.make(try Formatting.format(Value(smallInt: 1), "abc")) },
                       "ValueError: Invalid format specifier 'abc' for object of type 'int'")
    }
}
