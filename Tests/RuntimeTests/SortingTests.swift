import Foundation
import XCTest
@testable import Runtime

/// list.sort must give CPython's order, stable, with keys and reverse, and raise for the
/// same pair first, leaving the list in the same partial order.
final class SortingTests: RuntimeTestCase {
    enum Element {
        case int(Int), big(Int), float(Double), str(String), pair(Int, String)

        var source: String {
            switch self {
            case .int(let n): return String(n)
            case .big(let n): return "(2**70+\(n))"
            case .float(let d): return d.isNaN ? "float('nan')" : Floats.repr(d)
            case .str(let s): return Objects.reprOfString(s)
            case .pair(let n, let s): return "(\(n), \(Objects.reprOfString(s)))"
            }
        }

        func make() throws -> Value {
            switch self {
            case .int(let n): return Value(smallInt: n)
            case .big(let n): return Ints.add(try Ints.power(Value(smallInt: 2), Value(smallInt: 70)), Value(smallInt: n))
            case .float(let d): return Floats.make(d)
            case .str(let s): return Str.make(s)
            case .pair(let n, let s): return Tuple.make(Value(smallInt: n), Str.make(s))
            }
        }
    }

    /// The key functions the cases use, by name, as Python and as the runtime computes them.
    let keyFunctions: [String: (python: String, key: (Value) throws(PythonError) -> Value)] = [
        "mod7": ("lambda x: x % 7", { x throws(PythonError) in try Arithmetic.modulo(x, Value(smallInt: 7)) }),
        "neg": ("lambda x: -x", { x throws(PythonError) in try Arithmetic.negate(x) }),
        "len": ("len", { x throws(PythonError) in Value(smallInt: Str.count(x)) }),
        "first": ("lambda t: t[0]", { x throws(PythonError) in Tuple.items(x)[0] }),
    ]

    struct Case {
        let elements: [Element]
        let key: String?
        let reverse: Bool
        var line: String { "\(key ?? "none")|\(reverse ? 1 : 0)|[" + elements.map(\.source).joined(separator: ", ") + "]" }
    }

    var random = SplitMix64(seed: 2_718)
    func below(_ n: Int) -> Int { Int.random(in: 0..<n, using: &random) }

    /// Items in runs, the way real data comes: ascending, descending, constant or random
    /// stretches, from a small pool of values so that there are many equal keys.
    func structuredInts(_ count: Int, spread: Int) -> [Int] {
        var out: [Int] = []
        while out.count < count {
            let length = min(count - out.count, 1 + below(below(4) == 0 ? 200 : 20))
            var run = (0..<length).map { _ in below(spread) - spread / 3 }
            switch below(4) {
            case 0: run.sort()
            case 1: run.sort(by: >)
            case 2: run = Array(repeating: run[0], count: length)
            default: break
            }
            out += run
        }
        return out
    }

    func randomCase() -> Case {
        let count = below(10) == 0 ? 100 + below(1500) : below(70)
        let spread = [3, 10, 1000][below(3)]
        let ints = structuredInts(count, spread: spread)
        let letters = ["a", "b", "ab", "", "ba", "é", "z"]
        switch below(8) {
        case 0: return Case(elements: ints.map { .float(Double($0) / 4) }, key: [nil, "neg"][below(2)], reverse: below(2) == 0)
        case 1: return Case(elements: ints.map { .str(letters[abs($0) % letters.count]) }, key: [nil, "len"][below(2)], reverse: below(2) == 0)
        case 2: return Case(elements: ints.map { .pair($0 % 4, letters[abs($0) % letters.count]) }, key: [nil, "first"][below(2)], reverse: below(2) == 0)
        case 3: return Case(elements: ints.map { below(5) == 0 ? .big($0) : (below(3) == 0 ? .float(Double($0) + 0.5) : .int($0)) }, key: [nil, "mod7"][below(2)], reverse: below(2) == 0)
        case 4: // a type error somewhere, found by the same comparison as CPython's
            var elements = ints.map { Element.int($0) }
            for _ in 0..<(1 + below(2)) where !elements.isEmpty { elements[below(elements.count)] = .str("s") }
            return Case(elements: elements, key: nil, reverse: below(2) == 0)
        case 5: return Case(elements: ints.map { $0 == 0 ? .float(.nan) : .float(Double($0)) }, key: nil, reverse: below(2) == 0)
        default: return Case(elements: ints.map { .int($0) }, key: [nil, "mod7", "neg"][below(3)], reverse: below(2) == 0)
        }
    }

    /// Sorts the case's list in the runtime; the result as the Python script prints it.
    func sortedByRuntime(_ c: Case) throws -> String {
        let list = List.make()
        for element in c.elements { List.append(list, try element.make()) }
        do {
            if let name = c.key {
                let key = keyFunctions[name]!.key
                let keys = List.make()
                for i in 0..<List.count(list) { List.append(keys, try key(List.item(list, at: i))) }
                try Sorting.sort(list: list, keys: keys, lessThan: { a, b throws(PythonError) in try Objects.compare(a, b, .less) }, reverse: c.reverse)
            } else {
                try Sorting.sort(list: list, reverse: c.reverse)
            }
            return repr(list)
        } catch {
            return error.typeName + ": " + (try Exceptions.message(error.exception)) + " " + repr(list)
        }
    }

    func testRandomListsSortAsCPython() throws {
        let cases = (0..<scaled(3_000, stressed: 80)).map { _ in randomCase() }
        let keyTable = keyFunctions.map { "'\($0.key)': \($0.value.python)" }.joined(separator: ", ")
        let expected = try pythonResults(of: cases.map(\.line), script: """
            import sys
            keys = {'none': None, \(keyTable)}
            for line in open(sys.argv[1], encoding='utf-8'):
                key, reverse, source = line.rstrip('\\n').split('|', 2)
                items = eval(source)
                try:
                    items.sort(key=keys[key], reverse=reverse == '1')
                    print(repr(items))
                except Exception as e:
                    print(type(e).__name__ + ': ' + str(e) + ' ' + repr(items))
            """)
        var mismatches: [String] = []
        for (i, c) in cases.enumerated() {
            let ours = try sortedByRuntime(c)
            if ours != expected[i] { mismatches.append("\(c.line.prefix(300))\n  python3: \(expected[i].prefix(300))\n  runtime: \(ours.prefix(300))") }
        }
        XCTAssertEqual(mismatches.count, 0, "of \(cases.count):\n" + mismatches.prefix(5).joined(separator: "\n"))
    }

    func testTheListLooksEmptyWhileItSorts() throws {
        let list = List.make()
        for n in [3, 1, 2] { List.append(list, Value(smallInt: n)) }
        var seenCounts: Set<Int> = []
        try Sorting.sort(list: list, lessThan: { a, b throws(PythonError) in
            seenCounts.insert(List.count(list))
            return a.smallInt < b.smallInt
        }, reverse: false)
        XCTAssertEqual(seenCounts, [0])
        XCTAssertEqual(repr(list), "[1, 2, 3]")
    }

    func testChangingTheListDuringTheSortRaises() throws {
        let list = List.make()
        for n in [3, 1, 2] { List.append(list, Value(smallInt: n)) }
        let result = outcome {
            try Sorting.sort(list: list, lessThan: { a, b throws(PythonError) in
                List.append(list, Value(smallInt: 9))
                return a.smallInt < b.smallInt
            }, reverse: false)
            return list
        }
        XCTAssertEqual(result, "ValueError: list modified during sort")
        XCTAssertEqual(repr(list), "[1, 2, 3]")  // sorted, and what was added meanwhile is dropped, as CPython does
    }
}
