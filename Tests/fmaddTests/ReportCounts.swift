import Foundation

/// What `fmadd check --format json` reports for a list: the count every other format and the
/// summary line must agree with, read from the same binary rather than written into the tests.
struct ReportCounts: Equatable {
    var errors = 0
    var warnings = 0
    var fixable = 0
    var total: Int { errors + warnings }
    /// Findings by rule id.
    var byRule: [String: Int] = [:]

    init(json: String) throws {
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] ?? [:]
        for file in object["files"] as? [[String: Any]] ?? [] {
            for finding in file["findings"] as? [[String: Any]] ?? [] {
                if finding["severity"] as? String == "error" { errors += 1 } else { warnings += 1 }
                if finding["fix"] != nil { fixable += 1 }
                byRule[finding["rule"] as? String ?? "", default: 0] += 1
            }
        }
    }

    static func of(_ path: String) throws -> ReportCounts {
        try ReportCounts(json: try Fmadd.run(["check", "--format", "json", path]).stdout)
    }
}
