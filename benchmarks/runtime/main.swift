// Micro-benchmarks of the runtime's hot operations, printed beside CPython doing the same
// operations, measured in the same run (the machines are shared and noisy: only the ratio
// means something).
//
//   swift run -c release runtime-bench                  micro-benchmarks vs python3
//   swift run -c release runtime-bench binary-trees 16  the binary-trees workload, with peak RSS
//   swift run -c release runtime-bench binary-trees 16 --gc-stress
//
// Our side calls the runtime from Swift, with no interpreter around it. CPython's side is
// a loop in Python: its per-operation time is the loop's time minus the time of the same
// loop doing nothing, so the interpreter's dispatch of the loop itself is not counted
// against it, though its dispatch of the operation is.
import Foundation
import Runtime

struct Benchmark {
    let name: String
    let iterations: Int
    /// Python statement performing the operation on `x`, `one`, `d`, `l`, `i`, `k`; run in
    /// a loop over `range(iterations)` with `i` the index.
    let python: String
    let setup: String
    let run: (Int) -> Void
}

func nanoseconds() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

func median(_ xs: [Double]) -> Double { xs.sorted()[xs.count / 2] }

func measureOurs(_ b: Benchmark, repeats: Int = 5) -> Double {
    var samples: [Double] = []
    for _ in 0..<repeats {
        let start = nanoseconds()
        b.run(b.iterations)
        samples.append(Double(nanoseconds() - start) / Double(b.iterations))
    }
    return median(samples)
}

func measureCPython(_ benchmarks: [Benchmark]) throws -> [String: Double] {
    var script = """
    import time, json
    def best(f, n):
        samples = []
        for _ in range(5):
            t = time.perf_counter(); f(n); samples.append(time.perf_counter() - t)
        samples.sort(); return samples[2]

    """
    for (index, b) in benchmarks.enumerated() {
        script += """
        def op\(index)(n):
            \(b.setup)
            for i in range(n):
                \(b.python)
        def empty\(index)(n):
            \(b.setup)
            for i in range(n):
                pass
        print(json.dumps({"name": "\(b.name)", "ns": (best(op\(index), \(b.iterations)) - best(empty\(index), \(b.iterations))) * 1e9 / \(b.iterations)}))

        """
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    var result: [String: Double] = [:]
    for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
        let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
        result[object["name"] as! String] = object["ns"] as? Double
    }
    return result
}

/// Keeps a result alive and observable so the optimiser cannot drop the work.
nonisolated(unsafe) var sink = Value(smallInt: 0)

func microBenchmarks() -> [Benchmark] {
    let one = Value(smallInt: 1)
    return [
        Benchmark(name: "small-int add", iterations: 20_000_000, python: "x = x + one", setup: "x = 0; one = 1") { n in
            var x = Value(smallInt: 0)
            for _ in 0..<n { x = try! Arithmetic.add(x, one) }
            sink = x
        },
        Benchmark(name: "float multiply-add", iterations: 5_000_000, python: "x = x * 1.0000001 + 0.5", setup: "x = 1.0") { n in
            var x = Floats.make(1.0)
            let factor = Floats.make(1.0000001), half = Floats.make(0.5)
            for _ in 0..<n { x = try! Arithmetic.add(try! Arithmetic.multiply(x, factor), half) }
            sink = x
        },
        Benchmark(name: "dict set+get", iterations: 5_000_000, python: "k = i & 1023; d[k] = i; x = d[k]", setup: "d = {}") { n in
            let d = Dict.make()
            var x = Value(smallInt: 0)
            for i in 0..<n {
                let k = Value(smallInt: i & 1023)
                try! Dict.set(d, k, Value(smallInt: i))
                x = try! Dict.get(d, k)
            }
            sink = x
        },
        Benchmark(name: "dict get (str keys)", iterations: 5_000_000, python: "x = d[keys[i & 255]]",
                  setup: "d = {'key%d' % j: j for j in range(256)}; keys = list(d)") { n in
            let d = Dict.make()
            let keys = List.make()
            for j in 0..<256 {
                let key = Str.make("key\(j)")
                List.append(keys, key)
                try! Dict.set(d, key, Value(smallInt: j))
            }
            var x = Value(smallInt: 0)
            for i in 0..<n { x = try! Dict.get(d, List.item(keys, at: i & 255)) }
            sink = x
        },
        Benchmark(name: "list append", iterations: 10_000_000, python: "l.append(i)", setup: "l = []") { n in
            let l = List.make()
            for i in 0..<n { List.append(l, Value(smallInt: i)) }
            sink = l
        },
        Benchmark(name: "2-tuple allocation", iterations: 10_000_000, python: "x = (i, one)", setup: "one = 1") { n in
            var x = Value(smallInt: 0)
            for i in 0..<n { x = Tuple.make(Value(smallInt: i), one) }
            sink = x
        },
        Benchmark(name: "big-int multiply (100 digits)", iterations: 2_000_000, python: "x = a * b",
                  setup: "a = 7**118; b = 3**210") { n in
            let a = try! Ints.power(Value(smallInt: 7), Value(smallInt: 118))
            let b = try! Ints.power(Value(smallInt: 3), Value(smallInt: 210))
            var x = Value(smallInt: 0)
            for _ in 0..<n { x = Ints.multiply(a, b) }
            sink = x
        },
    ]
}

func runMicroBenchmarks() throws {
    let benchmarks = microBenchmarks()
    let cpython = try measureCPython(benchmarks)
    print("operation                       ours ns/op  CPython ns/op   ours Mops/s  CPython Mops/s  speedup")
    for b in benchmarks {
        let ours = measureOurs(b)
        let theirs = cpython[b.name] ?? .nan
        let name = b.name.padding(toLength: 30, withPad: " ", startingAt: 0)
        print(name + String(format: " %11.2f %14.2f %13.1f %15.1f %7.1fx", ours, theirs, 1e3 / ours, 1e3 / theirs, theirs / ours))
    }
}

/// Binary trees (the classic GC benchmark): a long-lived tree, then many short-lived ones.
func binaryTrees(maxDepth: Int) {
    func tree(_ depth: Int) -> Value {
        depth == 0 ? Tuple.make(BuiltinTypes.none, BuiltinTypes.none) : Tuple.make(tree(depth - 1), tree(depth - 1))
    }
    func check(_ node: Value) -> Int {
        let left = Tuple.items(node)[0]
        return left.is(BuiltinTypes.none) ? 1 : 1 + check(left) + check(Tuple.items(node)[1])
    }
    let start = nanoseconds()
    print("stretch tree of depth \(maxDepth + 1)\t check: \(check(tree(maxDepth + 1)))")
    let longLived = tree(maxDepth)
    for depth in stride(from: 4, through: maxDepth, by: 2) {
        let iterations = 1 << (maxDepth - depth + 4)
        var total = 0
        for _ in 0..<iterations { total += check(tree(depth)) }
        print("\(iterations)\t trees of depth \(depth)\t check: \(total)")
    }
    print("long lived tree of depth \(maxDepth)\t check: \(check(longLived))")
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    let stats = HeapStatistics.current
    print(String(format: "time %.2f s, peak RSS %.1f MB, %d collections, max pause %.1f ms",
                 Double(nanoseconds() - start) / 1e9, Double(usage.ru_maxrss) / 1024, stats.collections,
                 Double(stats.maxPauseNanoseconds) / 1e6))
}

Runtime.initialize()
let arguments = CommandLine.arguments.dropFirst()
if arguments.first == "binary-trees" {
    Collector.stress = arguments.contains("--gc-stress")
    binaryTrees(maxDepth: arguments.dropFirst().first.flatMap { Int($0) } ?? 16)
} else {
    try runMicroBenchmarks()
}
