import ArgumentParser
import Foundation
import FMList
import FMRules
import FMSchema

extension Fmadd {
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "validate",
            abstract: "Validate JSON, YAML or JSON Lines files against a schema, as bots and maintainers do with submitted entries.",
            discussion: """
                A `.jsonl` file holds one instance a line; other files hold one instance each \
                (YAML for .yml/.yaml, JSON otherwise). Findings are reported as `fmadd check` \
                reports them, then a summary: `checked N instances: X invalid, Y with warnings only`.
                Exit status: 0 when every instance is valid, 1 when one is not, 2 when a file cannot be read \
                or is not UTF-8.
                """)

        @Option(help: ArgumentHelp("A built-in schema (entry, dataset, config) or a schema file.", valueName: "schema"))
        var schema: String

        @Flag(help: "Assert the formats uri, uri-reference, date and email instead of treating them as notes.")
        var assertFormats = false

        @Option(help: "Output format: \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
        var format: ReportFormat = .text

        @Argument(help: "The files to validate.")
        var files: [String]

        func run() throws {
            let validator = try makeValidator()
            let name = URL(fileURLWithPath: schema).lastPathComponent.replacingOccurrences(of: ".schema.json", with: "")
            var summary = ValidationSummary()
            var reports: [Report] = []
            var out = OutputBuffer()
            for file in files {
                guard let data = FileManager.default.contents(atPath: file) else {
                    printError("fmadd: error: cannot read \(ControlCharacters.escaped(file)); check that the file exists and is readable")
                    throw Exit.failure
                }
                // Read as it is, or not at all: a byte that is not UTF-8 would be checked as U+FFFD.
                if let offset = firstInvalidUTF8Offset(in: data) {
                    printError("fmadd: error: \(ListError.invalidUTF8(path: ControlCharacters.escaped(file), offset: offset))")
                    throw Exit.failure
                }
                var findings: [Finding] = []
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
                    let partial = validator.validate(jsonLines: data, report: record)
                    summary.instances += partial.instances
                    summary.invalid += partial.invalid
                    summary.warningsOnly += partial.warningsOnly
                } else {
                    summary.instances += 1
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
                    if findings.contains(where: { $0.severity == .error }) { summary.invalid += 1 } else if !findings.isEmpty { summary.warningsOnly += 1 }
                }
                if format == .text {
                    for finding in findings {
                        // The file name and the message (which quotes the instance) are shown, never acted on.
                        out.append("\(ControlCharacters.escaped(file, keeping: ["\t"])):\(finding.line):\(finding.column): "
                                   + "\(finding.severity.rawValue): \(ControlCharacters.escaped(finding.message, keeping: ["\t"])) [\(finding.ruleID)]\n")
                    }
                } else {
                    reports.append(Report(file: file, findings: findings))
                }
            }
            if format != .text { out.append(format.reporter.render(reports)) } else { out.append("\(summary)\n") }
            out.flush()
            exitNow(summary.invalid > 0 ? Exit.findings : .success)
        }

        private func makeValidator() throws -> Validator {
            do {
                var registry = try SchemaRegistry.builtIn
                if FileManager.default.fileExists(atPath: schema) {
                    registry = try registry.adding(contentsOf: URL(fileURLWithPath: schema), name: "given")
                    return try Validator(schema: "given", registry: registry, assertFormats: assertFormats)
                }
                return try Validator(schema: schema, registry: registry, assertFormats: assertFormats)
            } catch {
                printError("fmadd: error: \(error)")
                throw Exit.failure
            }
        }

        static func read(_ data: Data, yaml: Bool) throws -> JSONValue {
            if yaml { return try JSONValue(yaml: String(decoding: data, as: UTF8.self)) }
            return try JSONValue(jsonData: data)
        }
    }
}

/// Collects output and writes it in large pieces: a million findings should not be a million
/// system calls.
struct OutputBuffer {
    private var text = ""

    mutating func append(_ piece: String) {
        text += piece
        if text.utf8.count >= 1 << 16 { flush() }
    }

    mutating func flush() {
        FileHandle.standardOutput.write(Data(text.utf8))
        text = ""
    }
}
