import Foundation
import XCTest
@testable import FrontEnd

/// The parser's main proof: for every program in `corpus/` and every top-level module of CPython's
/// standard library, our tree printed by `ASTDumper` equals CPython's `ast.dump`, positions
/// included. One python3 run dumps all files.
final class ParserDifferentialTests: XCTestCase {
    /// Prints `FILE <path>` and the dump, or `SKIP <path> <reason>` for a file CPython rejects or
    /// one using what the parser leaves out (async, await, match, except*). Before dumping, it
    /// turns byte columns into code-point columns, drops `Constant.kind` (`u'...'`), and gives
    /// the parts of each f-string its position, as ours have (CPython 3.11's are partly that and
    /// partly artifacts of its re-parsing).
    static let dumpScript = """
        import ast, sys
        out = open(sys.argv[1], 'w', encoding='ascii')
        LEFT_OUT = (ast.AsyncFunctionDef, ast.AsyncFor, ast.AsyncWith, ast.Await, ast.Match, ast.TryStar)

        def characters(line, offset):
            return len(line[:offset].decode('utf-8', 'replace'))

        def place(joined, node):
            for part in joined.values:
                for name in ('lineno', 'col_offset', 'end_lineno', 'end_col_offset'):
                    setattr(part, name, getattr(node, name))
                spec = getattr(part, 'format_spec', None)
                if spec is not None:
                    for name in ('lineno', 'col_offset', 'end_lineno', 'end_col_offset'):
                        setattr(spec, name, getattr(node, name))
                    place(spec, node)

        for path in sys.argv[2:]:
            data = open(path, 'rb').read()
            try:
                tree = ast.parse(data)
            except SyntaxError:
                out.write('SKIP %s rejected\\n' % path)
                continue
            left_out = [type(n).__name__ for n in ast.walk(tree) if isinstance(n, LEFT_OUT)]
            if left_out:
                out.write('SKIP %s %s\\n' % (path, left_out[0]))
                continue
            lines = data[3:].splitlines() if data.startswith(b'\\xef\\xbb\\xbf') else data.splitlines()
            specs = set()
            for node in ast.walk(tree):
                if isinstance(node, ast.Constant):
                    node.kind = None
                if isinstance(node, ast.FormattedValue) and node.format_spec is not None:
                    specs.add(id(node.format_spec))
                if 'col_offset' in node._attributes:
                    node.col_offset = characters(lines[node.lineno - 1], node.col_offset)
                    node.end_col_offset = characters(lines[node.end_lineno - 1], node.end_col_offset)
            for node in ast.walk(tree):
                if isinstance(node, ast.JoinedStr) and id(node) not in specs:
                    place(node, node)
            text = ast.dump(tree, include_attributes=True).encode('ascii', 'backslashreplace').decode('ascii')
            out.write('FILE %s\\n%s\\n' % (path, text))
        """

    func testCorpusAndStandardLibraryParseLikeCPython() throws {
        let stdlib = try runPython("import sysconfig; print(sysconfig.get_paths()['stdlib'])")
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let topLevel = try FileManager.default.contentsOfDirectory(atPath: stdlib)
            .filter { $0.hasSuffix(".py") }.sorted().map { stdlib + "/" + $0 }
        let files = pythonFiles(under: corpusDirectory).map(\.path) + topLevel
        let listing = FileManager.default.temporaryDirectory.appendingPathComponent("frontend-ast-\(UUID().uuidString).txt")
        defer { try? FileManager.default.removeItem(at: listing) }
        _ = try runPython(Self.dumpScript, arguments: [listing.path] + files)
        let expected = try String(contentsOf: listing, encoding: .ascii)

        var compared = 0, nodes = 0, mismatches = 0, skipped: [String: Int] = [:]
        var currentPath = ""
        for line in expected.split(separator: "\n", omittingEmptySubsequences: false) where !line.isEmpty {
            if line.hasPrefix("SKIP ") {
                skipped[String(line.split(separator: " ").last ?? ""), default: 0] += 1
                continue
            }
            if line.hasPrefix("FILE ") {
                currentPath = String(line.dropFirst(5))
                continue
            }
            compared += 1
            nodes += line.components(separatedBy: "lineno=").count - 1
            let ours = try ourDump(path: currentPath)
            if ours != line {
                mismatches += 1
                XCTFail("\(currentPath): \(firstDifference(ours, String(line)))")
            }
        }
        print("parser differential: \(compared) files, \(nodes) positioned nodes compared, \(mismatches) mismatching files, skipped \(skipped)")
        XCTAssertGreaterThan(compared, 150)
    }

    private func ourDump(path: String) throws -> String {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        do {
            let source = try SourceText(fileName: path, bytes: bytes)
            return ASTDumper(attributes: true).dump(try parse(source))
        } catch {
            return "error: \(error.rendered)"
        }
    }
}

/// Where two dumps first differ, with some context from each.
func firstDifference(_ ours: String, _ theirs: String) -> String {
    let a = Array(ours.utf8), b = Array(theirs.utf8)
    var at = 0
    while at < a.count && at < b.count && a[at] == b[at] { at += 1 }
    let from = max(0, at - 150)
    func excerpt(_ bytes: [UInt8]) -> String {
        String(decoding: bytes[min(from, bytes.count)..<min(bytes.count, at + 150)], as: UTF8.self)
    }
    return "at byte \(at):\n  ours:    \(excerpt(a))\n  CPython: \(excerpt(b))"
}
