import Foundation
import XCTest
@testable import Runtime

/// Seeded sequences of calls of the random module must give CPython's exact numbers,
/// lists and errors.
final class RandomModuleTests: RuntimeTestCase {
    /// A Python argument: its source text, and how to make its value on our side.
    struct Argument {
        let source: String
        let make: () throws -> Value
    }

    /// One line of the differential run: the Python expression, and our way of computing it.
    struct Case {
        let source: String
        let run: () throws -> Value
    }

    var random = SplitMix64(seed: 1_234)

    func pick<T>(_ xs: [T]) -> T { xs[Int.random(in: 0..<xs.count, using: &random)] }
    func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &random) < percent }

    func int(_ n: Int) -> Argument { Argument(source: String(n)) { Ints.make(n) } }
    func power(_ base: Int, _ exponent: Int, negated: Bool = false) -> Argument {
        Argument(source: (negated ? "-" : "") + "\(base)**\(exponent)") {
            let p = try Ints.power(Value(smallInt: base), Value(smallInt: exponent))
            return negated ? Ints.negate(p) : p
        }
    }
    func float(_ d: Double) -> Argument { Argument(source: d.isFinite ? Floats.repr(d) : "float('\(Floats.repr(d))')") { Floats.make(d) } }
    func str(_ s: String) -> Argument { Argument(source: Objects.reprOfString(s)) { Str.make(s) } }
    let none = Argument(source: "None") { BuiltinTypes.none }
    let trueValue = Argument(source: "True") { BuiltinTypes.trueValue }

    func list(_ items: [Argument], tuple: Bool = false) -> Argument {
        let body = items.map(\.source).joined(separator: ", ")
        return Argument(source: tuple ? "(" + body + (items.count == 1 ? ",)" : ")") : "[" + body + "]") {
            let list = List.make()
            for item in items { List.append(list, try item.make()) }
            return tuple ? Tuple.make((0..<List.count(list)).map { List.item(list, at: $0) }) : list
        }
    }
    func range(_ start: Int, _ stop: Int, _ step: Int = 1) -> Argument {
        Argument(source: "range(\(start), \(stop), \(step))") {
            try Ranges.make(start: Value(smallInt: start), stop: Value(smallInt: stop), step: Value(smallInt: step))
        }
    }

    func smallInt() -> Argument { int(Int.random(in: -20...60, using: &random)) }
    func anyInt() -> Argument {
        switch Int.random(in: 0..<10, using: &random) {
        case 0: return power(2, pick([31, 32, 33, 64, 100, 200]), negated: chance(30))
        case 1: return int(Int.random(in: -(1 << 40)...(1 << 40), using: &random))
        default: return smallInt()
        }
    }
    func text() -> Argument {
        let pieces = ["a", "b", "seed", "é", "日本", "🎲", " ", "0", "xyz"]
        return str((0..<Int.random(in: 0..<6, using: &random)).map { _ in pick(pieces) }.joined())
    }
    func number() -> Argument {
        chance(50) ? float(pick([0.0, 2.5, -1.5, 1e-3, 100.0, 3.0])) : int(Int.random(in: -5...10, using: &random))
    }
    /// A shape parameter: mostly positive, small and large, sometimes zero or negative.
    func shape() -> Argument {
        chance(85) ? float(pick([0.05, 0.5, 0.999, 1.0, 1.5, 2.0, 7.25, 40.0])) : pick([int(1), int(3), int(0), float(-1.0), str("x")])
    }

    func population() -> Argument {
        let count = Int.random(in: 0..<12, using: &random)
        let items = (0..<count).map { _ in chance(80) ? smallInt() : text() }
        switch Int.random(in: 0..<5, using: &random) {
        case 0: return list(items, tuple: true)
        case 1: return range(Int.random(in: -5..<5, using: &random), Int.random(in: 0..<3000, using: &random), pick([1, 2, 7]))
        case 2: return str(String("abcdefghij".prefix(count)))
        default: return list(items)
        }
    }
    func weights(_ count: Int) -> Argument {
        list((0..<count).map { _ in chance(50) ? int(Int.random(in: 0...5, using: &random)) : float(Double(Int.random(in: 0...40, using: &random)) / 8) })
    }

    func call(_ name: String, _ positional: [Argument], _ keywords: [(String, Argument)] = []) -> Case {
        let text = (positional.map(\.source) + keywords.map { "\($0.0)=\($0.1.source)" }).joined(separator: ", ")
        return Case(source: "random.\(name)(\(text))") {
            let values = List.make()
            for argument in positional + keywords.map(\.1) { List.append(values, try argument.make()) }
            let all = (0..<List.count(values)).map { List.item(values, at: $0) }
            let named = zip(keywords.map(\.0), all.dropFirst(positional.count)).map { ($0, $1) }
            return try Collector.withProtected(all) { () throws(PythonError) in
                try RandomModule.call(name, Array(all.prefix(positional.count)), keywords: named)
            }
        }
    }

    /// `random.shuffle` returns None; the case shows the shuffled list instead.
    func shuffle(_ items: Argument) -> Case {
        Case(source: "(lambda x: (random.shuffle(x), x)[1])(\(items.source))") {
            let list = try items.make()
            _ = try Collector.withProtected([list]) { () throws(PythonError) in try RandomModule.call("shuffle", [list]) }
            return list
        }
    }

    func seedCase() -> Case {
        switch Int.random(in: 0..<8, using: &random) {
        case 0: return call("seed", [text()])
        case 1: return call("seed", [text()], [("version", int(pick([1, 2])))])
        case 2: return call("seed", [float(pick([0.5, -2.25, 1e300, 3.0, -0.0]))])
        case 3: return call("seed", [pick([trueValue, power(2, 64), power(3, 90, negated: true)])])
        default: return call("seed", [anyInt()])
        }
    }

    func drawCase() -> Case {
        switch Int.random(in: 0..<27, using: &random) {
        case 0: return call("random", [])
        case 1: return call("getrandbits", [int(pick([0, 1, 5, 31, 32, 33, 63, 64, 65, 100, 257, Int.random(in: 0...300, using: &random)]))])
        case 2: return call("randrange", [anyInt()])
        case 3: return call("randrange", [anyInt(), anyInt()])
        case 4: return call("randrange", [anyInt(), anyInt(), pick([int(1), int(-1), int(3), int(-7), int(0), power(2, 70)])])
        case 5: return call("randint", [smallInt(), chance(80) ? int(Int.random(in: 60...1000, using: &random)) : anyInt()])
        case 6: return call("choice", [population()])
        case 7: return shuffle(list((0..<Int.random(in: 0..<15, using: &random)).map { _ in smallInt() }))
        case 8:
            let k = int(Int.random(in: 0..<8, using: &random))
            return call("sample", [population(), k])
        case 9: return call("sample", [pick([range(0, 100_000), range(0, 60), list((0..<40).map { int($0) })]), int(Int.random(in: 0..<25, using: &random))])
        case 10: return call("sample", [list([str("a"), str("b"), str("c")]), int(Int.random(in: 0..<6, using: &random))], [("counts", list([int(1), int(3), int(2)]))])
        case 11: return call("choices", [population()], [("k", int(Int.random(in: -1..<6, using: &random)))])
        case 12:
            let count = Int.random(in: 1..<6, using: &random)
            let items = list((0..<count).map { int($0 * 10) })
            return call("choices", [items, weights(count)], [("k", int(Int.random(in: 0..<6, using: &random)))])
        case 13:
            let items = list([str("x"), str("y"), str("z")])
            return call("choices", [items], [("cum_weights", list([int(1), float(2.5), int(4)])), ("k", int(4))])
        case 14: return call("uniform", [number(), number()])
        case 15: return call("triangular", chance(30) ? [] : [number(), number(), chance(50) ? number() : none])
        case 16: return call("gauss", chance(40) ? [] : [number(), number()])
        case 17: return call("normalvariate", chance(40) ? [] : [number(), number()])
        case 18: return call("lognormvariate", [number(), number()])
        case 19: return call("expovariate", [number()])
        case 20: return errorCase()
        case 21: return stateCase()
        case 22: return call("gammavariate", [shape(), shape()])
        case 23: return call("betavariate", [shape(), shape()])
        case 24: return call("paretovariate", [shape()])
        case 25: return call("weibullvariate", [number(), shape()])
        default: return call("vonmisesvariate", [number(), chance(20) ? float(1e-7) : shape()])
        }
    }

    /// A state tuple of words start..<start+624 and `index`, as Python source and value.
    func stateTuple(version: Int, start: Int, index: Int) -> Argument {
        Argument(source: "(\(version), tuple(range(\(start), \(start + 624))) + (\(index),), None)") {
            let words = Tuple.allocate(count: 625)
            for i in 0..<624 { Tuple.items(words)[i] = Value(smallInt: start + i) }
            Tuple.items(words)[624] = Value(smallInt: index)
            return Tuple.make(Value(smallInt: version), words, BuiltinTypes.none)
        }
    }

    /// getstate and setstate: a round trip replays the same draws, gauss's kept deviate
    /// included; made-up states are checked, and the valid ones drive the twister.
    func stateCase() -> Case {
        switch Int.random(in: 0..<4, using: &random) {
        case 0:
            return Case(source: "(lambda s: [random.random(), random.gauss(), random.setstate(s), random.random(), random.gauss()])(random.getstate())") {
                let state = try RandomModule.call("getstate", [])
                let results = List.make()
                for name in ["random", "gauss"] { List.append(results, try RandomModule.call(name, [])) }
                List.append(results, try RandomModule.call("setstate", [state]))
                for name in ["random", "gauss"] { List.append(results, try RandomModule.call(name, [])) }
                return results
            }
        case 1:
            return call("setstate", [stateTuple(version: pick([2, 3, 4]), start: pick([0, -1, 1 << 32 - 700]), index: pick([0, 5, 624, 625, -1]))])
        case 2:
            return call("setstate", [pick([int(5), list([int(3), int(1), none], tuple: true), list([int(3), list([int(1)], tuple: true), none], tuple: true)])])
        default:
            return Case(source: "random.getstate()") { try RandomModule.call("getstate", []) }
        }
    }

    /// Calls CPython rejects, many after drawing: the draws must still match.
    func errorCase() -> Case {
        pick([
            call("randrange", [float(2.5)]), call("randrange", [float(7.0), int(20)]), call("randrange", [str("5")]),
            call("randrange", [none]), call("randrange", [int(5), none, int(2)]), call("randrange", [int(3), int(3)]),
            call("randrange", [int(0)]), call("randrange", [int(1), int(9), float(0.5)]), call("randrange", [int(5), int(1), int(1)]),
            call("randint", [int(1)]), call("randint", [int(1), int(2), int(3)]), call("randint", [int(1)], [("a", int(2))]),
            call("randint", [int(1)], [("b", int(2)), ("c", int(3))]), call("randint", [int(1), str("x")]),
            call("random", [int(1)]), call("getrandbits", []), call("getrandbits", [int(-1)]), call("getrandbits", [float(2.0)]),
            call("choice", [list([])]), call("choice", [int(5)]), call("choice", [str("")]),
            shuffle(list([int(1)])), call("shuffle", [list([int(1), int(2)], tuple: true)]),
            call("sample", [list([int(1), int(2)]), int(3)]), call("sample", [list([int(1), int(2)]), int(-1)]),
            call("sample", [list([int(1), int(2)]), float(1.0)]),
            call("choices", [list([int(1), int(2)]), int(3)]), call("choices", [list([int(1), int(2)]), list([int(0), int(0)])]),
            call("choices", [list([int(1)]), list([int(1), int(2)])]), call("choices", [list([])], [("k", int(2))]),
            call("choices", [list([int(1), int(2)]), list([int(1), float(.infinity)])]),
            call("choices", [list([int(1)])], [("k", float(2.0))]),
            call("choices", [list([int(1), int(2)]), list([int(1), int(2)])], [("cum_weights", list([int(1), int(2)]))]),
            call("seed", [list([int(1)])]), call("seed", [int(1), int(2), int(3)]),
            call("uniform", [str("a"), int(1)]), call("gauss", [str("a")]), call("expovariate", [int(0)]),
            call("triangular", [int(1), int(1), int(1)]), call("triangular", [int(2), int(1), int(5)]),
        ])
    }

    func testSeededCallsMatchCPython() throws {
        var cases: [Case] = [call("seed", [int(0)])]
        for _ in 0..<scaled(8_000, stressed: 250) {
            cases.append(chance(4) ? seedCase() : drawCase())
        }
        let expected = try pythonResults(of: cases.map(\.source), script: """
            import sys, random, warnings
            warnings.simplefilter('ignore')
            for line in open(sys.argv[1], encoding='utf-8'):
                try:
                    r = repr(eval(line))
                except Exception as e:
                    r = type(e).__name__ + ': ' + str(e)
                print(r.replace('\\n', '\\\\n'))
            """)
        var mismatches: [String] = []
        for (i, c) in cases.enumerated() {
            let ours = outcome(c.run).replacingOccurrences(of: "\n", with: "\\n")
            if ours != expected[i] { mismatches.append("\(i): \(c.source)\n  python3: \(expected[i])\n  runtime: \(ours)") }
        }
        XCTAssertEqual(mismatches.count, 0, "of \(cases.count):\n" + mismatches.prefix(10).joined(separator: "\n"))
    }

    func testSHA512MatchesHashlib() throws {
        var messages: [[UInt8]] = [[], Array("abc".utf8)]
        for length in [111, 112, 127, 128, 129, 239, 240, 1000] + (0..<scaled(200, stressed: 20)).map({ _ in Int.random(in: 0..<400, using: &random) }) {
            messages.append((0..<length).map { _ in UInt8.random(in: 0...255, using: &random) })
        }
        func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }
        let expected = try pythonResults(of: messages.map(hex), script: """
            import sys, hashlib
            for line in open(sys.argv[1]).read().split('\\n'):
                print(hashlib.sha512(bytes.fromhex(line)).hexdigest())
            """)
        for (i, message) in messages.enumerated() {
            XCTAssertEqual(hex(SHA512.digest(message)), String(expected[i]), "length \(message.count)")
        }
    }

    func testUnseededGeneratorsDiffer() throws {
        _ = try RandomModule.call("seed", [])
        let first = Floats.value(try RandomModule.call("random", []))
        _ = try RandomModule.call("seed", [BuiltinTypes.none])
        let second = Floats.value(try RandomModule.call("random", []))
        XCTAssertNotEqual(first, second)
        XCTAssert((0..<1).contains(first) && (0..<1).contains(second))
    }

    func testEachGeneratorSlotKeepsItsOwnStream() throws {
        let slot = RandomModule.makeGenerator()
        _ = try RandomModule.call("seed", [Value(smallInt: 5)])
        _ = try RandomModule.call("seed", [Value(smallInt: 5)], generator: slot)
        for _ in 0..<3 {
            let fromModule = Floats.value(try RandomModule.call("random", []))
            let fromSlot = Floats.value(try RandomModule.call("random", [], generator: slot))
            XCTAssertEqual(fromModule, fromSlot, "interleaved draws do not disturb each other")
        }
        RandomModule.releaseGenerator(slot)
        XCTAssertEqual(RandomModule.makeGenerator(), slot, "a released slot is used again")
        RandomModule.releaseGenerator(slot)
    }
}
