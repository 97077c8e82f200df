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
        let opening = "<testcase classname=\"\(escape(check.program.category))\" "
            + "name=\"\(escape(check.program.id)) [\(escape(verdict.engine))]\">"
        switch verdict.status {
        case .missing:
            return opening + "<skipped message=\"\(escape(verdict.detail ?? "engine missing"))\"/></testcase>"
        case _ where verdict.status.isFailure:
            let divergences = check.divergences.filter { $0.right == verdict.engine }.map(\.rendered).joined()
            let message = "\(verdict.status.rawValue): \(verdict.detail ?? "")"
            return opening + "<failure message=\"\(escape(message))\">\(escape(divergences))</failure></testcase>"
        default:
            return opening + "</testcase>"
        }
    }

    /// XML text and attribute escaping; characters XML 1.0 cannot carry at all are replaced.
    static func escape(_ text: String) -> String {
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&apos;"
            case "\t", "\n", "\r": escaped.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF: escaped += "\u{FFFD}"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }
}
