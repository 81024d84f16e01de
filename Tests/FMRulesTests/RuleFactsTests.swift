import Foundation
import FMRules
import FMTestSupport
import Testing

/// What is known about a rule lives on its description: no other source file names a rule id,
/// so adding a rule touches its own file and the registry.
@Suite struct RuleFactsTests {
    static let ids = RuleRegistry.all.map { $0.description.id }

    @Test func noSourceOutsideTheRulesNamesARuleID() throws {
        let sources = Paths.repository.appendingPathComponent("Sources")
        let files = FileManager.default.enumerator(atPath: sources.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") } ?? []
        #expect(files.count > 50)
        for file in files where !file.hasPrefix("FMRules/Rules/") && file != "FMSchema/BuiltIn/BuiltInSchemas.swift" {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            for id in Self.ids {
                #expect(!text.contains("\"\(id)\""), "\(file) names the rule \(id): say what it needs on the rule's description")
            }
        }
    }

    /// Every rule id named in the schemas, the README and CONTRIBUTING.md, in a `rules:` setting
    /// or a backquoted `[`id`]` link, is a rule fmadd has.
    @Test func everyRuleNamedInTheDocumentsExists() throws {
        let pattern = try Regex(#""([a-z]+(?:-[a-z]+)+)"\s*:\s*"(?:off|warning|error)""#)
        var named = Set<String>()
        for file in ["Schemas/config.schema.json", "README.md", "CONTRIBUTING.md"] {
            let text = try String(contentsOf: Paths.repository.appendingPathComponent(file), encoding: .utf8)
            for match in text.matches(of: pattern) { named.insert(String(match.output[1].substring!)) }
            for match in text.matches(of: try Regex(#"\[`([a-z]+(?:-[a-z]+)+)`\]\(#"#)) { named.insert(String(match.output[1].substring!)) }
        }
        #expect(!named.isEmpty)
        #expect(named.subtracting(Self.ids).isEmpty, "named but not rules: \(named.subtracting(Self.ids).sorted())")
    }
}
