import Foundation
import XCTest
@testable import Harness

final class ReportTests: XCTestCase {
    private var report: Report { SampleRun.report }

    private func jsonObject() throws -> [String: Any] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: ReportJSON.encode(report)) as? [String: Any])
    }

    func testJSONHasTheVersionedSchemaAndMetadata() throws {
        let json = try jsonObject()
        XCTAssertEqual(json["schema"] as? String, "jitbench-report")
        XCTAssertEqual(json["schema_version"] as? Int, 1)
        XCTAssertEqual(json["partial"] as? Bool, false)
        let machine = try XCTUnwrap(json["machine"] as? [String: Any])
        for key in ["hostname", "cpu_model", "cpu_count", "kernel", "operating_system", "memory_bytes", "engine_environment"] {
            XCTAssertNotNil(machine[key], key)
        }
        XCTAssertEqual((machine["commit"] as? String)?.count, 40, "tests run in the repository: its commit is recorded")
        let engines = try XCTUnwrap(json["engines"] as? [[String: Any]])
        XCTAssertEqual(engines.first?["version"] as? String, report.engines[0].version)
        XCTAssertEqual(engines.first?["command"] as? [String], ["python3", "{python_driver}", "3", "{stats_file}", "{program}"])
    }

    /// docs/REPORT.md documents every field the JSON has (maps of free names such as counters aside).
    func testEveryJSONFieldIsDocumented() throws {
        let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/REPORT.md")
        let documentation = try String(contentsOf: docs, encoding: .utf8)
        var keys = Set<String>()
        func collect(_ value: Any) {
            if let object = value as? [String: Any] {
                for (key, child) in object {
                    keys.insert(key)
                    if !["counters", "engine_environment"].contains(key) { collect(child) }
                }
            } else if let array = value as? [Any] {
                array.forEach(collect)
            }
        }
        collect(try jsonObject())
        for key in keys.sorted() {
            XCTAssertTrue(documentation.contains("`\(key)`"), "docs/REPORT.md does not document `\(key)`")
        }
    }

    func testJSONRoundTripsAndRejectsOtherFiles() throws {
        let directory = try ScratchDirectory()
        let path = directory.url.appendingPathComponent("r.json")
        try AtomicFile.write(ReportJSON.encode(report), to: path)
        let read = try ReportJSON.read(path.path)
        XCTAssertEqual(try ReportJSON.encode(read), try ReportJSON.encode(report))
        try Data("{\"schema\": \"other\"}".utf8).write(to: path)
        XCTAssertThrowsError(try ReportJSON.read(path.path))
        XCTAssertThrowsError(try ReportJSON.read(directory.url.appendingPathComponent("none.json").path))
    }

    func testAllViewsAreWrittenAtomicallyBesideTheJSON() throws {
        let directory = try ScratchDirectory()
        let written = try ReportFiles.write(report, to: directory.url)
        XCTAssertEqual(written.map(\.lastPathComponent).suffix(4), ["latest.json", "latest.md", "latest.csv", "latest.html"])
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.url.path).filter { $0.hasSuffix(".tmp") }
        XCTAssertEqual(leftovers, [])
    }

    func testMarkdownHasTheSummaryAndEscapesProgramText() {
        let markdown = ReportMarkdown.render(report)
        XCTAssertTrue(markdown.contains("| all | cpython vs correct | 3 |"), markdown)
        XCTAssertTrue(markdown.contains("crash SIGSEGV (11)"), markdown)
        XCTAssertFalse(markdown.contains("<script>"), "program output must not become HTML in a job summary")
        XCTAssertEqual(ReportMarkdown.escape("a|b <i>"), "a\\|b &lt;i&gt;")
    }

    func testCSVHasOneQuotedRowPerProgramAndEngine() throws {
        let csv = ReportCSV.render(report)
        let lines = csv.split(separator: "\r\n")
        XCTAssertEqual(lines.count, 1 + 3 * 5)
        XCTAssertTrue(lines[0].hasPrefix("program,category,engine,status,signal,detail,processes,time_basis,median_seconds"))
        XCTAssertEqual(ReportCSV.quote("say \"hi\", then\nbye"), "\"say \"\"hi\"\", then\nbye\"")
        let cpython = try XCTUnwrap(lines.first { $0.hasPrefix("int/sum_squares,int,cpython,ok,") })
        XCTAssertEqual(cpython.split(separator: ",", omittingEmptySubsequences: false).count, lines[0].split(separator: ",").count)
    }

    func testHTMLIsWellFormedSelfContainedAndEscaped() throws {
        let html = ReportHTML.render(report)
        XCTAssertFalse(html.lowercased().contains("<script"), "no script, and program text like <script> is escaped")
        XCTAssertTrue(html.contains("&lt;zcript&gt;") || html.contains("&lt;script&gt;"), "the wrong engine's output detail is shown escaped")
        XCTAssertFalse(html.contains("http://") && html.replacingOccurrences(of: "http://www.w3.org/2000/svg", with: "").contains("http://"), "nothing fetched")
        XCTAssertEqual(html.components(separatedBy: "<svg").count - 1, 2 + 2, "speedup and memory charts, warm-up curves of the two programs that complete iterations")
        try PythonCheck.run(Self.wellFormedHTMLCheck, input: html)
    }

    /// Every non-void element is closed in order, and there is no script element.
    static let wellFormedHTMLCheck = """
        import sys
        from html.parser import HTMLParser
        VOID = {"meta", "br", "hr", "img", "input", "link"}
        class Checker(HTMLParser):
            def __init__(self):
                super().__init__(convert_charrefs=True)
                self.stack = []
            def handle_starttag(self, tag, attrs):
                assert tag != "script", "script element"
                if tag not in VOID:
                    self.stack.append(tag)
            def handle_startendtag(self, tag, attrs):
                assert tag != "script", "script element"
            def handle_endtag(self, tag):
                assert self.stack and self.stack[-1] == tag, f"</{tag}> closes {self.stack[-1:]}"
                self.stack.pop()
        checker = Checker()
        checker.feed(sys.stdin.read())
        checker.close()
        assert checker.stack == [], f"unclosed: {checker.stack}"
        """
}

final class ReportRescueTests: XCTestCase {
    func testAnUnwritableDirectoryStillKeepsTheMeasurements() throws {
        let scratch = try ScratchDirectory()
        let blocker = scratch.url.appendingPathComponent("file")
        try Data().write(to: blocker)  // a file where the directory should be
        XCTAssertThrowsError(try ReportFiles.writeKeepingMeasurements(SampleRun.report, to: blocker.appendingPathComponent("reports"))) { error in
            guard case .unwritable(_, _, let savedAt) = error as? ReportFileError else { return XCTFail("\(error)") }
            XCTAssertEqual((try? ReportJSON.read(savedAt))?.programs.count, 3)
            try? FileManager.default.removeItem(atPath: savedAt)
        }
    }
}
