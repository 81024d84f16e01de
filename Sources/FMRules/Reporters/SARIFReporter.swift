import FMList
import Foundation

/// SARIF 2.1.0, the format code-scanning tools read: one run, the rules from their descriptions,
/// one result per finding.
public struct SARIFReporter: Reporter {
    public var version: String

    public init(version: String) {
        self.version = version
    }

    private struct Log: Encodable {
        var version = "2.1.0"
        var schema = "https://json.schemastore.org/sarif-2.1.0.json"
        var runs: [Run]
        enum CodingKeys: String, CodingKey { case version, schema = "$schema", runs }
    }
    private struct Run: Encodable { var tool: Tool; var results: [Result] }
    private struct Tool: Encodable { var driver: Driver }
    private struct Driver: Encodable {
        var name = "fmadd"
        var version: String
        var informationUri = "https://github.com/YutingHe-list/Awesome-Foundation-Models-for-Advancing-Healthcare"
        var rules: [RuleMetadata]
    }
    private struct Text: Encodable { var text: String }
    private struct RuleMetadata: Encodable {
        var id: String
        var name: String
        var shortDescription: Text
        var fullDescription: Text
        var help: Text
        var defaultConfiguration: Configuration
        struct Configuration: Encodable { var level: String }
    }
    private struct Result: Encodable {
        var ruleId: String
        var ruleIndex: Int
        var level: String
        var message: Text
        var locations: [Location]
    }
    private struct Location: Encodable { var physicalLocation: Physical }
    private struct Physical: Encodable { var artifactLocation: Artifact; var region: Region }
    private struct Artifact: Encodable { var uri: String }
    private struct Region: Encodable { var startLine: Int; var startColumn: Int }

    public func render(_ reports: [Report]) -> String {
        let descriptions = RuleRegistry.all.map { $0.description }
        let index = Dictionary(uniqueKeysWithValues: descriptions.enumerated().map { ($0.element.id, $0.offset) })
        var rules = descriptions.map { d in
            RuleMetadata(id: d.id, name: d.id, shortDescription: Text(text: d.summary), fullDescription: Text(text: d.rationale),
                         help: Text(text: "\(d.summary) Run `fmadd rules --explain \(d.id)` for examples."),
                         defaultConfiguration: .init(level: d.severity == .error ? "error" : "warning"))
        }
        var extra: [String: Int] = [:]
        var results: [Result] = []
        for report in reports {
            for finding in report.findings {
                var ruleIndex = index[finding.ruleID] ?? extra[finding.ruleID]
                if ruleIndex == nil {  // a finding of a schema or another source than a rule
                    ruleIndex = rules.count
                    extra[finding.ruleID] = rules.count
                    rules.append(RuleMetadata(id: finding.ruleID, name: finding.ruleID, shortDescription: Text(text: finding.ruleID),
                                              fullDescription: Text(text: finding.ruleID), help: Text(text: finding.ruleID),
                                              defaultConfiguration: .init(level: "error")))
                }
                results.append(Result(ruleId: finding.ruleID, ruleIndex: ruleIndex ?? 0,
                                      level: finding.severity == .error ? "error" : "warning",
                                      message: Text(text: finding.message),
                                      locations: [Location(physicalLocation: Physical(artifactLocation: Artifact(uri: report.file),
                                                                                       region: Region(startLine: finding.line, startColumn: finding.column)))]))
            }
        }
        let log = Log(runs: [Run(tool: Tool(driver: Driver(version: version, rules: rules)), results: results)])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(log) else { return "{}\n" }
        return ControlCharacters.escapedJSON(String(decoding: data, as: UTF8.self)) + "\n"
    }
}
