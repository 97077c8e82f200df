import Foundation
import XCTest
@testable import Runtime

/// Random str method calls on random strs must give CPython's results or errors.
final class StrMethodTests: RuntimeTestCase {
    struct Call {
        let method: String
        let receiver: String
        let arguments: [String?]  // str arguments; nil is None
        let numbers: [Int]

        var source: String {
            let strs = arguments.map { $0.map { Objects.reprOfString($0) } ?? "None" }
            return Objects.reprOfString(receiver) + "." + method + "(" + (strs + numbers.map(String.init)).joined(separator: ", ") + ")"
        }
    }

    func testRandomCallsMatchCPython() throws {
        var random = SplitMix64(seed: 77)
        func pick<T>(_ xs: [T]) -> T { xs[Int(random.next() % UInt64(xs.count))] }
        let pieces = ["a", "b", "ab", " ", "  ", "\t", "\n", "\r\n", "x,y", ",", "--", "é", "ß", "日本", "\u{2028}", "\u{1c}", "A", "Z9", "+", "-", "0"]
        func text() -> String { (0..<(random.next() % 7)).map { _ in pick(pieces) }.joined() }
        func small() -> Int { Int(random.next() % 14) - 4 }
        var calls: [Call] = []
        for _ in 0..<scaled(20_000, stressed: 300) {
            let s = text()
            switch random.next() % 16 {
            case 0: calls.append(Call(method: "split", receiver: s, arguments: [random.next() % 2 == 0 ? nil : pick([",", " ", "ab", "--", ""])], numbers: random.next() % 2 == 0 ? [] : [small()]))
            case 1: calls.append(Call(method: "rsplit", receiver: s, arguments: [random.next() % 2 == 0 ? nil : pick([",", " ", "ab", "--"])], numbers: [small()]))
            case 2: calls.append(Call(method: pick(["strip", "lstrip", "rstrip"]), receiver: s, arguments: random.next() % 2 == 0 ? [] : [pick([" a", "ab", "\n", "é-"])], numbers: []))
            case 3: calls.append(Call(method: pick(["find", "rfind", "index", "rindex", "count"]), receiver: s, arguments: [pick(["a", "ab", "", " ", "é"])], numbers: Array([small(), small()].prefix(Int(random.next() % 3)))))
            case 4: calls.append(Call(method: "replace", receiver: s, arguments: [pick(["a", "", " ", "ab"]), pick(["", "X", "--"])], numbers: random.next() % 2 == 0 ? [] : [small()]))
            case 5: calls.append(Call(method: pick(["startswith", "endswith"]), receiver: s, arguments: [pick(["a", "", " ", "ab", "é"])], numbers: []))
            case 6: calls.append(Call(method: pick(["partition", "rpartition"]), receiver: s, arguments: [pick(["a", ",", " ", ""])], numbers: []))
            case 7: calls.append(Call(method: pick(["upper", "lower"]), receiver: s, arguments: [], numbers: []))
            case 8: calls.append(Call(method: pick(["center", "ljust", "rjust"]), receiver: s, arguments: [], numbers: [Int(random.next() % 12)]))
            case 9: calls.append(Call(method: "zfill", receiver: s, arguments: [], numbers: [Int(random.next() % 10)]))
            case 10: calls.append(Call(method: "splitlines", receiver: s, arguments: [], numbers: random.next() % 2 == 0 ? [] : [1]))
            case 11: calls.append(Call(method: pick(["title", "capitalize", "swapcase"]), receiver: s, arguments: [], numbers: []))
            case 12, 13:
                let methods = ["isdigit", "isdecimal", "isnumeric", "isalpha", "isalnum", "isspace", "isupper", "islower", "istitle"]
                calls.append(Call(method: pick(methods), receiver: pick([s, pick(Self.predicateSamples)]), arguments: [], numbers: []))
            default: calls.append(Call(method: "join", receiver: pick([",", "", " - ", "é"]), arguments: [], numbers: []))
            }
        }
        // join takes a list of strs: built from the receiver's vocabulary.
        let joinItems = ["a", "", "b c"]
        let expected = try pythonResults(of: calls.map { $0.method == "join" ? Objects.reprOfString($0.receiver) + ".join(\(joinItems))" : $0.source })
        var mismatches: [String] = []
        for (i, call) in calls.enumerated() {
            let ours = outcome { try self.perform(call, joinItems: joinItems) }
            if ours != expected[i] { mismatches.append("\(call.source)\n  python3: \(expected[i])\n  runtime: \(ours)") }
        }
        XCTAssertEqual(mismatches.count, 0, "of \(calls.count):\n" + mismatches.prefix(15).joined(separator: "\n"))
    }

    /// Strs that exercise the predicates beyond ASCII: digits of other scripts, fractions,
    /// titlecase letters, modifier letters, uncased letters.
    static let predicateSamples = ["123", "١٢٣", "²", "½", "Ⅻ", "abc", "ABC", "Abc Def", "ǅungla", "ʰ", "日本", "a1", "A1b",
                                   "Hello World", "hello World", "ΣΑΣ", "ß", "ﬁ", " \t", "\u{a0}", "x\u{300}", "Ǆ", "ǆ"]

    func perform(_ call: Call, joinItems: [String]) throws -> Value {
        let s = Str.make(call.receiver)
        let args = call.arguments.map { $0.map { Str.make($0) } }
        let n = call.numbers
        switch call.method {
        case "split": return try StrMethods.split(s, separator: args[0], maxSplit: n.first ?? -1)
        case "rsplit": return try StrMethods.rsplit(s, separator: args[0], maxSplit: n[0])
        case "strip", "lstrip", "rstrip":
            let side: StrMethods.StripSide = call.method == "strip" ? .both : (call.method == "lstrip" ? .left : .right)
            return try StrMethods.strip(s, characters: args.first ?? nil, side: side)
        case "find", "rfind":
            return Ints.make(try StrMethods.find(s, args[0]!, start: n.first, end: n.count > 1 ? n[1] : nil, fromRight: call.method == "rfind"))
        case "index", "rindex":
            return Ints.make(try StrMethods.index(s, args[0]!, start: n.first, end: n.count > 1 ? n[1] : nil, fromRight: call.method == "rindex"))
        case "count": return Ints.make(try StrMethods.count(s, args[0]!, start: n.first, end: n.count > 1 ? n[1] : nil))
        case "replace": return try StrMethods.replace(s, args[0]!, args[1]!, count: n.first ?? -1)
        case "startswith", "endswith": return .bool(try StrMethods.hasAffix(s, args[0]!, atEnd: call.method == "endswith"))
        case "partition", "rpartition": return try StrMethods.partition(s, args[0]!, fromRight: call.method == "rpartition")
        case "upper", "lower": return StrMethods.changeCase(s, upper: call.method == "upper")
        case "center": return try StrMethods.justify(s, width: n[0], fill: nil, align: "^")
        case "ljust": return try StrMethods.justify(s, width: n[0], fill: nil, align: "<")
        case "rjust": return try StrMethods.justify(s, width: n[0], fill: nil, align: ">")
        case "zfill": return StrMethods.zfill(s, width: n[0])
        case "title": return StrMethods.recase(s, .title)
        case "capitalize": return StrMethods.recase(s, .capitalize)
        case "swapcase": return StrMethods.recase(s, .swapcase)
        case "isdigit": return .bool(StrMethods.test(s, .digit))
        case "isdecimal": return .bool(StrMethods.test(s, .decimal))
        case "isnumeric": return .bool(StrMethods.test(s, .numeric))
        case "isalpha": return .bool(StrMethods.test(s, .alpha))
        case "isalnum": return .bool(StrMethods.test(s, .alnum))
        case "isspace": return .bool(StrMethods.test(s, .space))
        case "isupper": return .bool(StrMethods.test(s, .upper))
        case "islower": return .bool(StrMethods.test(s, .lower))
        case "istitle": return .bool(StrMethods.test(s, .title))
        case "splitlines": return StrMethods.splitlines(s, keepEnds: n.first == 1)
        default:
            let list = List.make()
            for item in joinItems { List.append(list, Str.make(item)) }
            return try StrMethods.join(s, list)
        }
    }
}

/// `float(text)` and `int(text)` over random texts must accept and reject what CPython does.
final class NumberTextTests: RuntimeTestCase {
    func testRandomTextsMatchCPython() throws {
        var random = SplitMix64(seed: 4242)
        func pick<T>(_ xs: [T]) -> T { xs[Int(random.next() % UInt64(xs.count))] }
        let pieces = ["1", "0", "9", "_", ".", "e", "E", "+", "-", " ", "inf", "nan", "Infinity", "x", "0x", "١", "２", "\t", "\u{a0}", "5", "00"]
        var texts: [String] = []
        for _ in 0..<scaled(20_000, stressed: 300) {
            texts.append((0..<(1 + random.next() % 6)).map { _ in pick(pieces) }.joined())
        }
        let script = """
        import sys
        def attempt(f):
            try:
                return repr(f())
            except Exception as e:
                return type(e).__name__ + ': ' + str(e)
        for line in open(sys.argv[1], encoding='utf-8'):
            s = eval(line)
            print(attempt(lambda: float(s)) + ' | ' + attempt(lambda: int(s, 0)) + ' | ' + attempt(lambda: int(s)))
        """
        let expected = try pythonResults(of: texts.map { Objects.reprOfString($0) }, script: script)
        var mismatches: [String] = []
        for (i, text) in texts.enumerated() {
            let ours = outcome { Floats.make(try Floats.parse(Str.make(text))) } + " | " + outcome { try Ints.parse(text, base: 0) }
                + " | " + outcome { try Ints.parse(text, base: 10) }
            if ours != expected[i] { mismatches.append("\(Objects.reprOfString(text))\n  python3: \(expected[i])\n  runtime: \(ours)") }
        }
        XCTAssertEqual(mismatches.count, 0, "of \(texts.count):\n" + mismatches.prefix(15).joined(separator: "\n"))
    }
}
