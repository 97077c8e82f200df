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
        let expected = try pythonResults(of: cases.map { "\($0.0)\t\($0.1)" }, script: script)
        var mismatches: [String] = []
        for (i, (valueSource, spec)) in cases.enumerated() {
            let value = try valueOf(valueSource)
            let ours = outcome { Str.make(try Formatting.format(value, spec)) }
            if ours != expected[i] { mismatches.append("format(\(valueSource), \(Objects.reprOfString(spec)))\n  python3: \(expected[i])\n  runtime: \(ours)") }
        }
        XCTAssertEqual(mismatches.count, 0, "of \(cases.count):\n" + mismatches.prefix(15).joined(separator: "\n"))
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

extension RuntimeTestCase {
    /// The values of the test's small vocabulary of Python expressions.
    func valueOf(_ source: String) throws -> Value {
        switch source {
        case "True": return BuiltinTypes.trueValue
        case "False": return BuiltinTypes.falseValue
        case "2**70": return try Ints.power(Value(smallInt: 2), Value(smallInt: 70))
        case "-(2**65)": return Ints.negate(try Ints.power(Value(smallInt: 2), Value(smallInt: 65)))
        case "float('inf')": return Floats.make(.infinity)
        case "float('-inf')": return Floats.make(-.infinity)
        case "float('nan')": return Floats.make(.nan)
        case "None": return BuiltinTypes.none
        case "2**62": return try Ints.power(Value(smallInt: 2), Value(smallInt: 62))
        case "-(2**70)": return Ints.negate(try Ints.power(Value(smallInt: 2), Value(smallInt: 70)))
        default:
            if source.hasPrefix("'") { return Str.make(String(source.dropFirst().dropLast())) }
            if source.contains(".") || source.contains("e") { return Floats.make(Double(source)!) }
            return try Ints.parse(source, base: 10)
        }
    }
}

/// `template % args` over random templates and arguments must give CPython's text or error.
final class PercentFormattingTests: RuntimeTestCase {
    func testRandomTemplatesMatchCPython() throws {
        var random = SplitMix64(seed: 1911)
        func pick<T>(_ xs: [T]) -> T { xs[Int(random.next() % UInt64(xs.count))] }
        func chance(_ percent: UInt64) -> Bool { random.next() % 100 < percent }
        let values = ["0", "7", "-42", "255", "-9876543210", "2**70", "True", "0.0", "-0.0", "1.5", "-2.5", "0.1",
                      "123456.789", "1e16", "1e-7", "-1e300", "float('inf')", "float('nan')", "65", "'abc'", "''", "'é'", "'x'"]
        var cases: [(template: String, args: [String])] = []
        for _ in 0..<scaled(10_000, stressed: 200) {
            var template = chance(50) ? "v=" : ""
            var args: [String] = []
            for _ in 0..<(1 + random.next() % 3) {
                var conversion = "%"
                for flag in ["-", "+", " ", "#", "0"] where chance(12) { conversion += flag }
                if chance(10) {
                    conversion += "*"
                    args.append(String(Int(random.next() % 12) - 3))
                } else if chance(40) {
                    conversion += String(random.next() % 12)
                }
                if chance(30) { conversion += "." + String(random.next() % 8) }
                conversion += String(pick(Array("sdiuxXoeEfFgGcra") + (chance(3) ? ["q", "%"] : [])))
                template += conversion + (chance(40) ? " | " : "")
                args.append(pick(values))
            }
            if chance(4) { args.removeLast() }
            if chance(4) { args.append("1") }
            if chance(3) { template += "%" }
            cases.append((template, args))
        }
        func tupleSource(_ args: [String]) -> String { args.isEmpty ? "()" : "(" + args.joined(separator: ", ") + ",)" }
        let script = """
        import sys
        for line in open(sys.argv[1], encoding='utf-8'):
            template, args = line.rstrip('\\n').split('\\t')
            try:
                r = repr(template % eval(args))
            except Exception as e:
                r = type(e).__name__ + ': ' + str(e)
            print(r)
        """
        let expected = try pythonResults(of: cases.map { $0.template + "\t" + tupleSource($0.args) }, script: script)
        var mismatches: [String] = []
        for (i, c) in cases.enumerated() {
            let ours = outcome { () throws -> Value in
                let list = List.make()
                for source in c.args { List.append(list, try valueOf(source)) }
                let args = Tuple.make((0..<List.count(list)).map { List.item(list, at: $0) })
                return Str.make(try Formatting.percent(c.template, args))
            }
            if ours != expected[i] {
                mismatches.append("\(Objects.reprOfString(c.template)) % \(tupleSource(c.args))\n  python3: \(expected[i])\n  runtime: \(ours)")
            }
        }
        XCTAssertEqual(mismatches.count, 0, "of \(cases.count):\n" + mismatches.prefix(15).joined(separator: "\n"))
    }

    func testMappingKeysAndSingleArguments() throws {
        let dict = Dict.make()
        try Dict.set(dict, Str.make("name"), Str.make("x"))
        try Dict.set(dict, Str.make("n"), Value(smallInt: 2))
        XCTAssertEqual(try Formatting.percent("%(name)s-%(n)03d", dict), "x-002")
        XCTAssertEqual(try Formatting.percent("%s", dict), "{'name': 'x', 'n': 2}")
        XCTAssertEqual(try Formatting.percent("%s", Str.make("abc")), "abc")
        XCTAssertEqual(outcome { Str.make(try Formatting.percent("%(missing)s", dict)) }, "KeyError: 'missing'")
        XCTAssertEqual(outcome { Str.make(try Formatting.percent("%(a)s", Tuple.make(Value(smallInt: 1)))) }, "TypeError: format requires a mapping")
        XCTAssertEqual(outcome { Str.make(try Formatting.percent("%(a", dict)) }, "ValueError: incomplete format key")
    }
}
