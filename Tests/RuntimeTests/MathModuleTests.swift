import Foundation
import XCTest
@testable import Runtime

/// Random calls of the math module's functions must give CPython's results or errors.
final class MathModuleTests: RuntimeTestCase {
    func testRandomCallsMatchCPython() throws {
        var random = SplitMix64(seed: 314)
        func pick<T>(_ xs: [T]) -> T { xs[Int(random.next() % UInt64(xs.count))] }
        let numbers = ["0", "1", "-1", "2", "7", "-42", "255", "2**70", "-(2**65)", "True", "0.0", "-0.0", "0.5", "1.5", "-2.5",
                       "0.1", "123456.789", "1e16", "1e-7", "-1e300", "1e300", "float('inf')", "float('-inf')", "float('nan')", "'abc'"]
        let integers = ["0", "1", "5", "12", "-18", "20", "-1", "2**70", "True", "1.5"]
        let unary = Array(MathModule.unaryFloatFunctions.keys).sorted() + ["log", "log2", "log10", "floor", "ceil", "trunc",
                                                                            "isnan", "isinf", "isfinite", "modf", "frexp", "degrees", "radians",
                                                                            "gamma", "lgamma"]
        var calls: [(String, [String])] = []
        for _ in 0..<scaled(20_000, stressed: 300) {
            switch random.next() % 6 {
            case 0, 1, 2: calls.append((pick(unary), [pick(numbers)]))
            case 3: calls.append((pick(["pow", "fmod", "atan2", "copysign", "log", "remainder"]), [pick(numbers), pick(numbers)]))
            case 4: calls.append((pick(["factorial", "isqrt", "gcd", "lcm", "comb", "perm"]), (0..<(1 + random.next() % 2)).map { _ in pick(integers) }))
            default: calls.append(("ldexp", [pick(numbers), pick(integers)]))
            }
        }
        let expected = try pythonResults(of: calls.map { "math.\($0.0)(\($0.1.joined(separator: ", ")))" })
        var mismatches: [String] = []
        for (i, (name, sources)) in calls.enumerated() {
            let ours = outcome {
                let list = List.make()
                for source in sources { List.append(list, try self.valueOf(source)) }
                return try MathModule.call(name, (0..<List.count(list)).map { List.item(list, at: $0) })
            }
            if ours != expected[i] { mismatches.append("math.\(name)(\(sources.joined(separator: ", ")))\n  python3: \(expected[i])\n  runtime: \(ours)") }
        }
        XCTAssertEqual(mismatches.count, 0, "of \(calls.count):\n" + mismatches.prefix(15).joined(separator: "\n"))
    }

    /// gamma and lgamma follow CPython's own Lanczos evaluation, not glibc's: a sweep over
    /// both signs and the whole range, bit for bit.
    func testGammaMatchesCPythonToTheLastBit() throws {
        var random = SplitMix64(seed: 2_718)
        var xs: [Double] = (0..<scaled(4_000, stressed: 200)).map { i in
            let unit = Double(random.next() % 1_000_000) / 1_000_000
            return i % 2 == 0 ? unit * 360 - 180 : unit * 10 - 5
        }
        xs += [0.5, 1e-21, -1e-21, 171.6, -171.5, -190.5, 250, -250.5, 23, 24, -3]
        let calls = xs.flatMap { x in ["gamma", "lgamma"].map { (name: $0, x: x) } }
        let expected = try pythonResults(of: calls.map { "math.\($0.name)(\($0.x))" })
        var mismatches: [String] = []
        for (i, call) in calls.enumerated() {
            let ours = outcome { try MathModule.call(call.name, [Floats.make(call.x)]) }
            if ours != expected[i] { mismatches.append("math.\(call.name)(\(call.x)): python3 \(expected[i]), runtime \(ours)") }
        }
        XCTAssertEqual(mismatches.count, 0, mismatches.prefix(10).joined(separator: "\n"))
    }

    /// prod, dist, hypot, nextafter and ulp on random numbers, the iterables as lists.
    func testVectorFunctionsAndNeighboursMatchCPython() throws {
        var random = SplitMix64(seed: 1_618)
        func pick<T>(_ xs: [T]) -> T { xs[Int(random.next() % UInt64(xs.count))] }
        let numbers = ["0", "1", "-3", "7", "2**70", "True", "0.0", "-0.0", "0.5", "-2.5", "0.1", "1e300", "-1e300", "1e-310",
                       "5e-324", "1.7976931348623157e308", "3.0", "123456.789", "float('inf')", "float('-inf')", "float('nan')"]
        func numberList() -> [String] { (0..<Int(random.next() % 5)).map { _ in pick(numbers) } }
        var calls: [(source: String, run: () throws -> Value)] = []
        for _ in 0..<scaled(6_000, stressed: 200) {
            let (a, b) = (numberList(), numberList())
            let (x, y) = (pick(numbers), pick(numbers))
            switch random.next() % 6 {
            case 0:
                let withStart = random.next() % 3 == 0
                let start = pick(numbers + ["'ab'"])
                calls.append(("math.prod([\(a.joined(separator: ", "))]\(withStart ? ", start=\(start)" : ""))", {
                    let list = try self.list(a)
                    let keywords = withStart ? [("start", try self.valueOf(start))] : []
                    return try Collector.withProtected(keywords.map(\.1)) { () throws(PythonError) in try MathModule.call("prod", [list], keywords: keywords) }
                }))
            case 1:
                let b = random.next() % 4 == 0 ? b : Array(b.prefix(a.count)) + Array(repeating: "1", count: max(0, a.count - b.count))
                calls.append(("math.dist([\(a.joined(separator: ", "))], [\(b.joined(separator: ", "))])", {
                    let (p, q) = (try self.list(a), try self.list(b))
                    return try MathModule.call("dist", [p, q])
                }))
            case 2:
                calls.append(("math.hypot(\(a.joined(separator: ", ")))", {
                    let list = try self.list(a)
                    return try MathModule.call("hypot", (0..<List.count(list)).map { List.item(list, at: $0) })
                }))
            case 3, 4:
                calls.append(("math.nextafter(\(x), \(y))", {
                    let list = try self.list([x, y])
                    return try MathModule.call("nextafter", [List.item(list, at: 0), List.item(list, at: 1)])
                }))
            default:
                calls.append(("math.ulp(\(x))", { try MathModule.call("ulp", [try self.valueOf(x)]) }))
            }
        }
        let expected = try pythonResults(of: calls.map(\.source))
        var mismatches: [String] = []
        for (i, call) in calls.enumerated() {
            let ours = outcome(call.run)
            if ours != expected[i] { mismatches.append("\(call.source)\n  python3: \(expected[i])\n  runtime: \(ours)") }
        }
        XCTAssertEqual(mismatches.count, 0, "of \(calls.count):\n" + mismatches.prefix(15).joined(separator: "\n"))
    }

    func list(_ sources: [String]) throws -> Value {
        let list = List.make()
        for source in sources { List.append(list, try valueOf(source)) }
        return list
    }

    func testANaNHashesByIdentity() throws {
        let (nan, other) = (Floats.make(.nan), Floats.make(.nan))
        XCTAssertEqual(try Objects.hash(nan), Objects.identityHash(nan))
        XCTAssertNotEqual(try Objects.hash(nan), try Objects.hash(other))
        XCTAssertEqual(try Objects.hash(Floats.make(1.5)), Floats.hash(1.5))
    }

    func testFsumIsExact() throws {
        let list = List.make()
        for _ in 0..<10 { List.append(list, Floats.make(0.1)) }
        XCTAssertEqual(Floats.value(try MathModule.call("fsum", [list])), 1.0)
        let mixed = List.make()
        for d in [1e100, 1.0, -1e100, 1e-100] { List.append(mixed, Floats.make(d)) }
        XCTAssertEqual(Floats.value(try MathModule.call("fsum", [mixed])), 1.0)
        XCTAssertEqual(outcome { try MathModule.call("log", [Value(smallInt: 1), Value(smallInt: 1)]) }, "ZeroDivisionError: float division by zero")
    }
}
