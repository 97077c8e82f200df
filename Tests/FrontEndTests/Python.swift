import Foundation
import XCTest
@testable import FrontEnd

/// Runs `python3` (found through /usr/bin/env) on a script and returns what it printed.
func runPython(_ script: String, arguments: [String] = [], workingDirectory: URL? = nil) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script] + arguments
    if let workingDirectory = workingDirectory { process.currentDirectoryURL = workingDirectory }
    let output = FileManager.default.temporaryDirectory.appendingPathComponent("frontend-python-\(UUID().uuidString).txt")
    _ = FileManager.default.createFile(atPath: output.path, contents: nil)
    defer { try? FileManager.default.removeItem(at: output) }
    process.standardOutput = try FileHandle(forWritingTo: output)
    try process.run()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
        throw NSError(domain: "python3", code: Int(process.terminationStatus))
    }
    return String(decoding: try Data(contentsOf: output), as: UTF8.self)
}

/// The repository's `corpus/` folder of Python programs.
var corpusDirectory: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../corpus").standardized
}

/// Every `.py` file under a folder, sorted.
func pythonFiles(under directory: URL) -> [URL] {
    let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil)
    var files: [URL] = []
    while let url = enumerator?.nextObject() as? URL {
        if url.pathExtension == "py" { files.append(url) }
    }
    return files.sorted { $0.path < $1.path }
}

/// Python's `ascii()` of a string: the quoting `repr` uses, with every non-ASCII code point escaped,
/// so that the text does not depend on which Unicode version decides what is printable.
func pythonASCII(_ text: String) -> String {
    let quote: Character = text.contains("'") && !text.contains("\"") ? "\"" : "'"
    var out = String(quote)
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        case _ where Character(scalar) == quote: out += "\\\(quote)"
        case _ where scalar.value < 0x20 || scalar.value == 0x7F: out += "\\x" + hexDigits(scalar.value, width: 2).lowercased()
        case _ where scalar.value < 0x80: out.unicodeScalars.append(scalar)
        case _ where scalar.value < 0x100: out += "\\x" + hexDigits(scalar.value, width: 2).lowercased()
        case _ where scalar.value < 0x10000: out += "\\u" + hexDigits(scalar.value, width: 4).lowercased()
        default: out += "\\U" + hexDigits(scalar.value, width: 8).lowercased()
        }
    }
    return out + String(quote)
}

/// One token as the differential test prints it: `tokenize`'s type name, `ascii()` of the text,
/// start and end.
func tokenLine(_ token: Token, in source: SourceText) -> String {
    "\(token.kind.pythonName) \(pythonASCII(source.text(of: token))) (\(token.start.line), \(token.start.column)) (\(token.end.line), \(token.end.column))"
}

func source(_ text: String, fileName: String = "prog.py") throws -> SourceText {
    try SourceText(fileName: fileName, text: text)
}
