/// JUnit XML, which most CI servers show as test results: a test suite per file, a failing test
/// case per finding (a clean file is one passing case).
public struct JUnitReporter: Reporter {
    public init() {}

    public func render(_ reports: [Report]) -> String {
        let total = reports.reduce(0) { $0 + max(1, $1.findings.count) }
        let failures = reports.reduce(0) { $0 + $1.findings.count }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"fmadd\" tests=\"\(total)\" failures=\"\(failures)\">\n"
        for report in reports {
            let file = report.file.xmlAttributeEscaped
            out += "  <testsuite name=\"\(file)\" tests=\"\(max(1, report.findings.count))\" failures=\"\(report.findings.count)\" errors=\"0\">\n"
            if report.findings.isEmpty {
                out += "    <testcase classname=\"\(file)\" name=\"fmadd check\"/>\n"
            }
            for finding in report.findings {
                let name = "\(report.file):\(finding.line):\(finding.column) \(finding.ruleID)".xmlAttributeEscaped
                out += "    <testcase classname=\"\(file)\" name=\"\(name)\">\n"
                out += "      <failure type=\"\(finding.severity.rawValue)\" message=\"\(finding.message.xmlAttributeEscaped)\">"
                out += "\(report.file):\(finding.line):\(finding.column): \(finding.severity.rawValue): \(finding.message) [\(finding.ruleID)]".xmlEscaped
                out += "</failure>\n    </testcase>\n"
            }
            out += "  </testsuite>\n"
        }
        return out + "</testsuites>\n"
    }
}
