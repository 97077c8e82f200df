import XCTest
@testable import Runtime

/// The byte-level fast paths of int(), str methods and format specs against python3, on the
/// edges where a fast path hands over to the general one.
final class TextFastPathTests: RuntimeTestCase {
    func testIntParsingMatchesCPython() throws {
        let texts = ["0", "00", "0_0", "-0", "+12", " 12 ", "\t-0x1F\n", "0x", "0x_1", "0x__1", "1__2", "_1", "1_",
                     "12g4", "ff", "FF", "0b101", "0o17", "0O17", "0B1", "010", "0_7", "999999999999999999",
                     "9999999999999999999", "-9223372036854775808", "zzzzzzzzzzzzz", "ZZ", "1e5", "", " ", "+", "-",
                     "٣", " 1 2", "1\u{1c}", "\u{1c}1", "\u{a0}7\u{3000}", "--1", "0x-1"]
        var cases: [(String, Int)] = []
        for base in [0, 2, 8, 10, 16, 36] { for text in texts { cases.append((text, base)) } }
        let expected = try pythonResults(of: cases.map { "int(\(Objects.reprOfString($0.0)), \($0.1))" })
        for (i, (text, base)) in cases.enumerated() {
            XCTAssertEqual(outcome { try Ints.parse(text, base: base) }, String(expected[i]), "int(\(Objects.reprOfString(text)), \(base))")
        }
    }

    func testSearchesOnNarrowAndWideStrsMatchCPython() throws {
        let receivers = ["ééé ,ab", "aaaa", "\u{3000}baaaé", "a😀ba😀b", "xāyāz", "abcabc"]
        let needles = ["a", "aa", "éé", "ā", "😀b", "b", "abc", "z"]
        var expressions: [String] = []
        var calls: [() throws -> Value] = []
        for s in receivers {
            for p in needles {
                let (sv, pv) = (Objects.reprOfString(s), Objects.reprOfString(p))
                expressions += ["\(sv).rsplit(\(pv))", "\(sv).split(\(pv))", "\(sv).replace(\(pv), 'é')", "\(sv).rfind(\(pv))",
                                "\(sv).count(\(pv))", "hash(\(sv).replace(\(pv), '')) == hash(''.join(reversed(\(sv).replace(\(pv), '')))[::-1])"]
                calls.append { try StrMethods.rsplit(Str.make(s), separator: Str.make(p)) }
                calls.append { try StrMethods.split(Str.make(s), separator: Str.make(p)) }
                calls.append { try StrMethods.replace(Str.make(s), Str.make(p), Str.make("é")) }
                calls.append { Value(smallInt: try StrMethods.find(Str.make(s), Str.make(p), fromRight: true)) }
                calls.append { Value(smallInt: try StrMethods.count(Str.make(s), Str.make(p))) }
                calls.append {
                    let replaced = try StrMethods.replace(Str.make(s), Str.make(p), Str.make(""))
                    let rebuilt = Str.make(Str.swiftString(replaced))
                    return Value.bool(Str.hash(replaced) == Str.hash(rebuilt) && Str.equal(replaced, rebuilt))
                }
            }
        }
        let expected = try pythonResults(of: expressions)
        for (i, call) in calls.enumerated() {
            XCTAssertEqual(outcome(call), String(expected[i]), expressions[i])
        }
    }
}
