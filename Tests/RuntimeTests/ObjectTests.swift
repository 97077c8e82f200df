import XCTest
@testable import Runtime

final class ObjectTests: RuntimeTestCase {
    func testStrHashMatchesCPythonWithHashSeedZero() throws {
        let texts = ["", "a", "hello", "héllo wörld", "日本語のテキスト", "emoji 🎉 four bytes", "exactly8", "sixteen chars!!!"]
        let expected = try runPython("import sys\nfor a in sys.argv[1:]: print(hash(a))", arguments: texts)
        XCTAssertEqual(texts.map { String(Str.hash(Str.make($0))) + "\n" }.joined(), expected)
    }

    func testStrKeepsCodePointsInTheNarrowestWidth() {
        XCTAssertEqual(Str.width(Str.make("abc")), 1)
        XCTAssertEqual(Str.width(Str.make("é")), 1)
        XCTAssertEqual(Str.width(Str.make("€")), 2)
        XCTAssertEqual(Str.width(Str.make("🎉")), 4)
        let s = Str.make("a€🎉")
        XCTAssertEqual(Str.count(s), 3)
        XCTAssertEqual(Str.codePoint(s, at: 2), 0x1F389)
        XCTAssertEqual(Str.swiftString(Str.concatenate(Str.make("ab"), Str.make("🎉"))), "ab🎉")
    }

    func testTupleHashMatchesCPython() throws {
        let tuple = Tuple.make(Value(smallInt: 1), Floats.make(2.5), Tuple.make(Value(smallInt: -1), BuiltinTypes.trueValue))
        let expected = try runPython("print(hash((1, 2.5, (-1, True))))")
        XCTAssertEqual(String(try Objects.hash(tuple)) + "\n", expected)
    }

    func testDictKeepsInsertionOrderThroughDeletesAndGrowth() throws {
        let dict = Dict.make()
        for i in 0..<100 { try Dict.set(dict, Str.make("k\(i)"), Value(smallInt: i)) }
        for i in stride(from: 0, to: 100, by: 3) { try Dict.remove(dict, Str.make("k\(i)")) }
        try Dict.set(dict, Str.make("k0"), Value(smallInt: -1))
        var keys: [String] = []
        try Dict.forEach(dict) { key, _ in keys.append(Str.swiftString(key)) }
        let expected = (0..<100).filter { $0 % 3 != 0 }.map { "k\($0)" } + ["k0"]
        XCTAssertEqual(keys, expected)
        XCTAssertEqual(try Dict.get(dict, Str.make("k5")).smallInt, 5)
        XCTAssertTrue(try Dict.get(dict, Str.make("k3")).isNull)
    }

    /// Evicting the oldest key again and again (an LRU cache's pattern) finds the first live
    /// entry across deletions, growth and rebuilds.
    func testFirstKeyFollowsTheOldestLiveEntry() throws {
        let dict = Dict.make()
        XCTAssertTrue(Dict.firstKey(dict).isNull)
        var next = 0, oldest = 0
        for _ in 0..<2_000 {
            try Dict.set(dict, Value(smallInt: next), Value(smallInt: next))
            next += 1
            if Dict.count(dict) > 50 {
                let first = Dict.firstKey(dict)
                XCTAssertEqual(first.smallInt, oldest)
                try Dict.remove(dict, first)
                oldest += 1
            }
        }
        try Dict.remove(dict, Value(smallInt: oldest + 1))  // a hole after the first
        XCTAssertEqual(Dict.firstKey(dict).smallInt, oldest)
        Dict.clear(dict)
        XCTAssertTrue(Dict.firstKey(dict).isNull)
        try Dict.set(dict, Value(smallInt: 7), Value(smallInt: 7))
        XCTAssertEqual(Dict.firstKey(dict).smallInt, 7)
    }

    func testNumericKeysThatCompareEqualAreOneKey() throws {
        let dict = Dict.make()
        try Dict.set(dict, Value(smallInt: 1), Str.make("int"))
        try Dict.set(dict, Floats.make(1.0), Str.make("float"))
        try Dict.set(dict, BuiltinTypes.trueValue, Str.make("bool"))
        XCTAssertEqual(Dict.count(dict), 1)
        XCTAssertEqual(repr(dict), "{1: 'bool'}")
    }

    func testUnhashableTypesRaise() {
        XCTAssertEqual(outcome { Ints.make(try Objects.hash(List.make())) }, "TypeError: unhashable type: 'list'")
    }

    func testReprOfContainersAndStrings() throws {
        let list = List.make()
        List.append(list, Str.make("it's"))
        List.append(list, Tuple.make(Value(smallInt: 1)))
        List.append(list, BuiltinTypes.none)
        List.append(list, Str.make("tab\there\n\u{7f}"))
        XCTAssertEqual(repr(list), #"["it's", (1,), None, 'tab\there\n\x7f']"#)
    }

    func testExceptionHierarchyAndMessages() {
        let error = PythonError(.zeroDivisionError, "division by zero")
        XCTAssertEqual(error.typeName, "ZeroDivisionError")
        XCTAssertTrue(TypeObjects.isSubtype(error.exception.type, of: BuiltinException.arithmeticError.type))
        XCTAssertTrue(TypeObjects.isSubtype(error.exception.type, of: BuiltinException.exception.type))
        XCTAssertFalse(TypeObjects.isSubtype(BuiltinException.systemExit.type, of: BuiltinException.exception.type))
        let keyError = Exceptions.make(BuiltinException.keyError.type, arguments: [Str.make("gizmo")])
        XCTAssertEqual(try Exceptions.message(keyError), "'gizmo'")
        XCTAssertEqual(repr(keyError), "KeyError('gizmo')")
    }

    func testBoolIsAnIntInArithmetic() throws {
        XCTAssertEqual(repr(try Arithmetic.add(BuiltinTypes.trueValue, BuiltinTypes.trueValue)), "2")
        XCTAssertEqual(repr(try Arithmetic.bitwise(.and, BuiltinTypes.trueValue, BuiltinTypes.falseValue)), "False")
        XCTAssertEqual(outcome { try Arithmetic.add(Value(smallInt: 1), Str.make("a")) },
                       "TypeError: unsupported operand type(s) for +: 'int' and 'str'")
    }
}

final class SetTests: RuntimeTestCase {
    /// Builds a set of the ints 0..<n scaled by `factor`, then removes every third.
    func numbers(_ n: Int, factor: Int, frozen: Bool = false) throws -> Value {
        let set = Sets.make(frozen: frozen)
        for i in 0..<n { try Sets.add(set, Ints.make(i * factor)) }
        for i in stride(from: 0, to: n, by: 3) { try Sets.discard(set, Ints.make(i * factor)) }
        return set
    }

    func testIterationOrderMatchesCPython() throws {
        let ints = try numbers(200, factor: 37)
        let strs = Sets.make()
        for word in ["apple", "banana", "cherry", "date", "elderberry", "fig", "grape", "kiwi", "lemon", "mango"] {
            try Sets.add(strs, Str.make(word))
        }
        try Sets.discard(strs, Str.make("fig"))
        try Sets.add(strs, Floats.make(2.5))
        try Sets.add(strs, Tuple.make(Value(smallInt: 1), Value(smallInt: 2)))
        let expected = try runPython("""
            s = set(i * 37 for i in range(200))
            for i in range(0, 200, 3): s.discard(i * 37)
            print(repr(s))
            t = set(["apple", "banana", "cherry", "date", "elderberry", "fig", "grape", "kiwi", "lemon", "mango"])
            t.discard("fig"); t.add(2.5); t.add((1, 2))
            print(repr(t))
            """)
        XCTAssertEqual(repr(ints) + "\n" + repr(strs) + "\n", expected)
    }

    func testMembershipEqualityAndFrozensetHash() throws {
        let a = try numbers(50, factor: 1, frozen: true)
        let b = try numbers(50, factor: 1)
        XCTAssertTrue(try Sets.contains(a, Value(smallInt: 4)))
        XCTAssertFalse(try Sets.contains(a, Value(smallInt: 3)))
        XCTAssertTrue(try Sets.contains(b, Floats.make(4.0)), "4.0 == 4, so it is in the set")
        XCTAssertTrue(try Objects.compare(a, b, .equal))
        XCTAssertTrue(try Objects.compare(Sets.make(), b, .less))
        XCTAssertEqual(outcome { Ints.make(try Objects.hash(b)) }, "TypeError: unhashable type: 'set'")
        let expected = try runPython("""
            s = set(range(50))
            for i in range(0, 50, 3): s.discard(i)
            print(hash(frozenset(s)), hash(frozenset()))
            """)
        XCTAssertEqual("\(try Objects.hash(a)) \(try Objects.hash(Sets.make(frozen: true)))\n", expected)
    }

    func testLargeSetsSurviveCollection() throws {
        let n = scaled(100_000, stressed: 300)
        let set = Sets.make()
        for i in 0..<n { try Sets.add(set, Floats.make(Double(i) + 0.5)) }
        Collector.collect()
        XCTAssertEqual(Sets.count(set), n)
        XCTAssertTrue(try Sets.contains(set, Floats.make(Double(n - 1) + 0.5)))
    }
}

/// Random sequences of list method calls, applied here and in CPython, must leave the same
/// lists and return the same results.
final class ListMethodTests: RuntimeTestCase {
    func testRandomMethodSequencesMatchCPython() throws {
        var random = SplitMix64(seed: 5150)
        func small() -> Int { Int(random.next() % 9) - 3 }
        var programs: [[String]] = []
        for _ in 0..<scaled(1500, stressed: 60) {
            programs.append((0..<(3 + random.next() % 8)).map { _ in
                switch random.next() % 9 {
                case 0: return "append(\(small()))"
                case 1: return "insert(\(small() * 2), \(small()))"
                case 2: return "pop()"
                case 3: return "pop(\(small()))"
                case 4: return "remove(\(small()))"
                case 5: return "index(\(small()))"
                case 6: return "count(\(small()))"
                case 7: return ["reverse()", "clear()", "extend((1, 2))", "extend(l)"][Int(random.next() % 4)]
                default: return "append(\(Double(small()) / 2))"
                }
            })
        }
        let script = """
        import sys
        for line in open(sys.argv[1]):
            l = [1, 2, 3]
            out = []
            for call in line.strip().split(';'):
                try:
                    out.append(repr(eval('l.' + call)))
                except Exception as e:
                    out.append(type(e).__name__ + ': ' + str(e))
            print(' | '.join(out) + ' => ' + repr(l))
        """
        let expected = try pythonResults(of: programs.map { $0.joined(separator: ";") }, script: script)
        var mismatches: [String] = []
        for (i, program) in programs.enumerated() {
            let l = List.make()
            for k in 1...3 { List.append(l, Value(smallInt: k)) }
            let results = program.map { call in outcome { try self.apply(call, to: l) } }
            let ours = results.joined(separator: " | ") + " => " + repr(l)
            if ours != expected[i] { mismatches.append("\(program)\n  python3: \(expected[i])\n  runtime: \(ours)") }
        }
        XCTAssertEqual(mismatches.count, 0, "of \(programs.count):\n" + mismatches.prefix(10).joined(separator: "\n"))
    }

    func apply(_ call: String, to l: Value) throws -> Value {
        let name = String(call.prefix { $0 != "(" })
        let inside = call.dropFirst(name.count + 1).dropLast()
        let numbers = inside.split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
        func number(_ d: Double) -> Value { d == d.rounded() && !inside.contains(".") ? Value(smallInt: Int(d)) : Floats.make(d) }
        let none = BuiltinTypes.none
        switch name {
        case "append": List.append(l, number(numbers[0])); return none
        case "insert": List.insert(l, at: Int(numbers[0]), Value(smallInt: Int(numbers[1]))); return none
        case "pop": return try List.pop(l, at: numbers.first.map { Int($0) } ?? -1)
        case "remove": try List.remove(l, Value(smallInt: Int(numbers[0]))); return none
        case "index": return Ints.make(try List.index(l, of: Value(smallInt: Int(numbers[0]))))
        case "count": return Ints.make(try List.occurrences(l, of: Value(smallInt: Int(numbers[0]))))
        case "reverse": List.reverse(l); return none
        case "clear": List.clear(l); return none
        default:
            List.extend(l, with: inside == "l" ? l : Tuple.make(Value(smallInt: 1), Value(smallInt: 2)))
            return none
        }
    }
}

/// Random sequences of dict operations, here and in CPython: same results, same final dict
/// (insertion order included).
final class DictMethodTests: RuntimeTestCase {
    func testRandomOperationSequencesMatchCPython() throws {
        var random = SplitMix64(seed: 6060)
        func key() -> Int { Int(random.next() % 7) }
        var programs: [[String]] = []
        for _ in 0..<scaled(1500, stressed: 60) {
            programs.append((0..<(3 + random.next() % 10)).map { _ in
                switch random.next() % 10 {
                case 0, 1: return "set \(key()) \(key())"
                case 2: return "del \(key())"
                case 3: return "get \(key())"
                case 4: return "pop \(key())"
                case 5: return "popd \(key())"
                case 6: return "setdefault \(key()) \(key())"
                case 7: return "popitem"
                case 8: return ["update", "clear", "copyeq"][Int(random.next() % 3)]
                default: return "in \(key())"
                }
            })
        }
        let script = """
        import sys
        def run(d, op, *a):
            if op == 'set': d[a[0]] = a[1]; return None
            if op == 'del': del d[a[0]]; return None
            if op == 'get': return d.get(a[0])
            if op == 'pop': return d.pop(a[0])
            if op == 'popd': return d.pop(a[0], -1)
            if op == 'setdefault': return d.setdefault(a[0], a[1])
            if op == 'popitem': return d.popitem()
            if op == 'update': d.update({5: 50, 0: 0}); return None
            if op == 'clear': d.clear(); return None
            if op == 'copyeq': return d.copy() == d
            if op == 'in': return a[0] in d
        for line in open(sys.argv[1]):
            d = {1: 10, 2: 20}
            out = []
            for call in line.strip().split(';'):
                op, *args = call.split()
                try:
                    out.append(repr(run(d, op, *map(int, args))))
                except Exception as e:
                    out.append(type(e).__name__ + ': ' + str(e))
            print(' | '.join(out) + ' => ' + repr(d))
        """
        let expected = try pythonResults(of: programs.map { $0.joined(separator: ";") }, script: script)
        var mismatches: [String] = []
        for (i, program) in programs.enumerated() {
            let d = Dict.make()
            try Dict.set(d, Value(smallInt: 1), Value(smallInt: 10))
            try Dict.set(d, Value(smallInt: 2), Value(smallInt: 20))
            let results = program.map { call in outcome { try self.apply(call, to: d) } }
            let ours = results.joined(separator: " | ") + " => " + repr(d)
            if ours != expected[i] { mismatches.append("\(program)\n  python3: \(expected[i])\n  runtime: \(ours)") }
        }
        XCTAssertEqual(mismatches.count, 0, "of \(programs.count):\n" + mismatches.prefix(10).joined(separator: "\n"))
    }

    func apply(_ call: String, to d: Value) throws -> Value {
        let words = call.split(separator: " ")
        let a = words.dropFirst().map { Value(smallInt: Int($0)!) }
        let none = BuiltinTypes.none
        switch words[0] {
        case "set": try Dict.set(d, a[0], a[1]); return none
        case "del":
            if !(try Dict.remove(d, a[0])) { throw PythonError(exception: Exceptions.make(BuiltinException.keyError.type, arguments: [a[0]])) }
            return none
        case "get": let v = try Dict.get(d, a[0]); return v.isNull ? none : v
        case "pop": return try Dict.pop(d, a[0])
        case "popd": return try Dict.pop(d, a[0], default: Value(smallInt: -1))
        case "setdefault": return try Dict.setDefault(d, a[0], a[1])
        case "popitem": return try Dict.popItem(d)
        case "update":
            let other = Dict.make()
            try Dict.set(other, Value(smallInt: 5), Value(smallInt: 50))
            try Dict.set(other, Value(smallInt: 0), Value(smallInt: 0))
            try Dict.update(d, with: other)
            return none
        case "clear": Dict.clear(d); return none
        case "copyeq": return .bool(try Objects.equal(try Dict.copy(d), d))
        default: return .bool(!(try Dict.get(d, a[0])).isNull)
        }
    }
}
