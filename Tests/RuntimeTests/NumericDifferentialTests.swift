import Foundation
import XCTest
@testable import Runtime

/// Random numeric expressions, evaluated by the runtime and by python3, must give the same
/// repr or the same exception and message. Seeded, so a failure reproduces.
final class NumericDifferentialTests: RuntimeTestCase {
    func testRandomExpressionsMatchCPython() throws {
        let count = Int(ProcessInfo.processInfo.environment["JITBENCH_DIFFERENTIAL_COUNT"] ?? "") ?? scaled(100_000, stressed: 2_000)
        var generator = ExpressionGenerator(seed: 20261124)
        let expressions = (0..<count).map { _ in generator.topLevel() }
        let expected = try pythonResults(of: expressions.map(\.source))
        var mismatches: [String] = []
        for (i, expression) in expressions.enumerated() {
            let ours = outcome { try expression.evaluate() }
            if ours != expected[i] {
                mismatches.append("\(expression.source)\n  python3: \(expected[i])\n  runtime: \(ours)")
            }
        }
        XCTAssertEqual(mismatches.count, 0, "of \(count) expressions:\n" + mismatches.prefix(20).joined(separator: "\n"))
    }
}

/// A numeric expression tree that can print itself as Python source and evaluate itself
/// with the runtime.
indirect enum Expression {
    case int(String)
    case float(Double)
    case bool(Bool)
    case binary(BinaryOperator, Expression, Expression)
    case compare(ComparisonOperator, Expression, Expression)
    case negate(Expression), invert(Expression), absolute(Expression)
    case divmod(Expression, Expression)
    case powerModulo(Expression, Expression, Expression)
    case hash(Expression), toFloat(Expression), toInt(Expression), str(Expression)
    case parseInt(String, Int)
    case round(Expression, Int?)

    var source: String {
        switch self {
        case .int(let text): return text
        case .float(let d): return Floats.repr(d)
        case .bool(let b): return b ? "True" : "False"
        case .binary(let op, let a, let b): return "(\(a.source)) \(op.rawValue) (\(b.source))"
        case .compare(let op, let a, let b): return "(\(a.source)) \(op.rawValue) (\(b.source))"
        case .negate(let a): return "-(\(a.source))"
        case .invert(let a): return "~(\(a.source))"
        case .absolute(let a): return "abs(\(a.source))"
        case .divmod(let a, let b): return "divmod(\(a.source), \(b.source))"
        case .powerModulo(let a, let b, let m): return "pow(\(a.source), \(b.source), \(m.source))"
        case .hash(let a): return "hash(\(a.source))"
        case .toFloat(let a): return "float(\(a.source))"
        case .toInt(let a): return "int(\(a.source))"
        case .str(let a): return "str(\(a.source))"
        case .parseInt(let text, let base): return "int(\(Objects.reprOfString(text)), \(base))"
        case .round(let a, let digits): return "round(\(a.source)" + (digits.map { ", \($0))" } ?? ")")
        }
    }

    func evaluate() throws(PythonError) -> Value {
        switch self {
        case .int(let text): return try Ints.parse(text, base: 10)
        case .float(let d): return Floats.make(d)
        case .bool(let b): return .bool(b)
        case .binary(let op, let a, let b):
            let x = try a.evaluate()
            return try Arithmetic.binary(op, x, try b.evaluate())
        case .compare(let op, let a, let b):
            let x = try a.evaluate()
            return .bool(try Objects.compare(x, try b.evaluate(), op))
        case .negate(let a): return try Arithmetic.negate(try a.evaluate())
        case .invert(let a): return try Arithmetic.invert(try a.evaluate())
        case .absolute(let a): return try Arithmetic.absolute(try a.evaluate())
        case .divmod(let a, let b):
            let x = try a.evaluate()
            return try Arithmetic.divmod(x, try b.evaluate())
        case .powerModulo(let a, let b, let m):
            let x = try a.evaluate(), y = try b.evaluate()
            return try Arithmetic.power(x, y, modulo: try m.evaluate())
        case .hash(let a): return Ints.make(try Objects.hash(try a.evaluate()))
        case .toFloat(let a):
            let v = try a.evaluate()
            return v.kind == .float ? v : Floats.make(try Ints.toDouble(Ints.unbool(v)))
        case .toInt(let a):
            let v = try a.evaluate()
            return v.kind == .float ? try Ints.make(truncating: Floats.value(v)) : Ints.unbool(v)
        case .str(let a): return Str.make(try Objects.str(try a.evaluate()))
        case .parseInt(let text, let base): return try Ints.parse(text, base: base)
        case .round(let a, let digits): return try Arithmetic.round(try a.evaluate(), digits: digits.map { Ints.make($0) })
        }
    }
}

/// Generates expressions biased toward the places where semantics are subtle: the small-int
/// boundary, signs of division and modulo, float corners, promotion and demotion.
struct ExpressionGenerator {
    var random: SplitMix64

    init(seed: UInt64) { random = SplitMix64(seed: seed) }

    mutating func pick<T>(_ choices: [T]) -> T { choices[Int(random.next() % UInt64(choices.count))] }
    mutating func chance(_ percent: UInt64) -> Bool { random.next() % 100 < percent }

    static let boundaryInts = ["0", "1", "-1", "2", "-2", "3", "7", "-7", "10", "255", "4611686018427387903",
                               "4611686018427387904", "-4611686018427387904", "-4611686018427387905",
                               "9223372036854775807", "9223372036854775808", "-9223372036854775808",
                               "18446744073709551616", "-18446744073709551617", "9007199254740993",
                               "10715086071862673209484250490600018105614048117055336074437503883703510511249361224931983788156958581275946729175531468251871452856923140435984577574698574803934567774824230985421074605062371141877954182153046474983581941267398767559165543946077062914571196477686542167660429831652624386837205668069376"]
    static let floats: [Double] = [0.0, -0.0, 0.5, -1.5, 2.5, 0.1, 1e16, 1e-5, 1e300, -1e300, 1e-300, 3.0, 9007199254740992.0,
                                   4.611686018427388e18, 123.456, 5e-324, 1.7976931348623157e308, -2.0, 0.3]

    mutating func literal() -> Expression {
        switch random.next() % 10 {
        case 0, 1, 2, 3: return .int(pick(Self.boundaryInts))
        case 4, 5: return .int(String(Int(bitPattern: UInt(random.next())) >> Int(random.next() % 64)))
        case 6, 7, 8: return .float(pick(Self.floats))
        default: return .bool(chance(50))
        }
    }

    mutating func smallExponent() -> Expression { .int(String(Int(random.next() % 24) - 3)) }

    /// An expression to print. str() and divmod() only appear here, so that no str or tuple
    /// flows into arithmetic (a sequence times a huge int asks python3 for all the memory
    /// there is).
    mutating func topLevel() -> Expression {
        let e = expression(depth: 3)
        switch random.next() % 20 {
        case 0: return .str(e)
        case 1: return .divmod(e, expression(depth: 2))
        default: return e
        }
    }

    mutating func expression(depth: Int) -> Expression {
        if depth == 0 || chance(25) { return literal() }
        let a = expression(depth: depth - 1)
        switch random.next() % 20 {
        case 0..<9:
            let op = pick([BinaryOperator.add, .subtract, .multiply, .trueDivide, .floorDivide, .modulo, .and, .or, .xor])
            return .binary(op, a, expression(depth: depth - 1))
        case 9:
            // Integral exponents only: a negative base to a fractional power is complex.
            return .binary(.power, a, smallExponent())
        case 10:
            return .binary(pick([.shiftLeft, .shiftRight]), a, .int(String(Int(random.next() % 140) - 2)))
        case 11: return .compare(pick(ComparisonOperator.allCases), a, expression(depth: depth - 1))
        case 12: return pick([.negate(a), .invert(a), .absolute(a)])
        case 13: return .binary(pick([.add, .multiply, .floorDivide]), a, literal())
        case 14: return .powerModulo(a, smallExponent(), .int(pick(["7", "-7", "1", "0", "1000000007", "18446744073709551617"])))
        case 15: return .hash(a)
        case 16: return .toFloat(a)
        case 17: return .toInt(a)
        case 18: return .round(a, chance(30) ? nil : Int(random.next() % 40) - 20)
        default:
            let text = pick(["0x_1f", "-42", " 1_000 ", "0b101", "z", "0o777", "010", "1__2", "", "123456789012345678901234567890"])
            return .parseInt(text, pick([0, 10, 16, 36, 2]))
        }
    }
}
