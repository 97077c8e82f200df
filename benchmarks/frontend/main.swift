// Tokenizer throughput on the ten largest modules of CPython's standard library, beside
// CPython's own `tokenize` module on the same files, in one run.
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

var samples: [Double] = []
var tokens = 0
for _ in 0..<7 {
    let start = DispatchTime.now().uptimeNanoseconds
    tokens = 0
    for source in sources { tokens += try tokenize(source).count }
    samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
}
let ours = samples.sorted()[samples.count / 2]
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
print("\(paths.count) files, \(bytes) bytes, \(tokens) tokens")
print(String(format: "ours: %.1f MB/s (median of 7); CPython's tokenize module: %.1f MB/s; ratio %.0fx", Double(bytes) / ours / 1e6, Double(bytes) / theirs / 1e6, theirs / ours))
