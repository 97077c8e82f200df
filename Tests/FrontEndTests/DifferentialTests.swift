import Foundation
import XCTest
@testable import FrontEnd

/// The main proof: CPython's own `tokenize` module and this lexer print the same tokens for every
/// program in `corpus/` and for a few hundred files of CPython's standard library.
final class DifferentialTests: XCTestCase {
    /// Prints, for each file, `FILE <path>` then one line per token, or `SKIP <path>` when CPython
    /// itself rejects the file (tokenize fails, reports an ERRORTOKEN, or compile() fails) or when
    /// it has bare carriage-return line breaks, which the C tokenizer honours and `tokenize`'s
    /// readline does not.
    static let tokenizeScript = """
        import sys, tokenize, io
        out = open(sys.argv[1], 'w', encoding='ascii')
        for path in sys.argv[2:]:
            data = open(path, 'rb').read()
            try:
                compile(data, path, 'exec')
                toks = list(tokenize.tokenize(io.BytesIO(data).readline))
                bare_cr = b'\\r' in data.replace(b'\\r\\n', b'')
                ok = not bare_cr and all(t.type != tokenize.ERRORTOKEN for t in toks)
            except Exception:
                ok = False
            if not ok:
                out.write('SKIP %s\\n' % path)
                continue
            out.write('FILE %s\\n' % path)
            for t in toks:
                if t.type == tokenize.ENCODING: continue
                out.write('%s %s %s %s\\n' % (tokenize.tok_name[t.type], ascii(t.string), t.start, t.end))
        """

    func testCorpusAndStandardLibraryTokenizeLikeCPython() throws {
        let stdlib = try runPython("import sysconfig; print(sysconfig.get_paths()['stdlib'])")
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let files = pythonFiles(under: corpusDirectory).map(\.path) + standardLibraryFiles(in: stdlib)
        XCTAssertGreaterThan(files.count, 300)
        let listing = FileManager.default.temporaryDirectory.appendingPathComponent("frontend-tokens-\(UUID().uuidString).txt")
        defer { try? FileManager.default.removeItem(at: listing) }
        _ = try runPython(Self.tokenizeScript, arguments: [listing.path] + files)
        let expected = try String(contentsOf: listing, encoding: .ascii)

        var comparedFiles = 0, comparedTokens = 0, mismatches = 0, skipped = 0
        for (path, expectedTokens) in Self.fileBlocks(expected) {
            guard let expectedTokens = expectedTokens else {
                skipped += 1
                continue
            }
            let actual = try ourTokenLines(path: path)
            comparedFiles += 1
            comparedTokens += expectedTokens.count
            if actual != expectedTokens {
                mismatches += 1
                let index = zip(actual, expectedTokens).enumerated().first { $0.element.0 != $0.element.1 }?.offset
                    ?? min(actual.count, expectedTokens.count)
                XCTFail("\(path): token \(index): ours \(actual.dropFirst(index).first ?? "<end>"), CPython \(expectedTokens.dropFirst(index).first ?? "<end>")")
            }
        }
        print("differential: \(comparedFiles) files, \(comparedTokens) tokens compared, \(mismatches) mismatching files, \(skipped) skipped")
        XCTAssertGreaterThan(comparedFiles, 300)
    }

    /// The script's output as (path, token lines), with nil token lines for a skipped file.
    private static func fileBlocks(_ output: String) -> [(String, [String]?)] {
        var blocks: [(String, [String]?)] = []
        for line in output.split(separator: "\n").map(String.init) {
            if line.hasPrefix("SKIP ") {
                blocks.append((String(line.dropFirst(5)), nil))
            } else if line.hasPrefix("FILE ") {
                blocks.append((String(line.dropFirst(5)), []))
            } else {
                blocks[blocks.count - 1].1?.append(line)
            }
        }
        return blocks
    }

    /// The standard library's top-level modules and those one package down, without the test suite.
    private func standardLibraryFiles(in stdlib: String) -> [String] {
        let root = URL(fileURLWithPath: stdlib)
        let skippedPackages: Set<String> = ["test", "idlelib", "site-packages", "lib2to3"]
        let entries = (try? FileManager.default.contentsOfDirectory(at: root, includingPropertiesForKeys: nil)) ?? []
        var files: [String] = []
        for entry in entries.sorted(by: { $0.path < $1.path }) {
            if entry.pathExtension == "py" {
                files.append(entry.path)
            } else if !skippedPackages.contains(entry.lastPathComponent) {
                let inner = (try? FileManager.default.contentsOfDirectory(at: entry, includingPropertiesForKeys: nil)) ?? []
                files += inner.filter { $0.pathExtension == "py" }.map(\.path).sorted()
            }
        }
        return files
    }

    private func ourTokenLines(path: String) throws -> [String] {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        do {
            let source = try SourceText(fileName: path, bytes: bytes)
            return try tokenize(source).map { tokenLine($0, in: source) }
        } catch {
            return ["error: \(error.rendered)"]
        }
    }
}
