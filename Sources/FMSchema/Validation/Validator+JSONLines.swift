import Foundation

/// What validating a JSON Lines file found; `description` is the summary line to print.
public struct ValidationSummary: Sendable, Hashable, CustomStringConvertible {
    /// Non-blank lines.
    public var instances = 0
    /// Lines that are not JSON or have an error.
    public var invalid = 0
    /// Lines with warnings and no error.
    public var warningsOnly = 0

    public init() {}

    /// `checked 1000000 instances: 30099 invalid, 10210 with warnings only`
    public var description: String {
        "checked \(instances) instances: \(invalid) invalid, \(warningsOnly) with warnings only"
    }
}

extension Validator {
    /// Validates each line of JSON Lines `data` as one instance (blank lines are skipped) and
    /// calls `report`, in line order, for each line that is not JSON or has findings.
    public func validate(jsonLines data: Data,
                         report: (_ line: Int, _ outcome: Result<[SchemaFinding], JSONSyntaxError>) -> Void) -> ValidationSummary {
        var summary = ValidationSummary()
        for line in JSONLines(data) {
            summary.instances += 1
            switch line.value {
            case .failure(let error):
                summary.invalid += 1
                report(line.number, .failure(error))
            case .success(let instance):
                let findings = validate(instance)
                if findings.isEmpty { continue }
                if findings.contains(where: { $0.severity == .error }) {
                    summary.invalid += 1
                } else {
                    summary.warningsOnly += 1
                }
                report(line.number, .success(findings))
            }
        }
        return summary
    }
}
