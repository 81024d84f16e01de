import ArgumentParser
import Foundation
import FMRules

extension Fmadd {
    struct Rules: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rules",
            abstract: "List the rules, or explain one with its examples.")

        @Option(help: ArgumentHelp("Show one rule: what it asks, why, and examples.", valueName: "rule-id"))
        var explain: String?

        @Flag(help: "Print the rules as the Markdown section of CONTRIBUTING.md.")
        var markdown = false

        func validate() throws {
            if let explain, RuleRegistry.description(of: explain) == nil {
                throw ValidationError("unknown rule '\(explain)'; `fmadd rules` lists them")
            }
        }

        func run() throws {
            let text: String
            if let explain, let description = RuleRegistry.description(of: explain) {
                text = RuleDocumentation.explain(description)
            } else if markdown {
                text = RuleDocumentation.markdown()
            } else {
                text = RuleDocumentation.list()
            }
            StandardOutput.write(text)
        }
    }
}
