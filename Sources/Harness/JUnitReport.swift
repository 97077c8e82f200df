import Foundation

/// JUnit XML for CI systems: one test case per program and engine, failed when the engine's output
/// diverges or the engine failed, skipped when the engine is missing.
public enum JUnitReport {
    public static func render(_ checks: [ProgramCheck]) -> String {
        let cases = checks.flatMap { check in check.verdicts.map { testCase(check, $0) } }
        let failures = checks.flatMap(\.verdicts).filter(\.status.isFailure).count
        let skipped = checks.flatMap(\.verdicts).filter { $0.status == .missing }.count
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites>
            <testsuite name="jitbench diff" tests="\(cases.count)" failures="\(failures)" skipped="\(skipped)">
            \(cases.joined(separator: "\n"))
            </testsuite>
            </testsuites>

            """
    }

    private static func testCase(_ check: ProgramCheck, _ verdict: EngineVerdict) -> String {
        let opening = "<testcase classname=\"\(MarkupText.escape(check.program.category))\" "
            + "name=\"\(MarkupText.escape(check.program.id)) [\(MarkupText.escape(verdict.engine))]\">"
        switch verdict.status {
        case .missing:
            return opening + "<skipped message=\"\(MarkupText.escape(verdict.detail ?? "engine missing"))\"/></testcase>"
        case _ where verdict.status.isFailure:
            let divergences = check.divergences.filter { $0.right == verdict.engine }.map(\.rendered).joined()
            let message = "\(verdict.status.rawValue): \(verdict.detail ?? "")"
            return opening + "<failure message=\"\(MarkupText.escape(message))\">\(MarkupText.escape(divergences))</failure></testcase>"
        default:
            return opening + "</testcase>"
        }
    }
}
