import Foundation
import XCTest
@testable import Runtime

/// Set algebra must give CPython's results in CPython's iteration order (printed sets
/// match), with the same tables left behind (later pops match).
final class SetAlgebraTests: RuntimeTestCase {
    struct Operand {
        let source: String
        let make: () throws -> Value
    }

    struct Case {
        let source: String
        let run: () throws -> Value
    }

    var random = SplitMix64(seed: 8_128)
    func below(_ n: Int) -> Int { Int.random(in: 0..<n, using: &random) }

    /// A key: mostly small ints (whose hashes are themselves), some strs and floats.
    func key() -> (source: String, make: () -> Value) {
        switch below(10) {
        case 0:
            let s = ["a", "b", "cd", "é", "xyz", ""][below(6)]
            return (Objects.reprOfString(s), { Str.make(s) })
        case 1:
            let d = Double(below(40)) / 4
            return (Floats.repr(d), { Floats.make(d) })
        default:
            let n = below(3) == 0 ? below(400) - 50 : below(24) - 4
            return (String(n), { Value(smallInt: n) })
        }
    }

    /// A set built by adds then discards (leaving dummies), maybe frozen afterwards.
    func set(size: Int? = nil, frozen: Bool? = nil) -> Operand {
        let count = size ?? [0, 1, 3, 6, 12, 40, 150][below(7)]
        let adds = (0..<count).map { _ in key() }
        let removes = adds.filter { _ in below(4) == 0 }
        let isFrozen = frozen ?? (below(4) == 0)
        let source = "mk([\(adds.map(\.source).joined(separator: ", "))], [\(removes.map(\.source).joined(separator: ", "))], \(isFrozen ? "True" : "False"))"
        return Operand(source: source) {
            let s = Sets.make()
            for add in adds { try Sets.add(s, add.make()) }
            for remove in removes { try Sets.discard(s, remove.make()) }
            guard isFrozen else { return s }
            let frozen = Sets.make(frozen: true)
            try Sets.merge(frozen, s)
            return frozen
        }
    }

    /// Something to combine with a set: mostly a set, else another iterable.
    func other() -> Operand {
        let keys = (0..<[0, 2, 5, 30][below(4)]).map { _ in key() }
        let listSource = "[" + keys.map(\.source).joined(separator: ", ") + "]"
        func list() throws -> Value {
            let l = List.make()
            for k in keys { List.append(l, k.make()) }
            return l
        }
        switch below(10) {
        case 0: return Operand(source: listSource, make: list)
        case 1: return Operand(source: "tuple(\(listSource))") {
                let l = try list()
                return Tuple.make((0..<List.count(l)).map { List.item(l, at: $0) })
            }
        case 2: return Operand(source: "dict.fromkeys(\(listSource))") {
                let d = Dict.make()
                for k in keys { try Dict.set(d, k.make(), BuiltinTypes.none) }
                return d
            }
        case 3:
            let (start, stop) = (below(10) - 5, below(60))
            return Operand(source: "range(\(start), \(stop))") { try Ranges.make(start: Value(smallInt: start), stop: Value(smallInt: stop), step: Value(smallInt: 1)) }
        default: return set()
        }
    }

    func call(_ source: String, _ operands: [Operand], _ body: @escaping ([Value]) throws -> Value) -> Case {
        Case(source: source) {
            let values = List.make()
            for operand in operands { List.append(values, try operand.make()) }
            return try body((0..<List.count(values)).map { List.item(values, at: $0) })
        }
    }

    func randomCase() -> Case {
        let a = set(), b = other(), c = other()
        let s = set(frozen: false)
        switch below(16) {
        case 0: return call("\(a.source).union(\(b.source), \(c.source))", [a, b, c]) { v in try Sets.union(v[0], [v[1], v[2]]) }
        case 1: return call("\(a.source).intersection(\(b.source), \(c.source))", [a, b, c]) { v in try Sets.intersection(v[0], [v[1], v[2]]) }
        case 2: return call("\(a.source).difference(\(b.source), \(c.source))", [a, b, c]) { v in try Sets.difference(v[0], [v[1], v[2]]) }
        case 3: return call("\(a.source).symmetric_difference(\(b.source))", [a, b]) { v in try Sets.symmetricDifference(v[0], v[1]) }
        case 4, 5:
            let (op, name) = [(BinaryOperator.or, "or_"), (.and, "and_"), (.subtract, "sub"), (.xor, "xor")][below(4)]
            let x = set(), y = set()
            return call("operator.\(name)(\(x.source), \(y.source))", [x, y]) { v in try Sets.binary(op, v[0], v[1])! }
        case 6, 7:
            let (op, name) = [(BinaryOperator.or, "ior"), (.and, "iand"), (.subtract, "isub"), (.xor, "ixor")][below(4)]
            let x = set(), y = set()
            return call("then_pop(operator.\(name)(\(x.source), \(y.source)))", [x, y]) { v in try self.thenPop(Sets.inPlace(op, v[0], v[1])!) }
        case 8:
            let (name, method) = [("update", Sets.update), ("intersection_update", Sets.intersectionUpdate), ("difference_update", Sets.differenceUpdate)][below(3)]
            return call("then_pop(updated(\(s.source), '\(name)', \(b.source), \(c.source)))", [s, b, c]) { v in
                try method(v[0], [v[1], v[2]])
                return try self.thenPop(v[0])
            }
        case 9:
            return call("then_pop(updated(\(s.source), 'symmetric_difference_update', \(b.source)))", [s, b]) { v in
                try Sets.symmetricDifferenceUpdate(v[0], v[1])
                return try self.thenPop(v[0])
            }
        case 10:
            let (name, test) = [("issubset", Sets.isSubset), ("issuperset", Sets.isSuperset), ("isdisjoint", Sets.isDisjoint)][below(3)]
            return call("\(a.source).\(name)(\(b.source))", [a, b]) { v in Value.bool(try test(v[0], v[1])) }
        case 11:
            let op = ComparisonOperator.allCases[below(6)]
            let x = set(size: below(4)), y = set(size: below(4))
            return call("\(x.source) \(op.rawValue) \(y.source)", [x, y]) { v in Value.bool(try Objects.compare(v[0], v[1], op)) }
        case 12:
            return call("then_pop(\(s.source))", [s]) { v in try self.thenPop(v[0]) }
        case 13:
            let k = key()
            return call("then_pop(removed(\(s.source), \(k.source)))", [s]) { v in
                try Sets.remove(v[0], k.make())
                return try self.thenPop(v[0])
            }
        case 14:
            return call("(lambda s: (lambda c: (c, c is s))(s.copy()))(\(a.source))", [a]) { v in
                let copy = try Sets.copy(v[0])
                return Tuple.make(copy, Value.bool(copy.is(v[0])))
            }
        default:
            let k = key()
            return call("then_pop(cleared(\(s.source), \(k.source)))", [s]) { v in
                Sets.clear(v[0])
                try Sets.add(v[0], k.make())
                return try self.thenPop(v[0])
            }
        }
    }

    /// The set, then what two pops and an add and a pop give: this shows the table's layout
    /// and the pop finger, not only the order of iteration.
    func thenPop(_ s: Value) throws -> Value {
        let shown = Str.make(repr(s))
        guard s.kind == .set else { return shown }
        let popped = List.make()
        for _ in 0..<2 where Sets.count(s) > 0 { List.append(popped, try Sets.pop(s)) }
        try Sets.add(s, Value(smallInt: 3))
        List.append(popped, try Sets.pop(s))
        List.append(popped, Str.make(repr(s)))
        return Tuple.make(shown, popped)
    }

    func testRandomOperationsMatchCPython() throws {
        let cases = (0..<scaled(4_000, stressed: 100)).map { _ in randomCase() }
        let expected = try pythonResults(of: cases.map(\.source), script: """
            import sys, operator
            def mk(adds, removes, frozen):
                s = set()
                for x in adds: s.add(x)
                for x in removes: s.discard(x)
                return frozenset(s) if frozen else s
            def updated(s, name, *others):
                getattr(s, name)(*others)
                return s
            def removed(s, key):
                s.remove(key)
                return s
            def cleared(s, key):
                s.clear()
                s.add(key)
                return s
            def then_pop(s):
                shown = repr(s)
                if type(s) is not set:
                    return shown
                popped = [s.pop() for _ in range(min(2, len(s)))]
                s.add(3)
                popped.append(s.pop())
                popped.append(repr(s))
                return (shown, popped)
            for line in open(sys.argv[1], encoding='utf-8'):
                try:
                    r = repr(eval(line))
                except Exception as e:
                    r = type(e).__name__ + ': ' + str(e)
                print(r)
            """)
        var mismatches: [String] = []
        for (i, c) in cases.enumerated() {
            let ours = outcome(c.run)
            if ours != expected[i] { mismatches.append("\(c.source.prefix(400))\n  python3: \(expected[i].prefix(300))\n  runtime: \(ours.prefix(300))") }
        }
        XCTAssertEqual(mismatches.count, 0, "of \(cases.count):\n" + mismatches.prefix(6).joined(separator: "\n"))
    }

    func testPopFromAnEmptySetAndRemoveAbsentKeysRaise() throws {
        let s = Sets.make()
        XCTAssertEqual(outcome { try Sets.pop(s) }, "KeyError: 'pop from an empty set'")
        XCTAssertEqual(outcome { try Sets.remove(s, Value(smallInt: 5)); return s }, "KeyError: 5")
        XCTAssertEqual(outcome { try Sets.union(s, [Value(smallInt: 5)]) }, "TypeError: 'int' object is not iterable")
    }
}
