// Tokenizer and parser throughput on the ten largest modules of CPython's standard library,
// beside CPython's own `tokenize` module and `ast.parse` on the same files, in one run.
//
//   swift run -c release frontend-bench
import Foundation
import FrontEnd

func python(_ script: String) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
}

let stdlib = try python("import sysconfig; print(sysconfig.get_paths()['stdlib'])")
let paths = try FileManager.default.contentsOfDirectory(atPath: stdlib)
    .filter { $0.hasSuffix(".py") }
    .map { stdlib + "/" + $0 }
    .sorted { (try? FileManager.default.attributesOfItem(atPath: $0)[.size] as? Int ?? 0) ?? 0 > (try? FileManager.default.attributesOfItem(atPath: $1)[.size] as? Int ?? 0) ?? 0 }
    .prefix(10)
let sources = try paths.map { try SourceText(fileName: $0, bytes: [UInt8](Data(contentsOf: URL(fileURLWithPath: $0)))) }
let bytes = sources.reduce(0) { $0 + $1.bytes.count }

/// The median of seven timings of `body`, in seconds.
func median(_ body: () throws -> Void) rethrows -> Double {
    var samples: [Double] = []
    for _ in 0..<7 {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    return samples.sorted()[samples.count / 2]
}

var tokens = 0
let ours = try median {
    tokens = 0
    for source in sources { tokens += try tokenize(source).count }
}
// Sources that parse (the largest modules may use async, which the parser leaves out).
let parsable = sources.filter { (try? parse($0)) != nil }
let parsableLines = parsable.reduce(0) { $0 + $1.bytes.filter { $0 == 10 }.count }
let oursParsing = try median {
    for source in parsable { _ = try parse(source) }
}
let theirs = Double(try python("""
import time, tokenize, io
paths = \(Array(paths))
data = [open(p, 'rb').read() for p in paths]
samples = []
for _ in range(3):
    t = time.perf_counter()
    for d in data:
        for _ in tokenize.tokenize(io.BytesIO(d).readline): pass
    samples.append(time.perf_counter() - t)
print(sorted(samples)[1])
"""))!
let theirsParsing = Double(try python("""
import time, ast
paths = \(parsable.map(\.fileName))
data = [open(p, 'rb').read() for p in paths]
samples = []
for _ in range(3):
    t = time.perf_counter()
    for d in data: ast.parse(d)
    samples.append(time.perf_counter() - t)
print(sorted(samples)[1])
"""))!
print("\(paths.count) files, \(bytes) bytes, \(tokens) tokens")
print(String(format: "ours: %.1f MB/s (median of 7); CPython's tokenize module: %.1f MB/s; ratio %.0fx", Double(bytes) / ours / 1e6, Double(bytes) / theirs / 1e6, theirs / ours))
print(String(format: "parser: %d files, %d lines: %.1f ms, %.2f ms per 1000 lines (median of 7); CPython's ast.parse: %.1f ms; ratio %.1fx", parsable.count, parsableLines, oursParsing * 1e3, oursParsing * 1e6 / Double(parsableLines), theirsParsing * 1e3, theirsParsing / oursParsing))
