import Foundation
import FMList
import FMRules
import FMSchema

/// Validates JSON, YAML or JSON Lines files against a schema, as bots and maintainers do with
/// submitted entries: a `.jsonl` file holds one instance a line; other files hold one instance
/// each (YAML for .yml/.yaml, JSON otherwise).
public struct Validation {
    /// The name findings are reported under: the built-in schema's, or the schema file's.
    public let schemaName: String
    private let validator: Validator

    /// Validation against `schema`: a built-in schema's name or a schema file.
    public init(schema: String, assertFormats: Bool) throws(WorkflowFailure) {
        schemaName = URL(fileURLWithPath: schema).lastPathComponent.replacingOccurrences(of: ".schema.json", with: "")
        do {
            var registry = try SchemaRegistry.builtIn
            if FileManager.default.fileExists(atPath: schema) {
                registry = try registry.adding(contentsOf: URL(fileURLWithPath: schema), name: "given")
                validator = try Validator(schema: "given", registry: registry, assertFormats: assertFormats)
            } else {
                validator = try Validator(schema: schema, registry: registry, assertFormats: assertFormats)
            }
        } catch {
            throw .schema(error)
        }
    }

    /// What one file holds: its findings, each at the line of its instance, and how many
    /// instances were valid.
    public struct FileOutcome: Sendable {
        public var report: Report
        public var summary: ValidationSummary
    }

    public func validate(file: String) throws(WorkflowFailure) -> FileOutcome {
        guard let data = FileManager.default.contents(atPath: file) else { throw .unreadableFile(path: file) }
        // Read as it is, or not at all: a byte that is not UTF-8 would be checked as U+FFFD.
        if let offset = firstInvalidUTF8Offset(in: data) {
            throw .list(.invalidUTF8(path: ControlCharacters.escaped(file), offset: offset))
        }
        var summary = ValidationSummary()
        var findings: [Finding] = []
        let name = schemaName
        let record = { (line: Int, outcome: Result<[SchemaFinding], JSONSyntaxError>) in
            switch outcome {
            case .failure(let error):
                findings.append(Finding(ruleID: name, severity: .error, message: "not JSON: \(error)", line: line, column: 1))
            case .success(let found):
                for item in found {
                    findings.append(Finding(ruleID: name, severity: item.severity == .error ? .error : .warning,
                                            message: item.message, line: line, column: 1))
                }
            }
        }
        if file.hasSuffix(".jsonl") {
            summary = validator.validate(jsonLines: data, report: record)
        } else {
            summary.instances = 1
            do {
                let value = try Self.read(data, yaml: file.hasSuffix(".yml") || file.hasSuffix(".yaml"))
                record(1, .success(validator.validate(value)))
            } catch let error as JSONSyntaxError {
                record(error.line, .failure(error))
            } catch let error as YAMLSyntaxError where error.expansionLimit != nil {
                findings.append(Finding(ruleID: name, severity: .error, message: error.describing(file: file), line: 1, column: 1))
            } catch {
                findings.append(Finding(ruleID: name, severity: .error, message: "not YAML: \(error)", line: 1, column: 1))
            }
            if findings.contains(where: { $0.severity == .error }) { summary.invalid = 1 } else if !findings.isEmpty { summary.warningsOnly = 1 }
        }
        return FileOutcome(report: Report(file: file, findings: findings), summary: summary)
    }

    private static func read(_ data: Data, yaml: Bool) throws -> JSONValue {
        if yaml { return try JSONValue(yaml: String(decoding: data, as: UTF8.self)) }
        return try JSONValue(jsonData: data)
    }
}

extension ValidationSummary {
    /// This summary and `other`'s, added up.
    public static func + (lhs: ValidationSummary, rhs: ValidationSummary) -> ValidationSummary {
        var sum = lhs
        sum.instances += rhs.instances
        sum.invalid += rhs.invalid
        sum.warningsOnly += rhs.warningsOnly
        return sum
    }
}
