import XCTest
@testable import Runtime

final class RangeTests: RuntimeTestCase {
    func testRangeLengthsMatchCPython() throws {
        let cases = [(0, 10, 1), (0, 10, 3), (10, 0, -3), (5, 5, 1), (5, 0, 1), (-7, 7, 2), (7, -7, -5)]
        let ours = try cases.map { (a, b, c) throws -> String in
            repr(Ranges.length(try Ranges.make(start: Value(smallInt: a), stop: Value(smallInt: b), step: Value(smallInt: c))))
        }
        let expected = try runPython("print(' '.join(str(len(range(a, b, c))) for a, b, c in [\(cases.map { "(\($0.0), \($0.1), \($0.2))" }.joined(separator: ", "))]))")
        XCTAssertEqual(ours.joined(separator: " ") + "\n", expected)
        let huge = try Ranges.make(start: Value(smallInt: 0), stop: try Ints.power(Value(smallInt: 10), Value(smallInt: 30)), step: Value(smallInt: 7))
        XCTAssertEqual(repr(Ranges.length(huge)), "142857142857142857142857142858")
        XCTAssertEqual(repr(Ranges.item(huge, at: Value(smallInt: 3))), "21")
        XCTAssertEqual(outcome { try Ranges.make(start: Value(smallInt: 0), stop: Value(smallInt: 1), step: Value(smallInt: 0)) },
                       "ValueError: range() arg 3 must not be zero")
    }

    func testSliceIndicesMatchCPython() throws {
        let none = BuiltinTypes.none
        let cases: [(Int?, Int?, Int?)] = [(nil, nil, nil), (1, -1, nil), (-100, 100, 2), (nil, nil, -1), (8, 2, -2), (-3, nil, nil), (5, 1, nil)]
        func v(_ i: Int?) -> Value { i.map { Value(smallInt: $0) } ?? none }
        let ours = try cases.map { c throws -> String in
            let i = try Slices.indices(Slices.make(start: v(c.0), stop: v(c.1), step: v(c.2)), length: 10)
            return "(\(i.start), \(i.stop), \(i.step))"
        }
        func p(_ i: Int?) -> String { i.map(String.init) ?? "None" }
        let expected = try runPython("print(' '.join(str(slice(a, b, c).indices(10)).replace(' ', '') for a, b, c in [\(cases.map { "(\(p($0.0)), \(p($0.1)), \(p($0.2)))" }.joined(separator: ", "))]))")
        XCTAssertEqual(ours.map { $0.replacingOccurrences(of: " ", with: "") }.joined(separator: " ") + "\n", expected)
        XCTAssertEqual(outcome { _ = try Slices.indices(Slices.make(start: none, stop: none, step: Value(smallInt: 0)), length: 3); return none },
                       "ValueError: slice step cannot be zero")
    }

    func testCallableObjectsKeepTheirParts() {
        let cell = Callables.makeCell(Floats.make(2.5))
        let function = Callables.makeFunction(code: BuiltinTypes.none, globals: Dict.make(), name: Str.make("f"), qualifiedName: Str.make("C.f"))
        let method = Callables.makeBoundMethod(function, receiver: cell)
        Collector.collect()
        XCTAssertEqual(Floats.value(cell.fields(CellObject.self).pointee.contents), 2.5)
        XCTAssertTrue(method.fields(BoundMethodObject.self).pointee.function.is(function))
        XCTAssertEqual(Str.swiftString(function.fields(FunctionObject.self).pointee.qualifiedName), "C.f")
        XCTAssertEqual(TypeObjects.name(method.type), "method")
    }
}

/// Indexing, slicing, +, * and `in` on strs, lists and tuples, against CPython.
final class SequenceTests: RuntimeTestCase {
    func testRandomSequenceOperationsMatchCPython() throws {
        var random = SplitMix64(seed: 8080)
        func pick<T>(_ xs: [T]) -> T { xs[Int(random.next() % UInt64(xs.count))] }
        let sequences = ["'abcdef'", "''", "'é日x'", "[1, 2.5, 'x', (3,)]", "[]", "(1, 2, 3, 4, 5)", "()", "('a',)"]
        let indexes = ["0", "1", "-1", "5", "-7", "True", "2**70", "2**62", "'a'", "1.5"]
        let bounds = ["None", "0", "1", "-1", "3", "-3", "10", "-10", "2**70"]
        let steps = ["None", "1", "2", "-1", "-2", "3", "0"]
        // Each case: its Python source, the sequence it operates on, and our evaluation.
        var expressions: [(String, String, (Value) throws -> Value)] = []
        for _ in 0..<scaled(5000, stressed: 200) {
            let s = pick(sequences)
            switch random.next() % 5 {
            case 0:
                let i = pick(indexes)
                expressions.append(("\(s)[\(i)]", s, { v in try Sequences.item(v, try self.valueOf(i)) }))
            case 1:
                let (a, b, c) = (pick(bounds), pick(bounds), pick(steps))
                expressions.append(("\(s)[\(a):\(b):\(c)]", s, { v in
                    try Sequences.item(v, Slices.make(start: try self.valueOf(a), stop: try self.valueOf(b), step: try self.valueOf(c)))
                }))
            case 2:
                let other = pick(sequences + ["1", "'q'"])
                expressions.append(("\(s) + \(other)", s, { v in try Arithmetic.add(v, try self.sequenceValue(other)) }))
            case 3:
                let n = pick(["0", "2", "-1", "True", "1.5", "2**70", "-(2**70)"])
                expressions.append(("\(s) * \(n)", s, { v in try Arithmetic.multiply(v, try self.valueOf(n)) }))
            default:
                let x = pick(["'a'", "'cd'", "''", "1", "2.5", "(3,)", "'x'"])
                expressions.append(("\(x) in \(s)", s, { v in .bool(try Sequences.contains(v, try self.sequenceValue(x))) }))
            }
        }
        let expected = try pythonResults(of: expressions.map(\.0))
        var mismatches: [String] = []
        for (i, (source, sequence, evaluate)) in expressions.enumerated() {
            let ours = outcome { try evaluate(try self.sequenceValue(sequence)) }
            if ours != expected[i] { mismatches.append("\(source)\n  python3: \(expected[i])\n  runtime: \(ours)") }
        }
        XCTAssertEqual(mismatches.count, 0, "of \(expressions.count):\n" + mismatches.prefix(15).joined(separator: "\n"))
    }

    /// The value of one of the test's sequence or scalar literals.
    func sequenceValue(_ source: String) throws -> Value {
        switch source {
        case "[1, 2.5, 'x', (3,)]":
            let list = List.make()
            List.append(list, Value(smallInt: 1)); List.append(list, Floats.make(2.5)); List.append(list, Str.make("x"))
            List.append(list, Tuple.make(Value(smallInt: 3)))
            return list
        case "[]": return List.make()
        case "(1, 2, 3, 4, 5)": return Tuple.make((1...5).map { Value(smallInt: $0) })
        case "()": return Tuple.make()
        case "('a',)": return Tuple.make(Str.make("a"))
        case "(3,)": return Tuple.make(Value(smallInt: 3))
        case "'é日x'": return Str.make("é日x")
        case "None": return BuiltinTypes.none
        default: return try valueOf(source)
        }
    }
}
