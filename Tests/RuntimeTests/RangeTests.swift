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
