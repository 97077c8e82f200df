import Foundation
import XCTest
@testable import Runtime

/// Dict views and dict iteration must behave as CPython's: reprs, membership, set
/// operations and comparisons, and the errors when the dict changes while it is iterated.
final class DictViewTests: RuntimeTestCase {
    var random = SplitMix64(seed: 4_096)
    func below(_ n: Int) -> Int { Int.random(in: 0..<n, using: &random) }

    /// A small key or value: ints mostly, some strs and tuples.
    func item(wide: Bool = false) -> (source: String, make: () -> Value) {
        switch below(8) {
        case 0:
            let s = ["a", "b", "cd"][below(3)]
            return (Objects.reprOfString(s), { Str.make(s) })
        case 1:
            let (x, y) = (below(4), below(4))
            return ("(\(x), \(y))", { Tuple.make(Value(smallInt: x), Value(smallInt: y)) })
        default:
            let n = below(wide ? 60 : 12)
            return (String(n), { Value(smallInt: n) })
        }
    }

    struct Operand {
        let source: String
        let make: (Value) throws -> Value  // given the case's dict
    }

    /// The dict of a case: pairs set in order, then some keys deleted; larger ones for the
    /// cases that watch entry positions through growth.
    func dict(large: Bool = false) -> (source: String, make: () throws -> Value) {
        let pairs = (0..<below(large ? 40 : 9)).map { _ in (item(wide: large), item()) }
        let deletes = pairs.filter { _ in below(4) == 0 }.map(\.0)
        let source = "mkdict([\(pairs.map { "(\($0.0.source), \($0.1.source))" }.joined(separator: ", "))], [\(deletes.map(\.source).joined(separator: ", "))])"
        return (source, {
            let d = Dict.make()
            for (key, value) in pairs { try Dict.set(d, key.make(), value.make()) }
            for key in deletes { _ = try Dict.remove(d, key.make()) }
            return d
        })
    }

    func view(_ which: DictViews.Which? = nil) -> Operand {
        let which = which ?? [.keys, .values, .items][below(3)]
        let name = ["keys", "values", "items"][Int(which.rawValue)]
        return Operand(source: "D.\(name)()") { d in DictViews.make(d, which) }
    }

    /// A set, a list, or another dict's view to combine with a view.
    func other() -> Operand {
        let items = (0..<below(6)).map { _ in below(3) == 0 ? item() : { let n = below(12); return (String(n), { Value(smallInt: n) }) }() }
        let body = items.map(\.source).joined(separator: ", ")
        switch below(4) {
        case 0: return Operand(source: "[\(body)]") { _ in
                let list = List.make()
                for i in items { List.append(list, i.make()) }
                return list
            }
        case 1:
            let other = dict()
            let which: DictViews.Which = below(2) == 0 ? .keys : .items
            return Operand(source: "\(other.source).\(which == .keys ? "keys" : "items")()") { _ in DictViews.make(try other.make(), which) }
        default: return Operand(source: "mkset([\(body)])") { _ in
                let set = Sets.make()
                for i in items { try Sets.add(set, i.make()) }
                return set
            }
        }
    }

    struct Case {
        let dictSource: String
        let expression: String
        let run: () throws -> Value
    }

    func randomCase() -> Case {
        let walks = below(7) >= 5
        let d = dict(large: walks)
        func with(_ expression: String, _ operands: [Operand], _ body: @escaping (Value, [Value]) throws -> Value) -> Case {
            Case(dictSource: d.source, expression: expression) {
                let dictionary = try d.make()
                let values = List.make()
                for operand in operands { List.append(values, try operand.make(dictionary)) }
                return try body(dictionary, (0..<List.count(values)).map { List.item(values, at: $0) })
            }
        }
        switch walks ? 6 : below(5) {
        case 0:
            let v = view()
            return with("(\(v.source), len(\(v.source)), bool(\(v.source)))", [v]) { _, v in
                Tuple.make(v[0], Value(smallInt: DictViews.count(v[0])), .bool(Objects.isTrue(v[0])))
            }
        case 1:
            let v = view(), x = item()
            let probe = below(6) == 0 ? ("[1]", { () -> Value in
                let l = List.make()
                List.append(l, Value(smallInt: 1))
                return l
            }) : (below(2) == 0 ? x : { let k = item(), w = item(); return ("(\(k.source), \(w.source))", { Tuple.make(k.make(), w.make()) }) }())
            return with("\(probe.0) in \(v.source)", [v]) { _, v in .bool(try DictViews.contains(v[0], probe.1())) }
        case 2, 3:
            let v = view(below(2) == 0 ? .keys : .items), o = other()
            let (op, symbol) = [(BinaryOperator.and, "&"), (.or, "|"), (.subtract, "-"), (.xor, "^")][below(4)]
            let swapped = below(3) == 0
            let expression = swapped ? "\(o.source) \(symbol) \(v.source)" : "\(v.source) \(symbol) \(o.source)"
            return with(expression, [v, o]) { _, v in
                let result = swapped ? (Sets.isSet(v[1]) ? try Sets.binary(op, v[1], v[0]) : nil) : nil
                return try result ?? DictViews.binary(op, swapped ? v[1] : v[0], swapped ? v[0] : v[1])!
            }
        case 4:
            let v = view(below(2) == 0 ? .keys : .items), o = other()
            let op = ComparisonOperator.allCases[below(6)]
            return with("\(v.source) \(op.rawValue) \(o.source)", [v, o]) { _, v in .bool(try Objects.compare(v[0], v[1], op)) }
        default:
            let v = view()
            let steps = (0..<(1 + below(12))).map { _ in below(3) == 0 ? (below(2) == 0 ? "a" : "d") : "n" }
            let key = below(12)
            return with("walk(\(v.source), \(steps.map { "'\($0)'" }.joined(separator: ", ")), key=\(key))", [v]) { d, v in
                try self.walk(d, DictViews.iterator(v[0]), steps, key: key)
            }
        }
    }

    /// Steps an iterator, changing the dict between steps: "n" next, "a" add a key, "d"
    /// delete the first key. The results as the Python helper lists them.
    func walk(_ d: Value, _ iterator: Value, _ steps: [String], key: Int) throws -> Value {
        let results = List.make()
        for step in steps {
            switch step {
            case "a": try Dict.set(d, Value(smallInt: 100 + key), Value(smallInt: 0))
            case "d":
                var first = Value.null
                try Dict.forEach(d) { k, _ throws(PythonError) in if first.isNull { first = k } }
                if !first.isNull { _ = try Dict.remove(d, first) }
            default:
                do {
                    let next = try DictViews.next(iterator)
                    List.append(results, next.isNull ? Str.make("StopIteration") : next)
                } catch {
                    List.append(results, Str.make(error.typeName + ": " + (try Exceptions.message(error.exception))))
                }
            }
        }
        return results
    }

    func testRandomViewOperationsMatchCPython() throws {
        let cases = (0..<scaled(4_000, stressed: 100)).map { _ in randomCase() }
        let expected = try pythonResults(of: cases.map { $0.dictSource + "|" + $0.expression }, script: """
            import sys
            def mkdict(pairs, deletes):
                d = {}
                for k, v in pairs: d[k] = v
                for k in deletes: d.pop(k, None)
                return d
            def mkset(items):
                s = set()
                for x in items: s.add(x)
                return s
            def walk(view, *steps, key):
                it, out = iter(view), []
                for step in steps:
                    if step == 'a': D[100 + key] = 0
                    elif step == 'd':
                        if D: del D[next(iter(D))]
                    else:
                        try: out.append(next(it))
                        except StopIteration: out.append('StopIteration')
                        except Exception as e: out.append(type(e).__name__ + ': ' + str(e))
                return out
            for line in open(sys.argv[1], encoding='utf-8'):
                source, expression = line.rstrip('\\n').split('|', 1)
                D = eval(source)
                try:
                    r = repr(eval(expression))
                except Exception as e:
                    r = type(e).__name__ + ': ' + str(e)
                print(r)
            """)
        var mismatches: [String] = []
        for (i, c) in cases.enumerated() {
            let ours = outcome(c.run)
            if ours != expected[i] { mismatches.append("D = \(c.dictSource); \(c.expression)\n  python3: \(expected[i])\n  runtime: \(ours)") }
        }
        XCTAssertEqual(mismatches.count, 0, "of \(cases.count):\n" + mismatches.prefix(8).joined(separator: "\n"))
    }

    /// The table sizes CPython 3.11 grows a dict through as keys are added one by one
    /// (from sys.getsizeof): entry positions, which iterators hold, depend on them.
    func testDictsGrowThroughCPythonsTableSizes() throws {
        let d = Dict.make()
        var sizes: [Int] = []
        for i in 0..<45 {
            try Dict.set(d, Value(smallInt: i), Value(smallInt: i))
            sizes.append(d.fields(DictObject.self).pointee.slotCount)
        }
        let expected = Array(repeating: 8, count: 5) + Array(repeating: 16, count: 5) + Array(repeating: 32, count: 11)
            + Array(repeating: 64, count: 21) + Array(repeating: 128, count: 3)
        XCTAssertEqual(sizes, expected)
    }

    /// A table of strs only is rebuilt when the first other key arrives (sys.getsizeof
    /// shows 16 slots for {'a': 1, 0: 0}); after clear() the next key decides again.
    func testTheFirstNonStrKeyRebuildsAStrOnlyTable() throws {
        let d = Dict.make()
        try Dict.set(d, Str.make("a"), Value(smallInt: 1))
        XCTAssertEqual(d.fields(DictObject.self).pointee.slotCount, 8)
        try Dict.set(d, Value(smallInt: 0), Value(smallInt: 0))
        XCTAssertEqual(d.fields(DictObject.self).pointee.slotCount, 16)
        Dict.clear(d)
        try Dict.set(d, Value(smallInt: 0), Value(smallInt: 0))
        try Dict.set(d, Str.make("a"), Value(smallInt: 1))
        XCTAssertEqual(d.fields(DictObject.self).pointee.slotCount, 8)
    }

    func testViewsAreLiveAndIteratorsHaveCPythonsTypes() throws {
        let d = Dict.make()
        let keys = DictViews.make(d, .keys)
        try Dict.set(d, Value(smallInt: 1), Value(smallInt: 2))
        XCTAssertEqual(repr(keys), "dict_keys([1])")
        XCTAssertEqual(TypeObjects.name(DictViews.iterator(d).type), "dict_keyiterator")
        XCTAssertEqual(TypeObjects.name(DictViews.iterator(DictViews.make(d, .items)).type), "dict_itemiterator")
        XCTAssertEqual(outcome { Value(smallInt: try Objects.hash(keys)) }, "TypeError: unhashable type: 'dict_keys'")
    }
}
