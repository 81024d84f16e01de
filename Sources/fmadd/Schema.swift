import ArgumentParser
import Foundation
import FMSchema

extension Fmadd {
    struct Schema: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "schema",
            abstract: "Print a built-in JSON Schema: entry, dataset or config.")

        @Argument(help: "The schema's name.")
        var name: String

        func validate() throws {
            let registry = try SchemaRegistry.builtIn
            guard registry.document(name) != nil else {
                throw ValidationError("unknown schema '\(name)'; the built-in schemas are \(registry.names.joined(separator: ", "))")
            }
        }

        func run() throws {
            guard let text = SchemaRegistry.builtInText(name) else { ExitStatus.failure.exit() }
            StandardOutput.write(text)
        }
    }
}
